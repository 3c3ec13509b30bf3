/** The dashboard frame, its navigation and the sections without a feature of their own. */
export const dashboardText = {
  productName: 'ISMS Evidence Collector',
  sectionsNav: 'Dashboard sections',
  loading: 'Loading…',
  loadFailed: (reason: string) => `The dashboard could not read the database: ${reason}`,
  documentTitle: (section: string | undefined) => `${section ?? 'Dashboard'} — ISMS Evidence Collector`,
  controlsHeading: 'Controls and Statement of Applicability',
  unknownControl: (id: string) => `${id} is not a control of the catalogue.`,
  findingsHeading: 'Findings',
  sections: {
    overview: 'Overview',
    controls: 'Controls & SoA',
    risks: 'Risks',
    trace: 'Traceability',
    plan: 'Audit plan',
    findings: 'Findings',
    records: 'Audits & reviews',
    requests: 'Requests',
    evidence: 'Evidence',
    team: 'Team',
    export: 'Export & import',
    settings: 'Settings',
  },
  exportSection: {
    heading: 'Export and import',
    exportHeading: 'Export the auditor bundle',
    exportIntro:
      'A dated zip with every piece of evidence, the register, the Statement of Applicability, the findings and the custody log, verifiable with stock tools.',
    openExportPage: 'Open the export page',
    importHeading: 'Import a bundle',
  },
};
