import { describe, expect, it } from 'vitest';
import { RESTORE_AFTER_FAILURE_MS, stepTimeoutMs } from './deadline';

describe('page step timeouts', () => {
  it('gives 20 s early on, less near the deadline, never under 5 s', () => {
    expect(stepTimeoutMs(0, 0)).toBe(20_000);
    expect(stepTimeoutMs(0, 40_000)).toBe(15_000);
    expect(stepTimeoutMs(0, 54_000)).toBe(5_000);
    expect(stepTimeoutMs(0, 90_000)).toBe(5_000);
  });

  it('bounds the worst case near a minute: tiles end by 45 s, then one step, then the restore', () => {
    const lastTileStep = stepTimeoutMs(0, 45_000);
    expect(45_000 + lastTileStep + RESTORE_AFTER_FAILURE_MS).toBeLessThanOrEqual(60_000);
  });
});
