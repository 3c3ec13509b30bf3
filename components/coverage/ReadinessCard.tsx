import { useState } from 'preact/hooks';
import type { Readiness } from '@/utils/coverage/types';
import { daysLeftText } from '@/utils/coverage/assessment';
import { overviewText } from '@/utils/text';

export interface ReadinessCardProps {
  title: string;
  /** The audit's date, when planned. */
  date: string | null;
  daysLeft: number | null;
  readiness: Readiness;
  /** Reasons shown before "Show all". */
  visibleReasons?: number;
  headingLevel?: 2 | 3;
}

/** Ready or not for one audit, with every reason it is not. */
export function ReadinessCard(props: ReadinessCardProps) {
  const { title, date, daysLeft, readiness, visibleReasons = 6, headingLevel = 3 } = props;
  const [expanded, setExpanded] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const reasons = expanded ? readiness.reasons : readiness.reasons.slice(0, visibleReasons);
  return (
    <section
      class={`readiness ${readiness.ready ? 'ready' : 'not-ready'}`}
      aria-label={overviewText.readinessOf(title)}
    >
      <Heading class="readiness-title">
        {title}
        {date !== null && (
          <span class="readiness-date">
            {' '}
            · {date}
            {daysLeft !== null && daysLeft >= 0 && overviewText.daysLeftSuffix(daysLeftText(daysLeft))}
            {daysLeft !== null && daysLeft < 0 && overviewText.past}
          </span>
        )}
      </Heading>
      <p class="readiness-verdict" data-testid="readiness-verdict">
        <span aria-hidden="true">{readiness.ready ? '✓ ' : '✗ '}</span>
        {readiness.ready ? overviewText.ready : overviewText.notReady(readiness.reasons.length)}
      </p>
      {reasons.length > 0 && (
        <ul class="readiness-reasons">
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      {readiness.reasons.length > visibleReasons && (
        <button type="button" class="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? overviewText.showFewerReasons : overviewText.showAllReasons(readiness.reasons.length)}
        </button>
      )}
    </section>
  );
}
