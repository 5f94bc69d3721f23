/**
 * `new-report --from` writes last year's values back as YAML: whatever they hold (a line break,
 * `: `, `#`, quotes, leading spaces, `|`, `-`, tabs, emoji, control characters), the file must
 * parse, and give back every value exactly.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CARRYOVER_MARKER } from '../../src/check/rules/carryover-marker.js';
import { FORMAT_2021 } from '../../src/format/v2021.js';
import { paragraphs, type ReportModel, type Text } from '../../src/model/types.js';
import { readYaml } from '../../src/read/read.js';
import { scaffoldYaml } from '../../src/scaffold/scaffold.js';
import { check, JINGYUAN } from '../helpers.js';

const F = FORMAT_2021;
const LAST = check(JINGYUAN).model!;

/** Strings made of the pieces that break hand-written YAML, and any other character too. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', ': ', ' #', '#', '"', "'", '  ', ' ', '|', '>', '- ', '-', '\t', '😀', '\u0001', '\u007f', '\u0085', '\u2028', '\ufeff', '\u00a0', '{', '[', ']', '}', ',', '&a', '*a', '!', '%', '@', '`', '? ', '---', '...', 'null', '~', '0', '1.50', 'true', '：', '镇'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const text = (s: string): Text => ({ text: s, pointer: '' });

function lastYearWith(v: Record<string, string>): ReportModel {
  return {
    ...LAST,
    agency: { ...LAST.agency, name: text(v.name!) },
    publication: { ...LAST.publication, site: text(v.site!), url: text(v.url!) },
    contact: { office: text(v.office!), address: text(v.address!), postcode: text(v.postcode!), phone: text(v.phone!), email: text(v.email!) },
    closing: { agency: v.closing!, date: LAST.publication.date },
    overview: {
      intro: text(v.intro!),
      runIn: false,
      themes: [...LAST.overview.themes.map((t) => ({ ...t, text: text(v.theme!) })), { ...LAST.overview.themes[0]!, title: text(v.extraTitle!), text: text(v.theme!) }],
    },
    problems: text(v.problems!),
    other: { text: text(v.otherText!), fee: text(v.fee!), items: [{ title: text(v.title!), body: text(v.body!) }] },
  };
}

/** A carried-over text comes back as the marker line and its paragraphs, or as nothing. */
const carried = (original: string) => {
  const lines = paragraphs(original);
  return lines.length === 0 ? [] : [CARRYOVER_MARKER, ...lines];
};
const paragraphsOf = (value: unknown) => paragraphs(typeof value === 'string' ? value : '');

const FIELDS = ['name', 'site', 'url', 'office', 'address', 'postcode', 'phone', 'email', 'closing', 'extraTitle', 'intro', 'theme', 'problems', 'otherText', 'fee', 'title', 'body', 'path'];

describe('new-report --from writes any value so that it reads back unchanged', () => {
  it('every field, hostile strings (property test)', () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(FIELDS.map((f) => [f, hostile]))), (v) => {
        const yaml = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: v.name!, kind: '街道办事处', schemaPath: '../schemas', from: { model: lastYearWith(v), path: v.path! } });
        const data = parse(yaml, { schema: 'core' }) as Record<string, any>;
        expect(data['上年报告']).toBe(v.path);
        expect(data['机关']['名称']).toBe(v.name);
        expect(data['发布']['网站']).toBe(v.site);
        expect(data['发布']['网址']).toBe(v.url);
        expect(data['联系']).toEqual({ 单位: v.office, 地址: v.address, 邮编: v.postcode, 电话: v.phone, 邮箱: v.email });
        expect(data['落款']).toEqual(v.closing === v.name ? true : { 单位: v.closing });
        const overview = data[F.overview.key];
        expect(paragraphsOf(overview[F.overview.introKey])).toEqual(carried(v.intro!));
        for (const t of LAST.overview.themes) expect(paragraphsOf(overview[t.field.key])).toEqual(carried(v.theme!));
        expect(overview['其他方面'][0]['标题']).toBe(v.extraTitle!.trim());
        expect(paragraphsOf(overview['其他方面'][0]['内容'])).toEqual(carried(v.theme!));
        expect(paragraphsOf(data[F.problems.key])).toEqual(carried(v.problems!));
        const other = data[F.other.key];
        expect(paragraphsOf(other[F.other.textKey])).toEqual(carried(v.otherText!));
        expect(paragraphsOf(other[F.other.fee!.key])).toEqual(carried(v.fee!));
        expect(other[F.other.itemsKey][0]['标题']).toBe(v.title!.trim());
        expect(paragraphsOf(other[F.other.itemsKey][0]['内容'])).toEqual(carried(v.body!));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a multi-line name and a title after a comment (the reported case) parse with our reader too', () => {
    const last = lastYearWith({ name: '某某街道\n办事处', site: 'a', url: 'http://x/', office: '党政办 # 1', address: '路\n1号', postcode: '264200', phone: '- 1', email: 'a@b', extraTitle: '机制', closing: '某某街道\n办事处', intro: 'x', theme: 'y', problems: 'z', otherText: 'w', fee: '没有收费。', title: '标题：\n第二行', body: 'b', path: '上年 #1.yaml' });
    const yaml = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: '某某街道\n办事处', kind: '街道办事处', schemaPath: '../schemas', from: { model: last, path: '上年 #1.yaml' } });
    const read = readYaml(yaml);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect((read.data['机关'] as any)['名称']).toBe('某某街道\n办事处');
    expect((read.data['联系'] as any)['地址']).toBe('路\n1号');
    expect(read.data['落款']).toBe(true);
  });
});

describe('落款', () => {
  const fresh = (closing?: boolean) => scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: '测试街道办事处', kind: '街道办事处', schemaPath: '../schemas', ...(closing === undefined ? {} : { closing }) });

  it('is `落款: true` unless told otherwise, and then absent', () => {
    expect(fresh()).toMatch(/^落款: true +# /m);
    expect(parse(fresh())['落款']).toBe(true);
    expect(fresh(false)).not.toMatch(/^落款:/m);
  });

  it('keeps last year’s other signing agency', () => {
    const last = check(`${JINGYUAN}\n落款: {单位: 某某街道党工委}\n`).model;
    const yaml = scaffoldYaml({ format: FORMAT_2021, year: 2024, agency: 'x', kind: '街道办事处', schemaPath: '.', from: { model: last!, path: 'a.yaml' } });
    expect(parse(yaml)['落款']).toEqual({ 单位: '某某街道党工委' });
  });
});
