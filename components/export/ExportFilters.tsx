import { ControlPicker } from '@/components/soa/ControlPicker';
import type { Catalogue } from '@/utils/catalogue/types';
import { commonText, exportText, requestText } from '@/utils/text';

export interface ExportFilterState {
  windowStart: string;
  windowEnd: string;
  themes: string[];
  controls: string[];
  includeDomSnapshots: boolean;
  /** The audit whose request list chooses the evidence; '' = the window, themes and controls do. */
  requestList: string;
}

export interface ExportFiltersProps {
  catalogue: Catalogue;
  value: ExportFilterState;
  disabled: boolean;
  onChange: (value: ExportFilterState) => void;
  /** Audits with a request list; the choice is offered only when there is one. */
  requestLists?: readonly string[];
}

const toggled = (list: readonly string[], item: string, on: boolean) =>
  on ? [...list, item] : list.filter((entry) => entry !== item);

/** Which evidence goes into the bundle: audit window, themes and controls, DOM snapshots or not. */
export function ExportFilters({
  catalogue,
  value,
  disabled,
  onChange,
  requestLists = [],
}: ExportFiltersProps) {
  const set = (change: Partial<ExportFilterState>) => onChange({ ...value, ...change });
  const byList = value.requestList !== '';
  return (
    <fieldset disabled={disabled} class="export-filters">
      <legend>{exportText.whatToExport}</legend>
      {requestLists.length > 0 && (
        <label>
          {requestText.export.choose}
          <select
            data-testid="export-request-list"
            value={value.requestList}
            onChange={(event) => set({ requestList: event.currentTarget.value })}
          >
            <option value="">{requestText.export.byFilters}</option>
            {requestLists.map((audit) => (
              <option key={audit} value={audit}>
                {requestText.export.forList(audit)}
              </option>
            ))}
          </select>
        </label>
      )}
      {byList && <p class="hint">{requestText.export.hint}</p>}
      <fieldset disabled={byList} class="export-by-filters">
        <div class="export-window">
          <label>
            {exportText.effectiveFrom}
            <input
              type="date"
              data-testid="window-start"
              value={value.windowStart}
              onInput={(event) => set({ windowStart: event.currentTarget.value })}
            />
          </label>
          <label>
            {exportText.to}
            <input
              type="date"
              data-testid="window-end"
              value={value.windowEnd}
              onInput={(event) => set({ windowEnd: event.currentTarget.value })}
            />
          </label>
        </div>
        <p class="hint">{exportText.windowHint}</p>
        <fieldset>
          <legend>{exportText.themes}</legend>
          {catalogue.themes.map((theme) => (
            <label class="control-choice" key={theme.id}>
              <input
                type="checkbox"
                data-testid={`theme-${theme.id}`}
                checked={value.themes.includes(theme.id)}
                onChange={(event) =>
                  set({ themes: toggled(value.themes, theme.id, event.currentTarget.checked) })
                }
              />
              {theme.name}
            </label>
          ))}
        </fieldset>
        <ControlPicker
          catalogue={catalogue}
          selected={value.controls}
          onAdd={(id) => set({ controls: [...value.controls, id] })}
        />
        {value.controls.length > 0 && (
          <ul class="export-controls" aria-label={exportText.chosenControls}>
            {value.controls.map((id) => (
              <li key={id}>
                {id}{' '}
                <button
                  type="button"
                  class="link"
                  aria-label={commonText.removeItem(id)}
                  onClick={() => set({ controls: value.controls.filter((entry) => entry !== id) })}
                >
                  {exportText.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label class="control-choice">
        <input
          type="checkbox"
          data-testid="include-dom"
          checked={value.includeDomSnapshots}
          onChange={(event) => set({ includeDomSnapshots: event.currentTarget.checked })}
        />
        {exportText.includeDom}
      </label>
    </fieldset>
  );
}
