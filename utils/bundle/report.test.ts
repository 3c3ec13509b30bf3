import { describe, expect, it } from 'vitest';
import { escapeHtml, linkableUrl } from './html';
import { HOSTILE_TITLE, makeFixture } from '@/tests/support/bundle-fixtures';
import { internalAudit, managementReview } from '@/tests/support/isms-records-data';
import { renderReport } from './report';
import type { WrittenEvidence } from './types';

/** Audit and review fields are typed by users and read from bundles: as hostile as a page's strings. */
const ismsRecords = {
  internalAudits: [
    internalAudit({ scope: `Backups ${HOSTILE_TITLE}`, reportEvidenceId: 'EV-NOT-HERE' }),
    internalAudit({ id: 'IA-2', status: 'planned', completedDate: null, reportEvidenceId: null }),
  ],
  managementReviews: [
    managementReview({
      attendees: ['Chief Executive', '<script>alert(1)</script> Ops'],
      coveredInputs: ['previous-actions'],
      minutesEvidenceId: null,
    }),
  ],
};

async function report(controlScope: string[] | null = null, includeReadiness?: boolean) {
  const fixture = await makeFixture();
  const evidence: WrittenEvidence[] = fixture.records.map((record) => ({
    id: record.id,
    title: record.title,
    url: record.url,
    capturedAt: record.capturedAt,
    effectiveDate: record.effectiveDate,
    capturer: record.capturer,
    kind: record.kind,
    status: record.status,
    notes: record.notes,
    controls: record.controls,
    files: record.artifacts.map(({ role, name, size, sha256 }) => ({
      role,
      name,
      size,
      sha256,
      path: `evidence/${record.id}/${name}`,
    })),
  }));
  const html = renderReport({
    bundleName: 'isms-evidence_acme-gmbh_2025-04-02',
    context: {
      ...fixture.context,
      controlScope,
      ...(includeReadiness === undefined ? {} : { includeReadiness }),
      ismsRecords: {
        ...ismsRecords,
        internalAudits: [
          { ...ismsRecords.internalAudits[0]!, reportEvidenceId: fixture.records[0]!.id },
          ...ismsRecords.internalAudits.slice(1),
        ],
      },
    },
    evidence,
    custody: { entries: 3, withheld: 0, lastHash: 'f'.repeat(64) },
    signature: null,
  });
  return { html, page: new DOMParser().parseFromString(html, 'text/html'), fixture };
}

describe('escapeHtml and links', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('links only absolute http(s) URLs', () => {
    expect(linkableUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(linkableUrl('javascript:alert(1)')).toBeNull();
    expect(linkableUrl('data:text/html,<script>')).toBeNull();
    expect(linkableUrl('/relative')).toBeNull();
  });
});

