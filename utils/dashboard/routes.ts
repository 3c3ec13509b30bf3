import { normaliseControlId } from '@/utils/catalogue/catalogue';
import { dashboardText } from '@/utils/text';

const SECTION_ORDER = [
  'overview',
  'controls',
  'risks',
  'trace',
  'plan',
  'findings',
  'records',
  'requests',
  'evidence',
  'team',
  'export',
  'settings',
] as const;

export const SECTIONS = SECTION_ORDER.map((id) => ({ id, label: dashboardText.sections[id] }));

export type SectionId = (typeof SECTION_ORDER)[number];

export interface Route {
  section: SectionId;
  /** Set by #control/A.8.13: the control to open in the SoA. */
  controlId: string | null;
  /** Set by #evidence/EV-…: the evidence record to open in the library. */
  evidenceId?: string;
  /** Set by #risk/R-1: the risk to open in the register. */
  riskId?: string;
  /** Set by #framework/soc2 or #framework/soc2/CC6.1: the overview in that framework, at that entry. */
  framework?: { id: string; entryId: string | null };
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
  const framework = /^framework\/([a-z0-9-]+)(?:\/(.+))?$/.exec(path);
  if (framework?.[1])
    return {
      section: 'overview',
      controlId: null,
      framework: { id: framework[1], entryId: framework[2] ?? null },
    };
  const control = /^control\/(.+)$/.exec(path);
  if (control?.[1]) return { section: 'controls', controlId: normaliseControlId(control[1]) };
  const risk = /^risk\/(.+)$/.exec(path);
  if (risk?.[1]) return { section: 'risks', controlId: null, riskId: risk[1] };
  const evidence = /^evidence\/(.+)$/.exec(path);
  if (evidence?.[1]) return { section: 'evidence', controlId: null, evidenceId: evidence[1] };
  return { section: isSection(path) ? path : 'overview', controlId: null };
}

export function controlHash(controlId: string): string {
  return `#control/${controlId}`;
}

export function evidenceHash(evidenceId: string): string {
  return `#evidence/${encodeURIComponent(evidenceId)}`;
}

export function riskHash(riskId: string): string {
  return `#risk/${encodeURIComponent(riskId)}`;
}
