import type { CssRect } from '../capture/element/geometry';

/**
 * The one message a content script may send: the element picker's answer. It is not part of the
 * privileged protocol; the background acts on it only for the tab and token of a picker it opened
 * (utils/capture/element/picker-session.ts), and only once.
 */
export type PickerChoice =
  | { kind: 'element'; description: string }
  | { kind: 'region'; rect: CssRect }
  | { kind: 'cancelled'; reason: 'escape' | 'timeout' };

export interface PickerMessage {
  type: 'pickerResult';
  token: string;
  choice: PickerChoice;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isRect(value: unknown): value is CssRect {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return finite(rect.x) && finite(rect.y) && finite(rect.width) && finite(rect.height);
}

/** The message as a PickerMessage when it has exactly that shape, else null. */
export function asPickerMessage(message: unknown): PickerMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, token, choice } = message as Record<string, unknown>;
  if (type !== 'pickerResult' || typeof token !== 'string') return null;
  if (typeof choice !== 'object' || choice === null) return null;
  const picked = choice as Record<string, unknown>;
  if (picked.kind === 'element' && typeof picked.description === 'string')
    return { type, token, choice: { kind: 'element', description: picked.description.slice(0, 200) } };
  if (picked.kind === 'region' && isRect(picked.rect)) {
    const { x, y, width, height } = picked.rect;
    return { type, token, choice: { kind: 'region', rect: { x, y, width, height } } };
  }
  if (picked.kind === 'cancelled' && (picked.reason === 'escape' || picked.reason === 'timeout'))
    return { type, token, choice: { kind: 'cancelled', reason: picked.reason } };
  return null;
}
