/**
 * The preview page: A4 sheets in the layout of the Word file, a 草稿 mark and a panel of problems,
 * refreshed by Server-Sent Events. Report text arrives as HTML escaped on the server; the panel is
 * filled through textContent, so nothing a clerk typed is ever parsed as markup.
 */
import { REPORT_CSS } from '../render/html-style.js';

export function previewPage(title: string, initialJson: string, nonce: string, token: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  :root { --body: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
  html { background: #5f6368; }
  body { margin: 0; font-family: var(--body); }
  #bar { position: sticky; top: 0; z-index: 2; display: flex; gap: 12px; align-items: center; padding: 8px 16px;
         background: #202124; color: #fff; font: 14px/1.4 "Noto Sans CJK SC", sans-serif; }
  #bar a { color: #fff; background: #1a73e8; padding: 4px 10px; border-radius: 4px; text-decoration: none; }
  #bar .name { flex: 1; }
  #notes { color: #bdc1c6; font-size: 12px; max-width: 30em; }
  #draft-mark { display: none; background: #d93025; padding: 2px 10px; border-radius: 4px; font-weight: bold; }
  body.draft #draft-mark { display: inline-block; }
  #panel { display: none; margin: 0; padding: 8px 16px 8px 40px; background: #fce8e6; color: #202124;
           font: 14px/1.6 "Noto Sans CJK SC", sans-serif; max-height: 30vh; overflow: auto; }
  #panel.shown { display: block; }
  #panel li.warning { color: #8a5a00; }
  #panel li.error { color: #b3261e; }
  #panel li.acknowledged { color: #5f6368; }
  #pages { padding: 24px 0; }
  /* a block taller than a sheet (a long table) makes the sheet longer: nothing is ever cut off */
  .page { position: relative; box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto 24px; background: #fff;
          padding: 37mm 26mm 35mm 28mm; box-shadow: 0 2px 8px rgba(0,0,0,.4); }
  body.draft .page::before { content: "草稿"; position: absolute; top: 40%; left: 0; right: 0; text-align: center;
          font-size: 120pt; color: rgba(217,48,37,.12); transform: rotate(-30deg); pointer-events: none; }
  .page .body { min-height: 225mm; }
  .page .pageno { position: absolute; bottom: 23mm; font: 14pt "宋体", "SimSun", "Noto Serif CJK SC", serif; }
  .page:nth-child(odd) .pageno { right: calc(26mm + 14pt); }
  .page:nth-child(even) .pageno { left: calc(28mm + 14pt); }
${REPORT_CSS}
  #content { display: none; }
</style>
</head>
<body>
<div id="bar"><span class="name" id="name"></span><span id="notes"></span><span id="draft-mark">草稿</span><span id="counts"></span>
<a id="download-md" href="#" download>下载 .md</a><a id="download-docx" href="#" download>下载 .docx</a></div>
<ol id="panel"></ol>
<div id="content"></div>
<div id="pages"></div>
<script type="application/json" id="initial">${initialJson}</script>
<script type="application/json" id="session">${JSON.stringify({ token })}</script>
<script nonce="${nonce}">
(() => {
  const $ = (id) => document.getElementById(id);
  const MM = 96 / 25.4;
  function newPage(pages) {
    const page = document.createElement('div'); page.className = 'page';
    const body = document.createElement('div'); body.className = 'body';
    const number = document.createElement('div'); number.className = 'pageno';
    number.textContent = '— ' + (pages.children.length + 1) + ' —';
    page.append(body, number); pages.append(page);
    return body;
  }
  // Lays the report's blocks onto A4 sheets: a block that would run past the text block starts a
  // new sheet, and a heading is never left last on a sheet.
  function paginate() {
    const pages = $('pages'); pages.replaceChildren();
    const limit = 225 * MM;
    let body = newPage(pages);
    for (const block of [...$('content').children]) {
      const el = block.cloneNode(true);
      body.append(el);
      if (body.scrollHeight > limit + 1 && body.children.length > 1) {
        el.remove();
        const moved = [el];
        const last = body.lastElementChild;
        if (last && /^H[2-4]$/.test(last.tagName)) { last.remove(); moved.unshift(last); }
        body = newPage(pages);
        body.append(...moved);
      }
    }
  }
  function apply(state) {
    const y = window.scrollY;
    $('name').textContent = state.title + (state.stale ? '（文件暂时无法读取，显示的是上一次的结果）' : '');
    $('content').innerHTML = state.html;
    paginate();
    document.body.classList.toggle('draft', state.draft);
    $('counts').textContent = state.errors + ' 个错误，' + state.warnings + ' 个警告';
    // the panel lists problems; notes (such as skipped checks) stay small in the bar
    $('notes').textContent = state.diagnostics.filter((d) => d.severity === 'info').map((d) => d.message).join(' ');
    const problems = state.diagnostics.filter((d) => d.severity !== 'info');
    const panel = $('panel'); panel.replaceChildren();
    for (const d of problems) {
      const li = document.createElement('li');
      const checked = typeof d.acknowledged === 'string';
      li.className = checked ? 'acknowledged' : d.severity;
      li.textContent = '第 ' + d.line + ' 行第 ' + d.column + ' 列  ' + (checked ? '已核对' : d.severity === 'error' ? '错误' : '警告') + '  ' + d.code + '  ' + (d.label ? d.label + '：' : '') + d.message + (checked ? '（已核对：' + d.acknowledged + '）' : '');
      panel.append(li);
    }
    panel.classList.toggle('shown', problems.length > 0);
    $('download-md').href = '/download.md?v=' + state.version;
    $('download-docx').href = '/download.docx?v=' + state.version;
    document.body.dataset.version = String(state.version);
    window.scrollTo(0, y);
  }
  apply(JSON.parse($('initial').textContent));
  const events = new EventSource('/events');
  events.addEventListener('report', (e) => apply(JSON.parse(e.data)));
})();
</script>
</body>
</html>
`;
}
