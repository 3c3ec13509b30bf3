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
import type { BundleContext, WrittenEvidence, WrittenTimestamp } from './types';
import { frameworkBundleText, reportText as t } from '../text';
import { riskNavLink, riskReportSection } from './risk-files';
import { recordsNavLink, recordsReportSection } from './records-files';
import { requestsSection } from './requests';
import { frameworkNav, frameworkSections } from './framework-registers';
import { mappedFramework } from '../crosswalk/framework-catalogue';

export interface ReportInput {
  bundleName: string;
  context: BundleContext;
  evidence: readonly WrittenEvidence[];
  custody: { entries: number; withheld: number; lastHash: string | null };
  /** The key that signs the bundle (grouped fingerprint); null when it is unsigned. */
  signature: { algorithm: string; fingerprint: string } | null;
  /** The captures' trusted time stamps; null when the bundle carries none. */
  timestamps?: ReportTimestamps | null;
}

export interface ReportTimestamps {
  toleranceMinutes: number;
  stamped: number;
  pending: number;
  unstamped: number;
}

const COVERAGE_ORDER: CoverageStatus[] = ['covered', 'due-soon', 'stale', 'missing', 'not-applicable'];

function statusBadge(status: CoverageStatus | undefined): string {
  return `<span class="status status-${e(status ?? 'unknown')}">${e(coverageLabel(status))}</span>`;
}

function windowText({ start, end }: BundleContext['window']): string {
  if (!start && !end) return t.allDates;
  return t.window(start ?? t.theBeginning, end ?? t.today);
}

function fileLink(path: string, label: string): string {
  return `<a href="${e(relativeHref(path))}">${e(label)}</a>`;
}

/** The capture's trusted time beside its local time, flagged beyond the tolerance; or why there is none. */
function trustedTimeRows(timestamp: WrittenTimestamp | undefined): string {
  if (!timestamp) return '';
  if (timestamp.state === 'pending')
    return `<dt>${e(t.trustedTime)}</dt><dd data-timestamp="pending">${e(t.trustedTimePending)}</dd>\n`;
  if (timestamp.state === 'none')
    return `<dt>${e(t.trustedTime)}</dt><dd data-timestamp="none">${e(t.trustedTimeNone)}</dd>\n`;
  const flag = timestamp.flagged
    ? ` <strong class="time-flag" data-time-flag="${timestamp.differenceSeconds}">${e(t.clockDisagrees(timestamp.differenceSeconds, timestamp.toleranceMinutes))}</strong>`
    : '';
  return `<dt>${e(t.trustedTime)}</dt><dd data-timestamp="stamped" data-trusted-time="${e(timestamp.genTime)}">${e(timestamp.genTime)} ${e(t.trustedBy(timestamp.signer))} · ${fileLink(timestamp.tokenPath, t.tokenFile)}</dd>
<dt>${e(t.localTime)}</dt><dd data-local-time="${e(timestamp.localTime)}">${e(timestamp.localTime)}${flag}</dd>
`;
}

