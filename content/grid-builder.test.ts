import { describe, expect, it } from 'vitest';
import { GridBuilder } from './grid-builder';

const cell = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });

describe('GridBuilder', () => {
  it('repeats column spans as empty cells and leaves room under row spans', () => {
    const grid = new GridBuilder();
    grid.addRow([cell('a', 1, 3), cell('b', 2)]);
    grid.addRow([cell('c'), cell('d')]);
    grid.addRow([cell('e', 1, 2), cell('f')]);
    grid.addRow([cell('g')]);
    expect(grid.finish()).toEqual([
      ['a', 'b', ''],
      ['', 'c', 'd'],
      ['', 'e', 'f'],
      ['g', '', ''],
    ]);
  });

  it('places cells by their 1-based column and pads short rows', () => {
    const grid = new GridBuilder();
    grid.addRow([cell('x'), cell('y'), cell('z')]);
    grid.addRow([{ ...cell('only-third'), column: 3 }]);
    expect(grid.finish()).toEqual([
      ['x', 'y', 'z'],
      ['', '', 'only-third'],
    ]);
  });

  it('ends row spans at the end of a row group', () => {
    const grid = new GridBuilder();
    grid.addRow([cell('a', 1, 0), cell('b')]);
    grid.addRow([cell('c')]);
    grid.endGroup();
    grid.addRow([cell('d'), cell('e')]);
    expect(grid.finish()).toEqual([
      ['a', 'b'],
      ['', 'c'],
      ['d', 'e'],
    ]);
  });
});
