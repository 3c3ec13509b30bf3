import { useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { errorText } from '@/utils/isms/labels';
import { riskGaps, type RiskGap } from '@/utils/risk/gaps';
import {
  blankRisk,
  filterRisks,
  nextRiskId,
  NO_RISK_FILTER,
  riskOwners,
  sortRisks,
  type RiskFilter,
  type RiskSort,
  type RiskSortKey,
} from '@/utils/risk/register-view';
import { RISK_STATUSES, type Risk, type RiskCriteria, type RiskStatus } from '@/utils/risk/types';
import { riskScreenText, riskText } from '@/utils/text';
import { RiskForm } from './RiskForm';
import { RiskTable } from './RiskTable';

export interface RiskRegisterProps {
  catalogue: Catalogue;
  criteria: RiskCriteria;
  risks: readonly Risk[];
  /** YYYY-MM-DD, to judge acceptances. */
  today: string;
  /** ISO timestamp for a new risk's first draft. */
  now: () => string;
  onSave: (risk: Risk) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onOpenControl: (controlId: string) => void;
  /** Opens this risk in the form at once (a #risk/R-1 link). */
  openRiskId?: string;
}

/** Rows drawn at once; a register of thousands shows more on request instead of stalling the page. */
export const RISK_PAGE = 200;

/** The register: filters by level, owner and status, sortable columns, the form, delete with a confirm. */
export function RiskRegister(props: RiskRegisterProps) {
  const { catalogue, criteria, risks, today } = props;
  const [filter, setFilter] = useState<RiskFilter>(NO_RISK_FILTER);
  const [sort, setSort] = useState<RiskSort>({ key: 'inherent', descending: true });
  // A link to one risk (#risk/R-1, e.g. from an evidence record) opens it in the form.
  const [editing, setEditing] = useState<{ risk: Risk; isNew: boolean } | null>(() => {
    const linked = props.openRiskId ? risks.find((risk) => risk.id === props.openRiskId) : undefined;
    return linked ? { risk: linked, isNew: false } : null;
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [shownCount, setShownCount] = useState(RISK_PAGE);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const shown = useMemo(
    () => sortRisks(criteria, filterRisks(criteria, risks, filter), sort),
    [criteria, risks, filter, sort],
  );
  const gaps = useMemo(() => {
    const byRisk = new Map<string, RiskGap[]>();
    for (const gap of riskGaps(criteria, risks, today))
      byRisk.set(gap.riskId, [...(byRisk.get(gap.riskId) ?? []), gap]);
    return byRisk;
  }, [criteria, risks, today]);
  const owners = useMemo(() => riskOwners(risks), [risks]);
  const takenIds = useMemo(() => new Set(risks.map((risk) => risk.id)), [risks]);

  function toggleSort(key: RiskSortKey) {
    setSort((current) => ({
      key,
      descending: current.key === key ? !current.descending : key === 'inherent' || key === 'residual',
    }));
  }

  async function save(risk: Risk) {
    await props.onSave(risk);
    setEditing(null);
    setError('');
    setMessage(riskScreenText.saved(risk.id));
  }

  async function remove(id: string) {
    setMessage('');
    setError('');
    try {
      await props.onDelete(id);
      setConfirming(null);
      setMessage(riskScreenText.deleted(id));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div class="risk-register" data-testid="risk-register">
      <p>{riskScreenText.summary(risks.length, gaps.size)}</p>
      <div class="filters">
        <label>
          {riskScreenText.filters.level}
          <select
            value={filter.bandId}
            onChange={(event) => setFilter({ ...filter, bandId: event.currentTarget.value })}
          >
            <option value="">{riskScreenText.filters.anyLevel}</option>
            {criteria.bands.map((band) => (
              <option key={band.id} value={band.id}>
                {band.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {riskText.fields.owner}
          <select
            value={filter.owner}
            onChange={(event) => setFilter({ ...filter, owner: event.currentTarget.value })}
          >
            <option value="">{riskScreenText.filters.anyOwner}</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </label>
        <label>
          {riskText.fields.status}
          <select
            value={filter.status}
            onChange={(event) =>
              setFilter({ ...filter, status: event.currentTarget.value as RiskStatus | '' })
            }
          >
            <option value="">{riskScreenText.filters.anyStatus}</option>
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {riskText.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="primary"
          disabled={editing !== null}
          onClick={() => {
            setMessage('');
            setEditing({ risk: blankRisk(criteria, nextRiskId(risks), props.now()), isNew: true });
          }}
        >
          {riskScreenText.newRisk}
        </button>
      </div>
      {message && (
        <p role="status" class="saved">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {editing && (
        <RiskForm
          key={editing.isNew ? 'new' : editing.risk.id}
          catalogue={catalogue}
          criteria={criteria}
          risk={editing.risk}
          isNew={editing.isNew}
          takenIds={takenIds}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {shown.length === 0 ? (
        <p class="hint">
          {risks.length === 0 ? riskScreenText.emptyRegister : riskScreenText.nothingMatches}
        </p>
      ) : (
        <>
          <RiskTable
            criteria={criteria}
            risks={shown.slice(0, shownCount)}
            gaps={gaps}
            sort={sort}
            onSort={toggleSort}
            confirming={confirming}
            editingDisabled={editing !== null}
            onEdit={(risk) => {
              setMessage('');
              setEditing({ risk, isNew: false });
            }}
            onAskDelete={setConfirming}
            onDelete={(id) => void remove(id)}
            onOpenControl={props.onOpenControl}
          />
          {shown.length > shownCount && (
            <p>
              {riskScreenText.showing(shownCount, shown.length)}{' '}
              <button type="button" onClick={() => setShownCount(shownCount + RISK_PAGE)}>
                {riskScreenText.showMore(Math.min(RISK_PAGE, shown.length - shownCount))}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
