import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { assess, upcomingAudit } from './assessment';
import { data, finding, plan } from '@/tests/support/component-data';

describe('upcomingAudit', () => {
  const cycle = plan({
    stage1Date: '2025-07-01',
    stage2Date: '2025-07-29',
    surveillance1Date: '2026-09-15',
    recertificationDate: '2028-06-15',
  });

  it.each([
    ['2025-06-20', 'stage-1', '2025-07-01', 11],
    ['2025-07-01', 'stage-1', '2025-07-01', 0],
    ['2025-07-02', 'stage-2', '2025-07-29', 27],
    ['2025-08-01', 'surveillance-1', '2026-09-15', 410],
    ['2026-09-16', 'recertification', '2028-06-15', 638],
  ])('on %s the next audit is %s on %s, %i days away', (today, kind, date, daysLeft) => {
    expect(upcomingAudit(cycle, today)).toEqual({ kind, date, daysLeft });
  });

  it('is null without a plan or once every date has passed', () => {
    expect(upcomingAudit(null, '2025-01-01')).toBeNull();
    expect(upcomingAudit(cycle, '2029-01-01')).toBeNull();
  });
});

describe('assess', () => {
  it('judges Stage 1 on documents and a surveillance audit on documents and operation', () => {
    const before = assess(DEFAULT_CATALOGUE, data(), '2025-06-20');
    expect(before.nextAudit?.readiness).toBe(before.stage1);
    const surveillance = assess(
      DEFAULT_CATALOGUE,
      data({
        plan: plan({ surveillance1Date: '2026-09-15' }),
        findings: [finding('F-1', { grade: 'major' })],
      }),
      '2025-08-01',
    );
    expect(surveillance.nextAudit?.label).toBe('First surveillance audit');
    expect(surveillance.nextAudit?.readiness.reasons).toEqual([
      ...surveillance.stage1.reasons,
      ...surveillance.stage2.reasons,
    ]);
    expect(surveillance.nextAudit?.readiness.reasons).toContain('Major nonconformity F-1 is still open.');
    expect(surveillance.openFindings).toEqual({ total: 1, major: 1 });
  });
});
