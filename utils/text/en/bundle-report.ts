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
  custodyWithheld: (withheld: number) =>
    `${withheld} of these entries are about evidence outside this export: they keep their sequence number, time, kind and hashes, so the chain still verifies from its first entry, and withhold what they say (IDs, titles, URLs, notes, who).`,
  unsigned: 'This bundle is not signed.',
  trustedTime: 'Trusted time (TSA)',
  trustedBy: (signer: string) => `by ${signer}`,
  tokenFile: 'token',
  localTime: 'Local time (this computer)',
  trustedTimePending:
    'Waiting for the time-stamping authority: requested, not yet answered when this bundle was made. A later export carries the token.',
  trustedTimeNone: 'Not time-stamped (captured before trusted time stamps were switched on).',
  clockDisagrees: (seconds: number, tolerance: number) => {
    const minutes = Math.round(Math.abs(seconds) / 60);
    return seconds > 0
      ? `Flagged: the trusted time is ${minutes} min after the local time (more than the ${tolerance} min tolerance). The token may have been queued while the authority was unreachable, or the computer's clock was behind.`
      : `Flagged: the local time is ${minutes} min after the trusted time (more than the ${tolerance} min tolerance): the computer's clock was ahead.`;
  },
  timestampsSummary: (stamped: number, pending: number, unstamped: number, tolerance: number) =>
    `Trusted time stamps (RFC 3161): ${stamped} ${stamped === 1 ? 'capture carries' : 'captures carry'} an authority's token${
      pending > 0 ? `; ${pending} ${pending === 1 ? 'is' : 'are'} still waiting for it` : ''
    }${unstamped > 0 ? `; ${unstamped} ${unstamped === 1 ? 'was' : 'were'} made before time stamps were on` : ''}. A capture whose local time and trusted time differ by more than ${tolerance} minutes is flagged. VERIFY.txt gives the openssl ts commands that check each token.`,
  signedWith: (algorithm: string) => `Signed (${algorithm}) by the key with the fingerprint`,
  signatureCheck:
    'Compare it with the fingerprint your organisation published; VERIFY.txt gives the openssl commands that check the signature.',
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
