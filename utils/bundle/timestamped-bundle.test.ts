import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceOf, makeFixture, memoryOutput } from '@/tests/support/bundle-fixtures';
import { createTestAuthority, type TestAuthority } from '@/tests/support/tsa-server.mjs';
import { sha256Hex } from '../integrity/sha256';
import { hexToBytes, nonceFrom, stampedText, timestampRequest, verifyTimestampReply } from '../timestamp';
import { clockDifference } from './timestamp-files';
import type { BundleEvidence, BundleTimestamping, TagManifestToken } from './types';
import { verifyBundle } from './verify';
import { writeBundle } from './writer';

const workDir = mkdtempSync(join(tmpdir(), 'timestamped-bundle-'));
let authority: TestAuthority;
beforeAll(() => {
  authority = createTestAuthority();
});
afterAll(() => {
  authority.remove();
  rmSync(workDir, { recursive: true, force: true });
});

/** A real token from `openssl ts -reply` over the bytes, checked as the extension checks it on receipt. */
async function stamp(data: Uint8Array) {
  const nonce = nonceFrom(crypto.getRandomValues(new Uint8Array(8)));
  const reply = new Uint8Array(
    await authority.reply(timestampRequest(hexToBytes(await sha256Hex(data)), nonce)),
  );
  const check = await verifyTimestampReply(reply, { data, nonce, trustedPem: authority.caPem });
  if (!check.ok) throw new Error(check.problem);
  return { reply, facts: check.facts };
}

const stampingAuthority: BundleTimestamping['stampTagManifest'] = async (tagManifest) => {
  const { reply, facts } = await stamp(tagManifest);
  return { ok: true, reply, genTime: facts.genTime, certificatesPem: facts.certificatesPem };
};

type Tamper = (evidence: BundleEvidence[]) => BundleEvidence[];

/** Three captures: the first two stamped by the test authority, the third still waiting for its token. */
async function exportStamped(stampTagManifest: BundleTimestamping['stampTagManifest'], tamper?: Tamper) {
  const fixture = await makeFixture();
  const evidence: BundleEvidence[] = [];
  for (const [index, item] of evidenceOf(fixture).entries()) {
    const entry = fixture.context.custody.find(
      (candidate) => candidate.event === 'capture' && candidate.evidenceId === item.record.id,
    )!;
    if (index === 2) {
      evidence.push({ ...item, timestamp: { state: 'pending' } });
      continue;
    }
    const text = stampedText(entry);
    const { reply, facts } = await stamp(new TextEncoder().encode(text));
    evidence.push({
      ...item,
      timestamp: {
        state: 'stamped',
        stampedText: text,
        reply,
        genTime: facts.genTime,
        signer: facts.signer,
        certificatesPem: facts.certificatesPem,
      },
    });
  }
  const output = memoryOutput();
  const result = await writeBundle(output.stream, {
    context: fixture.context,
    evidence: tamper ? tamper(evidence) : evidence,
    includeDomSnapshots: false,
    timestamps: { toleranceMinutes: 5, trustedPem: '', stampTagManifest },
  });
  const zip = join(workDir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(zip, output.bytes());
  const target = mkdtempSync(join(workDir, 'x-'));
  execFileSync('unzip', ['-q', zip, '-d', target]);
  return { bag: join(target, result.name), result, fixture, bytes: output.bytes() };
}

function sh(script: string, cwd: string) {
  const outcome = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8' });
  return { status: outcome.status, output: `${outcome.stdout}${outcome.stderr}` };
}

/** The Linux lines of VERIFY.txt's time-stamp step that run openssl ts -verify, as an auditor pastes them. */
function verifyLines(bag: string): string[] {
  const guide = readFileSync(join(bag, 'data', 'VERIFY.txt'), 'utf8');
  const linux = guide.slice(guide.indexOf('\nLinux\n'), guide.indexOf('\nmacOS'));
  return linux
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => / ts -verify /.test(line));
}

