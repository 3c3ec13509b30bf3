import type { CoverageRollup, CoverageStatus, ThemeCoverage } from '@/utils/coverage/types';
import { STATUS_META } from './StatusBadge';
import { overviewText } from '@/utils/text';

const BAR_ORDER: readonly CoverageStatus[] = ['covered', 'due-soon', 'stale', 'missing'];

export interface ThemeBarsProps {
  themes: readonly ThemeCoverage[];
  overall?: CoverageRollup;
  /** Popup: one line per theme; dashboard: the counts as well. */
  compact?: boolean;
}

function countsText(rollup: CoverageRollup): string {
  return BAR_ORDER.filter((status) => rollup.counts[status] > 0)
    .map((status) => overviewText.statusCount(rollup.counts[status], STATUS_META[status].label))
    .join(' · ');
}

function Bar({ name, rollup, compact }: { name: string; rollup: CoverageRollup; compact: boolean }) {
  const counts = countsText(rollup);
  return (
    <li class="theme-bar" data-testid="theme-bar">
      <div class="theme-bar-label">
        <span class="theme-name">{name}</span>
        <span class="theme-percent">
          {rollup.applicable === 0
            ? overviewText.nothingApplicable
            : overviewText.percentCovered(rollup.percentCovered)}
        </span>
      </div>
      {/* The bar repeats the text below it, so assistive technology skips it. */}
      <div class="bar" aria-hidden="true">
        {rollup.applicable > 0 &&
          BAR_ORDER.map((status) =>
            rollup.counts[status] > 0 ? (
              <span
                key={status}
                class={`bar-segment status-${status}`}
                style={{ width: `${(rollup.counts[status] * 100) / rollup.applicable}%` }}
              />
            ) : null,
          )}
      </div>
      {!compact && (
        <p class="hint">
          {counts || overviewText.noApplicableItems}
          {rollup.counts['not-applicable'] > 0 &&
            ` · ${overviewText.statusCount(rollup.counts['not-applicable'], STATUS_META['not-applicable'].label)}`}
        </p>
      )}
      {compact && <span class="visually-hidden">{counts}</span>}
    </li>
  );
}

/** Share of applicable items with fresh evidence, per theme and overall. */
export function ThemeBars({ themes, overall, compact = false }: ThemeBarsProps) {
  return (
    <ul class={`theme-bars${compact ? ' compact' : ''}`} aria-label={overviewText.themeBars}>
      {overall && <Bar name={overviewText.overall} rollup={overall} compact={compact} />}
      {themes
        .filter((theme) => theme.total > 0)
        .map((theme) => (
          <Bar key={theme.themeId} name={theme.name} rollup={theme} compact={compact} />
        ))}
    </ul>
  );
}
