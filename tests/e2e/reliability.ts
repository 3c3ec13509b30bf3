/**
 * Records what a reliability test tried and what it saw, one JSON line per outcome, in the folder
 * `RELIABILITY_DIR` names (set by scripts/test.mjs); scripts/reliability-report.mjs writes the table.
 * Call it after the assertions, so a failed test records nothing and its scenario shows as failed.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { SCENARIOS } from '../reliability/scenarios.mjs';

export interface ReliabilityOutcome {
  /** What was seen, in a few words ("error shown: disk full; 1 earlier record intact"). */
  observed: string;
  /** Evidence records that existed before the fault (or should exist after it) and did not survive. */
  evidenceLost: number;
  /** The scenario needed several attempts (e.g. hostile names): each counts as one try. */
  tries?: number;
}

export function recordOutcome(scenarioId: string, outcome: ReliabilityOutcome): void {
  if (!SCENARIOS.some((scenario) => scenario.id === scenarioId)) {
    throw new Error(`Unknown reliability scenario ${scenarioId}: add it to tests/reliability/scenarios.mjs.`);
  }
  const dir = process.env.RELIABILITY_DIR;
  if (!dir) return;
  const line = { scenario: scenarioId, tries: outcome.tries ?? 1, ...outcome };
  appendFileSync(path.join(dir, 'outcomes.jsonl'), `${JSON.stringify(line)}\n`);
}
