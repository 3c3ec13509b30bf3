import type { CoverageStatus } from '@/utils/coverage/types';

/** Text and icon for every status, so the state reads without colour vision. */
export const STATUS_META: Record<CoverageStatus, { label: string; icon: string }> = {
  covered: { label: 'covered', icon: '✓' },
  'due-soon': { label: 'due soon', icon: '◔' },
  stale: { label: 'stale', icon: '!' },
  missing: { label: 'missing', icon: '✗' },
  'not-applicable': { label: 'not applicable', icon: '–' },
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
