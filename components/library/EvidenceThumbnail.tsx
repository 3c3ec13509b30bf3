import { useEffect, useState } from 'preact/hooks';
import type { LibraryRow } from '@/utils/evidence/library-types';
import { libraryText } from '@/utils/text';

export interface EvidenceThumbnailProps {
  row: LibraryRow;
  loadThumbnail: (row: LibraryRow) => Promise<string | null>;
}

/** The small preview of a capture or image file, read only when its card scrolls into view. */
export function EvidenceThumbnail({ row, loadThumbnail }: EvidenceThumbnailProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setUrl(null);
    loadThumbnail(row).then(
      (loaded) => current && setUrl(loaded),
      () => current && setUrl(null),
    );
    return () => {
      current = false;
    };
  }, [row, loadThumbnail]);
  if (!url)
    return (
      <div class="thumbnail-placeholder" aria-hidden="true">
        {row.kind === 'file' ? libraryText.fileThumbnail : ''}
      </div>
    );
  return <img class="thumbnail" src={url} alt="" loading="lazy" decoding="async" />;
}
