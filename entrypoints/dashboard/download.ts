/** Saves text as a file through the page's own download link (no extra permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  // The byte-order mark makes spreadsheet programs read the CSV as UTF-8 (en dashes, accents).
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox starts the download asynchronously: keep the URL alive for a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
