/** The calendar day of an ISO 8601 UTC time. */
const day = (at: string) => at.slice(0, 10);

/** The signing key panel in settings, and the names given to known keys on import. */
export const signingText = {
  heading: 'Bundle signing key',
  intro:
    'Every bundle this installation exports is signed with this key. Publish or pin the fingerprint so an auditor can check who produced a bundle.',
  fingerprint: 'Fingerprint (SHA-256)',
  algorithm: 'Algorithm',
  created: 'Created',
  copy: 'Copy fingerprint',
  copied: 'Fingerprint copied.',
  copyFailed: 'The fingerprint could not be copied: select it and copy it by hand.',
  noKey: 'No signing key yet: one is made the first time this page opens.',
  signedHeading: 'Bundles signed',
  previousKeys: 'Previous keys (still recognised on import)',
  inUse: (from: string, to: string | null) =>
    to ? `In use ${day(from)} to ${day(to)}` : `In use since ${day(from)}`,
  signed: (signed: { count: number; first: string; last: string } | null | undefined) =>
    !signed
      ? 'signed no bundles'
      : signed.count === 1
        ? `signed 1 bundle, on ${day(signed.first)}`
        : `signed ${signed.count} bundles, from ${day(signed.first)} to ${day(signed.last)}`,
  rotate: 'Rotate signing key…',
  rotateTitle: 'Replace this installation’s signing key?',
  rotateExplained:
    'A new key is made and signs every bundle from now on. The current key’s private half is deleted, so it can never sign again; its public key stays listed here and bundles it signed still verify on import. The custody log records the change with both fingerprints. Send the new fingerprint to whoever pins or publishes it.',
  rotateReason: 'Reason (kept in the custody log)',
  rotateReasonHint: 'For example: laptop replaced, key may be exposed, yearly rotation.',
  rotateConfirm: 'Rotate the key now',
  rotating: 'Rotating…',
  rotated: (fingerprint: string) => `The signing key was replaced. New fingerprint: ${fingerprint}`,
  rotateFailed: (reason: string) => `The signing key was not replaced: ${reason}`,
  currentKeyLabel: 'This installation',
  retiredKeyLabel: 'This installation (a retired key)',
  pinnedKeyLabel: (label: string) =>
    label ? `Pinned by your organisation's policy: ${label}` : "Pinned by your organisation's policy",
  pin: {
    pinned: "Your organisation's policy pins this key: bundles it signs are shown as pinned on import.",
    'not-pinned':
      "Your organisation's policy pins other keys, not this one: bundles this installation signs are shown as not pinned on import. Send the fingerprint to your administrator.",
    'no-pins':
      "Your organisation's policy pins no signing keys: an importer compares the fingerprint shown with the one you publish.",
  },
};
