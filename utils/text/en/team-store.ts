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
  local: (detail: string) =>
    `Sync could not read this evidence here (${detail}). It retries by itself; nothing is marked as synced.`,
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
  notRecordObject: 'is not a well-formed record object',
  recordPlacedElsewhere: (key: string) =>
    `${key} holds a record object for another installation or revision than its name says.`,
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

/** Settings → Team store. */
export const teamStoreSettingsText = {
  heading: 'Team store',
  intro:
    'Sync every capture to your organisation’s S3-compatible bucket with Object Lock, so the team’s evidence is in one write-once store. Without a team store nothing leaves this browser.',
  endpoint: 'Endpoint URL',
  endpointHint: 'e.g. https://s3.eu-central-1.amazonaws.com',
  region: 'Region',
  bucket: 'Bucket',
  prefix: 'Key prefix',
  pathStyle: 'Path-style addresses (endpoint/bucket/key; most self-hosted stores)',
  accessKeyId: 'Access key ID',
  secret: 'Secret access key',
  secretSaved: 'A secret is saved (not shown). Leave empty to keep it.',
  secretNote:
    'Kept in this browser profile only: never synced, exported or shown again, and sent to no one but the store’s signer.',
  managed: 'Set by your organisation',
  save: 'Save and check the store',
  saving: 'Checking the store…',
  recheck: 'Check again',
  remove: 'Remove the team store here',
  permissionDenied: (origin: string) =>
    `Not saved: the browser did not allow the extension to reach ${origin}. Save again and allow it.`,
  endpointProblem: (problem: string) => `The endpoint ${problem}.`,
  regionMissing: 'Enter the region (e.g. us-east-1; any value for most self-hosted stores).',
  bucketProblem: 'Enter the bucket name: 3 to 63 lower-case letters, digits, dots or hyphens.',
  prefixProblem: 'The key prefix may hold letters, digits, dots, hyphens and underscores, separated by /.',
  accessKeyMissing: 'Enter the access key ID.',
  secretMissing: 'Enter the secret access key.',
  unreachable: (sentence: string) => `Saved, but the store could not be checked: ${sentence}`,
  probeHeading: 'What the check found',
  lockOn: 'Object Lock: on',
  lockOff: 'Object Lock: off',
  retention: (mode: string, days: number) => `Default retention: ${mode} mode, ${days} days`,
  noRetention: 'Default retention: none',
  deleteRefused: 'Delete of the probe object’s version: refused by the store',
  deleteAllowed: 'Delete of the probe object’s version: let through',
  checkedAt: (at: string) => `Checked ${at}`,
  notTamperProofWarning:
    'This store is not tamper-proof: anyone with write access could change or delete evidence in it. Sync stays off unless you accept that.',
  accept: 'Sync anyway: I accept that this store is not tamper-proof',
  accepted: 'You accepted syncing to a store that is not tamper-proof. The custody log records it.',
  syncOff: 'Sync is off until the check passes or you accept the risk.',
};

/** The queue, the popup's line and a record's state. */
export const teamSyncText = {
  queueHeading: 'Team store sync',
  nothingQueued: 'Everything here is in the team store.',
  notConfigured: 'No team store: evidence stays in this browser only.',
  retryNow: 'Retry now',
  states: {
    waiting: 'waiting',
    uploading: 'uploading',
    blocked: 'stopped',
    done: 'in the team store',
  },
  jobTitle: (title: string, revision: number | null) =>
    revision === null ? 'Custody entries' : `${title || 'Evidence'} (revision ${revision})`,
  objects: (done: number, total: number) => `${done} of ${total} objects`,
  retriesAt: (time: string) => `next try ${time}`,
  popupLine: {
    allSynced: (count: number) => `Team store: all ${count} uploads done`,
    pending: (count: number) => `Team store: ${count} waiting to upload`,
    uploading: (count: number) => `Team store: uploading, ${count} to go`,
    stopped: (sentence: string) => `Team store: ${sentence}`,
    off: 'Team store: sync off — see Settings',
  },
  record: {
    heading: 'Team store',
    local: 'Only here: not in the team store.',
    waiting: 'Waiting to upload to the team store.',
    uploading: 'Uploading to the team store…',
    failed: (sentence: string) => `Upload failed: ${sentence} It is tried again by itself.`,
    blocked: (sentence: string) => `Upload stopped: ${sentence}`,
    stored: (revision: number) => `In the team store (revision ${revision}). Object version IDs:`,
    versionsSummary: (count: number) =>
      `${count} ${count === 1 ? 'object' : 'objects'} and their version IDs`,
  },
  deleteWarning:
    'This evidence is in the team store. Deleting it here writes a tombstone there; the bytes already uploaded stay in the store until its retention period ends — Object Lock forbids removing them earlier. For an erasure request (e.g. GDPR Art. 17) on a store in GOVERNANCE mode, the store’s administrator can remove the object versions with s3:BypassGovernanceRetention; in COMPLIANCE mode nobody can before retention ends.',
};
