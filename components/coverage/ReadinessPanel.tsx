import { daysBetween, isCalendarDate } from '@/utils/coverage/dates';
import type { Readiness } from '@/utils/coverage/types';
import type { AuditPlan } from '@/utils/isms/types';
import { ReadinessCard } from './ReadinessCard';
import { overviewText } from '@/utils/text';

export interface ReadinessPanelProps {
  plan: AuditPlan | null;
  today: string;
  stage1: Readiness;
  stage2: Readiness;
}

function planned(date: string | null | undefined): string | null {
  return typeof date === 'string' && isCalendarDate(date) ? date : null;
}

/** Stage 1 (documents) and Stage 2 (operating evidence) readiness side by side, with reasons. */
export function ReadinessPanel({ plan, today, stage1, stage2 }: ReadinessPanelProps) {
  const stage1Date = planned(plan?.stage1Date);
  const stage2Date = planned(plan?.stage2Date);
  return (
    <div class="readiness-panel" data-testid="readiness-panel">
      <ReadinessCard
        title={overviewText.stage1Title}
        date={stage1Date}
        daysLeft={stage1Date === null ? null : daysBetween(today, stage1Date)}
        readiness={stage1}
      />
      <ReadinessCard
        title={overviewText.stage2Title}
        date={stage2Date}
        daysLeft={stage2Date === null ? null : daysBetween(today, stage2Date)}
        readiness={stage2}
      />
    </div>
  );
}
