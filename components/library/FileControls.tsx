import { ControlPicker } from '@/components/soa/ControlPicker';
import { findItem } from '@/utils/catalogue/catalogue';
import type { Catalogue } from '@/utils/catalogue/types';
import { libraryText } from '@/utils/text';

/** The controls the files are tagged with: each chosen one unticks to remove it, the picker adds more. */
export function FileControls({
  catalogue,
  controls,
  onChange,
}: {
  catalogue: Catalogue;
  controls: readonly string[];
  onChange: (update: (current: string[]) => string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{libraryText.filesShow}</legend>
      {controls.map((controlId) => (
        <label key={controlId} class="control-choice">
          <input
            type="checkbox"
            checked
            onChange={() => onChange((current) => current.filter((id) => id !== controlId))}
          />
          <strong>{controlId}</strong> {findItem(catalogue, controlId)?.title ?? ''}
        </label>
      ))}
      <ControlPicker
        catalogue={catalogue}
        selected={controls}
        onAdd={(controlId) =>
          onChange((current) => (current.includes(controlId) ? current : [...current, controlId]))
        }
      />
    </fieldset>
  );
}
