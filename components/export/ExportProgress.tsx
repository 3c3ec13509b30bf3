import { formatBytes } from '@/utils/bundle/format';
import type { BundleEstimate, BundleProgress } from '@/utils/bundle/types';

export interface ExportProgressProps {
  label: string;
  progress: BundleProgress;
  /** What the whole job is expected to be; the bar is indeterminate without it. */
  expected: Pick<BundleEstimate, 'files' | 'bytes'> | null;
}

/** Files and bytes done so far, as a bar and in words. */
export function ExportProgress({ label, progress, expected }: ExportProgressProps) {
  const max = expected ? Math.max(expected.bytes, progress.bytes, 1) : undefined;
  return (
    <div class="bundle-progress" data-testid="bundle-progress">
      <progress aria-label={label} max={max} value={max === undefined ? undefined : progress.bytes} />
      <p class="hint" aria-live="polite">
        {progress.files} {expected ? `of about ${expected.files} ` : ''}files · {formatBytes(progress.bytes)}
        {expected ? ` of about ${formatBytes(expected.bytes)}` : ''}
      </p>
    </div>
  );
}
