import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '@/utils/rules/built-in-rules';
import { rankSuggestions } from '@/utils/rules/suggest';
import { readCorpusPage, scoreTicked, SUGGESTION_CORPUS } from '../support/suggestion-corpus';

// Each page read as the collector reads it, the built-in rules ranked on it. What starts ticked is what an
// admin in a hurry saves, so it must be what the page evidences.
const results = SUGGESTION_CORPUS.map((entry) => {
  const ranked = rankSuggestions(BUILT_IN_RULES, readCorpusPage(entry.file));
  return { ...entry, ranked, ticked: ranked.filter((s) => s.preTicked).map((s) => s.controlId) };
});

describe('control suggestions on the admin-console corpus', () => {
  it('covers at least twelve pages of different kinds', () => {
    expect(new Set(SUGGESTION_CORPUS.map((entry) => entry.kind)).size).toBeGreaterThanOrEqual(12);
  });

  it('pre-ticks with precision and recall of at least 0.8 over the corpus', () => {
    const score = scoreTicked(results);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.recall).toBeGreaterThanOrEqual(0.8);
  });

  it.each(results.map((result) => [result.file, result] as const))(
    '%s: at most three ticked, each with its reasons; every expected control is at least offered',
    (_file, { ranked, ticked, expected }) => {
      expect(ticked.length).toBeGreaterThan(0);
      expect(ticked.length).toBeLessThanOrEqual(3);
      for (const suggestion of ranked) expect(suggestion.reasons.length).toBeGreaterThan(0);
      const offered = ranked.map((suggestion) => suggestion.controlId);
      for (const controlId of expected) expect(offered).toContain(controlId);
      // Best first.
      const scores = ranked.map((suggestion) => suggestion.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    },
  );

  it('ticks only monitoring on the monitoring dashboard, whose panels name backups, vendors and NTP', () => {
    const monitoring = results.find((result) => result.file === 'consoles/monitoring.html')!;
    expect(monitoring.ticked).toEqual(['A.8.16']);
    const offered = monitoring.ranked.map((suggestion) => suggestion.controlId);
    expect(offered).toEqual(expect.arrayContaining(['A.8.13', 'A.8.17', 'A.5.19']));
    const vendor = monitoring.ranked.find((suggestion) => suggestion.controlId === 'A.5.19')!;
    expect(vendor.reasons).toEqual([expect.objectContaining({ place: 'text', words: ['vendor'] })]);
  });

  it('leaves the navigation out: a console menu listing every section suggests nothing strong by itself', () => {
    const auditLog = results.find((result) => result.file === 'consoles/audit-log.html')!;
    // The menu links "Conditional access" and "Authentication methods"; the page is the audit log.
    expect(auditLog.ticked).toEqual(['A.8.15']);
    const fromMenu = auditLog.ranked.find((suggestion) => suggestion.controlId === 'A.5.15');
    expect(fromMenu).toMatchObject({ strong: false, preTicked: false });
  });
});
