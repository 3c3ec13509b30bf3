import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR, REPO_ROOT } from './firefox.mjs';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}

/**
 * The warnings `web-ext lint` may report, each with the README's explanation (section "web-ext lint").
 * `source` is a piece of the flagged code, so a new warning of the same kind elsewhere is not excused.
 */
const EXPLAINED_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    source: '.__html',
    why: "Preact's runtime implements dangerouslySetInnerHTML; our code never uses it (an ESLint rule forbids it).",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    source: 'await import(',
    why: 'zip.js can load a custom codec module from a URL; we never pass one, and the MV3 CSP forbids remote code.',
  },
  {
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    message: 'Manifest key not supported by the specified minimum Firefox version',
    source: null,
    why: 'data_collection_permissions (read from Firefox 140) is ignored by Firefox 128–139; the add-ons site requires it.',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    message: 'Manifest key not supported by the specified minimum Firefox for Android version',
    source: null,
    why: 'The same key on Android (read from 142); the add-on is listed for desktop Firefox only.',
  },
] as const;

describe('web-ext lint of the Firefox build', () => {
  let report: LintReport;

  beforeAll(() => {
    const result = spawnSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'],
      // No update check: web-ext would otherwise ask the npm registry for a newer version of itself.
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    report = JSON.parse(result.stdout) as LintReport;
  });

  it('reports no errors', () => {
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('reports only the warnings the README explains, each at the code it names', () => {
    for (const warning of report.warnings) {
      const explained = EXPLAINED_WARNINGS.find(
        (known) => known.code === warning.code && known.message === warning.message,
      );
      expect(explained, `${warning.code}: ${warning.message} in ${warning.file}`).toBeDefined();
      if (explained?.source && warning.file && warning.line && warning.column) {
        const line = readFileSync(path.join(FIREFOX_EXTENSION_DIR, warning.file), 'utf8').split('\n')[
          warning.line - 1
        ];
        const around = line?.slice(Math.max(0, warning.column - 200), warning.column + 200) ?? '';
        expect(around, `${warning.message} in ${warning.file}`).toContain(explained.source);
      }
    }
    expect(report.notices).toEqual([]);
  });

  it('has each excused warning explained in the README', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### `web-ext lint`'));
    expect(section.length).toBeLessThan(readme.length);
    for (const warning of EXPLAINED_WARNINGS) expect(section, warning.code).toContain(warning.message);
  });
});
