// Run by scripts/bench/frameworks.mjs through vitest (never by `npm test`): coverage for ISO alone (the coverage
// engine the popup and dashboard use) against ISO, SOC 2 and NIST CSF 2.0 at once (utils/crosswalk), both on the
// same 10,000 evidence summaries, alternating, in one process. Writes the samples to BENCH_RESULT_FILE.
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { computeCoverage } from '@/utils/coverage/coverage';
import type { EvidenceSummary } from '@/utils/coverage/types';
import { coverageInFrameworks } from '@/utils/crosswalk/framework-coverage';
import { SOURCES } from '@/tests/support/seed-sources';

const RECORDS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TODAY = '2026-12-03';

/** Records shaped like tests/support/seed.ts: an admin console's tags (the first always, others by chance). */
function summaries(random: () => number, tagsOf: (random: () => number) => string[]): EvidenceSummary[] {
  return Array.from({ length: RECORDS }, (_, index) => {
    const roll = random();
    return {
      id: `EV-${index}`,
      controls: tagsOf(random),
      effectiveDate: new Date(Date.parse(TODAY) - Math.floor(random() * 365) * 86_400_000)
        .toISOString()
        .slice(0, 10),
      status: roll < 0.7 ? 'ready' : roll < 0.92 ? 'needs-review' : 'superseded',
    };
  });
}

function seeded(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

const ids = DEFAULT_CATALOGUE.items.map((item) => item.id);
const SHAPES = {
  // The same few sets of tags again and again, as consoles and rules produce them.
  consoles: (random: () => number) => {
    const source = SOURCES[Math.floor(random() * SOURCES.length)]!;
    return source.controls.filter((_, index) => index === 0 || random() < 0.5);
  },
  // The worst case: 1–3 controls drawn at random from all 118, so sets of tags hardly repeat.
  random: (random: () => number) =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => ids[Math.floor(random() * ids.length)]!),
};

it('times coverage for one and for three frameworks', () => {
  const result: Record<string, { iso: number[]; three: number[] }> = {};
  for (const [shape, tagsOf] of Object.entries(SHAPES)) {
    const evidence = summaries(seeded(42), tagsOf);
    const data = { controlStates: [], plan: null, findings: [], evidence };
    const iso = () =>
      computeCoverage({
        catalogue: DEFAULT_CATALOGUE,
        controlStates: [],
        evidence,
        plan: null,
        today: TODAY,
      });
    const three = () =>
      coverageInFrameworks(['iso27001', 'soc2', 'nist-csf'], DEFAULT_CATALOGUE, data, TODAY);
    for (let warm = 0; warm < 20; warm++) {
      iso();
      three();
    }
    const samples = { iso: [] as number[], three: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, work] of run % 2 === 0
        ? ([
            ['iso', iso],
            ['three', three],
          ] as const)
        : ([
            ['three', three],
            ['iso', iso],
          ] as const)) {
        const start = performance.now();
        work();
        samples[name].push(performance.now() - start);
      }
    }
    result[shape] = samples;
  }
  writeFileSync(
    process.env.BENCH_RESULT_FILE ?? 'frameworks-bench.json',
    JSON.stringify({ records: RECORDS, result }),
  );
});
