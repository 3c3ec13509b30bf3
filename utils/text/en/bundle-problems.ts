/** Why a bundle is refused on import, entry by entry: the auditor's or teammate's zip is checked first. */
export const importProblemText = {
  moreProblems: (count: number) => `… and ${count} more problems.`,
  tooManyEntries: (limit: number) => `The zip holds more than ${limit} entries: it looks like a zip bomb.`,
  notZip: (reason: string) => `This file is not a readable ZIP archive (${reason}).`,
  encrypted: 'This bundle is encrypted: enter its passphrase to open it.',
  notBagit: (name: string) => `The bundle has no ${name}: it is not a BagIt bag.`,
  notUtf8: (name: string) => `${name} is not UTF-8 text.`,
  hashMismatch: (path: string, manifest: string) => `${path} does not match its SHA-256 in ${manifest}.`,
  oxumMismatch: (declared: string, actual: string) =>
    `bag-info.txt: Payload-Oxum says ${declared}, but the payload is ${actual} (bytes.files).`,
  noCustodyLog: (name: string) => `The bundle has no ${name}.`,
  notInBundle: (path: string) => `${path} is not in the bundle.`,
  changedSinceVerified: (path: string) => `${path} changed since it was verified.`,
  wrongPassphrase: 'The passphrase is wrong: the bundle cannot be decrypted.',
  // Entry names and sizes.
  emptyName: 'has an empty name',
  backslash: 'contains a backslash (a path separator on Windows)',
  controlCharacters: 'contains control characters',
  absolutePath: 'is an absolute path',
  dotDot: 'contains a ".." segment that would escape the folder',
  emptySegment: 'contains an empty or "." path segment',
  unsafeEntry: (name: string, problem: string) => `Unsafe entry "${name}": it ${problem}.`,
  symlink: (name: string) => `Unsafe entry "${name}": it is a symbolic link.`,
  duplicate: (name: string) => `Duplicate entry "${name}": the zip holds it more than once.`,
  collision: (name: string, earlier: string) =>
    `Duplicate entry "${name}": it collides with "${earlier}" on case-insensitive file systems.`,
  outsideFolder: (name: string) => `Entry "${name}" lies outside the bundle folder.`,
  entryTooLarge: (name: string, size: number, limit: number) =>
    `Entry "${name}" declares ${size} bytes, more than the limit of ${limit}.`,
  expands: (name: string, ratio: number, compressed: number, uncompressed: number) =>
    `Entry "${name}" expands ${ratio}:1 (${compressed} to ${uncompressed} bytes), which looks like a zip bomb.`,
  totalTooLarge: (total: number, limit: number) =>
    `The zip declares ${total} bytes in all, more than the limit of ${limit}: it looks like a zip bomb.`,
  severalRoots: (count: number, listed: string) =>
    `The zip holds ${count} top-level entries (${listed}); a bundle holds one folder.`,
  emptyZip: 'The zip is empty.',
  tooLargeToKeep: (path: string, limit: number) => `${path} is larger than ${limit} bytes.`,
  moreThanDeclared: (path: string, declared: number) =>
    `${path} holds more bytes than its declared size of ${declared}: it looks like a zip bomb.`,
  lessThanDeclared: (path: string, declared: number) =>
    `${path} does not hold the ${declared} bytes it declares: the zip is damaged or a zip bomb.`,
  unreadableEntry: (path: string, reason: string) => `${path} cannot be read (${reason}).`,
  sizeMismatch: (path: string, size: number, declared: number) =>
    `${path} holds ${size} bytes, not the ${declared} it declares.`,
  custodyNotJson: (file: string, line: number) => `${file}, line ${line}: not valid JSON.`,
  custodyNotEntry: (file: string, line: number) => `${file}, line ${line}: not a custody entry.`,
  custodyBroken: (file: string, problem: string) => `${file}: broken custody chain — ${problem}`,
  // The signature over tagmanifest-sha256.txt.
  signatureMissing:
    'bag-info.txt says the bundle is signed, but signature/bag.sig or signature/public-key.pem is missing: the signature was removed, so the bundle is refused.',
  signatureUndeclared:
    'The bundle holds signature/bag.sig, but bag-info.txt names no Bag-Signing-Algorithm and Bag-Signing-Key-Fingerprint: the signature cannot be checked, so the bundle is refused.',
  signatureRefused: {
    'unknown-algorithm': (algorithm: string) =>
      `bag-info.txt names the signing algorithm "${algorithm}", which this version cannot check (Ed25519 or ECDSA-P256-SHA256): the bundle is refused.`,
    'malformed-key': () =>
      'signature/public-key.pem is not a public key in PEM form: the signature cannot be checked, so the bundle is refused.',
    'fingerprint-mismatch': () =>
      'signature/public-key.pem is not the key whose fingerprint bag-info.txt names: the bundle is refused.',
    'bad-signature': () =>
      'signature/bag.sig does not verify over tagmanifest-sha256.txt with signature/public-key.pem: the bundle was changed after it was signed, or the signature belongs to another bundle. It is refused.',
  },
  // Merging.
  deletedHere: 'it was deleted here; an import does not restore it',
  otherBytes: (names: string) =>
    `the evidence held here has other bytes for ${names}; it was not overwritten`,
};

/** What the integrity check found, per stored file, record or custody entry. */
export const integrityProblemText = {
  titled: (title: string) => ` (“${title}”)`,
  custodyLog: 'custody log',
  custodyEntry: (sequence: number, evidenceId: string | null | undefined) =>
    `custody entry ${sequence}${evidenceId ? ` (${evidenceId})` : ''}`,
  // Each problem line shows the item (file, record or custody entry) once, then what is wrong with it.
  leftoverBytes: (count: number) => `deleted, but ${count} of its stored file(s) are still in the database.`,
  removed: 'in the custody log, but its record is gone: it was removed without a tombstone.',
  unlogged: 'no capture or import entry in the custody log.',
  deletedUnlogged: 'marked deleted, but the custody log has no delete entry for it.',
  hashesDiffer: (names: string) => `the hashes of ${names} differ from those logged when it was stored.`,
  chainProblem: {
    'sequence-gap': 'entries before it are missing or out of order.',
    'hash-mismatch': 'it was changed after it was written.',
    'broken-link': 'it does not link to the entry before it.',
  },
  missing: 'the stored file is missing.',
  notData: 'the stored file is not readable data.',
  unreadable: (reason: string) => `the browser could not read the stored file (${reason}).`,
  bytesChanged: (actual: string, recorded: string) =>
    `the bytes changed: SHA-256 is ${actual}, ${recorded} was recorded.`,
  sizeChanged: (actual: number, recorded: number) =>
    `the size changed: ${actual} bytes, ${recorded} were recorded.`,
  sequenceGap: (sequence: number, previous: number) =>
    `Custody entry ${sequence} follows entry ${previous}: entries are missing or out of order.`,
  entryChanged: (sequence: number, event: string) =>
    `Custody entry ${sequence} (${event}) was changed after it was written.`,
  brokenLink: (sequence: number) => `Custody entry ${sequence} does not link to the entry before it.`,
};
