/**
 * The ruled tables of a PDF page: the lines and cell boxes the page draws (from PDF.js's operator
 * list, with the transformation matrix followed), grouped into tables, and each text item placed in
 * the cell whose rules enclose it. This is how a reader sees a drawn table: a label wrapped over
 * three lines stays one cell, a figure stays in its own column, an empty cell is a blank.
 */
type Matrix = [number, number, number, number, number, number];

export interface Rule {
  /** horizontal: y and x1..x2; vertical: x and y1..y2 */
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Ops {
  stroke: number;
  closeStroke: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Axis-aligned lines and box edges drawn on a page, in page space. */
export function pageRules(list: OperatorList, ops: Ops, page: { width: number; height: number }): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath) {
      // a path only used to clip (WPS clips every paragraph) draws nothing: no rules from it
      const paint = args[0] as number;
      if (paint === ops.endPath) continue;
      const stroked = [ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke].includes(paint);
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (data) rules.push(...pathRules(data, ctm, page, stroked));
    }
  }
  return rules;
}

/** `stroked`: a drawn outline, whose box edges are rules; a filled shape counts only when thin (a rule drawn as a bar). */
function pathRules(data: ArrayLike<number>, ctm: Matrix, page: { width: number; height: number }, stroked: boolean): Rule[] {
  const out: Rule[] = [];
  let sub: [number, number][] = [];
  const finish = (closed: boolean) => {
    if (sub.length >= 2) {
      const xs = sub.map((p) => p[0]);
      const ys = sub.map((p) => p[1]);
      const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const w = x2 - x1;
      const h = y2 - y1;
      const pageSized = w > page.width * 0.9 && h > page.height * 0.9;
      if (!pageSized) {
        if (h <= 2.5 && w > 2.5) out.push({ horizontal: true, at: (y1 + y2) / 2, from: x1, to: x2 });
        else if (w <= 2.5 && h > 2.5) out.push({ horizontal: false, at: (x1 + x2) / 2, from: y1, to: y2 });
        else if (!stroked) {
          // a filled area (a shaded cell, a highlight): not a rule
        } else if (closed && sub.length >= 4 && isBox(sub)) {
          out.push({ horizontal: true, at: y1, from: x1, to: x2 }, { horizontal: true, at: y2, from: x1, to: x2 });
          out.push({ horizontal: false, at: x1, from: y1, to: y2 }, { horizontal: false, at: x2, from: y1, to: y2 });
        } else {
          // an open polyline: its axis-aligned segments
          for (let k = 1; k < sub.length; k++) {
            const [a, b] = [sub[k - 1]!, sub[k]!];
            if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) > 2.5) out.push({ horizontal: true, at: a[1], from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
            else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) > 2.5) out.push({ horizontal: false, at: a[0], from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
          }
        }
      }
    }
    sub = [];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      finish(false);
      sub.push(apply(ctm, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 1) {
      sub.push(apply(ctm, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 2) {
      sub.push(apply(ctm, data[i + 5]!, data[i + 6]!));
      i += 7;
    } else if (op === 3) {
      sub.push(apply(ctm, data[i + 3]!, data[i + 4]!));
      i += 5;
    } else {
      finish(true);
      i += 1;
    }
  }
  finish(false);
  return out;
}

/** Four corners of an axis-aligned rectangle. */
function isBox(points: [number, number][]): boolean {
  return points.every(([x, y], k) => {
    const [nx, ny] = points[(k + 1) % points.length]!;
    return Math.abs(x - nx) < 0.5 || Math.abs(y - ny) < 0.5;
  });
}

export interface TextPiece {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

export interface RuledTable {
  /** top edge, for placing the table among the page's lines */
  top: number;
  grid: string[][];
  /** the pieces placed in the table (the rest of the page is text) */
  used: Set<TextPiece>;
}

const TOLERANCE = 1.5;

/** Groups rules that touch into tables, and lays each table's text out on its grid. */
export function ruledTables(rules: Rule[], pieces: TextPiece[], join: (texts: string[]) => string): RuledTable[] {
  const groups = connected(rules);
  const tables: RuledTable[] = [];
  for (const group of groups) {
    const hs = distinct(group.filter((r) => r.horizontal).map((r) => r.at)).sort((a, b) => b - a);
    const vs = distinct(group.filter((r) => !r.horizontal).map((r) => r.at)).sort((a, b) => a - b);
    if (hs.length < 2 || vs.length < 2 || (hs.length < 3 && vs.length < 3)) continue;
    const [top, bottom, left, right] = [hs[0]!, hs[hs.length - 1]!, vs[0]!, vs[vs.length - 1]!];
    const inside = pieces.filter((p) => {
      const [cx, cy] = centre(p);
      return cx > left && cx < right && cy < top && cy > bottom;
    });
    if (inside.length === 0) continue;
    const horizontal = group.filter((r) => r.horizontal);
    const vertical = group.filter((r) => !r.horizontal);
    const cells = new Map<string, { box: [number, number, number, number]; pieces: TextPiece[] }>();
    for (const p of inside) {
      const [cx, cy] = centre(p);
      const above = nearest(horizontal.filter((r) => r.at > cy && covers(r, cx)).map((r) => r.at), 'min', top);
      const below = nearest(horizontal.filter((r) => r.at < cy && covers(r, cx)).map((r) => r.at), 'max', bottom);
      const before = nearest(vertical.filter((r) => r.at < cx && covers(r, cy)).map((r) => r.at), 'max', left);
      const after = nearest(vertical.filter((r) => r.at > cx && covers(r, cy)).map((r) => r.at), 'min', right);
      const key = [above, below, before, after].map((n) => n.toFixed(1)).join(',');
      const cell = cells.get(key) ?? { box: [above, below, before, after], pieces: [] };
      cell.pieces.push(p);
      cells.set(key, cell);
    }
    const rowOf = (y: number) => indexNear(hs, y);
    const colOf = (x: number) => indexNear(vs, x);
    const grid = Array.from({ length: hs.length - 1 }, () => new Array<string>(vs.length - 1).fill(''));
    for (const { box, pieces: ps } of cells.values()) {
      ps.sort((a, b) => (Math.abs(a.y - b.y) > 0.5 * Math.min(a.size, b.size) ? b.y - a.y : a.x - b.x));
      const text = join(ps.map((p) => p.text));
      for (let r = rowOf(box[0]); r < rowOf(box[1]); r++) for (let c = colOf(box[2]); c < colOf(box[3]); c++) grid[r]![c] = text;
    }
    tables.push({ top, grid, used: new Set(inside) });
  }
  return tables;
}

const centre = (p: TextPiece): [number, number] => [(p.x + p.right) / 2, p.y + p.size * 0.3];
const covers = (r: Rule, v: number) => v >= r.from - TOLERANCE && v <= r.to + TOLERANCE;
const nearest = (values: number[], pick: 'min' | 'max', fallback: number) => (values.length === 0 ? fallback : pick === 'min' ? Math.min(...values) : Math.max(...values));
const indexNear = (sorted: number[], v: number) => sorted.findIndex((s) => Math.abs(s - v) <= TOLERANCE);

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! > TOLERANCE) out.push(v);
  return out;
}

/** Rules that touch or cross, transitively: one table each. */
function connected(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touch = (a: Rule, b: Rule) => {
    if (a.horizontal === b.horizontal) return Math.abs(a.at - b.at) <= TOLERANCE && a.from <= b.to + TOLERANCE && b.from <= a.to + TOLERANCE;
    const [h, v] = a.horizontal ? [a, b] : [b, a];
    return covers(h, v.at) && covers(v, h.at);
  };
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touch(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(r);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}
