/** What the administrator's policy manages, as the settings page and its refusals say it. */
export const policyText = {
  locked: 'Set by your organisation (cannot be changed here)',
  suggested: 'Suggested by your organisation (you may change it)',
  mappingRulesHeading: 'Your organisation’s rules for suggesting controls',
  mappingRulesOnly: 'Only these rules suggest controls for your captures.',
  mappingRulesAfter: 'These rules suggest controls for your captures, after the built-in ones.',
  addressMatches: 'Address matches',
  pageMentions: 'Page mentions',
  switchedOff: '(switched off)',
  capturerNotSet:
    'Your organisation names capturers by policy, but no name was set for you: the name you type here is used. Ask your administrator to set it.',
  organisationSet: (organisation: string) => `the organisation (set to “${organisation}”)`,
  capturerSet: (capturer: string) => `the capturer name (set to “${capturer}”)`,
  settingsLocked: (refused: readonly string[]) =>
    `Not saved: your organisation sets ${refused.join(' and ')} by policy, and it cannot be changed here.`,
  maskingLocked: (on: boolean) =>
    `Not saved: your organisation keeps masking ${on ? 'on' : 'off'} by policy.`,
  frameworksLocked:
    'Not saved: your organisation sets the frameworks in scope by policy, and they cannot be changed here.',
  maskingRulesLocked:
    'Not saved: your organisation sets the masking rules by policy, and they cannot be changed here.',
};

/** Why a value of the administrator's policy was ignored. */
export const policyProblemText = {
  ignored: (key: string, why: string) => `The policy value “${key}” was ignored: ${why}.`,
  notText: 'it must be text',
  capturerSource: 'it must be "user" or "policy"',
  notBoolean: 'it must be true or false',
  builtIns: 'it must map built-in pattern ids to true or false',
  maskingRules: 'each rule needs an id, a name and a pattern or a selector',
  mappingRules: 'each rule needs an id, a kind (url or keyword), a pattern and controls',
  minutes: 'it must be a whole number of minutes from 1 to 1440',
  certificates: 'it must hold PEM certificates (-----BEGIN CERTIFICATE-----)',
  teamStore:
    'it must be an object of endpoint (an http or https address), region, bucket, prefix and accessKeyId as text and pathStyle as true or false',
  locked: (lockable: readonly string[]) => `it lists settings among ${lockable.join(', ')}`,
  frameworks: (ids: readonly string[]) => `it must be a list of ${ids.join(', ')}`,
  pinnedSigningKeys:
    'it must be a list of SHA-256 fingerprints (64 hex digits, spaces and colons allowed), each a text or { fingerprint, label }',
};
