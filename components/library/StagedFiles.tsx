import { formatBytes } from '@/utils/evidence/checks';
import { commonText, libraryText } from '@/utils/text';

/** The files waiting to be added, each removable. */
export function StagedFiles({
  files,
  onRemove,
}: {
  files: readonly File[];
  onRemove: (index: number) => void;
}) {
  return (
    <ul class="staged-files">
      {files.map((file, index) => (
        <li key={`${file.name}-${index}`}>
          {file.name} <span class="hint">{formatBytes(file.size)}</span>{' '}
          <button
            type="button"
            class="link"
            aria-label={commonText.removeItem(file.name)}
            onClick={() => onRemove(index)}
          >
            {libraryText.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
