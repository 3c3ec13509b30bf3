import { useState } from 'preact/hooks';
import { searchItems } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { commonText, pickerText } from '@/utils/text';

export interface ControlPickerProps {
  catalogue: Catalogue;
  selected: readonly string[];
  onAdd: (controlId: string) => void;
}

/** Finds a control by ID ("A.8.13", "a8.13") or by words of its title ("backup"). */
export function ControlPicker({ catalogue, selected, onAdd }: ControlPickerProps) {
  const [query, setQuery] = useState('');
  const results = query.trim()
    ? searchItems(catalogue, query)
        .filter((item) => !selected.includes(item.id))
        .slice(0, 8)
    : [];
  return (
    <div class="control-picker">
      <label>
        {pickerText.addControl}
        <input
          type="search"
          data-testid="control-search"
          placeholder={commonText.searchPlaceholder}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      {results.length > 0 && (
        <ul class="control-results" aria-label={pickerText.matching}>
          {results.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                data-testid="control-result"
                data-control-id={item.id}
                onClick={() => {
                  onAdd(item.id);
                  setQuery('');
                }}
              >
                <strong>{item.id}</strong> {item.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && results.length === 0 && <p class="hint">{pickerText.noMatch(query)}</p>}
    </div>
  );
}
