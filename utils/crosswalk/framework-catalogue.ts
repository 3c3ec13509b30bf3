import type { Catalogue, CatalogueItem } from '../catalogue/types';
import { crosswalkText } from '../text';
import { MAPPED_FRAMEWORKS, type FrameworkId, type MappedFramework } from './frameworks';

export type MappedFrameworkId = MappedFramework['id'];

export function mappedFramework(id: MappedFrameworkId): MappedFramework {
  const framework = MAPPED_FRAMEWORKS.find((candidate) => candidate.id === id);
  if (!framework) throw new RangeError(`unknown framework: ${id}`);
  return framework;
}

export const MAPPED_FRAMEWORK_IDS: readonly MappedFrameworkId[] = MAPPED_FRAMEWORKS.map(
  (framework) => framework.id,
);

export function isMappedFrameworkId(value: unknown): value is MappedFrameworkId {
  return MAPPED_FRAMEWORK_IDS.includes(value as MappedFrameworkId);
}

/** 'CC6.1' → 'CC6', 'A1.2' → 'A', 'PI1.3' → 'PI'; 'PR.DS-11' → 'PR'. */
function themeOf(framework: MappedFramework, entryId: string): string {
  if (framework.id === 'nist-csf') return entryId.slice(0, 2);
  const series = /^(CC\d+|[A-Z]+)/.exec(entryId)?.[1] ?? entryId;
  return series;
}

const THEME_NAMES: Record<MappedFrameworkId, Readonly<Record<string, string>>> = {
  soc2: crosswalkText.soc2Themes,
  'nist-csf': crosswalkText.csfFunctions,
};

const catalogues = new Map<MappedFrameworkId, Catalogue>();

/**
 * A mapped framework as a catalogue of the ISO catalogue's shape, so the coverage engine, the grid and the gap
 * list work on it unchanged. An entry's cadence is the shortest default cadence of the ISO items it maps to:
 * evidence that keeps those items fresh keeps the entry fresh.
 */
export function frameworkCatalogue(framework: MappedFramework, iso: Catalogue): Catalogue {
  const known = catalogues.get(framework.id);
  if (known) return known;
  const isoItems = new Map(iso.items.map((item) => [item.id, item]));
  const names = THEME_NAMES[framework.id];
  const themeIds = [...new Set(framework.entries.map((entry) => themeOf(framework, entry.id)))];
  const items = framework.entries.map((entry): CatalogueItem => {
    const cadences = entry.iso.map((id) => isoItems.get(id)?.cadenceDays ?? 365);
    const cadenceDays = Math.min(...cadences);
    return {
      id: entry.id,
      title: entry.title,
      kind: 'control',
      theme: themeOf(framework, entry.id),
      cadenceDays,
      cadenceLabel: crosswalkText.cadence(cadenceDays),
      evidenceHints: [crosswalkText.countedFrom(entry.iso)],
      exampleSources: [],
      documentedInformationRequired: false,
    };
  });
  const catalogue: Catalogue = {
    framework: framework.name,
    version: framework.version,
    themes: themeIds.map((id) => ({ id, name: names[id] ?? id })),
    items,
  };
  catalogues.set(framework.id, catalogue);
  return catalogue;
}

/** The catalogue a view shows for the chosen framework: ISO's own, or the mapped one. */
export function catalogueFor(id: FrameworkId, iso: Catalogue): Catalogue {
  return id === 'iso27001' ? iso : frameworkCatalogue(mappedFramework(id), iso);
}

/** Every ID of the mapped frameworks: a direct tag to one of them is a valid tag on evidence. */
export const MAPPED_ENTRY_IDS: ReadonlySet<string> = new Set(
  MAPPED_FRAMEWORKS.flatMap((framework) => framework.entries.map((entry) => entry.id)),
);

/**
 * What a tagging view offers: the ISO catalogue, then the entries of each framework in scope for a direct tag.
 * With ISO alone it is the ISO catalogue itself.
 */
export function taggingCatalogue(inScope: readonly FrameworkId[], iso: Catalogue): Catalogue {
  const others = inScope
    .filter((id): id is MappedFrameworkId => id !== 'iso27001')
    .map((id) => catalogueFor(id, iso));
  if (others.length === 0) return iso;
  return {
    ...iso,
    themes: [...iso.themes, ...others.flatMap((catalogue) => catalogue.themes)],
    items: [...iso.items, ...others.flatMap((catalogue) => catalogue.items)],
  };
}

/** The name a switch shows for a framework. */
export function frameworkShortName(id: FrameworkId): string {
  return crosswalkText.shortNames[id];
}
