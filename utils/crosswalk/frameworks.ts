import { crosswalkText } from '../text';
import { NIST_CSF_TO_ISO } from './nist-csf-2.0-mapping';
import { SOC2_TSC, type FrameworkEntry } from './soc2-tsc';

export const FRAMEWORK_IDS = ['iso27001', 'soc2', 'nist-csf'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** A framework other than ISO, counted through a mapping to ISO IDs; `mappingBasis` says which mapping. */
export interface MappedFramework {
  id: Exclude<FrameworkId, 'iso27001'>;
  name: string;
  version: string;
  mappingBasis: string;
  entries: readonly FrameworkEntry[];
}

/** NIST CSF 2.0 category names (NIST's text, public domain); a subcategory is titled by its category. */
const CSF_CATEGORIES: Readonly<Record<string, string>> = {
  'GV.OC': 'Organizational Context',
  'GV.RM': 'Risk Management Strategy',
  'GV.RR': 'Roles, Responsibilities, and Authorities',
  'GV.PO': 'Policy',
  'GV.OV': 'Oversight',
  'GV.SC': 'Cybersecurity Supply Chain Risk Management',
  'ID.AM': 'Asset Management',
  'ID.RA': 'Risk Assessment',
  'ID.IM': 'Improvement',
  'PR.AA': 'Identity Management, Authentication, and Access Control',
  'PR.AT': 'Awareness and Training',
  'PR.DS': 'Data Security',
  'PR.PS': 'Platform Security',
  'PR.IR': 'Technology Infrastructure Resilience',
  'DE.CM': 'Continuous Monitoring',
  'DE.AE': 'Adverse Event Analysis',
  'RS.MA': 'Incident Management',
  'RS.AN': 'Incident Analysis',
  'RS.CO': 'Incident Response Reporting and Communication',
  'RS.MI': 'Incident Mitigation',
  'RC.RP': 'Incident Recovery Plan Execution',
  'RC.CO': 'Incident Recovery Communication',
};

const CSF_ENTRIES: readonly FrameworkEntry[] = Object.entries(NIST_CSF_TO_ISO).map(([id, iso]) => ({
  id,
  title: `${CSF_CATEGORIES[id.split('-')[0] ?? ''] ?? id.split('-')[0]} ${id.split('-')[1] ?? ''}`.trim(),
  iso,
}));

export const MAPPED_FRAMEWORKS: readonly MappedFramework[] = [
  {
    id: 'soc2',
    name: 'SOC 2 Trust Services Criteria',
    version: '2017 (points of focus revised 2022)',
    mappingBasis: crosswalkText.mappingBasis.soc2,
    entries: SOC2_TSC,
  },
  {
    id: 'nist-csf',
    name: 'NIST Cybersecurity Framework',
    version: '2.0',
    mappingBasis: crosswalkText.mappingBasis['nist-csf'],
    entries: CSF_ENTRIES,
  },
];
