import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatUtcTime, localDay, utcOffsetMinutes } from './time';
import { parseBrowser } from './user-agent';
import { EVIDENCE_ID_PATTERN, newEvidenceId } from './evidence-id';

describe('time formatting', () => {
  const instant = new Date('2026-07-01T23:30:00Z');
  it.each([
    ['UTC', '2026-07-01 23:30:00 UTC+00:00', 0],
    ['Europe/Berlin', '2026-07-02 01:30:00 UTC+02:00', 120],
    ['America/New_York', '2026-07-01 19:30:00 UTC-04:00', -240],
    ['Asia/Kolkata', '2026-07-02 05:00:00 UTC+05:30', 330],
  ])('shows %s local time with its offset', (zone, expected, offset) => {
    expect(formatLocalTime(instant, zone)).toBe(expected);
    expect(utcOffsetMinutes(instant, zone)).toBe(offset);
  });

  it('gives the local calendar day, which can differ from the UTC day', () => {
    expect(localDay(instant, 'Europe/Berlin')).toBe('2026-07-02');
    expect(localDay(instant, 'America/New_York')).toBe('2026-07-01');
  });

  it('formats UTC without milliseconds', () => {
    expect(formatUtcTime(new Date('2026-11-27T22:15:04.999Z'))).toBe('2026-11-27T22:15:04Z');
  });
});

describe('parseBrowser', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.8078.73 Safari/537.36',
      'Chrome',
      '156.0.8078.73',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', '128.0'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68',
      'Edge',
      '130.0.2849.68',
    ],
  ])('reads %s', (userAgent, name, version) => {
    expect(parseBrowser(userAgent)).toEqual({ name, version });
  });
});

describe('newEvidenceId', () => {
  it('is dated by UTC day and readable', () => {
    const id = newEvidenceId(new Date('2026-11-27T23:59:59Z'), Uint8Array.from([0, 1, 31, 32, 200, 255]));
    expect(id).toBe('EV-20261127-01Z08Z');
    expect(id).toMatch(EVIDENCE_ID_PATTERN);
  });
});
