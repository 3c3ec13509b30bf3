import { browser } from 'wxt/browser';
import type { ManagedTeamStore } from '@/utils/settings/policy';
import type { ProbeResult } from '@/utils/team-store/probe';
import type { StoreConfig } from '@/utils/team-store/s3-client';
import type { TeamStoreView } from '@/utils/team-store/settings-check';

export type { TeamStoreView };
import { readManagedPolicy } from './managed-policy';

/**
 * The team store's settings. They live in `storage.local` of this browser profile only — never `storage.sync`,
 * never IndexedDB (so never in a bundle or a database dump) — and the secret is never returned to a page:
 * pages get `TeamStoreView`, which says only whether a secret is set. The organisation may set everything but
 * the secret by policy (`teamStore` in docs/DEPLOYMENT.md); a value set there wins and is shown fixed.
 */

const KEY = 'teamStore';

/** What `storage.local` holds under `teamStore`. */
interface StoredTeamStore {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  pathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** What the write-once probe found for `target`, and when. */
  probe?: ProbeResult & { at: string; target: string };
  /** The target whose "not tamper-proof" the person accepted (a custody entry records it). */
  acceptedTarget?: string;
}

export type TeamStoreFields = Omit<StoredTeamStore, 'probe' | 'acceptedTarget' | 'secretAccessKey'>;

const EMPTY: StoredTeamStore = {
  endpoint: '',
  region: '',
  bucket: '',
  prefix: '',
  pathStyle: false,
  accessKeyId: '',
  secretAccessKey: '',
};

/** The store's identity: a probe or an acceptance holds only for the same endpoint, bucket and prefix. */
export function targetOf(fields: Pick<TeamStoreFields, 'endpoint' | 'bucket' | 'prefix'>): string {
  return `${fields.endpoint.trim()}|${fields.bucket.trim()}|${fields.prefix.trim()}`;
}

async function readStored(): Promise<StoredTeamStore> {
  const found = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredTeamStore> | undefined;
  return { ...EMPTY, ...found };
}

function applyPolicy(stored: StoredTeamStore, managed: ManagedTeamStore | undefined) {
  const merged = { ...stored };
  const keys: (keyof TeamStoreFields)[] = [];
  for (const [key, value] of Object.entries(managed ?? {}) as [keyof ManagedTeamStore, string | boolean][]) {
    (merged as Record<string, unknown>)[key] = value;
    keys.push(key);
  }
  return { merged, keys };
}

function isComplete(store: StoredTeamStore): boolean {
  return Boolean(
    store.endpoint && store.region && store.bucket && store.accessKeyId && store.secretAccessKey,
  );
}

/** The full settings, secret included: for the background's signer only. */
export async function readTeamStore(): Promise<StoredTeamStore & { complete: boolean }> {
  const [stored, { policy }] = await Promise.all([readStored(), readManagedPolicy()]);
  const { merged } = applyPolicy(stored, policy.teamStore);
  return { ...merged, complete: isComplete(merged) };
}

export async function readTeamStoreView(): Promise<TeamStoreView> {
  const [stored, { policy }] = await Promise.all([readStored(), readManagedPolicy()]);
  const { merged, keys } = applyPolicy(stored, policy.teamStore);
  const fields: TeamStoreFields = {
    endpoint: merged.endpoint,
    region: merged.region,
    bucket: merged.bucket,
    prefix: merged.prefix,
    pathStyle: merged.pathStyle,
    accessKeyId: merged.accessKeyId,
  };
  const target = targetOf(fields);
  const probe = merged.probe?.target === target ? merged.probe : undefined;
  return {
    fields,
    secretSet: merged.secretAccessKey !== '',
    managed: keys,
    ...(probe ? { probe } : {}),
    accepted: merged.acceptedTarget === target,
    complete: isComplete(merged),
  };
}

export function storeConfigOf(store: StoredTeamStore): StoreConfig {
  return {
    endpoint: store.endpoint.trim(),
    region: store.region.trim(),
    bucket: store.bucket.trim(),
    prefix: store.prefix.trim(),
    pathStyle: store.pathStyle,
    accessKeyId: store.accessKeyId.trim(),
    secretAccessKey: store.secretAccessKey,
  };
}

/**
 * Saves what the person typed. An empty secret keeps the one already saved (the field is never filled back
 * in); values the policy sets are not stored over. Changing the target drops the probe and the acceptance.
 */
export async function saveTeamStore(fields: TeamStoreFields, secret: string): Promise<void> {
  const stored = await readStored();
  const next: StoredTeamStore = {
    ...stored,
    ...fields,
    secretAccessKey: secret !== '' ? secret : stored.secretAccessKey,
  };
  if (targetOf(next) !== stored.probe?.target) delete next.probe;
  if (targetOf(next) !== stored.acceptedTarget) delete next.acceptedTarget;
  await browser.storage.local.set({ [KEY]: next });
}

export async function saveProbe(result: ProbeResult, at: string): Promise<void> {
  const stored = await readStored();
  const { merged } = applyPolicy(stored, (await readManagedPolicy()).policy.teamStore);
  await browser.storage.local.set({
    [KEY]: { ...stored, probe: { ...result, at, target: targetOf(merged) } },
  });
}

export async function saveAcceptance(): Promise<string> {
  const stored = await readStored();
  const { merged } = applyPolicy(stored, (await readManagedPolicy()).policy.teamStore);
  const target = targetOf(merged);
  await browser.storage.local.set({ [KEY]: { ...stored, acceptedTarget: target } });
  return target;
}

/** Forgets the team store here: settings, secret, probe and acceptance. The queue stays for a later store. */
export async function removeTeamStore(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** Calls back when the team store's settings (or the policy) change; returns the unsubscribe function. */
export function onTeamStoreChange(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed' || (areaName === 'local' && KEY in changes)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
