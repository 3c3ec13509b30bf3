// Run by scripts/bench/team-pull.mjs (`npm run bench`, BENCH_ONLY=team-pull): the compliance lead's pull of a
// team store in Node against a loopback Ceph RGW (tests/support/ceph-rgw.sh), with the extension's own pull,
// verification and cache code on fake-indexeddb. Seeds the bucket directly through S3 (parallel PUTs of what
// sync writes: one blob, one custody entry and one record object per capture), then measures the engine's own
// GET rate on the same objects (the floor of any pull that reads every object), a plain ListObjectVersions,
// pull + verify + team coverage, a pull with nothing new, and the team coverage computation afterwards.
// BENCH_TEAM_INSTALLATIONS × BENCH_TEAM_RECORDS size the run; the result goes to BENCH_TEAM_OUT as JSON.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { EvidenceDatabase } from '@/storage/db';
import { openTeamCache, readTeamSnapshot } from '@/storage/team-cache';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { canonicalJson } from '@/utils/integrity/custody';
import { blobKey, custodyKey, installationsRoot, recordKey } from '@/utils/team-store/keys';
import { mapLimited, pullTeam, PULL_CONCURRENCY } from '@/utils/team-store/pull';
import { recordObject } from '@/utils/team-store/record-object';
import { S3Store } from '@/utils/team-store/s3-client';
import { teamView } from '@/utils/team-store/team-view';
import { startRgw, stopRgw } from '@/tests/support/ceph-rgw';
import { captureChain, sampleEvidence } from '@/tests/support/team-data';

const INSTALLATIONS = Number(process.env.BENCH_TEAM_INSTALLATIONS ?? 20);
const RECORDS = Number(process.env.BENCH_TEAM_RECORDS ?? 500);
const SEED_CONCURRENCY = 32;
const seconds = (start: number) => (performance.now() - start) / 1000;
const json = (value: unknown) => new TextEncoder().encode(canonicalJson(value));

/** Resident memory of the cluster's daemons (the OSD keeps every object in RAM), in MiB. */
function daemonRss(directory: string): Record<string, number> {
  const rss: Record<string, number> = {};
  for (const name of ['mon.a', 'osd.0', 'client.rgw.isms']) {
    try {
      const pid = readFileSync(path.join(directory, 'run', `${name}.pid`), 'utf8').trim();
      const kib = Number(execFileSync('ps', ['-o', 'rss=', '-p', pid], { encoding: 'utf8' }).trim());
      rss[name] = Math.round(kib / 1024);
    } catch {
      // The daemon is gone: nothing to report.
    }
  }
  return rss;
}

