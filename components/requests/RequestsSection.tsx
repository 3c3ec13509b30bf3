import { useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { MappingRule } from '@/utils/isms/types';
import { requestListProgress } from '@/utils/requests/progress';
import { requestAudits, requestListRows } from '@/utils/requests/list-view';
import type { AuditRequest } from '@/utils/requests/types';
import { requestText } from '@/utils/text';
import type { RequestServices } from './request-services';
import { RequestDetail } from './RequestDetail';
import { RequestForm } from './RequestForm';
import { RequestImport } from './RequestImport';
import { RequestList } from './RequestList';

export interface RequestsSectionProps {
  catalogue: Catalogue;
  requests: readonly AuditRequest[];
  rules: readonly MappingRule[];
  today: string;
  services: RequestServices;
}

type View =
  | { kind: 'list' }
  | { kind: 'import' }
  | { kind: 'form'; editing: AuditRequest | null }
  | { kind: 'detail'; reference: string };

const DEFAULT_AUDIT = requestText.importer.auditPlaceholder;

/** The auditor's request lists: one audit at a time, its progress, import, hand edits and each request's page. */
export function RequestsSection({ catalogue, requests, rules, today, services }: RequestsSectionProps) {
  const audits = useMemo(() => requestAudits(requests), [requests]);
  const [chosenAudit, setChosenAudit] = useState<string | null>(null);
  const audit =
    chosenAudit !== null && audits.includes(chosenAudit) ? chosenAudit : (audits[0] ?? DEFAULT_AUDIT);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [message, setMessage] = useState('');
  const rows = useMemo(() => requestListRows(requests, audit, today), [requests, audit, today]);
  const progress = useMemo(
    () =>
      requestListProgress(
        rows.map((row) => row.request),
        today,
      ),
    [rows, today],
  );
  const text = requestText.screen;
  const show = (next: View) => {
    setMessage('');
    setView(next);
  };

  if (view.kind === 'import')
    return (
      <RequestImport
        catalogue={catalogue}
        rules={rules}
        audit={audit}
        onCancel={() => show({ kind: 'list' })}
        onImport={async (imported) => {
          await services.importRequests(imported);
          setChosenAudit(imported[0]?.audit ?? audit);
          setView({ kind: 'list' });
          setMessage(requestText.importer.imported(imported.length, imported[0]?.audit ?? audit));
        }}
      />
    );
  if (view.kind === 'form')
    return (
      <RequestForm
        catalogue={catalogue}
        request={view.editing}
        audit={audit}
        onCancel={() =>
          show(view.editing ? { kind: 'detail', reference: view.editing.reference } : { kind: 'list' })
        }
        onSave={async (request) => {
          await services.saveRequest(request, view.editing);
          setChosenAudit(request.audit);
          setView({ kind: 'detail', reference: request.reference });
          setMessage(requestText.form.saved(request.reference));
        }}
      />
    );
  const opened =
    view.kind === 'detail'
      ? requests.find((request) => request.audit === audit && request.reference === view.reference)
      : undefined;

  return (
    <div class="requests" data-testid="requests-section">
      {message && (
        <p role="status" class="saved" data-testid="requests-message">
          {message}
        </p>
      )}
      {opened ? (
        <RequestDetail
          request={opened}
          services={services}
          onBack={() => show({ kind: 'list' })}
          onEdit={() => show({ kind: 'form', editing: opened })}
          onSaved={setMessage}
        />
      ) : (
        <>
          <p>{text.intro}</p>
          <div class="filters">
            {audits.length > 0 && (
              <label>
                {text.audit}
                <select
                  data-testid="request-audit"
                  value={audit}
                  onChange={(event) => setChosenAudit(event.currentTarget.value)}
                >
                  {audits.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              class="primary"
              data-testid="import-requests"
              onClick={() => show({ kind: 'import' })}
            >
              {text.importButton}
            </button>
            <button
              type="button"
              data-testid="add-request"
              onClick={() => show({ kind: 'form', editing: null })}
            >
              {text.addButton}
            </button>
          </div>
          {rows.length === 0 ? (
            <p class="hint">{text.none}</p>
          ) : (
            <>
              <p data-testid="request-progress">
                {text.listProgress(progress.provided, progress.total, progress.overdue)}
              </p>
              <RequestList rows={rows} onOpen={(reference) => show({ kind: 'detail', reference })} />
            </>
          )}
        </>
      )}
    </div>
  );
}
