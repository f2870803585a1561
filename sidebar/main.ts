/** Sidebar entry (placeholder): shows that the bundled script runs inside the HtmlService iframe. */
function start(): void {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Ready.';
}

start();
