import type { FrameworkId, MappedFramework } from './frameworks';

/** Evidence as the crosswalk needs it: its ID and the IDs it is tagged with (ISO, or a SOC 2 / CSF ID). */
export interface TaggedEvidence {
  id: string;
  controls: readonly string[];
}

/** One piece of evidence counted for a framework entry: directly, or through the ISO ID it was tagged with. */
export interface CountedEvidence {
  evidenceId: string;
  /** null = tagged with the entry's own ID; otherwise the ISO ID it was mapped from ('A.8.13'). */
  mappedFrom: string | null;
}

export interface EntryCoverage {
  id: string;
  title: string;
  evidence: CountedEvidence[];
}

/**
 * Coverage of a mapped framework's entries from evidence that keeps its ISO tags. A direct tag wins over a
 * mapping for the same evidence, so the auditor never sees "mapped from" on evidence tagged directly. A
 * framework not in scope gets no coverage (null).
 */
export function frameworkCoverage(
  framework: MappedFramework,
  inScope: ReadonlySet<FrameworkId>,
  evidence: readonly TaggedEvidence[],
): EntryCoverage[] | null {
  if (!inScope.has(framework.id)) return null;
  const byTag = new Map<string, string[]>();
  for (const record of evidence)
    for (const tag of record.controls) {
      const list = byTag.get(tag) ?? [];
      list.push(record.id);
      byTag.set(tag, list);
    }
  return framework.entries.map((entry) => {
    const counted = new Map<string, CountedEvidence>();
    for (const evidenceId of byTag.get(entry.id) ?? [])
      counted.set(evidenceId, { evidenceId, mappedFrom: null });
    for (const iso of entry.iso)
      for (const evidenceId of byTag.get(iso) ?? [])
        if (!counted.has(evidenceId)) counted.set(evidenceId, { evidenceId, mappedFrom: iso });
    return { id: entry.id, title: entry.title, evidence: [...counted.values()] };
  });
}
