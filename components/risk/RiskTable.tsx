import { inherentLevel, residualLevel } from '@/utils/risk/criteria';
import type { RiskGap } from '@/utils/risk/gaps';
import type { RiskSort, RiskSortKey } from '@/utils/risk/register-view';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { commonText, riskScreenText, riskText } from '@/utils/text';
import { LevelTag } from './LevelTag';

export interface RiskTableProps {
  criteria: RiskCriteria;
  risks: readonly Risk[];
  gaps: ReadonlyMap<string, readonly RiskGap[]>;
  sort: RiskSort;
  onSort: (key: RiskSortKey) => void;
  /** The risk whose delete is being confirmed. */
  confirming: string | null;
  editingDisabled: boolean;
  onEdit: (risk: Risk) => void;
  onAskDelete: (id: string | null) => void;
  onDelete: (id: string) => void;
  onOpenControl: (controlId: string) => void;
}

const COLUMNS: { key: RiskSortKey | null; label: string }[] = [
  { key: 'id', label: riskText.fields.id },
  { key: 'title', label: riskText.fields.title },
  { key: 'owner', label: riskText.fields.owner },
  { key: 'inherent', label: riskScreenText.columns.inherent },
  { key: null, label: riskText.fields.treatment },
  { key: null, label: riskText.fields.controls },
  { key: 'residual', label: riskScreenText.columns.residual },
  { key: 'status', label: riskText.fields.status },
  { key: 'nextReview', label: riskScreenText.columns.nextReview },
];

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  sort: RiskSort;
  onSort: RiskTableProps['onSort'];
}) {
  if (column.key === null) return <th scope="col">{column.label}</th>;
  const key = column.key;
  const active = sort.key === key;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="link sort" onClick={() => onSort(key)}>
        {column.label}
        {active && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );
}

/** The register as a table: one row per risk, levels from the criteria, its gaps marked on the row. */
export function RiskTable(props: RiskTableProps) {
  const { criteria, risks, gaps, sort, confirming } = props;
  return (
    <div class="table-scroll">
      <table class="data risk-table" data-testid="risk-table">
        <caption class="visually-hidden">{riskText.heading}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.label} column={column} sort={sort} onSort={props.onSort} />
            ))}
            <th scope="col">
              <span class="visually-hidden">{commonText.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {risks.map((risk) => (
            <tr key={risk.id} data-risk-id={risk.id}>
              <th scope="row">{risk.id}</th>
              <td class="description">
                {risk.title}
                {(gaps.get(risk.id) ?? []).map((gap) => (
                  <span key={gap.kind} class="tag warning">
                    <span aria-hidden="true">! </span>
                    {riskScreenText.gapTags[gap.kind]}
                  </span>
                ))}
              </td>
              <td>{risk.owner || commonText.none}</td>
              <td>
                <LevelTag level={inherentLevel(criteria, risk)} />
              </td>
              <td>{risk.treatment ? riskText.treatments[risk.treatment] : commonText.none}</td>
              <td>
                {risk.controls.length === 0
                  ? commonText.none
                  : risk.controls.map((controlId, index) => (
                      <span key={controlId}>
                        {index > 0 && ', '}
                        <button type="button" class="link" onClick={() => props.onOpenControl(controlId)}>
                          {controlId}
                        </button>
                      </span>
                    ))}
              </td>
              <td>
                <LevelTag level={residualLevel(criteria, risk)} />
              </td>
              <td>{riskText.statuses[risk.status]}</td>
              <td>{risk.nextReview ?? commonText.none}</td>
              <td class="actions">
                {confirming === risk.id ? (
                  <span role="group" aria-label={riskScreenText.confirmDelete(risk.id)}>
                    {riskScreenText.deleteQuestion(risk.id)}{' '}
                    <button type="button" onClick={() => props.onDelete(risk.id)}>
                      {commonText.delete}
                    </button>{' '}
                    <button type="button" onClick={() => props.onAskDelete(null)}>
                      {riskScreenText.keep}
                    </button>
                  </span>
                ) : (
                  <>
                    <button
                      type="button"
                      aria-label={commonText.editItem(risk.id)}
                      disabled={props.editingDisabled}
                      onClick={() => props.onEdit(risk)}
                    >
                      {commonText.edit}
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={commonText.deleteItem(risk.id)}
                      onClick={() => props.onAskDelete(risk.id)}
                    >
                      {commonText.delete}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
