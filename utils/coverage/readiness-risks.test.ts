import { describe, expect, it } from 'vitest';
import { ISO27001_2022 } from '../catalogue/iso27001-2022';
import { DEFAULT_RISK_CRITERIA } from '../risk/criteria';
import type { Risk } from '../risk/types';
import { computeCoverage } from './coverage';
import { stage1Readiness, stage2Readiness } from './readiness';
import { evidence, plan, state } from '@/tests/support/coverage-data';
import type { EvidenceSummary } from './types';

// The risk reasons as the readiness panels get them: through the real coverage of a real catalogue.
const today = '2025-06-30';
const backups: Risk = {
  id: 'R-1',
  title: 'Backups fail silently',
  asset: '',
  threat: '',
  vulnerability: '',
  consequence: '',
  owner: 'Ops',
  likelihood: 4,
  impact: 4,
  treatment: 'modify',
  controls: ['A.8.13'],
  residualLikelihood: null,
  residualImpact: null,
  acceptance: null,
  nextReview: null,
  status: 'open',
  notes: '',
  updatedAt: '2025-06-01T10:00:00.000Z',
};
const risks = { criteria: DEFAULT_RISK_CRITERIA, risks: [backups], today };

function coverageOf(items: EvidenceSummary[], excluded: string[] = []) {
  const controlStates = ISO27001_2022.items
    .filter((item) => item.kind === 'control')
    .map((item) =>
      state(item.id, excluded.includes(item.id) ? { applicable: false, justification: 'n/a' } : {}),
    );
  return {
    controlStates,
    coverage: computeCoverage({
      catalogue: ISO27001_2022,
      controlStates,
      evidence: items,
      plan: plan(),
      today,
    }),
  };
}

describe('readiness with a risk register', () => {
  it('Stage 1 names an excluded control that treats a risk, and drops it once the control is applicable', () => {
    const reason = 'A.8.13 is excluded in the Statement of Applicability but treats R-1.';
    const excluded = coverageOf([], ['A.8.13']);
    expect(stage1Readiness({ catalogue: ISO27001_2022, ...excluded, risks }).reasons).toContain(reason);
    const included = coverageOf([]);
    expect(stage1Readiness({ catalogue: ISO27001_2022, ...included, risks }).reasons).not.toContain(reason);
    expect(stage1Readiness({ catalogue: ISO27001_2022, ...included }).reasons.join()).not.toMatch(/R-1/);
  });

  it('Stage 2 names a high risk without evidence for its control, and drops it once evidence is in the window', () => {
    const reason = 'R-1 (High) has no evidence in the audit window for A.8.13.';
    const without = coverageOf([]);
    expect(stage2Readiness({ coverage: without.coverage, findings: [], risks }).reasons).toContain(reason);
    const withEvidence = coverageOf([evidence('EV-1', ['A.8.13'], '2025-05-15')]);
    expect(stage2Readiness({ coverage: withEvidence.coverage, findings: [], risks }).reasons).not.toContain(
      reason,
    );
  });
});
