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
  table: 20, // 10 pt, as the official template's tables
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
  /** the corner note of Table 三, as in the official template */
  tableNote: '楷体_GB2312',
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

/**
 * Body text is condensed by 0.25 pt per character (w:spacing −5 twentieths): 28 characters of
 * 16 pt need 448 pt, the 156 mm line has 442.2 pt, so 28 fit only at 15.75 pt each. GB/T 9704's
 * 28 characters per line. (A w:docGrid of type linesAndChars would say the same to Word, but
 * LibreOffice then gives each 16 pt character two grid cells whenever a cell is narrower than the
 * font: 14 characters a line, measured. Condensed spacing means the same to both.)
 */
export const BODY_CHARACTER_SPACING = -5;

/** The shading of the `第二十条第（X）项` rows of Table 二 in the official template. */
export const TABLE2_BAND = 'C6D9F1';

/** Width of a text in body characters: CJK one, Latin letters and digits (Times New Roman) half. */
export function bodyCharacters(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 0.5 : 1), 0);
}

/**
 * Width of a 落款 line in twips as Word sets it: a CJK character one body size, a Latin letter or
 * digit (Times New Roman) half, each condensed like body text (the 落款 style turns off Word's
 * automatic space between Chinese and digits). LibreOffice 7 still adds about 3 pt at each change
 * between Chinese and digits, so a line with digits comes out a little wider there.
 */
export function closingWidth(text: string): number {
  const em = (SIZE.body / 2) * 20;
  return [...text].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? em / 2 : em) + BODY_CHARACTER_SPACING, 0);
}

/**
 * The 落款 as GB/T 9704-2012 §7.3.5.2 lays it out for a document without a seal: the agency two
 * characters from the right margin, the date on the next line starting two characters to the right
 * of where the agency starts; when the date is too long for that, the date keeps two characters
 * from the margin and the agency moves left. Both lines are left-aligned, the longer one starting
 * where it ends two characters from the margin: the two-character step between the first
 * characters is then exact whatever the widths of digits and the spacing around them, which only
 * move the line ends a little. Returns each line's left indent in twips.
 */
export function closingLayout(agency: string, date: string): { agency: number; date: number } {
  const two = INDENT_TWO_CHARS;
  const a = closingWidth(agency);
  const d = closingWidth(date);
  const agencyStart = d + two <= a ? TEXT_WIDTH - two - a : TEXT_WIDTH - two - d - two;
  return { agency: Math.max(0, agencyStart), date: Math.max(0, agencyStart) + two };
}
