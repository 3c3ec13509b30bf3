import { describe, expect, it } from 'vitest';
import { findItem } from '../catalogue/catalogue';
import { ISO27001_2022 } from '../catalogue/iso27001-2022';
import type { MappingRule } from '../isms/types';
import { BUILT_IN_RULES } from './built-in-rules';
import { rankSuggestions, suggestControls, type PageContent, type Suggestion } from './suggest';

function page(partial: Partial<PageContent>): PageContent {
  return { url: 'https://example.com/', title: '', text: '', ...partial };
}

function rule(partial: Partial<MappingRule> & Pick<MappingRule, 'pattern' | 'controls'>): MappingRule {
  return { id: 'test', kind: 'keyword', enabled: true, builtIn: false, ...partial };
}

describe('BUILT_IN_RULES', () => {
  it('have unique ids and name only catalogue controls', () => {
    expect(new Set(BUILT_IN_RULES.map((entry) => entry.id)).size).toBe(BUILT_IN_RULES.length);
    for (const entry of BUILT_IN_RULES) {
      expect(entry.builtIn).toBe(true);
      expect(entry.enabled).toBe(true);
      for (const control of entry.controls) expect(findItem(ISO27001_2022, control)?.id).toBe(control);
    }
  });
});

describe('suggestControls with the built-in rules', () => {
  it.each<[string, Partial<PageContent>, string[]]>([
    ['backup job history', { title: 'Backup jobs', text: 'Job history: 31 succeeded' }, ['A.8.13']],
    ['restore test', { text: 'Restore completed at 02:00' }, ['A.8.13']],
    ['access review', { title: 'Access reviews' }, ['A.5.18']],
    ['members page', { title: 'Members' }, ['A.5.18']],
    ['privileged accounts', { title: 'Privileged accounts' }, ['A.8.2']],
    ['roles and permissions', { text: 'Roles and permissions' }, ['A.5.18']],
    ['incident queue', { title: 'Incidents - Service Desk' }, ['A.5.25', 'A.5.26']],
    ['incident plan', { title: 'Incident response plan' }, ['A.5.24', 'A.5.25', 'A.5.26']],
    ['pull request', { title: 'Pull requests' }, ['A.8.32']],
    ['deployment log', { text: 'Deployments to production' }, ['A.8.32']],
    ['change ticket', { title: 'CHG0042 Change' }, ['A.8.32']],
    ['audit log', { title: 'Audit logs' }, ['A.8.15']],
    ['training completion', { text: 'Training completion: 98%' }, ['A.6.3']],
    ['vulnerabilities', { title: 'Vulnerabilities' }, ['A.8.8']],
    ['CVE ids', { text: 'Fixed CVE-2024-3094' }, ['A.8.8']],
    ['malware', { title: 'Malware detections' }, ['A.8.7']],
    ['endpoint protection', { text: 'Endpoint protection status' }, ['A.8.7']],
    ['2-step verification', { title: '2-Step Verification' }, ['A.5.17', 'A.8.5']],
    ['MFA', { text: 'Require MFA for admins' }, ['A.5.17', 'A.8.5']],
    ['encryption', { title: 'Default encryption' }, ['A.8.24']],
    ['firewall', { title: 'Firewall rules' }, ['A.8.20']],
    ['monitoring', { title: 'Monitoring' }, ['A.8.16']],
    ['logging', { title: 'Logging' }, ['A.8.15', 'A.8.16']],
    ['vendors', { title: 'Vendors' }, ['A.5.19']],
    ['supplier reviews', { text: 'Supplier review: SOC 2 report received' }, ['A.5.19', 'A.5.22']],
    ['case-insensitive', { title: 'BACKUP' }, ['A.8.13']],
    ['hyphenated plural', { text: 'Anti-Malware engines' }, ['A.8.7']],
  ])('%s', (_name, content, expected) => {
    expect(suggestControls(BUILT_IN_RULES, page(content))).toEqual(expected);
  });

  it.each<[string, Partial<PageContent>]>([
    ['exchange is not change', { title: 'Exchange admin center' }],
    ['changed is not change', { text: 'Nothing changed' }],
    ['backupset is not backup', { text: 'backupset' }],
    ['incidental is not incident', { text: 'incidental costs' }],
    ['firewalled is not firewall', { text: 'firewalled' }],
    ['a word split across title and text', { title: 'Pull', text: 'Request' }],
    ['empty page', {}],
  ])('suggests nothing: %s', (_name, content) => {
    expect(suggestControls(BUILT_IN_RULES, page(content))).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['AWS Backup console', 'https://eu-west-1.console.aws.amazon.com/backup/home#/jobs', ['A.8.13']],
    ['GitHub org people', 'https://github.com/orgs/acme/people', ['A.5.18']],
    ['GitHub pull request', 'https://github.com/acme/api/pull/42', ['A.8.32']],
    ['Google 2SV', 'https://admin.google.com/ac/security/2sv', ['A.5.17', 'A.8.5']],
    ['URL case does not matter', 'https://GitHub.com/Orgs/Acme/People', ['A.5.18']],
  ])('matches the URL of %s', (_name, url, expected) => {
    expect(suggestControls(BUILT_IN_RULES, page({ url }))).toEqual(expected);
  });

  it('combines URL and keyword matches, deduplicated and in natural order', () => {
    const suggested = suggestControls(
      BUILT_IN_RULES,
      page({
        url: 'https://github.com/acme/api/pull/42',
        title: 'Pull request #42',
        text: 'Fixes vulnerability in backup restore. Deployment follows change approval.',
      }),
    );
    expect(suggested).toEqual(['A.8.8', 'A.8.13', 'A.8.32']);
  });
});

