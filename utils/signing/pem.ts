/** Base64 of bytes, without relying on Buffer, so the same code runs in the browser and in Node. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** An SPKI public key as the PEM file `openssl pkeyutl -pubin -inkey` reads, lines of 64 characters. */
export function spkiToPem(spki: Uint8Array): string {
  const lines = toBase64(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** The SPKI bytes of a PEM public key, or null when the text is not one. */
export function pemToSpki(pem: string): Uint8Array | null {
  const match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) return null;
  try {
    const bytes = fromBase64(match[1]!.replace(/\s/g, ''));
    return bytes.length > 0 ? bytes : null;
  } catch {
    return null;
  }
}
