/**
 * The direct Word writer against the `docx` package: the same .docx, byte for byte, on the examples,
 * the fixtures, generated reports and hostile input, so a `docx` upgrade (which makes the constant
 * parts) or a change to either serialiser cannot silently change what clerks publish.
 * (1,000 generated reports: `node bench/word-identity.mjs 1000`.)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../bench/generate.mjs';
import { checkReport } from '../../src/check/check.js';
import type { DocBlock, Inline, ReportDocument } from '../../src/document/types.js';
import { buildDocument } from '../../src/document/build.js';
import { renderDocx } from '../../src/render/docx.js';
import { escapeXml, writeDocx } from '../../src/render/docx-direct.js';
import { makeWordParts, readWordParts, writeWordParts } from '../../src/render/docx-parts.js';
import { renderDocxReference } from '../../src/render/docx-reference.js';
import { loadTemplates } from '../../src/render/templates.js';
import { describeDocument } from '../../src/render/word-description.js';
import { edit, JINGYUAN, root } from '../helpers.js';

const templates = loadTemplates();

/** The first differing part and where, so a failure says what to fix. */
function firstDifference(direct: Uint8Array, reference: Uint8Array): string {
  const a = unzipSync(direct);
  const b = unzipSync(reference);
  const names = [Object.keys(a).join(','), Object.keys(b).join(',')];
  if (names[0] !== names[1]) return `entries differ: ${names[0]} vs ${names[1]}`;
  for (const name of Object.keys(b)) {
    const x = strFromU8(a[name]!);
    const y = strFromU8(b[name]!);
    if (x === y) continue;
    let i = 0;
    while (x[i] === y[i]) i++;
    return `${name} at ${i}:\n  direct:    ${x.slice(Math.max(0, i - 60), i + 100)}\n  reference: ${y.slice(Math.max(0, i - 60), i + 100)}`;
  }
  return 'same parts, different zip bytes';
}

async function expectIdentical(doc: ReportDocument, label: string): Promise<void> {
  const direct = await renderDocx(doc);
  const reference = await renderDocxReference(doc);
  if (Buffer.compare(direct, reference) !== 0) expect.fail(`${label}: ${firstDifference(direct, reference)}`);
}

function documentOf(text: string, draft = false): ReportDocument {
  const outcome = checkReport(new TextEncoder().encode(text));
  if (!outcome.model) throw new Error(`no model: ${JSON.stringify(outcome.diagnostics.slice(0, 2))}`);
  if (!draft && outcome.errors > 0) throw new Error(`errors: ${JSON.stringify(outcome.diagnostics.slice(0, 2))}`);
  return buildDocument(outcome.model, templates, draft ? { draftErrors: Math.max(1, outcome.errors) } : {});
}

