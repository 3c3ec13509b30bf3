/**
 * WebCrypto's ECDSA signatures are raw r‖s (64 bytes for P-256); OpenSSL reads the DER form
 * SEQUENCE { INTEGER r, INTEGER s }. These two functions convert between them.
 */

function derInteger(raw: Uint8Array): Uint8Array {
  let start = 0;
  while (start < raw.length - 1 && raw[start] === 0) start += 1;
  const trimmed = raw.subarray(start);
  // A leading byte with the high bit set would read as negative: DER prefixes a zero byte.
  const body = trimmed[0]! & 0x80 ? Uint8Array.from([0, ...trimmed]) : trimmed;
  return Uint8Array.from([0x02, body.length, ...body]);
}

/** Raw r‖s (even length, each half at most 64 bytes) to DER. */
export function rawEcdsaToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0 || raw.length > 128) {
    throw new Error(`An ECDSA signature has two halves of equal length, not ${raw.length} bytes.`);
  }
  const half = raw.length / 2;
  const r = derInteger(raw.subarray(0, half));
  const s = derInteger(raw.subarray(half));
  return Uint8Array.from([0x30, r.length + s.length, ...r, ...s]);
}

function readInteger(der: Uint8Array, at: number, size: number): { value: Uint8Array; next: number } {
  if (der[at] !== 0x02) throw new Error('The DER signature does not hold an INTEGER where one belongs.');
  const length = der[at + 1]!;
  let value = der.subarray(at + 2, at + 2 + length);
  if (value.length !== length) throw new Error('The DER signature ends inside an INTEGER.');
  while (value.length > size && value[0] === 0) value = value.subarray(1);
  if (value.length > size) throw new Error('The DER signature holds an INTEGER too large for the curve.');
  const padded = new Uint8Array(size);
  padded.set(value, size - value.length);
  return { value: padded, next: at + 2 + length };
}

/** DER to raw r‖s of `size` bytes each (32 for P-256), as WebCrypto verifies. */
export function derEcdsaToRaw(der: Uint8Array, size = 32): Uint8Array {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) throw new Error('The signature is not a DER SEQUENCE.');
  const r = readInteger(der, 2, size);
  const s = readInteger(der, r.next, size);
  if (s.next !== der.length) throw new Error('The DER signature has bytes after its two INTEGERs.');
  return Uint8Array.from([...r.value, ...s.value]);
}
