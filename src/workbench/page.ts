/**
 * The workbench page: the workbook's tabs as HTML tables on the left, the real sidebar in a
 * 300 px frame on the right, as Sheets lays them out. Its script is ours and static; cell text
 * is put in with textContent only, so a cell holding markup shows as text.
 */
export function workbenchPage(title: string): string {
  const safeTitle = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rebalancer workbench · ${safeTitle}</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; color: #202124; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; align-items: center; gap: 16px; padding: 8px 14px; border-bottom: 1px solid #dadce0; background: #f9fbfd; }
  header h1 { font-size: 16px; font-weight: 400; margin: 0; }
  header .file { color: #5f6368; }
  header .menu { margin-left: auto; display: flex; gap: 6px; align-items: center; }
  header .menu span { color: #5f6368; }
  header button { font: 13px Roboto, Arial, sans-serif; border: 1px solid #dadce0; border-radius: 4px; background: #fff; padding: 4px 10px; cursor: pointer; }
  .body { flex: 1; display: flex; min-height: 0; }
  .sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .grid { flex: 1; overflow: auto; }
  table { border-collapse: collapse; font-size: 12px; }
  td, th { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f8f9fa; color: #5f6368; font-weight: 400; position: sticky; top: 0; }
  tr:first-child td { font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  th.rowno { position: sticky; left: 0; }
  nav.tabs { display: flex; gap: 2px; border-top: 1px solid #dadce0; background: #f1f3f4; padding: 0 8px; overflow-x: auto; }
  nav.tabs button { border: 0; background: transparent; padding: 6px 12px; font: 13px Roboto, Arial, sans-serif; cursor: pointer; color: #3c4043; }
  nav.tabs button[aria-selected="true"] { background: #fff; color: #188038; font-weight: 500; box-shadow: inset 0 2px 0 #188038; }
  aside { width: 302px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  aside .title { padding: 10px 12px; border-bottom: 1px solid #dadce0; font-size: 15px; display: flex; justify-content: space-between; }
  aside iframe { flex: 1; width: 300px; border: 0; }
  /* A dialog the add-on opened (showModalDialog), as Sheets shows it: over the page, dimmed behind. */
  #dialog-overlay { position: fixed; inset: 0; background: rgba(32, 33, 36, .6); display: flex; align-items: center; justify-content: center; z-index: 10; }
  #dialog-overlay[hidden] { display: none; }
  #dialog-overlay .dialog { background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); display: flex; flex-direction: column; max-width: 95vw; max-height: 95vh; }
  #dialog-overlay .dialog-title { display: flex; justify-content: space-between; align-items: center; padding: 14px 18px 6px; font-size: 16px; }
  #dialog-overlay .dialog-title button { border: 0; background: transparent; font-size: 18px; cursor: pointer; color: #5f6368; }
  #dialog-overlay iframe { border: 0; display: block; max-width: 95vw; }
</style>
</head>
<body>
<header>
  <h1>Rebalancer workbench</h1>
  <span class="file" id="file"></span>
  <div class="menu"><span>Extensions ▸ Rebalancer ▸</span>
    <button id="menu-open" type="button">Open trade planner</button>
    <button id="menu-record" type="button">Record executed plan</button>
  </div>
</header>
<div class="body">
  <div class="sheet">
    <div class="grid" id="grid"></div>
    <nav class="tabs" id="tabs" role="tablist"></nav>
  </div>
  <aside><div class="title"><span>Rebalancer</span><span>✕</span></div><iframe id="sidebar" title="Rebalancer sidebar" src="/sidebar"></iframe></aside>
</div>
<div id="dialog-overlay" hidden role="dialog" aria-modal="true"><div class="dialog"><div class="dialog-title"><span id="dialog-title"></span><button type="button" id="dialog-close" aria-label="Close">✕</button></div><iframe id="dialog-frame" sandbox="allow-scripts" title="Dialog"></iframe></div></div>
<script>
(function () {
  var current = null;
  var tabs = [];
  var NUMBER = /^(saves )?-?\\$?[0-9,]*\\.?[0-9]+\\.?%?$/;
  document.getElementById('file').textContent = ${JSON.stringify(title).replace(/</g, '\\u003c')};
  function el(tag, text, cls) { var n = document.createElement(tag); if (text !== undefined) n.textContent = text; if (cls) n.className = cls; return n; }
  function columnName(i) { var s = ''; i++; while (i > 0) { var m = (i - 1) % 26; s = String.fromCharCode(65 + m) + s; i = Math.floor((i - 1) / 26); } return s; }
  function render() {
    var nav = document.getElementById('tabs');
    nav.replaceChildren();
    tabs.forEach(function (t) {
      var b = el('button', t.name);
      b.setAttribute('role', 'tab');
      b.setAttribute('data-tab', t.name);
      b.setAttribute('aria-selected', String(t.name === current));
      b.addEventListener('click', function () { current = t.name; render(); });
      nav.append(b);
    });
    var tab = tabs.find(function (t) { return t.name === current; });
    var grid = document.getElementById('grid');
    grid.replaceChildren();
    if (!tab) return;
    var table = el('table');
    table.setAttribute('data-tab', tab.name);
    var width = Math.max(1, Math.max.apply(null, tab.rows.map(function (r) { return r.length; }).concat([1])));
    var head = el('tr');
    head.append(el('th', '', 'rowno'));
    for (var c = 0; c < width; c++) head.append(el('th', columnName(c)));
    table.append(head);
    tab.rows.forEach(function (row, r) {
      var tr = el('tr');
      tr.append(el('th', String(r + 1), 'rowno'));
      for (var c = 0; c < width; c++) {
        var v = row[c] === undefined ? '' : row[c];
        // Numbers right-aligned as Sheets aligns them, formatted ones ($1,234.56, 11.0%, saves $9.00) too.
        tr.append(el('td', v, v !== '' && (!isNaN(Number(v)) || NUMBER.test(v)) ? 'num' : ''));
      }
      table.append(tr);
    });
    grid.append(table);
  }
  function refresh() {
    return fetch('/tabs').then(function (r) { return r.json(); }).then(function (data) {
      tabs = data;
      if (!tabs.some(function (t) { return t.name === current; })) current = tabs.length ? tabs[0].name : null;
      render();
    });
  }
  function showDialog(d) {
    document.getElementById('dialog-title').textContent = String(d.title || '');
    var frame = document.getElementById('dialog-frame');
    frame.style.width = Number(d.width) + 'px';
    frame.style.height = Number(d.height) + 'px';
    // The add-on's own HTML, in a sandboxed frame with no access to this page (as in Sheets).
    frame.srcdoc = String(d.content || '');
    document.getElementById('dialog-overlay').hidden = false;
  }
  document.getElementById('dialog-close').addEventListener('click', function () { document.getElementById('dialog-overlay').hidden = true; });
  window.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'workbench:rpc') refresh();
    // Only the sidebar's shim opens dialogs: a dialog's own frame cannot open another one.
    if (event.source === document.getElementById('sidebar').contentWindow && event.data && event.data.type === 'workbench:dialog' && event.data.dialog) showDialog(event.data.dialog);
  });
  document.getElementById('menu-open').addEventListener('click', function () { document.getElementById('sidebar').src = '/sidebar'; });
  document.getElementById('menu-record').addEventListener('click', function () {
    fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'showRecordDialog', args: [] }) })
      .then(function () { document.getElementById('sidebar').src = '/sidebar?record=' + Date.now(); });
  });
  window.workbenchRefresh = refresh;
  refresh();
})();
</script>
</body>
</html>
`;
}
