/** The team view: the compliance lead's pull of the team store, team coverage, findings and the team library. */
export const teamViewText = {
  heading: 'Team',
  intro:
    'Evidence every installation synced to the team store, pulled and verified here. It is read-only and never mixed into your own library.',
  notConfigured: 'No team store is set up in this browser. Set one up in Settings → Team store, then pull.',
  pull: 'Pull from the team store',
  pulling: 'Pulling…',
  neverPulled: 'Nothing pulled yet.',
  lastPull: (at: string) => `Last pull: ${at}.`,
  resumable: 'The last pull stopped part-way; the next one resumes where it stopped.',
  listing: (listed: number, fetched: number) =>
    `Listed ${listed} object versions, fetched ${fetched} new ones…`,
  verifying: (done: number, total: number) => `Verified ${done} of ${total} installations…`,
  pulled: (fetched: number, installations: number) =>
    `Pull finished: ${fetched} new object versions, ${installations} ${installations === 1 ? 'installation' : 'installations'} verified again.`,
  pullFailed: (reason: string) =>
    `The pull stopped: ${reason} Nothing pulled so far is lost; pull again to go on.`,
  summary: (records: number, installations: number) =>
    `${records} verified evidence ${records === 1 ? 'record' : 'records'} from ${installations} ${installations === 1 ? 'installation' : 'installations'}.`,
  withheld: (count: number) =>
    `${count} ${count === 1 ? 'record is' : 'records are'} left out because verification failed (see Tampering below).`,
  coverageHeading: 'Team coverage',
  readinessHeading: 'Team readiness',
  capturersHeading: 'By capturer',
  capturerColumns: {
    capturer: 'Capturer',
    installation: 'Installation',
    records: 'Verified records',
    covered: 'Controls covered',
    chain: 'Custody chain',
    findings: 'Findings',
  },
  chainVerified: 'verifies',
  chainBroken: 'does not verify',
  percent: (value: number) => `${value}%`,
  tamperingHeading: 'Tampering',
  noTampering:
    'Nothing failed verification: every artifact matches its SHA-256 and every custody chain verifies.',
  tamperingIntro: (count: number) =>
    `${count} ${count === 1 ? 'finding' : 'findings'}. What they name is left out of team coverage and the team library, never merged.`,
  where: 'Where',
  libraryHeading: 'Team library',
  libraryIntro: (shown: number, total: number) =>
    `Showing ${shown} of ${total} verified records (read-only).`,
  libraryColumns: {
    evidence: 'Evidence',
    title: 'Title',
    capturer: 'Capturer',
    date: 'Effective date',
    controls: 'Controls',
    status: 'Status',
  },
  exportHeading: 'Team bundle',
  exportIntro:
    'A bundle of the team’s verified evidence, like any other: the auditor checks it with sha256sum -c. Each installation’s custody chain is in team/<installation>/custody-log.jsonl.',
  export: 'Export team bundle',
  exporting: 'Exporting…',
  exported: (name: string, count: number) => `Saved ${name}: ${count} evidence records.`,
  exportFailed: (reason: string) => `The team bundle was not written: ${reason}`,
};
