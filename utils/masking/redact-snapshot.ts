import type { PageSnapshot } from '../page/types';
import { compileRules } from './match';
import { redactHtml, redactRows, redactText, type MaskedLiteral, type MatchCounter } from './redact';
import type { MaskingCount, MaskingRule } from './types';

export interface RedactedSnapshot {
  snapshot: PageSnapshot;
  /** Removals per rule id, across text, tables, DOM snapshot and title. */
  textMatches: MatchCounter;
  problems: string[];
}

/**
 * Applies the masking rules to everything the collector read: visible text, every table cell, the DOM
 * snapshot, the title and the URL. `literals` is the text of the elements the selector rules matched.
 */
export function redactSnapshot(
  snapshot: PageSnapshot,
  rules: readonly MaskingRule[],
  literals: readonly MaskedLiteral[],
): RedactedSnapshot {
  const { patterns, problems } = compileRules(rules);
  const counter: MatchCounter = new Map();
  const redacted: PageSnapshot = {
    ...snapshot,
    url: redactText(snapshot.url, patterns, [], counter),
    title: redactText(snapshot.title, patterns, literals, counter),
    text: redactText(snapshot.text, patterns, literals, counter),
    tables: snapshot.tables.map((table) => ({
      ...table,
      caption: redactText(table.caption, patterns, literals, counter),
      rows: redactRows(table.rows, patterns, literals, counter),
    })),
    dom: { ...snapshot.dom, html: redactHtml(snapshot.dom.html, patterns, literals, counter) },
    notes: snapshot.notes.map((note) => redactText(note, patterns, literals, counter)),
    ...(snapshot.headings
      ? { headings: snapshot.headings.map((heading) => redactText(heading, patterns, literals, counter)) }
      : {}),
  };
  return { snapshot: redacted, textMatches: counter, problems };
}

/** The per-rule counts for the metadata: every enabled rule is listed, also those that matched nothing. */
export function maskingCounts(
  rules: readonly MaskingRule[],
  pixelAreas: ReadonlyMap<string, number>,
  textMatches: ReadonlyMap<string, number>,
): MaskingCount[] {
  return rules
    .filter((rule) => rule.enabled)
    .map((rule) => ({
      ruleId: rule.id,
      name: rule.name,
      pixelAreas: pixelAreas.get(rule.id) ?? 0,
      textMatches: textMatches.get(rule.id) ?? 0,
    }));
}
