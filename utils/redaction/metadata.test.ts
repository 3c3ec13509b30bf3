import { describe, expect, it } from 'vitest';
import { MANUAL_REDACTION_SCOPE, withManualRedaction, type ManualRedaction } from './metadata';

const redaction = (at: string): ManualRedaction => ({
  at,
  actor: 'Alice',
  image: 'original.png',
  rectangles: [{ x: 10, y: 20, width: 30, height: 8 }],
  fractions: [{ x: 0.1, y: 0.2, width: 0.3, height: 0.08 }],
  scope: MANUAL_REDACTION_SCOPE,
});

describe('withManualRedaction', () => {
  it('appends each black-out to metadata.json and keeps every other field', () => {
    const once = withManualRedaction(
      '{"evidenceId":"EV-1","capturer":"Alice"}',
      redaction('2026-11-28T10:00:00Z'),
    );
    const twice = JSON.parse(withManualRedaction(once, redaction('2026-11-28T11:00:00Z'))) as Record<
      string,
      unknown
    >;
    expect(twice.evidenceId).toBe('EV-1');
    expect((twice.manualRedactions as ManualRedaction[]).map((r) => r.at)).toEqual([
      '2026-11-28T10:00:00Z',
      '2026-11-28T11:00:00Z',
    ]);
    expect(MANUAL_REDACTION_SCOPE).toMatch(/^pixels only/);
    expect(once.endsWith('}\n')).toBe(true);
  });
});
