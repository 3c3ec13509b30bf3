import { useState } from 'preact/hooks';
import type { StorageHealth } from '@/utils/evidence/library-types';
import { errorText, formatBytes, formatDateTime } from './labels';

export interface StorageHealthPanelProps {
  health: StorageHealth | null;
  onRequestPersistence: () => Promise<boolean>;
  /** Where the user exports a bundle (an extension page). */
  exportHref: string;
  error?: string;
}

/** Space used and free, persistent storage, and how many captures no exported bundle holds yet. */
export function StorageHealthPanel({
  health,
  onRequestPersistence,
  exportHref,
  error,
}: StorageHealthPanelProps) {
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState('');
  if (error) return <p class="error">{error}</p>;
  if (!health) return <p class="hint">Reading storage…</p>;

  async function ask() {
    setAsking(true);
    try {
      const granted = await onRequestPersistence();
      setAnswer(
        granted
          ? 'Granted: the browser will not clear this evidence when disk space runs low.'
          : 'Not granted by the browser. Export backups regularly; Chrome grants it to installed extensions with unlimited storage.',
      );
    } catch (failure) {
      setAnswer(errorText(failure));
    } finally {
      setAsking(false);
    }
  }

  const { usageBytes, quotaBytes } = health;
  return (
    <section class="storage-health" aria-label="Storage health" data-testid="storage-health">
      <dl>
        <dt>Space used</dt>
        <dd data-testid="storage-usage">
          {usageBytes === null ? 'unknown' : formatBytes(usageBytes)}
          {quotaBytes !== null && usageBytes !== null && (
            <>
              {' '}
              of {formatBytes(quotaBytes)} available to the extension (
              {formatBytes(Math.max(0, quotaBytes - usageBytes))} free){' '}
              <meter
                min={0}
                max={quotaBytes}
                value={usageBytes}
                high={quotaBytes * 0.8}
                aria-label="Space used"
              />
            </>
          )}
        </dd>
        <dt>Persistent storage</dt>
        <dd data-testid="storage-persisted">
          {health.persisted === true
            ? 'Granted: the browser keeps this data when disk space runs low.'
            : health.persisted === false
              ? 'Not granted: the browser may clear this data when disk space runs low.'
              : 'The browser does not say.'}
          {health.persisted !== true && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => void ask()}
                disabled={asking}
                data-testid="request-persistence"
              >
                Ask the browser to keep it
              </button>
            </>
          )}
          {answer && <span class="hint"> {answer}</span>}
        </dd>
        <dt>Not yet in any export</dt>
        <dd data-testid="storage-unexported">
          {health.count === 0 ? 'none' : `${health.count} capture${health.count === 1 ? '' : 's'}`}
          {health.lastExportAt
            ? ` · last export ${formatDateTime(health.lastExportAt)}`
            : ' · never exported'}
        </dd>
      </dl>
      {health.backupDue && (
        <p class="backup-prompt" role="alert" data-testid="backup-prompt">
          {health.backupReason} <a href={exportHref}>Export a bundle</a>
        </p>
      )}
    </section>
  );
}
