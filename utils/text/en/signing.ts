/** The signing key panel in settings, and the names given to known keys on import. */
export const signingText = {
  heading: 'Bundle signing key',
  intro:
    'Every bundle this installation exports is signed with this key. Publish or pin the fingerprint so an auditor can check who produced a bundle.',
  fingerprint: 'Fingerprint (SHA-256)',
  algorithm: 'Algorithm',
  created: 'Created',
  retired: 'Retired',
  copy: 'Copy fingerprint',
  copied: 'Fingerprint copied.',
  copyFailed: 'The fingerprint could not be copied: select it and copy it by hand.',
  noKey: 'No signing key yet: one is made the first time this page opens.',
  previousKeys: 'Previous keys (still recognised on import)',
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
