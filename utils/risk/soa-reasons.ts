import { riskText } from '../text';
import type { Risk } from './types';

/** Why a control is in the SoA: the risks it treats, or a requirement or decision with its reference. */
export const INCLUSION_KINDS = ['risk', 'legal', 'regulatory', 'contractual', 'business'] as const;
export type InclusionKind = (typeof INCLUSION_KINDS)[number];
/** The reasons the SoA row itself records; risk reasons always come from the register. */
export const OTHER_REASON_KINDS = ['legal', 'regulatory', 'contractual', 'business'] as const;

export interface InclusionReason {
  kind: InclusionKind;
  /** The risk ID, or the law, contract clause or decision record the reason rests on. */
  reference: string;
}

/** The risks a control treats (closed risks no longer justify anything), as reasons. */
export function riskReasons(controlId: string, risks: readonly Risk[]): InclusionReason[] {
  return riskReasonsByControl(risks).get(controlId) ?? [];
}

/** Every control's risk reasons in one pass over the register, in the register's order. */
function riskReasonsByControl(risks: readonly Risk[]): Map<string, InclusionReason[]> {
  const byControl = new Map<string, InclusionReason[]>();
  for (const risk of risks) {
    if (risk.status === 'closed') continue;
    for (const controlId of new Set(risk.controls)) {
      const reasons = byControl.get(controlId) ?? [];
      if (reasons.length === 0) byControl.set(controlId, reasons);
      reasons.push({ kind: 'risk', reference: risk.id });
    }
  }
  return byControl;
}

/** Every reason of one control: the register's risks first, then what its SoA row records. */
export function controlReasons(
  controlId: string,
  risks: readonly Risk[],
  recorded: readonly InclusionReason[] | undefined,
): InclusionReason[] {
  return [...riskReasons(controlId, risks), ...(recorded ?? []).filter((reason) => reason.kind !== 'risk')];
}

/** The SoA justification written from the reasons; the user may edit it afterwards. */
export function justificationFrom(reasons: readonly InclusionReason[]): string {
  const parts: string[] = [];
  const risks = reasons.filter((reason) => reason.kind === 'risk').map((reason) => reason.reference);
  if (risks.length > 0) parts.push(riskText.soa.treats(risks));
  for (const reason of reasons) {
    if (reason.kind !== 'risk') parts.push(riskText.soa.requirement(reason.kind, reason.reference));
  }
  return parts.join(' ');
}

export interface SoaDecision {
  controlId: string;
  applicable: boolean;
}

export interface SoaReasonProblems {
  /** Applicable controls with no reason at all: a Stage 1 gap. */
  withoutReason: string[];
  /** Excluded controls that a risk relies on: a contradiction. */
  contradictions: { controlId: string; riskIds: string[] }[];
}

export function soaReasonProblems(
  decisions: readonly SoaDecision[],
  otherReasons: ReadonlyMap<string, readonly InclusionReason[]>,
  risks: readonly Risk[],
): SoaReasonProblems {
  const problems: SoaReasonProblems = { withoutReason: [], contradictions: [] };
  const byControl = riskReasonsByControl(risks);
  for (const { controlId, applicable } of decisions) {
    const fromRisks = byControl.get(controlId) ?? [];
    if (!applicable && fromRisks.length > 0) {
      problems.contradictions.push({ controlId, riskIds: fromRisks.map((reason) => reason.reference) });
    }
    if (applicable && fromRisks.length === 0 && (otherReasons.get(controlId)?.length ?? 0) === 0) {
      problems.withoutReason.push(controlId);
    }
  }
  return problems;
}
