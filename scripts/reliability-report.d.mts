import type { ReliabilityScenario } from '../tests/reliability/scenarios.mjs';

export interface ReliabilityRun {
  outcomes: { scenario: string; tries: number; observed: string; evidenceLost: number }[];
  network: { requests: number; offMachine: number }[];
}
export declare const REPORT_FILE: string;
export declare function readRun(dir: string): ReliabilityRun;
export declare function reportRows(run: ReliabilityRun): {
  scenario: ReliabilityScenario;
  tried: number;
  survived: number;
  lost: number;
  observed: string;
}[];
export declare function renderReport(run: ReliabilityRun): string;
export declare function embeddedRun(markdown: string): ReliabilityRun;
