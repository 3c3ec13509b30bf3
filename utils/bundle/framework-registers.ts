/**
 * One register per framework in scope besides ISO (`data/soc2-register.csv`, `data/nist-csf-register.csv`) and
 * their sections in index.html. Evidence keeps its ISO tags: evidence counted for an entry through the mapping
 * says so ("mapped from A.8.13"), never as if it had been tagged directly.
 */
import { parseCsv, toCsv } from '../csv/csv';
import { frameworkCoverage } from '../crosswalk/crosswalk';
import {
  isMappedFrameworkId,
  mappedFramework,
  type MappedFrameworkId,
} from '../crosswalk/framework-catalogue';
import { crosswalkText, frameworkBundleText as t } from '../text';
import { escapeHtml as e } from './html';
import type { WrittenEvidence } from './types';

export const FRAMEWORK_REGISTER_FILES: Record<MappedFrameworkId, string> = {
  soc2: 'soc2-register.csv',
  'nist-csf': 'nist-csf-register.csv',
};

/** One row of a register read back: an entry, and one piece of evidence counted for it (or none). */
export interface RegisterRow {
  entryId: string;
  evidenceId: string;
  /** null = tagged directly; otherwise the ISO ID it was mapped from. */
  mappedFrom: string | null;
}

export interface FrameworkRegister {
  framework: MappedFrameworkId;
  rows: RegisterRow[];
}

const countedAs = (mappedFrom: string | null) =>
  mappedFrom === null ? crosswalkText.direct : crosswalkText.mappedFrom(mappedFrom);

function counted(framework: MappedFrameworkId, evidence: readonly WrittenEvidence[]) {
  const all = new Set([framework]);
  return frameworkCoverage(mappedFramework(framework), all, evidence) ?? [];
}

/** Every entry of the framework, with one row per evidence counted for it; an entry without any keeps one row. */
export function frameworkRegisterCsv(
  framework: MappedFrameworkId,
  evidence: readonly WrittenEvidence[],
): string {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const rows: string[][] = [[...t.header]];
  for (const entry of counted(framework, evidence)) {
    if (entry.evidence.length === 0) rows.push([entry.id, entry.title, '', '', '', '', '', '', '', '']);
    for (const { evidenceId, mappedFrom } of entry.evidence) {
      const item = byId.get(evidenceId)!;
      const primary =
        item.files.find((file) => file.role === 'original') ??
        item.files.find((file) => file.role !== 'record');
      rows.push([
        entry.id,
        entry.title,
        evidenceId,
        countedAs(mappedFrom),
        mappedFrom ?? '',
        item.title,
        item.effectiveDate,
        item.status,
        primary ? `evidence/${evidenceId}/${primary.name}` : '',
        primary?.sha256 ?? '',
      ]);
    }
  }
  return toCsv(rows);
}

/** A section per framework: the mapping used, in words, and each entry with its evidence and how it counts. */
export function frameworkSections(
  frameworks: readonly MappedFrameworkId[],
  evidence: readonly WrittenEvidence[],
): string {
  return frameworks
    .map((framework) => {
      const mapped = mappedFramework(framework);
      const entries = counted(framework, evidence)
        .map((entry) => {
          const items = entry.evidence
            .map(
              ({ evidenceId, mappedFrom }) =>
                `<li><a href="#${e(`evidence-${evidenceId}`)}" class="mono">${e(evidenceId)}</a> <span class="${mappedFrom === null ? 'direct' : 'mapped'}">${e(countedAs(mappedFrom))}</span></li>`,
            )
            .join('');
          return `<li id="${e(`${framework}-${entry.id}`)}"><strong>${e(entry.id)}</strong> ${e(entry.title)}${
            items ? `<ul>${items}</ul>` : ` <span class="muted">${e(t.noEvidence)}</span>`
          }</li>`;
        })
        .join('\n');
      return `<section id="${e(`framework-${framework}`)}"><h2>${e(t.heading(mapped.name, mapped.version))}</h2>
<p>${e(t.honesty)}</p>
<p><strong>${e(t.mappingsUsed)}:</strong> ${e(mapped.mappingBasis)}</p>
<p><a href="${e(FRAMEWORK_REGISTER_FILES[framework])}">${e(t.registerLink(crosswalkText.shortNames[framework]))}</a></p>
<ul class="framework-entries">${entries}</ul></section>`;
    })
    .join('\n');
}

/** The nav links of the framework sections. */
export function frameworkNav(frameworks: readonly MappedFrameworkId[]): string {
  return frameworks
    .map(
      (framework) =>
        `<li><a href="#framework-${e(framework)}">${e(crosswalkText.shortNames[framework])}</a></li>`,
    )
    .join('');
}

/** Undoes the export's formula guard: a cell we wrote as '=… reads back as =…. */
function cell(row: readonly string[], index: number): string {
  const value = row[index] ?? '';
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Reads a register back and checks it against the bundle's records: every evidence ID is in the bundle, and the
 * tag it is counted through (the entry itself, or the ISO ID it was mapped from) is on its record.json. A problem
 * names the file and line.
 */
export function readFrameworkRegister(
  framework: MappedFrameworkId,
  text: string,
  tagsOf: ReadonlyMap<string, readonly string[]>,
): { register: FrameworkRegister; problems: string[] } {
  const path = `data/${FRAMEWORK_REGISTER_FILES[framework]}`;
  const register: FrameworkRegister = { framework, rows: [] };
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { register, problems: [t.unreadable(path, error instanceof Error ? error.message : '')] };
  }
  const [header, ...body] = rows;
  if (!header || t.header.some((name, index) => header[index] !== name))
    return { register, problems: [t.unreadable(path, t.header_)] };
  const problems: string[] = [];
  const direct = crosswalkText.direct;
  const mappedPrefix = crosswalkText.mappedFrom('');
  for (const [index, row] of body.entries()) {
    const line = index + 2;
    const [entryId, evidenceId, how, from] = [cell(row, 0), cell(row, 2), cell(row, 3), cell(row, 4)];
    if (!evidenceId) continue;
    const mappedFrom = how === direct ? null : how.startsWith(mappedPrefix) && from ? from : undefined;
    const tags = tagsOf.get(evidenceId);
    if (mappedFrom === undefined) problems.push(t.rowProblem(path, line, t.countedAs));
    else if (!tags) problems.push(t.rowProblem(path, line, t.unknownEvidence(evidenceId)));
    else if (!tags.includes(mappedFrom ?? entryId))
      problems.push(t.rowProblem(path, line, t.notTagged(evidenceId, mappedFrom ?? entryId)));
    else register.rows.push({ entryId, evidenceId, mappedFrom });
  }
  return { register, problems };
}

/** The register files a bundle may carry, by payload path. */
export const FRAMEWORK_REGISTER_PATHS = new Map(
  Object.entries(FRAMEWORK_REGISTER_FILES)
    .filter(([id]) => isMappedFrameworkId(id))
    .map(([id, file]) => [`data/${file}`, id as MappedFrameworkId]),
);
