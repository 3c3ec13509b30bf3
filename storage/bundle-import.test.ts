import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  custodyChain,
  evidenceOf,
  makeFixture,
  memoryOutput,
  type Fixture,
} from '@/tests/support/bundle-fixtures';
import { writeBundle } from '@/utils/bundle/writer';
import type { BundleSigner } from '@/utils/bundle/types';
import { fingerprintOf, generateSigningKey, signBytes, spkiToPem } from '@/utils/signing';
import { verifyChain } from '@/utils/integrity/custody';
import { rebuildCoverageIndex } from './coverage-index';
import { EvidenceDatabase } from './db';
import { importBundleFile, type ImportResult } from './bundle-import';

const workDir = mkdtempSync(join(tmpdir(), 'bundle-import-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const bytes = (value: string) => new TextEncoder().encode(value);

interface ZipItem {
  name: string;
  data: Uint8Array;
  /** Unix mode for the external attributes (e.g. a symbolic link). */
  mode?: number;
  store?: boolean;
}

async function bundleBytes(fixture: Fixture, password?: string, signer?: BundleSigner): Promise<Uint8Array> {
  const output = memoryOutput();
  await writeBundle(output.stream, {
    context: fixture.context,
    evidence: evidenceOf(fixture),
    includeDomSnapshots: true,
    password,
    signer,
  });
  return output.bytes();
}

async function unpack(zip: Uint8Array): Promise<ZipItem[]> {
  const reader = new ZipReader(new BlobReader(new Blob([zip as Uint8Array<ArrayBuffer>])));
  const items: ZipItem[] = [];
  for (const entry of await reader.getEntries()) {
    if (!entry.directory)
      items.push({ name: entry.filename, data: await entry.getData(new Uint8ArrayWriter()) });
  }
  return items;
}

/** Writes a zip with Python's zipfile: it writes names and attributes as given, duplicates included. */
function pack(items: readonly ZipItem[]): Uint8Array {
  const spec = join(workDir, `spec-${Math.random().toString(36).slice(2)}.json`);
  const out = `${spec}.zip`;
  writeFileSync(
    spec,
    JSON.stringify(
      items.map((item) => ({
        name: item.name,
        data: Buffer.from(item.data).toString('base64'),
        mode: item.mode ?? 0o100644,
        store: item.store ?? false,
      })),
    ),
  );
  const script = `import json, sys, zipfile, base64, warnings
warnings.simplefilter("ignore")
with zipfile.ZipFile(sys.argv[2], "w") as z:
    for item in json.load(open(sys.argv[1])):
        info = zipfile.ZipInfo(item["name"], (2025, 4, 2, 10, 0, 0))
        info.external_attr = item["mode"] << 16
        info.create_system = 3
        info.compress_type = zipfile.ZIP_STORED if item["store"] else zipfile.ZIP_DEFLATED
        z.writestr(info, base64.b64decode(item["data"]))`;
  execFileSync('python3', ['-c', script, spec, out]);
  return new Uint8Array(readFileSync(out));
}

/** Recomputes what a careful forger would: the payload manifest, Payload-Oxum and the tag manifest. */
function rebag(
  items: ZipItem[],
  fix: { manifest?: boolean; oxum?: boolean; tags?: boolean } = {},
): ZipItem[] {
  const root = items[0]!.name.split('/')[0]!;
  const find = (path: string) => items.find((item) => item.name === `${root}/${path}`)!;
  const payload = items.filter((item) => item.name.startsWith(`${root}/data/`));
  if (fix.manifest) {
    const lines = payload.map((item) => `${sha(item.data)}  ${item.name.slice(root.length + 1)}\n`).sort();
    find('manifest-sha256.txt').data = bytes(lines.join(''));
  }
  if (fix.oxum) {
    const octets = payload.reduce((sum, item) => sum + item.data.length, 0);
    const info = find('bag-info.txt');
    info.data = bytes(
      text(info.data).replace(/Payload-Oxum: .*/, `Payload-Oxum: ${octets}.${payload.length}`),
    );
  }
  if (fix.tags ?? true) {
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'].map(
      (path) => `${sha(find(path).data)}  ${path}\n`,
    );
    find('tagmanifest-sha256.txt').data = bytes(tags.join(''));
  }
  return items;
}

async function snapshot(db: EvidenceDatabase) {
  const blobs = await db.blobs.toArray();
  return {
    evidence: await db.evidence.toArray(),
    blobs: await Promise.all(
      blobs.map(async (row) => [row.key, sha(new Uint8Array(await row.data.arrayBuffer()))]),
    ),
    custody: await db.custody.toArray(),
    coverage: await db.coverageIndex.toArray(),
  };
}

async function seed(db: EvidenceDatabase, fixture: Fixture): Promise<void> {
  await db.evidence.bulkAdd(fixture.records);
  await db.blobs.bulkAdd(
    fixture.records.flatMap((record) =>
      record.artifacts.map((artifact) => ({
        key: artifact.blobKey,
        evidenceId: record.id,
        data: fixture.blobs.get(artifact.blobKey)!,
      })),
    ),
  );
  await db.custody.bulkAdd(fixture.context.custody);
  await rebuildCoverageIndex(db);
}

let db: EvidenceDatabase;
let mine: Fixture;
let validItems: ZipItem[];
let root: string;

beforeEach(async () => {
  db = new EvidenceDatabase(`import-test-${Math.random()}`);
  mine = await makeFixture({ prefix: 'A' });
  await seed(db, mine);
  validItems = await unpack(await bundleBytes(await makeFixture({ prefix: 'B' })));
  root = validItems[0]!.name.split('/')[0]!;
});

const options = { actor: 'bob@example.com', at: '2025-04-10T12:00:00.000Z' };
const item = (path: string) => validItems.find((entry) => entry.name === `${root}/${path}`)!;
const without = (path: string) => validItems.filter((entry) => entry.name !== `${root}/${path}`);
const evidencePath = (file: string) => `data/evidence/EV-20250110-BAAAAA/${file}`;

async function expectRefused(
  zip: Uint8Array,
  problem: string | RegExp,
  extra: Partial<Parameters<typeof importBundleFile>[2]> = {},
): Promise<ImportResult> {
  const before = await snapshot(db);
  const result = await importBundleFile(db, new Blob([zip as Uint8Array<ArrayBuffer>]), {
    ...options,
    ...extra,
  });
  expect(result.ok).toBe(false);
  if (!result.ok) {
    if (typeof problem === 'string') expect(result.problems.join('\n')).toContain(problem);
    else expect(result.problems.join('\n')).toMatch(problem);
  }
  expect(await snapshot(db)).toEqual(before);
  return result;
}

describe('importBundleFile refuses malformed bundles and changes nothing', () => {
  it('accepts the unmodified repacked bundle (the fixtures below differ only in the fault)', async () => {
    const result = await importBundleFile(
      db,
      new Blob([pack(validItems) as Uint8Array<ArrayBuffer>]),
      options,
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['an absolute path', '/etc/passwd', 'Unsafe entry "/etc/passwd": it is an absolute path'],
    ['a drive letter', 'C:/evil.txt', 'Unsafe entry "C:/evil.txt": it is an absolute path'],
    [
      'a .. segment',
      'ROOT/data/../../evil.txt',
      'Unsafe entry "ROOT/data/../../evil.txt": it contains a ".." segment',
    ],
    ['a backslash', 'ROOT/data\\evil.txt', 'Unsafe entry "ROOT/data\\evil.txt": it contains a backslash'],
    ['a second top-level folder', 'other/readme.txt', 'top-level entries ("ROOT", "other")'],
    ['a file beside the folder', 'readme.txt', 'Entry "readme.txt" lies outside the bundle folder.'],
  ])('%s', async (_label, name, problem) => {
    const zip = pack([...validItems, { name: name.replace('ROOT', root), data: bytes('x') }]);
    await expectRefused(zip, problem.replaceAll('ROOT', root));
  });

  it('a symbolic link', async () => {
    const zip = pack([
      ...validItems,
      { name: `${root}/data/link`, data: bytes('/etc/passwd'), mode: 0o120777 },
    ]);
    await expectRefused(zip, `Unsafe entry "${root}/data/link": it is a symbolic link.`);
  });

  it('duplicate names, exact and by case', async () => {
    const duplicate = { ...item('data/VERIFY.txt') };
    await expectRefused(
      pack([...validItems, duplicate]),
      `Duplicate entry "${root}/data/VERIFY.txt": the zip holds it more than once.`,
    );
    const cased = { name: `${root}/data/verify.TXT`, data: bytes('x') };
    await expectRefused(pack([...validItems, cased]), 'collides with');
  });

  it('a declared size over the limit', async () => {
    await expectRefused(
      pack(validItems),
      /Entry ".*original\.png" declares \d+ bytes, more than the limit of 3000\./,
      {
        limits: { maxEntryBytes: 3000 },
      },
    );
  });

  it('a compression ratio that looks like a zip bomb', async () => {
    const zip = pack([
      ...validItems,
      { name: `${root}/data/zeros.bin`, data: new Uint8Array(4 * 1024 * 1024) },
    ]);
    await expectRefused(zip, /Entry ".*zeros\.bin" expands \d+:1 .* which looks like a zip bomb/);
  });

  it('a declared total over the limit', async () => {
    await expectRefused(pack(validItems), /The zip declares \d+ bytes in all, more than the limit of 20000/, {
      limits: { maxTotalBytes: 20_000 },
    });
  });

  it('an entry larger than it declares', async () => {
    const zip = pack(validItems);
    const name = bytes(`${root}/data/VERIFY.txt`);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let at = 0; at < zip.length - name.length; at++) {
      if (!name.every((byte, index) => zip[at + index] === byte)) continue;
      // Uncompressed size: offset 22 of a local file header, offset 24 of a central directory record.
      for (const [headerLength, signature, sizeOffset] of [
        [30, 0x04034b50, 22],
        [46, 0x02014b50, 24],
      ] as const) {
        if (view.getUint32(at - headerLength, true) !== signature) continue;
        view.setUint32(at - headerLength + sizeOffset, 100, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    await expectRefused(
      zip,
      'data/VERIFY.txt does not hold the 100 bytes it declares: the zip is damaged or a zip bomb.',
    );
  });

  it('a payload file missing from the manifest', async () => {
    await expectRefused(
      pack(rebag([...validItems, { name: `${root}/data/extra.txt`, data: bytes('x') }])),
      'data/extra.txt is not listed in manifest-sha256.txt.',
    );
  });

  it('a file listed in the manifest but missing', async () => {
    await expectRefused(
      pack(rebag(without(evidencePath('text.txt')))),
      `manifest-sha256.txt lists ${evidencePath('text.txt')}, which is missing from the bundle.`,
    );
  });

  it('a tag file missing from the tag manifest', async () => {
    await expectRefused(
      pack([...validItems, { name: `${root}/notes.txt`, data: bytes('x') }]),
      'notes.txt is not listed in tagmanifest-sha256.txt.',
    );
  });

  it('a payload hash mismatch', async () => {
    const original = item(evidencePath('original.png'));
    original.data = original.data.slice();
    original.data[original.data.length - 1]! ^= 1;
    await expectRefused(
      pack(validItems),
      `${evidencePath('original.png')} does not match its SHA-256 in manifest-sha256.txt.`,
    );
  });

  it('a tag file hash mismatch', async () => {
    item('bag-info.txt').data = bytes(text(item('bag-info.txt').data).replace('Acme GmbH', 'Evil Corp'));
    await expectRefused(
      pack(rebag(validItems, { tags: false })),
      'bag-info.txt does not match its SHA-256 in tagmanifest-sha256.txt.',
    );
  });

  it('bytes changed and re-manifested still disagree with record.json', async () => {
    const original = item(evidencePath('original.png'));
    original.data = original.data.slice();
    original.data[original.data.length - 1]! ^= 1;
    await expectRefused(
      pack(rebag(validItems, { manifest: true })),
      `${evidencePath('original.png')} does not match the SHA-256 and size recorded in record.json.`,
    );
  });

  it('a malformed bagit.txt', async () => {
    item('bagit.txt').data = bytes('BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n');
    await expectRefused(pack(rebag(validItems)), 'bagit.txt: BagIt version 2.0 is not supported');
  });

  it('a Payload-Oxum that disagrees with the payload', async () => {
    item('bag-info.txt').data = bytes(
      text(item('bag-info.txt').data).replace(/Payload-Oxum: .*/, 'Payload-Oxum: 1.1'),
    );
    await expectRefused(
      pack(rebag(validItems)),
      /bag-info\.txt: Payload-Oxum says 1\.1, but the payload is \d+\.31/,
    );
  });

  it('bag-info.txt without Payload-Oxum', async () => {
    item('bag-info.txt').data = bytes(text(item('bag-info.txt').data).replace(/Payload-Oxum: .*\n/, ''));
    await expectRefused(pack(rebag(validItems)), 'bag-info.txt has no Payload-Oxum.');
  });

  it('an unparsable record.json', async () => {
    item(evidencePath('record.json')).data = bytes('{"format": "isms-evidence-record/1",');
    await expectRefused(
      pack(rebag(validItems, { manifest: true, oxum: true })),
      `${evidencePath('record.json')} is not valid JSON`,
    );
  });

  it('a broken custody chain', async () => {
    const log = item('data/custody-log.jsonl');
    log.data = bytes(text(log.data).replace('"actor":"alice@example.com"', '"actor":"mallory@example.com"'));
    await expectRefused(
      pack(rebag(validItems, { manifest: true, oxum: true })),
      'data/custody-log.jsonl: broken custody chain — Custody entry 1 (capture) was changed after it was written.',
    );
  });

  it('a custody entry removed', async () => {
    const log = item('data/custody-log.jsonl');
    log.data = bytes(
      text(log.data)
        .split('\n')
        .filter((_, index) => index !== 1)
        .join('\n'),
    );
    await expectRefused(pack(rebag(validItems, { manifest: true, oxum: true })), 'broken custody chain');
  });

  it('something that is not a zip', async () => {
    await expectRefused(
      bytes('PK but not really a zip file at all'),
      'This file is not a readable ZIP archive',
    );
  });

  it('an encrypted bundle without its passphrase, or with a wrong one', async () => {
    const encrypted = await bundleBytes(await makeFixture({ prefix: 'B' }), 'open sesame');
    const missing = await expectRefused(
      encrypted,
      'This bundle is encrypted: enter its passphrase to open it.',
    );
    expect(!missing.ok && missing.needsPassword).toBe(true);
    const wrong = await expectRefused(encrypted, 'The passphrase is wrong', { password: 'open sesame!' });
    expect(!wrong.ok && wrong.needsPassword).toBe(true);
  });
});

async function newSigner(): Promise<BundleSigner> {
  const key = await generateSigningKey();
  return {
    algorithm: key.algorithm,
    publicKeyPem: spkiToPem(key.spki),
    fingerprint: await fingerprintOf(key.spki),
    sign: (data) => signBytes(key.keyPair.privateKey, key.algorithm, data),
  };
}

describe('importBundleFile refuses a bundle whose signature fails, and changes nothing', () => {
  let signed: ZipItem[];
  let other: ZipItem[];
  beforeEach(async () => {
    const key = await newSigner();
    signed = await unpack(await bundleBytes(await makeFixture({ prefix: 'B' }), undefined, key));
    other = await unpack(await bundleBytes(await makeFixture({ prefix: 'C' }), undefined, key));
  });
  const at = (items: ZipItem[], path: string) => items.find((entry) => entry.name.endsWith(`/${path}`))!;
  /** The tag manifest recomputed by a forger, public key included. */
  const retag = (items: ZipItem[]) => {
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signature/public-key.pem'];
    at(items, 'tagmanifest-sha256.txt').data = bytes(
      tags.map((path) => `${sha(at(items, path).data)}  ${path}\n`).join(''),
    );
    return items;
  };

  it('accepts it signed, and names the signer as unknown to this database', async () => {
    const result = await importBundleFile(db, new Blob([pack(signed) as Uint8Array<ArrayBuffer>]), options);
    expect(result.ok && result.summary.signature).toMatchObject({ state: 'signed', signer: null });
  });

  it('a signature changed by one byte', async () => {
    const sig = at(signed, 'signature/bag.sig');
    sig.data = sig.data.slice();
    sig.data[5] = sig.data[5]! ^ 0x01;
    await expectRefused(pack(signed), /signature\/bag\.sig does not verify over tagmanifest-sha256\.txt/);
  });

  it("another bundle's signature (made by the same key over its own manifest)", async () => {
    at(signed, 'signature/bag.sig').data = at(other, 'signature/bag.sig').data;
    await expectRefused(pack(signed), /belongs to another bundle/);
  });

  it('an unknown algorithm in bag-info.txt', async () => {
    const info = at(signed, 'bag-info.txt');
    info.data = bytes(text(info.data).replace(/Bag-Signing-Algorithm: .*/, 'Bag-Signing-Algorithm: RSA-PSS'));
    await expectRefused(pack(retag(signed)), /signing algorithm "RSA-PSS", which this version cannot check/);
  });

  it('the signature removed', async () => {
    const items = signed.filter((entry) => !entry.name.endsWith('/signature/bag.sig'));
    await expectRefused(pack(items), /signature\/bag\.sig or signature\/public-key\.pem is missing/);
  });

  it('a key other than the one bag-info.txt names', async () => {
    at(signed, 'signature/public-key.pem').data = bytes((await newSigner()).publicKeyPem);
    await expectRefused(pack(retag(signed)), /not the key whose fingerprint bag-info\.txt names/);
  });
});

describe('importBundleFile merges a teammate bundle', () => {
  async function teammateBundle(password?: string): Promise<Uint8Array> {
    const theirs = await makeFixture({ prefix: 'B' });
    // They also hold my first record, unchanged, and a copy of my second whose text differs.
    const shared = mine.records[0]!;
    const changed = structuredClone(mine.records[1]!);
    const textArtifact = changed.artifacts.find((artifact) => artifact.name === 'text.txt')!;
    const newText = bytes('Backup job FAILED');
    textArtifact.sha256 = sha(newText);
    textArtifact.size = newText.length;
    textArtifact.blobKey = 'theirs/text.txt';
    theirs.blobs.set('theirs/text.txt', new Blob([newText]));
    for (const artifact of [...shared.artifacts, ...changed.artifacts]) {
      if (!theirs.blobs.has(artifact.blobKey))
        theirs.blobs.set(artifact.blobKey, mine.blobs.get(artifact.blobKey)!);
    }
    theirs.records.push(shared, changed);
    theirs.context.custody = custodyChain(theirs.records, 'bob@example.com');
    return bundleBytes(theirs, password);
  }

  it('adds new evidence, skips what is held, reports conflicts, and logs one import entry', async () => {
    const before = await snapshot(db);
    const result = await importBundleFile(
      db,
      new Blob([(await teammateBundle()) as Uint8Array<ArrayBuffer>]),
      options,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.summary).toMatchObject({
      organisation: 'Acme GmbH',
      baggingDate: '2025-04-02',
      evidenceCount: 5,
      custodyEntries: 5,
    });
    expect(result.outcome.added.sort()).toEqual([
      'EV-20250110-BAAAAA',
      'EV-20250215-BBBBBB',
      'EV-20250301-BCCCCC',
    ]);
    expect(result.outcome.skipped).toEqual([mine.records[0]!.id]);
    expect(result.outcome.conflicts).toEqual([
      { evidenceId: mine.records[1]!.id, reason: expect.stringContaining('text.txt') },
    ]);

    const held = await db.evidence.get(mine.records[1]!.id);
    expect(held).toEqual(before.evidence.find((record) => record.id === mine.records[1]!.id));
    const added = (await db.evidence.get('EV-20250110-BAAAAA'))!;
    expect(added.sequence).toBe(4);
    expect(added.title).toBe('<img src=x onerror=alert(1)>');
    for (const artifact of added.artifacts) {
      const row = (await db.blobs.get(artifact.blobKey))!;
      expect(sha(new Uint8Array(await row.data.arrayBuffer()))).toBe(artifact.sha256);
      expect(row.data.type).toBe(artifact.mimeType);
    }
    expect((await db.coverageIndex.get('A.5.15'))!.items.map((entry) => entry.evidenceId)).toContain(
      'EV-20250110-BAAAAA',
    );

    const custody = await db.custody.orderBy('sequence').toArray();
    expect(custody).toHaveLength(before.custody.length + 1);
    const entry = custody.at(-1)!;
    expect(entry).toMatchObject({ event: 'import', actor: 'bob@example.com', evidenceId: null });
    expect(entry.details).toMatchObject({
      bundle: 'isms-evidence_acme-gmbh_2025-04-02',
      added: 3,
      skipped: 1,
      conflicts: 1,
      bundleCustodyEntries: 5,
    });
    expect(entry.details.bundleLastCustodyHash).toBe(result.summary.lastCustodyHash);
    expect(verifyChain(custody)).toEqual([]);

    const again = await importBundleFile(
      db,
      new Blob([(await teammateBundle()) as Uint8Array<ArrayBuffer>]),
      options,
    );
    expect(again.ok && again.outcome.added).toEqual([]);
    expect(await db.evidence.count()).toBe(6);
  });

  it('opens an encrypted bundle with its passphrase', async () => {
    const result = await importBundleFile(
      db,
      new Blob([(await teammateBundle('s3cret')) as Uint8Array<ArrayBuffer>]),
      { ...options, password: 's3cret' },
    );
    expect(result.ok && result.summary.encrypted).toBe(true);
    expect(result.ok && result.outcome.added).toHaveLength(3);
  });
});
