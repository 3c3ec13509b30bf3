import { riskText } from '../text';
import { CONTROL_SEPARATOR } from './risk-csv';
import type { Risk } from './types';

/** One field of a risk as the import diff shows it; empty fields show as a dash. */
export function diffCell(risk: Risk, field: keyof Risk): string {
  const value = risk[field];
  if (value === null || value === '') return '—';
  if (field === 'treatment' && typeof value === 'string')
    return riskText.treatments[risk.treatment ?? 'modify'];
  if (field === 'status') return riskText.statuses[risk.status];
  if (field === 'controls') return risk.controls.join(CONTROL_SEPARATOR) || '—';
  if (field === 'acceptance' && risk.acceptance) {
    const { acceptedBy, acceptedAt, acceptedUntil } = risk.acceptance;
    return [acceptedBy, acceptedAt, acceptedUntil ?? ''].filter((part) => part !== '').join(' · ');
  }
  return String(value);
}
