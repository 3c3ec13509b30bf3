/**
 * `data/index.html`: the auditor's view of a bundle, read by control, offline and with scripts off.
 * Every string goes through escapeHtml — titles, URLs, notes and table cells come from hostile pages.
 */
import type { CatalogueItem } from '../catalogue/types';
import type { ControlState, Finding } from '../isms/types';
import { escapeHtml as e, linkableUrl, relativeHref } from './html';
import { REPORT_CSS } from './report-style';
import { controlStateOf, coverageLabel } from './tables';
import type { CoverageStatus } from '../coverage/types';
import type { BundleContext, WrittenEvidence } from './types';

export interface ReportInput {
  bundleName: string;
  context: BundleContext;
  evidence: readonly WrittenEvidence[];
  custody: { entries: number; lastHash: string | null };
}

const COVERAGE_ORDER: CoverageStatus[] = ['covered', 'due-soon', 'stale', 'missing', 'not-applicable'];

function statusBadge(status: CoverageStatus | undefined): string {
  return `<span class="status status-${e(status ?? 'unknown')}">${e(coverageLabel(status))}</span>`;
}

function windowText({ start, end }: BundleContext['window']): string {
  if (!start && !end) return 'all dates';
  return `${start ?? 'the beginning'} to ${end ?? 'today'}`;
}

function fileLink(path: string, label: string): string {
  return `<a href="${e(relativeHref(path))}">${e(label)}</a>`;
}

function evidenceCard(item: WrittenEvidence): string {
  const original = item.files.find((file) => file.role === 'original');
  const stamped = item.files.find((file) => file.role === 'stamped');
  const thumbnail = item.files.find((file) => file.role === 'thumbnail');
  const target = original ?? stamped ?? item.files.find((file) => file.role !== 'record');
  const picture = thumbnail
    ? `<img src="${e(relativeHref(thumbnail.path))}" alt="${e(`Thumbnail of ${item.title || item.id}`)}" loading="lazy">`
    : `<span class="thumb-missing">No thumbnail</span>`;
  const href = linkableUrl(item.url);
  const url = href
    ? `<a href="${e(href)}" rel="noopener noreferrer">${e(item.url)}</a>`
    : `<span class="mono">${e(item.url)}</span>`;
  const files = item.files
    .map(
      (file) =>
        `<li>${fileLink(file.path, file.name)} <span class="muted">(${e(String(file.size))} bytes)</span></li>`,
    )
    .join('');
  const hashes = [original, stamped]
    .filter((file) => file !== undefined)
    .map((file) => `<dt>SHA-256 ${e(file.name)}</dt><dd><code>${e(file.sha256)}</code></dd>`)
    .join('');
  return `<div class="evidence" id="${e(`evidence-${item.id}`)}">
${target ? `<a href="${e(relativeHref(target.path))}">${picture}</a>` : picture}
<div><h4>${e(item.title || '(untitled)')}</h4>
<p class="mono muted">${e(item.id)} · ${e(item.kind)} · ${e(item.status)}</p>
<dl><dt>URL</dt><dd>${url}</dd>
<dt>Captured</dt><dd>${e(item.capturedAt)}</dd>
<dt>Effective date</dt><dd>${e(item.effectiveDate)}</dd>
<dt>Captured by</dt><dd>${e(item.capturer)}</dd>
<dt>Notes</dt><dd>${e(item.notes || '—')}</dd>
${hashes}<dt>Files</dt><dd><ul class="files">${files}</ul></dd></dl></div></div>`;
}

function evidenceList(items: readonly WrittenEvidence[]): string {
  return items.length > 0
    ? items.map(evidenceCard).join('\n')
    : '<p class="muted">No evidence in this bundle.</p>';
}

interface Lookup {
  states: ReadonlyMap<string, ControlState>;
  byControl: ReadonlyMap<string, WrittenEvidence[]>;
}

function controlSection(item: CatalogueItem, context: BundleContext, { states, byControl }: Lookup): string {
  const state = controlStateOf(states, item.id);
  const soa = state.applicable
    ? `Applicable · implementation: ${state.implementation}${state.owner ? ` · owner: ${state.owner}` : ''}`
    : 'Not applicable';
  const justification = state.justification
    ? `<p>Justification: ${e(state.justification)}</p>`
    : `<p class="muted">No justification recorded.</p>`;
  return `<section class="control" id="${e(`control-${item.id}`)}">
<h3>${e(item.id)} ${e(item.title)} ${statusBadge(context.coverage[item.id])}</h3>
<p>SoA: ${e(soa)}</p>${justification}
${evidenceList(byControl.get(item.id) ?? [])}
</section>`;
}

