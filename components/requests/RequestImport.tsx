import { useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { MappingRule } from '@/utils/isms/types';
import { errorText } from '@/utils/isms/labels';
import { REQUEST_CSV_HEADER, type RequestCsvColumn } from '@/utils/requests/columns';
import { confirmedRequests, previewRequestImport } from '@/utils/requests/request-import';
import type { AuditRequest } from '@/utils/requests/types';
import { requestText } from '@/utils/text';

export interface RequestImportProps {
  catalogue: Catalogue;
  /** The rules that suggest controls for captures: the same ones suggest controls from a request's text. */
  rules: readonly MappingRule[];
  /** The audit a row without an Audit cell goes to. */
  audit: string;
  onImport: (requests: AuditRequest[]) => Promise<void>;
  onCancel: () => void;
}

const IGNORE = '';

/** Reads a CSV request list into a preview; nothing is written until the user confirms a list without problems. */
export function RequestImport({
  catalogue,
  rules,
  audit: initialAudit,
  onImport,
  onCancel,
}: RequestImportProps) {
  const [csv, setCsv] = useState<string | null>(null);
  const [audit, setAudit] = useState(initialAudit);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, RequestCsvColumn | null>>(new Map());
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const text = requestText.importer;

  const preview = useMemo(
    () =>
      csv === null
        ? null
        : previewRequestImport(csv, { catalogue, rules, audit: audit.trim() || initialAudit, overrides }),
    [csv, catalogue, rules, audit, initialAudit, overrides],
  );

  async function choose(file: File | undefined) {
    setError('');
    setAccepted(new Set());
    setOverrides(new Map());
    if (!file) return setCsv(null);
    try {
      setCsv(await file.text());
    } catch (failure) {
      setError(text.readFailed(errorText(failure)));
    }
  }

  async function confirm() {
    const requests = preview && confirmedRequests(preview, accepted);
    if (!requests) return;
    setBusy(true);
    setError('');
    try {
      await onImport(requests);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (reference: string, on: boolean) =>
    setAccepted((current) => {
      const next = new Set(current);
      if (on) next.add(reference);
      else next.delete(reference);
      return next;
    });
  const ready = preview !== null && preview.problems.length === 0 && preview.requests.length > 0;

  return (
    <section class="request-import" data-testid="request-import" aria-label={text.heading}>
      <h3>{text.heading}</h3>
      <label class="form-row">
        {text.audit}
        <input
          type="text"
          data-testid="import-audit"
          value={audit}
          placeholder={text.auditPlaceholder}
          onInput={(event) => setAudit(event.currentTarget.value)}
        />
      </label>
      <label class="form-row">
        {text.file}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="request-import-file"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </label>
      <p class="hint">{text.xlsxNote}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {preview && preview.mapping.length > 0 && (
        <fieldset data-testid="import-mapping">
          <legend>{text.mappingHeading}</legend>
          {preview.mapping.map((entry) => (
            <label key={entry.index} class="form-row">
              {entry.header}
              <select
                value={entry.column ?? IGNORE}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  const column = value === IGNORE ? null : (value as RequestCsvColumn);
                  setOverrides((current) => new Map(current).set(entry.header, column));
                }}
              >
                <option value={IGNORE}>{text.ignore}</option>
                {REQUEST_CSV_HEADER.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {preview && preview.problems.length > 0 && (
        <div role="alert" class="error" data-testid="import-problems">
          <p>
            <strong>{text.problemsHeading(preview.problems.length)}</strong> {text.problemsHint}
          </p>
          <ul>
            {preview.problems.slice(0, 200).map((problem, index) => (
              <li key={index} data-line={problem.line}>
                {text.line(problem.line)}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && preview.problems.length === 0 && preview.requests.length > 0 && (
        <div data-testid="import-preview">
          <h4>{text.previewHeading(preview.requests.length)}</h4>
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{requestText.screen.columns.reference}</th>
                  <th scope="col">{requestText.screen.columns.request}</th>
                  <th scope="col">{requestText.screen.columns.controls}</th>
                  <th scope="col">{text.suggested}</th>
                  <th scope="col">{requestText.screen.columns.due}</th>
                  <th scope="col">{requestText.screen.columns.owner}</th>
                </tr>
              </thead>
              <tbody>
                {preview.requests.map(({ request, suggested, line }) => (
                  <tr key={line} data-reference={request.reference}>
                    <th scope="row">{request.reference}</th>
                    <td>
                      {request.text}
                      {request.items.length > 0 && (
                        <span class="hint"> · {requestText.screen.items(0, request.items.length)}</span>
                      )}
                    </td>
                    <td>{request.controls.join(', ')}</td>
                    <td>
                      {suggested.length > 0 && (
                        <label>
                          <input
                            type="checkbox"
                            data-testid="accept-suggestion"
                            checked={accepted.has(request.reference)}
                            onChange={(event) => toggle(request.reference, event.currentTarget.checked)}
                          />
                          {text.accept(request.reference, suggested)}
                        </label>
                      )}
                    </td>
                    <td>{request.dueDate ?? requestText.screen.noDate}</td>
                    <td>{request.owner}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="confirm-import"
          disabled={!ready || busy}
          onClick={() => void confirm()}
        >
          {text.confirm(preview?.requests.length ?? 0)}
        </button>
        <button type="button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </section>
  );
}
