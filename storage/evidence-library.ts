import { itemsByTheme } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import {
  DEFAULT_LIBRARY_STATUSES,
  type LibraryFacets,
  type LibraryQuery,
  type LibraryResult,
  type LibraryRow,
  type LibrarySort,
} from '@/utils/evidence/library-types';
import {
  EVIDENCE_STATUSES,
  type CustodyEntry,
  type DocumentControl,
  type EvidenceRecord,
} from '@/utils/evidence/types';
import { queryWords } from '@/utils/search/words';
import type { EvidenceDatabase } from './db';

/**
 * The library's queries. Filtering and sorting run on index keys only (never whole rows), so a query
 * over tens of thousands of records returns the ordered ids quickly; the view then reads the few
 * rows it shows with `readLibraryRows`.
 */

const SORT_INDEX: Record<
  LibrarySort,
  { index: 'capturedAt' | 'effectiveDate' | 'site' | 'capturer'; reverse: boolean }
> = {
  'captured-desc': { index: 'capturedAt', reverse: true },
  'captured-asc': { index: 'capturedAt', reverse: false },
  'effective-desc': { index: 'effectiveDate', reverse: true },
  'effective-asc': { index: 'effectiveDate', reverse: false },
  'site-asc': { index: 'site', reverse: false },
  'capturer-asc': { index: 'capturer', reverse: false },
};

const EVIDENCE_ID_QUERY = /^\s*ev-[0-9a-z-]*\s*$/i;

export interface QueryOptions {
  /**
   * Answer with just the first this-many ids when that is quicker (no filter but the status one):
   * the view paints them while the full query runs. The answer says whether it is complete.
   */
  firstPage?: number;
}

/** The ids of matching evidence in display order. */
export async function queryLibrary(
  db: EvidenceDatabase,
  query: LibraryQuery,
  catalogue?: Catalogue,
  options: QueryOptions = {},
): Promise<LibraryResult> {
  const { index, reverse } = SORT_INDEX[query.sort ?? 'captured-desc'];
  const filters = await Promise.all(keyFilters(db, query, catalogue));
  const includes = filters.filter((filter) => filter.include).map((filter) => filter.keys);
  const excludes = filters.filter((filter) => !filter.include).map((filter) => filter.keys);
  const matches = (id: string) =>
    includes.every((keys) => keys.has(id)) && !excludes.some((keys) => keys.has(id));

  if (options.firstPage !== undefined && includes.length === 0) {
    const excluded = excludes.reduce((sum, keys) => sum + keys.size, 0);
    const wanted = options.firstPage + excluded;
    const collection = reverse ? db.evidence.orderBy(index).reverse() : db.evidence.orderBy(index);
    // Records are never removed (deletion leaves a tombstone), so the last sequence number is the
    // count, read from one key where count() would walk them all.
    const [keys, lastSequence] = await Promise.all([
      collection.limit(wanted).primaryKeys() as Promise<string[]>,
      db.evidence.orderBy('sequence').lastKey(),
    ]);
    const totalStored = typeof lastSequence === 'number' ? lastSequence : 0;
    const complete = keys.length < wanted;
    return { ids: keys.filter(matches).slice(0, options.firstPage), totalStored, complete };
  }

  const ordered = [...(await orderedKeys(db, index))];
  if (reverse) ordered.reverse();
  const ids = includes.length + excludes.length === 0 ? ordered : ordered.filter(matches);
  return { ids, totalStored: ordered.length, complete: true };
}

type SortIndex = (typeof SORT_INDEX)[LibrarySort]['index'];

/**
 * Every primary key in the order of a sort index, remembered until the custody log grows: every
 * change to evidence appends a custody entry, so its last sequence number says when keys are stale.
 * Typing a search then costs the word lookups, not a read of every key.
 */
const orderCache = new WeakMap<EvidenceDatabase, { token: unknown; orders: Map<SortIndex, string[]> }>();

async function orderedKeys(db: EvidenceDatabase, index: SortIndex): Promise<readonly string[]> {
  const token = await db.custody.orderBy('sequence').lastKey();
  let cache = orderCache.get(db);
  if (!cache || cache.token !== token) {
    cache = { token, orders: new Map() };
    orderCache.set(db, cache);
  }
  let keys = cache.orders.get(index);
  if (!keys) {
    keys = (await db.evidence.orderBy(index).primaryKeys()) as string[];
    // Only if nothing was written meanwhile.
    if ((await db.custody.orderBy('sequence').lastKey()) === token) cache.orders.set(index, keys);
  }
  return keys;
}

interface KeyFilter {
  /** true: the id must be in `keys`; false: it must not be. */
  include: boolean;
  keys: Set<string>;
}

type KeyCollection = { primaryKeys(): Promise<string[]> };

