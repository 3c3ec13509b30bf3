import type { Catalogue, CatalogueItem } from '../catalogue/types';
import type { CoverageData } from '../coverage/assessment';
import { cadenceFor, freshnessStatus, intervalStarts, resolveWindow, toStateMap } from '../coverage/coverage';
import { dateOfDay, dayNumber, monthsInRange } from '../coverage/dates';
import { gapsByUrgency } from '../coverage/gaps';
import { rollup, rollupByTheme } from '../coverage/rollup';
import type { ControlCoverage, CoverageResult, EvidenceSummary } from '../coverage/types';
import type { ControlState } from '../isms/types';
import { catalogueFor } from './framework-catalogue';
import { MAPPED_FRAMEWORKS, type FrameworkId, type MappedFramework } from './frameworks';

/** For each tag (an ISO ID or the framework's own), the framework entries it counts for. */
function targetsByTag(framework: MappedFramework): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  const add = (tag: string, entryId: string) => {
    const list = targets.get(tag);
    if (!list) targets.set(tag, [entryId]);
    else if (!list.includes(entryId)) list.push(entryId);
  };
  for (const entry of framework.entries) {
    add(entry.id, entry.id);
    for (const iso of entry.iso) add(iso, entry.id);
  }
  return targets;
}

/**
 * The evidence as a mapped framework sees it: each summary carries the entries it counts for, through its ISO
 * tags or a direct tag, each entry once; evidence that counts for nothing is left out. Coverage of these
 * summaries through computeCoverage is the definition `mappedCoverage` computes faster.
 */
export function frameworkEvidence(
  framework: MappedFramework,
  evidence: readonly EvidenceSummary[],
): EvidenceSummary[] {
  const targets = targetsByTag(framework);
  const mapped: EvidenceSummary[] = [];
  for (const summary of evidence) {
    const entries = [...new Set(summary.controls.flatMap((tag) => targets.get(tag) ?? []))];
    if (entries.length > 0) mapped.push({ ...summary, controls: entries });
  }
  return mapped;
}

/** The entries of several frameworks as one row of counters, and for each tag the counters it feeds. */
interface Layout {
  catalogues: Catalogue[];
  targets: Map<string, Int32Array>;
}

const layouts = new Map<string, Layout>();

/** ISO counts each evidence for the IDs it is tagged with; a mapped framework through its mapping too. */
function tagTargets(framework: FrameworkId, iso: Catalogue): Map<string, string[]> {
  const mapped = MAPPED_FRAMEWORKS.find((candidate) => candidate.id === framework);
  return mapped ? targetsByTag(mapped) : new Map(iso.items.map((item) => [item.id, [item.id]]));
}

function layoutOf(frameworks: readonly FrameworkId[], iso: Catalogue): Layout {
  const key = frameworks.join(' ');
  const known = layouts.get(key);
  if (known) return known;
  const catalogues = frameworks.map((framework) => catalogueFor(framework, iso));
  const lists = new Map<string, number[]>();
  let offset = 0;
  for (const [position, framework] of frameworks.entries()) {
    const catalogue = catalogues[position]!;
    const indexOf = new Map(catalogue.items.map((item, index) => [item.id, offset + index]));
    for (const [tag, entryIds] of tagTargets(framework, iso)) {
      const list = lists.get(tag) ?? [];
      for (const entryId of entryIds) list.push(indexOf.get(entryId)!);
      lists.set(tag, list);
    }
    offset += catalogue.items.length;
  }
  const targets = new Map([...lists].map(([tag, list]) => [tag, Int32Array.from(list)]));
  const layout = { catalogues, targets };
  layouts.set(key, layout);
  return layout;
}

/** The evidence of one distinct set of tags: the counters it feeds, and its own per-day counts once it is common. */
interface TagSet {
  targets: Int32Array;
  allTime: number;
  inWindow: number;
  perDay: Int32Array | null;
}

