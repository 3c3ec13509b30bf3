import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from './VirtualList';

afterEach(cleanup);

const rendered = () =>
  [...screen.getByTestId('list').querySelectorAll('[role="listitem"]')].map((item) =>
    Number(item.getAttribute('data-index')),
  );

describe('VirtualList', () => {
  it('renders only the visible rows plus overscan of 50,000, inside a spacer of the full height', () => {
    const onRangeChange = vi.fn();
    render(
      <VirtualList
        count={50_000}
        rowHeight={50}
        overscan={5}
        fallbackHeight={500}
        label="Rows"
        testId="list"
        renderRow={(index) => <span>row {index}</span>}
        onRangeChange={onRangeChange}
      />,
    );
    expect(rendered()).toEqual(Array.from({ length: 15 }, (_, index) => index));
    const spacer = screen.getByTestId('list').firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe('2500000px');
    expect(onRangeChange).toHaveBeenLastCalledWith(0, 15);
  });

  it('moves the window when scrolled and positions it by transform', async () => {
    const onRangeChange = vi.fn();
    render(
      <VirtualList
        count={50_000}
        rowHeight={50}
        overscan={5}
        fallbackHeight={500}
        label="Rows"
        testId="list"
        renderRow={(index) => <span>row {index}</span>}
        onRangeChange={onRangeChange}
      />,
    );
    const list = screen.getByTestId('list');
    list.scrollTop = 1_000_000;
    fireEvent.scroll(list);
    await screen.findByText('row 20000');
    expect(rendered()[0]).toBe(19_995);
    expect(rendered().at(-1)).toBe(20_014);
    expect((list.querySelector('.virtual-window') as HTMLElement).style.transform).toBe(
      'translateY(999750px)',
    );
    expect(onRangeChange).toHaveBeenLastCalledWith(19_995, 20_015);
  });

  it('renders nothing for an empty list', () => {
    render(
      <VirtualList count={0} rowHeight={50} label="Rows" testId="list" renderRow={() => <span>x</span>} />,
    );
    expect(rendered()).toEqual([]);
  });
});
