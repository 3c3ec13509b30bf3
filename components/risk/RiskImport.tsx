import { useMemo, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import { errorText } from '@/utils/isms/labels';
import { importReady, previewRiskImport, type RiskImportPreview } from '@/utils/risk/risk-import';
import { RISK_CSV_HEADER, type RiskCsvColumn } from '@/utils/risk/risk-csv';
import type { Risk, RiskCriteria } from '@/utils/risk/types';
import { commonText, riskScreenText, riskText } from '@/utils/text';
import { ImportDiff } from './ImportDiff';

export interface RiskImportProps {
  catalogue: Catalogue;
  criteria: RiskCriteria;
  existing: readonly Risk[];
  now: () => string;
  readFile: (file: File) => Promise<string>;
  /** Writes the confirmed preview; resolves with the number of risks written. */
  onConfirm: (preview: RiskImportPreview) => Promise<number>;
}

/** Problems listed at once; the rest are counted, the file has to be fixed anyway. */
const PROBLEMS_SHOWN = 100;

interface Loaded {
  name: string;
  text: string;
}

/**
 * CSV import of a register kept in a spreadsheet: choose the file, check how its columns map (and change
 * it), read every problem with its line, see what is added and what changes by ID, then confirm. Nothing
 * is written before the confirm, and not at all while a row cannot be read.
 */
export function RiskImport({ catalogue, criteria, existing, now, readFile, onConfirm }: RiskImportProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, RiskCsvColumn | null>>(new Map());
  // The preview being written: it stays on screen as confirmed while the register reloads under it.
  const [writing, setWriting] = useState<RiskImportPreview | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const preview = useMemo(
    () =>
      writing ??
      (loaded
        ? previewRiskImport(loaded.text, { criteria, catalogue, existing, now: now(), overrides })
        : null),
    // `now` is read once per preview; a new clock tick alone is no reason to re-read the file.
    [writing, loaded, criteria, catalogue, existing, overrides],
  );

  async function choose(file: File | undefined) {
    setMessage('');
    setError('');
    setOverrides(new Map());
    if (!file) return setLoaded(null);
    try {
      setLoaded({ name: file.name, text: await readFile(file) });
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function confirm(ready: RiskImportPreview) {
    setWriting(ready);
    setError('');
    try {
      const written = await onConfirm(ready);
      setMessage(riskScreenText.import.imported(written, loaded?.name ?? ''));
      setLoaded(null);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setWriting(null);
    }
  }

  return (
    <section class="risk-import" aria-labelledby="risk-import-heading">
      <h3 id="risk-import-heading">{riskScreenText.import.heading}</h3>
      <p class="hint">{riskScreenText.import.intro}</p>
      <label>
        {riskScreenText.import.chooseFile}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="risk-import-file"
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
      </label>
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
      {preview && loaded && (
        <div data-testid="risk-import-preview">
          {preview.mapping.length > 0 && (
            <ColumnMappingTable
              preview={preview}
              onChange={(header, column) => setOverrides(new Map([...overrides, [header, column]]))}
            />
          )}
          {preview.problems.length > 0 && (
            <div role="alert" class="error" data-testid="risk-import-problems">
              <p>{riskScreenText.import.problems(preview.problems.length)}</p>
              <ul>
                {preview.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                  <li key={index}>{riskText.import.problemLine(problem.line, problem.message)}</li>
                ))}
              </ul>
              {preview.problems.length > PROBLEMS_SHOWN && (
                <p>{riskScreenText.import.moreProblems(preview.problems.length - PROBLEMS_SHOWN)}</p>
              )}
            </div>
          )}
          <ImportDiff preview={preview} />
          <div class="form-actions">
            <button
              type="button"
              class="primary"
              disabled={writing !== null || !importReady(preview)}
              onClick={() => void confirm(preview)}
            >
              {writing
                ? commonText.saving
                : riskScreenText.import.confirm(preview.added.length + preview.changed.length)}
            </button>
            <button type="button" onClick={() => void choose(undefined)}>
              {commonText.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ColumnMappingTable({
  preview,
  onChange,
}: {
  preview: RiskImportPreview;
  onChange: (header: string, column: RiskCsvColumn | null) => void;
}) {
  return (
    <div class="table-scroll">
      <table class="data" data-testid="risk-import-mapping">
        <caption>{riskScreenText.import.mappingCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{riskScreenText.import.fileColumn}</th>
            <th scope="col">{riskScreenText.import.registerField}</th>
          </tr>
        </thead>
        <tbody>
          {preview.mapping.map((entry) => (
            <tr key={entry.index}>
              <th scope="row">{entry.header}</th>
              <td>
                <select
                  aria-label={riskScreenText.import.mapColumn(entry.header)}
                  value={entry.column ?? ''}
                  onChange={(event) =>
                    onChange(entry.header, (event.currentTarget.value || null) as RiskCsvColumn | null)
                  }
                >
                  <option value="">{riskScreenText.import.ignored}</option>
                  {RISK_CSV_HEADER.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
