import type { CustodyEntry } from '../evidence/types';
import { verifyChain } from '../integrity/custody';
import { teamStoreTamperText as t } from '../text';

// Verification of what a pull brought back. Anything reported here is shown as tampering with what and where,
// and the objects it names are never merged into the team view.

export interface Tampering {
  kind:
    | 'blob-mismatch'
    | 'blob-missing'
    | 'conflicting-versions'
    | 'delete-marker'
    | 'unreadable'
    | 'record-mismatch'
    | 'duplicate-entry'
    | 'chain-gap'
    | 'chain-broken'
    | 'entry-hash-mismatch';
  /** The object key (or installation prefix) where it was found. */
  where: string;
  sentence: string;
  /** The installation and evidence it concerns, when known: the team view groups findings by them. */
  installationId?: string;
  evidenceId?: string;
}

export interface PulledBlob {
  key: string;
  /** The hash the key names. */
  sha256: string;
  /** The hash of the bytes the store returned. */
  actualSha256: string;
}

export function verifyBlob(blob: PulledBlob): Tampering[] {
  if (blob.sha256 === blob.actualSha256) return [];
  return [{ kind: 'blob-mismatch', where: blob.key, sentence: t.blobMismatch(blob.key, blob.actualSha256) }];
}

/** Every stored version of one record or custody key, with the SHA-256 of each version's body. */
export interface PulledVersions {
  key: string;
  versions: { versionId: string; lastModified: string; sha256: string }[];
}

/**
 * Immutable keys have one content. A second version with the same bytes is a retried upload (harmless); a
 * version with other bytes — two revisions under one name, or a later write that changes history — is not.
 */
export function verifyVersions(object: PulledVersions): Tampering[] {
  const contents = new Set(object.versions.map((version) => version.sha256));
  if (contents.size <= 1) return [];
  return [{ kind: 'conflicting-versions', where: object.key, sentence: t.conflictingRevision(object.key) }];
}

/** One custody object: the entry hash its key names, and the entry its body holds. */
export interface PulledEntry {
  key: string;
  keyHash: string;
  entry: CustodyEntry;
}

export function verifyInstallationChain(installation: string, pulled: readonly PulledEntry[]): Tampering[] {
  const ordered = [...pulled].sort((a, b) => a.entry.sequence - b.entry.sequence);
  const found: Tampering[] = ordered
    .filter(({ keyHash, entry }) => keyHash !== entry.hash)
    .map(({ key }) => ({ kind: 'entry-hash-mismatch', where: key, sentence: t.hashMismatch(key) }));
  const keyOf = new Map(ordered.map(({ key, entry }) => [entry.sequence, key]));
  for (const problem of verifyChain(ordered.map(({ entry }) => entry))) {
    const where = keyOf.get(problem.sequence) ?? installation;
    if (problem.problem === 'sequence-gap') {
      const index = ordered.findIndex(({ entry }) => entry.sequence === problem.sequence);
      const before = index > 0 ? ordered[index - 1]!.entry.sequence : 0;
      found.push({
        kind: 'chain-gap',
        where,
        sentence: t.chainGap(installation, before + 1, problem.sequence),
      });
    } else {
      found.push({ kind: 'chain-broken', where, sentence: t.chainBroken(installation, problem.sequence) });
    }
  }
  return found;
}
