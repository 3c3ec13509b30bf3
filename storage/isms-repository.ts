import type { AuditPlan, ControlState, Finding } from '@/utils/isms/types';
import { validateControlState, validateFinding } from '@/utils/isms/validate';
import type { EvidenceDatabase } from './db';

/** A save refused for reasons the user can fix; `problems` are sentences. */
export class ValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'ValidationError';
  }
}

export function readControlStates(db: EvidenceDatabase): Promise<ControlState[]> {
  return db.controls.toArray();
}

export async function saveControlState(
  db: EvidenceDatabase,
  state: Omit<ControlState, 'updatedAt'>,
  knownIds: ReadonlySet<string>,
  at: string,
): Promise<ControlState> {
  const problems = validateControlState(state, knownIds);
  if (problems.length > 0) throw new ValidationError(problems);
  const row: ControlState = { ...state, justification: state.justification.trim(), updatedAt: at };
  await db.controls.put(row);
  return row;
}

export async function readAuditPlan(db: EvidenceDatabase): Promise<AuditPlan | undefined> {
  return db.audits.get('current');
}

export async function saveAuditPlan(
  db: EvidenceDatabase,
  plan: AuditPlan,
  errors: string[],
): Promise<AuditPlan> {
  if (errors.length > 0) throw new ValidationError(errors);
  await db.audits.put(plan);
  return plan;
}

export function listFindings(db: EvidenceDatabase): Promise<Finding[]> {
  return db.findings.toArray();
}

export async function saveFinding(
  db: EvidenceDatabase,
  finding: Omit<Finding, 'createdAt' | 'updatedAt'>,
  knownIds: ReadonlySet<string>,
  at: string,
): Promise<Finding> {
  const problems = validateFinding(finding, knownIds);
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction('rw', db.findings, async () => {
    const existing = await db.findings.get(finding.id);
    const row: Finding = { ...finding, createdAt: existing?.createdAt ?? at, updatedAt: at };
    await db.findings.put(row);
    return row;
  });
}

export async function deleteFinding(db: EvidenceDatabase, id: string): Promise<void> {
  await db.findings.delete(id);
}
