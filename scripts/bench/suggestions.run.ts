// @vitest-environment happy-dom
// The suggestion corpus, scored and timed (scripts/bench/suggestions.mjs runs it; never part of `npm test`).
// Today's ranking with the built-in rules against the baseline: the rules as they stood before ranking,
// every match ticked. Writes BENCH_RESULT_FILE.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { BASELINE_RULES } from '@/tests/support/baseline-rules';
import { readCorpusPage, scoreTicked, SUGGESTION_CORPUS } from '@/tests/support/suggestion-corpus';
import { BUILT_IN_RULES } from '@/utils/rules/built-in-rules';
import { rankSuggestions, suggestControls } from '@/utils/rules/suggest';

const ROUNDS = 200;

function timePerPage(run: () => void): number {
  run();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) run();
  return (performance.now() - started) / ROUNDS;
}

it('scores the corpus', () => {
  const pages = SUGGESTION_CORPUS.map((entry) => ({ ...entry, page: readCorpusPage(entry.file) }));
  const rows = pages.map(({ file, kind, expected, page }) => {
    const ranked = rankSuggestions(BUILT_IN_RULES, page);
    return {
      file,
      kind,
      expected,
      ticked: ranked.filter((suggestion) => suggestion.preTicked).map((suggestion) => suggestion.controlId),
      offered: ranked.filter((suggestion) => !suggestion.preTicked).map((suggestion) => suggestion.controlId),
      baseline: suggestControls(BASELINE_RULES, page),
      rankMs: timePerPage(() => rankSuggestions(BUILT_IN_RULES, page)),
      baselineMs: timePerPage(() => suggestControls(BASELINE_RULES, page)),
    };
  });
  const result = {
    ranked: scoreTicked(rows),
    baseline: scoreTicked(rows.map((row) => ({ ticked: row.baseline, expected: row.expected }))),
    rows,
  };
  expect(rows.length).toBe(SUGGESTION_CORPUS.length);
  writeFileSync(process.env.BENCH_RESULT_FILE ?? 'suggestions.json', JSON.stringify(result, null, 2));
});
