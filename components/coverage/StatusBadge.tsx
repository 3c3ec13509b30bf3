import type { CoverageStatus } from '@/utils/coverage/types';
import { overviewText } from '@/utils/text';

const { status: words } = overviewText;

/** Text and icon for every status, so the state reads without colour vision. */
export const STATUS_META: Record<CoverageStatus, { label: string; icon: string }> = {
  covered: { label: words.covered, icon: '✓' },
  'due-soon': { label: words['due-soon'], icon: '◔' },
  stale: { label: words.stale, icon: '!' },
  missing: { label: words.missing, icon: '✗' },
  'not-applicable': { label: words['not-applicable'], icon: '–' },
};

export interface StatusBadgeProps {
  status: CoverageStatus;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  const meta = STATUS_META[status];
  return (
    <span class={`status-badge status-${status}`}>
      <span aria-hidden="true">{meta.icon}</span> {meta.label}
    </span>
  );
}
