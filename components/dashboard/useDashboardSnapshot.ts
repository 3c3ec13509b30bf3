import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText } from '@/utils/isms/labels';
import { dashboardText } from '@/utils/text';
import type { DashboardData, DashboardServices } from './dashboard-services';

export interface DashboardSnapshot {
  data: DashboardData | null;
  today: string;
  loadError: string;
  reload: () => Promise<void>;
}

/** Loads the ISMS snapshot, and loads it again when the page is looked at again or the policy changes. */
export function useDashboardSnapshot(services: DashboardServices): DashboardSnapshot {
  const [data, setData] = useState<DashboardData | null>(null);
  const [today, setToday] = useState(services.today);
  const [loadError, setLoadError] = useState('');

  const reload = useCallback(async () => {
    try {
      const loaded = await services.load();
      setToday(services.today());
      setData(loaded);
      setLoadError('');
    } catch (failure) {
      setLoadError(dashboardText.loadFailed(errorText(failure)));
    }
  }, [services]);

  useEffect(() => {
    void reload();
    // Captures taken in the popup meanwhile show up when the dashboard is looked at again.
    const refresh = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', refresh);
    const stopFollowingPolicy = services.onPolicyChange?.(() => void reload());
    return () => {
      document.removeEventListener('visibilitychange', refresh);
      stopFollowingPolicy?.();
    };
  }, [reload, services]);

  return { data, today, loadError, reload };
}
