import type { SkipKind, SkippedCounts } from '../../page/types';
import { counted } from '../plural';

const KIND_WORDS: Record<SkipKind, [one: string, other: string]> = {
  shadowRoot: ['shadow root', 'shadow roots'],
  style: ['element style', 'element styles'],
  element: ['element', 'elements'],
  table: ['table', 'tables'],
  frame: ['frame', 'frames'],
  maskScan: ['element the masking scan could not check', 'elements the masking scan could not check'],
  fixedElement: ['fixed or sticky candidate', 'fixed or sticky candidates'],
};

/** Order in which kinds are listed: what matters most to an auditor first. */
const KIND_ORDER: SkipKind[] = [
  'maskScan',
  'table',
  'frame',
  'element',
  'shadowRoot',
  'style',
  'fixedElement',
];

/** What the metadata says about how the page was read: skipped elements, frames. */
export const pageReadingText = {
  skipped: (counts: SkippedCounts) => {
    const parts = KIND_ORDER.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => {
      const [one, other] = KIND_WORDS[kind];
      return counted(counts[kind] ?? 0, one, other);
    });
    return `Page reading went past what it could not read: ${parts.join(', ')}. The rest of the capture is complete.`;
  },
  tableUnreadable: (name: string) => `${name} could not be read and is left empty`,
  /** Heads a frame's part of text.txt. */
  frameHeading: (url: string) => `--- Frame: ${url} ---`,
  framesIncluded: (urls: string[]) =>
    `${counted(urls.length, 'same-origin frame', 'same-origin frames')} read like the page itself (text, tables, DOM snapshot): ${urls.join(', ')}`,
  framesOtherOrigins: (count: number, origins: string[]) =>
    `${counted(count, 'frame', 'frames')} of another origin not included (the extension has no permission for ${origins.join(', ')})`,
};
