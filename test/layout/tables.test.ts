import { describe, expect, it } from 'vitest';
import { assertRectangular, table3Grid, table4Grid, tableGrids, type TableGrid } from '../../src/layout/tables.js';
import { fixtureText, JINGYUAN } from '../helpers.js';
import { modelOf } from '../render/render-helpers.js';

describe('table grids', () => {
  it('fill every row to the grid width, counting spans from above', () => {
    for (const text of [JINGYUAN, fixtureText('busy-2023.yaml')]) {
      const grids = tableGrids(modelOf(text));
      expect(Object.values(grids).map((g) => g.width)).toEqual([4, 10, 15]);
    }
  });

  it('Table 三 has 3 header rows and 25 figure rows with the official merges', () => {
    const grid = table3Grid(modelOf(JINGYUAN));
    expect(grid.headerRows).toBe(3);
    expect(grid.rows).toHaveLength(28);
    const resultCell = grid.rows[5]![0]!;
    expect(resultCell).toMatchObject({ text: '三、本年度办理结果', rowspan: 22 });
  });

  it('Table 四 has 15 figure columns under 行政复议 (5) and 行政诉讼 (10)', () => {
    const grid = table4Grid(modelOf(JINGYUAN));
    expect(grid.rows[0]!.map((c) => [c.text, c.colspan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(grid.rows[3]).toHaveLength(15);
  });

  it('refuses a ragged grid and a span past the last row', () => {
    const ragged: TableGrid = {
      id: 'table2',
      width: 3,
      headerRows: 0,
      columnWeights: [1, 1, 1],
      rows: [[{ text: 'a', kind: 'label', rowspan: 2 }, { text: 'b', kind: 'number', colspan: 2 }], [{ text: 'c', kind: 'number' }]],
    };
    expect(() => assertRectangular(ragged)).toThrow(/第 2 行占 2 列，表格应为 3 列/);
    const tooLong: TableGrid = { ...ragged, rows: [[{ text: 'a', kind: 'label', rowspan: 3 }, { text: 'b', kind: 'number', colspan: 2 }]] };
    expect(() => assertRectangular(tooLong)).toThrow(/合并超出表格/);
  });
});
