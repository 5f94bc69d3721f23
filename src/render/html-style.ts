/**
 * How the report looks in HTML, once: as a stylesheet (the preview, the `--format html` page) and
 * as `style` attributes on each element (`--format html-fragment`, for a CMS editor that drops
 * <style> blocks and classes when text is pasted). The values follow the Word layout
 * (word-layout.ts): GB/T 9704 fonts and sizes, and the official template's tables. Font names are
 * quoted with ' so that the same text can stand inside a style="…" attribute.
 */
const BODY_FONT = "'仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', serif";
const KAI_FONT = "'楷体_GB2312', 'KaiTi', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif";
const SONG_FONT = "'宋体', 'SimSun', 'Noto Serif CJK SC', serif";

export const HTML_STYLE = {
  title: `font: normal 22pt/1.5 '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', serif; text-align: center; margin: 0 0 28.95pt;`,
  text: `font-family: ${BODY_FONT}; font-size: 16pt; line-height: 28.95pt; margin: 0; text-indent: 2em; text-align: justify; font-weight: normal;`,
  heading1: `font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif;`,
  heading2: `font-family: ${KAI_FONT};`,
  heading3: `font-weight: bold;`,
  right: `text-align: right; text-indent: 0; padding-right: 2em;`,
  /** a template's list: the items in the body text, indented as a paragraph's first line */
  list: `margin: 0; padding-left: 4em; text-indent: 0;`,
  table: `width: 100%; border-collapse: collapse; margin: 0 0 28.95pt; font: 10pt/1.25 ${SONG_FONT}; table-layout: fixed;`,
  wideTable: `font-size: 9pt;`,
  cell: `border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all;`,
  label: `text-align: left;`,
  /** Table 二's row labels are centred and its 第二十条 rows left-aligned on a light band */
  table2Label: `text-align: center;`,
  table2Band: `text-align: left; background: #C6D9F1;`,
  corner: `text-align: left; font-family: ${KAI_FONT};`,
};

/** The stylesheet of the report's elements (inside whatever page holds them). */
export const REPORT_CSS = `
  h1 { ${HTML_STYLE.title} }
  h2, h3, h4, p { ${HTML_STYLE.text} }
  h2 { ${HTML_STYLE.heading1} }
  h3 { ${HTML_STYLE.heading2} }
  h4 { ${HTML_STYLE.heading3} }
  p.right { ${HTML_STYLE.right} }
  ul, ol { ${HTML_STYLE.text} ${HTML_STYLE.list} }
  p.right:first-of-type, h2 + p.right { margin-top: 28.95pt; }
  table { ${HTML_STYLE.table} }
  table[data-table="table4"] { ${HTML_STYLE.wideTable} }
  th, td { ${HTML_STYLE.cell} }
  td.label { ${HTML_STYLE.label} }
  table[data-table="table2"] td.label { ${HTML_STYLE.table2Label} }
  table[data-table="table2"] th.group { ${HTML_STYLE.table2Band} }
  th.corner { ${HTML_STYLE.corner} }
`;
