/** Other frameworks counted through a mapping to ISO/IEC 27001:2022. */
export const crosswalkText = {
  mappingBasis: {
    soc2: 'SOC 2 criteria mapped to ISO/IEC 27001:2022 by ID by this project (utils/crosswalk/soc2-tsc.ts); the service auditor decides what satisfies a criterion.',
    'nist-csf':
      "NIST CSF 2.0 subcategories mapped to ISO/IEC 27001:2022 from NIST's informative references (utils/crosswalk/data/nist-csf-2.0-to-iso27001-2022.tsv).",
  },
  mappedFrom: (isoId: string) => `mapped from ${isoId}`,
  direct: 'tagged directly',
  /** Short names for switches and headings. */
  shortNames: { iso27001: 'ISO 27001', soc2: 'SOC 2', 'nist-csf': 'NIST CSF 2.0' },
  /** SOC 2 series and NIST CSF functions: the themes of the grid. */
  soc2Themes: {
    CC1: 'CC1 Control environment',
    CC2: 'CC2 Communication and information',
    CC3: 'CC3 Risk assessment',
    CC4: 'CC4 Monitoring activities',
    CC5: 'CC5 Control activities',
    CC6: 'CC6 Logical and physical access',
    CC7: 'CC7 System operations',
    CC8: 'CC8 Change management',
    CC9: 'CC9 Risk mitigation',
    A: 'A Availability',
    C: 'C Confidentiality',
    PI: 'PI Processing integrity',
    P: 'P Privacy',
  },
  csfFunctions: {
    GV: 'GV Govern',
    ID: 'ID Identify',
    PR: 'PR Protect',
    DE: 'DE Detect',
    RS: 'RS Respond',
    RC: 'RC Recover',
  },
  /** The catalogue entry's hint: where its coverage comes from. */
  countedFrom: (isoIds: readonly string[]) =>
    `Counted from evidence tagged ${isoIds.join(', ')}, or tagged to this entry directly.`,
  cadence: (days: number) => `every ${days} days (the shortest cadence of the ISO items it maps to)`,
} as const;

/** The settings panel choosing the frameworks in scope. */
export const frameworkSettingsText = {
  heading: 'Frameworks',
  intro:
    'Evidence is tagged to ISO/IEC 27001 controls. Turn on another framework to see its coverage counted through the mapping to ISO, and to tag evidence to its items directly.',
  iso: 'ISO/IEC 27001:2022 (always in scope)',
  soc2: 'SOC 2 Trust Services Criteria (2017, points of focus 2022)',
  'nist-csf': 'NIST Cybersecurity Framework 2.0',
  save: 'Save frameworks',
  saved: 'Frameworks saved.',
} as const;

/** The framework switch in the popup and the dashboard, and a mapped framework's coverage. */
export const frameworkViewText = {
  switchLabel: 'Coverage in',
  entriesHeading: (name: string) => `${name}: every entry`,
  countedThrough: (basis: string) =>
    `Counted through the mapping to ISO/IEC 27001:2022 and direct tags. ${basis}`,
  mapsTo: 'Maps to',
  entryLine: (status: string, count: number) =>
    `${status}, ${count === 1 ? '1 record' : `${count.toLocaleString('en')} records`} in the window`,
} as const;

/** The bundle's framework registers and their sections in index.html. */
export const frameworkBundleText = {
  header: [
    'Entry',
    'Entry title',
    'Evidence ID',
    'Counted as',
    'Mapped from (ISO/IEC 27001:2022)',
    'Evidence title',
    'Effective date',
    'Status',
    'Original file',
    'Original SHA-256',
  ],
  heading: (name: string, version: string) => `${name} ${version}`,
  mappingsUsed: 'Mappings used',
  honesty:
    'Evidence is tagged to ISO/IEC 27001 controls. Evidence marked “mapped from” an ISO ID was counted for the entry through the mapping below, not tagged to the entry; evidence marked “tagged directly” was tagged to the entry itself.',
  noEvidence: 'No evidence in this bundle.',
  directOnly: 'Evidence tagged only to SOC 2 or NIST CSF entries',
  registerLink: (name: string) => `${name} register (CSV)`,
  unreadable: (path: string, reason: string) => `${path} cannot be read: ${reason}`,
  header_: 'its header is not the one this extension writes.',
  rowProblem: (path: string, line: number, why: string) => `${path} line ${line}: ${why}`,
  unknownEvidence: (id: string) => `evidence ${id} is not in the bundle`,
  notTagged: (id: string, tag: string) =>
    `evidence ${id} is counted through ${tag}, which its record.json does not carry`,
  countedAs: 'its “Counted as” is neither “tagged directly” nor “mapped from” an ID',
} as const;
