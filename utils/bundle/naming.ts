/** Bundle names and the path segments a bundle may contain. */

const MAX_SLUG_LENGTH = 60;

/** `Acme GmbH & Co. KG` → `acme-gmbh-co-kg`; an empty result falls back to `organisation`. */
export function organisationSlug(organisation: string): string {
  const slug = organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug || 'organisation';
}

/** The calendar day of `date` in the local time zone, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `isms-evidence_<organisation-slug>_<YYYY-MM-DD>`: the zip's file name (plus `.zip`) and its one folder. */
export function bundleName(organisation: string, baggingDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(baggingDate))
    throw new Error(`Bagging date must be YYYY-MM-DD, got "${baggingDate}".`);
  return `isms-evidence_${organisationSlug(organisation)}_${baggingDate}`;
}

/**
 * A file or folder name that is safe everywhere a bundle goes: no separators, no `..`, nothing a
 * manifest line would have to percent-encode, nothing Windows refuses. Evidence IDs and artifact
 * names must be such segments.
 */
export function isSafeSegment(segment: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(segment) && !segment.endsWith('.');
}

/**
 * The name an artifact takes in a bundle: its stored name when that is a safe segment, otherwise the
 * same name with every other character replaced (`Policy v2.pdf` → `Policy_v2.pdf`). Stored file
 * names keep spaces and accents for the library; the bundle needs names no manifest must encode.
 */
export function bundleSegment(name: string): string {
  if (isSafeSegment(name)) return name;
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(ascii)?.[0] ?? '';
  const stem =
    ascii
      .slice(0, ascii.length - extension.length)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[^A-Za-z0-9]+/, '')
      .replace(/[._-]+$/, '')
      .slice(0, 128 - extension.length) || 'file';
  return stem + extension;
}

/** Appends `-2`, `-3` … before the extension until the name is not taken. */
export function uniqueSegment(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let counter = 2; ; counter++) {
    const candidate = `${stem.slice(0, 120 - extension.length)}-${counter}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}
