/**
 * The three official tables as grids of cells with their merges (rowspan/colspan), made from the
 * format definition and the model. Every renderer draws these grids, so the Markdown, Word and
 * preview tables cannot differ in structure, labels or figures.
 */
import type { Table3Row } from '../format/types.js';
import { oneLine } from '../model/clean-text.js';
import type { FigureRow, ReportModel, Table2Cell } from '../model/types.js';

export type CellKind = 'corner' | 'header' | 'group' | 'label' | 'number';

export interface GridCell {
  text: string;
  kind: CellKind;
  rowspan?: number;
  colspan?: number;
  /** a figure the clerk writes: the JSON pointer of its value (also when left blank or not yet written) */
  pointer?: string;
  /** a total the tool computes: shown, never written in the YAML */
  computed?: true;
}

export interface TableGrid {
  /** table2, table3, table4, or another table's id */
  id: string;
  /** number of grid columns */
  width: number;
  /** the first `headerRows` rows are the header (repeated on each page in Word) */
  headerRows: number;
  rows: GridCell[][];
  /** relative widths of the grid columns, for renderers that set them */
  columnWeights: number[];
}

// Every cell is one line in every renderer: a line break in a note (only a draft gets that far)
// could otherwise end the HTML table inside the Markdown and start a heading or a list.
const cell = (text: string, kind: CellKind, span: { rowspan?: number; colspan?: number } = {}): GridCell => {
  const c: GridCell = { text: oneLine(text), kind };
  if (span.rowspan && span.rowspan > 1) c.rowspan = span.rowspan;
  if (span.colspan && span.colspan > 1) c.colspan = span.colspan;
  return c;
};

/** Splits `total` grid columns over `parts` cells: one each, the last takes the rest. */
function spans(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => (i < parts - 1 ? 1 : total - (parts - 1)));
}

/** A figure as printed: a blank cell stays blank (a draft shows it as written), a note follows in brackets. */
const noted = (figure: string, note: string | undefined): string => (note ? `${figure}（${note}）` : figure);

export const cellText = (c: Table2Cell): string => noted(c.blank ? '' : c.text, c.note);

/** The printed text of position `i` of a Table 三 or 四 row. */
export const figureText = (row: FigureRow, i: number): string => noted(row.blank[i] ? '' : String(row.values[i]), row.notes[i]);

/**
 * A figure row's cells: the parts where the clerk writes them, the last (总计) and every cell of
 * a computed row ((七)总计) marked computed.
 */
function figureCells(row: FigureRow): GridCell[] {
  const last = row.values.length - 1;
  return row.values.map((_, i) => {
    const c = cell(figureText(row, i), 'number');
    if (i === last || row.role === 'resultTotal') c.computed = true;
    else c.pointer = row.written[i]?.pointer ?? `${row.pointer}/${i}`;
    return c;
  });
}

export function table2Grid(model: ReportModel): TableGrid {
  const figureColumns = Math.max(...model.format.table2.groups.map((g) => g.columns.length));
  const width = 1 + figureColumns;
  const rows: GridCell[][] = [];
  for (const group of model.table2) {
    const widths = spans(figureColumns, group.def.columns.length);
    rows.push([cell(group.def.article, 'group', { colspan: width })]);
    rows.push([cell(group.def.contentLabel, 'header'), ...group.def.columns.map((c, i) => cell(c.label, 'header', { colspan: widths[i] }))]);
    for (const row of group.rows) {
      rows.push([cell(row.label, 'label'), ...row.cells.map((c, i) => ({ ...cell(cellText(c), 'number', { colspan: widths[i] }), pointer: c.pointer }))]);
    }
  }
  return { id: 'table2', width, headerRows: 0, rows, columnWeights: [2, ...Array(figureColumns).fill(1.4)] };
}

/** Depth of the Table 三 label tree: how many label columns the grid needs. */
function labelDepth(rows: Table3Row[]): number {
  return Math.max(...rows.map((r) => (r.children ? 1 + labelDepth(r.children) : 1)));
}

const leafCount = (row: Table3Row): number => (row.children ? row.children.reduce((n, c) => n + leafCount(c), 0) : 1);