function evidenceCard(item: WrittenEvidence): string {
  const original = item.files.find((file) => file.role === 'original');
  const stamped = item.files.find((file) => file.role === 'stamped');
  const thumbnail = item.files.find((file) => file.role === 'thumbnail');
  const target = original ?? stamped ?? item.files.find((file) => file.role !== 'record');
  const picture = thumbnail
    ? `<img src="${e(relativeHref(thumbnail.path))}" alt="${e(t.thumbnailOf(item.title || item.id))}" loading="lazy">`
    : `<span class="thumb-missing">${e(t.noThumbnail)}</span>`;
  const href = linkableUrl(item.url);
  const url = href
    ? `<a href="${e(href)}" rel="noopener noreferrer">${e(item.url)}</a>`
    : `<span class="mono">${e(item.url)}</span>`;
  const files = item.files
    .map(
      (file) =>
        `<li>${fileLink(file.path, file.name)} <span class="muted">${e(t.bytes(String(file.size)))}</span></li>`,
    )
    .join('');
  const hashes = [original, stamped]
    .filter((file) => file !== undefined)
    .map((file) => `<dt>${e(t.sha256Of(file.name))}</dt><dd><code>${e(file.sha256)}</code></dd>`)
    .join('');
  return `<div class="evidence" id="${e(`evidence-${item.id}`)}">
${target ? `<a href="${e(relativeHref(target.path))}">${picture}</a>` : picture}
<div><h4>${e(item.title || t.untitled)}</h4>
<p class="mono muted">${e(item.id)} · ${e(item.kind)} · ${e(item.status)}</p>
<dl><dt>${e(t.url)}</dt><dd>${url}</dd>
<dt>${e(t.captured)}</dt><dd>${e(item.capturedAt)}</dd>
${trustedTimeRows(item.timestamp)}<dt>${e(t.effectiveDate)}</dt><dd>${e(item.effectiveDate)}</dd>
<dt>${e(t.capturedBy)}</dt><dd>${e(item.capturer)}</dd>
<dt>${e(t.notes)}</dt><dd>${e(item.notes || t.none)}</dd>
${hashes}<dt>${e(t.files)}</dt><dd><ul class="files">${files}</ul></dd></dl></div></div>`;
}

function evidenceList(items: readonly WrittenEvidence[]): string {
  return items.length > 0 ? items.map(evidenceCard).join('\n') : `<p class="muted">${e(t.noEvidence)}</p>`;
}

interface Lookup {
  states: ReadonlyMap<string, ControlState>;
  byControl: ReadonlyMap<string, WrittenEvidence[]>;
}

function controlSection(item: CatalogueItem, context: BundleContext, { states, byControl }: Lookup): string {
  const state = controlStateOf(states, item.id);
  const soa = state.applicable ? t.soaApplicable(state.implementation, state.owner) : t.soaNotApplicable;
  const justification = state.justification
    ? `<p>${e(t.justification(state.justification))}</p>`
    : `<p class="muted">${e(t.noJustification)}</p>`;
  return `<section class="control" id="${e(`control-${item.id}`)}">
<h3>${e(item.id)} ${e(item.title)} ${statusBadge(context.coverage[item.id])}</h3>
<p>${e(t.soa(soa))}</p>${justification}
${evidenceList(byControl.get(item.id) ?? [])}
</section>`;
}

