import { useRef, useState } from 'preact/hooks';
import {
  describeRect,
  moveRect,
  rectFromDrag,
  rectFromPercent,
  resizeRect,
  type FractionRect,
} from '@/utils/redaction/rectangles';
import { blackoutText, commonText } from '@/utils/text';

export interface BlackoutEditorProps {
  imageUrl: string;
  imageAlt: string;
  /** Replaces the stored images with blacked-out ones (through the background). */
  onApply: (rectangles: FractionRect[]) => Promise<void>;
}

const STEP = 0.01;
const percentStyle = (rect: FractionRect) => ({
  left: `${rect.x * 100}%`,
  top: `${rect.y * 100}%`,
  width: `${rect.width * 100}%`,
  height: `${rect.height * 100}%`,
});

/**
 * Areas to black out in a capture: dragged on the preview, or typed in percent and then moved with
 * the arrow keys (Shift + arrows resizes). Applying replaces the stored images for good.
 */
export function BlackoutEditor({ imageUrl, imageAlt, onApply }: BlackoutEditorProps) {
  const image = useRef<HTMLImageElement>(null);
  const [rects, setRects] = useState<FractionRect[]>([]);
  const [drag, setDrag] = useState<{ start: { x: number; y: number }; rect: FractionRect | null } | null>(
    null,
  );
  const [fields, setFields] = useState({ x: '', y: '', width: '', height: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const point = (event: PointerEvent) => {
    // The image's own box: the surface's border must not shift the areas by a pixel.
    const box = image.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top, box };
  };
  const add = (rect: FractionRect) => {
    setRects((current) => [...current, rect]);
    setConfirming(false);
    setStatus(blackoutText.areaAdded(rects.length + 1, describeRect(rect)));
  };

  function onKey(index: number, event: KeyboardEvent) {
    const deltas: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    const delta = deltas[event.key];
    if (!delta) return;
    event.preventDefault();
    setRects((current) =>
      current.map((rect, i) =>
        i !== index ? rect : event.shiftKey ? resizeRect(rect, ...delta) : moveRect(rect, ...delta),
      ),
    );
  }

  // A group, not a form: the editor sits inside the tagging form, and forms cannot nest. Enter adds.
  function addFromFields(event: Event) {
    event.preventDefault();
    const rect = rectFromPercent({
      x: Number.parseFloat(fields.x),
      y: Number.parseFloat(fields.y),
      width: Number.parseFloat(fields.width),
      height: Number.parseFloat(fields.height),
    });
    if (!rect) {
      setError(blackoutText.fieldsInvalid);
      return;
    }
    setError('');
    add(rect);
  }

  async function apply() {
    setBusy(true);
    setError('');
    try {
      await onApply(rects);
      setStatus(blackoutText.blackedOut(rects.length));
      setRects([]);
      setConfirming(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof fields, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min="0"
        max="100"
        step="0.1"
        data-testid={`blackout-${key}`}
        value={fields[key]}
        onInput={(event) => setFields({ ...fields, [key]: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') addFromFields(event);
        }}
      />
    </label>
  );

  return (
    <section class="blackout" aria-labelledby="blackout-heading" data-testid="blackout">
      <h3 id="blackout-heading">{blackoutText.heading}</h3>
      <p class="hint">{blackoutText.intro}</p>
      <div
        class="blackout-surface"
        data-testid="blackout-surface"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          setDrag({ start: point(event), rect: null });
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          const { box, ...end } = point(event);
          setDrag({ ...drag, rect: rectFromDrag(drag.start, end, box) });
        }}
        onPointerUp={(event) => {
          if (!drag) return;
          const { box, ...end } = point(event);
          const rect = rectFromDrag(drag.start, end, box);
          setDrag(null);
          if (rect) add(rect);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        <img ref={image} src={imageUrl} alt={imageAlt} draggable={false} />
        {rects.map((rect, index) => (
          <div key={index} class="blackout-rect" style={percentStyle(rect)} />
        ))}
        {drag?.rect && <div class="blackout-rect draft" style={percentStyle(drag.rect)} />}
      </div>
      {rects.length > 0 && (
        <ol class="blackout-list" aria-label={blackoutText.areasLabel}>
          {rects.map((rect, index) => (
            <li key={index}>
              <button
                type="button"
                class="link"
                aria-describedby="blackout-keys"
                onKeyDown={(event) => onKey(index, event)}
              >
                {blackoutText.area(index + 1, describeRect(rect))}
              </button>{' '}
              <button
                type="button"
                class="link"
                aria-label={blackoutText.removeArea(index + 1)}
                onClick={() => setRects(rects.filter((_, i) => i !== index))}
              >
                {commonText.remove}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p id="blackout-keys" class="hint">
        {blackoutText.keysHint}
      </p>
      <div class="blackout-fields" role="group" aria-label={blackoutText.byNumbers}>
        <div class="form-row">
          {field('x', blackoutText.fromLeft)}
          {field('y', blackoutText.fromTop)}
          {field('width', blackoutText.width)}
          {field('height', blackoutText.height)}
        </div>
        <button type="button" data-testid="blackout-add" onClick={addFromFields}>
          {blackoutText.addArea}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="hint" data-testid="blackout-status">
        {status}
      </p>
      {rects.length > 0 && !confirming && (
        <button
          type="button"
          class="primary"
          data-testid="blackout-apply"
          onClick={() => setConfirming(true)}
        >
          {blackoutText.blackOut(rects.length)}
        </button>
      )}
      {confirming && (
        <div class="blackout-confirm">
          <p>{blackoutText.confirmWarning}</p>
          <button
            type="button"
            class="primary"
            data-testid="blackout-confirm"
            disabled={busy}
            onClick={() => void apply()}
          >
            {busy ? blackoutText.blackingOut : blackoutText.confirm}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {commonText.cancel}
          </button>
        </div>
      )}
    </section>
  );
}
