import { useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { monthsInRange } from '@/utils/coverage/dates';
import type { CoverageResult } from '@/utils/coverage/types';
import { periodText } from '@/utils/text';

export interface OperatingPeriodProps {
  catalogue: Catalogue;
  coverage: CoverageResult;
  onOpen: (controlId: string) => void;
}

/**
 * Per applicable control, evidence by month across the audit window: the months an auditor's sample
 * would find empty stand out (marked ✗ and "empty", not only by colour). Months after the reference
 * date cannot hold evidence yet and are shown as such.
 */
export function OperatingPeriod({ catalogue, coverage, onOpen }: OperatingPeriodProps) {
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [theme, setTheme] = useState('');
  const { window, referenceDate } = coverage;
  const months = useMemo(
    () => (window.end >= window.start ? monthsInRange(window.start, window.end) : []),
    [window.start, window.end],
  );
  const currentMonth = referenceDate.slice(0, 7);
  const titles = useMemo(() => new Map(catalogue.items.map((item) => [item.id, item.title])), [catalogue]);
  const applicable = coverage.controls.filter((control) => control.applicable);
  const hasEmptyMonth = (counts: Record<string, number>) =>
    months.some((month) => month <= currentMonth && (counts[month] ?? 0) === 0);
  const withGaps = applicable.filter((control) => hasEmptyMonth(control.months));
  const rows = applicable.filter(
    (control) => (theme === '' || control.theme === theme) && (!onlyGaps || hasEmptyMonth(control.months)),
  );

  return (
    <div class="operating-period" data-testid="operating-period">
      <p>
        {periodText.window(window.start, window.end)}
        {!window.planned && periodText.lastTwelveMonths}.{' '}
        <strong>{periodText.itemsWithGaps(withGaps.length, applicable.length)}</strong>{' '}
        {periodText.haveEmptyMonth}
      </p>
      <div class="filters">
        <label class="inline">
          <input
            type="checkbox"
            checked={onlyGaps}
            onChange={(event) => setOnlyGaps(event.currentTarget.checked)}
          />{' '}
          {periodText.onlyEmptyMonths}
        </label>
        <label class="inline">
          {periodText.theme}{' '}
          <select value={theme} onChange={(event) => setTheme(event.currentTarget.value)}>
            <option value="">{periodText.allThemes}</option>
            {catalogue.themes.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="table-scroll">
        <table class="data period-table">
          <caption class="visually-hidden">{periodText.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{periodText.control}</th>
              {months.map((month) => (
                <th scope="col" key={month}>
                  {month}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((control) => (
              <tr key={control.controlId} data-control-id={control.controlId}>
                <th scope="row">
                  <button
                    type="button"
                    class="link"
                    title={titles.get(control.controlId) ?? ''}
                    onClick={() => onOpen(control.controlId)}
                  >
                    {control.controlId}
                  </button>
                </th>
                {months.map((month) => {
                  const count = control.months[month] ?? 0;
                  if (month > currentMonth) {
                    return (
                      <td key={month} class="month future" title={periodText.notYetTitle(month)}>
                        <span aria-hidden="true">·</span>
                        <span class="visually-hidden">{periodText.notYet}</span>
                      </td>
                    );
                  }
                  if (count === 0) {
                    return (
                      <td
                        key={month}
                        class="month empty"
                        data-empty="true"
                        title={periodText.noEvidenceTitle(month)}
                      >
                        <span aria-hidden="true">✗</span>
                        <span class="visually-hidden">{periodText.empty}</span>
                      </td>
                    );
                  }
                  return (
                    <td key={month} class="month filled" title={periodText.evidenceTitle(month, count)}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p class="hint">{periodText.noMatch}</p>}
    </div>
  );
}
