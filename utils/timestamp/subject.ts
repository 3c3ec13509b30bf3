/**
 * What a capture's timestamp stamps: its custody entry. The entry's hash is the SHA-256 of the entry's canonical
 * JSON without the hash, so the stamped bytes are exactly those — the file a bundle ships as `custody-entry.json`
 * for `openssl ts -verify -data`. The entry names every artifact's SHA-256, the evidence ID and the local time, and
 * links to the entry before, so one token dates all of them.
 */
import type { CustodyEntry } from '../evidence/types';
import { canonicalJson } from '../integrity/custody';

export const CAPTURE_ENTRY_FILE = 'custody-entry.json';
export const CAPTURE_TOKEN_FILE = 'custody-entry.tsr';
export const TAG_MANIFEST_TOKEN_FILE = 'signature/tagmanifest-sha256.tsr';
export const TSA_CHAIN_FILE = 'signature/tsa-chain.pem';

export function stampedText(entry: CustodyEntry): string {
  const { hash: _hash, ...content } = entry;
  return canonicalJson(content);
}

export function stampedBytes(entry: CustodyEntry): Uint8Array {
  return new TextEncoder().encode(stampedText(entry));
}

export function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
