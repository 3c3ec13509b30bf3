import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every released schema version but the newest keeps a raw database dump, written by that release
// (tests/fixtures/schema/make-fixture.mjs), which tests/e2e/fault-schema-upgrade.test.ts upgrades.
const versions = readdirSync(__dirname)
  .flatMap((file) => /^v(\d+)\.ts$/.exec(file)?.[1] ?? [])
  .map(Number)
  .sort((a, b) => a - b);
const fixtureOf = (version: number) =>
  path.resolve(__dirname, '../../tests/fixtures/schema', `v${version}.json`);

describe('schema fixtures', () => {
  it.each(versions.slice(0, -1))('keeps a database written by version %i', (version) => {
    expect(existsSync(fixtureOf(version))).toBe(true);
    const dump = JSON.parse(readFileSync(fixtureOf(version), 'utf8')) as {
      version: number;
      stores: unknown[];
    };
    expect(dump.version).toBe(version * 10); // Dexie's version n is IndexedDB version 10n
    expect(dump.stores.length).toBeGreaterThan(0);
  });
});