/** The readiness self-assessment: Stage 1 / Stage 2 lines and the count of controls by status. */
function selfAssessment(input: ReportInput, items: readonly CatalogueItem[]): string {
  const { context } = input;
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
        `<li><span class="status ${line.ready ? 'ready' : 'not-ready'}">${e(line.ready ? t.ready : t.notReady)}</span> ${e(line.label)}${
          line.details.length > 0
            ? `<ul>${line.details.map((detail) => `<li>${e(detail)}</li>`).join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('');
  return `${lines ? `<ul>${lines}</ul>` : ''}
<table><thead><tr><th>${e(t.controlStatus)}</th><th>${e(t.items)}</th></tr></thead><tbody>${countRows}</tbody></table>
`;
}

/** The compliance lead may leave the self-assessment out; the evidence and custody summary stays. */
function includesReadiness(context: BundleContext): boolean {
  return context.includeReadiness !== false;
}

function readinessSection(input: ReportInput, items: readonly CatalogueItem[]): string {
  const { context, custody, evidence } = input;
  const openFindings = context.findings.filter((finding) => finding.status !== 'closed');
  const majors = openFindings.filter((finding) => finding.grade === 'major').length;
  const heading = includesReadiness(context)
    ? `<section id="readiness"><h2>${e(t.readiness)}</h2>\n${selfAssessment(input, items)}`
    : `<section id="summary"><h2>${e(t.summary)}</h2>\n`;
  return `${heading}<p>${e(t.evidenceAndFindings(evidence.length, openFindings.length, majors))}</p>
<p>${e(t.custodyLog(custody.entries))}${custody.lastHash ? `${e(t.lastHash)} <code>${e(custody.lastHash)}</code>` : ''}.</p>
${custody.withheld > 0 ? `<p data-custody-withheld="${custody.withheld}">${e(t.custodyWithheld(custody.withheld))}</p>\n` : ''}${signatureLine(input.signature)}${timestampsLine(input.timestamps ?? null)}
</section>`;
}

function timestampsLine(timestamps: ReportTimestamps | null): string {
  if (!timestamps) return '';
  const { stamped, pending, unstamped, toleranceMinutes } = timestamps;
  return `\n<p data-timestamps-stamped="${stamped}" data-timestamps-pending="${pending}">${e(t.timestampsSummary(stamped, pending, unstamped, toleranceMinutes))}</p>`;
}

function signatureLine(signature: ReportInput['signature']): string {
  if (!signature) return `<p>${e(t.unsigned)}</p>`;
  return `<p>${e(t.signedWith(signature.algorithm))} <code>${e(signature.fingerprint)}</code>. ${e(t.signatureCheck)}</p>`;
}

function findingsSection(findings: readonly Finding[]): string {
  const open = findings.filter((finding) => finding.status !== 'closed');
  if (open.length === 0)
    return `<section id="findings"><h2>${e(t.openFindings)}</h2><p>${e(t.noneOpen)}</p></section>`;
  const rows = open
    .map(
      (
        finding,
      ) => `<tr><td class="mono">${e(finding.id)}</td><td>${e(finding.grade)}</td><td>${e(finding.source)}</td>
<td>${e(finding.controls.join(', '))}</td><td>${e(finding.description)}</td><td>${e(finding.correctiveAction)}</td>
<td>${e(finding.dueDate ?? t.none)}</td><td>${e(finding.status)}</td></tr>`,
    )
    .join('\n');
  const head = t.findingColumns.map((column) => `<th>${e(column)}</th>`).join('');
  return `<section id="findings"><h2>${e(t.openFindings)}</h2><table><thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

/** What every section of the report reads: the input, the controls in scope and who holds what. */
interface ReportView {
  input: ReportInput;
  /** The catalogue items in the export's control scope. */
  items: readonly CatalogueItem[];
  lookup: Lookup;
}

function evidenceByControl(evidence: readonly WrittenEvidence[]): Map<string, WrittenEvidence[]> {
  const byControl = new Map<string, WrittenEvidence[]>();
  for (const item of evidence) {
    for (const control of item.controls) {
      const list = byControl.get(control);
      if (list) list.push(item);
      else byControl.set(control, [item]);
    }
  }
  return byControl;
}

function reportView(input: ReportInput): ReportView {
  const { context, evidence } = input;
  const scope = context.controlScope ? new Set(context.controlScope) : null;
  const items = context.catalogue.items.filter((item) => !scope || scope.has(item.id));
  const states = new Map(context.controlStates.map((row) => [row.controlId, row]));
  return { input, items, lookup: { states, byControl: evidenceByControl(evidence) } };
}

/** The themes that hold a control in scope, each with those controls. */
function themesInScope({ input, items }: ReportView) {
  return input.context.catalogue.themes
    .map((theme) => ({ theme, themeItems: items.filter((item) => item.theme === theme.id) }))
    .filter(({ themeItems }) => themeItems.length > 0);
}

function themeSections(view: ReportView): string {
  const { context } = view.input;
  return themesInScope(view)
    .map(
      ({ theme, themeItems }) =>
        `<section id="${e(`theme-${theme.id}`)}"><h2>${e(theme.name)}</h2>\n${themeItems
          .map((item) => controlSection(item, context, view.lookup))
          .join('\n')}</section>`,
    )
    .join('\n');
}

/** Evidence tagged to controls the catalogue does not know, and evidence tagged to none. */
function unplacedSections({ input }: ReportView): string {
  const iso = new Set(input.context.catalogue.items.map((item) => item.id));
  const entries = new Set(
    (input.context.frameworks ?? []).flatMap((id) => mappedFramework(id).entries.map((entry) => entry.id)),
  );
  const unknown = input.evidence.filter((item) =>
    item.controls.some((control) => !iso.has(control) && !entries.has(control)),
  );
  // Tagged to SOC 2 or CSF entries only: no control section shows it, so it gets its own.
  const direct = input.evidence.filter(
    (item) =>
      item.controls.length > 0 &&
      item.controls.every((control) => entries.has(control)) &&
      !unknown.includes(item),
  );
  const untagged = input.evidence.filter((item) => item.controls.length === 0);
  return [
    direct.length > 0
      ? `<section id="framework-only"><h2>${e(frameworkBundleText.directOnly)}</h2>${evidenceList(direct)}</section>`
      : '',
    unknown.length > 0
      ? `<section id="other-controls"><h2>${e(t.otherControls)}</h2>${evidenceList(unknown)}</section>`
      : '',
    untagged.length > 0
      ? `<section id="untagged"><h2>${e(t.untagged)}</h2>${evidenceList(untagged)}</section>`
      : '',
  ].join('\n');
}

/** The report's sections, top to bottom: a new section is one entry here (and a link in the header's nav). */
const REPORT_SECTIONS: readonly ((view: ReportView) => string)[] = [
  // An export for a request list opens with the auditor's own numbering.
  ({ input }) => (input.context.requests ? requestsSection(input.context.requests, input.evidence) : ''),
  (view) => readinessSection(view.input, view.items),
  themeSections,
  unplacedSections,
  ({ input }) => frameworkSections(input.context.frameworks ?? [], input.evidence),
  (view) => findingsSection(view.input.context.findings),
  (view) => riskReportSection(view.input.context.riskRegister),
  ({ input }) => recordsReportSection(input.context.ismsRecords, input.evidence),
];

function summaryLink(context: BundleContext): string {
  return includesReadiness(context)
    ? `<a href="#readiness">${e(t.readiness)}</a>`
    : `<a href="#summary">${e(t.summary)}</a>`;
}

function reportHeader(view: ReportView): string {
  const { context, bundleName } = view.input;
  const plan = context.plan;
  const nav = themesInScope(view)
    .map(({ theme }) => `<li><a href="#${e(`theme-${theme.id}`)}">${e(theme.name)}</a></li>`)
    .join('');
  return `<header><h1>${e(t.heading(context.organisation))}</h1>
<p class="muted">${e(t.bundle)} <span class="mono">${e(bundleName)}</span>${e(t.generated(context.generatedAt))}
${e(`${context.generator.name} ${context.generator.version}`)}.</p>
<dl><dt>${e(t.auditWindow)}</dt><dd>${e(windowText(context.window))}</dd>
<dt>${e(t.scope)}</dt><dd>${e(plan?.scope || t.none)}</dd>
<dt>${e(t.certificationBody)}</dt><dd>${e(plan?.certificationBody || t.none)}</dd>
<dt>${e(t.stages)}</dt><dd>${e(`${plan?.stage1Date ?? t.none} / ${plan?.stage2Date ?? t.none}`)}</dd>
<dt>${e(t.framework)}</dt><dd>${e(`${context.catalogue.framework}:${context.catalogue.version}`)}</dd></dl>
<nav><ul>${context.requests ? `<li><a href="#requests">${e(t.requestsHeading(context.requests.audit))}</a></li>` : ''}<li>${summaryLink(context)}</li>${nav}${frameworkNav(context.frameworks ?? [])}<li><a href="#findings">${e(t.openFindings)}</a></li>${riskNavLink(context.riskRegister)}${recordsNavLink(context.ismsRecords)}
<li><a href="VERIFY.txt">${e(t.howToVerify)}</a></li><li><a href="register.csv">${e(t.registerCsv)}</a></li>
<li><a href="soa.csv">${e(t.soaCsv)}</a></li></ul></nav></header>`;
}

export function renderReport(input: ReportInput): string {
  const view = reportView(input);
  const { context } = input;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title(context.organisation, context.baggingDate))}</title>
<style>${REPORT_CSS}</style></head>
<body>
${reportHeader(view)}
<main>
${REPORT_SECTIONS.map((section) => section(view)).join('\n')}
</main></body></html>
`;
}
