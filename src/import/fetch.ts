/** A report's page from a web address, with Node's own fetch; the server's charset is kept for decoding. */
import { ImportRefusal } from './refusal.js';

const LIMIT = 30 * 1024 * 1024;

export async function fetchReport(url: string): Promise<{ bytes: Uint8Array; charset?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'nianbao-import' } });
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? '30 秒内没有响应' : '连接失败';
    throw new ImportRefusal(`无法打开网址 ${url}（${reason}）。请检查网址和网络，或在浏览器中把页面另存为文件后导入。`);
  }
  if (!response.ok) throw new ImportRefusal(`网址 ${url} 返回了错误 ${response.status}，没有取到报告。`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > LIMIT) throw new ImportRefusal(`网址 ${url} 的内容超过 30 MB，不像是一份报告。`);
  const charset = /charset=([\w-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  return { bytes, charset };
}