export function table3Grid(model: ReportModel): TableGrid {
  const t = model.format.table3;
  const depth = labelDepth(t.rows);
  const numbers = t.columns.length + 1;
  const organisations = t.columns.length - 1;
  const rows: GridCell[][] = [
    [cell(t.cornerNote, 'corner', { colspan: depth, rowspan: 3 }), cell(t.applicantHeader, 'header', { colspan: numbers })],
    [
      cell(t.columns[0]!.label, 'header', { rowspan: 2 }),
      cell(t.organisationHeader, 'header', { colspan: organisations }),
      cell(t.totalLabel, 'header', { rowspan: 2 }),
    ],
    t.columns.slice(1).map((c) => cell(c.label, 'header')),
  ];
  // Walk the label tree: a row with children is one label cell spanning its leaves; a leaf's label
  // spans the remaining label columns. Label cells open a grid row only where a leaf begins.
  const figures = new Map(model.table3.map((r) => [r.pointer, r]));
  let pending: GridCell[] = [];
  const walk = (defs: Table3Row[], level: number, pointer: string) => {
    for (const def of defs) {
      const at = `${pointer}/${def.key}`;
      if (def.children) {
        pending.push(cell(def.label, 'label', { rowspan: leafCount(def) }));
        walk(def.children, level + 1, at);
      } else {
        const row = figures.get(at);
        rows.push([...pending, cell(def.label, 'label', { colspan: depth - level }), ...(row ? figureCells(row) : [])]);
        pending = [];
      }
    }
  };
  walk(t.rows, 0, `/${t.key}`);
  const weights = [1.1, 1.6, 3.4].slice(3 - depth);
  return { id: 'table3', width: depth + numbers, headerRows: 3, rows, columnWeights: [...weights, ...Array(numbers).fill(0.9)] };
}

export function table4Grid(model: ReportModel): TableGrid {
  const t = model.format.table4;
  const per = t.columns.length + 1;
  const subLabels = [...t.columns.map((c) => c.label), t.totalLabel];
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  const bottom: GridCell[] = [];
  for (let i = 0; i < t.groups.length; i++) {
    const g = t.groups[i]!;
    if (!g.parentLabel) {
      top.push(cell(g.label, 'header', { colspan: per }));
      middle.push(...subLabels.map((l) => cell(l, 'header', { rowspan: 2 })));
      continue;
    }
    const siblings = t.groups.filter((x) => x.parentLabel === g.parentLabel);
    if (siblings[0] === g) top.push(cell(g.parentLabel, 'header', { colspan: per * siblings.length }));
    middle.push(cell(g.label, 'header', { colspan: per }));
    bottom.push(...subLabels.map((l) => cell(l, 'header')));
  }
  const figures = model.table4.rows.flatMap(figureCells);
  return { id: 'table4', width: per * t.groups.length, headerRows: 3, rows: [top, middle, bottom, figures], columnWeights: Array(per * t.groups.length).fill(1) };
}

export function tableGrids(model: ReportModel): Record<'table2' | 'table3' | 'table4', TableGrid> {
  const grids = { table2: table2Grid(model), table3: table3Grid(model), table4: table4Grid(model) };
  for (const grid of Object.values(grids)) assertRectangular(grid);
  return grids;
}

/**
 * Every grid row, counting cells still spanning down from rows above, must fill exactly the grid
 * width, and no span may run past the last row. Word and WPS draw a ragged table otherwise, and
 * the `docx` package does not check.
 */
export function assertRectangular(grid: TableGrid): void {
  const covered: number[] = Array(grid.rows.length).fill(0);
  grid.rows.forEach((row, r) => {
    for (const c of row) {
      const rowspan = c.rowspan ?? 1;
      if (r + rowspan > grid.rows.length) throw new Error(`${grid.id} 第 ${r + 1} 行“${c.text}”的合并超出表格`);
      for (let k = 0; k < rowspan; k++) covered[r + k]! += c.colspan ?? 1;
    }
  });
  covered.forEach((n, r) => {
    if (n !== grid.width) throw new Error(`${grid.id} 第 ${r + 1} 行占 ${n} 列，表格应为 ${grid.width} 列`);
  });
}
