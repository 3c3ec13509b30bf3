import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateOfDay,
  dayNumber,
  daysBetween,
  isCalendarDate,
  localDate,
  monthsInRange,
  spansThreeMonths,
} from './dates';

describe('dayNumber and dateOfDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2024-02-29', 19782],
  ])('%s is day %i', (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(dateOfDay(day)).toBe(date);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '', '2025-01-01T00:00:00Z'])(
    'rejects %j',
    (date) => {
      expect(dayNumber(date)).toBeNull();
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});

describe('calendar arithmetic', () => {
  it.each([
    ['2025-03-29', 2, '2025-03-31'], // across the EU daylight-saving change
    ['2025-10-25', 2, '2025-10-27'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-15', 3)).toBe('2028-06-15');
  });

  it('throws on invalid input rather than computing nonsense', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('lists the months of a range', () => {
    expect(monthsInRange('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsInRange('2025-01-31', '2025-01-31')).toEqual(['2025-01']);
  });

  it.each([
    ['2025-01-01', '2025-03-31', true],
    ['2025-01-01', '2025-03-30', false],
    ['2025-01-15', '2025-04-14', true],
    ['2024-11-30', '2025-02-27', true], // three months from 30 November end on 28 February
    ['2024-11-30', '2025-02-26', false],
  ])('%s to %s spans three months: %s', (start, end, expected) => {
    expect(spansThreeMonths(start, end)).toBe(expected);
  });
});

describe('localDate', () => {
  it.each([
    ['2025-03-30T23:30:00Z', 'UTC', '2025-03-30'],
    ['2025-03-30T23:30:00Z', 'Europe/Berlin', '2025-03-31'], // summer time already began
    ['2025-03-30T21:59:59Z', 'Europe/Berlin', '2025-03-30'],
    ['2025-03-30T22:00:00Z', 'Europe/Berlin', '2025-03-31'], // local midnight
    ['2025-01-01T07:59:00Z', 'America/Los_Angeles', '2024-12-31'],
    ['2025-01-01T08:00:00Z', 'America/Los_Angeles', '2025-01-01'],
    ['2024-12-31T11:00:00Z', 'Pacific/Auckland', '2025-01-01'],
    ['2024-12-31T10:59:59Z', 'Pacific/Kiritimati', '2025-01-01'], // UTC+14
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(localDate(new Date(instant), timeZone)).toBe(expected);
  });
});
