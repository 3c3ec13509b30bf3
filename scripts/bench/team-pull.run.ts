// `BENCH_RUN_FILE=scripts/bench/team-pull.run.ts npx vitest run --config scripts/bench/vitest.bench.config.ts`:
// the compliance lead's pull of a team store in Node against a loopback Ceph RGW (tests/support/ceph-rgw.sh),
// with the extension's own cache code on fake-indexeddb. Measures seeding (what sync's uploads cost), a plain
// ListObjectVersions of the same objects with the raw S3 client (the baseline), pull + verify + team coverage,
// and the team coverage view afterwards. BENCH_TEAM_INSTALLATIONS × BENCH_TEAM_RECORDS size the run.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { EvidenceDatabase } from '@/storage/db';
import { openTeamCache, readTeamSnapshot } from '@/storage/team-cache';
import { DEFAULT_CATALOGUE } from '@/utils/catalogue/catalogue';
import { installationsRoot } from '@/utils/team-store/keys';
import { mapLimited, pullTeam } from '@/utils/team-store/pull';
import { S3Store } from '@/utils/team-store/s3-client';
import { teamView } from '@/utils/team-store/team-view';
import { uploadEvidence } from '@/utils/team-store/upload';
import { startRgw, stopRgw } from '@/tests/support/ceph-rgw';
import { captureChain, sampleEvidence } from '@/tests/support/team-data';

const INSTALLATIONS = Number(process.env.BENCH_TEAM_INSTALLATIONS ?? 4);
const RECORDS = Number(process.env.BENCH_TEAM_RECORDS ?? 500);
const seconds = (start: number) => (performance.now() - start) / 1000;

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

    let start = performance.now();
    for (let i = 0; i < INSTALLATIONS; i += 1) {
      const id = `inst${String(i).padStart(2, '0')}`;
      const evidence = Array.from({ length: RECORDS }, (_, n) =>
        sampleEvidence(id, n + 1, { controls: [controls[(n * 7 + i) % controls.length]!] }),
      );
      const chain = captureChain(evidence.map(({ record }) => record.id));
      await mapLimited(evidence, 8, ({ record, blobs }) =>
        uploadEvidence(store, {
          installationId: id,
          evidenceId: record.id,
          revision: 1,
          record,
          blobs,
          custody: [chain[record.sequence - 1]!],
        }),
      );
    }
    const seed = seconds(start);
    const objects = INSTALLATIONS * RECORDS * 3;

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

    const records = INSTALLATIONS * RECORDS;
    writeFileSync(
      process.env.BENCH_TEAM_OUT ?? '/tmp/team-pull-bench.json',
      JSON.stringify({
        installations: INSTALLATIONS,
        records,
        objects,
        seedSeconds: seed,
        seedObjectsPerSecond: objects / seed,
        baselineListingSeconds: baseline,
        listedVersions: listed,
        pullVerifyCoverageSeconds: pull,
        pulledVersions: result.listing.fetched,
        blobsFetched: result.blobsFetched,
        recordsPerSecond: records / pull,
        extrapolated200kSeconds: (200_000 / records) * pull,
        teamCoverageViewMs: view * 1000,
        noChangePullSeconds: incremental,
        noChangeFetched: idle.listing.fetched,
        verifiedRecords: first.records,
        findings: first.findings.length + again.findings.length,
      }),
    );
    db.close();
  } finally {
    stopRgw(rgw);
  }
});
