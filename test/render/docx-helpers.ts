import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of every non-empty paragraph of the body, in document order (table cells included). */
export function docxParagraphs(documentXml: string): string[] {
  const body = documentXml.replace(/<w:sectPr[\s\S]*<\/w:sectPr>/, '');
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''))
    .filter((t) => t !== '');
}

export interface XmlTable {
  gridColumns: number[];
  width: number;
  rows: { spans: number[]; widths: number[]; header: boolean; merges: (string | null)[] }[];
}

export function docxTables(documentXml: string): XmlTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const xml = t[1]!;
    return {
      gridColumns: [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
      width: Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/.exec(xml)?.slice(1).find(Boolean)),
      rows: [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => {
        const cells = [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!);
        return {
          header: /<w:tblHeader\/>/.test(r[1]!),
          spans: cells.map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? 1)),
          widths: cells.map((c) => Number(/<w:tcW (?:w:type="dxa" )?w:w="(\d+)"/.exec(c)?.[1] ?? NaN)),
          merges: cells.map((c) => (/<w:vMerge w:val="restart"\/>/.test(c) ? 'restart' : /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(c) ? 'continue' : null)),
        };
      }),
    };
  });
}
