import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectPage } from '@/content/collect-page';
import type { PageContent } from '@/utils/rules/suggest';

/**
 * Admin-console pages of different kinds (tests/fixtures), each with the Annex A controls it evidences as
 * an auditor would accept them. Written down before the ranking was tuned; the suggestion corpus test and
 * the suggestion benchmark both score against it.
 */
export const SUGGESTION_CORPUS: { file: string; kind: string; expected: string[] }[] = [
  { file: 'access-review.html', kind: 'identity: access review', expected: ['A.5.18'] },
  { file: 'privileged-accounts.html', kind: 'identity: privileged accounts', expected: ['A.5.18', 'A.8.2'] },
  { file: 'consoles/authentication.html', kind: 'identity: MFA policy', expected: ['A.5.17', 'A.8.5'] },
  { file: 'consoles/audit-log.html', kind: 'identity: audit log', expected: ['A.8.15'] },
  { file: 'backup-jobs.html', kind: 'backup', expected: ['A.8.13'] },
  { file: 'consoles/dr-test.html', kind: 'continuity: DR test', expected: ['A.5.30'] },
  { file: 'consoles/monitoring.html', kind: 'monitoring dashboard', expected: ['A.8.16'] },
  { file: 'ticket.html', kind: 'ticketing: firewall change', expected: ['A.8.32', 'A.8.20'] },
  {
    file: 'consoles/incident.html',
    kind: 'ticketing: security incident',
    expected: ['A.5.25', 'A.5.26', 'A.5.27'],
  },
  { file: 'consoles/firewall-rules.html', kind: 'network: firewall policy', expected: ['A.8.20'] },
  { file: 'consoles/hr-onboarding.html', kind: 'HR onboarding', expected: ['A.6.1', 'A.6.2'] },
  { file: 'consoles/vendors.html', kind: 'vendor list', expected: ['A.5.19', 'A.5.20', 'A.5.22'] },
  { file: 'consoles/training.html', kind: 'training records', expected: ['A.6.3'] },
  { file: 'consoles/devices.html', kind: 'endpoint management', expected: ['A.8.1'] },
  { file: 'consoles/vulnerabilities.html', kind: 'vulnerability scan', expected: ['A.8.8'] },
  { file: 'consoles/keys.html', kind: 'key management', expected: ['A.8.24'] },
];

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** What the collector reads from a corpus page (the DOM of the test environment), as suggestions get it. */
export function readCorpusPage(file: string): PageContent {
  // The test DOM loads no stylesheets; the pages' shared one only draws them.
  const html = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/<link rel="stylesheet"[^>]*>/g, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const snapshot = collectPage(doc, window);
  const url = `http://127.0.0.1:8080/${file}`;
  return { url, title: snapshot.title, text: snapshot.text, headings: snapshot.headings ?? [] };
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Micro-averaged precision and recall of the ticked sets against the expected ones. */
export function scoreTicked(results: { ticked: string[]; expected: string[] }[]): Score {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { ticked, expected } of results) {
    const want = new Set(expected);
    for (const id of ticked)
      if (want.has(id)) truePositives += 1;
      else falsePositives += 1;
    for (const id of want) if (!ticked.includes(id)) falseNegatives += 1;
  }
  const ticked = truePositives + falsePositives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ticked === 0 ? 0 : truePositives / ticked,
    recall: truePositives / (truePositives + falseNegatives),
  };
}
