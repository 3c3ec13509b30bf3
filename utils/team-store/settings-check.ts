import { serviceOrigin } from '../settings/origin';
import { teamStoreSettingsText as t } from '../text';
import { normalisePrefix } from './keys';

/** What the settings form holds, minus the secret. */
export interface TeamStoreFieldsInput {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  pathStyle: boolean;
  accessKeyId: string;
}

/** What the write-once probe found for one store, and when. */
export interface SavedProbe {
  tamperProof: boolean;
  lockEnabled: boolean;
  deleteStatus: number;
  mode?: 'COMPLIANCE' | 'GOVERNANCE' | undefined;
  days?: number | undefined;
  reasons: string[];
  summary: string;
  at: string;
  target: string;
}

/** What pages see of the team store's settings: never the secret, only whether one is saved. */
export interface TeamStoreView {
  fields: TeamStoreFieldsInput;
  secretSet: boolean;
  /** The fields the organisation's policy sets (read-only on the page). */
  managed: (keyof TeamStoreFieldsInput)[];
  probe?: SavedProbe;
  /** The person accepted syncing although the probe found the store not tamper-proof. */
  accepted: boolean;
  /** Every field needed to reach the store is filled in, the secret too. */
  complete: boolean;
}

const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Why these settings cannot reach a store, one sentence each; empty when they can. */
export function teamStoreProblems(fields: TeamStoreFieldsInput): string[] {
  const problems: string[] = [];
  const origin = serviceOrigin(fields.endpoint);
  if (!origin.ok) problems.push(t.endpointProblem(origin.problem));
  if (!fields.region.trim()) problems.push(t.regionMissing);
  if (!bucketName.test(fields.bucket.trim())) problems.push(t.bucketProblem);
  try {
    normalisePrefix(fields.prefix.trim());
  } catch {
    problems.push(t.prefixProblem);
  }
  if (!fields.accessKeyId.trim()) problems.push(t.accessKeyMissing);
  return problems;
}
