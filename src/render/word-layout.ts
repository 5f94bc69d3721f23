/**
 * The Word layout of GB/T 9704-2012 《党政机关公文格式》, as the reports imitate it. Word measures in
 * twips (1/1440 inch, 1/20 pt) and font sizes in half-points.
 */
const twipsFromMm = (mm: number) => Math.round((mm / 25.4) * 1440);

export const PAGE = {
  width: 11906, // A4, 210 mm
  height: 16838, // 297 mm
  margin: { top: twipsFromMm(37), bottom: twipsFromMm(35), left: twipsFromMm(28), right: twipsFromMm(26) },
  /** page number about 7 mm below the text block */
  footer: twipsFromMm(23),
};

/** 156 mm: the text block, and so every table's width */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Exactly 28.95 pt: 22 lines fill the 225 mm text block. */
export const BODY_LINE = Math.round(28.95 * 20);

export const SIZE = {
  title: 44, // 二号 22 pt
  body: 32, // 三号 16 pt
  pageNumber: 28, // 四号 14 pt
  table: 21, // 五号 10.5 pt
  wideTable: 18, // 小五 9 pt, for Table 四's 15 columns
};

/** East Asian fonts by role; Latin text and digits are Times New Roman throughout. */
export const FONT = {
  latin: 'Times New Roman',
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
  pageNumber: '宋体',
};

/**
 * What Word and WPS fall back to when the official font is not installed (written to the font
 * table as w:altName).
 */
export const FONT_FALLBACK: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
  黑体: 'SimHei',
  宋体: 'SimSun',
};

/** Two characters of the body size: the first-line indent of every paragraph. */
export const INDENT_TWO_CHARS = 2 * (SIZE.body / 2) * 20;
