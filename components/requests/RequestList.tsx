import { useState } from 'preact/hooks';
import type { RequestListRow } from '@/utils/requests/list-view';
import { requestText } from '@/utils/text';

/** Rows shown at first: overdue and open work sorts to the top, the rest is one click away. */
export const FIRST_ROWS = 200;

export interface RequestListProps {
  rows: readonly RequestListRow[];
  onOpen: (reference: string) => void;
}

/** One audit's requests, overdue first, with each one's items and evidence counted. */
export function RequestList({ rows, onOpen }: RequestListProps) {
  const text = requestText.screen;
  const [limit, setLimit] = useState(FIRST_ROWS);
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  return (
    <div class="table-scroll">
      <table class="data request-list" data-testid="request-list">
        <thead>
          <tr>
            <th scope="col">{text.columns.reference}</th>
            <th scope="col">{text.columns.request}</th>
            <th scope="col">{text.columns.controls}</th>
            <th scope="col">{text.columns.due}</th>
            <th scope="col">{text.columns.owner}</th>
            <th scope="col">{text.columns.status}</th>
            <th scope="col">{text.columns.evidence}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ request, overdue, items, evidenceCount }) => (
            <tr key={request.reference} data-reference={request.reference} data-status={request.status}>
              <th scope="row">
                <button
                  type="button"
                  class="link"
                  aria-label={text.open(request.reference)}
                  onClick={() => onOpen(request.reference)}
                >
                  {request.reference}
                </button>
              </th>
              <td class="description">{request.text}</td>
              <td>{request.controls.join(', ')}</td>
              <td>
                {request.dueDate ?? text.noDate}
                {overdue && (
                  <span class="tag warning">
                    <span aria-hidden="true">! </span>
                    {requestText.overdue}
                  </span>
                )}
              </td>
              <td>{request.owner || text.nobody}</td>
              <td>
                {requestText.status[request.status]}
                {request.items.length > 0 && (
                  <span class="hint"> · {text.items(items.provided, items.total)}</span>
                )}
              </td>
              <td>{text.evidenceCount(evidenceCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length && (
        <p>
          {text.shownOf(shown.length, rows.length)}{' '}
          <button type="button" data-testid="request-list-all" onClick={() => setLimit(rows.length)}>
            {text.showAll(rows.length)}
          </button>
        </p>
      )}
    </div>
  );
}
