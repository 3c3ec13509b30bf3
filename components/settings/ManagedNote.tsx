import type { Management } from '@/utils/settings/effective';
import { policyText } from '@/utils/text';

/** Says beside a field that the organisation's policy sets it, and whether it may be changed. */
export function ManagedNote({ management, testId }: { management: Management; testId?: string }) {
  if (management === 'local') return null;
  return (
    <span class="managed-note" data-testid={testId} data-management={management}>
      {management === 'locked' ? policyText.locked : policyText.suggested}
    </span>
  );
}
