import type { ShadowRootReader, SkipKind, SkippedCounts } from '@/utils/page/types';

/**
 * Counts what page-reading steps could not read. Several readers walk the same element (text, tables, DOM):
 * an element is counted once per kind, however many readers trip on it.
 */
export class SkipLedger {
  private readonly seen = new Map<SkipKind, WeakSet<object>>();
  private readonly counts: SkippedCounts = {};

  record(kind: SkipKind, subject?: object): void {
    if (subject !== undefined) {
      const seen = this.seen.get(kind) ?? new WeakSet<object>();
      this.seen.set(kind, seen);
      if (seen.has(subject)) return;
      seen.add(subject);
    }
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** Adds counts gathered elsewhere (another frame's reading, the masking scan). */
  add(counts: SkippedCounts | undefined): void {
    for (const [kind, count] of Object.entries(counts ?? {}) as [SkipKind, number][]) {
      this.counts[kind] = (this.counts[kind] ?? 0) + count;
    }
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  summary(): SkippedCounts {
    return { ...this.counts };
  }
}

/** Runs one element's step; if the element cannot be read, counts it and carries on with `fallback`. */
export function guarded<T>(
  skips: SkipLedger,
  kind: SkipKind,
  subject: object,
  step: () => T,
  fallback: T,
): T {
  try {
    return step();
  } catch {
    skips.record(kind, subject);
    return fallback;
  }
}

/** Any shadow-root reader made safe: a root that cannot be read is counted and treated as absent. */
export function guardShadowRoots(read: ShadowRootReader, skips: SkipLedger): ShadowRootReader {
  return (element) => {
    try {
      return read(element);
    } catch {
      skips.record('shadowRoot', element);
      return null;
    }
  };
}
