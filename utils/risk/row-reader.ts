import type { Catalogue } from '../catalogue/types';
import { normaliseControlId } from '../catalogue/catalogue';
import { riskText } from '../text';
import { riskLevel } from './criteria';
import type { RiskCsvColumn } from './risk-csv';
import {
  RISK_STATUSES,
  TREATMENT_OPTIONS,
  type Risk,
  type RiskCriteria,
  type RiskStatus,
  type ScalePoint,
  type TreatmentOption,
} from './types';

const FORMULA_START = /^[=+\-@\t\r]/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One row's cells by field, and the row's problems as sentences without the line number. */
export class RowCells {
  readonly problems: string[] = [];
  constructor(private readonly cells: ReadonlyMap<RiskCsvColumn, string>) {}

  /**
   * A cell's text. Our own export prefixes formula-leading cells with a quote, which is removed here;
   * a cell that still starts like a formula is refused rather than guessed at.
   */
  text(column: RiskCsvColumn): string {
    const raw = this.cells.get(column) ?? '';
    if (raw.startsWith("'") && FORMULA_START.test(raw.slice(1))) return raw.slice(1);
    if (FORMULA_START.test(raw)) {
      // The row is refused; the raw text is returned only so no second "is empty" problem follows.
      this.problems.push(riskText.import.formulaCell(column, raw.charAt(0)));
      return raw;
    }
    return raw.trim();
  }

  scale(column: RiskCsvColumn, points: readonly ScalePoint[], required: boolean): number | null {
    const cell = this.text(column);
    if (cell === '') {
      if (required) this.problems.push(riskText.import.missingValue(column));
      return null;
    }
    const point = points.find((entry) => String(entry.value) === cell || key(entry.name) === key(cell));
    if (!point) this.problems.push(riskText.import.offScale(column, cell, points));
    return point?.value ?? null;
  }

  date(column: RiskCsvColumn): string | null {
    const cell = this.text(column);
    if (cell === '') return null;
    if (!DATE.test(cell) || Number.isNaN(Date.parse(cell)))
      this.problems.push(riskText.import.badDate(column, cell));
    return cell;
  }

  choice<T extends string>(column: RiskCsvColumn, ids: readonly T[], labels: Record<T, string>): T | null {
    const cell = key(this.text(column));
    if (cell === '') return null;
    const found = ids.find((id) => key(id) === cell || key(labels[id]) === cell);
    if (!found)
      this.problems.push(
        riskText.import.badChoice(
          column,
          cell,
          ids.map((id) => labels[id]),
        ),
      );
    return found ?? null;
  }

  controls(catalogue: Catalogue): string[] {
    const cell = this.text('Controls');
    const ids = cell
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const known = new Set(catalogue.items.filter((item) => item.kind === 'control').map((item) => item.id));
    const normalised = ids.map(normaliseControlId);
    for (const [index, id] of normalised.entries()) {
      if (!known.has(id)) this.problems.push(riskText.import.unknownControl(ids[index] ?? id));
    }
    return [...new Set(normalised)];
  }

  /** A stated score must be the one the criteria give, so a register levelled on other criteria shows. */
  checkScore(
    column: RiskCsvColumn,
    criteria: RiskCriteria,
    likelihood: number | null,
    impact: number | null,
  ): void {
    const cell = this.text(column);
    if (cell === '' || likelihood === null || impact === null) return;
    const level = riskLevel(criteria, likelihood, impact);
    if (level && String(level.score) !== cell && key(level.band.name) !== key(cell)) {
      this.problems.push(riskText.import.levelMismatch(column, cell, level.score, level.band.name));
    }
  }
}

function key(text: string): string {
  return text.trim().toLowerCase();
}

/** Reads one row into a risk; `problems` on the cells says whether it can be used. */
export function readRisk(cells: RowCells, criteria: RiskCriteria, catalogue: Catalogue, now: string): Risk {
  const likelihood = cells.scale('Likelihood', criteria.likelihood, true);
  const impact = cells.scale('Impact', criteria.impact, true);
  const residualLikelihood = cells.scale('Residual likelihood', criteria.likelihood, false);
  const residualImpact = cells.scale('Residual impact', criteria.impact, false);
  cells.checkScore('Inherent score', criteria, likelihood, impact);
  cells.checkScore('Inherent level', criteria, likelihood, impact);
  cells.checkScore('Residual score', criteria, residualLikelihood, residualImpact);
  cells.checkScore('Residual level', criteria, residualLikelihood, residualImpact);
  const acceptedBy = cells.text('Accepted by');
  const acceptedAt = cells.date('Accepted on');
  const acceptedUntil = cells.date('Accepted until');
  if (acceptedBy !== '' && acceptedAt === null) cells.problems.push(riskText.import.acceptanceWithoutDate);
  const treatment: TreatmentOption | null = cells.choice('Treatment', TREATMENT_OPTIONS, riskText.treatments);
  const status: RiskStatus = cells.choice('Status', RISK_STATUSES, riskText.statuses) ?? 'open';
  return {
    id: cells.text('ID'),
    title: cells.text('Title'),
    asset: cells.text('Asset'),
    threat: cells.text('Threat'),
    vulnerability: cells.text('Vulnerability'),
    consequence: cells.text('Consequence'),
    owner: cells.text('Owner'),
    likelihood: likelihood ?? 0,
    impact: impact ?? 0,
    treatment,
    controls: cells.controls(catalogue),
    residualLikelihood,
    residualImpact,
    acceptance: acceptedBy !== '' && acceptedAt !== null ? { acceptedBy, acceptedAt, acceptedUntil } : null,
    nextReview: cells.date('Next review'),
    status,
    notes: cells.text('Notes'),
    updatedAt: now,
  };
}
