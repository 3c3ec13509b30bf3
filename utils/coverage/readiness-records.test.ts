import { describe, expect, it } from 'vitest';
import { ISO27001_2022 } from '../catalogue/iso27001-2022';
import { assess } from './assessment';
import { computeCoverage } from './coverage';
import { stage1Readiness, stage2Readiness } from './readiness';
import { evidence, plan, state } from '@/tests/support/coverage-data';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';

// The records' reasons as the readiness panels get them: through the real coverage of the real catalogue.
const today = '2025-06-30';
const controlStates = ISO27001_2022.items
  .filter((item) => item.kind === 'control')
  .map((item) => state(item.id));
const coverage = computeCoverage({
  catalogue: ISO27001_2022,
  controlStates,
  evidence: [],
  plan: plan(),
  today,
});
const records = (audits = [internalAudit()], reviews = [managementReview()]) => ({
  internalAudits: audits,
  managementReviews: reviews,
  today,
});
const reasons = (input?: ReturnType<typeof records>) =>
  stage1Readiness({ catalogue: ISO27001_2022, controlStates, coverage, ...(input ? { records: input } : {}) })
    .reasons;

describe('readiness with internal audits and management reviews', () => {
  it('Stage 1: the records replace the evidence tagged to clauses 9.2 and 9.3', () => {
    const tagged = 'No internal audit is recorded (clause 9.2).';
    expect(reasons()).toContain(tagged);
    expect(reasons(records())).not.toContain(tagged);
    expect(reasons(records()).join(' ')).not.toMatch(/internal audit|management review/i);
    expect(reasons(records([], []))).toEqual(
      expect.arrayContaining([
        'No internal audit is planned or completed (clause 9.2): add one under Audits & reviews.',
        'No management review is planned or held (clause 9.3): add one under Audits & reviews.',
      ]),
    );
  });

  it('Stage 2 wants both repeated after the Stage 1 date, and says so until they are', () => {
    const reason = /No internal audit was completed after the Stage 1 audit on 2025-05-01/;
    const stage2 = (audits = [internalAudit({ completedDate: '2025-04-20', plannedDate: '2025-04-20' })]) =>
      stage2Readiness({
        coverage,
        findings: [],
        records: { ...records(audits), stage1Date: '2025-05-01' },
      }).reasons.join('\n');
    expect(stage2()).toMatch(reason);
    expect(stage2([internalAudit()])).not.toMatch(reason);
  });

  it('the dashboard and popup assessment passes the records and the plan’s Stage 1 date', () => {
    const data = {
      controlStates,
      plan: { ...plan(), stage1Date: '2025-06-01' },
      findings: [],
      evidence: [evidence('EV-1', ['9.2'], '2025-05-12')],
    };
    const withRecords = assess(
      ISO27001_2022,
      { ...data, internalAudits: [], managementReviews: [managementReview()] },
      today,
    );
    expect(withRecords.stage1.reasons).toContain(
      'No internal audit is planned or completed (clause 9.2): add one under Audits & reviews.',
    );
    expect(withRecords.stage2.reasons.join('\n')).toMatch(
      /No management review was held after the Stage 1 audit on 2025-06-01/,
    );
    const without = assess(ISO27001_2022, data, today);
    expect(without.stage1.reasons.join('\n')).not.toMatch(/Internal audits/);
  });
});
