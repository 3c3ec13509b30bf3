import { spawnSync } from 'node:child_process';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import { readFrameworkRegister } from './framework-registers';
import type { BundleContext } from './types';
import { verifyBundle } from './verify';
import { writeBundle } from './writer';

async function bundle(frameworks?: BundleContext['frameworks']) {
  const fixture = await makeFixture();
  fixture.records[0]!.controls.push('CC6.1'); // a direct tag beside its ISO tags
  const output = memoryOutput();
  await writeBundle(output.stream, {
    context: { ...fixture.context, ...(frameworks ? { frameworks } : {}) },
    evidence: evidenceOf(fixture),
    includeDomSnapshots: false,
  });
  const blob = new Blob([output.bytes() as Uint8Array<ArrayBuffer>]);
  const reader = new ZipReader(new BlobReader(blob));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries())
    if (!entry.directory && /\.(csv|html)$/.test(entry.filename))
      files.set(entry.filename.replace(/^[^/]+\/data\//, ''), await entry.getData!(new TextWriter()));
  await reader.close();
  return { blob, files, ids: fixture.records.map((record) => record.id) };
}

/** Python's csv module: another reader than the one that wrote it. */
function pythonRows(text: string): string[][] {
  const run = spawnSync(
    'python3',
    ['-c', 'import csv,sys,json; print(json.dumps(list(csv.reader(sys.stdin))))'],
    {
      input: text,
      encoding: 'utf8',
    },
  );
  return JSON.parse(run.stdout) as string[][];
}

describe('framework registers in the bundle', () => {
  it('writes one register per framework in scope, mapped evidence marked as mapped, never as direct', async () => {
    const { files, ids } = await bundle(['soc2', 'nist-csf']);
    const [header, ...rows] = pythonRows(files.get('soc2-register.csv')!);
    expect(header!.slice(0, 5)).toEqual([
      'Entry',
      'Entry title',
      'Evidence ID',
      'Counted as',
      'Mapped from (ISO/IEC 27001:2022)',
    ]);
    const [access, backup] = ids;
    expect(rows.filter((row) => row[0] === 'A1.3' && row[2])).toEqual([
      expect.arrayContaining(['A1.3', 'Recovery plan tested', backup, 'mapped from A.8.13', 'A.8.13']),
    ]);
    // Tagged CC6.1 directly and also A.5.15 (which maps to CC6.1): counted once, as direct.
    expect(rows.filter((row) => row[0] === 'CC6.1' && row[2]).map((row) => [row[2], row[3], row[4]])).toEqual(
      [[access, 'tagged directly', '']],
    );
    expect(rows.find((row) => row[0] === 'CC9.2')?.slice(2, 4)).toEqual(['', '']);
    expect(new Set(rows.map((row) => row[0])).size).toBe(61);
    expect(files.has('nist-csf-register.csv')).toBe(true);

    const index = files.get('index.html')!;
    expect(index).toContain('id="framework-soc2"');
    expect(index).toContain(
      'Mappings used:</strong> SOC 2 criteria mapped to ISO/IEC 27001:2022 by ID by this project',
    );
    expect(index).toContain('from NIST&#39;s informative references');
    expect(index).toMatch(new RegExp(`${backup}</a> <span class="mapped">mapped from A\\.8\\.13</span>`));
    expect(index).toMatch(new RegExp(`${access}</a> <span class="direct">tagged directly</span>`));
    expect(index).not.toMatch(new RegExp(`${backup}</a> <span class="direct">`));
  });

  it('reads the registers back on import, and a bundle of ISO alone (or an older one) has none', async () => {
    const withSoc2 = await verifyBundle((await bundle(['soc2'])).blob);
    if (!withSoc2.ok) throw new Error(withSoc2.problems.join('\n'));
    const [register] = withSoc2.bundle.frameworks!;
    expect(register!.framework).toBe('soc2');
    expect(register!.rows.find((row) => row.entryId === 'A1.3')).toMatchObject({ mappedFrom: 'A.8.13' });
    expect(register!.rows.find((row) => row.entryId === 'CC6.1')).toMatchObject({ mappedFrom: null });

    const { blob, files } = await bundle();
    expect([...files.keys()].some((name) => name.endsWith('-register.csv') && name !== 'register.csv')).toBe(
      false,
    );
    const isoOnly = await verifyBundle(blob);
    expect(isoOnly.ok && isoOnly.bundle.frameworks).toEqual([]);
  });

  it('refuses a register that counts evidence through a tag its record does not carry', () => {
    const header =
      'Entry,Entry title,Evidence ID,Counted as,Mapped from (ISO/IEC 27001:2022),Evidence title,Effective date,Status,Original file,Original SHA-256';
    const text = `${header}\r\nCC6.1,x,EV-1,tagged directly,,t,2025-01-01,ready,,\r\nA1.3,x,EV-1,mapped from A.8.13,A.8.13,t,2025-01-01,ready,,\r\n`;
    const read = readFrameworkRegister('soc2', text, new Map([['EV-1', ['A.5.15']]]));
    expect(read.problems).toEqual([
      'data/soc2-register.csv line 2: evidence EV-1 is counted through CC6.1, which its record.json does not carry',
      'data/soc2-register.csv line 3: evidence EV-1 is counted through A.8.13, which its record.json does not carry',
    ]);
  });
});