/** Tags walked one by one to their tag set: no key string is built per record. */
interface TagNode {
  set: TagSet | null;
  /** Records that ended here before the set was made: a set is made on the second. */
  visits: number;
  next: Map<string, TagNode> | null;
}

/** At most this many nodes of tags are kept; records whose sets are rarer are counted tag by tag. */
const MAX_TAG_NODES = 512;

interface TagSets {
  root: TagNode;
  sets: TagSet[];
  nodes: number;
  layout: Layout;
}

/** The record's tag set; null the first time a set is met and for rare sets (the caller counts tag by tag). */
function tagSetOf(tagSets: TagSets, controls: readonly string[]): TagSet | null {
  const full = tagSets.nodes >= MAX_TAG_NODES;
  let node = tagSets.root;
  for (let index = 0; index < controls.length; index++) {
    const tag = controls[index]!;
    let child = node.next?.get(tag);
    if (child === undefined) {
      if (full) return null;
      child = { set: null, visits: 0, next: null };
      tagSets.nodes++;
      (node.next ??= new Map()).set(tag, child);
    }
    node = child;
  }
  if (node.set === null) {
    if (node.visits++ === 0) return null;
    const counters = new Set<number>();
    for (const tag of controls)
      for (const counter of tagSets.layout.targets.get(tag) ?? []) counters.add(counter);
    node.set = { targets: Int32Array.from(counters), allTime: 0, inWindow: 0, perDay: null };
    tagSets.sets.push(node.set);
  }
  return node.set;
}

/**
 * Coverage of the mapped frameworks from the evidence's own tags, all in one pass. Records are grouped by
 * their set of tags (admin consoles produce the same few sets again and again); each set knows the entries it
 * counts for, each entry once however many of its tags map there. A rare set adds each record to its entries'
 * per-day counters at once; a common one counts records per day itself and adds its counts to its entries'
 * at the end. Intervals, months, newest date and status are read off the per-day counters. The result equals
 * computeCoverage over `frameworkEvidence` (a unit test holds them equal).
 */
