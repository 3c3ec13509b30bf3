import { plural } from '../plural';

/** The SoA's inclusion reasons: risks from the register, requirements and decisions with references. */
export const soaReasonText = {
  heading: 'Why it is included',
  noRisks: 'No risk of the register names this control.',
  risksLabel: 'Risks this control treats',
  treats: 'Treats',
  kind: 'Reason',
  reference: 'Reference',
  referencePlaceholder: 'e.g. GDPR Art. 32, contract MSA-2024 §7, board decision 2025-03',
  removeReason: (index: number) => `Remove reason ${index}`,
  addReason: 'Add a requirement or decision',
  writeJustification: 'Write the justification from the reasons',
  noReason: 'no reason',
  contradiction: (riskIds: readonly string[]) =>
    `excluded, but ${riskIds.join(', ')} ${plural(riskIds.length, 'relies', 'rely')} on it`,
  reasonsSummary: (riskIds: readonly string[], others: number) =>
    [
      riskIds.length > 0 ? `Treats ${riskIds.join(', ')}` : '',
      others > 0 ? `${others} ${plural(others, 'requirement or decision', 'requirements or decisions')}` : '',
    ]
      .filter((part) => part !== '')
      .join('; '),
};