it('pulls, verifies and computes team coverage', async () => {
  const rgw = await startRgw('bench');
  try {
    const store = new S3Store({
      endpoint: rgw.endpoint,
      region: 'us-east-1',
      bucket: 'bench-team',
      prefix: 'acme',
      pathStyle: true,
      accessKeyId: rgw.accessKeyId,
      secretAccessKey: rgw.secretAccessKey,
    });
    await store.request('PUT', '', '', { 'x-amz-bucket-object-lock-enabled': 'true' });
    const controls = DEFAULT_CATALOGUE.items.map((item) => item.id);

    // Seeding: every object sync would write, PUT straight through S3, many at once.
    const objects: { key: string; body: Uint8Array; type: string }[] = [];
    const blobKeys: string[] = [];
    for (let i = 0; i < INSTALLATIONS; i += 1) {
      const id = `inst${String(i).padStart(2, '0')}`;
      const evidence = Array.from({ length: RECORDS }, (_, n) =>
        sampleEvidence(id, n + 1, { controls: [controls[(n * 7 + i) % controls.length]!] }),
      );
      const chain = captureChain(evidence.map(({ record }) => record.id));
      for (const { record, blobs } of evidence) {
        const entry = chain[record.sequence - 1]!;
        for (const blob of blobs) {
          objects.push({
            key: blobKey('acme', blob.sha256),
            body: blob.bytes,
            type: 'application/octet-stream',
          });
          blobKeys.push(blobKey('acme', blob.sha256));
        }
        objects.push({
          key: custodyKey('acme', id, entry.sequence, entry.hash),
          body: json(entry),
          type: 'application/json',
        });
        objects.push({
          key: recordKey('acme', id, record.id, 1),
          body: json(recordObject(id, 1, record, [entry.sequence])),
          type: 'application/json',
        });
      }
    }
    let start = performance.now();
    await mapLimited(objects, SEED_CONCURRENCY, ({ key, body, type }) => store.putObject(key, body, type));
    const seed = seconds(start);

    // The engine's own rate: GET every blob once at the pull's concurrency, nothing else done with the bytes.
    // Measured before and after the pull (the machine is shared: the better of the two is the engine's rate).
    const rawGets = async () => {
      const begin = performance.now();
      await mapLimited(blobKeys, PULL_CONCURRENCY, (key) => store.getObject(key));
      return seconds(begin);
    };
    const rawGetBefore = await rawGets();

    start = performance.now();
    let listed = 0;
    let marker: { key?: string; version?: string } = {};
    for (;;) {
      const page = await store.listVersions(installationsRoot('acme'), marker.key, marker.version, 1000);
      listed += page.versions.length;
      if (!page.nextKeyMarker) break;
      marker = {
        key: page.nextKeyMarker,
        ...(page.nextVersionIdMarker ? { version: page.nextVersionIdMarker } : {}),
      };
    }
    const baseline = seconds(start);

    const db = new EvidenceDatabase('bench-team');
    start = performance.now();
    const result = await pullTeam(store, await openTeamCache(db, 'bench'));
    const snapshot = await readTeamSnapshot(db);
    const lead = { controlStates: [], plan: null, findings: [] };
    const first = teamView(DEFAULT_CATALOGUE, snapshot.installations, lead, '2026-12-03');
    const pull = seconds(start);

    start = performance.now();
    const again = teamView(DEFAULT_CATALOGUE, (await readTeamSnapshot(db)).installations, lead, '2026-12-03');
    const view = seconds(start);

    start = performance.now();
    const idle = await pullTeam(store, await openTeamCache(db, 'bench'));
    const incremental = seconds(start);

    const rawGetAfter = await rawGets();
    const rawGet = Math.min(rawGetBefore, rawGetAfter);
    const getsPerSecond = blobKeys.length / rawGet;

    const records = INSTALLATIONS * RECORDS;
    const perRecordObjects = objects.length / records;
    writeFileSync(
      process.env.BENCH_TEAM_OUT ?? '/tmp/team-pull-bench.json',
      JSON.stringify({
        installations: INSTALLATIONS,
        records,
        objects: objects.length,
        concurrency: PULL_CONCURRENCY,
        seedSeconds: seed,
        seedObjectsPerSecond: objects.length / seed,
        rawGetSeconds: rawGet,
        rawGetBeforeSeconds: rawGetBefore,
        rawGetAfterSeconds: rawGetAfter,
        rawGets: blobKeys.length,
        rawGetsPerSecond: getsPerSecond,
        baselineListingSeconds: baseline,
        listedVersions: listed,
        pullVerifyCoverageSeconds: pull,
        pulledVersions: result.listing.fetched,
        blobsFetched: result.blobsFetched,
        pullObjectsPerSecond: (result.listing.fetched + result.blobsFetched) / pull,
        recordsPerSecond: records / pull,
        extrapolated200kSeconds: (200_000 / records) * pull,
        engineFloor200kSeconds: (200_000 * perRecordObjects) / getsPerSecond,
        teamCoverageViewMs: view * 1000,
        noChangePullSeconds: incremental,
        noChangeFetched: idle.listing.fetched,
        verifiedRecords: first.records,
        findings: first.findings.length + again.findings.length,
        daemonRssMiB: daemonRss(rgw.directory),
      }),
    );
    db.close();
  } finally {
    stopRgw(rgw);
  }
});
