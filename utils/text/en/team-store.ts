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
  deleteMarker: (key: string) =>
    `${key} was hidden with a delete marker: someone tried to delete it. The locked version under it is still in the store.`,
  notJsonObject: 'is not a JSON object',
  unreadableEntry: (key: string) => `${key} is not a readable custody entry.`,
  unreadableRecord: (key: string, problem: string) =>
    `${key} is not a readable evidence record: it ${problem}.`,
  recordMismatch: (key: string, found: string) =>
    `${key} holds evidence ${found}, not the evidence its name says.`,
  sequenceMismatch: (key: string, sequence: number) =>
    `${key} holds custody entry ${sequence}, not the entry its name says.`,
  duplicateEntry: (installation: string, sequence: number, other: string) =>
    `The custody chain of ${installation} has a second, different entry ${sequence} (the first is ${other}).`,
  blobMissing: (evidenceId: string, artifact: string, key: string) =>
    `Evidence ${evidenceId} names ${artifact} (${key}), which is not in the team store. The evidence is left out of the team view.`,
  leftOut: (evidenceId: string, artifact: string) =>
    `It is ${artifact} of evidence ${evidenceId}, which is left out of the team view.`,
  withheld: (installation: string, count: number) =>
    `${count} evidence ${count === 1 ? 'record' : 'records'} of ${installation} ${count === 1 ? 'is' : 'are'} left out of the team view until its custody chain verifies.`,
};
