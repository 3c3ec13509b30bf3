/** `data/VERIFY.txt`: how an auditor checks the bag with nothing but the tools of their computer. */

export function verifyText(bundleName: string): string {
  return `HOW TO VERIFY THIS BUNDLE
=========================

This folder is a BagIt 1.0 bag (RFC 8493). manifest-sha256.txt lists the SHA-256 of every file
under data/; tagmanifest-sha256.txt lists the SHA-256 of the tag files, including the manifest.
The lines are in the format of "sha256sum -c", so stock tools check them. Run the commands in the
bag's folder, the one that holds bagit.txt:

    cd ${bundleName}

Every line must report OK. A missing file, a changed byte or a renamed file shows as FAILED.

Linux
-----
    sha256sum -c manifest-sha256.txt
    sha256sum -c tagmanifest-sha256.txt
    # No file under data/ may be missing from the manifest (no output = none extra):
    diff <(find data -type f | sort) <(cut -c67- manifest-sha256.txt | sort)

macOS (Terminal)
----------------
    shasum -a 256 -c manifest-sha256.txt
    shasum -a 256 -c tagmanifest-sha256.txt

Windows (PowerShell)
--------------------
    foreach ($manifest in 'manifest-sha256.txt', 'tagmanifest-sha256.txt') {
      Get-Content -Encoding UTF8 $manifest | ForEach-Object {
        $expected, $path = $_ -split '  ', 2
        $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $path).Hash.ToLower()
        if ($actual -eq $expected) { "OK      $path" } else { "FAILED  $path" }
      }
    }

With a BagIt validator
----------------------
    bagit.py --validate ${bundleName}      (pip install bagit)

What else is in here
--------------------
index.html          the report, read by control (opens offline; it runs no scripts)
register.csv        one row per evidence record and control
soa.csv             the Statement of Applicability
findings.csv        audit findings and their corrective actions
custody-log.jsonl   the chain of custody: one JSON entry per line. Each entry's "hash" is the
                    SHA-256 of the entry without "hash", serialised as JSON with keys sorted at
                    every level; "previousHash" is the hash of the entry before it (64 zeros for
                    the first), so a changed, removed or reordered entry breaks the chain.
evidence/<id>/      per evidence record: the original PNG exactly as the browser captured it, the
                    stamped PNG, visible text, tables as CSV, the DOM snapshot (if exported),
                    metadata.json (the capture context) and record.json (tags and hashes as held).
`;
}
