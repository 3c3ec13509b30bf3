import type { EvidenceSyncState } from '@/utils/team-store/sync-view';
import { teamSyncText } from '@/utils/text';

const t = teamSyncText.record;

/** One sentence for where the record is: only here, queued, uploading, failed with its reason, or stored. */
export function syncStateSentence(state: EvidenceSyncState): string {
  if (state.where === 'local') return t.local;
  if (state.where === 'stored') return t.stored(state.revision);
  if (state.status === 'blocked') return t.blocked(state.lastError ?? '');
  if (state.lastError) return t.failed(state.lastError);
  return state.status === 'uploading' ? t.uploading : t.waiting;
}

/** Where this record is in the team store; in the stored case, each object's version ID in the bucket. */
export function RecordSyncState({ state }: { state: EvidenceSyncState }) {
  const failed = state.where === 'uploading' && (state.status === 'blocked' || state.lastError !== null);
  const versions = state.where === 'stored' ? Object.entries(state.versionIds).sort() : [];
  return (
    <section aria-labelledby="record-sync-heading" data-testid="record-sync" data-where={state.where}>
      <h3 id="record-sync-heading">{t.heading}</h3>
      <p
        data-testid="record-sync-state"
        data-status={state.where === 'uploading' ? state.status : state.where}
        {...(failed ? { role: 'alert', class: 'error' } : {})}
      >
        {syncStateSentence(state)}
      </p>
      {versions.length > 0 && (
        <details>
          <summary>{t.versionsSummary(versions.length)}</summary>
          <ul class="record-sync-versions" data-testid="record-sync-versions">
            {versions.map(([key, versionId]) => (
              <li key={key}>
                <code>{key}</code> <code>{versionId}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
