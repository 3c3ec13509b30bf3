import { execFileSync } from 'node:child_process';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import {
  evidenceOf,
  HOSTILE_TITLE,
  makeFixture,
  memoryOutput,
  type Fixture,
} from '@/tests/support/bundle-fixtures';
import { risk } from '@/tests/support/component-data';
import { DEFAULT_RISK_CRITERIA } from '@/utils/risk/criteria';
import { traceRows } from '@/utils/risk/traceability';
import type { Risk } from '@/utils/risk/types';
import { writeBundle } from '@/utils/bundle/writer';
import { verifyChain } from '@/utils/integrity/custody';
import { importBundleFile } from './bundle-import';
import { EvidenceDatabase } from './db';

const risks: Risk[] = [
  risk('R-1', { title: HOSTILE_TITLE, likelihood: 4, impact: 5, controls: ['A.8.13', 'A.5.1'] }),
  risk('R-2', { title: '=cmd|calc', controls: [] }),
];

async function bundle(fixture: Fixture, withRisks: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const evidenceId = fixture.records[0]!.id;
  const context = withRisks
    ? {
        ...fixture.context,
        riskRegister: {
          criteria: DEFAULT_RISK_CRITERIA,
          risks,
          trace: traceRows({
            risks,
            applicable: (id) => id !== 'A.5.1',
            coverage: [],
            evidenceInWindow: new Map([['A.8.13', [evidenceId]]]),
          }),
        },
      }
    : fixture.context;
  const output = memoryOutput();
  await writeBundle(output.stream, { context, evidence: evidenceOf(fixture), includeDomSnapshots: true });
  return output.bytes() as Uint8Array<ArrayBuffer>;
}

async function entries(zip: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new BlobReader(new Blob([zip as Uint8Array<ArrayBuffer>])));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries())
    if (!entry.directory)
      files.set(entry.filename.split('/').slice(1).join('/'), await entry.getData(new TextWriter()));
  return files;
}

/** Python's csv module reads the file: another reader than the writer's. */
function pythonCsv(text: string): string[][] {
  const script = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text }).toString()) as string[][];
}

describe('risk register in the bundle', () => {
  it('writes risk-register.csv, traceability.csv and an escaped section, which Python reads row by row', async () => {
    const fixture = await makeFixture({ prefix: 'A' });
    const files = await entries(await bundle(fixture, true));
    const register = pythonCsv(files.get('data/risk-register.csv')!);
    expect(register[0]?.slice(0, 2)).toEqual(['ID', 'Title']);
    expect(register.map((row) => row[0])).toEqual(['ID', 'R-1', 'R-2']);
    expect(register[2]?.[1]).toBe("'=cmd|calc");
    const trace = pythonCsv(files.get('data/traceability.csv')!);
    expect(trace.slice(1).map((row) => [row[0], row[5], row[6], row[9]])).toEqual([
      ['R-1', 'A.8.13', 'Yes', fixture.records[0]!.id],
      ['R-1', 'A.5.1', 'No', ''],
      ['R-2', '', '', ''],
    ]);
    const index = files.get('data/index.html')!;
    expect(index).toContain('<section id="risks"><h2>Risks and traceability</h2>');
    expect(index).not.toContain(HOSTILE_TITLE);
    expect(index).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(index).not.toMatch(/<script/i);
    expect(files.get('manifest-sha256.txt')).toContain('data/traceability.csv');
  });

  it('imports the register back into another installation, logged, and a bundle without one still imports', async () => {
    const db = new EvidenceDatabase(`risk-bundle-${Math.random()}`);
    const options = { actor: 'bob@example.com', at: '2025-04-10T12:00:00.000Z' };
    const withRisks = await importBundleFile(
      db,
      new Blob([await bundle(await makeFixture({ prefix: 'B' }), true)]),
      options,
    );
    expect(withRisks.ok && withRisks.outcome.risks).toEqual({
      added: ['R-1', 'R-2'],
      kept: 0,
      unreadable: 0,
    });
    const stored = await db.risks.orderBy('id').toArray();
    expect(stored.map((entry) => [entry.id, entry.title, entry.controls])).toEqual([
      ['R-1', HOSTILE_TITLE, ['A.8.13', 'A.5.1']],
      ['R-2', '=cmd|calc', []],
    ]);
    const custody = await db.custody.toArray();
    const riskEntries = custody.filter((entry) => entry.event === 'risk-change');
    expect(riskEntries).toHaveLength(1);
    expect(riskEntries[0]!.details).toMatchObject({
      change: 'import',
      risks: [
        { riskId: 'R-1', before: null },
        { riskId: 'R-2', before: null },
      ],
    });
    expect(verifyChain(custody)).toEqual([]);

    const again = await importBundleFile(
      db,
      new Blob([await bundle(await makeFixture({ prefix: 'B' }), true)]),
      options,
    );
    expect(again.ok && again.outcome.risks).toEqual({ added: [], kept: 2, unreadable: 0 });

    const plain = await importBundleFile(
      db,
      new Blob([await bundle(await makeFixture({ prefix: 'C' }), false)]),
      options,
    );
    expect(plain.ok).toBe(true);
    expect(plain.ok && plain.outcome.risks).toBeUndefined();
    expect(plain.ok && plain.outcome.added.length).toBeGreaterThan(0);
  });
});
