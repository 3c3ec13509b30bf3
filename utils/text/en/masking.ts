/** The settings page's masking editor: masking on or off, built-in patterns, the user's own rules. */
export const maskingEditorText = {
  heading: 'Masking of secrets',
  intro:
    'Matches are blacked out with a solid fill in the screenshots and replaced by [masked] in the text, tables and DOM snapshot of every capture while masking is on.',
  enabled: 'Mask secrets in every capture',
  rulesLocked: 'Your organisation sets the masking rules by policy: they cannot be changed here.',
  builtIns: 'Built-in patterns',
  organisationRules: 'Your organisation’s rules',
  ownRules: 'Your own rules',
  noneYet: 'None yet.',
  maskingSwitched: (on: boolean) => `Masking switched ${on ? 'on' : 'off'}.`,
  ruleSwitched: (name: string, on: boolean) => `“${name}” switched ${on ? 'on' : 'off'}.`,
  ruleRemoved: (name: string) => `“${name}” removed.`,
  ruleSaved: (name: string) => `“${name}” saved.`,
  ruleAdded: (name: string) => `“${name}” added.`,
  // One rule in the list.
  kindPattern: 'pattern',
  kindElements: 'elements',
  // The form that adds or edits a rule.
  formLabel: (name: string | undefined) => (name !== undefined ? `Edit ${name}` : 'Add a masking rule'),
  formLegend: (name: string | undefined) => (name !== undefined ? `Edit “${name}”` : 'Add a rule'),
  matchesLabel: 'What the rule matches',
  textPattern: 'Text pattern',
  pageElements: 'Page elements (CSS selector)',
  name: 'Name',
  regularExpression: 'Regular expression',
  regularExpressionHint: '(JavaScript syntax, e.g. \\bNW-\\d{6}\\b)',
  ignoreCase: 'Ignore upper and lower case',
  cssSelector: 'CSS selector',
  cssSelectorHint: '(e.g. td.salary, [data-secret])',
  submit: (editing: boolean) => (editing ? 'Save rule' : 'Add rule'),
  nameMissing: 'Name the rule, so that the evidence metadata can say what it masked.',
};

/** Why a masking rule cannot be used. */
export const maskingProblemText = {
  patternMissing: 'Enter a pattern: a regular expression such as \\bNW-\\d{6}\\b.',
  patternTooLong: (length: number, limit: number) =>
    `The pattern is ${length} characters long; keep it under ${limit}.`,
  flags: 'Flags may only be i, m, s or u (g is always on).',
  patternInvalid: (reason: string) => `The pattern is not a valid regular expression: ${reason}.`,
  patternMatchesEmpty:
    'The pattern matches empty text, so it would mask nothing (or everything): make it match at least one character.',
  selectorMissing: 'Enter a CSS selector, such as td.salary or [data-secret].',
  selectorTooLong: (length: number, limit: number) =>
    `The selector is ${length} characters long; keep it under ${limit}.`,
  selectorInvalid: (selector: string) =>
    `“${selector}” is not a valid CSS selector: check brackets, quotes and pseudo-classes.`,
  duplicateId: (id: string) => `Two masking rules share the id “${id}”.`,
  nameMissing: 'Every masking rule needs a name.',
  ofRule: (label: string, problem: string) => `${label}: ${problem}`,
};
