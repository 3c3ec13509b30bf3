/** The BagIt layer of verification: tag files parsed, and the files present compared with both manifests. */
import {
  isSealFile,
  parseBagInfoFields,
  parseBagitTxt,
  parseManifest,
  parsePayloadOxum,
  type ManifestEntry,
} from './bagit';

export interface ParsedTags {
  problems: string[];
  info: ReadonlyMap<string, string>;
  oxum: { octets: number; streams: number } | null;
  payload: ReadonlyMap<string, ManifestEntry>;
  tags: ReadonlyMap<string, ManifestEntry>;
}

const REQUIRED_INFO = ['Source-Organization', 'Bagging-Date', 'Payload-Oxum'];

export function parseTags(text: (name: string) => string): ParsedTags {
  const problems = parseBagitTxt(text('bagit.txt'));
  const bagInfo = parseBagInfoFields(text('bag-info.txt'));
  const payload = parseManifest(text('manifest-sha256.txt'), 'manifest-sha256.txt');
  const tags = parseManifest(text('tagmanifest-sha256.txt'), 'tagmanifest-sha256.txt');
  problems.push(...bagInfo.problems, ...payload.problems, ...tags.problems);
  const info = new Map(bagInfo.fields);
  for (const label of REQUIRED_INFO) if (!info.get(label)) problems.push(`bag-info.txt has no ${label}.`);
  const oxum = parsePayloadOxum(info.get('Payload-Oxum') ?? '');
  if (info.get('Payload-Oxum') && !oxum)
    problems.push('bag-info.txt: Payload-Oxum is not "<octets>.<files>".');
  return {
    problems,
    info,
    oxum,
    payload: new Map(payload.entries.map((entry) => [entry.path, entry])),
    tags: new Map(tags.entries.map((entry) => [entry.path, entry])),
  };
}

/**
 * Payload under data/ must be exactly the manifest; every other file, exactly the tag manifest, but for the
 * seal files over the tag manifest (the signature), which it cannot list and which are checked by what they seal.
 */
export function compareListings(present: Iterable<string>, parsed: ParsedTags): string[] {
  const problems: string[] = [];
  const files = new Set(present);
  for (const path of files) {
    if (path.startsWith('data/')) {
      if (!parsed.payload.has(path)) problems.push(`${path} is not listed in manifest-sha256.txt.`);
    } else if (path !== 'tagmanifest-sha256.txt' && !isSealFile(path) && !parsed.tags.has(path)) {
      problems.push(`${path} is not listed in tagmanifest-sha256.txt.`);
    }
  }
  for (const path of parsed.payload.keys()) {
    if (!path.startsWith('data/'))
      problems.push(`manifest-sha256.txt lists ${path}, which is outside data/.`);
    else if (!files.has(path))
      problems.push(`manifest-sha256.txt lists ${path}, which is missing from the bundle.`);
  }
  for (const path of parsed.tags.keys()) {
    if (path.startsWith('data/') || path === 'tagmanifest-sha256.txt' || isSealFile(path)) {
      problems.push(`tagmanifest-sha256.txt lists ${path}, which is not a tag file.`);
    } else if (!files.has(path)) {
      problems.push(`tagmanifest-sha256.txt lists ${path}, which is missing from the bundle.`);
    }
  }
  for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) {
    if (!parsed.tags.has(name)) problems.push(`tagmanifest-sha256.txt does not list ${name}.`);
  }
  return problems;
}
