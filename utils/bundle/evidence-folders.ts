/** The evidence layer of verification: each data/evidence/<id>/ folder is exactly what its record.json says. */
import type { ManifestEntry } from './bagit';
import { isSafeSegment } from './naming';
import { parseRecordJson, RECORD_FILE, type BundledRecord } from './record';
import { CAPTURE_ENTRY_FILE, CAPTURE_TOKEN_FILE } from '../timestamp/subject';

export interface PayloadFacts {
  manifest: ReadonlyMap<string, ManifestEntry>;
  /** Text of the record.json files, by path. */
  texts: ReadonlyMap<string, string>;
  /** Bytes actually read, by path. */
  sizes: ReadonlyMap<string, number>;
}

export function readEvidenceFolders(
  { manifest, texts, sizes }: PayloadFacts,
  problems: string[],
): BundledRecord[] {
  const folders = new Map<string, string[]>();
  for (const path of manifest.keys()) {
    if (!path.startsWith('data/evidence/')) continue;
    const [id = '', ...rest] = path.slice('data/evidence/'.length).split('/');
    if (rest.length !== 1 || !isSafeSegment(id)) {
      problems.push(`${path} is not of the form data/evidence/<evidence id>/<file>.`);
      continue;
    }
    folders.set(id, [...(folders.get(id) ?? []), ...rest]);
  }
  const records: BundledRecord[] = [];
  for (const [id, names] of folders) {
    const folder = `data/evidence/${id}`;
    const text = texts.get(`${folder}/${RECORD_FILE}`);
    if (text === undefined) {
      problems.push(`${folder}/ has no ${RECORD_FILE}.`);
      continue;
    }
    const parsed = parseRecordJson(text);
    if ('problem' in parsed) {
      problems.push(`${folder}/${RECORD_FILE} ${parsed.problem}.`);
      continue;
    }
    const { record } = parsed;
    if (record.evidence.id !== id) {
      problems.push(`${folder}/${RECORD_FILE} describes evidence ${record.evidence.id}, not ${id}.`);
    }
    // A capture's time stamp sits beside its files; the time-stamp layer checks it (bundle-timestamps.ts).
    const described = new Set([RECORD_FILE, CAPTURE_ENTRY_FILE, CAPTURE_TOKEN_FILE]);
    for (const artifact of record.artifacts) {
      const path = `${folder}/${artifact.name}`;
      described.add(artifact.name);
      const listed = manifest.get(path);
      if (!listed)
        problems.push(`${folder}/${RECORD_FILE} lists ${artifact.name}, which is missing from the bundle.`);
      else if (listed.sha256 !== artifact.sha256 || sizes.get(path) !== artifact.size) {
        problems.push(`${path} does not match the SHA-256 and size recorded in ${RECORD_FILE}.`);
      }
    }
    for (const name of names) {
      if (!described.has(name)) problems.push(`${folder}/${name} is not described by ${RECORD_FILE}.`);
    }
    records.push(record);
  }
  return records;
}
