import { useEffect, useRef } from 'preact/hooks';

/**
 * Keyboard focus while editing the SoA: an opened control's form takes focus (scrolled into view); closing it
 * returns focus to that row's Edit button, so the keyboard does not fall to the top of the page.
 */
export function useEditorFocus(editing: string | null) {
  const editorRow = useRef<HTMLTableRowElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const lastEdited = useRef<string | null>(null);

  useEffect(() => {
    const row = editorRow.current;
    if (editing === null || !row) {
      const previous = lastEdited.current;
      if (previous !== null) {
        const rowOf = [...(table.current?.querySelectorAll<HTMLElement>('tr[data-control-id]') ?? [])].find(
          (candidate) => candidate.dataset.controlId === previous,
        );
        rowOf?.querySelector<HTMLElement>('button')?.focus();
      }
      return;
    }
    lastEdited.current = editing;
    row.scrollIntoView?.({ block: 'center' });
    row.querySelector<HTMLElement>('input:not([disabled]), textarea, select')?.focus();
  }, [editing]);

  return { editorRow, table };
}
