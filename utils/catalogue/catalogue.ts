import { ISO27001_2022 } from './iso27001-2022';
import type { Catalogue, CatalogueItem } from './types';

export const DEFAULT_CATALOGUE: Catalogue = ISO27001_2022;

/** 'a8.13', ' A 8.13 ', 'A.8.13' → 'A.8.13'; clause ids such as '9.2' stay as they are. */
export function normaliseControlId(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const annex = /^A\.?(\d.*)$/.exec(compact);
  return annex ? `A.${annex[1]}` : compact;
}

export function findItem(catalogue: Catalogue, id: string): CatalogueItem | undefined {
  const wanted = normaliseControlId(id);
  return catalogue.items.find((item) => item.id === wanted);
}

/** Items grouped by theme id, in the catalogue's theme order (every theme present, even if empty). */
export function itemsByTheme(catalogue: Catalogue): Map<string, CatalogueItem[]> {
  const groups = new Map<string, CatalogueItem[]>(catalogue.themes.map((theme) => [theme.id, []]));
  for (const item of catalogue.items) {
    const group = groups.get(item.theme);
    if (group) group.push(item);
    else groups.set(item.theme, [item]);
  }
  return groups;
}

/** Natural order of identifiers: 4.1 < 10.2 < A.5.2 < A.5.10 (clauses before Annex A). */
export function compareControlIds(left: string, right: string): number {
  const leftParts = left.split('.');
  const rightParts = right.split('.');
  const length = Math.max(leftParts.length, rightParts.length);
  for (let index = 0; index < length; index++) {
    const leftPart = leftParts[index];
    const rightPart = rightParts[index];
    if (leftPart === undefined) return -1;
    if (rightPart === undefined) return 1;
    const order = compareSegments(leftPart, rightPart);
    if (order !== 0) return order;
  }
  return 0;
}

function compareSegments(left: string, right: string): number {
  const leftIsNumber = /^\d+$/.test(left);
  const rightIsNumber = /^\d+$/.test(right);
  if (leftIsNumber && rightIsNumber) return Number(left) - Number(right);
  if (leftIsNumber !== rightIsNumber) return leftIsNumber ? -1 : 1;
  return left < right ? -1 : left > right ? 1 : 0;
}

const RANK_EXACT_ID = 0;
const RANK_ID_PREFIX = 1;
const RANK_TITLE_WORDS = 2;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Ids the query could mean: '5.15' may be clause-style typing of A.5.15. */
function idCandidates(query: string): string[] {
  const normalised = normaliseControlId(query);
  // Another framework's IDs as typed: 'cc6.1' → CC6.1, 'a1.2' → A1.2 (SOC 2), 'pr.ds' → PR.DS-01 … (NIST CSF).
  const typed = query.replace(/\s+/g, '').toUpperCase();
  const other = /^[A-Z]{1,2}[.\d]/.test(typed) && typed !== normalised ? [typed] : [];
  if (!/^[A\d][\d.]*$/.test(normalised)) return other;
  return [...(normalised.startsWith('A') ? [normalised] : [normalised, `A.${normalised}`]), ...other];
}

function rankItem(item: CatalogueItem, candidates: string[], queryWords: string[]): number | null {
  if (candidates.includes(item.id)) return RANK_EXACT_ID;
  if (candidates.some((candidate) => item.id.startsWith(candidate))) return RANK_ID_PREFIX;
  if (queryWords.length === 0) return null;
  const titleWords = words(item.title);
  const allMatch = queryWords.every((queryWord) => titleWords.some((word) => word.startsWith(queryWord)));
  return allMatch ? RANK_TITLE_WORDS : null;
}

/**
 * Matches by identifier (exact or prefix: 'A.8.1' finds A.8.1 and A.8.10–A.8.19; 'a8.13' works) and
 * by title words (every query word must start a word of the title). Ranked: exact id, id prefix,
 * title words; natural id order within a rank. An empty query lists every item.
 */
export function searchItems(catalogue: Catalogue, query: string): CatalogueItem[] {
  if (query.trim() === '') return [...catalogue.items].sort((a, b) => compareControlIds(a.id, b.id));
  const candidates = idCandidates(query);
  const queryWords = words(query);
  const ranked: { item: CatalogueItem; rank: number }[] = [];
  for (const item of catalogue.items) {
    const rank = rankItem(item, candidates, queryWords);
    if (rank !== null) ranked.push({ item, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareControlIds(a.item.id, b.item.id));
  return ranked.map((entry) => entry.item);
}
