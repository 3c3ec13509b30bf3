/**
 * The risk register and the traceability table in the auditor's bundle: `data/risk-register.csv`,
 * `data/traceability.csv` and the "Risks and traceability" section of index.html. Kept apart from the
 * writer and the report so that they only list these as one entry each.
 */
import { inherentLevel, residualLevel } from '../risk/criteria';
import { riskRegisterCsv } from '../risk/risk-csv';
import { traceabilityCsv, type TraceRow } from '../risk/traceability';
import type { Risk, RiskCriteria } from '../risk/types';
import { bundleRiskText as t, riskText } from '../text';
import { escapeHtml as e } from './html';
import { coverageLabel } from './tables';

export const RISK_REGISTER_FILE = 'risk-register.csv';
export const TRACEABILITY_FILE = 'traceability.csv';

/** The register as the export read it, with one trace row per risk × treating control. */
export interface BundleRiskRegister {
  criteria: RiskCriteria;
  risks: readonly Risk[];
  trace: readonly TraceRow[];
}

/** The two tables under data/; none when the export has no register (a bundle of an older version). */
export function riskSummaryFiles(
  register: BundleRiskRegister | undefined,
): { path: string; text: () => string }[] {
  if (!register) return [];
  return [
    { path: RISK_REGISTER_FILE, text: () => riskRegisterCsv(register.criteria, register.risks) },
    { path: TRACEABILITY_FILE, text: () => traceabilityCsv(register.criteria, register.trace) },
  ];
}

/** The payload paths the verifier keeps as text, so the import can read the register back. */
export function keepsRiskTable(path: string): boolean {
  return path === `data/${RISK_REGISTER_FILE}` || path === `data/${TRACEABILITY_FILE}`;
}

export interface BundledRiskTables {
  register: string | null;
  traceability: string | null;
}

export function bundledRiskTables(texts: ReadonlyMap<string, string>): BundledRiskTables {
  return {
    register: texts.get(`data/${RISK_REGISTER_FILE}`) ?? null,
    traceability: texts.get(`data/${TRACEABILITY_FILE}`) ?? null,
  };
}

export function riskNavLink(register: BundleRiskRegister | undefined): string {
  return register ? `<li><a href="#risks">${e(t.heading)}</a></li>` : '';
}

function traceRowHtml(criteria: RiskCriteria, row: TraceRow): string {
  const level = inherentLevel(criteria, row.risk)?.band.name ?? '';
  const residual = residualLevel(criteria, row.risk)?.band.name ?? '';
  const decision = row.controlId === '' ? t.noControl : row.applicable ? t.applicable : t.excluded;
  const broken = row.controlId === '' || !row.applicable || row.evidenceIds.length === 0;
  const evidence = row.evidenceIds
    .slice(0, 5)
    .map(
      (id) => `<a class="mono" href="${e(`evidence/${encodeURIComponent(id)}/metadata.json`)}">${e(id)}</a>`,
    )
    .join(' ');
  const more = row.evidenceIds.length > 5 ? ` ${e(t.more(row.evidenceIds.length - 5))}` : '';
  return `<tr${broken ? ' class="break"' : ''}><th scope="row">${e(row.risk.id)}</th><td>${e(row.risk.title)}</td>
<td>${e(level)}</td><td>${e(residual)}</td><td>${e(row.risk.treatment ? riskText.treatments[row.risk.treatment] : '')}</td>
<td>${e(row.controlId)}</td><td>${e(decision)}</td><td>${e(row.coverage ? coverageLabel(row.coverage.status) : '')}</td>
<td>${evidence || e(t.noEvidence)}${more}</td></tr>`;
}

/** The chain risk → treatment → control → SoA decision → evidence, one row per link; breaks marked. */
export function riskReportSection(register: BundleRiskRegister | undefined): string {
  if (!register) return '';
  const head = t.columns.map((column) => `<th scope="col">${e(column)}</th>`).join('');
  const breaks = register.trace.filter(
    (row) => row.controlId === '' || !row.applicable || row.evidenceIds.length === 0,
  ).length;
  const files = `<a href="${RISK_REGISTER_FILE}">${e(t.registerCsv)}</a>, <a href="${TRACEABILITY_FILE}">${e(t.traceabilityCsv)}</a>`;
  if (register.risks.length === 0)
    return `<section id="risks"><h2>${e(t.heading)}</h2><p>${e(t.empty)}</p></section>`;
  return `<section id="risks"><h2>${e(t.heading)}</h2>
<p>${e(t.summary(register.risks.length, register.trace.length, breaks))} ${files}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${register.trace.map((row) => traceRowHtml(register.criteria, row)).join('\n')}
</tbody></table></section>`;
}
