/**
 * SOC 2 Trust Services Criteria (2017, points of focus revised 2022): criterion IDs with short titles in our
 * own words (the AICPA's criteria text is copyrighted and is not reproduced), and our mapping to ISO/IEC
 * 27001:2022 by ID.
 *
 * Basis of the mapping: written by this project by reading each criterion's subject against the Annex A
 * control (or clause) whose operation produces the same evidence, e.g. logical access (CC6.1) ↔ access control
 * and authentication (A.5.15, A.8.5). It is an aid for collecting evidence once, not an attestation
 * equivalence: the service auditor decides what satisfies a criterion.
 */
export interface FrameworkEntry {
  id: string;
  title: string;
  iso: readonly string[];
}

export const SOC2_TSC: readonly FrameworkEntry[] = [
  { id: 'CC1.1', title: 'Integrity and ethical values', iso: ['A.5.4', 'A.6.4', '5.1'] },
  { id: 'CC1.2', title: 'Board oversight independent of management', iso: ['5.1', '9.3'] },
  { id: 'CC1.3', title: 'Structures, reporting lines and authorities', iso: ['5.3', 'A.5.2', 'A.5.3'] },
  { id: 'CC1.4', title: 'Attracting and keeping competent people', iso: ['7.2', 'A.6.1', 'A.6.3'] },
  { id: 'CC1.5', title: 'People held accountable for control duties', iso: ['A.5.4', 'A.6.2', 'A.6.4'] },
  { id: 'CC2.1', title: 'Quality information for internal control', iso: ['9.1', 'A.8.15'] },
  { id: 'CC2.2', title: 'Internal communication of control matters', iso: ['7.4', 'A.5.1', 'A.6.3'] },
  { id: 'CC2.3', title: 'Communication with external parties', iso: ['7.4', 'A.5.5', 'A.5.14'] },
  { id: 'CC3.1', title: 'Objectives clear enough to assess risk', iso: ['6.2', '4.1'] },
  { id: 'CC3.2', title: 'Risks identified and analysed', iso: ['6.1.2', '8.2'] },
  { id: 'CC3.3', title: 'Fraud risk considered', iso: ['6.1.2', 'A.5.3'] },
  { id: 'CC3.4', title: 'Changes that affect controls assessed', iso: ['6.3', '8.1', 'A.8.32'] },
  { id: 'CC4.1', title: 'Ongoing or separate evaluations of controls', iso: ['9.1', '9.2', 'A.5.35'] },
  { id: 'CC4.2', title: 'Control deficiencies communicated and fixed', iso: ['10.1', '10.2', '9.3'] },
  { id: 'CC5.1', title: 'Control activities that reduce risk', iso: ['6.1.3', '8.3'] },
  { id: 'CC5.2', title: 'General controls over technology', iso: ['A.8.9', 'A.8.32', 'A.8.25'] },
  { id: 'CC5.3', title: 'Controls deployed through policies and procedures', iso: ['A.5.1', 'A.5.37'] },
  {
    id: 'CC6.1',
    title: 'Logical access security over protected assets',
    iso: ['A.5.15', 'A.8.2', 'A.8.3', 'A.8.5', 'A.8.24'],
  },
  { id: 'CC6.2', title: 'User registration and removal', iso: ['A.5.16', 'A.5.18'] },
  { id: 'CC6.3', title: 'Access granted, changed and reviewed by role', iso: ['A.5.15', 'A.5.18', 'A.8.2'] },
  { id: 'CC6.4', title: 'Physical access to facilities and assets', iso: ['A.7.1', 'A.7.2', 'A.7.4'] },
  { id: 'CC6.5', title: 'Disposal of assets and data', iso: ['A.7.14', 'A.8.10'] },
  {
    id: 'CC6.6',
    title: 'Protection against threats from outside the boundary',
    iso: ['A.8.20', 'A.8.21', 'A.8.22'],
  },
  { id: 'CC6.7', title: 'Data moved or transmitted is protected', iso: ['A.5.14', 'A.8.24', 'A.7.10'] },
  { id: 'CC6.8', title: 'Unauthorised or malicious software prevented', iso: ['A.8.7', 'A.8.19'] },
  { id: 'CC7.1', title: 'Configuration and vulnerability monitoring', iso: ['A.8.8', 'A.8.9'] },
  { id: 'CC7.2', title: 'Anomalies in system operation monitored', iso: ['A.8.15', 'A.8.16'] },
  { id: 'CC7.3', title: 'Security events evaluated', iso: ['A.5.25', 'A.6.8'] },
  { id: 'CC7.4', title: 'Incidents responded to', iso: ['A.5.24', 'A.5.26', 'A.5.28'] },
  { id: 'CC7.5', title: 'Recovery from incidents', iso: ['A.5.26', 'A.5.27', 'A.8.13'] },
  { id: 'CC8.1', title: 'Changes authorised, tested and approved', iso: ['A.8.32', 'A.8.29', 'A.8.9'] },
  { id: 'CC9.1', title: 'Business disruption risk mitigated', iso: ['A.5.29', 'A.5.30'] },
  {
    id: 'CC9.2',
    title: 'Vendor and business partner risk managed',
    iso: ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22'],
  },
  { id: 'A1.1', title: 'Capacity managed to meet availability commitments', iso: ['A.8.6'] },
  {
    id: 'A1.2',
    title: 'Environmental protection, backup and recovery infrastructure',
    iso: ['A.7.5', 'A.7.11', 'A.8.13', 'A.8.14'],
  },
  { id: 'A1.3', title: 'Recovery plan tested', iso: ['A.5.30', 'A.8.13'] },
  { id: 'C1.1', title: 'Confidential information identified and kept', iso: ['A.5.12', 'A.5.13'] },
  { id: 'C1.2', title: 'Confidential information disposed of', iso: ['A.8.10', 'A.7.14'] },
  { id: 'PI1.1', title: 'Processing specifications defined and communicated', iso: ['A.8.26'] },
  { id: 'PI1.2', title: 'Complete and accurate system inputs', iso: ['A.8.26'] },
  { id: 'PI1.3', title: 'Processing that meets specifications', iso: ['A.8.26', 'A.8.29'] },
  { id: 'PI1.4', title: 'Complete and accurate outputs, delivered as intended', iso: ['A.8.26'] },
  { id: 'PI1.5', title: 'Stored inputs and outputs kept complete and accurate', iso: ['A.5.33', 'A.8.13'] },
  { id: 'P1.1', title: 'Notice of privacy practices', iso: ['A.5.34'] },
  { id: 'P2.1', title: 'Choice and consent', iso: ['A.5.34'] },
  { id: 'P3.1', title: 'Personal information collected for stated purposes', iso: ['A.5.34'] },
  { id: 'P3.2', title: 'Explicit consent where required', iso: ['A.5.34'] },
  { id: 'P4.1', title: 'Use limited to stated purposes', iso: ['A.5.34'] },
  { id: 'P4.2', title: 'Retention of personal information', iso: ['A.5.33', 'A.5.34'] },
  { id: 'P4.3', title: 'Secure disposal of personal information', iso: ['A.8.10'] },
  { id: 'P5.1', title: 'Data subject access', iso: ['A.5.34'] },
  { id: 'P5.2', title: 'Correction of personal information', iso: ['A.5.34'] },
  { id: 'P6.1', title: 'Disclosure to third parties with consent', iso: ['A.5.34', 'A.5.14'] },
  { id: 'P6.2', title: 'Record of authorised disclosures', iso: ['A.5.34'] },
  { id: 'P6.3', title: 'Record of unauthorised disclosures', iso: ['A.5.34', 'A.5.24'] },
  { id: 'P6.4', title: 'Commitments obtained from vendors', iso: ['A.5.20', 'A.5.34'] },
  { id: 'P6.5', title: 'Vendors report unauthorised disclosures', iso: ['A.5.20', 'A.5.24'] },
  { id: 'P6.6', title: 'Breach notification to those affected', iso: ['A.5.26', 'A.5.34'] },
  { id: 'P6.7', title: 'Accounting of disclosures on request', iso: ['A.5.34'] },
  { id: 'P7.1', title: 'Quality of personal information', iso: ['A.5.34'] },
  { id: 'P8.1', title: 'Privacy inquiries, complaints and disputes', iso: ['A.5.34', 'A.5.5'] },
];
