/** The dashboard's settings form. */
export const settingsText = {
  heading: 'Settings',
  yourName: 'Your name (stamped on captures as the capturer)',
  organisation: 'Organisation (named on captures and in exported bundles)',
  save: 'Save settings',
  nameMissing: 'Enter your name: it is stamped on every capture so auditors know who took it.',
  saved: 'Settings saved.',
  /** Stamped on captures until someone sets their name. */
  unnamedCapturer: 'Unnamed capturer',
};
