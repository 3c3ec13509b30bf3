import { useState } from 'preact/hooks';
import type { StorageHealth } from '@/utils/evidence/library-types';
import { errorText, formatBytes, formatDateTime } from './labels';
import { libraryText } from '@/utils/text';

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
  if (!health) return <p class="hint">{libraryText.readingStorage}</p>;

  async function ask() {
    setAsking(true);
    try {
      const granted = await onRequestPersistence();
      setAnswer(granted ? libraryText.persistenceGranted : libraryText.persistenceRefused);
    } catch (failure) {
      setAnswer(errorText(failure));
    } finally {
      setAsking(false);
    }
  }

  const { usageBytes, quotaBytes } = health;
  return (
    <section
      class="storage-health"
      aria-label={libraryText.healthHeading(false)}
      data-testid="storage-health"
    >
      <dl>
        <dt>{libraryText.spaceUsed}</dt>
        <dd data-testid="storage-usage">
          {usageBytes === null ? libraryText.unknown : formatBytes(usageBytes)}
          {quotaBytes !== null && usageBytes !== null && (
            <>
              {' '}
              {libraryText.quota(
                formatBytes(quotaBytes),
                formatBytes(Math.max(0, quotaBytes - usageBytes)),
              )}{' '}
              <meter
                min={0}
                max={quotaBytes}
                value={usageBytes}
                high={quotaBytes * 0.8}
                aria-label={libraryText.spaceUsed}
              />
            </>
          )}
        </dd>
        <dt>{libraryText.persistentStorage}</dt>
        <dd data-testid="storage-persisted">
          {health.persisted === true
            ? libraryText.persisted
            : health.persisted === false
              ? libraryText.notPersisted
              : libraryText.persistenceUnknown}
          {health.persisted !== true && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => void ask()}
                disabled={asking}
                data-testid="request-persistence"
              >
                {libraryText.askToKeep}
              </button>
            </>
          )}
          {answer && <span class="hint"> {answer}</span>}
        </dd>
        <dt>{libraryText.notExported}</dt>
        <dd data-testid="storage-unexported">
          {health.count === 0 ? libraryText.none : libraryText.captures(health.count)}
          {health.lastExportAt
            ? libraryText.lastExport(formatDateTime(health.lastExportAt))
            : libraryText.neverExported}
        </dd>
      </dl>
      {health.backupDue && (
        <p class="backup-prompt" role="alert" data-testid="backup-prompt">
          {health.backupReason} <a href={exportHref}>{libraryText.exportBundle}</a>
        </p>
      )}
    </section>
  );
}
