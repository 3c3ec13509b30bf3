/**
 * Builds utils/catalogue/iso27001-2022.ts from the reference TSVs in ../shared/data.
 * The project never reads the TSVs at run time: the generated file is committed.
 *
 *   node scripts/generate-catalogue.mjs            write the file
 *   node scripts/generate-catalogue.mjs --check    exit 1 when the committed file is out of date
 *
 * Only identifiers and short titles are copied: the control text of the standard is copyrighted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(repoRoot, '../shared/data');
const outputFile = join(repoRoot, 'utils/catalogue/iso27001-2022.ts');

const THEMES = [
  { id: 'organizational', name: 'Organizational' },
  { id: 'people', name: 'People' },
  { id: 'physical', name: 'Physical' },
  { id: 'technological', name: 'Technological' },
  { id: 'clauses', name: 'Clauses 4–10' },
];

const UNMAPPED_CADENCE = { days: 365, label: 'annual review' };

/**
 * Cadence words of the evidence map → capture interval in days. The item's default is the smallest
 * interval among the words its cadence text contains, so 'monthly/quarterly' asks for monthly.
 * - daily, weekly → 30: one capture of a console's history view covers the days in between.
 * - continuous → 91: an always-on control is shown by a quarterly capture of its state and alerts.
 * - per event/change/incident/hire/leaver/disposal/finding → 91: auditors sample the population
 *   across the operating period, so capture the ticket queue or log once a quarter.
 * - on change, periodic → 365: re-confirm the configuration at least once a year.
 */
const CADENCE_WORDS = [
  { pattern: /\bdaily\b/, days: 30 },
  { pattern: /\bweekly\b/, days: 30 },
  { pattern: /\bmonthly\b/, days: 30 },
  { pattern: /\bquarterly\b/, days: 91 },
  { pattern: /\bcontinuous\b/, days: 91 },
  { pattern: /\bper (event|change|incident|hire|leaver|disposal|finding)\b/, days: 91 },
  { pattern: /\bannual\b/, days: 365 },
  { pattern: /\bon change\b/, days: 365 },
  { pattern: /\bperiodic\b/, days: 365 },
];

function parseCadence(text) {
  const lower = text.toLowerCase();
  const matches = CADENCE_WORDS.filter((word) => word.pattern.test(lower)).map((word) => word.days);
  if (matches.length === 0) throw new Error(`Unknown cadence "${text}": add it to CADENCE_WORDS.`);
  return { days: Math.min(...matches), label: text.trim() };
}

function readTsv(name) {
  const [header, ...lines] = readFileSync(join(dataDir, name), 'utf8').split(/\r?\n/);
  const columns = header.split('\t');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(columns.map((column, index) => [column, (cells[index] ?? '').trim()]));
    });
}

function splitList(text) {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** 'A.5.24-A.5.27' → A.5.24 … A.5.27; 'A.8.25/A.8.28' → both. */
function expandControlIds(spec) {
  return spec.split('/').flatMap((part) => {
    const [first, last] = part.split('-').map((id) => id.trim());
    if (last === undefined) return [first];
    const prefix = first.slice(0, first.lastIndexOf('.') + 1);
    if (!last.startsWith(prefix)) throw new Error(`Range "${part}" spans two sections.`);
    const from = Number(first.slice(prefix.length));
    const to = Number(last.slice(prefix.length));
    return Array.from({ length: to - from + 1 }, (_, offset) => `${prefix}${from + offset}`);
  });
}

function buildEvidenceMap() {
  const byControl = new Map();
  for (const row of readTsv('operational-evidence-map.tsv')) {
    const cadenceColumn = Object.keys(row).find((column) => column.startsWith('typical_cadence'));
    const entry = {
      cadence: parseCadence(row[cadenceColumn]),
      evidenceHints: splitList(row.operational_evidence_typically_captured),
      exampleSources: splitList(row.example_admin_consoles_or_pages),
    };
    for (const id of expandControlIds(row.control)) {
      if (byControl.has(id)) throw new Error(`${id} appears twice in the evidence map.`);
      byControl.set(id, entry);
    }
  }
  return byControl;
}

function buildCatalogue() {
  const evidenceMap = buildEvidenceMap();
  const themeIdByName = new Map(THEMES.map((theme) => [theme.name, theme.id]));

  const controls = readTsv('annex-a-2022.tsv').map((row) => {
    const theme = themeIdByName.get(row.theme);
    if (theme === undefined) throw new Error(`${row.id}: unknown theme "${row.theme}".`);
    const mapped = evidenceMap.get(row.id);
    evidenceMap.delete(row.id);
    const cadence = mapped?.cadence ?? UNMAPPED_CADENCE;
    return {
      id: row.id,
      title: row.title,
      kind: 'control',
      theme,
      cadenceDays: cadence.days,
      cadenceLabel: cadence.label,
      evidenceHints: mapped?.evidenceHints ?? [],
      exampleSources: mapped?.exampleSources ?? [],
      documentedInformationRequired: false,
    };
  });
  if (evidenceMap.size > 0)
    throw new Error(`Evidence map names unknown controls: ${[...evidenceMap.keys()]}`);

  const clauses = readTsv('isms-clauses-2022.tsv').map((row) => ({
    id: row.id,
    title: row.title,
    kind: 'clause',
    theme: 'clauses',
    cadenceDays: UNMAPPED_CADENCE.days,
    cadenceLabel: UNMAPPED_CADENCE.label,
    evidenceHints: splitList(row.stage1_focus),
    exampleSources: [],
    documentedInformationRequired: row.documented_information_required === 'yes',
  }));

  return { framework: 'ISO/IEC 27001', version: '2022', themes: THEMES, items: [...clauses, ...controls] };
}

async function render(catalogue) {
  const source = [
    '// Generated by scripts/generate-catalogue.mjs from ../shared/data — do not edit by hand.',
    '// Identifiers and short titles only: the control text of the standard is copyrighted.',
    "import type { Catalogue } from './types';",
    '',
    `export const ISO27001_2022: Catalogue = ${JSON.stringify(catalogue, null, 2)};`,
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(source, { ...options, filepath: outputFile });
}

const output = await render(buildCatalogue());
if (process.argv.includes('--check')) {
  const current = readFileSync(outputFile, 'utf8');
  if (current !== output) {
    console.error('utils/catalogue/iso27001-2022.ts is out of date: run npm run generate:catalogue');
    process.exit(1);
  }
} else {
  writeFileSync(outputFile, output);
  console.log(`Wrote ${outputFile}`);
}
