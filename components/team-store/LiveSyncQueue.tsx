import { useEffect, useState } from 'preact/hooks';
import type { SyncOverview } from '@/utils/team-store/sync-view';
import { SyncQueuePanel } from './SyncQueuePanel';

interface Props {
  initial: SyncOverview;
  active: boolean;
  /** Calls back with the queue as it changes; returns the unsubscribe function. */
  watch?: (callback: (overview: SyncOverview) => void) => () => void;
  onRetry: () => void;
}

/** The queue panel, following the uploads while the page is open. */
export function LiveSyncQueue({ initial, active, watch, onRetry }: Props) {
  const [overview, setOverview] = useState(initial);
  useEffect(() => setOverview(initial), [initial]);
  useEffect(() => watch?.(setOverview), [watch]);
  return <SyncQueuePanel overview={overview} active={active} onRetry={onRetry} />;
}
