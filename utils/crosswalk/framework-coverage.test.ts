import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { computeCoverage } from '../coverage/coverage';
import type { CoverageResult, EvidenceSummary } from '../coverage/types';
import type { ControlState } from '../isms/types';
import { frameworkCatalogue } from './framework-catalogue';
import {
  assessFramework,
  assessFrameworks,
  coverageInFrameworks,
  frameworkEvidence,
} from './framework-coverage';
import { MAPPED_FRAMEWORKS } from './frameworks';

const today = '2026-12-03';
const plan = null;
const soc2 = MAPPED_FRAMEWORKS.find((framework) => framework.id === 'soc2')!;
const csf = MAPPED_FRAMEWORKS.find((framework) => framework.id === 'nist-csf')!;
const ready = (id: string, controls: string[], effectiveDate = '2026-11-20'): EvidenceSummary => ({
  id,
  controls,
  effectiveDate,
  status: 'ready',
});
const data = (evidence: EvidenceSummary[], controlStates: ControlState[] = []) => ({
  controlStates,
  plan,
  findings: [],
  evidence,
});
const entry = (coverage: CoverageResult, id: string) =>
  coverage.controls.find((control) => control.controlId === id);

describe('coverage in another framework', () => {
  it('turns a SOC 2 criterion covered from evidence tagged only with an ISO control it maps to', () => {
    const { coverage, catalogue } = assessFramework(
      'soc2',
      DEFAULT_CATALOGUE,
      data([ready('EV-1', ['A.8.13'])]),
      today,
    );
    expect(catalogue.items.find((item) => item.id === 'A1.3')?.title).toBe('Recovery plan tested');
    expect(entry(coverage, 'A1.3')).toMatchObject({
      status: 'covered',
      evidenceCount: 1,
      newestEvidenceDate: '2026-11-20',
    });
    expect(entry(coverage, 'CC6.1')).toMatchObject({ status: 'missing', evidenceCount: 0 });
  });

  it('counts a direct tag to a SOC 2 criterion or a CSF subcategory, and the ISO view ignores it', () => {
    const evidence = [ready('EV-2', ['CC6.1', 'PR.AA-05'])];
    const [iso, soc, nist] = assessFrameworks(
      ['iso27001', 'soc2', 'nist-csf'],
      DEFAULT_CATALOGUE,
      data(evidence),
      today,
    );
    expect(entry(soc!.coverage, 'CC6.1')?.status).toBe('covered');
    expect(entry(nist!.coverage, 'PR.AA-05')?.status).toBe('covered');
    // A direct tag is not evidence for the ISO controls the criterion maps to.
    expect(entry(iso!.coverage, 'A.5.15')?.status).toBe('missing');
    expect(iso!.coverage.overall.counts.covered).toBe(0);
  });

  it('counts one record once for a criterion however many of its tags map there', () => {
    const { coverage } = assessFramework(
      'soc2',
      DEFAULT_CATALOGUE,
      data([ready('EV-3', ['A.5.15', 'A.8.5', 'CC6.1'])]),
      today,
    );
    expect(entry(coverage, 'CC6.1')?.evidenceCount).toBe(1);
    expect(entry(coverage, 'CC6.1')?.evidenceCountAllTime).toBe(1);
  });

  it('goes stale at the shortest cadence of the ISO controls it maps to, in the same audit window', () => {
    const cadence = frameworkCatalogue(soc2, DEFAULT_CATALOGUE).items.find(
      (item) => item.id === 'CC7.1',
    )!.cadenceDays;
    const isoCadences = ['A.8.8', 'A.8.9'].map(
      (id) => DEFAULT_CATALOGUE.items.find((item) => item.id === id)!.cadenceDays,
    );
    expect(cadence).toBe(Math.min(...isoCadences));
    const old = '2026-01-05';
    const { coverage } = assessFramework(
      'soc2',
      DEFAULT_CATALOGUE,
      data([ready('EV-4', ['A.8.8'], old)]),
      today,
    );
    expect(entry(coverage, 'CC7.1')?.status).toBe('stale');
    expect(coverage.window).toEqual(
      computeCoverage({ catalogue: DEFAULT_CATALOGUE, controlStates: [], evidence: [], plan, today }).window,
    );
  });

  it('gives exactly what the coverage engine gives, for ISO with its SoA and for each mapped framework', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const tags = [
      ...DEFAULT_CATALOGUE.items.map((item) => item.id),
      'CC6.1',
      'A1.2',
      'PR.DS-11',
      'not-a-control',
    ];
    const statuses = ['ready', 'ready', 'needs-review', 'superseded', 'deleted'] as const;
    const evidence = Array.from({ length: 3000 }, (_, index): EvidenceSummary => {
      const common = index % 3 === 0; // a few sets of tags recur, as from the same consoles
      const controls = common
        ? [['A.8.13'], ['A.5.15', 'A.8.5'], ['A.8.13', 'A.5.30']][index % 9 === 0 ? 0 : index % 2]!
        : Array.from(
            { length: 1 + Math.floor(random() * 3) },
            () => tags[Math.floor(random() * tags.length)]!,
          );
      const day = new Date(Date.parse('2027-02-01') - Math.floor(random() * 500) * 86_400_000);
      return {
        id: `EV-${index}`,
        controls,
        effectiveDate: index === 5 ? '2026-02-30' : day.toISOString().slice(0, 10),
        status: statuses[Math.floor(random() * statuses.length)]!,
      };
    });
    const controlStates: ControlState[] = [
      {
        controlId: 'A.8.13',
        applicable: true,
        justification: '',
        implementation: 'implemented',
        owner: '',
        cadenceDays: 30,
        notes: '',
        updatedAt: '',
      },
      {
        controlId: 'A.7.4',
        applicable: false,
        justification: '',
        implementation: 'not-started',
        owner: '',
        cadenceDays: null,
        notes: '',
        updatedAt: '',
      },
    ];
    for (const window of [null, { windowStart: '2026-03-01', windowEnd: '2026-09-30' }]) {
      const input = { controlStates, plan: window as never, findings: [], evidence };
      const [iso, soc, nist] = coverageInFrameworks(
        ['iso27001', 'soc2', 'nist-csf'],
        DEFAULT_CATALOGUE,
        input,
        today,
      );
      expect(iso).toEqual(
        computeCoverage({ catalogue: DEFAULT_CATALOGUE, controlStates, evidence, plan: input.plan, today }),
      );
      for (const [framework, result] of [
        [soc2, soc],
        [csf, nist],
      ] as const)
        expect(result).toEqual(
          computeCoverage({
            catalogue: frameworkCatalogue(framework, DEFAULT_CATALOGUE),
            controlStates: [],
            evidence: frameworkEvidence(framework, evidence),
            plan: input.plan,
            today,
          }),
        );
    }
  });

  it('lists gaps in the framework’s own IDs, most urgent first', () => {
    const { gaps, coverage } = assessFramework(
      'nist-csf',
      DEFAULT_CATALOGUE,
      data([ready('EV-5', ['A.8.13'])]),
      today,
    );
    expect(gaps.every((gap) => /^[A-Z]{2}\.[A-Z]{2}-\d{2}$/.test(gap.controlId))).toBe(true);
    expect(gaps.map((gap) => gap.controlId)).not.toContain('PR.DS-11');
    expect(gaps).toHaveLength(coverage.controls.length - coverage.overall.counts.covered);
  });
});
