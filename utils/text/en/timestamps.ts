/** Trusted timestamps (RFC 3161): the settings panel, the problems a reply can have, the bundle's words. */
export const timestampText = {
  heading: 'Trusted timestamps',
  intro:
    'A time-stamping authority (RFC 3161) countersigns the hash of each capture and of each export, so an auditor can check when the evidence existed without trusting this computer’s clock. Only the hash is sent, never the evidence.',
  urlLabel: 'Time-stamping authority URL',
  urlPlaceholder: 'https://tsa.example.org/',
  urlHint: 'Leave empty to keep timestamps off: the extension then makes no network requests.',
  toleranceLabel: 'Flag captures whose clock differs from the trusted time by more than (minutes)',
  save: 'Save and allow this authority',
  saveOff: 'Save',
  trustedLabel: 'CA certificates your organisation trusts for this authority (PEM, optional)',
  trustedHint:
    'With them, every token must chain to one of these certificates. Without them, each token’s signature is still checked, and the auditor checks the chain.',
  saved: 'Saved. Captures from now on are timestamped.',
  cleared: 'Timestamps are off.',
  permissionRefused:
    'Not saved: the browser did not allow the extension to reach this authority. Save again and choose Allow.',
  managed: 'Set by your organisation',
  managedRefusal:
    'Not saved: your organisation sets the time-stamping authority by policy, and it cannot be changed here.',
  badUrlPrefix: 'Not saved: the authority’s address',
  badTolerance: 'Not saved: the tolerance must be a whole number of minutes from 1 to 1440.',
  pending: (count: number) =>
    count === 1
      ? '1 capture is waiting for its timestamp.'
      : `${count} captures are waiting for their timestamps.`,
  lastProblem: (problem: string) => `Last attempt: ${problem}`,
  /** Problems with a reply, for the queue and the import. */
  problem: {
    malformed: 'the reply is not a readable RFC 3161 time-stamp response',
    refused: (status: number, text: string) =>
      `the authority refused the request (status ${status}${text ? `: ${text}` : ''})`,
    noToken: 'the reply carries no time-stamp token',
    wrongImprint: 'the token stamps another hash than the one sent',
    wrongAlgorithm: 'the token does not use SHA-256',
    wrongNonce: 'the token answers another request (its nonce differs)',
    badSignature: (detail: string) => `the token’s signature does not verify (${detail})`,
    untrusted: (detail: string) => `the authority’s certificate is not trusted (${detail})`,
    notTimestamping: 'the signing certificate is not for time-stamping (extendedKeyUsage timeStamping)',
    http: (status: number) => `the authority answered HTTP ${status}`,
    network: (detail: string) => `the authority could not be reached (${detail})`,
    permission: 'the extension may not reach this authority (the permission was withdrawn)',
    entryMissing: 'the custody entry to stamp is no longer in the log',
  },
  notConfigured: 'no time-stamping authority is configured',
  /** Import: a bundle's token that does not check out, by file. */
  bundle: {
    tokenFails: (file: string, problem: string) => `${file}: ${problem}.`,
    noData: (file: string, data: string) => `${file} has no ${data} beside it to stamp.`,
    noToken: (file: string) => `${file} has no time-stamp token (.tsr) beside it.`,
    noChain: (chain: string) => `The bundle carries time-stamp tokens but no ${chain} to check them against.`,
    notTheEntry: (file: string) =>
      `${file} is not the capture's custody entry: its SHA-256 is no capture entry's hash in the custody log.`,
  },
};
