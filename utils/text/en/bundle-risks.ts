import { plural } from '../plural';

/** The bundle's "Risks and traceability" section and what an import says about a bundled register. */
export const bundleRiskText = {
  heading: 'Risks and traceability',
  empty: 'The risk register was empty when this bundle was made.',
  summary: (risks: number, links: number, breaks: number) =>
    `${risks} ${plural(risks, 'risk', 'risks')}, ${links} ${plural(links, 'link', 'links')} from risk to control; ${breaks} ${plural(breaks, 'link breaks', 'links break')} (no control, control excluded, or no evidence in the window).`,
  registerCsv: 'Risk register (CSV)',
  traceabilityCsv: 'Traceability (CSV)',
  columns: [
    'Risk',
    'Title',
    'Inherent level',
    'Residual level',
    'Treatment',
    'Control',
    'SoA decision',
    'Coverage',
    'Evidence in the window',
  ],
  applicable: 'Applicable',
  excluded: 'Excluded',
  noControl: 'No treating control',
  noEvidence: 'none',
  more: (count: number) => `and ${count} more`,
  imported: (added: number, kept: number) =>
    `Risk register: ${added} ${plural(added, 'risk', 'risks')} added, ${kept} already held ${plural(kept, 'was', 'were')} kept as they are here.`,
  unreadable: (count: number) =>
    `${count} ${plural(count, 'row', 'rows')} of the bundled risk register could not be read under this installation's risk criteria and ${plural(count, 'was', 'were')} left out.`,
};
