/** The team store: sync failures in sentences, and what the write-once probe found. */
export const teamStoreErrorText = {
  offline: 'Sync paused: this computer is offline. Evidence stays here and uploads when the network is back.',
  credentials:
    'Sync stopped: the team store refused the access key (expired, revoked or mistyped). Enter a current key in Settings → Team store; nothing waiting is lost.',
  accessDenied:
    'Sync stopped: the team store denied this write. Ask the store administrator to allow Put, Get and List on the prefix for this key.',
  clockSkew:
    'Sync stopped: this computer’s clock differs too much from the team store’s (RequestTimeTooSkewed). Set the clock to the correct time; sync resumes by itself.',
  throttled: 'The team store asked to slow down. Sync retries by itself in a moment.',
  serverError: (status: number) =>
    `The team store had a server error (HTTP ${status}). Sync retries by itself; nothing waiting is lost.`,
  noBucket: (bucket: string) =>
    `The bucket "${bucket}" does not exist at this endpoint. Check the bucket name and endpoint.`,
  integrity:
    'The team store stored different bytes than were sent. The upload is retried; nothing is marked as synced.',
  unexpected: (status: number, code: string) =>
    `The team store answered HTTP ${status}${code ? ` (${code})` : ''}. Sync retries by itself.`,
};

export const teamStoreProbeText = {
  tamperProof: (mode: string, days: number) =>
    `Tamper-proof: Object Lock is on, every object is kept ${days} days in ${mode} mode, and a delete of a probe object was refused.`,
  notTamperProof: 'Not tamper-proof',
  noLock:
    'Object Lock is not enabled on this bucket, so anyone with write access can overwrite or delete evidence.',
  noRetention: 'The bucket has no default retention, so objects can be deleted as soon as they are written.',
  deleteAllowed: 'The store let a delete of a locked probe object through.',
};

export const teamStoreTamperText = {
  blobMismatch: (key: string, actual: string) =>
    `The blob ${key} holds bytes whose SHA-256 is ${actual}, not its name.`,
  conflictingRevision: (key: string) => `${key} has versions with different contents: history was rewritten.`,
  chainGap: (installation: string, expected: number, found: number) =>
    `The custody chain of ${installation} jumps from entry ${expected - 1} to ${found}: entries are missing.`,
  chainBroken: (installation: string, sequence: number) =>
    `Custody entry ${sequence} of ${installation} does not follow from the entry before it.`,
  hashMismatch: (key: string) => `${key} does not hash to the entry hash in its name.`,
};
