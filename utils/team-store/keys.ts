// The bucket layout: stable, readable by other tools, and the same for every installation.
//   <prefix>/blobs/sha256/<hex>                                             artifacts, content-addressed
//   <prefix>/installations/<id>/records/<evidence-id>/<revision>.json       one immutable object per revision
//   <prefix>/installations/<id>/custody/<sequence>-<entry-hash>.json        one immutable object per entry

const sha256Hex = /^[0-9a-f]{64}$/;
// Ids become path segments: nothing that could climb out of the prefix or split a segment.
const safeSegment = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Sequences are zero-padded so a plain lexicographic listing returns the chain in order. */
const sequenceDigits = 12;

function segment(value: string, what: string): string {
  if (!safeSegment.test(value) || value.includes('..'))
    throw new Error(`Unsafe ${what} for an object key: ${value}`);
  return value;
}

/** A prefix without leading or trailing slashes; empty means the bucket's root. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  for (const part of trimmed ? trimmed.split('/') : []) segment(part, 'prefix');
  return trimmed;
}

function join(prefix: string, rest: string): string {
  const base = normalisePrefix(prefix);
  return base ? `${base}/${rest}` : rest;
}

export function blobKey(prefix: string, sha256: string): string {
  if (!sha256Hex.test(sha256)) throw new Error(`Not a SHA-256 in hex: ${sha256}`);
  return join(prefix, `blobs/sha256/${sha256}`);
}

/** Where every installation's records and custody live: the prefix a team pull lists. */
export function installationsRoot(prefix: string): string {
  return join(prefix, 'installations/');
}

export function installationPrefix(prefix: string, installationId: string): string {
  return join(prefix, `installations/${segment(installationId, 'installation id')}/`);
}

export function recordKey(
  prefix: string,
  installationId: string,
  evidenceId: string,
  revision: number,
): string {
  if (!Number.isInteger(revision) || revision < 1)
    throw new Error(`A revision is a whole number from 1: ${revision}`);
  return `${installationPrefix(prefix, installationId)}records/${segment(evidenceId, 'evidence id')}/${revision}.json`;
}

export function custodyKey(
  prefix: string,
  installationId: string,
  sequence: number,
  entryHash: string,
): string {
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new Error(`A sequence is a whole number: ${sequence}`);
  if (!sha256Hex.test(entryHash)) throw new Error(`Not a SHA-256 in hex: ${entryHash}`);
  const padded = String(sequence).padStart(sequenceDigits, '0');
  return `${installationPrefix(prefix, installationId)}custody/${padded}-${entryHash}.json`;
}

/** What an object key in the layout names; `undefined` for keys outside it (left alone, never guessed). */
export type ParsedKey =
  | { kind: 'blob'; sha256: string }
  | { kind: 'record'; installationId: string; evidenceId: string; revision: number }
  | { kind: 'custody'; installationId: string; sequence: number; entryHash: string };

export function parseKey(prefix: string, key: string): ParsedKey | undefined {
  const base = normalisePrefix(prefix);
  if (base && !key.startsWith(`${base}/`)) return undefined;
  const rest = base ? key.slice(base.length + 1) : key;
  const blob = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(rest);
  if (blob) return { kind: 'blob', sha256: blob[1]! };
  const record = /^installations\/([^/]+)\/records\/([^/]+)\/([1-9][0-9]*)\.json$/.exec(rest);
  if (record) {
    return {
      kind: 'record',
      installationId: record[1]!,
      evidenceId: record[2]!,
      revision: Number(record[3]),
    };
  }
  const custody = /^installations\/([^/]+)\/custody\/([0-9]+)-([0-9a-f]{64})\.json$/.exec(rest);
  if (custody) {
    return {
      kind: 'custody',
      installationId: custody[1]!,
      sequence: Number(custody[2]),
      entryHash: custody[3]!,
    };
  }
  return undefined;
}
