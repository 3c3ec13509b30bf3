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
