export interface ReliabilityScenario {
  id: string;
  kind: 'fault' | 'attack';
  /** The file whose test records the outcome. */
  test: string;
  tried: string;
  expected: string;
}
export declare const SCENARIOS: readonly ReliabilityScenario[];
