import type { Management } from '@/utils/settings/effective';

/** Says beside a field that the organisation's policy sets it, and whether it may be changed. */
export function ManagedNote({ management, testId }: { management: Management; testId?: string }) {
  if (management === 'local') return null;
  return (
    <span class="managed-note" data-testid={testId} data-management={management}>
      {management === 'locked'
        ? 'Set by your organisation (cannot be changed here)'
        : 'Suggested by your organisation (you may change it)'}
    </span>
  );
}
