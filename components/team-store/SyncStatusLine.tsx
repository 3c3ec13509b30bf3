/** The popup's one line about the team store, shown below everything else so nothing above it moves. */
export function SyncStatusLine({ text }: { text: string }) {
  return (
    <p class="hint sync-status-line" role="status" data-testid="sync-status-line">
      {text}
    </p>
  );
}
