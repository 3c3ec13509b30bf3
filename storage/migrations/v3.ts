/**
 * Version 3 adds the risk register: `risks` (one row per risk, indexed by owner, status and the
 * controls that treat it, so a control's risks are one lookup) and `riskCriteria` (one row, id
 * 'risk-criteria'; absent = the default criteria). New tables only: no existing row is rewritten.
 */
export const SCHEMA_V3 = {
  risks: 'id, owner, status, *controls',
  riskCriteria: 'id',
} as const;