// Each test runs openssl a dozen times (the authority's replies and the auditor's checks): on a busy machine that
// takes longer than vitest's default 5 s.
describe('trusted time stamps in a bundle, checked with stock openssl', { timeout: 30_000 }, () => {
  it('bags each token beside the custody entry it stamps; every command VERIFY.txt gives says OK, and fails after one changed byte', async () => {
    const { bag, result, fixture, bytes } = await exportStamped(stampingAuthority);
    const [first, second, third] = fixture.records.map((record) => record.id);
    expect(result.timestamps).toMatchObject({ stamped: 2, pending: 1, unstamped: 0 });
    expect(result.timestamps?.tagManifest.state).toBe('stamped');
    for (const id of [first, second]) {
      expect(existsSync(join(bag, `data/evidence/${id}/custody-entry.json`))).toBe(true);
      expect(existsSync(join(bag, `data/evidence/${id}/custody-entry.tsr`))).toBe(true);
    }
    expect(existsSync(join(bag, `data/evidence/${third}/custody-entry.tsr`))).toBe(false);

    // The stamped file hashes to the capture entry's hash in the bundled custody log.
    const log = readFileSync(join(bag, 'data/custody-log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; evidenceId?: string; hash: string });
    const entryFile = readFileSync(join(bag, `data/evidence/${first}/custody-entry.json`));
    expect(log.find((entry) => entry.evidenceId === first && entry.event === 'capture')?.hash).toBe(
      await sha256Hex(new Uint8Array(entryFile)),
    );

    // The hashes still verify with sha256sum, and the bag with the extension's own verifier.
    expect(sh('sha256sum -c --strict --quiet manifest-sha256.txt', bag).status).toBe(0);
    const verified = await verifyBundle(new Blob([Uint8Array.from(bytes)]));
    expect(verified.ok ? [] : verified.problems).toEqual([]);
    // The import checked both tokens and the tag manifest's against the chain the bundle carries.
    expect(verified.ok && verified.summary.timestamps).toEqual({
      captures: 2,
      tagManifest:
        result.timestamps?.tagManifest.state === 'stamped' ? result.timestamps.tagManifest.genTime : '',
    });

    // Every openssl ts -verify line of VERIFY.txt (the loop, the example, the tag manifest) passes.
    const lines = verifyLines(bag);
    expect(lines.length).toBe(3);
    for (const line of lines) {
      const outcome = sh(line, bag);
      expect(outcome.output).toContain('Verification: OK');
      expect(outcome.output).not.toContain('FAILED');
    }
    const loop = sh(lines[0]!, bag);
    expect(loop.output.match(/Verification: OK/g)).toHaveLength(2);
    const index = readFileSync(join(bag, 'data/index.html'), 'utf8');
    expect(index).toContain(`data-timestamps-stamped="2" data-timestamps-pending="1"`);
    // Each card (a record shows under each of its controls) says which it has.
    const cards = index.split('<div class="evidence" id="evidence-').slice(1);
    const state = (id: string) =>
      new Set(
        cards
          .filter((card) => card.startsWith(`${id}"`))
          .map((card) => /data-timestamp="(\w+)"/.exec(card)?.[1]),
      );
    expect(state(first!)).toEqual(new Set(['stamped']));
    expect(state(second!)).toEqual(new Set(['stamped']));
    expect(state(third!)).toEqual(new Set(['pending']));
    // The fixture's captures are from 2025, their tokens from today: each is flagged.
    expect(index).toContain('data-time-flag=');
    const guide = readFileSync(join(bag, 'data/VERIFY.txt'), 'utf8');
    expect(guide).toContain(`still waiting for the authority's token when this bundle was made`);
    expect(guide).toContain(third);

    // One byte more in each stamped file: each token fails.
    appendFileSync(join(bag, `data/evidence/${first}/custody-entry.json`), ' ');
    appendFileSync(join(bag, 'tagmanifest-sha256.txt'), '\n');
    const broken = sh(lines[0]!, bag).output;
    expect(broken).toContain('Verification: FAILED');
    expect(broken.match(/Verification: OK/g)).toHaveLength(1);
    expect(sh(lines[2]!, bag).output).toContain('Verification: FAILED');
  });

  it('completes the export when the authority cannot stamp the tag manifest, and says it is unstamped', async () => {
    const unreachable = async (): Promise<TagManifestToken> => ({
      ok: false,
      problem: 'the authority could not be reached (ECONNREFUSED)',
    });
    const { bag, result, bytes } = await exportStamped(unreachable);
    expect(result.timestamps?.tagManifest).toEqual({
      state: 'unstamped',
      problem: 'the authority could not be reached (ECONNREFUSED)',
    });
    expect(existsSync(join(bag, 'signature/tagmanifest-sha256.tsr'))).toBe(false);
    // The captures' tokens still check against the chain the bundle carries.
    expect(sh(verifyLines(bag)[0]!, bag).output.match(/Verification: OK/g)).toHaveLength(2);
    expect((await verifyBundle(new Blob([Uint8Array.from(bytes)]))).ok).toBe(true);
  });

  it('import refuses a token over another file, and a stamped file that is not the capture entry, naming each file', async () => {
    const swapped: Tamper = ([first, second, third]) => {
      if (first?.timestamp?.state !== 'stamped' || second?.timestamp?.state !== 'stamped')
        throw new Error('fixture');
      return [
        // The first record's entry with the second record's token: the imprint is another file's.
        { ...first, timestamp: { ...first.timestamp, reply: second.timestamp.reply } },
        // The second record's token with the bytes it stamps, filed under the third record: not its entry.
        { ...third!, timestamp: second.timestamp },
        second,
      ].slice(0, 2);
    };
    const { bytes, fixture } = await exportStamped(stampingAuthority, swapped);
    const [first, , third] = fixture.records.map((record) => record.id);
    const verified = await verifyBundle(new Blob([Uint8Array.from(bytes)]));
    expect(verified.ok).toBe(false);
    expect(verified.ok ? [] : verified.problems).toEqual([
      `data/evidence/${first}/custody-entry.tsr: the token stamps another hash than the one sent.`,
      `data/evidence/${third}/custody-entry.json is not the capture's custody entry: its SHA-256 is no capture entry's hash in the custody log.`,
    ]);
  });

  it('flags a local clock beyond the tolerance in either direction, and not within it', () => {
    const at = '2026-12-03T12:00:00.000Z';
    expect(clockDifference('2026-12-03T12:05:00.000Z', at, 5)).toEqual({
      differenceSeconds: 300,
      flagged: false,
    });
    expect(clockDifference('2026-12-03T12:05:01.000Z', at, 5)).toEqual({
      differenceSeconds: 301,
      flagged: true,
    });
    expect(clockDifference('2026-12-03T11:54:59.000Z', at, 5)).toEqual({
      differenceSeconds: -301,
      flagged: true,
    });
  });
});
