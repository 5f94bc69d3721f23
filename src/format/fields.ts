/**
 * The parts of the input that are not tables or narrative and are the same in every format:
 * agency details, publication and contact. Keys are what a clerk writes; labels are how messages
 * name them.
 */

export const AGENCY_KINDS = ['乡镇人民政府', '街道办事处', '县级以上人民政府部门', '县级以上人民政府'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Governments (not departments, nor 街道办事处, which are agencies of one) must also cover 考核、评议、责任追究. */
export const GOVERNMENT_KINDS: readonly AgencyKind[] = ['乡镇人民政府', '县级以上人民政府'];

export interface TextField {
  key: string;
  label: string;
  description: string;
  required: boolean;
  /** a regular expression the text must match, and how to say so in a message */
  pattern?: { source: string; hint: string };
  /** a code-like text (postcode) that a clerk may type as a bare number */
  numeric?: boolean;
}

export const DATE_PATTERN = {
  source: '^(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日)$',
  hint: '日期写作 2024-01-20 或 2024年1月20日',
};

export const YEAR_KEY = '年度';
/** (optional) the full title as published, for agencies whose title is worded differently */
export const TITLE_KEY = '标题';
/** the path of last year's YAML file, for the checks across years */
export const PREVIOUS_KEY = '上年报告';
export const FORMAT_KEY = '格式';

/**
 * The input keys of each group, by what they mean: the one place they are spelled (the field
 * definitions below and every stage that reads or writes them use these).
 */
const AGENCY_KEYS = { name: '名称', kind: '类型' } as const;
const PUBLICATION_KEYS = { date: '日期', deadline: '截止日期', site: '网站', url: '网址' } as const;
const CONTACT_KEYS = { office: '单位', address: '地址', postcode: '邮编', phone: '电话', email: '邮箱' } as const;
const CLOSING_KEYS = { agency: '单位', date: '日期' } as const;

export const AGENCY = {
  key: '机关',
  label: '机关信息',
  keys: AGENCY_KEYS,
  fields: [
    { key: AGENCY_KEYS.name, label: '机关名称', description: '发布报告的机关全称，用于标题和落款，如“威海市环翠区鲸园街道”', required: true },
    { key: AGENCY_KEYS.kind, label: '机关类型', description: '决定发布期限和必须报告的事项', required: true },
  ] satisfies TextField[],
};

export const PUBLICATION = {
  key: '发布',
  label: '发布信息',
  keys: PUBLICATION_KEYS,
  fields: [
    { key: PUBLICATION_KEYS.date, label: '发布日期', description: '报告发布（落款）日期，如 2024-01-20', required: true, pattern: DATE_PATTERN },
    {
      key: PUBLICATION_KEYS.deadline,
      label: '发布截止日期',
      description: '（可不填，乡镇、街道用）县区通知规定的发布截止日期；不填按 1 月 31 日',
      required: false,
      pattern: DATE_PATTERN,
    },
    { key: PUBLICATION_KEYS.site, label: '发布网站名称', description: '（可不填）报告电子版所在网站的名称，如“威海市环翠区人民政府网站”', required: false },
    {
      key: PUBLICATION_KEYS.url,
      label: '发布网址',
      description: '（可不填）报告电子版所在网站的网址，以 http:// 或 https:// 开头',
      required: false,
      pattern: { source: '^https?://\\S+$', hint: '网址应以 http:// 或 https:// 开头，且不含空格' },
    },
  ] satisfies TextField[],
};

export const CONTACT = {
  key: '联系',
  label: '联系方式',
  keys: CONTACT_KEYS,
  fields: [
    { key: CONTACT_KEYS.office, label: '咨询单位', description: '（可不填）接受咨询的机构，如“威海市环翠区鲸园街道党政办公室”', required: false },
    { key: CONTACT_KEYS.address, label: '咨询地址', description: '（可不填）咨询单位的地址', required: false },
    {
      key: CONTACT_KEYS.postcode,
      label: '邮政编码',
      description: '6 位邮政编码（可不填）',
      required: false,
      numeric: true,
      pattern: { source: '^\\d{6}$', hint: '邮政编码是 6 位数字' },
    },
    { key: CONTACT_KEYS.phone, label: '咨询电话', description: '（可不填）如 0631-5222975', required: false },
    {
      key: CONTACT_KEYS.email,
      label: '电子邮箱',
      description: '（可不填）咨询用的电子邮箱，如 gk@example.gov.cn',
      required: false,
      pattern: { source: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', hint: '电子邮箱写作 名称@域名，如 gk@example.gov.cn，不含空格' },
    },
  ] satisfies TextField[],
};

export const CLOSING = {
  key: '落款',
  label: '落款',
  keys: CLOSING_KEYS,
  description: '文末落款：写 true 则用机关名称和发布日期；也可分别写“单位”“日期”。不写则没有落款。',
  fields: [
    { key: CLOSING_KEYS.agency, label: '落款单位', description: '不写则用机关名称', required: false },
    { key: CLOSING_KEYS.date, label: '落款日期', description: '不写则用发布日期', required: false, pattern: DATE_PATTERN },
  ] satisfies TextField[],
};

/**
 * Themes of 一 beyond the five the format requires, printed （六）, （七） … after them: a list of
 * {标题, 内容} under 总体情况.
 */
export const OVERVIEW_EXTRA = { key: '其他方面', titleKey: '标题', bodyKey: '内容' };

/**
 * How the themes of 一 are headed: 单独成行 (a heading line each, the default) or 段首, the
 * provincial run-in style where each theme's first paragraph begins with its label.
 */
export const THEME_HEADINGS = { key: '小标题', separate: '单独成行', runIn: '段首' } as const;

/** Items of 六 beyond the fee: a list of {标题, 内容}. */
export const OTHER_ITEM = {
  titleKey: '标题',
  bodyKey: '内容',
};

/** Any table cell may carry a note: {数值: 22, 备注: 其中修订16件}, printed “22（其中修订16件）”. */
export const NOTED_CELL = { valueKey: '数值', noteKey: '备注' };

/**
 * What published tables print in a cell left blank. Besides these a clerk may write `~`, `null` or
 * nothing; all are kept as blank (an error to fix, never silently 0).
 */
export const BLANK_MARKS = ['—', '——', '－', '-', '/', '／', '无'] as const;

/** A cell left blank: null (`~`, nothing) or one of the blank marks. */
export function isBlankCell(value: unknown): boolean {
  return value === null || (typeof value === 'string' && (BLANK_MARKS as readonly string[]).includes(value.trim()));
}
