import { useMemo, useRef, useState } from 'preact/hooks';
import type { Catalogue } from '@/utils/catalogue/types';
import type { ControlCoverage } from '@/utils/coverage/types';
import { STATUS_META } from './StatusBadge';
import { overviewText } from '@/utils/text';

export interface ControlGridProps {
  catalogue: Catalogue;
  /** Coverage of every catalogue item, in catalogue order. */
  controls: readonly ControlCoverage[];
  onOpen: (controlId: string) => void;
}

/** 'A.8.13' → '8.13': the theme heading already says Annex A or clauses. */
function shortId(id: string): string {
  return id.startsWith('A.') ? id.slice(2) : id;
}

/** "A.8.13 Information backup — missing": what each cell says to a screen reader and on hover. */
export function cellLabel(control: ControlCoverage, title: string): string {
  const status = STATUS_META[control.status].label;
  return overviewText.cellLabel(control.controlId, title, status, control.missingJustification);
}

/**
 * Every control as one cell, coloured by status with an icon and text. The grid is one tab stop;
 * arrow keys, Home and End move between cells (roving tabindex), Enter opens the control.
 */
export function ControlGrid({ catalogue, controls, onOpen }: ControlGridProps) {
  const [active, setActive] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => {
    const titles = new Map(catalogue.items.map((item) => [item.id, item.title]));
    let index = 0;
    return catalogue.themes
      .map((theme) => ({
        theme,
        cells: controls
          .filter((control) => control.theme === theme.id)
          .map((control) => ({ control, title: titles.get(control.controlId) ?? '', index: index++ })),
      }))
      .filter((group) => group.cells.length > 0);
  }, [catalogue, controls]);
  const count = groups.reduce((sum, group) => sum + group.cells.length, 0);

  function move(event: KeyboardEvent) {
    const buttons = [...(container.current?.querySelectorAll<HTMLButtonElement>('button.grid-cell') ?? [])];
    const first = buttons[0];
    // Cells per visual row, for the up and down arrows.
    const columns = Math.max(1, buttons.filter((button) => button.offsetTop === first?.offsetTop).length);
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -count,
      End: count,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.min(count - 1, Math.max(0, active + step));
    setActive(next);
    buttons[next]?.focus();
  }

  return (
    <div class="control-grid" ref={container} onKeyDown={move} data-testid="control-grid">
      {groups.map(({ theme, cells }) => (
        <section key={theme.id} class="grid-group" aria-label={theme.name}>
          <h3 class="grid-heading">{theme.name}</h3>
          <ul class="grid-cells" role="list">
            {cells.map(({ control, title, index }) => {
              const label = cellLabel(control, title);
              return (
                <li key={control.controlId}>
                  <button
                    type="button"
                    class={`grid-cell status-${control.status}${control.missingJustification ? ' unjustified' : ''}`}
                    data-control-id={control.controlId}
                    data-status={control.status}
                    aria-label={label}
                    title={label}
                    tabIndex={index === active ? 0 : -1}
                    onFocus={() => setActive(index)}
                    onClick={() => onOpen(control.controlId)}
                  >
                    <span aria-hidden="true">
                      {STATUS_META[control.status].icon}
                      {shortId(control.controlId)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p class="grid-legend hint" aria-hidden="true">
        {Object.values(STATUS_META)
          .map((meta) => `${meta.icon} ${meta.label}`)
          .join('  ·  ')}
      </p>
    </div>
  );
}