export function coverageInFrameworks(
  frameworks: readonly FrameworkId[],
  iso: Catalogue,
  data: Pick<CoverageData, 'plan' | 'evidence' | 'controlStates'>,
  today: string,
): CoverageResult[] {
  const todayDay = dayNumber(today);
  if (todayDay === null) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${today}"`);
  const window = resolveWindow(data.plan, today);
  const startDay = dayNumber(window.start) ?? todayDay;
  const endDay = dayNumber(window.end) ?? todayDay;
  const referenceDay = Math.min(todayDay, endDay);
  const days = Math.max(0, referenceDay - startDay + 1);
  const layout = layoutOf(frameworks, iso);
  const count = layout.catalogues.reduce((sum, catalogue) => sum + catalogue.items.length, 0);
  const dayCounts = new Int32Array(count * days);
  const allTime = new Int32Array(count);
  // A set counts per day itself once this many of its records fell in the window: adding its day counts to
  // each entry then costs no more than a quarter of what it saved.
  const common = Math.max(16, days >> 2);

  const tagSets: TagSets = { root: { set: null, visits: 0, next: null }, sets: [], nodes: 0, layout };
  const lastSeen = new Int32Array(count).fill(-1);
  /** One record, each counter once however many of its tags feed it. */
  const countTagByTag = (controls: readonly string[], index: number, offset: number) => {
    for (const tag of controls) {
      const targets = layout.targets.get(tag);
      if (targets === undefined) continue;
      for (let target = 0; target < targets.length; target++) {
        const counter = targets[target]!;
        if (lastSeen[counter] === index) continue;
        lastSeen[counter] = index;
        allTime[counter]!++;
        if (offset >= 0) dayCounts[counter * days + offset]!++;
      }
    }
  };
  const dayCache = new Map<string, number | null>();
  const { evidence } = data;
  for (let index = 0; index < evidence.length; index++) {
    const summary = evidence[index]!;
    if (summary.status === 'deleted' || summary.status === 'superseded') continue;
    let day = dayCache.get(summary.effectiveDate);
    if (day === undefined) {
      day = dayNumber(summary.effectiveDate);
      dayCache.set(summary.effectiveDate, day);
    }
    if (day === null) continue;
    const inWindow = day >= startDay && day <= referenceDay;
    const offset = day - startDay;
    const set = tagSetOf(tagSets, summary.controls);
    if (set === null) {
      countTagByTag(summary.controls, index, inWindow ? offset : -1);
      continue;
    }
    set.allTime++;
    if (!inWindow) continue;
    if (set.perDay !== null) {
      set.perDay[offset]!++;
      continue;
    }
    const { targets } = set;
    for (let target = 0; target < targets.length; target++) dayCounts[targets[target]! * days + offset]!++;
    if (++set.inWindow === common) set.perDay = new Int32Array(days);
  }
  for (const set of tagSets.sets) {
    const { targets, perDay } = set;
    for (let target = 0; target < targets.length; target++) {
      const counter = targets[target]!;
      allTime[counter]! += set.allTime;
      if (perDay === null) continue;
      const base = counter * days;
      for (let offset = 0; offset < days; offset++) dayCounts[base + offset]! += perDay[offset]!;
    }
  }

  const monthKeys = endDay >= startDay ? monthsInRange(window.start, window.end) : [];
  const monthOfDay = new Int32Array(days);
  for (let month = 0, offset = 0; month < monthKeys.length && offset < days; month++) {
    const next = month + 1 < monthKeys.length ? dayNumber(`${monthKeys[month + 1]}-01`)! - startDay : days;
    for (; offset < Math.min(next, days); offset++) monthOfDay[offset] = month;
  }
  const bounds: EntryBounds = {
    startDay,
    endDay,
    referenceDay,
    days,
    monthKeys,
    monthOfDay,
    cadences: new Map(),
    dates: [],
  };
  const states = toStateMap(data.controlStates);
  const results: CoverageResult[] = [];
  let offset = 0;
  for (const [position, catalogue] of layout.catalogues.entries()) {
    // The SoA is ISO's: a mapped framework's entries are all applicable, at their catalogue cadence.
    const ownStates = frameworks[position] === 'iso27001';
    const controls = catalogue.items.map((item, index) => {
      const counter = offset + index;
      const perDay = dayCounts.subarray(counter * days, (counter + 1) * days);
      return entryCoverage(
        item,
        ownStates ? states.get(item.id) : undefined,
        perDay,
        allTime[counter]!,
        bounds,
      );
    });
    offset += catalogue.items.length;
    results.push({
      today,
      referenceDate: dateOfDay(referenceDay),
      window,
      controls,
      themes: rollupByTheme(catalogue, controls),
      overall: rollup(controls),
    });
  }
  return results;
}

/** The intervals of one cadence, shared by every entry with that cadence. */
interface CadenceIntervals {
  intervalOfDay: Int32Array;
  intervals: readonly { start: string; end: string; started: boolean }[];
}

interface EntryBounds {
  startDay: number;
  endDay: number;
  referenceDay: number;
  days: number;
  monthKeys: readonly string[];
  monthOfDay: Int32Array;
  cadences: Map<number, CadenceIntervals>;
  dates: string[];
}

function cadenceIntervals(cadenceDays: number, bounds: EntryBounds): CadenceIntervals {
  const known = bounds.cadences.get(cadenceDays);
  if (known) return known;
  const starts = intervalStarts(bounds.startDay, bounds.endDay, cadenceDays);
  const intervalOfDay = new Int32Array(bounds.days);
  for (let offset = 0, interval = 0; offset < bounds.days; offset++) {
    while (interval + 1 < starts.length && starts[interval + 1]! <= bounds.startDay + offset) interval++;
    intervalOfDay[offset] = interval;
  }
  const intervals = starts.map((startDay, index) => ({
    start: dateOfDay(startDay),
    end: dateOfDay((starts[index + 1] ?? bounds.endDay + 1) - 1),
    started: startDay <= bounds.referenceDay,
  }));
  const made = { intervalOfDay, intervals };
  bounds.cadences.set(cadenceDays, made);
  return made;
}

