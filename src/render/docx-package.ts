/**
 * The reference .docx's files as `docx` writes them, finished and zipped reproducibly
 * (docx-reproducible.ts): dates from the report, only the styles the document uses, and a font
 * table that names a fallback for each official Chinese font.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { contentTypesFirst, documentStamp, zipTime, type DocumentDate } from './docx-reproducible.js';
import { FONT_FALLBACK } from './word-layout.js';

export function fontTable(xml: string): string {
  const declared = Object.entries(FONT_FALLBACK)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  // `docx` writes an empty, self-closing <w:fonts .../>
  if (/<w:fonts\b[^>]*\/>/.test(xml)) return xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${declared}</w:fonts>`);
  return xml.replace(/(<w:fonts\b[^>]*>)/, `$1${declared}`);
}

/**
 * The style part as we want it: `docx` cannot set w:overflowPunct in the document defaults, and
 * writes a set of built-in styles (blue Heading1–6, TOC, Caption …) that this document never uses.
 */
export function finishStyles(stylesXml: string, usedIds: Set<string>): string {
  // Written out although it is Word's default: LibreOffice reads a missing or false
  // w:overflowPunct as "hang punctuation", and a full-width comma or 。 hanging at the end of a
  // full justified line is then neither drawn nor in the PDF's text.
  // w:wordWrap off ("allow Latin text to wrap in the middle of a word", as Chinese templates set
  // it): a long web address then wraps where the line ends instead of stretching the justified
  // line before it into spaced-out characters.
  let xml = stylesXml.replace(/<w:pPrDefault><w:pPr>/, '<w:pPrDefault><w:pPr><w:wordWrap w:val="0"/><w:overflowPunct/>');
  xml = xml.replace(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => (usedIds.has(id) ? style : ''));
  // The 落款: no automatic space between Chinese and digits or Latin letters, so Word sets its
  // lines as wide as closingLayout measures them (docx writes these only per paragraph).
  xml = xml.replace(/(<w:style\b[^>]*\bw:styleId="NbClosing"[^>]*>[\s\S]*?<w:pPr>[\s\S]*?)(<w:spacing\b)/, '$1<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>$2');
  return xml;
}

/** Our own styles (`Nb…`, kept for the clerk to use), style ids any part refers to, and the ones they are based on or linked to. */
function referencedStyles(files: Record<string, Uint8Array>): Set<string> {
  const used = new Set<string>(['Normal', 'TableNormal']);
  const styles = files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '';
  for (const m of styles.matchAll(/w:styleId="(Nb[^"]*)"/g)) used.add(m[1]!);
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml') || name === 'word/styles.xml') continue;
    for (const m of strFromU8(data).matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"/g)) used.add(m[1]!);
  }
  for (const m of styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    if (!used.has(m[1]!)) continue;
    for (const ref of m[2]!.matchAll(/<w:(?:basedOn|link|next) w:val="([^"]*)"/g)) used.add(ref[1]!);
  }
  return used;
}

type Compiler = { compile(doc: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array> };

/**
 * The document's files before zipping. `docx` exposes them only through its internal compiler;
 * using it saves compressing everything twice (a third of a cold build). Should a later `docx`
 * drop it, the public packer's zip is unpacked instead.
 */
async function packageFiles(doc: Document): Promise<Record<string, Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (compiler && typeof compiler.compile === 'function') {
    const files: Record<string, Uint8Array> = {};
    for (const [path, data] of compiler.compile(doc, undefined, [])) files[path] = typeof data === 'string' ? strToU8(data) : data;
    return files;
  }
  return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
}

/** The document's files, finished: dates from the report, our styles only, the font table with fallbacks. */
export async function finishedFiles(doc: Document, date: DocumentDate): Promise<Record<string, Uint8Array>> {
  return finish(await packageFiles(doc), date);
}

function finish(files: Record<string, Uint8Array>, date: DocumentDate): Record<string, Uint8Array> {
  const stamp = documentStamp(date);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`),
    );
  }
  const styles = files['word/styles.xml'];
  if (styles) files['word/styles.xml'] = strToU8(finishStyles(strFromU8(styles), referencedStyles(files)));
  const fonts = files['word/fontTable.xml'];
  if (fonts) files['word/fontTable.xml'] = strToU8(fontTable(strFromU8(fonts)));
  return files;
}

/** The zip, entries in Word's order, each deflated at level 6 with the same timestamp. */
export function zipReproducibly(files: Record<string, Uint8Array>, date: DocumentDate): Uint8Array {
  const mtime = zipTime(date);
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort(contentTypesFirst)) entries[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(entries);
}
