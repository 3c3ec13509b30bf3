/**
 * `data/verify-custody.py`: the custody chain checked with stock Python 3 (standard library only), withheld entries
 * included. It mirrors verifyChain in utils/integrity/custody.ts; utils/bundle/custody-script.test.ts runs both on
 * the same logs.
 */
export const CUSTODY_SCRIPT_FILE = 'verify-custody.py';

export const CUSTODY_SCRIPT = String.raw`#!/usr/bin/env python3
"""Checks the chain of custody of an ISMS evidence bundle (data/custody-log.jsonl).

    python3 verify-custody.py [path/to/custody-log.jsonl]

Standard library only. Each entry's hash is recomputed and linked to the one before it, withheld entries
included (their hash covers their sequence, time, kind and the hash of what they withhold). Prints "OK"
with the counts and the last hash, or one line per entry that fails, and exits 1.
"""
import hashlib
import json
import os
import sys
from decimal import Decimal

GENESIS = "0" * 64
HEADER = ("at", "event", "payloadHash", "previousHash", "sequence")
PAYLOAD = ("actor", "details", "evidenceId")
WITHHELD_FIELDS = {"sequence", "at", "event", "payloadHash", "previousHash", "hash", "withheld"}
FULL_FIELDS = set(HEADER) | set(PAYLOAD) | {"hash"}


def js_number(value):
    """A number as JavaScript's JSON.stringify writes it, which is what the hashes were made of."""
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    _, digits, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digits))
    k, n = len(digits), len(digits) + exponent
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return sign + mantissa + "e" + ("+" if n - 1 >= 0 else "-") + str(abs(n - 1))


def canonical(value):
    """JSON with keys sorted at every level (in UTF-16 order, as JavaScript sorts) and no spaces."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
    return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + canonical(value[key]) for key in keys) + "}"


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def own_hash_holds(entry, problems, label):
    fields = set(entry)
    if entry.get("withheld") is True:
        if not fields <= WITHHELD_FIELDS:
            problems.append(label + ": a withheld entry carries " + ", ".join(sorted(fields - WITHHELD_FIELDS)))
            return False
        if "payloadHash" not in entry:
            return None  # written before two-step hashing: only its links can be checked
    elif "payloadHash" in entry:
        if fields != FULL_FIELDS:
            problems.append(label + ": unexpected or missing fields")
            return False
        if sha256(canonical({key: entry[key] for key in PAYLOAD})) != entry["payloadHash"]:
            return False
    else:
        return sha256(canonical({key: value for key, value in entry.items() if key != "hash"})) == entry.get("hash")
    return sha256(canonical({key: entry[key] for key in HEADER})) == entry.get("hash")


def main(path):
    with open(path, encoding="utf-8") as file:
        lines = [line for line in file.read().split("\n") if line != ""]
    problems, previous, withheld, unproven = [], None, 0, 0
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except ValueError:
            problems.append("line %d: not JSON" % number)
            continue
        label = "entry %s (line %d)" % (entry.get("sequence"), number)
        expected = previous["sequence"] + 1 if previous else 1
        if entry.get("sequence") != expected:
            problems.append("%s: expected sequence %d" % (label, expected))
        holds = own_hash_holds(entry, problems, label)
        if holds is False:
            problems.append(label + ": its hash does not match its content (it was changed)")
        if entry.get("previousHash") != (previous["hash"] if previous else GENESIS):
            problems.append(label + ": it does not link to the entry before it")
        if entry.get("withheld") is True:
            withheld += 1
            unproven += holds is None
        previous = entry
    if problems:
        print("FAILED")
        print("\n".join(problems))
        return 1
    print("OK: %d entries, %d withheld, the chain holds from the first entry" % (len(lines), withheld))
    if unproven:
        print("   %d withheld entries predate two-step hashing: their links hold, their time and kind are as written" % unproven)
    print("   last hash " + (previous["hash"] if previous else "(none)"))
    return 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "custody-log.jsonl")))
`;
