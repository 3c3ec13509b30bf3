/** 12345 → "12,345": notes read the same whatever the browser's locale. */
export function groupDigits(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MEBIBYTE = 1024 * 1024;

/** 5242880 → "5 MB", 12939428 → "12.3 MB", 900 → "900 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < MEBIBYTE) return `${groupDigits(bytes)} bytes`;
  const megabytes = Math.round((bytes / MEBIBYTE) * 10) / 10;
  return `${megabytes} MB`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : pluralForm}`;
}