/** The date of a day of the window, each made once per run. */
function dateOfOffset(bounds: EntryBounds, offset: number): string {
  return (bounds.dates[offset] ??= dateOfDay(bounds.startDay + offset));
}

function entryCoverage(
  item: CatalogueItem,
  state: ControlState | undefined,
  perDay: Int32Array,
  evidenceCountAllTime: number,
  bounds: EntryBounds,
): ControlCoverage {
  const cadenceDays = cadenceFor(item, state);
  // Clauses 4–10 are mandatory: the SoA can only exclude Annex A controls.
  const applicable = item.kind === 'clause' || (state?.applicable ?? true);
  const { intervalOfDay, intervals } = cadenceIntervals(cadenceDays, bounds);
  const intervalCounts = new Array<number>(intervals.length).fill(0);
  const monthCounts = new Array<number>(bounds.monthKeys.length).fill(0);
  let evidenceCount = 0;
  let newest = -1;
  for (let offset = 0; offset < bounds.days; offset++) {
    const onThisDay = perDay[offset]!;
    if (onThisDay === 0) continue;
    evidenceCount += onThisDay;
    newest = offset;
    intervalCounts[intervalOfDay[offset]!]! += onThisDay;
    monthCounts[bounds.monthOfDay[offset]!]! += onThisDay;
  }
  const newestDay = newest < 0 ? null : bounds.startDay + newest;
  const daysUntilStale = newestDay === null ? null : newestDay + cadenceDays - bounds.referenceDay;
  const months: Record<string, number> = {};
  for (const [index, month] of bounds.monthKeys.entries()) months[month] = monthCounts[index] ?? 0;
  return {
    controlId: item.id,
    kind: item.kind,
    theme: item.theme,
    status: applicable ? freshnessStatus(daysUntilStale, cadenceDays) : 'not-applicable',
    applicable,
    missingJustification: !applicable && (state?.justification ?? '').trim() === '',
    cadenceDays,
    evidenceCount,
    evidenceCountAllTime,
    newestEvidenceDate: newestDay === null ? null : dateOfOffset(bounds, newest),
    daysUntilStale,
    intervals: intervals.map((interval, index) => ({
      start: interval.start,
      end: interval.end,
      evidenceCount: intervalCounts[index] ?? 0,
      started: interval.started,
    })),
    months,
  };
}

/** Coverage and gaps of one framework, in that framework's IDs and titles. */
export interface FrameworkAssessment {
  framework: FrameworkId;
  catalogue: Catalogue;
  coverage: CoverageResult;
  gaps: ControlCoverage[];
}

/**
 * Coverage in each framework in scope, same audit window and reference date, from one pass over the evidence.
 * ISO is judged with the SoA (applicability, cadence overrides), exactly as computeCoverage judges it; a mapped
 * framework has no SoA of its own, so every entry is applicable at its catalogue cadence (the shortest of the
 * ISO items it maps to).
 */
export function assessFrameworks(
  inScope: readonly FrameworkId[],
  iso: Catalogue,
  data: CoverageData,
  today: string,
): FrameworkAssessment[] {
  const results = coverageInFrameworks(inScope, iso, data, today);
  return inScope.map((framework, index) => {
    const coverage = results[index]!;
    return { framework, catalogue: catalogueFor(framework, iso), coverage, gaps: gapsByUrgency(coverage) };
  });
}

/** Coverage in one framework (the popup's and the dashboard's switch). */
export function assessFramework(
  framework: FrameworkId,
  iso: Catalogue,
  data: CoverageData,
  today: string,
): FrameworkAssessment {
  return assessFrameworks([framework], iso, data, today)[0]!;
}
