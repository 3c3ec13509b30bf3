/**
 * What the auditor reads in an exported bundle: `data/index.html` and `data/VERIFY.txt`. Plain text only;
 * the report escapes every piece before it builds the page.
 */
export const reportText = {
  allDates: 'all dates',
  theBeginning: 'the beginning',
  today: 'today',
  window: (start: string, end: string) => `${start} to ${end}`,
  thumbnailOf: (title: string) => `Thumbnail of ${title}`,
  noThumbnail: 'No thumbnail',
  bytes: (size: string) => `(${size} bytes)`,
  sha256Of: (name: string) => `SHA-256 ${name}`,
  untitled: '(untitled)',
  url: 'URL',
  captured: 'Captured',
  effectiveDate: 'Effective date',
  capturedBy: 'Captured by',
  notes: 'Notes',
  files: 'Files',
  none: '—',
  noEvidence: 'No evidence in this bundle.',
  soaApplicable: (implementation: string, owner: string) =>
    `Applicable · implementation: ${implementation}${owner ? ` · owner: ${owner}` : ''}`,
  soaNotApplicable: 'Not applicable',
  justification: (text: string) => `Justification: ${text}`,
  noJustification: 'No justification recorded.',
  soa: (decision: string) => `SoA: ${decision}`,
  stage1: 'Stage 1 (documentation review)',
  stage2: 'Stage 2 (certification audit)',
  ready: 'Ready',
  notReady: 'Not ready',
  readiness: 'Readiness',
  summary: 'Summary',
  controlStatus: 'Control status',
  items: 'Items',
  evidenceAndFindings: (evidence: number, open: number, major: number) =>
    `${evidence} evidence records in this bundle; ${open} open findings\n(${major} major).`,
  custodyLog: (entries: number) => `Custody log: ${entries} entries`,
  lastHash: ', last hash',
  openFindings: 'Open findings',
  noneOpen: 'None.',
  findingColumns: ['ID', 'Grade', 'Source', 'Controls', 'Description', 'Corrective action', 'Due', 'Status'],
  otherControls: 'Evidence tagged with controls outside the catalogue',
  untagged: 'Evidence without controls',
  title: (organisation: string, date: string) => `Audit evidence — ${organisation} — ${date}`,
  heading: (organisation: string) => `Audit evidence: ${organisation}`,
  bundle: 'Bundle',
  generated: (at: string) => `, generated ${at} by`,
  auditWindow: 'Audit window',
  scope: 'Scope',
  certificationBody: 'Certification body',
  stages: 'Stage 1 / Stage 2',
  framework: 'Framework',
  howToVerify: 'How to verify this bundle',
  registerCsv: 'Evidence register (CSV)',
  soaCsv: 'Statement of Applicability (CSV)',
  unknownStatus: 'Unknown',
  /** `data/VERIFY.txt`: how an auditor checks the bag with nothing but the tools of their computer. */
  verifyGuide: (bundleName: string) => `HOW TO VERIFY THIS BUNDLE
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
`,
  requestsHeading: (audit: string) => `Requests: ${audit}`,
  requestsCsv: 'Request list with evidence IDs and files (CSV)',
  requestColumns: ['Request', 'What was asked', 'Controls', 'Due', 'Status', 'Evidence'],
  population: (population: string) => `Population: ${population}`,
  requestsUnreadable: (reason: string) => `data/requests.csv cannot be read: ${reason}`,
  requestsHeader: 'its header is not the one this extension writes.',
  requestsRow: (line: number) =>
    `data/requests.csv line ${line} has no audit, reference or known status, or an item out of order.`,
};

/** Cell values of the SoA and register spreadsheets (the column headers are the files' format and stay fixed). */
export const spreadsheetText = {
  coverage: {
    'not-applicable': 'Not applicable',
    missing: 'Missing',
    stale: 'Stale',
    'due-soon': 'Due soon',
    covered: 'Covered',
  },
  unknown: 'Unknown',
  yes: 'Yes',
  no: 'No',
  noDecision: 'No decision recorded',
  catalogueDefault: (cadence: string) => `Catalogue default (${cadence})`,
  override: 'Override',
};
