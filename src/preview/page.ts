/**
 * The preview page: A4 sheets in the layout of the Word file, a 草稿 mark and a panel of problems,
 * refreshed by Server-Sent Events. Report text arrives as HTML escaped on the server; the panel is
 * filled through textContent, so nothing a clerk typed is ever parsed as markup.
 */
import { PLACEHOLDER } from '../document/values.js';
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
  /* the bar and the problems' summary stay in view while the clerk scrolls */
  #top { position: sticky; top: 0; z-index: 2; }
  #bar { display: flex; gap: 12px; align-items: center; padding: 8px 16px;
         background: #202124; color: #fff; font: 14px/1.4 "Noto Sans CJK SC", sans-serif; }
  #bar a { color: #fff; background: #1a73e8; padding: 4px 10px; border-radius: 4px; text-decoration: none; }
  #bar .name { flex: 1; }
  #notes { color: #bdc1c6; font-size: 12px; max-width: 30em; }
  #draft-mark { display: none; background: #d93025; padding: 2px 10px; border-radius: 4px; font-weight: bold; }
  body.draft #draft-mark { display: inline-block; }
  /* the list of problems scrolls inside its own box */
  #problems { display: none; background: #fce8e6; color: #202124;
           font: 14px/1.6 "Noto Sans CJK SC", sans-serif; box-shadow: 0 2px 4px rgba(0,0,0,.3); }
  #problems.shown { display: block; }
  #summary { padding: 4px 16px; font-weight: bold; cursor: pointer; }
  /* the report's list style (ol, ul) is not the panel's */
  #panel { margin: 0; padding: 0 16px 8px 40px; max-height: 25vh; overflow: auto; font: 14px/1.6 "Noto Sans CJK SC", sans-serif;
           text-indent: 0; text-align: left; }
  #problems.folded #panel { display: none; }
  #panel li.warning { color: #8a5a00; }
  #panel li.error { color: #b3261e; }
  #panel li.acknowledged { color: #5f6368; }
  #panel li a { color: inherit; text-decoration: none; cursor: pointer; }
  #panel li a:hover { text-decoration: underline; }
  #panel li .where { color: #80868b; font-size: 12px; }
  /* a message about the file floats over the page: showing it never moves what the clerk is reading */
  #notice { display: none; position: fixed; z-index: 3; left: 50%; bottom: 16px; transform: translateX(-50%); max-width: 80vw;
            padding: 8px 16px; border-radius: 6px; background: #fef7e0; color: #202124; box-shadow: 0 2px 8px rgba(0,0,0,.4);
            font: 14px/1.5 "Noto Sans CJK SC", sans-serif; cursor: pointer; }
  #notice.shown { display: block; }
  #notice.refused { background: #fce8e6; }
  #saved { color: #bdc1c6; font-size: 12px; }
  /* the fill-in form: what the clerk writes is editable in place; totals are the tool's */
  #pages [data-pointer] { outline: none; cursor: text; }
  #pages td[data-pointer]:hover, #pages span[data-pointer]:hover { background: #e8f0fe; }
  #pages [data-pointer]:focus { background: #e8f0fe; box-shadow: inset 0 0 0 2px #1a73e8; }
  /* an empty text: a place to click and write in; cleared when the clerk enters it */
  #pages [data-placeholder] { color: #9aa0a6; font-style: italic; }
  #pages [data-filling] { display: inline-block; min-width: 8em; }
  #pages td[data-computed] { background: #f1f3f4; color: #3c4043; }
  #pages .has-error { box-shadow: inset 0 0 0 2px #d93025; background: #fce8e6; }
  #pages .has-warning { box-shadow: inset 0 0 0 2px #f9ab00; }
  #pages .highlighted { animation: flash 1.5s ease-out 1; box-shadow: inset 0 0 0 3px #d93025; background: #fad2cf; }
  @keyframes flash { from { background: #f28b82; } }
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
<div id="top"><div id="bar"><span class="name" id="name"></span><span id="notes"></span><span id="saved"></span><span id="draft-mark">草稿</span><span id="counts"></span>
<a id="download-md" href="#" download>下载 .md</a><a id="download-docx" href="#" download>下载 .docx</a></div>
<div id="notice" role="status" title="点击关闭"></div>
<div id="problems"><div id="summary" title="点击收起或展开问题列表"></div><ol id="panel"></ol></div></div>
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

  const session = JSON.parse($('session').textContent);
  let shown = null; // the state on the page
  const keyOf = (el) => el.dataset.pointer + (el.dataset.paragraph === undefined ? '' : '#' + el.dataset.paragraph);
  const editables = () => [...$('pages').querySelectorAll('[data-pointer]')];
  const findByKey = (key) => editables().find((el) => keyOf(el) === key);
  // an empty text's placeholder (“（请在此填写）”) is not its value: it reads as empty
  /** a value written into the page: an empty text's placeholder gives way to it */
  const setText = (el, value) => { el.removeAttribute('data-placeholder'); el.textContent = value; };
  const textOf = (el) => (el.dataset.placeholder !== undefined ? '' : el.textContent.replace(/\\u00a0/g, ' '));

  // ---- edits: typed values wait a moment, then go to the server one request at a time ----
  // key → {pointer, paragraph?, value}, not sent yet, and the version (base) it was typed on: an edit
  // typed before a change saved elsewhere is sent with that old base, so the server refuses it (409)
  const pending = new Map();
  const typedOn = new Map();   // key → base
  let sending = null;          // the request on its way
  let timer;
  /** value of each cell when the clerk started typing in it, for undo */
  const startedAt = new Map();
  const undo = [], redo = [];
  const UNDO_LIMIT = 100;

  function editOf(el, value) {
    const e = { pointer: el.dataset.pointer, value };
    if (el.dataset.paragraph !== undefined) e.paragraph = Number(el.dataset.paragraph);
    return e;
  }
  function queue(edits) {
    for (const e of edits) {
      const key = e.pointer + (e.paragraph === undefined ? '' : '#' + e.paragraph);
      // typed again after the page changed under it: still on the old version
      if (!pending.has(key)) typedOn.set(key, shown ? shown.base : null);
      pending.set(key, e);
    }
    clearTimeout(timer);
    timer = setTimeout(flush, 250);
    $('saved').textContent = '正在保存…';
  }
  /** a typing run ends (the clerk left the cell, or paused): one undo step from its start to now */
  function commitRun(el) {
    const key = keyOf(el);
    if (!startedAt.has(key)) return;
    const before = startedAt.get(key);
    startedAt.delete(key);
    const after = textOf(el);
    if (before !== after) pushUndo([{ key, edit: editOf(el, after), before }]);
  }
  function pushUndo(step) {
    undo.push(step);
    if (undo.length > UNDO_LIMIT) undo.shift();
    redo.length = 0;
  }
  async function flush() {
    if (sending || pending.size === 0 || !shown) return;
    // one request per version typed on, the oldest first
    const base = typedOn.get(pending.keys().next().value);
    const keys = [...pending.keys()].filter((k) => typedOn.get(k) === base);
    const edits = keys.map((k) => pending.get(k));
    for (const k of keys) { pending.delete(k); typedOn.delete(k); }
    sending = fetch('/edit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: session.token, base, edits }),
    }).then(async (r) => {
      const answer = await r.json().catch(() => ({ message: '保存失败（' + r.status + '）。' }));
      if (r.ok) {
        notice('');
        $('saved').textContent = '已保存';
        // typed meanwhile on the version this write replaced: on the new one now
        for (const [k, b] of typedOn) if (b === base) typedOn.set(k, answer.state.base);
        apply(answer.state);
      } else if (r.status === 409 && answer.state) {
        // refused, and shown with the file's value; what was typed on the file's version still goes
        for (const [k, b] of typedOn) if (b !== answer.state.base) { pending.delete(k); typedOn.delete(k); }
        startedAt.clear();
        apply(answer.state, true);
        const lost = edits.map((e) => {
          const el = findByKey(e.pointer + (e.paragraph === undefined ? '' : '#' + e.paragraph));
          return '您输入的“' + e.value + '”，文件中现在是“' + (el ? textOf(el) : '') + '”';
        });
        notice(answer.message + ' ' + lost.join('；') + '。', true);
        $('saved').textContent = '';
      } else {
        pending.clear(); typedOn.clear(); startedAt.clear();
        if (shown) apply(shown, true);
        notice(answer.message || '保存失败。', true);
        $('saved').textContent = '';
      }
    }).catch(() => {
      notice('无法连接预览服务（是否已结束预览？），修改未保存。', true);
    }).finally(() => {
      sending = null;
      if (pending.size > 0) flush();
    });
  }
  function notice(text, refused) {
    const n = $('notice');
    n.textContent = text;
    n.classList.toggle('shown', text !== '');
    n.classList.toggle('refused', !!refused);
  }
  /** writes values into the page and the file as one undoable step */
  function setValues(list) {
    for (const { key, value } of list) for (const el of editables()) if (keyOf(el) === key) setText(el, value);
    queue(list.map(({ edit, value }) => ({ ...edit, value })));
  }
  function undoStep(from, to, which) {
    const step = from.pop();
    if (!step) return;
    to.push(step);
    setValues(step.map((s) => ({ key: s.key, edit: s.edit, value: which === 'undo' ? s.before : s.edit.value })));
  }

  // ---- keyboard: Tab / Enter move like a spreadsheet ----
  function move(el, how) {
    const all = editables();
    let next;
    if (how === 'down' || how === 'up') {
      const td = el.closest('td');
      if (td) {
        // the same column in the next (or previous) row that has written cells
        const column = [...td.parentElement.querySelectorAll('td[data-pointer]')].indexOf(td);
        let tr = td.parentElement;
        const rows = [...td.closest('table').querySelectorAll('tr')];
        for (let i = rows.indexOf(tr) + (how === 'down' ? 1 : -1); i >= 0 && i < rows.length; i += how === 'down' ? 1 : -1) {
          const cells = rows[i].querySelectorAll('td[data-pointer]');
          if (cells.length) { next = cells[Math.min(column, cells.length - 1)]; break; }
        }
      }
      if (!next) next = all[all.indexOf(el) + (how === 'down' ? 1 : -1)];
    } else next = all[all.indexOf(el) + (how === 'next' ? 1 : -1)];
    if (next) focusCell(next, true);
  }
  function focusCell(el, selectAll) {
    el.focus();
    const range = document.createRange();
    range.selectNodeContents(el);
    if (!selectAll) range.collapse(false);
    const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
  }
  function caretOffset(el) {
    const sel = getSelection();
    if (!sel.rangeCount || !el.contains(sel.anchorNode)) return null;
    const r = sel.getRangeAt(0);
    const pre = document.createRange(); pre.selectNodeContents(el); pre.setEnd(r.startContainer, r.startOffset);
    const start = pre.toString().length;
    return { start, end: start + r.toString().length };
  }
  function setCaret(el, at) {
    const range = document.createRange();
    let left = at.start, right = at.end, startSet = false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node, last = null;
    while ((node = walker.nextNode())) {
      last = node;
      const n = node.textContent.length;
      if (!startSet && left <= n) { range.setStart(node, left); startSet = true; }
      if (startSet && right <= n) { range.setEnd(node, right); break; }
      left -= n; right -= n;
    }
    if (!startSet) { range.selectNodeContents(el); range.collapse(false); }
    else if (!range.endContainer || (last && right > last.textContent.length)) range.collapse(true);
    const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
  }

  const pages = $('pages');
  pages.addEventListener('focusin', (e) => {
    const el = e.target.closest && e.target.closest('[data-pointer]');
    // entering an empty text: its placeholder goes, what is typed is paragraph 0 of that text
    if (el && el.dataset.placeholder !== undefined) {
      el.removeAttribute('data-placeholder');
      el.dataset.filling = '';
      el.textContent = '';
      // the caret in the now empty text (the click had put it in the placeholder's words)
      const caretIn = () => { if (document.activeElement === el && !el.contains(getSelection().anchorNode)) focusCell(el, false); };
      caretIn();
      setTimeout(caretIn, 0);
    }
    if (el && !startedAt.has(keyOf(el))) startedAt.set(keyOf(el), textOf(el));
  });
  // a click into a figure cell selects the figure, as in a spreadsheet: typing replaces it; a second
  // click into the cell being edited places the caret
  let entering = null;
  pages.addEventListener('mousedown', (e) => {
    const td = e.target.closest && e.target.closest('td[data-pointer]');
    entering = td && td !== document.activeElement ? td : null;
  });
  pages.addEventListener('click', (e) => {
    const td = e.target.closest && e.target.closest('td[data-pointer]');
    if (td && td === entering && !getSelection().toString()) focusCell(td, true);
    entering = null;
  });
  pages.addEventListener('focusout', (e) => {
    const el = e.target.closest && e.target.closest('[data-pointer]');
    if (el) commitRun(el);
    // left empty: the placeholder comes back, nothing is written
    if (el && el.dataset.filling !== undefined && textOf(el).trim() === '') {
      delete el.dataset.filling;
      el.dataset.placeholder = '';
      el.textContent = PLACEHOLDER;
    }
  });
  const PLACEHOLDER = ${JSON.stringify(PLACEHOLDER)};
  pages.addEventListener('input', (e) => {
    const el = e.target.closest && e.target.closest('[data-pointer]');
    if (!el) return;
    if (!startedAt.has(keyOf(el))) startedAt.set(keyOf(el), shownValue(keyOf(el)));
    queue([editOf(el, textOf(el))]);
  });
  /** the value of a cell in the rendering on the page (what undo goes back to) */
  const shownValues = new Map();
  const shownValue = (key) => shownValues.get(key) ?? '';
  pages.addEventListener('keydown', (e) => {
    const el = e.target.closest && e.target.closest('[data-pointer]');
    if (!el) return;
    if (e.key === 'Tab') { e.preventDefault(); commitRun(el); move(el, e.shiftKey ? 'prev' : 'next'); }
    else if (e.key === 'Enter') { e.preventDefault(); commitRun(el); move(el, el.tagName === 'TD' ? (e.shiftKey ? 'up' : 'down') : (e.shiftKey ? 'prev' : 'next')); }
    else if (e.key === 'Escape') { el.blur(); }
  });
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    const k = e.key.toLowerCase();
    if (k !== 'z' && k !== 'y') return;
    e.preventDefault();
    const el = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-pointer]');
    if (el) commitRun(el);
    if (k === 'y' || e.shiftKey) undoStep(redo, undo, 'redo'); else undoStep(undo, redo, 'undo');
    if (el) startedAt.set(keyOf(el), textOf(el));
  });
  // a block copied from Excel, WPS or Word: fills the row from this cell, and the rows below
  pages.addEventListener('paste', (e) => {
    const el = e.target.closest && e.target.closest('[data-pointer]');
    if (!el) return;
    const text = (e.clipboardData || window.clipboardData).getData('text/plain').replace(/\\r\\n?/g, '\\n').replace(/\\n$/, '');
    e.preventDefault();
    if (el.tagName !== 'TD' || !/[\\t\\n]/.test(text)) {
      document.execCommand('insertText', false, el.tagName === 'TD' ? text.trim() : text);
      return;
    }
    commitRun(el);
    const grid = text.split('\\n').map((line) => line.split('\\t'));
    const td = el;
    const rows = [...td.closest('table').querySelectorAll('tr')].filter((tr) => tr.querySelector('td[data-pointer]'));
    const first = rows.indexOf(td.parentElement);
    const column = [...td.parentElement.querySelectorAll('td[data-pointer]')].indexOf(td);
    const step = [];
    grid.forEach((cells, r) => {
      const tr = rows[first + r];
      if (!tr) return;
      const targets = [...tr.querySelectorAll('td[data-pointer]')];
      cells.forEach((value, c) => {
        const cell = targets[column + c];
        if (!cell) return;
        const v = value.trim();
        if (textOf(cell) === v) return;
        step.push({ key: keyOf(cell), edit: editOf(cell, v), before: textOf(cell) });
      });
    });
    if (step.length === 0) return;
    pushUndo(step);
    setValues(step.map((s) => ({ key: s.key, edit: s.edit, value: s.edit.value })));
    startedAt.set(keyOf(el), textOf(el));
  });

  // ---- problems: a link to the cell or paragraph, and a mark on it ----
  function targetsOf(pointer, paragraph) {
    if (!pointer) return [];
    if (paragraph !== null && paragraph !== undefined) {
      const one = editables().filter((el) => el.dataset.pointer === pointer && el.dataset.paragraph === String(paragraph));
      if (one.length) return one;
    }
    // the value itself, or the values inside it (a row, a noted cell): never a neighbour, which would mislead
    return editables().filter((el) => el.dataset.pointer === pointer || el.dataset.pointer.startsWith(pointer + '/'));
  }
  function show(d) {
    const found = targetsOf(d.pointer, d.paragraph);
    for (const el of pages.querySelectorAll('.highlighted')) el.classList.remove('highlighted');
    if (!found.length) {
      notice('这一项在页面上没有可以填写的位置，请在文本编辑器中打开文件，到第 ' + d.line + ' 行修改。');
      return;
    }
    for (const el of found) el.classList.add('highlighted');
    found[0].scrollIntoView({ block: 'center' });
    if (found[0].isContentEditable) focusCell(found[0], true);
  }
  function markProblems(problems) {
    for (const d of problems) {
      if (typeof d.acknowledged === 'string' || !d.pointer) continue;
      // a noted cell ({数值, 备注}) is marked by its figure's pointer
      const exact = editables().filter((el) => (el.dataset.pointer === d.pointer || el.dataset.pointer === d.pointer + '/数值') && (d.paragraph === null || el.dataset.paragraph === undefined || el.dataset.paragraph === String(d.paragraph)));
      for (const el of exact) {
        el.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
        el.title = (el.title ? el.title + '\\n' : '') + (d.severity === 'error' ? '错误：' : '警告：') + d.message;
      }
    }
  }

  function apply(state, force) {
    if (!force && shown && state.version <= shown.version) return;
    const y = window.scrollY;
    // where the clerk is typing: kept across the new rendering
    const active = document.activeElement && document.activeElement.closest && document.activeElement.closest('#pages [data-pointer]');
    const activeKey = active ? keyOf(active) : null;
    // a value printed several times (the agency's name): the one being typed in
    const occurrence = active ? editables().filter((el) => keyOf(el) === activeKey).indexOf(active) : 0;
    const caret = active ? caretOffset(active) : null;
    const typed = active ? textOf(active) : null;
    shown = state;
    $('name').textContent = state.title + (state.stale ? '（文件暂时无法读取，显示的是上一次的结果）' : '');
    $('content').innerHTML = state.html;
    paginate();
    shownValues.clear();
    for (const el of editables()) {
      shownValues.set(keyOf(el), textOf(el));
      el.contentEditable = 'plaintext-only';
      el.spellcheck = false;
    }
    // values typed but not yet written stay as typed
    for (const [key, e] of pending) for (const el of editables()) if (keyOf(el) === key) setText(el, e.value);
    if (activeKey) {
      const same = editables().filter((el) => keyOf(el) === activeKey);
      const el = same[occurrence] || same[0];
      if (el) {
        if (!force && (pending.has(activeKey) || sending) && typed !== null) setText(el, typed);
        el.focus({ preventScroll: true });
        if (caret) setCaret(el, caret);
      }
    }
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
      const link = document.createElement('a');
      link.href = '#';
      // what and where on the page first; the YAML line and the check's code (for 已核对) after it, in grey
      link.textContent = (checked ? '已核对' : d.severity === 'error' ? '错误' : '警告') + '　' + (d.label ? d.label + '：' : '') + d.message + (checked ? '（已核对：' + d.acknowledged + '）' : '');
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = '　YAML 第 ' + d.line + ' 行第 ' + d.column + ' 列 · ' + d.code;
      link.append(where);
      link.addEventListener('click', (e) => { e.preventDefault(); show(d); });
      li.append(link);
      panel.append(li);
    }
    markProblems(problems);
    $('summary').textContent = '问题：' + state.errors + ' 个错误，' + state.warnings + ' 个警告（点击一条问题可跳到对应的格子或段落）';
    $('problems').classList.toggle('shown', problems.length > 0);
    $('download-md').href = '/download.md?v=' + state.version;
    $('download-docx').href = '/download.docx?v=' + state.version;
    document.body.dataset.version = String(state.version);
    window.scrollTo(0, y);
  }
  $('summary').addEventListener('click', () => $('problems').classList.toggle('folded'));
  $('notice').addEventListener('click', () => notice(''));
  apply(JSON.parse($('initial').textContent));
  const events = new EventSource('/events');
  events.addEventListener('report', (e) => {
    const state = JSON.parse(e.data);
    // a change saved elsewhere (an editor), not written by this page: say so
    const external = state.by === 'file' && shown && state.version > shown.version;
    apply(state);
    if (external) notice('文件已在别处被修改（例如在文本编辑器中保存），页面已换成文件现在的内容。');
  });
})();
</script>
</body>
</html>
`;
}
