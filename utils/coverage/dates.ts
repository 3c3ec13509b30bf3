/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. Days are counted in UTC, where every day has 24
 * hours, so daylight-saving changes and the user's time zone never shift a count; the caller turns
 * an instant into the user's local date once, with `localDate`.
 */

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or null when the string is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const parts = CALENDAR_DATE.exec(date);
  if (!parts) return null;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function isCalendarDate(value: string): boolean {
  return dayNumber(value) !== null;
}

/** Inverse of `dayNumber`. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return day;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(requireDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const start = new Date(requireDay(date) * MS_PER_DAY);
  const targetMonth = start.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(start.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfTarget);
  return new Date(Date.UTC(start.getUTCFullYear(), targetMonth, day)).toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** 'YYYY-MM' of every month from the month of `start` to the month of `end`, inclusive. */
export function monthsInRange(start: string, end: string): string[] {
  const months: string[] = [];
  let cursor = `${start.slice(0, 7)}-01`;
  const last = end.slice(0, 7);
  while (cursor.slice(0, 7) <= last) {
    months.push(cursor.slice(0, 7));
    cursor = addMonths(cursor, 1);
  }
  return months;
}

/** An operating period of at least three calendar months: 2025-01-01 to 2025-03-31 qualifies. */
export function spansThreeMonths(start: string, end: string): boolean {
  return addDays(addMonths(start, 3), -1) <= end;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in an IANA time zone, e.g. localDate(now, 'Europe/Berlin'). */
export function localDate(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
