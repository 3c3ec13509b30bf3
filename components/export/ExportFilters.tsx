import { ControlPicker } from '@/components/ControlPicker';
import type { Catalogue } from '@/utils/catalogue/types';

export interface ExportFilterState {
  windowStart: string;
  windowEnd: string;
  themes: string[];
  controls: string[];
  includeDomSnapshots: boolean;
}

export interface ExportFiltersProps {
  catalogue: Catalogue;
  value: ExportFilterState;
  disabled: boolean;
  onChange: (value: ExportFilterState) => void;
}

const toggled = (list: readonly string[], item: string, on: boolean) =>
  on ? [...list, item] : list.filter((entry) => entry !== item);

/** Which evidence goes into the bundle: audit window, themes and controls, DOM snapshots or not. */
export function ExportFilters({ catalogue, value, disabled, onChange }: ExportFiltersProps) {
  const set = (change: Partial<ExportFilterState>) => onChange({ ...value, ...change });
  return (
    <fieldset disabled={disabled} class="export-filters">
      <legend>What to export</legend>
      <div class="export-window">
        <label>
          Evidence effective from
          <input
            type="date"
            data-testid="window-start"
            value={value.windowStart}
            onInput={(event) => set({ windowStart: event.currentTarget.value })}
          />
        </label>
        <label>
          to
          <input
            type="date"
            data-testid="window-end"
            value={value.windowEnd}
            onInput={(event) => set({ windowEnd: event.currentTarget.value })}
          />
        </label>
      </div>
      <p class="hint">The audit window of the audit plan is the default; leave a date empty for no bound.</p>
      <fieldset>
        <legend>Themes (none chosen = all evidence)</legend>
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
        <ul class="export-controls" aria-label="Chosen controls">
          {value.controls.map((id) => (
            <li key={id}>
              {id}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Remove ${id}`}
                onClick={() => set({ controls: value.controls.filter((entry) => entry !== id) })}
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="control-choice">
        <input
          type="checkbox"
          data-testid="include-dom"
          checked={value.includeDomSnapshots}
          onChange={(event) => set({ includeDomSnapshots: event.currentTarget.checked })}
        />
        Include DOM snapshots (the page's sanitised HTML; larger, rarely needed by auditors)
      </label>
    </fieldset>
  );
}