describe('index.html', () => {
  it('shows hostile page strings as text, never as markup', async () => {
    const { html, page } = await report();
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelector('[onerror]')).toBeNull();
    expect(page.querySelector('h4')?.textContent).toBe(HOSTILE_TITLE);
    expect(page.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(html).toContain("script-src 'none'");
    expect(page.body.textContent).toContain('Cloud platform <script>');
  });

  it('lists the internal audits and management reviews, escaped, the report linked to its card', async () => {
    const { html, page, fixture } = await report();
    const section = page.getElementById('isms-records')!;
    expect(section.querySelector('h2')?.textContent).toBe('Internal audits and management reviews');
    expect(page.querySelector('nav a[href="#isms-records"]')).not.toBeNull();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ops');
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(section.querySelector('[onerror]')).toBeNull();
    const audit = page.getElementById('audit-IA-1')!;
    expect(audit.textContent).toContain(`Backups ${HOSTILE_TITLE}`);
    expect(audit.querySelector('a')?.getAttribute('href')).toBe(`#evidence-${fixture.records[0]!.id}`);
    expect(page.getElementById(`evidence-${fixture.records[0]!.id}`)).not.toBeNull();
    expect(page.getElementById('audit-IA-2')?.textContent).toContain('Planned');
    const review = page.getElementById('review-MR-1')!;
    expect(review.textContent).toContain('<script>alert(1)</script> Ops');
    expect(review.textContent).toContain('1 of 10; missing: 9.3.2 b');
    expect(review.textContent).toContain('Quote a second backup site (Head of IT, due 2025-07-31): Open');
    expect(section.querySelector('a[href="internal-audits.csv"]')).not.toBeNull();
  });

  it('reads by theme and control, with SoA state, justification and evidence under each control', async () => {
    const { page, fixture } = await report();
    const accessControl = page.getElementById('control-A.5.15')!;
    expect(accessControl.querySelector('h3')?.textContent).toContain('Covered');
    expect(accessControl.querySelector(`#evidence-${fixture.records[0]!.id}`)).not.toBeNull();
    const thumbnailLink = accessControl.querySelector('.evidence > a')!;
    expect(thumbnailLink.getAttribute('href')).toBe(`evidence/${fixture.records[0]!.id}/original.png`);
    expect(thumbnailLink.querySelector('img')?.getAttribute('src')).toBe(
      `evidence/${fixture.records[0]!.id}/thumbnail.png`,
    );
    expect(page.getElementById('control-A.8.2')?.querySelector('.evidence')).not.toBeNull();
    const backup = page.getElementById('control-A.8.13')!;
    expect(backup.querySelector('a[href^="https://backup.example.com"]')?.textContent).toBe(
      'https://backup.example.com/jobs?id=1&view=all',
    );
    expect(backup.textContent).toContain(fixture.records[1]!.artifacts[0]!.sha256);
    expect(backup.textContent).toContain('2025-02-14');
    const excluded = page.getElementById('control-A.7.4')!;
    expect(excluded.textContent).toContain('Not applicable');
    expect(excluded.textContent).toContain('No physical premises — fully remote <i>team</i>');
    expect(page.getElementById('control-A.5.1')?.textContent).toContain('No evidence in this bundle.');
    expect(page.getElementById('theme-organizational')?.querySelector('h2')?.textContent).toBe(
      'Organizational',
    );
    expect(page.getElementById('untagged')?.textContent).toContain('Untagged policy page');
  });

  it('summarises readiness and lists open findings', async () => {
    const { page } = await report();
    const readiness = page.getElementById('readiness')!;
    expect(readiness.textContent).toContain('Not ready Stage 2 <certification>');
    expect(readiness.textContent).toContain('A.5.1 has no evidence');
    expect(readiness.textContent).toContain('f'.repeat(64));
    expect(page.getElementById('findings')?.textContent).toContain('@SUM(1+1) access reviews late');
  });

  it('leaves the readiness self-assessment out when the compliance lead chose so, keeping the summary', async () => {
    const { html, page } = await report(null, false);
    expect(page.getElementById('readiness')).toBeNull();
    expect(html).not.toContain('Stage 2 &lt;certification&gt;');
    expect(html).not.toContain('A.5.1 has no evidence');
    const summary = page.getElementById('summary')!;
    expect(summary.querySelector('h2')?.textContent).toBe('Summary');
    expect(summary.textContent).toContain('f'.repeat(64));
    expect(page.querySelector('nav a[href="#summary"]')).not.toBeNull();
    expect(page.querySelector('nav a[href="#readiness"]')).toBeNull();
  });

  it('includes the readiness self-assessment when asked to, as by default', async () => {
    const { page } = await report(null, true);
    expect(page.getElementById('readiness')?.textContent).toContain('Not ready Stage 2 <certification>');
    expect(page.getElementById('summary')).toBeNull();
  });

  it('shows only the controls an export was filtered to', async () => {
    const { page } = await report(['A.8.13']);
    expect(page.querySelectorAll('section.control')).toHaveLength(1);
    expect(page.getElementById('theme-people')).toBeNull();
  });
});
