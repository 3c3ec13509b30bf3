import type { WrittenTimestamps } from '../../bundle/types';
/** The export page: what goes into the bundle, encryption, progress and the outcome. */
export const exportText = {
  whatToExport: 'What to export',
  effectiveFrom: 'Evidence effective from',
  to: 'to',
  windowHint: 'The audit window of the audit plan is the default; leave a date empty for no bound.',
  themes: 'Themes (none chosen = all evidence)',
  chosenControls: 'Chosen controls',
  remove: 'remove',
  includeDom: "Include DOM snapshots (the page's sanitised HTML; larger, rarely needed by auditors)",
  bundleFor: 'Bundle for',
  organisationUnset: 'your organisation',
  organisationName: 'Organisation name (on the bundle and its report)',
  organisationNeeded:
    'No organisation name is set yet: type the name auditors should see. It is saved in Settings for the next export.',
  includeReadiness:
    'Include the readiness self-assessment (Stage 1 and Stage 2, coverage counts) in the auditor’s report',
  bundleIntro:
    ': a zip holding a BagIt bag with a report auditors open in any browser, and checksums they verify with stock tools.',
  estimate: (evidence: number, files: number, bytes: string) =>
    `${evidence} evidence records · about ${files} files · about ${bytes}`,
  estimating: 'Estimating…',
  nothingMatches:
    'No evidence matches these choices; the bundle would hold the SoA, findings and custody log only.',
  filePicker: 'You choose where to save; the zip is written straight into that file.',
  download:
    'The zip is written into the browser’s storage for this extension as it is made, then handed to your downloads. Firefox asks once for the Downloads permission: with it, that working copy is removed as soon as the download is complete (otherwise at the next export).',
  diskFull:
    'There is not enough space to write the zip: the disk, or the storage Firefox allows this extension, is full. The partial file was removed; free some space or export fewer records, then export again.',
  downloadCancelled: 'The download was cancelled in the browser; the working copy was removed.',
  downloadNoSpace:
    'The download folder has not enough space for the zip; the working copy was removed. Free some space, then export again.',
  downloadInterrupted: (reason: string) => `The download stopped (${reason}); the working copy was removed.`,
  exportBundle: 'Export bundle',
  cancelled: 'Export cancelled',
  progress: 'Export progress',
  saved: (name: string, evidence: number, bytes: string) =>
    `Saved ${name}.zip: ${evidence} evidence records, ${bytes}. Manifest SHA-256`,
  savedInLog: 'is recorded in the custody log.',
  timestamps: ({ stamped, pending, tagManifest }: WrittenTimestamps) =>
    [
      `Trusted time stamps: ${stamped} ${stamped === 1 ? 'capture' : 'captures'} with a token`,
      pending > 0 ? `, ${pending} still waiting for the authority (listed as such in the bundle)` : '',
      tagManifest.state === 'stamped'
        ? `. The bundle's tag manifest is stamped (${tagManifest.genTime}).`
        : tagManifest.state === 'unstamped'
          ? `. The tag manifest is unstamped: ${tagManifest.problem}. The bundle is complete; export again later for a stamped one.`
          : '. No authority is configured now, so the tag manifest is unstamped.',
    ].join(''),
  failed: (reason: string) => `Export failed: ${reason}`,
  cancelledDiscarded: 'Export cancelled; the partial file was discarded.',
  filesDone: (files: number, expectedFiles: number | null, bytes: string, expectedBytes: string | null) =>
    `${files} ${expectedFiles === null ? '' : `of about ${expectedFiles} `}files · ${bytes}${
      expectedBytes === null ? '' : ` of about ${expectedBytes}`
    }`,
  // Encryption.
  encryption: 'Encryption',
  encrypt: 'Encrypt the zip with a passphrase (AES-256)',
  encryptWarning:
    'Encrypted zips open in 7-Zip, WinRAR, Keka, The Unarchiver and similar tools, but not in the extractors built into Windows or macOS. Tell the auditor, and send the passphrase by another channel than the zip.',
  passphraseMin: (length: number) => `Passphrase (at least ${length} characters)`,
  repeatPassphrase: 'Repeat the passphrase',
  passphrasesDiffer: 'The passphrases differ.',
  // Why an export stopped: the stored evidence no longer matches what was recorded.
  damaged: (id: string, name: string, detail: string) =>
    `Evidence ${id}: ${name} ${detail} — the stored evidence is damaged, so it was not bagged.`,
  sizeDiffers: (size: number, recorded: number) => `holds ${size} bytes, but ${recorded} were recorded`,
  hashDiffers: 'does not match its recorded SHA-256',
  badEvidenceId: (id: string) => `Evidence "${id}" has an ID that cannot be a folder name.`,
  givenTwice: (id: string) => `Evidence ${id} was given twice.`,
};

/** Importing a bundle: verification first, then the merge. */
export const importText = {
  label: 'Import a bundle',
  intro:
    "A teammate's bundle or your own backup. It is verified first — every hash, the BagIt structure, the custody chain — and nothing changes unless all of it holds.",
  file: 'Bundle (.zip)',
  progress: 'Verification progress',
  stop: 'Stop',
  needsPassphrase: 'This bundle needs its passphrase.',
  refused: 'This bundle was refused; nothing was imported.',
  passphrase: 'Passphrase',
  open: 'Open',
  verified: 'Verified: every file matches its SHA-256 and the custody chain is intact.',
  start: 'Import evidence not held yet',
  importing: (records: number) => `Importing ${records} records…`,
  imported: (added: number, skipped: number) =>
    `Imported ${added} new evidence records; ${skipped} were already held. The import is recorded in the custody log.`,
  conflicts: (count: number) => `${count} records conflict with evidence held here and were not imported:`,
  conflict: (id: string, reason: string) => `${id}: ${reason}`,
  nothingImported: (reason: string) => `${reason} Nothing was imported.`,
  summary: {
    bundle: 'Bundle',
    organisation: 'Organisation',
    baggingDate: 'Bagging date',
    evidence: 'Evidence',
    evidenceCounts: (records: number, files: number, bytes: string) =>
      `${records} records, ${files} files, ${bytes}`,
    custodyLog: 'Custody log',
    custodyEntries: (entries: number) => `${entries} entries, chain intact`,
    custodyWithheld: (withheld: number) =>
      `(${withheld} withheld: about evidence outside the bundle, checked by their hashes)`,
    timestamps: 'Trusted time stamps',
    timestampsChecked: (captures: number, tagManifest: string | null) =>
      `${captures} ${captures === 1 ? 'capture token' : 'capture tokens'} valid against the authority's chain in the bundle; ${
        tagManifest ? `the bundle itself stamped at ${tagManifest}` : 'the bundle itself is not stamped'
      }. Compare the chain with the certificates your authority publishes.`,
    signature: 'Signature',
    unsigned: 'Not signed (made before bundles were signed, or by an older version)',
    signedBy: (algorithm: string, signer: string | null) =>
      signer
        ? `Valid (${algorithm}), signed by a known key: ${signer}, fingerprint`
        : `Valid (${algorithm}), signed by an unknown key: compare its fingerprint with the one the sender published`,
    pinned: "— pinned by your organisation's policy.",
    notPinned: "— not among the keys your organisation's policy pins.",
    encryption: 'Encryption',
    encrypted: 'AES, passphrase accepted',
  },
};
