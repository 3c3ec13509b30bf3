/** Version 1: the first released schema. */
export const SCHEMA_V1 = {
  evidence: 'id, &sequence, capturedAt, effectiveDate, *controls, status, site, capturer, *words',
  blobs: 'key, evidenceId',
  controls: 'controlId',
  audits: 'id',
  findings: 'id, status, grade, *controls',
  rules: 'id',
  custody: 'sequence, evidenceId, event',
  settings: 'id',
  coverageIndex: 'controlId',
} as const;