describe('suggestControls rule semantics', () => {
  it.each<[string, MappingRule[], Partial<PageContent>, string[]]>([
    [
      'disabled rules are ignored',
      [rule({ pattern: 'backup', controls: ['A.8.13'], enabled: false })],
      { title: 'backup' },
      [],
    ],
    ['alternatives', [rule({ pattern: 'foo | bar', controls: ['A.5.1'] })], { text: 'a bar' }, ['A.5.1']],
    ['plural -s', [rule({ pattern: 'role', controls: ['A.5.2'] })], { text: 'roles' }, ['A.5.2']],
    ['plural -es', [rule({ pattern: 'patch', controls: ['A.8.8'] })], { text: 'patches' }, ['A.8.8']],
    ['plural -ies', [rule({ pattern: 'policy', controls: ['A.5.1'] })], { text: 'policies' }, ['A.5.1']],
    [
      'phrase words in order',
      [rule({ pattern: 'job history', controls: ['A.8.13'] })],
      { text: 'history job' },
      [],
    ],
    [
      'phrase across punctuation',
      [rule({ pattern: 'job history', controls: ['A.8.13'] })],
      { text: 'Job – History' },
      ['A.8.13'],
    ],
    [
      'keyword rules ignore the URL',
      [rule({ pattern: 'backup', controls: ['A.8.13'] })],
      { url: 'https://x/backup' },
      [],
    ],
    [
      'url rules ignore the text',
      [rule({ kind: 'url', pattern: 'backup', controls: ['A.8.13'] })],
      { text: 'backup' },
      [],
    ],
    [
      'url glob',
      [rule({ kind: 'url', pattern: 'example.com/*/audit', controls: ['A.8.15'] })],
      { url: 'https://example.com/org/1/audit?x' },
      ['A.8.15'],
    ],
    [
      'url glob order',
      [rule({ kind: 'url', pattern: 'audit*example', controls: ['A.8.15'] })],
      { url: 'https://example.com/audit' },
      [],
    ],
    ['empty pattern', [rule({ pattern: ' | ', controls: ['A.5.1'] })], { text: 'anything' }, []],
    [
      'dedupe and natural sort',
      [
        rule({ pattern: 'x', controls: ['A.5.10', 'A.5.2'] }),
        rule({ pattern: 'y', controls: ['A.5.2', '9.2'] }),
      ],
      { text: 'x y' },
      ['9.2', 'A.5.2', 'A.5.10'],
    ],
  ])('%s', (_name, rules, content, expected) => {
    expect(suggestControls(rules, page(content))).toEqual(expected);
  });

  it('finds the one match at the end of a megabyte of text', () => {
    const filler = 'lorem ipsum exchange changed dolor sit amet statuses ';
    const text = filler.repeat(Math.ceil(1_000_000 / filler.length)) + ' backup';
    expect(suggestControls(BUILT_IN_RULES, page({ text }))).toEqual(['A.8.13']);
  });
});

