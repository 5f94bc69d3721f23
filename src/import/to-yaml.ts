/**
 * The imported report as the project's input YAML, laid out like `new-report`'s scaffold (the same
 * table writer, the official labels as comments). A figure is written exactly as printed; a
 * published blank and a cell that could not be read are both `~` (the import lists the latter).
 */
import { AGENCY_KINDS } from '../format/fields.js';
import { FORMAT_2019 } from '../format/v2019.js';
import type { FormatDefinition, Table3Row } from '../format/types.js';
import { Lines, writeTables } from '../scaffold/scaffold.js';
import type { Cell } from './cells.js';
import type { ImportedReport } from './extract.js';

/**
 * A figure in a flow row or a Table 二 cell. Inside `{…}` a plain note would end at a `,` or `}`
 * (“含1件, 转办” would become a second key), so the note is written double-quoted: a JSON string
 * is a valid YAML double-quoted scalar, with every character escaped that needs it.
 */
function cellYaml(cell: Cell | undefined): string {
  if (!cell || cell.kind !== 'figure') return '~';
  return cell.note === undefined ? cell.text : `{数值: ${cell.text}, 备注: ${JSON.stringify(cell.note)}}`;
}

function block(y: Lines, indent: string, key: string, lines: string[], comment?: string) {
  if (lines.length === 0) return y.line(`${indent}${key}: ""`, comment);
  y.line(`${indent}${key}: |`, comment);
  for (const l of lines) y.line(`${indent}  ${l.trim()}`);
}

export function importedYaml(r: ImportedReport, options: { schemaPath: string; source: string }): string {
  const f = r.format;
  const y = new Lines();
  // every text through the scaffold's writer (Lines.entry/comment): a title over two lines, a name
  // with `: ` or a quote comes back from the YAML exactly as it was read
  y.comment(`yaml-language-server: $schema=${options.schemaPath}/report-${f.id}.schema.json`);
  y.comment(`由 nianbao import 从“${options.source}”读入。空着的（~）是原报告空白或未能读出的格，请对照原报告核实。`);
  y.comment('规则：冒号后空一格；缩进用空格；长段文字写在“|”下面，每行一段。');
  y.line();
  // the title only when it is not the one the tool would print anyway
  if (r.title && r.title !== `${r.agency}${r.year}年政府信息公开工作年度报告`) y.entry('', '标题', r.title, '原报告标题');
  y.line(`年度: ${r.year ?? '~'}`, r.year ? `统计期限：${r.year}年1月1日至${r.year}年12月31日` : '未能读出年度，请填写');
  y.line();
  y.line('机关:');
  y.entry('  ', '名称', r.agency ?? '', '机关名称，用于标题和落款');
  y.line(`  类型: ${r.kind ?? '""'}`, r.kind ? `据机关名称推断，请核实：${AGENCY_KINDS.join(' / ')}` : AGENCY_KINDS.join(' / '));
  y.line();
  y.line('发布:');
  y.entry('  ', '日期', r.publication.date ?? '', r.publication.date ? '网页上的发布日期' : `发布日期，如 ${(r.year ?? 2024) + 1}-01-20`);
  if (r.publication.site) y.entry('  ', '网站', r.publication.site, '报告电子版所在网站的名称');
  if (r.publication.url) y.entry('  ', '网址', r.publication.url, '以 http:// 或 https:// 开头');
  const c = r.contact;
  if (c.office || c.address || c.phone || c.email) {
    y.line();
    y.line('联系:', '导语中“如对本报告有疑问，请与……联系”');
    if (c.office) y.entry('  ', '单位', c.office, '咨询单位');
    if (c.address) y.entry('  ', '地址', c.address, '咨询地址');
    if (c.postcode) y.entry('  ', '邮编', c.postcode, '邮政编码');
    if (c.phone) y.entry('  ', '电话', c.phone, '咨询电话');
    if (c.email) y.entry('  ', '邮箱', c.email, '电子邮箱');
  }
  if (r.closing) {
    y.line();
    if (r.closing.agency === r.agency) y.line('落款: true', '文末落款');
    else y.entry('', '落款', { 单位: r.closing.agency }, '文末落款');
  }
  y.line();
  const [h1, , , , h5, h6] = f.headings;
  const o = r.overview;
  y.line(`${f.overview.key}:`, h1);
  if (o.runIn) y.line('  小标题: 段首', '原报告的小标题写在段首');
  if (o.intro.length > 0) block(y, '  ', f.overview.introKey, o.intro, '概述');
  for (const t of f.overview.themes) block(y, '  ', t.key, o.themes.get(t.key) ?? [], t.label);
  if (o.extra.length > 0) {
    y.line('  其他方面:', '五个方面以外的小标题');
    for (const item of o.extra) {
      y.entry('      ', '标题', item.title, undefined, '    - ');
      block(y, '      ', '内容', item.body);
    }
  }
  y.line();
  // the tables as the report printed them: a 2019-layout table in a later year keeps its shape, so
  // that `check` names the mix
  const tables: FormatDefinition = {
    ...f,
    table2: { ...f.table2, groups: r.table2.groups },
    table3: r.table3.undividedOther ? FORMAT_2019.table3 : f.table3,
  };
  const paths = leafPaths(tables.table3.rows);
  writeTables(y, tables, {
    table2: (row, column) => cellYaml(r.table2.cells.get(row)?.get(column)),
    table3: (def) => rowCells(r.table3.rows.get(paths.get(def)!), 6),
    table4: (group) => rowCells(r.table4.get(group), 4),
  });
  y.line();
  block(y, '', f.problems.key, r.problems, h5);
  y.line();
  y.line(`${f.other.key}:`, h6);
  if (f.other.fee) block(y, '  ', f.other.fee.key, r.other.fee, '信息处理费收取情况');
  if (r.other.text.length > 0) block(y, '  ', f.other.textKey, r.other.text, '说明');
  if (r.other.items.length > 0) {
    y.line(`  ${f.other.itemsKey}:`, '其他需要报告的事项');
    for (const item of r.other.items) {
      y.entry('      ', '标题', item.title, undefined, '    - ');
      block(y, '      ', '内容', item.body);
    }
  }
  return y.toString();
}

/** A row's figures; the printed 总计 is kept (so that check compares it) unless it was left blank. */
function rowCells(cells: Cell[] | undefined, parts: number): string[] {
  const out = Array.from({ length: parts }, (_, i) => cellYaml(cells?.[i]));
  const total = cells?.[parts];
  if (total?.kind === 'figure') out.push(cellYaml(total));
  return out;
}

function leafPaths(rows: Table3Row[], prefix = '', out = new Map<Table3Row, string>()): Map<Table3Row, string> {
  for (const r of rows) {
    if (r.children) leafPaths(r.children, `${prefix}${r.key}/`, out);
    else out.set(r, `${prefix}${r.key}`);
  }
  return out;
}