const yamlFiles = (dir: string) =>
  readdirSync(`${root}${dir}`)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`);

describe('the direct Word writer', () => {
  it('writes the reference bytes for every example and fixture, as a report and as a draft', async () => {
    let compared = 0;
    for (const file of [...yamlFiles('examples'), ...yamlFiles('test/fixtures')]) {
      const outcome = checkReport(readFileSync(`${root}${file}`));
      if (!outcome.model) continue; // fixtures of errors the reader stops at
      for (const draftErrors of [0, 3]) {
        await expectIdentical(buildDocument(outcome.model, templates, draftErrors ? { draftErrors } : {}), `${file} draft ${draftErrors}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it('writes the reference bytes for 100 generated reports', async () => {
    for (let i = 1; i <= 100; i++) await expectIdentical(documentOf(generateReport(i)), `generated ${i}`);
  });

  it('writes the reference bytes for hostile reports read from YAML', async () => {
    const specials = `& < > " ' * _ \` # | \\\\ [链接](x) <br> &amp; {{x}} 　全角空格`;
    const cases: [string, string][] = [
      ['specials in a text', edit(JINGYUAN, '  概述: |\n    2023年，', `  概述: |\n    2023年，${specials}，`)],
      ['specials in the agency name', edit(JINGYUAN, '  名称: 威海市环翠区鲸园街道', `  名称: "威海市<环翠>区&鲸园'街道\\""`)],
      ['notes in cells', edit(JINGYUAN, '  行政许可: 0 ', `  行政许可: {数值: 2, 备注: 含<1>&"件'转办} `)],
      ['notes in a row', edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [{数值: 1, 备注: "a&b<c>"}, 0, 0, 0, 0, 0]')],
      [
        'control characters',
        // a double-quoted YAML text, where escapes write them
        edit(
          edit(JINGYUAN, '  概述: |\n    2023年，', '  概述: "2023年，\\x01\\x08\\x0B\\x0C\\x1F\\t控制字符\\u0085\\uFFFD。\\n第二段 & '),
          '及时回应群众关切。\n  主动公开',
          '及时回应群众关切。"\n  主动公开',
        ),
      ],
      ['a very long paragraph', edit(JINGYUAN, '  概述: |\n    2023年，', `  概述: |\n    2023年，${'很长的一段文字，含数字123和English words。'.repeat(400)}`)],
      ['no contact details', edit(edit(JINGYUAN, '  地址: 威海市环翠区戚谷疃小区1号楼\n', ''), '  电话: 0631-5222975\n', '')],
      ['a draft with errors', edit(JINGYUAN, '  本年新收: [1, 0, 0, 0, 0, 0]', '  本年新收: [7, 0, 0, 0, 0, 0]')],
    ];
    let drafts = 0;
    for (const [label, text] of cases) {
      const outcome = checkReport(new TextEncoder().encode(text));
      expect(outcome.model, label).toBeDefined();
      // a report with errors is written as the preview writes it: a draft
      if (outcome.errors > 0) drafts++;
      await expectIdentical(documentOf(text, outcome.errors > 0), label);
    }
    expect(drafts).toBeGreaterThanOrEqual(1);
  });

  it('writes the reference bytes for an office template with lists and bold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-templates-'));
    try {
      mkdirSync(join(dir, 'partials'));
      const section5 = '## {{headings.problems}}\n\n{{> paragraphs problems}}\n\n下一步将**重点**做好：\n\n- 加强**主动公开**\n- 规范办理\n\n1. 完善制度\n2. 加强培训\n\n另起一段。\n\n1. 又从一开始\n';
      writeFileSync(join(dir, 'partials', 'section5.md.hbs'), section5);
      const office = loadTemplates(dir);
      const model = checkReport(new TextEncoder().encode(JINGYUAN)).model!;
      for (const draftErrors of [0, 2]) {
        const doc = buildDocument(model, office, draftErrors ? { draftErrors } : {});
        expect(doc.blocks.filter((b) => b.kind === 'list')).toHaveLength(3);
        await expectIdentical(doc, `office template, draft ${draftErrors}`);
      }
      const parts = unzipSync(await renderDocx(buildDocument(model, office)));
      expect(strFromU8(parts['word/document.xml']!)).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">主动公开</w:t>');
      expect([...strFromU8(parts['word/numbering.xml']!).matchAll(/<w:num w:numId=/g)]).toHaveLength(1 + 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const t = (text: string, bold?: true): Inline => (bold ? { kind: 'text', text, bold } : { kind: 'text', text });
  const meta: ReportDocument['meta'] = { title: '标题', author: '某某局', date: { year: 2024, month: 2, day: 29 } };

  it('writes the reference bytes for lists, bold runs and line breaks', async () => {
    const blocks: DocBlock[] = [
      { kind: 'title', content: [t('某某局'), { kind: 'break' }, t('2023年报告')] },
      { kind: 'heading', level: 1, content: [t('一、'), t('加粗的', true), t('标题')] },
      { kind: 'list', ordered: false, items: [[t('甲')], [t('乙 '), t('要点', true)], [t('丙'), { kind: 'break' }, t('续行')]] },
      { kind: 'paragraph', content: [t('段落'), { kind: 'break' }, { kind: 'break' }, t('两次换行'), { kind: 'break' }] },
      { kind: 'list', ordered: true, items: [[t('第一')], [t('第二')]] },
      { kind: 'heading', level: 3, content: [t('小标题')] },
      { kind: 'list', ordered: true, items: [[t('又从一开始')]] },
      { kind: 'list', ordered: false, items: [[t('再一个圆点')]] },
      {
        kind: 'table',
        grid: {
          id: 'table2',
          width: 3,
          headerRows: 2,
          columnWeights: [3, 1, 1],
          rows: [
            [{ text: '第二十条', kind: 'group', colspan: 3, rowspan: 2 }],
            [],
            [{ text: '项目', kind: 'label', rowspan: 3 }, { text: '1', kind: 'number', computed: true }, { text: '', kind: 'number', rowspan: 2 }],
            [{ text: '2', kind: 'number', colspan: 1 }],
            [{ text: '3', kind: 'number' }, { text: '4', kind: 'number' }],
          ],
        },
      },
      { kind: 'list', ordered: true, items: [[t('表后的列表')], []] },
      { kind: 'paragraph', align: 'right', content: [t('某某局')] },
      { kind: 'paragraph', align: 'right', content: [t('2024年2月29日')] },
    ];
    await expectIdentical({ blocks, meta }, 'lists and bold');
    await expectIdentical({ blocks, meta: { ...meta, draftErrors: 12 } }, 'lists and bold, draft');
    const numbering = strFromU8(unzipSync(await renderDocx({ blocks, meta }))['word/numbering.xml']!);
    // docx's default list, then a list of its own for each list of the document (numbered ones each from 1)
    expect([...numbering.matchAll(/<w:num w:numId="\d+">/g)]).toHaveLength(1 + 2 + 3);
    expect([...numbering.matchAll(/<w:startOverride w:val="1"\/>/g)]).toHaveLength(1 + 2 + 3);
  });

  it('writes the reference bytes for hostile typed documents', async () => {
    const nasty = `& < > " ' \u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001F \t \r\n \uD800 \uFFFE ${'长'.repeat(5000)}`;
    const docs: [string, ReportDocument][] = [
      ['empty', { blocks: [], meta }],
      ['empty title and author', { blocks: [{ kind: 'paragraph', content: [] }], meta: { ...meta, title: '', author: '' } }],
      ['specials everywhere', {
        blocks: [
          { kind: 'title', content: [t(nasty)] },
          { kind: 'heading', level: 2, content: [t(nasty, true)] },
          { kind: 'paragraph', content: [t('\u0001'), t(''), { kind: 'break' }, t(nasty)] },
          { kind: 'list', ordered: true, items: [[t(nasty)]] },
          { kind: 'table', grid: { id: 'x', width: 15, headerRows: 0, columnWeights: Array(15).fill(1), rows: [[{ text: nasty, kind: 'corner', colspan: 15 }]] } },
          { kind: 'paragraph', align: 'right', content: [t(nasty)] },
        ],
        meta: { ...meta, title: nasty, author: nasty, draftErrors: 1 },
      }],
      ['one closing line', { blocks: [{ kind: 'paragraph', content: [t('正文')] }, { kind: 'paragraph', align: 'right', content: [t('2024年1月1日')] }], meta }],
      ['year outside the zip range', { blocks: [], meta: { ...meta, date: { year: 1970, month: 1, day: 1 } } }],
    ];
    for (const [label, doc] of docs) await expectIdentical(doc, label);
  });

  it('writes the same bytes from the parts file made at install as from parts made in the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-parts-'));
    try {
      const stored = readWordParts(await writeWordParts(dir));
      const made = await makeWordParts();
      const list: DocBlock = { kind: 'list', ordered: true, items: [[t('甲')]] };
      for (const doc of [documentOf(JINGYUAN), { blocks: [list], meta: { ...meta, draftErrors: 2 } }]) {
        const desc = describeDocument(doc);
        expect(Buffer.compare(writeDocx(desc, stored), writeDocx(desc, made))).toBe(0);
        expect(Buffer.compare(writeDocx(desc, stored), await renderDocxReference(doc))).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes as docx does: the five specials, control characters dropped, the rest kept', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0001\u0008\u000B\u000C\u001F\t\n\r中`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f\t\n\r中');
  });
});
