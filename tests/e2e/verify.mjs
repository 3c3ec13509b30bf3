// Independent checks of stored evidence, written against the contract with node:crypto only — never
// with the extension's own code, so a bug there cannot hide itself. Shared by the e2e tests and `npm start`.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** @param {Uint8Array | string} data */
export function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

/** The entry's own hash, per the contract in VERIFY.txt; null when a withheld pre-two-step entry cannot be checked. */
function ownHashHolds(entry) {
  const header = (payloadHash) =>
    sha256Hex(
      canonicalJson({
        at: entry.at,
        event: entry.event,
        payloadHash,
        previousHash: entry.previousHash,
        sequence: entry.sequence,
      }),
    );
  if (entry.withheld === true) {
    if (entry.payloadHash === undefined) return null;
    return header(entry.payloadHash) === entry.hash;
  }
  if (entry.payloadHash === undefined) {
    const { hash, ...content } = entry;
    return sha256Hex(canonicalJson(content)) === hash;
  }
  const payload = { actor: entry.actor, details: entry.details, evidenceId: entry.evidenceId };
  return sha256Hex(canonicalJson(payload)) === entry.payloadHash && header(entry.payloadHash) === entry.hash;
}

/**
 * Verifies the custody chain: sequences 1, 2, 3 …, each entry's hash holds and each entry links to the hash
 * of the one before (the first to 64 zeros). An entry with `payloadHash` is hashed in two steps (the payload
 * {actor, details, evidenceId}, then {at, event, payloadHash, previousHash, sequence}); one without is hashed
 * whole, every field but `hash`. A withheld entry (a bundle's, about evidence outside it) is checked by its header.
 * @returns {string[]} one sentence per problem; empty when the chain holds.
 */
export function verifyCustodyChain(entries) {
  const problems = [];
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  let previousHash = GENESIS_HASH;
  sorted.forEach((entry, index) => {
    if (entry.sequence !== index + 1) problems.push(`entry ${entry.sequence} is at position ${index + 1}`);
    if (ownHashHolds(entry) === false) problems.push(`entry ${entry.sequence}: hash does not match`);
    if (entry.previousHash !== previousHash)
      problems.push(`entry ${entry.sequence}: does not link to its predecessor`);
    previousHash = entry.hash;
  });
  return problems;
}

/** @param {Uint8Array} bytes */
export function isPng(bytes) {
  return PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Width and height from the IHDR chunk, which must directly follow the signature. */
export function pngSize(bytes) {
  if (!isPng(bytes)) throw new Error('Not a PNG: the signature 89 50 4E 47 0D 0A 1A 0A is missing.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error(`The first PNG chunk is ${chunkType}, not IHDR.`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records). Strict: a stray quote throws.
 * @returns {{ rows: string[][], lineBreaks: string[] }} the records and the line break after each.
 */
export function parseCsv(text) {
  const rows = [];
  const lineBreaks = [];
  let row = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
        if (index < text.length && !',\r\n'.includes(text[index])) {
          throw new Error(`CSV: text after a closing quote at offset ${index}.`);
        }
      } else {
        field += char;
        index += 1;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`CSV: a quote inside an unquoted field at offset ${index}.`);
      quoted = true;
      index += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      index += 1;
    } else if (char === '\r' || char === '\n') {
      const lineBreak = char === '\r' && text[index + 1] === '\n' ? '\r\n' : char;
      row.push(field);
      rows.push(row);
      lineBreaks.push(lineBreak);
      row = [];
      field = '';
      index += lineBreak.length;
    } else {
      field += char;
      index += 1;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, lineBreaks };
}

/**
 * Checks every artifact of a record against its blob: present, size and SHA-256 of the bytes.
 * @param {{ artifacts: { name: string, size: number, sha256: string, blobKey: string }[] }} record
 * @param {Map<string, { bytes: Uint8Array | null }>} blobs
 * @returns {string[]} one sentence per problem.
 */
export function verifyArtifacts(record, blobs) {
  const problems = [];
  for (const artifact of record.artifacts) {
    const blob = blobs.get(artifact.blobKey);
    if (!blob?.bytes) {
      problems.push(`${artifact.name}: no bytes under blob key ${artifact.blobKey}`);
      continue;
    }
    if (blob.bytes.length !== artifact.size) {
      problems.push(`${artifact.name}: size ${artifact.size} recorded, ${blob.bytes.length} stored`);
    }
    const actual = sha256Hex(blob.bytes);
    if (actual !== artifact.sha256)
      problems.push(`${artifact.name}: SHA-256 ${artifact.sha256} recorded, ${actual} stored`);
  }
  return problems;
}
