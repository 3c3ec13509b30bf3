import { useEffect, useRef, useState } from 'preact/hooks';
import type { BundleProgress } from '@/utils/bundle/types';

const INTERVAL_MS = 100;

/**
 * Progress arrives for every chunk written; re-render at most ten times a second, and always show
 * the latest value once the burst is over.
 */
export function useThrottledProgress(): [
  BundleProgress,
  (progress: BundleProgress, immediately?: boolean) => void,
] {
  const [progress, setProgress] = useState<BundleProgress>({ files: 0, bytes: 0 });
  const latest = useRef(progress);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const update = (next: BundleProgress, immediately = false) => {
    latest.current = next;
    if (immediately) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setProgress(next);
      return;
    }
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setProgress(latest.current);
    }, INTERVAL_MS);
  };
  return [progress, update];
}
