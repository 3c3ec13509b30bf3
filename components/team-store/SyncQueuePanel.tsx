import type { SyncOverview } from '@/utils/team-store/sync-view';
import { teamSyncText as t } from '@/utils/text';

interface Props {
  overview: SyncOverview;
  /** False when no team store is set up (or sync is refused): the queue only says so. */
  active: boolean;
  onRetry: () => void;
}

/** The upload queue: each open job with a progress bar, and any failure in a sentence. */
export function SyncQueuePanel({ overview, active, onRetry }: Props) {
  const pending = overview.waiting + overview.uploading + overview.blocked;
  return (
    <section class="panel" data-testid="sync-queue" aria-labelledby="sync-queue-heading">
      <h2 id="sync-queue-heading">{t.queueHeading}</h2>
      {!active && <p data-testid="sync-queue-off">{t.notConfigured}</p>}
      {active && pending === 0 && <p data-testid="sync-queue-empty">{t.nothingQueued}</p>}
      {overview.lastError && (
        <p role="alert" class="error" data-testid="sync-queue-error">
          {overview.lastError}
        </p>
      )}
      {overview.open.length > 0 && (
        <ul class="sync-jobs" data-testid="sync-jobs">
          {overview.open.map((job) => (
            <li key={job.id} data-testid="sync-job" data-status={job.status}>
              <span>{t.jobTitle(job.title, job.revision)}</span>{' '}
              <span class="hint">
                {t.states[job.status]} · {t.objects(job.objectsDone, job.objectsTotal)}
                {job.notBefore ? ` · ${t.retriesAt(new Date(job.notBefore).toLocaleTimeString())}` : ''}
              </span>
              <progress
                max={Math.max(1, job.bytesTotal)}
                value={job.bytesTotal === 0 ? 0 : job.bytesDone}
                aria-label={t.jobTitle(job.title, job.revision)}
              />
              {job.lastError && <p class="error">{job.lastError}</p>}
            </li>
          ))}
        </ul>
      )}
      {active && pending > 0 && (
        <button type="button" data-testid="sync-retry" onClick={onRetry}>
          {t.retryNow}
        </button>
      )}
    </section>
  );
}
