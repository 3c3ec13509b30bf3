import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { FractionRect } from '@/utils/redaction/rectangles';
import { BlackoutEditor } from './BlackoutEditor';

function show(onApply = vi.fn(async (_rects: FractionRect[]) => {})) {
  render(<BlackoutEditor imageUrl="data:image/png;base64," imageAlt="Screenshot" onApply={onApply} />);
  const surface = screen.getByTestId('blackout-surface');
  // happy-dom lays nothing out: give the preview the size the popup would.
  surface.querySelector('img')!.getBoundingClientRect = () =>
    ({ left: 10, top: 20, width: 320, height: 200 }) as DOMRect;
  return { onApply, surface };
}

const type = (key: string, value: string) =>
  fireEvent.input(screen.getByTestId(`blackout-${key}`), { target: { value } });

describe('BlackoutEditor', () => {
  it('adds an area by pointer drag and applies it only after confirmation', async () => {
    const { onApply, surface } = show();
    fireEvent.pointerDown(surface, { button: 0, clientX: 10 + 160, clientY: 20 + 100, pointerId: 1 });
    fireEvent.pointerMove(surface, { clientX: 10 + 80, clientY: 20 + 50, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: 10 + 80, clientY: 20 + 50, pointerId: 1 });
    expect(
      screen.getByRole('button', { name: /^Area 1: from 25 % to 50 % across, 25 % to 50 % down/ }),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId('blackout-apply'));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByText(/covered pixels cannot be recovered/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('blackout-confirm'));
    await waitFor(() =>
      expect(onApply).toHaveBeenCalledWith([{ x: 0.25, y: 0.25, width: 0.25, height: 0.25 }]),
    );
    expect((await screen.findByTestId('blackout-status')).textContent).toBe(
      '1 area(s) blacked out in the stored images.',
    );
  });

  it('ignores a click without a drag', () => {
    const { surface } = show();
    fireEvent.pointerDown(surface, { button: 0, clientX: 50, clientY: 50, pointerId: 1 });
    fireEvent.pointerUp(surface, { clientX: 51, clientY: 51, pointerId: 1 });
    expect(screen.queryByRole('list', { name: 'Areas to black out' })).toBeNull();
  });

  it('is usable from the keyboard: typed percent, Enter to add, arrows to move, Shift+arrows to resize', async () => {
    const { onApply } = show();
    type('x', '10');
    type('y', '20');
    type('width', '30');
    type('height', '5');
    fireEvent.keyDown(screen.getByTestId('blackout-height'), { key: 'Enter' });
    const area = screen.getByRole('button', { name: /^Area 1:/ });
    expect(area.textContent).toBe('Area 1: from 10 % to 40 % across, 20 % to 25 % down');
    fireEvent.keyDown(area, { key: 'ArrowRight' });
    fireEvent.keyDown(area, { key: 'ArrowDown', shiftKey: true });
    expect(screen.getByRole('button', { name: /^Area 1:/ }).textContent).toBe(
      'Area 1: from 11 % to 41 % across, 20 % to 26 % down',
    );
    fireEvent.click(screen.getByTestId('blackout-apply'));
    fireEvent.click(screen.getByTestId('blackout-confirm'));
    await waitFor(() => expect(onApply).toHaveBeenCalledTimes(1));
    const [rect] = onApply.mock.calls[0]![0];
    expect(rect!.x).toBeCloseTo(0.11, 10);
    expect(rect!.height).toBeCloseTo(0.06, 10);
  });

  it('says what to type when the numbers make no area, and lets an area be removed', () => {
    show();
    type('x', '10');
    fireEvent.click(screen.getByTestId('blackout-add'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Enter the area in percent of the image/);
    type('y', '0');
    type('width', '5');
    type('height', '5');
    fireEvent.click(screen.getByTestId('blackout-add'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove area 1' }));
    expect(screen.queryByTestId('blackout-apply')).toBeNull();
  });

  it('shows the background’s refusal and keeps the areas', async () => {
    show(vi.fn(async () => Promise.reject(new Error('Evidence EV-1 was deleted and cannot be changed.'))));
    type('x', '0');
    type('y', '0');
    type('width', '50');
    type('height', '50');
    fireEvent.click(screen.getByTestId('blackout-add'));
    fireEvent.click(screen.getByTestId('blackout-apply'));
    fireEvent.click(screen.getByTestId('blackout-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Evidence EV-1 was deleted and cannot be changed.',
    );
    expect(screen.getByRole('button', { name: /^Area 1:/ })).toBeTruthy();
  });

  it('states that only pixels change', () => {
    show();
    expect(screen.getByText(/changes the pixels only/)).toBeTruthy();
  });
});
