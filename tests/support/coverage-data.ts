import type { Catalogue, CatalogueItem } from '@/utils/catalogue/types';
import type { AuditPlan, ControlState } from '@/utils/isms/types';
import type { EvidenceSummary } from '@/utils/coverage/types';

/** Fixtures shared by the coverage tests (not shipped code: only tests import this file). */

export function item(
  id: string,
  theme: string,
  cadenceDays: number,
  extra: Partial<CatalogueItem> = {},
): CatalogueItem {
  return {
    id,
    title: `Item ${id}`,
    kind: theme === 'clauses' ? 'clause' : 'control',
    theme,
    cadenceDays,
    cadenceLabel: `${cadenceDays} days`,
    evidenceHints: [],
    exampleSources: [],
    documentedInformationRequired: false,
    ...extra,
  };
}

export const SMALL_CATALOGUE: Catalogue = {
  framework: 'Test',
  version: '1',
  themes: [
    { id: 'organizational', name: 'Organizational' },
    { id: 'technological', name: 'Technological' },
    { id: 'clauses', name: 'Clauses' },
  ],
  items: [
    item('4.1', 'clauses', 365),
    item('9.2', 'clauses', 365, { documentedInformationRequired: true }),
    item('A.5.1', 'organizational', 365),
    item('A.5.2', 'organizational', 91),
    item('A.8.13', 'technological', 30),
  ],
};

export function evidence(
  id: string,
  controls: string[],
  effectiveDate: string,
  status: EvidenceSummary['status'] = 'ready',
): EvidenceSummary {
  return { id, controls, effectiveDate, status };
}

export function state(controlId: string, extra: Partial<ControlState> = {}): ControlState {
  return {
    controlId,
    applicable: true,
    justification: '',
    implementation: 'implemented',
    owner: '',
    cadenceDays: null,
    notes: '',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function plan(extra: Partial<AuditPlan> = {}): AuditPlan {
  return {
    id: 'current',
    certificationBody: '',
    organisation: '',
    scope: '',
    stage1Date: null,
    stage2Date: null,
    windowStart: '2025-01-01',
    windowEnd: '2025-06-30',
    certificationDate: null,
    surveillance1Date: null,
    surveillance2Date: null,
    recertificationDate: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(value ^ (value >>> 15), 1 | value);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
