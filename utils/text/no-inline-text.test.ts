import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a user reads lives in utils/text, so that it can be translated. This test parses the UI
 * sources and fails on words written inline: JSX text, text attributes, and strings in value position
 * of a JSX expression (`{busy ? 'Saving…' : 'Save'}`, `{x || 'none'}`).
 */

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['components', 'entrypoints', 'platform'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
const HAS_LETTER = /\p{L}/u;

/** Files not yet converted (an entry is removed once its file reads from utils/text): none left. */
const ALLOWED_FILES = new Set<string>([]);
const ALLOWED_PREFIXES: string[] = [];

/** Text that is the same in every language. */
const ALLOWED_TEXT = new Set<string>([]);

export interface InlineText {
  line: number;
  text: string;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
  return null;
}

/** Strings an expression can evaluate to directly (not arguments, keys or comparisons). */
function valueStrings(node: ts.Node, found: ts.Node[]): void {
  if (literalText(node) !== null) {
    found.push(node);
    if (ts.isTemplateExpression(node))
      node.templateSpans.forEach((span) => valueStrings(span.expression, found));
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
    valueStrings(node.expression, found);
  } else if (ts.isConditionalExpression(node)) {
    valueStrings(node.whenTrue, found);
    valueStrings(node.whenFalse, found);
  } else if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    if (kind === ts.SyntaxKind.PlusToken) valueStrings(node.left, found);
    if (
      kind === ts.SyntaxKind.BarBarToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      kind === ts.SyntaxKind.PlusToken
    )
      valueStrings(node.right, found);
  }
}

/** Inline user-facing text in one TSX source. */
export function findInlineText(source: string, fileName = 'fixture.tsx'): InlineText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: InlineText[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (!HAS_LETTER.test(trimmed) || ALLOWED_TEXT.has(trimmed)) return;
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: trimmed });
  };
  const reportValues = (expression: ts.Node) => {
    const strings: ts.Node[] = [];
    valueStrings(expression, strings);
    for (const node of strings) report(node, literalText(node) ?? '');
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText())) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      else if (value && ts.isJsxExpression(value) && value.expression) reportValues(value.expression);
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      reportValues(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name).split('\\').join('/'))
    .filter((path) => path.endsWith('.tsx') && !path.endsWith('.test.tsx'));
}

const isAllowed = (path: string) =>
  ALLOWED_FILES.has(path) || ALLOWED_PREFIXES.some((prefix) => path.startsWith(prefix));

describe('user-facing text', () => {
  it('finds inline words in a fixture, so the check below can fail', () => {
    const fixture = [
      'export const A = ({ busy, n }: { busy: boolean; n: string }) => (',
      '  <form aria-label="Delete evidence" class="delete-form" data-testid="delete-form">',
      '    <p>Deleting removes the stored images.</p>',
      '    <input placeholder={`ID or words`} title={busy ? "Busy" : text.idle} />',
      "    <button>{busy ? 'Deleting…' : text.delete}</button>",
      "    <span>{n || 'none'} {n === 'x' ? text.a : text.b} {list.join(', ')} ✓ {text.count(2)}</span>",
      '  </form>',
      ');',
    ].join('\n');
    expect(findInlineText(fixture).map((hit) => `${hit.line}: ${hit.text}`)).toEqual([
      '2: Delete evidence',
      '3: Deleting removes the stored images.',
      '4: ID or words',
      '4: Busy',
      '5: Deleting…',
      '6: none',
    ]);
  });

  it('is not in components, entrypoints or platform pages outside the allow-list', () => {
    const inline = SCANNED.flatMap(sources)
      .filter((path) => !isAllowed(path))
      .flatMap((path) =>
        findInlineText(readFileSync(join(ROOT, path), 'utf8'), path).map(
          (hit) => `${relative(ROOT, join(ROOT, path))}:${hit.line}: ${hit.text}`,
        ),
      );
    expect(inline).toEqual([]);
  });

  it('lists only files that exist in the allow-list', () => {
    const all = new Set(SCANNED.flatMap(sources));
    expect([...ALLOWED_FILES].filter((path) => !all.has(path))).toEqual([]);
  });
});
