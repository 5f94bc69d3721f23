/**
 * The parts of a .docx that are the same in every report (styles, settings, font table with its
 * fallbacks, footers, theme, content types, relationships …), made once by the `docx` package and
 * kept deflated with their CRCs, and the constant pieces of the per-report parts (the namespace
 * heads of document.xml, the section properties, the numbering definitions).
 *
 * Made at install into dist/word-parts.json by scripts/bundle.mjs (the launcher rebuilds dist/
 * when src/ is newer); when that file is not beside the code (tests run from src/), they are made
 * here, once per process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import type { ReportDocument } from '../document/types.js';
import { contentTypesFirst } from './docx-reproducible.js';
import { draftNotice } from './draft.js';
import { describeDocument, type ListKind } from './word-description.js';
import { deflatedEntry } from './zip.js';

/** A constant part: deflated once, with what its zip entry needs. */
export interface StoredPart {
  crc: number;
  size: number;
  data: Uint8Array;
}

/** The parts of one kind of document: a report, or a draft (with its 草稿 headers). */
export interface PartSet {
  /** every entry's name in zip order */
  names: string[];
  /** the constant entries by name; the others are written per report */
  constant: Record<string, StoredPart>;
  /** document.xml's section properties, to the end of the part */
  sectionEnd: string;
}

export interface WordParts {
  plain: PartSet;
  draft: PartSet;
  /** document.xml up to and including `<w:body>` */
  documentHead: string;
  /** core.xml up to its first property */
  coreHead: string;
  /** header1.xml / header2.xml around the 草稿 notice */
  headerHead: string;
  headerTail: string;
  /** numbering.xml without its closing tag: the list definitions and the default list */
  numberingHead: string;
  /** the abstract numbering of each list kind, and the numId of the first list */
  abstractIds: Record<ListKind, number>;
  firstNumId: number;
}

/** Written per report; every other part is constant (numbering.xml too, unless the report has lists). */
export const PER_REPORT = new Set(['word/document.xml', 'docProps/core.xml', 'word/header1.xml', 'word/header2.xml']);

const PARTS_FILE = 'word-parts.json';

const probeMeta = { title: 'T', author: 'A', date: { year: 2000, month: 1, day: 1 } };
const PROBE_NOTICE_ERRORS = 1;

/** Slices `xml` at `marker`, failing loudly should a later `docx` write the part differently. */
function split(xml: string, marker: string, part: string): [string, string] {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`word parts: ${marker} not found in ${part}`);
  return [xml.slice(0, at), xml.slice(at)];
}

/** The parts from `docx`, through three small documents: a plain one, a draft, and one with both kinds of list. */
export async function makeWordParts(): Promise<WordParts> {
  const { referenceFiles } = await import('./docx-reference.js'); // loads `docx` only when the parts are made
  const files = (doc: ReportDocument) => referenceFiles(describeDocument(doc));
  const plain = await files({ blocks: [], meta: probeMeta });
  const draft = await files({ blocks: [], meta: { ...probeMeta, draftErrors: PROBE_NOTICE_ERRORS } });
  const item = [{ kind: 'text' as const, text: 'x' }];
  const lists = await files({
    blocks: [
      { kind: 'list', ordered: false, items: [item] },
      { kind: 'list', ordered: true, items: [item] },
    ],
    meta: probeMeta,
  });
  const set = (f: Record<string, Uint8Array>): PartSet => {
    const names = Object.keys(f).sort(contentTypesFirst);
    const constant: Record<string, StoredPart> = {};
    for (const name of names) {
      if (PER_REPORT.has(name)) continue;
      const { crc, size, data } = deflatedEntry(name, f[name]!);
      constant[name] = { crc, size, data };
    }
    return { names, constant, sectionEnd: split(strFromU8(f['word/document.xml']!), '<w:sectPr>', 'document.xml')[1] };
  };
  const documentXml = strFromU8(plain['word/document.xml']!);
  const header = strFromU8(draft['word/header1.xml']!);
  const [headerHead, rest] = split(header, draftNotice(PROBE_NOTICE_ERRORS), 'header1.xml');
  const numbering = strFromU8(plain['word/numbering.xml']!);
  const listNums = [...strFromU8(lists['word/numbering.xml']!).matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)].slice(1);
  if (listNums.length !== 2) throw new Error('word parts: the lists probe did not give two lists');
  return {
    plain: set(plain),
    draft: set(draft),
    documentHead: split(documentXml, '<w:body>', 'document.xml')[0] + '<w:body>',
    coreHead: split(strFromU8(plain['docProps/core.xml']!), '<dc:title>', 'core.xml')[0],
    headerHead,
    headerTail: rest.slice(draftNotice(PROBE_NOTICE_ERRORS).length),
    numberingHead: split(numbering, '</w:numbering>', 'numbering.xml')[0],
    abstractIds: { bullet: Number(listNums[0]![2]), numbered: Number(listNums[1]![2]) },
    firstNumId: Number(listNums[0]![1]),
  };
}

/** For JSON: the deflated bytes as base64. */
function encodeParts(parts: WordParts): string {
  return JSON.stringify(parts, (_key, value: unknown) => (value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value));
}

function decodeParts(json: string): WordParts {
  return JSON.parse(json, (_key, value: unknown) =>
    value && typeof value === 'object' && 'base64' in value && typeof value.base64 === 'string' ? new Uint8Array(Buffer.from(value.base64, 'base64')) : value,
  ) as WordParts;
}

/** Writes the parts beside the bundle (the install step); returns the file's path. */
export async function writeWordParts(dir: string): Promise<string> {
  const path = join(dir, PARTS_FILE);
  writeFileSync(path, encodeParts(await makeWordParts()));
  return path;
}

let cached: Promise<WordParts> | undefined;

/** The parts: from the file beside the code when there is one, else made now (once per process). */
export function wordParts(): Promise<WordParts> {
  cached ??= loadOrMake();
  return cached;
}

/** Parts written by `writeWordParts`. */
export function readWordParts(path: string | URL): WordParts {
  return decodeParts(readFileSync(path, 'utf8'));
}

async function loadOrMake(): Promise<WordParts> {
  try {
    const file = new URL(`./${PARTS_FILE}`, import.meta.url);
    if (file.protocol === 'file:' && existsSync(file)) return readWordParts(file);
  } catch {
    // an unreadable cache is made again below
  }
  return makeWordParts();
}
