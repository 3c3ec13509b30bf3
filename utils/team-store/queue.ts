import type { SyncFailure } from './errors';

// One upload job's life: waiting → uploading → done, or back to waiting with a later retry time, or blocked
// until the user fixes the settings. Pure: the runner persists each state before acting on it, so a worker
// stopped mid-upload finds the job "uploading" with an expired lease and takes it up again.

export type JobState =
  | { status: 'waiting'; attempts: number; notBefore: number }
  | { status: 'uploading'; attempts: number; leaseUntil: number }
  | { status: 'blocked'; attempts: number; sentence: string }
  | { status: 'done'; attempts: number; versionIds: string[] };

/** How long one worker may hold a job before another runtime assumes it died and takes it over. */
export const leaseMs = 120_000;
const firstDelayMs = 2_000;
const maxDelayMs = 15 * 60_000;

export function newJob(): JobState {
  return { status: 'waiting', attempts: 0, notBefore: 0 };
}

/** Exponential backoff with jitter in [0.5, 1) of the step, capped; `random` is injected for tests. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step * (0.5 + random() / 2));
}

export function isDue(job: JobState, now: number): boolean {
  if (job.status === 'waiting') return job.notBefore <= now;
  if (job.status === 'uploading') return job.leaseUntil <= now;
  return false;
}

export function claim(job: JobState, now: number): JobState {
  if (!isDue(job, now)) throw new Error(`A ${job.status} job that is not due cannot be claimed`);
  return { status: 'uploading', attempts: job.attempts + 1, leaseUntil: now + leaseMs };
}

export function succeed(job: JobState, versionIds: string[]): JobState {
  if (job.status !== 'uploading')
    throw new Error(`Only an uploading job can finish, not a ${job.status} one`);
  return { status: 'done', attempts: job.attempts, versionIds };
}

export function fail(job: JobState, failure: SyncFailure, now: number, random?: () => number): JobState {
  if (job.status !== 'uploading') throw new Error(`Only an uploading job can fail, not a ${job.status} one`);
  if (!failure.retryable) return { status: 'blocked', attempts: job.attempts, sentence: failure.sentence };
  return { status: 'waiting', attempts: job.attempts, notBefore: now + backoffMs(job.attempts, random) };
}

/** After the user changes the settings, blocked jobs try again at once. */
export function unblock(job: JobState): JobState {
  return job.status === 'blocked' ? { status: 'waiting', attempts: job.attempts, notBefore: 0 } : job;
}
