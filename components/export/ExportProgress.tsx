import { formatBytes } from '@/utils/bundle/format';
import type { BundleEstimate, BundleProgress } from '@/utils/bundle/types';
import { exportText } from '@/utils/text';

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
        {exportText.filesDone(
          progress.files,
          expected ? expected.files : null,
          formatBytes(progress.bytes),
          expected ? formatBytes(expected.bytes) : null,
        )}
      </p>
    </div>
  );
}
