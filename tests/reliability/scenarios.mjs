// Every fault and bad input the end-to-end suite tries, with the behaviour it must show. The suite
// records one outcome per scenario (tests/e2e/reliability.ts); scripts/reliability-report.mjs turns the
// outcomes into docs/RELIABILITY.md, and scenarios.test.ts checks each scenario has a test recording it.

/** @type {{ id: string, kind: 'fault' | 'attack', test: string, tried: string, expected: string }[]} */
export const SCENARIOS = [
  {
    id: 'disk-full-capture',
    kind: 'fault',
    test: 'tests/e2e/fault-disk-full.test.ts',
    tried:
      'The disk holding IndexedDB fills up (a 16 MiB tmpfs, filled to the last block) before a capture is stored',
    expected:
      'The popup says the disk is full; no partial record, blob or custody entry; earlier evidence intact; capturing works once space is freed',
  },
  {
    id: 'worker-stopped-mid-capture',
    kind: 'fault',
    test: 'tests/e2e/fault-worker-stop.test.ts',
    tried:
      'The service worker is stopped (DevTools `ServiceWorker.stopAllWorkers`) while a full-page capture scrolls a tall page',
    expected:
      'The capture is stored whole or not at all; the user is told; the page is put back (scroll, styles); the next capture works and the custody chain verifies',
  },
  {
    id: 'export-tab-closed',
    kind: 'fault',
    test: 'tests/e2e/fault-export-closed.test.ts',
    tried: 'The export tab is closed while it writes the bundle',
    expected: 'The database is byte-for-byte the same as before; a new export completes and verifies',
  },
  {
    id: 'schema-v1-upgrade',
    kind: 'fault',
    test: 'tests/e2e/fault-schema-upgrade.test.ts',
    tried:
      'The current build starts on a profile holding a version 1 database (tests/fixtures/schema/v1.json, dumped from the v1 release, loaded raw); the service worker, the dashboard and the popup all open it as the browser starts',
    expected:
      'Upgraded to the current version with every record, blob and custody entry intact; the popup lists the v1 capture left for review; no error shown; the chain continues',
  },
  {
    id: 'clock-backwards',
    kind: 'fault',
    test: 'tests/e2e/fault-clock-concurrency.test.ts',
    tried: 'The service worker clock moves back one day between two captures',
    expected:
      'Sequence numbers keep commit order; a clock-anomaly entry is in the custody log; the chain verifies',
  },
  {
    id: 'two-windows-at-once',
    kind: 'fault',
    test: 'tests/e2e/fault-clock-concurrency.test.ts',
    tried: 'Two captures started at the same moment from two browser windows',
    expected: 'Both stored whole; sequence numbers 1..n without gaps; one linear custody chain',
  },
  {
    id: 'web-page-message',
    kind: 'attack',
    test: 'tests/e2e/attack-messaging.test.ts',
    tried: 'A web page calls `chrome.runtime.sendMessage(extensionId, …)` and `connect` to the extension',
    expected: 'Refused by the browser (no externally_connectable); nothing stored',
  },
  {
    id: 'content-script-message',
    kind: 'attack',
    test: 'tests/e2e/attack-messaging.test.ts',
    tried: 'Code in the extension’s page agent world (a content script) sends privileged messages',
    expected: 'The background refuses them: no settings changed, no evidence stored or deleted',
  },
  {
    id: 'hostile-page-strings',
    kind: 'attack',
    test: 'tests/e2e/attack-page-strings.test.ts',
    tried:
      'A page whose title, URL (query and fragment), table cells and the notes typed for it hold `<img onerror>`, `<svg onload>`, `<script>`, `javascript:` and `=cmd|` strings (index.html and register.csv: tests/e2e/bundle.test.ts)',
    expected:
      'Shown as text in the popup’s tagging view and review list and in the dashboard’s library, detail, overview and controls',
  },
  {
    id: 'hostile-file-names',
    kind: 'attack',
    test: 'tests/e2e/attack-file-names.test.ts',
    tried:
      "Files dropped in the dashboard named `../../evil<script>.html`, `=cmd|' /C calc'!A0.csv`, with a backslash path, a NUL and a 300-character name",
    expected:
      'Stored under safe names; every zip entry relative, no `..`, no absolute or backslash path, unique; names inert in the library, index.html and CSV',
  },
  {
    id: 'no-network',
    kind: 'attack',
    test: 'tests/e2e/chromium.mjs',
    tried:
      'Every browser the end-to-end suite launches records a NetLog; each request the extension starts is checked when the browser closes',
    expected:
      'No request from the extension (pages and service worker) goes anywhere but the loopback fixture server or the extension itself; the check catches one that does (tests/e2e/network-guard.test.ts)',
  },
  {
    id: 'team-store-outage',
    kind: 'fault',
    test: 'tests/e2e/team-sync.test.ts',
    tried:
      'The team store (a loopback Ceph RGW with Object Lock) stops answering while a capture is queued for upload, then starts again',
    expected:
      'The dashboard queue says in words that sync is paused offline; after the restart the queue resumes by itself and every object is in the bucket once, none lost, no second version',
  },
  {
    id: 'team-store-worker-stopped',
    kind: 'fault',
    test: 'tests/e2e/team-sync.test.ts',
    tried:
      'The service worker is stopped (`ServiceWorker.stopAllWorkers`) while its uploads hang in a frozen gateway',
    expected:
      'The job stays in the queue; the next start of the worker takes it up again and skips what it wrote; every object in the bucket once, none lost',
  },
  {
    id: 'team-store-forged-version',
    kind: 'attack',
    test: 'tests/e2e/team-view.test.ts',
    tried:
      'Someone with write access to the team bucket writes a new version of a synced record key through the S3 API, claiming one more control',
    expected:
      'The compliance lead’s next pull reports the key as tampered (two different versions under one name); that record is left out of team coverage and the team library, the control it claims stays missing',
  },
];
