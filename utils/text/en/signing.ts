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
};
