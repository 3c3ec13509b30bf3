/**
 * SHA-256 in two flavours: `sha256Hex` (Web Crypto, for artifact bytes, computed before a write
 * transaction opens) and `sha256HexSync` (pure, for the custody chain, whose hash depends on the
 * previous entry read *inside* the transaction — awaiting Web Crypto there would commit it early).
 */

import { Sha256 } from './sha256-stream';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

const encoder = new TextEncoder();

export function sha256HexSync(input: string | Uint8Array): string {
  return new Sha256().update(typeof input === 'string' ? encoder.encode(input) : input).digestHex();
}

export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array | string): Promise<string> {
  let bytes: BufferSource;
  if (typeof data === 'string') bytes = encoder.encode(data);
  else if (data instanceof Uint8Array) bytes = data as Uint8Array<ArrayBuffer>;
  else if (data instanceof ArrayBuffer) bytes = data;
  else bytes = await data.arrayBuffer();
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
