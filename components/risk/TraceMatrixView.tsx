import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { cellBreak, type TraceCell, type TraceMatrix } from '@/utils/risk/trace-view';
import { commonText, riskScreenText } from '@/utils/text';
import { STATUS_META } from '../coverage/StatusBadge';
import { LevelTag } from './LevelTag';

export interface TraceMatrixViewProps {
  matrix: TraceMatrix;
  evidenceHref: (evidenceId: string) => string;
  controlHref: (controlId: string) => string;
}

/** Every row has this height, so the rows on screen are known from the scroll position alone. */
export const TRACE_ROW_HEIGHT = 40;
const OVERSCAN = 8;
const FALLBACK_HEIGHT = 640;

function Cell({
  cell,
  evidenceHref,
  controlHref,
}: { cell: TraceCell } & Omit<TraceMatrixViewProps, 'matrix'>) {
  const status = cell.coverage?.status ?? 'missing';
  const broken = cellBreak(cell);
  const newest = cell.evidenceIds[0];
  const label = riskScreenText.trace.cellLabel(
    cell.controlId,
    STATUS_META[status].label,
    cell.newestDate,
    broken,
  );
  return (
    <td class={`trace-cell status-${status}${broken ? ' trace-break' : ''}`}>
      <a href={newest ? evidenceHref(newest) : controlHref(cell.controlId)} aria-label={label} title={label}>
        <span aria-hidden="true">{broken === 'excluded' ? '⊘' : STATUS_META[status].icon}</span>{' '}
        {cell.newestDate ?? riskScreenText.trace.noEvidenceShort}
      </a>
    </td>
  );
}

/**
 * Risks (rows) × treating controls (columns). Only the rows in view are in the DOM (a spacer row above
 * and below stands for the rest), so 500 risks × 93 controls render as fast as a screenful.
 */
export function TraceMatrixView({ matrix, evidenceHref, controlHref }: TraceMatrixViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  useLayoutEffect(() => {
    const element = container.current;
    if (element?.clientHeight) setHeight(element.clientHeight);
  }, []);
  const { controls, rows } = matrix;
  const first = Math.max(0, Math.floor(scrollTop / TRACE_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / TRACE_ROW_HEIGHT) + OVERSCAN);
  const columns = controls.length + 2;
  return (
    <div
      class="trace-scroll"
      ref={container}
      data-testid="trace-matrix"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table class="data trace-table" aria-rowcount={rows.length + 1}>
        <caption class="visually-hidden">{riskScreenText.trace.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{riskScreenText.trace.riskColumn}</th>
            <th scope="col">{riskScreenText.trace.levelColumn}</th>
            {controls.map((controlId) => (
              <th key={controlId} scope="col">
                <a href={controlHref(controlId)}>{controlId}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: `${first * TRACE_ROW_HEIGHT}px` }}>
              <td colSpan={columns} />
            </tr>
          )}
          {rows.slice(first, last).map(({ risk, level, cells }, offset) => (
            <tr
              key={risk.id}
              data-risk-id={risk.id}
              aria-rowindex={first + offset + 2}
              style={{ height: `${TRACE_ROW_HEIGHT}px` }}
            >
              <th scope="row" title={risk.title}>
                {risk.id} <span class="hint">{risk.title}</span>
              </th>
              <td>
                <LevelTag level={level} />
              </td>
              {cells.size === 0 && controls.length === 0
                ? null
                : controls.map((controlId) => {
                    const cell = cells.get(controlId);
                    return cell ? (
                      <Cell
                        key={controlId}
                        cell={cell}
                        evidenceHref={evidenceHref}
                        controlHref={controlHref}
                      />
                    ) : (
                      <td key={controlId} />
                    );
                  })}
            </tr>
          ))}
          {last < rows.length && (
            <tr aria-hidden="true" style={{ height: `${(rows.length - last) * TRACE_ROW_HEIGHT}px` }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.some((row) => row.risk.controls.length === 0) && (
        <p class="warning">
          {riskScreenText.trace.untreated(
            rows.filter((row) => row.risk.controls.length === 0).map((row) => row.risk.id),
          )}
        </p>
      )}
      {rows.length === 0 && <p class="hint">{commonText.none}</p>}
    </div>
  );
}
