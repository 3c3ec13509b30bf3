import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { payloadHashesOf, sealEntries, verifyChain } from '../integrity/custody';
import { CUSTODY_SCRIPT, CUSTODY_SCRIPT_FILE } from './custody-script';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The bundle's script run by the stock interpreter on a log written as the bundle writes it (one entry per line). */
function verifyWithPython(lines: string[]) {
  folder = mkdtempSync(join(tmpdir(), 'custody-script-'));
  writeFileSync(join(folder, CUSTODY_SCRIPT_FILE), CUSTODY_SCRIPT);
  writeFileSync(join(folder, 'custody-log.jsonl'), `${lines.join('\n')}\n`);
  const result = spawnSync('python3', [CUSTODY_SCRIPT_FILE, 'custody-log.jsonl'], {
    cwd: folder,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('verify-custody.py on a register import', () => {
  it('verifies the packed import entries (nested risks, non-ASCII text, decimals, nulls) and fails on a changed byte', async () => {
    const risks = Array.from({ length: 3 }, (_, index) => ({
      riskId: `R-${index + 1}`,
      before:
        index === 0
          ? null
          : { id: `R-${index + 1}`, title: 'Sauvegardes non testées – “hors site”', likelihood: 2 },
      after: {
        id: `R-${index + 1}`,
        title: 'Backups 🔒 tested',
        likelihood: 3,
        score: 0.1 + 0.2,
        controls: ['A.8.13'],
      },
    }));
    const unsealed = [1, 2].map((part) => ({
      at: '2026-12-04T10:00:00.000Z',
      event: 'risk-change' as const,
      evidenceId: null,
      actor: 'Zoë Ødegård',
      details: { change: 'import', part, parts: 2, risks: part === 1 ? risks.slice(0, 2) : risks.slice(2) },
    }));
    const entries = sealEntries(unsealed, undefined, await payloadHashesOf(unsealed));
    expect(verifyChain(entries)).toEqual([]);
    const lines = entries.map((entry) => JSON.stringify(entry));

    const ok = verifyWithPython(lines);
    expect(ok.output).toContain('OK: 2 entries');
    expect(ok.status).toBe(0);

    const tampered = lines.map((line, index) => (index === 0 ? line.replace('tested', 'testeD') : line));
    expect(tampered).not.toEqual(lines);
    const failed = verifyWithPython(tampered);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/FAILED\nentry 1 \(line 1\): its hash does not match/);
  });
});
