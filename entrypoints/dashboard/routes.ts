import { normaliseControlId } from '@/utils/catalogue/catalogue';

export const SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'controls', label: 'Controls & SoA' },
  { id: 'plan', label: 'Audit plan' },
  { id: 'findings', label: 'Findings' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'export', label: 'Export & import' },
  { id: 'settings', label: 'Settings' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export interface Route {
  section: SectionId;
  /** Set by #control/A.8.13: the control to open in the SoA. */
  controlId: string | null;
}

const SECTION_IDS = new Set<string>(SECTIONS.map((section) => section.id));

function isSection(value: string): value is SectionId {
  return SECTION_IDS.has(value);
}

/** '#plan' → plan; '#control/a8.13' → the SoA with A.8.13 open; anything else → the overview. */
export function parseRoute(hash: string): Route {
  let path = hash.replace(/^#\/?/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    return { section: 'overview', controlId: null };
  }
  const control = /^control\/(.+)$/.exec(path);
  if (control?.[1]) return { section: 'controls', controlId: normaliseControlId(control[1]) };
  return { section: isSection(path) ? path : 'overview', controlId: null };
}

export function controlHash(controlId: string): string {
  return `#control/${controlId}`;
}
