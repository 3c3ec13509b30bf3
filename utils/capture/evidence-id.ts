// Crockford base32: no I, L, O, U, so IDs read aloud and typed from a screenshot survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `EV-YYYYMMDD-XXXXXX`: sortable by UTC day, six random characters (30 bits) for uniqueness. */
export function newEvidenceId(capturedAt: Date, randomBytes: Uint8Array): string {
  const day = capturedAt.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[(randomBytes[i] ?? 0) % 32];
  return `EV-${day}-${suffix}`;
}

export const EVIDENCE_ID_PATTERN = /^EV-\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;