describe('rankSuggestions', () => {
  const rules: MappingRule[] = [
    rule({ id: 'backup', pattern: 'backup|restore|backup job', controls: ['A.8.13'] }),
    rule({ id: 'monitoring', pattern: 'monitoring|alert', controls: ['A.8.16'] }),
    rule({ id: 'network', pattern: 'firewall', controls: ['A.8.20'] }),
    rule({ id: 'time', pattern: 'ntp', controls: ['A.8.17'] }),
    rule({ id: 'supplier', pattern: 'vendor', controls: ['A.5.19'] }),
    rule({ id: 'aws-backup', kind: 'url', pattern: 'console.aws.amazon.com/backup', controls: ['A.8.13'] }),
  ];
  const ticked = (ranked: Suggestion[]) =>
    ranked.filter((entry) => entry.preTicked).map((entry) => entry.controlId);

  it('ticks what the title names and offers a passing mention unticked, with the reason for each', () => {
    const ranked = rankSuggestions(
      rules,
      page({
        title: 'Backup jobs - History',
        headings: ['Job sessions'],
        text: 'Backup job nightly finished. Backup job weekly finished. Alerts go to the vendor portal.',
      }),
    );
    expect(ticked(ranked)).toEqual(['A.8.13']);
    expect(ranked.map((entry) => entry.controlId)).toEqual(['A.8.13', 'A.5.19', 'A.8.16']);
    expect(ranked[0]!.reasons).toEqual([
      { ruleId: 'backup', place: 'title', words: ['backup', 'backup job'], count: 1 },
      { ruleId: 'backup', place: 'text', words: ['backup', 'backup job'], count: 2 },
    ]);
    expect(ranked.find((entry) => entry.controlId === 'A.5.19')).toMatchObject({
      strong: false,
      preTicked: false,
      reasons: [{ ruleId: 'supplier', place: 'text', words: ['vendor'], count: 1 }],
    });
  });

  it('counts a heading and the address as strong, the product name at the end of the title as weak', () => {
    expect(ticked(rankSuggestions(rules, page({ headings: ['Firewall rules'] })))).toEqual(['A.8.20']);
    expect(
      ticked(rankSuggestions(rules, page({ url: 'https://console.aws.amazon.com/backup/home' }))),
    ).toEqual(['A.8.13']);
    const productName = rankSuggestions(rules, page({ title: 'Overview - Dashboards - Acme Monitoring' }));
    expect(productName[0]).toMatchObject({ controlId: 'A.8.16', strong: false, preTicked: false });
  });

  it('lets text alone tick a control only when the page keeps coming back to it', () => {
    expect(ticked(rankSuggestions(rules, page({ text: 'ntp '.repeat(3) })))).toEqual([]);
    expect(ticked(rankSuggestions(rules, page({ text: 'ntp '.repeat(12) })))).toEqual(['A.8.17']);
  });

  it('does not tick a strong match that is far weaker than the best on the page', () => {
    const ranked = rankSuggestions(
      rules,
      page({
        title: 'Alerts',
        headings: ['Monitoring', 'Alert rules'],
        text: `${'alert '.repeat(40)} ${'ntp '.repeat(8)}`,
      }),
    );
    expect(ranked.find((entry) => entry.controlId === 'A.8.17')).toMatchObject({ preTicked: false });
    expect(ticked(ranked)).toEqual(['A.8.16']);
  });

  it('ticks at most three, best first, and offers the rest', () => {
    const many = rankSuggestions(
      rules,
      page({ title: 'Backup, monitoring, firewall, NTP and vendor review' }),
    );
    expect(many.filter((entry) => entry.strong)).toHaveLength(5);
    expect(ticked(many)).toHaveLength(3);
    expect(
      ticked(rankSuggestions(rules, page({ title: 'Backup, monitoring and firewall' }), { maxPreTicked: 1 })),
    ).toHaveLength(1);
  });

  it('ignores disabled rules and rules without controls', () => {
    const off = rules.map((entry) => ({ ...entry, enabled: false }));
    expect(rankSuggestions(off, page({ title: 'Backup jobs' }))).toEqual([]);
  });
});