function readinessSection(input: ReportInput, items: readonly CatalogueItem[]): string {
  const { context, custody, evidence } = input;
  const counts = new Map<CoverageStatus | undefined, number>();
  for (const item of items)
    counts.set(context.coverage[item.id], (counts.get(context.coverage[item.id]) ?? 0) + 1);
  const countRows = [...COVERAGE_ORDER, undefined]
    .filter((status) => (counts.get(status) ?? 0) > 0)
    .map((status) => `<tr><td>${statusBadge(status)}</td><td>${counts.get(status) ?? 0}</td></tr>`)
    .join('');
  const lines = context.readiness
    .map(
      (line) =>
        `<li><span class="status ${line.ready ? 'ready' : 'not-ready'}">${line.ready ? 'Ready' : 'Not ready'}</span> ${e(line.label)}${
          line.details.length > 0
            ? `<ul>${line.details.map((detail) => `<li>${e(detail)}</li>`).join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('');
  const openFindings = context.findings.filter((finding) => finding.status !== 'closed');
  return `<section id="readiness"><h2>Readiness</h2>
${lines ? `<ul>${lines}</ul>` : ''}
<table><thead><tr><th>Control status</th><th>Items</th></tr></thead><tbody>${countRows}</tbody></table>
<p>${e(String(evidence.length))} evidence records in this bundle; ${e(String(openFindings.length))} open findings
(${e(String(openFindings.filter((finding) => finding.grade === 'major').length))} major).</p>
<p>Custody log: ${e(String(custody.entries))} entries${custody.lastHash ? `, last hash <code>${e(custody.lastHash)}</code>` : ''}.</p>
</section>`;
}

function findingsSection(findings: readonly Finding[]): string {
  const open = findings.filter((finding) => finding.status !== 'closed');
  if (open.length === 0) return '<section id="findings"><h2>Open findings</h2><p>None.</p></section>';
  const rows = open
    .map(
      (
        finding,
      ) => `<tr><td class="mono">${e(finding.id)}</td><td>${e(finding.grade)}</td><td>${e(finding.source)}</td>
<td>${e(finding.controls.join(', '))}</td><td>${e(finding.description)}</td><td>${e(finding.correctiveAction)}</td>
<td>${e(finding.dueDate ?? '—')}</td><td>${e(finding.status)}</td></tr>`,
    )
    .join('\n');
  return `<section id="findings"><h2>Open findings</h2><table><thead><tr><th>ID</th><th>Grade</th><th>Source</th>
<th>Controls</th><th>Description</th><th>Corrective action</th><th>Due</th><th>Status</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

export function renderReport(input: ReportInput): string {
  const { context, evidence, bundleName } = input;
  const scope = context.controlScope ? new Set(context.controlScope) : null;
  const items = context.catalogue.items.filter((item) => !scope || scope.has(item.id));
  const known = new Set(context.catalogue.items.map((item) => item.id));
  const byControl = new Map<string, WrittenEvidence[]>();
  for (const item of evidence) {
    for (const control of item.controls) {
      const list = byControl.get(control);
      if (list) list.push(item);
      else byControl.set(control, [item]);
    }
  }
  const lookup: Lookup = {
    states: new Map(context.controlStates.map((row) => [row.controlId, row])),
    byControl,
  };
  const themeSections = context.catalogue.themes
    .map((theme) => ({ theme, themeItems: items.filter((item) => item.theme === theme.id) }))
    .filter(({ themeItems }) => themeItems.length > 0)
    .map(
      ({ theme, themeItems }) =>
        `<section id="${e(`theme-${theme.id}`)}"><h2>${e(theme.name)}</h2>\n${themeItems
          .map((item) => controlSection(item, context, lookup))
          .join('\n')}</section>`,
    );
  const unknown = evidence.filter((item) => item.controls.some((control) => !known.has(control)));
  const untagged = evidence.filter((item) => item.controls.length === 0);
  const extra = [
    unknown.length > 0
      ? `<section id="other-controls"><h2>Evidence tagged with controls outside the catalogue</h2>${evidenceList(unknown)}</section>`
      : '',
    untagged.length > 0
      ? `<section id="untagged"><h2>Evidence without controls</h2>${evidenceList(untagged)}</section>`
      : '',
  ];
  const plan = context.plan;
  const nav = context.catalogue.themes
    .filter((theme) => items.some((item) => item.theme === theme.id))
    .map((theme) => `<li><a href="#${e(`theme-${theme.id}`)}">${e(theme.name)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Audit evidence — ${context.organisation} — ${context.baggingDate}`)}</title>
<style>${REPORT_CSS}</style></head>
<body>
<header><h1>Audit evidence: ${e(context.organisation)}</h1>
<p class="muted">Bundle <span class="mono">${e(bundleName)}</span>, generated ${e(context.generatedAt)} by
${e(`${context.generator.name} ${context.generator.version}`)}.</p>
<dl><dt>Audit window</dt><dd>${e(windowText(context.window))}</dd>
<dt>Scope</dt><dd>${e(plan?.scope || '—')}</dd>
<dt>Certification body</dt><dd>${e(plan?.certificationBody || '—')}</dd>
<dt>Stage 1 / Stage 2</dt><dd>${e(`${plan?.stage1Date ?? '—'} / ${plan?.stage2Date ?? '—'}`)}</dd>
<dt>Framework</dt><dd>${e(`${context.catalogue.framework}:${context.catalogue.version}`)}</dd></dl>
<nav><ul><li><a href="#readiness">Readiness</a></li>${nav}<li><a href="#findings">Open findings</a></li>
<li><a href="VERIFY.txt">How to verify this bundle</a></li><li><a href="register.csv">Evidence register (CSV)</a></li>
<li><a href="soa.csv">Statement of Applicability (CSV)</a></li></ul></nav></header>
<main>
${readinessSection(input, items)}
${themeSections.join('\n')}
${extra.join('\n')}
${findingsSection(context.findings)}
</main></body></html>
`;
}
