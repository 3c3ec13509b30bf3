/** Lower-case hex of bytes, two digits each. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A fingerprint as people compare it aloud or on paper: the SHA-256 of the public key's SPKI bytes,
 * upper-case hex in groups of four separated by spaces (64 digits, 16 groups).
 */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** Strips spaces and colons and lower-cases, so a pinned fingerprint matches whichever grouping it was written in. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

/** True when the text is a SHA-256 fingerprint in any grouping. */
export function isFingerprint(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(normalizeFingerprint(text));
}

/** SHA-256 fingerprint (plain lower-case hex) of a public key's SPKI DER bytes. */
export async function fingerprintOf(spki: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', spki as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}
