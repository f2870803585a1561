/**
 * The last plan written to the Plan tab, kept in the document's properties so "Record executed
 * plan" (a menu item that opens a fresh sidebar) can offer exactly that plan, lots and all: the
 * Plan tab's cells lose the detail. A property value holds at most 9 KB, so the JSON is split
 * into chunks (2,000 characters is under 9 KB even if every character took 4 bytes in UTF-8).
 */
const PREFIX = 'rebalancer.lastPlan';
const CHUNK = 2000;

export function saveLastPlan(json: string): void {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return;
  const chunks: Record<string, string> = { [`${PREFIX}.count`]: '0' };
  let n = 0;
  for (let i = 0; i < json.length; i += CHUNK) chunks[`${PREFIX}.${n++}`] = json.slice(i, i + CHUNK);
  chunks[`${PREFIX}.count`] = String(n);
  props.setProperties(chunks);
}

/** The JSON text saved last, or null. One getProperties call whatever the size. */
export function loadLastPlan(): string | null {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return null;
  const all = props.getProperties();
  const count = Number(all[`${PREFIX}.count`] ?? '0');
  if (!Number.isInteger(count) || count <= 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = all[`${PREFIX}.${i}`];
    if (part === undefined) return null;
    parts.push(part);
  }
  return parts.join('');
}

/** Where the sidebar should open: 'record' once after the Record executed plan menu item. */
const START_KEY = 'rebalancer.sidebarStart';

export function setSidebarStart(step: 'record'): void {
  PropertiesService.getUserProperties().setProperty(START_KEY, step);
}

export function takeSidebarStart(): 'drift' | 'record' {
  const props = PropertiesService.getUserProperties();
  const step = props.getProperty(START_KEY);
  if (step === null) return 'drift';
  props.deleteProperty(START_KEY);
  return step === 'record' ? 'record' : 'drift';
}
