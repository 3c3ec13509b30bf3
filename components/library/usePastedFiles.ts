import { useEffect } from 'preact/hooks';

/** Clipboard images come unnamed (or all as image.png): name them by the moment of pasting. */
function pastedName(file: File, index: number): File {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const extension = file.type.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'png';
  return new File([file], `pasted-screenshot-${stamp}${index > 0 ? `-${index + 1}` : ''}.${extension}`, {
    type: file.type,
    lastModified: Date.now(),
  });
}

/** Files pasted anywhere on the page (a screenshot from the clipboard), named when they come unnamed. */
export function usePastedFiles(enabled: boolean, onFiles: (files: File[]) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return; // plain text pasted into a field: not ours
      event.preventDefault();
      onFiles(
        files.map((file, index) => (file.name && file.name !== 'image.png' ? file : pastedName(file, index))),
      );
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });
}
