import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../catalogue/catalogue';
import { addToEstimate, EMPTY_ESTIMATE, matchesFilter, resolveControls, type ExportFilter } from './filter';
import { makeFixture } from '@/tests/support/bundle-fixtures';

const all: ExportFilter = { windowStart: null, windowEnd: null, controls: null, includeDomSnapshots: true };

describe('export filter', () => {
  it('resolves themes into their controls, joined with the chosen controls', () => {
    expect(resolveControls(DEFAULT_CATALOGUE, [], [])).toBeNull();
    const people = resolveControls(DEFAULT_CATALOGUE, ['people'], ['A.8.13'])!;
    expect(people).toContain('A.6.1');
    expect(people).toContain('A.8.13');
    expect(people).not.toContain('A.5.1');
  });

  it('matches on effective date (inclusive), controls, and never takes deleted evidence', async () => {
    const [first, second, third] = (await makeFixture()).records;
    expect([first, second, third].map((record) => matchesFilter(record!, all))).toEqual([true, true, true]);
    const window = { ...all, windowStart: '2025-01-10', windowEnd: '2025-02-14' };
    expect([first, second, third].map((record) => matchesFilter(record!, window))).toEqual([
      true,
      true,
      false,
    ]);
    expect(matchesFilter(second!, { ...all, controls: ['A.5.15'] })).toBe(false);
    expect(matchesFilter(first!, { ...all, controls: ['A.5.15'] })).toBe(true);
    expect(matchesFilter(third!, { ...all, controls: ['A.5.15'] })).toBe(false);
    expect(matchesFilter({ ...first!, status: 'deleted' }, all)).toBe(false);
  });

  it('estimates files and bytes from recorded sizes, without DOM snapshots when they are left out', async () => {
    const [first] = (await makeFixture()).records;
    const withDom = addToEstimate(EMPTY_ESTIMATE, first!, true);
    const withoutDom = addToEstimate(EMPTY_ESTIMATE, first!, false);
    const artifactBytes = first!.artifacts.reduce((sum, artifact) => sum + artifact.size, 0);
    expect(withDom.evidence).toBe(1);
    expect(withDom.files).toBe(EMPTY_ESTIMATE.files + first!.artifacts.length + 1);
    expect(withDom.bytes).toBeGreaterThan(EMPTY_ESTIMATE.bytes + artifactBytes);
    expect(withoutDom.files).toBe(withDom.files - 1);
  });
});
