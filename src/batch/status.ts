/**
 * The district office's status list: who on its list has not reported, whose report has errors,
 * whose was published late. The list is a YAML file of agency names (a plain list, or under
 * `机关:`).
 */
import { parse } from 'yaml';
import { textTable } from './summary.js';

export interface ReportStatus {
  file: string;
  agency: string;
  errors: number;
  late?: boolean;
  duplicate?: boolean;
}

/** The agency names of an expected-agencies file, or a Chinese message saying what is wrong. */
export function readExpected(text: string): string[] | string {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return '应报送机关名单不是有效的 YAML。';
  }
  const list = Array.isArray(data) ? data : (data as Record<string, unknown> | null)?.['机关'];
  if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && x.trim() !== '')) {
    return '应报送机关名单应是机关名称的列表，每行“- 机关名称”（也可写在“机关:”下面）。';
  }
  return list.map((x) => (x as string).trim());
}

export function statusList(expected: string[], reports: ReportStatus[]): string {
  const rows: string[][] = [];
  for (const agency of expected) {
    const mine = reports.filter((r) => r.agency === agency);
    if (mine.length === 0) {
      rows.push([agency, '未报送', '']);
      continue;
    }
    for (const r of mine) {
      const problems = [r.duplicate ? '重复报送' : '', r.errors > 0 ? `${r.errors} 个错误` : '', r.late ? '逾期发布' : ''].filter(Boolean);
      rows.push([agency, problems.length ? problems.join('，') : '正常', r.file]);
    }
  }
  for (const r of reports.filter((x) => !expected.includes(x.agency))) rows.push([r.agency || '（无法读取）', '不在名单中', r.file]);
  const missing = expected.filter((a) => !reports.some((r) => r.agency === a)).length;
  const withErrors = reports.filter((r) => r.errors > 0).length;
  const late = reports.filter((r) => r.late).length;
  return `\n报送情况（名单 ${expected.length} 个机关）：未报送 ${missing} 个，有错误 ${withErrors} 份，逾期发布 ${late} 份。\n${textTable(['机关', '情况', '文件'], rows)}\n`;
}
