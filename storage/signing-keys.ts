import { appendCustody } from './custody-log';
import type { EvidenceDatabase } from './db';
import type { BundleSigner } from '@/utils/bundle/types';
import {
  generateSigningKey,
  groupFingerprint,
  signBytes,
  fingerprintOf,
  spkiToPem,
  type KnownKey,
  type SigningAlgorithm,
} from '@/utils/signing';

export interface SigningKeyRow {
  /** SHA-256 of the SPKI, plain lower-case hex. */
  fingerprint: string;
  algorithm: SigningAlgorithm;
  publicKeyPem: string;
  /** Present only while the key is current; dropped on rotation, so a retired key can never sign again. */
  privateKey: CryptoKey | null;
  status: 'current' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

/** What a screen shows of a key: never the private half. */
export interface SigningKeyView {
  fingerprint: string;
  groupedFingerprint: string;
  algorithm: SigningAlgorithm;
  publicKeyPem: string;
  status: SigningKeyRow['status'];
  createdAt: string;
  retiredAt: string | null;
}

export function viewOf(row: SigningKeyRow): SigningKeyView {
  const { privateKey: _, ...rest } = row;
  return { ...rest, groupedFingerprint: groupFingerprint(row.fingerprint) };
}

async function newRow(at: string): Promise<SigningKeyRow> {
  const key = await generateSigningKey();
  return {
    fingerprint: await fingerprintOf(key.spki),
    algorithm: key.algorithm,
    publicKeyPem: spkiToPem(key.spki),
    privateKey: key.keyPair.privateKey,
    status: 'current',
    createdAt: at,
    retiredAt: null,
  };
}

/**
 * The installation's current signing key, made on first use. The key is generated outside the transaction
 * (IndexedDB transactions end while WebCrypto works); if another context stored one meanwhile, that one wins.
 */
export async function currentSigningKey(
  db: EvidenceDatabase,
  at = new Date().toISOString(),
): Promise<SigningKeyRow> {
  const existing = await db.signingKeys.where('status').equals('current').first();
  if (existing) return existing;
  const candidate = await newRow(at);
  return db.transaction('rw', db.signingKeys, async () => {
    const raced = await db.signingKeys.where('status').equals('current').first();
    if (raced) return raced;
    await db.signingKeys.add(candidate);
    return candidate;
  });
}

/**
 * Retires the current key (its private half is deleted, its public half stays known) and makes a new one;
 * the custody log records both fingerprints, so an auditor can follow which key signed what and when.
 */
export async function rotateSigningKey(
  db: EvidenceDatabase,
  actor: string,
  reason: string,
  at = new Date().toISOString(),
): Promise<SigningKeyRow> {
  const next = await newRow(at);
  return db.transaction('rw', db.signingKeys, db.custody, async () => {
    const current = await db.signingKeys.where('status').equals('current').first();
    if (current) await db.signingKeys.put({ ...current, status: 'retired', privateKey: null, retiredAt: at });
    await db.signingKeys.add(next);
    await appendCustody(db, {
      at,
      event: 'key-rotation',
      evidenceId: null,
      actor,
      details: {
        retiredFingerprint: current?.fingerprint ?? null,
        newFingerprint: next.fingerprint,
        algorithm: next.algorithm,
        reason,
      },
    });
    return next;
  });
}

/** Every key this installation has had, newest first. */
export async function listSigningKeys(db: EvidenceDatabase): Promise<SigningKeyView[]> {
  const rows = await db.signingKeys.toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(viewOf);
}

/** The bundles one key signed, as the custody log's export entries tell: how many, the first and the last. */
export interface SignedExports {
  count: number;
  first: string;
  last: string;
}

/** A key with the exports it signed (null when it signed none), for the settings panel. */
export interface SigningKeyHistory extends SigningKeyView {
  signed: SignedExports | null;
}

/** Every key, newest first, each with the dates of the bundles it signed (from the export entries' `signedBy`). */
export async function signingKeyHistory(db: EvidenceDatabase): Promise<SigningKeyHistory[]> {
  const [keys, exports] = await Promise.all([
    listSigningKeys(db),
    db.custody.where('event').equals('export').toArray(),
  ]);
  const signed = new Map<string, SignedExports>();
  for (const entry of exports) {
    const by = entry.details['signedBy'];
    if (typeof by !== 'string') continue;
    const seen = signed.get(by);
    signed.set(
      by,
      seen
        ? {
            count: seen.count + 1,
            first: entry.at < seen.first ? entry.at : seen.first,
            last: entry.at > seen.last ? entry.at : seen.last,
          }
        : { count: 1, first: entry.at, last: entry.at },
    );
  }
  return keys.map((key) => ({ ...key, signed: signed.get(key.fingerprint) ?? null }));
}

/** The keys an import recognises: this installation's (current and retired) and those a policy pins. */
export async function knownSigningKeys(
  db: EvidenceDatabase,
  pinned: readonly KnownKey[],
  labels: { current: string; retired: string },
): Promise<KnownKey[]> {
  const own = (await db.signingKeys.toArray()).map((row) => ({
    fingerprint: row.fingerprint,
    label: row.status === 'current' ? labels.current : labels.retired,
  }));
  return [...own, ...pinned];
}

/** The installation's current key as the bundle writer uses it: it signs, and never hands out the private key. */
export async function bundleSigner(db: EvidenceDatabase): Promise<BundleSigner> {
  const key = await currentSigningKey(db);
  const privateKey = key.privateKey;
  if (!privateKey) throw new Error('The current signing key has no private half.');
  return {
    algorithm: key.algorithm,
    publicKeyPem: key.publicKeyPem,
    fingerprint: key.fingerprint,
    sign: (data) => signBytes(privateKey, key.algorithm, data),
  };
}
