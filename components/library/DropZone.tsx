import { useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/utils/evidence/checks';
import { libraryText } from '@/utils/text';

/** Where files arrive: dropped on the zone or chosen in the file dialog. */
export function DropZone({ maxBytes, onFiles }: { maxBytes: number; onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onFiles([...(event.dataTransfer?.files ?? [])]);
      }}
    >
      <p>
        {libraryText.dropHere}{' '}
        <button type="button" class="link" onClick={() => input.current?.click()}>
          {libraryText.chooseFiles}
        </button>
        {libraryText.upTo(formatBytes(maxBytes))}
      </p>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(event) => {
          onFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
