/**
 * BagIt 1.0 (RFC 8493) tag files. Manifest lines are `<hex>  <path>` — the `sha256sum -c` format — so
 * a bag verifies with stock tools as well as with BagIt validators.
 */

import { TAG_MANIFEST_TOKEN_FILE, TSA_CHAIN_FILE } from '../timestamp/subject';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const TAG_FILES = [
  'bagit.txt',
  'bag-info.txt',
  'manifest-sha256.txt',
  'tagmanifest-sha256.txt',
] as const;

/**
 * The bundle's signature (RFC 8493 lets a bag carry tag files of its own; these sit in `signature/`). The
 * public key is written before the tag manifest and listed in it, like any tag file. The signature is made
 * over the finished tag manifest, so the tag manifest cannot list it: its hash would change what it signs.
 */
export const PUBLIC_KEY_FILE = 'signature/public-key.pem';
export const SIGNATURE_FILE = 'signature/bag.sig';
export const SIGNING_ALGORITHM_LABEL = 'Bag-Signing-Algorithm';
export const SIGNING_FINGERPRINT_LABEL = 'Bag-Signing-Key-Fingerprint';

/**
 * Seal files: tag files made over the finished tag manifest (a signature, a time-stamp token over it), the only
 * files a bag may hold that no manifest lists. Each is checked by what it seals, never by a manifest.
 */
export const SEAL_FILES: readonly string[] = [SIGNATURE_FILE, TAG_MANIFEST_TOKEN_FILE, TSA_CHAIN_FILE];

export function isSealFile(path: string): boolean {
  return SEAL_FILES.includes(path);
}

export interface ManifestEntry {
  path: string;
  sha256: string;
}

export interface BagInfo {
  sourceOrganization: string;
  baggingDate: string;
  payloadOctets: number;
  payloadStreams: number;
  externalDescription: string;
  bagSoftwareAgent: string;
  externalIdentifier: string;
  /** Further `label: value` lines after the standard ones, e.g. the signing key's algorithm and fingerprint. */
  extra?: readonly (readonly [string, string])[] | undefined;
}

/** Tag values are single lines: line breaks inside a value would start a new label. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

export function bagInfoTxt(info: BagInfo): string {
  const fields: (readonly [string, string])[] = [
    ['Source-Organization', info.sourceOrganization],
    ['Bagging-Date', info.baggingDate],
    ['Payload-Oxum', `${info.payloadOctets}.${info.payloadStreams}`],
    ['External-Identifier', info.externalIdentifier],
    ['External-Description', info.externalDescription],
    ['Bag-Software-Agent', info.bagSoftwareAgent],
    ...(info.extra ?? []),
  ];
  return fields.map(([label, value]) => `${label}: ${oneLine(value)}\n`).join('');
}

/** Lines sorted by path, so the same bag always gets the same manifest. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => `${entry.sha256}  ${entry.path}\n`)
    .join('');
}

function lines(text: string): string[] {
  const split = text.split(/\r\n|\r|\n/);
  if (split.at(-1) === '') split.pop();
  return split;
}

/** Parses a manifest; `name` (e.g. `manifest-sha256.txt`) appears in every problem. */
export function parseManifest(text: string, name: string): { entries: ManifestEntry[]; problems: string[] } {
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  lines(text).forEach((line, index) => {
    const match = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line);
    if (!match) {
      problems.push(`${name}, line ${index + 1}: not "<sha256>  <path>".`);
      return;
    }
    const path = match[2]!.replace(/%(0A|0D|25)/gi, (code) => decodeURIComponent(code));
    if (seen.has(path)) problems.push(`${name}, line ${index + 1}: ${path} is listed twice.`);
    seen.add(path);
    entries.push({ sha256: match[1]!.toLowerCase(), path });
  });
  return { entries, problems };
}

export function parseBagitTxt(text: string): string[] {
  const found = lines(text.replace(/^\uFEFF/, ''));
  const problems: string[] = [];
  const version = /^BagIt-Version: (\d+)\.(\d+)$/.exec(found[0] ?? '');
  if (!version) problems.push('bagit.txt: the first line must be "BagIt-Version: <M.N>".');
  else if (version[1] !== '1' && !(version[1] === '0' && version[2] === '97')) {
    problems.push(`bagit.txt: BagIt version ${version[1]}.${version[2]} is not supported (1.0 expected).`);
  }
  if (!/^Tag-File-Character-Encoding: UTF-8$/i.test(found[1] ?? '')) {
    problems.push('bagit.txt: the second line must be "Tag-File-Character-Encoding: UTF-8".');
  }
  if (found.length > 2) problems.push('bagit.txt: only two lines are allowed.');
  return problems;
}

/** `label: value` lines; a line starting with whitespace continues the value before it. */
export function parseBagInfoFields(text: string): { fields: [string, string][]; problems: string[] } {
  const fields: [string, string][] = [];
  const problems: string[] = [];
  lines(text).forEach((line, index) => {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`;
      return;
    }
    const match = /^([^:\s][^:]*?)\s*:\s?(.*)$/.exec(line);
    if (!match) {
      problems.push(`bag-info.txt, line ${index + 1}: not "<label>: <value>".`);
      return;
    }
    fields.push([match[1]!, match[2]!.trim()]);
  });
  return { fields, problems };
}

/** `Payload-Oxum: <octets>.<streams>` as numbers, or null when malformed. */
export function parsePayloadOxum(value: string): { octets: number; streams: number } | null {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  return match ? { octets: Number(match[1]), streams: Number(match[2]) } : null;
}