function keyFilters(
  db: EvidenceDatabase,
  query: LibraryQuery,
  catalogue: Catalogue | undefined,
): Promise<KeyFilter>[] {
  const evidence = db.evidence;
  const include = (collection: KeyCollection) =>
    collection.primaryKeys().then((keys) => ({ include: true, keys: new Set(keys) }));
  const exclude = (collection: KeyCollection) =>
    collection.primaryKeys().then((keys) => ({ include: false, keys: new Set(keys) }));
  const filters: Promise<KeyFilter>[] = [];

  // Most records pass the status filter: reading the keys of the few left out is cheaper.
  const statuses = query.statuses ?? DEFAULT_LIBRARY_STATUSES;
  const excluded = EVIDENCE_STATUSES.filter((status) => !statuses.includes(status));
  if (excluded.length > 0 && statuses.length > excluded.length)
    filters.push(exclude(evidence.where('status').anyOf(excluded)));
  else if (excluded.length > 0) filters.push(include(evidence.where('status').anyOf([...statuses])));

  if (query.controls && query.controls.length > 0)
    filters.push(include(evidence.where('controls').anyOf([...query.controls])));
  if (query.theme && catalogue) {
    const themeControls = (itemsByTheme(catalogue).get(query.theme) ?? []).map((item) => item.id);
    filters.push(include(evidence.where('controls').anyOf(themeControls)));
  }
  if (query.from || query.to) {
    const field = query.dateField ?? 'effectiveDate';
    const lower = query.from ?? '';
    // capturedAt is a full timestamp: the last day of the range includes every time of that day.
    const upper = query.to ? (field === 'capturedAt' ? `${query.to}\uffff` : query.to) : '\uffff';
    filters.push(include(evidence.where(field).between(lower, upper, true, true)));
  }
  if (query.capturer) filters.push(include(evidence.where('capturer').equals(query.capturer)));
  if (query.site) filters.push(include(evidence.where('site').equals(query.site)));

  const text = query.text?.trim() ?? '';
  if (EVIDENCE_ID_QUERY.test(text)) {
    filters.push(include(evidence.where('id').startsWithIgnoreCase(text)));
  } else if (text) {
    const words = queryWords(text);
    // A query of only punctuation or one-letter words matches nothing rather than everything.
    if (words.length === 0) filters.push(Promise.resolve({ include: true, keys: new Set() }));
    for (const word of words) filters.push(include(evidence.where('words').startsWith(word)));
  }
  return filters;
}

/** The rows for the ids a view shows, in the same order (ids that vanished meanwhile are skipped). */
export async function readLibraryRows(db: EvidenceDatabase, ids: readonly string[]): Promise<LibraryRow[]> {
  const records = await db.evidence.bulkGet([...ids]);
  return records.filter((record): record is EvidenceRecord => record !== undefined).map(withoutWords);
}

export async function readEvidence(db: EvidenceDatabase, id: string): Promise<LibraryRow | undefined> {
  const record = await db.evidence.get(id);
  return record && withoutWords(record);
}

function withoutWords(record: EvidenceRecord): LibraryRow {
  const { words: _words, ...row } = record;
  return row;
}

/** The values the filters offer, read from index keys. */
export async function readLibraryFacets(db: EvidenceDatabase): Promise<LibraryFacets> {
  const [capturers, sites, controls] = await Promise.all([
    db.evidence.orderBy('capturer').uniqueKeys(),
    db.evidence.orderBy('site').uniqueKeys(),
    db.evidence.orderBy('controls').uniqueKeys(),
  ]);
  const strings = (keys: unknown[]) =>
    keys.filter((key): key is string => typeof key === 'string' && key !== '');
  return { capturers: strings(capturers), sites: strings(sites), controls: strings(controls) };
}

/**
 * The custody history of one item in chain order: its own entries plus the exports and imports
 * whose entry lists it (`details.evidenceIds` / `details.addedIds`).
 */
export async function readEvidenceHistory(db: EvidenceDatabase, evidenceId: string): Promise<CustodyEntry[]> {
  const [own, batches] = await Promise.all([
    db.custody.where('evidenceId').equals(evidenceId).toArray(),
    db.custody.where('event').anyOf(['export', 'import']).toArray(),
  ]);
  const listed = batches.filter((entry) =>
    ['evidenceIds', 'addedIds'].some((key) => {
      const ids = entry.details[key];
      return Array.isArray(ids) && ids.includes(evidenceId);
    }),
  );
  return [...own, ...listed].sort((a, b) => a.sequence - b.sequence);
}

export interface ControlledDocument {
  evidenceId: string;
  title: string;
  controls: string[];
  effectiveDate: string;
  status: EvidenceRecord['status'];
  document: DocumentControl;
}

/**
 * Stage 1 documents under document control (version, approver, approval date) tagged with any of
 * these controls — typically the clauses 4–10 — for the coverage view. Superseded and deleted
 * evidence is left out; the newest approval comes first. Reads only records tagged with those ids.
 */
export async function readControlledDocuments(
  db: EvidenceDatabase,
  controlIds: readonly string[],
): Promise<ControlledDocument[]> {
  if (controlIds.length === 0) return [];
  const records = await db.evidence
    .where('controls')
    .anyOf([...controlIds])
    .distinct()
    .toArray();
  return records
    .filter(
      (record): record is EvidenceRecord & { document: DocumentControl } =>
        record.document !== undefined && (record.status === 'ready' || record.status === 'needs-review'),
    )
    .map(({ id, title, controls, effectiveDate, status, document }) => ({
      evidenceId: id,
      title,
      controls,
      effectiveDate,
      status,
      document,
    }))
    .sort((a, b) =>
      a.document.approvalDate < b.document.approvalDate
        ? 1
        : a.document.approvalDate > b.document.approvalDate
          ? -1
          : 0,
    );
}
