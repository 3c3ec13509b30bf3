import type { PageLimits } from './types';

export const DEFAULT_LIMITS: PageLimits = {
  maxTextChars: 2_000_000,
  maxTableRows: 100_000,
  maxTables: 200,
  maxDomBytes: 5 * 1024 * 1024,
};
