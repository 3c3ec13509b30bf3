import { plural } from '../plural';

/** The risk register, its criteria, and what its CSV import says about a file. */
export const riskText = {
  heading: 'Risk register',
  fields: {
    id: 'ID',
    title: 'Title',
    asset: 'Asset',
    threat: 'Threat',
    vulnerability: 'Vulnerability',
    consequence: 'Consequence',
    owner: 'Owner',
    likelihood: 'Likelihood',
    impact: 'Impact',
    treatment: 'Treatment',
    controls: 'Controls',
    status: 'Status',
    notes: 'Notes',
  },
  treatments: { modify: 'Modify', retain: 'Retain', avoid: 'Avoid', share: 'Share' },
  statuses: { open: 'Open', 'in-treatment': 'In treatment', monitored: 'Monitored', closed: 'Closed' },
  gaps: {
    untreated: (id: string) => `${id} is above the acceptance threshold and has no treatment.`,
    'retained-without-acceptance': (id: string) =>
      `${id} is retained above the acceptance threshold without the owner's acceptance.`,
    'acceptance-expired': (id: string) =>
      `${id} is retained above the acceptance threshold and its acceptance has expired.`,
  },
  criteria: {
    scaleTooShort: (label: string) => `The ${label.toLowerCase()} scale needs at least two points.`,
    scaleNotConsecutive: (label: string) =>
      `The ${label.toLowerCase()} scale must number its points 1, 2, 3 … in order.`,
    scaleUnnamed: (label: string) => `Every point of the ${label.toLowerCase()} scale needs a name.`,
    matrixShape: (rows: number, columns: number) =>
      `The level matrix must have ${rows} rows (likelihood) of ${columns} numbers (impact).`,
    noBands: 'Name at least one risk level.',
    bandsNotAscending: 'Each risk level must start at a higher score than the one before it.',
    unknownEvidenceBand: 'The level that needs evidence for Stage 2 is not one of the risk levels.',
    badThreshold: 'The acceptance threshold must be a number.',
    badReviewInterval: 'The review interval must be at least one month.',
  },
  soa: {
    treats: (riskIds: readonly string[]) => `Treats ${riskIds.join(', ')}.`,
    kinds: {
      risk: 'Risk',
      legal: 'Legal requirement',
      regulatory: 'Regulatory requirement',
      contractual: 'Contractual requirement',
      business: 'Business decision',
    },
    requirement: (kind: 'legal' | 'regulatory' | 'contractual' | 'business', reference: string) =>
      `${riskText.soa.kinds[kind]}: ${reference}.`,
    badKind: (kind: string) =>
      `“${kind}” is not a kind of reason: use a legal, regulatory or contractual requirement or a business decision.`,
    needsReference: (kind: string) =>
      `A ${kind.toLowerCase()} needs its reference (the law, contract clause or decision record).`,
  },
  readiness: {
    noAssessment: 'The risk register is empty: Stage 1 asks for a risk assessment (clause 6.1.2).',
    notReviewed: (newest: string, months: number) =>
      `No risk was reviewed since ${newest}; the criteria ask for a review every ${months} ${plural(months, 'month', 'months')}.`,
    untreated: (ids: readonly string[]) =>
      `${ids.join(', ')} ${plural(ids.length, 'is', 'are')} above the acceptance threshold without a treatment.`,
    'retained-without-acceptance': (ids: readonly string[]) =>
      `${ids.join(', ')} ${plural(ids.length, 'is', 'are')} retained above the acceptance threshold without the owner's acceptance.`,
    'acceptance-expired': (ids: readonly string[]) =>
      `The acceptance of ${ids.join(', ')} has expired while the risk stays above the threshold.`,
    excludedTreats: (controlId: string, riskIds: readonly string[]) =>
      `${controlId} is excluded in the Statement of Applicability but treats ${riskIds.join(', ')}.`,
    noReason: (controlIds: readonly string[]) =>
      `${controlIds.join(', ')} ${plural(controlIds.length, 'is', 'are')} applicable without a reason: no risk of the register, requirement or business decision names ${plural(controlIds.length, 'it', 'them')}.`,
    noTreatingControl: (riskId: string, band: string) =>
      `${riskId} (${band}) names no control that treats it.`,
    noRiskEvidence: (riskId: string, band: string, controls: readonly string[]) =>
      `${riskId} (${band}) has no evidence in the audit window for ${controls.join(', ')}.`,
  },
  import: {
    emptyFile: 'The file is empty: it needs a header row and one row per risk.',
    tooManyRows: (count: number, limit: number) =>
      `The file has ${count} risks; one import reads at most ${limit}. Split it and import the parts.`,
    duplicateColumn: (column: string) => `Two columns feed “${column}”: map one of them to nothing.`,
    missingColumns: (columns: readonly string[]) =>
      `The header has no ${plural(columns.length, 'column', 'columns')} for ${columns.map((column) => `“${column}”`).join(', ')}: rename a column or map one in the preview.`,
    missingValue: (column: string) => `“${column}” is empty.`,
    formulaCell: (column: string, first: string) =>
      `“${column}” starts with ${JSON.stringify(first)}, which a spreadsheet runs as a formula: remove it or start the cell with a single quote.`,
    offScale: (column: string, cell: string, points: readonly { value: number; name: string }[]) =>
      `“${column}” is “${cell}”, which is not on the scale (${points.map((point) => `${point.value} ${point.name}`).join(', ')}).`,
    levelMismatch: (column: string, cell: string, score: number, band: string) =>
      `“${column}” says “${cell}” but the criteria give ${score} (${band}) for this likelihood and impact.`,
    badDate: (column: string, cell: string) => `“${column}” is “${cell}”: write dates as YYYY-MM-DD.`,
    badChoice: (column: string, cell: string, allowed: readonly string[]) =>
      `“${column}” is “${cell}”; use one of ${allowed.join(', ')}.`,
    unknownControl: (id: string) => `“${id}” is not an Annex A control of ISO/IEC 27001:2022.`,
    duplicateId: (id: string, firstLine: number) =>
      `${id} is already on line ${firstLine}; each risk ID appears once.`,
    acceptanceWithoutDate: '“Accepted by” needs the date of the acceptance in “Accepted on”.',
    problemLine: (line: number, message: string) => (line > 0 ? `Line ${line}: ${message}` : message),
  },
} as const;
