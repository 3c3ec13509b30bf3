// Each folder boundary of STYLE.md's layout is a lint rule; here every rule is broken on purpose and must fail,
// and the same file without the offending line must pass (so the failure is the rule's, not the snippet's).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const clean =
  "import { catalogue } from '@/utils/catalogue/catalogue';\nexport const size = catalogue.length;\n";

const broken: { folder: string; file: string; line: string; rule: string }[] = [
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: "import { getDatabase } from '@/storage/db';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: "import { browser } from 'wxt/browser';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: "import { collectPage } from '@/content/collect-page';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: 'export const title = document.title;',
    rule: 'no-restricted-globals',
  },
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: 'export const watcher = new MutationObserver(() => {});',
    rule: 'no-restricted-globals',
  },
  {
    folder: 'utils',
    file: 'utils/fixture.ts',
    line: 'export const canvas = new OffscreenCanvas(1, 1);',
    rule: 'no-restricted-globals',
  },
  {
    folder: 'content',
    file: 'content/fixture.ts',
    line: "import { browser } from 'wxt/browser';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'content',
    file: 'content/fixture.ts',
    line: "import { getDatabase } from '@/storage/db';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'content',
    file: 'content/fixture.ts',
    line: "import { ControlGrid } from '@/components/ControlGrid';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'content',
    file: 'content/fixture.ts',
    line: "import { refreshBadge } from '../background/badge';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'content',
    file: 'content/fixture.ts',
    line: 'export const store = indexedDB;',
    rule: 'no-restricted-globals',
  },
  {
    folder: 'storage',
    file: 'storage/fixture.ts',
    line: "import { browser } from 'wxt/browser';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'storage',
    file: 'storage/fixture.ts',
    line: "import { readManagedPolicy } from '@/platform/managed-policy';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'storage',
    file: 'storage/fixture.ts',
    line: "import { refreshBadge } from '@/background/badge';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'platform',
    file: 'platform/fixture.ts',
    line: "import { refreshBadge } from '@/background/badge';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'platform',
    file: 'platform/fixture.ts',
    line: "import { ControlGrid } from '@/components/ControlGrid';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'background',
    file: 'background/fixture.ts',
    line: "import { ControlGrid } from '@/components/ControlGrid';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'background',
    file: 'background/fixture.ts',
    line: "import { h } from 'preact';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'background',
    file: 'background/fixture.ts',
    line: "import { collectPage } from '@/content/collect-page';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'components',
    file: 'components/Fixture.tsx',
    line: "import { getDatabase } from '@/storage/db';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'components',
    file: 'components/Fixture.tsx',
    line: "import { browser } from 'wxt/browser';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'components',
    file: 'components/Fixture.tsx',
    line: "import { refreshBadge } from '@/background/badge';",
    rule: 'no-restricted-imports',
  },
  {
    folder: 'components',
    file: 'components/Fixture.tsx',
    line: 'export const store = indexedDB;',
    rule: 'no-restricted-globals',
  },
];

const tableAccess = ['background/fixture.ts', 'platform/fixture.ts', 'entrypoints/dashboard/fixture.ts'].map(
  (file) => ({ file, line: "export const read = (db: any) => db.evidence.get('EV-1');" }),
);

describe('folder boundaries are lint rules', () => {
  it.each([...new Set(broken.map((entry) => entry.file))])(
    '%s passes without a forbidden line',
    async (file) => {
      expect(await problems(file, clean)).toEqual([]);
    },
  );

  it.each(broken)('$folder: `$line` fails with $rule', async ({ file, line, rule }) => {
    const found = await problems(file, `${line}\n${clean}`);
    expect(found.some((problem) => problem.startsWith(`${rule}:`))).toBe(true);
  });

  it('lets a DOM reader in utils/ name DOM types in its signature', async () => {
    const code = 'export function titleOf(doc: Document): string {\n  return doc.title;\n}\n';
    expect(await problems('utils/fixture.ts', code)).toEqual([]);
  });

  it.each(tableAccess)('$file: a table read outside storage/ fails', async ({ file, line }) => {
    const found = await problems(file, `${line}\n${clean}`);
    expect(found).toContain('no-restricted-syntax: Read and write tables through a repository in storage/.');
  });

  it('still refuses innerHTML where the table rule applies', async () => {
    const found = await problems(
      'background/fixture.ts',
      `export const set = (el: any) => (el.innerHTML = 'x');\n${clean}`,
    );
    expect(found).toContain('no-restricted-syntax: Never set innerHTML.');
  });
});
