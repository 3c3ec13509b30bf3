import { describe, expect, it } from 'vitest';
import { parseRoute } from './routes';

describe('parseRoute', () => {
  it.each([
    ['', { section: 'overview', controlId: null }],
    ['#', { section: 'overview', controlId: null }],
    ['#plan', { section: 'plan', controlId: null }],
    ['#/findings', { section: 'findings', controlId: null }],
    ['#export', { section: 'export', controlId: null }],
    ['#control/A.8.13', { section: 'controls', controlId: 'A.8.13' }],
    ['#control/a8.13', { section: 'controls', controlId: 'A.8.13' }],
    ['#control/9.2', { section: 'controls', controlId: '9.2' }],
    ['#control/A%2E8%2E13', { section: 'controls', controlId: 'A.8.13' }],
    ['#control/', { section: 'overview', controlId: null }],
    ['#risk/R-12', { section: 'risks', controlId: null, riskId: 'R-12' }],
    ['#risk/R%201', { section: 'risks', controlId: null, riskId: 'R 1' }],
    ['#nowhere', { section: 'overview', controlId: null }],
    ['#%E0%A4%A', { section: 'overview', controlId: null }],
  ])('%j → %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
