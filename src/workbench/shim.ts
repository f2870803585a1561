/**
 * Injected into the served Sidebar.html before its own script: a `google.script.run` that POSTs
 * each call to the workbench's /rpc, with Google's transport rules (createScriptRun refuses a
 * Date, a Decimal, a function or a DOM node in arguments and results, converts undefined in
 * arrays to null, caps calls in flight at 10). After each call it tells the page around the
 * frame, so the page can show the tabs as they are now.
 */
import { createScriptRun } from '../local-google/script-run';

interface RpcAnswer {
  ok: boolean;
  result?: unknown;
  error?: string;
  /** Dialogs the call opened: the page around the frame shows them as overlays. */
  dialogs?: { title: string; content: string; width: number; height: number }[];
}

const emulator = createScriptRun(async (name, args) => {
  const response = await fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, args }) });
  const answer = (await response.json()) as RpcAnswer;
  if (window.parent !== window) {
    window.parent.postMessage({ type: 'workbench:rpc', name }, '*');
    for (const dialog of answer.dialogs ?? []) window.parent.postMessage({ type: 'workbench:dialog', dialog }, '*');
  }
  if (!answer.ok) throw new Error(answer.error ?? `${name} failed`);
  return answer.result;
});

const host = {
  close: () => window.parent.postMessage({ type: 'workbench:close' }, '*'),
  setHeight: (height: number) => void height,
  setWidth: (width: number) => void width,
  editor: { focus: () => undefined },
};

(window as unknown as { google: unknown }).google = { script: { run: emulator.run, host } };
