/**
 * One server request at a time, and every action button shows it. A button declares that it
 * needs the server by its `data-action` attribute; while any request runs (the start-up request
 * that reads the workbook and makes the first plan included) every such button is disabled,
 * those drawn meanwhile too, so a click can never land on a button that looks ready and then be
 * dropped. The button that started the request (or, during start-up, every action button) also
 * carries `aria-busy="true"` and a spinner; the rest just grey out.
 *
 * Why one lock and not one per button: the server functions read and write the same tabs, so a
 * plan made while a recording is half written would answer the wrong workbook.
 */
export const ACTION_BUTTONS = 'button[data-action]';

/** What started the request in flight: a click or submit, or the sidebar's own start-up. */
export type Cause = Event | 'start-up';

let running: { by: HTMLElement | 'start-up' } | null = null;
// Buttons this module disabled, so only they are enabled again (a button disabled for its own
// reason stays disabled).
const MARK = 'data-busy-disabled';

export function isBusy(): boolean {
  return running !== null;
}

/** The element a click or submit came from: the submit button for a form, else the listener's element. */
function triggerOf(cause: Cause): HTMLElement | 'start-up' {
  if (cause === 'start-up') return cause;
  const submitter = (cause as SubmitEvent).submitter;
  if (submitter instanceof HTMLElement) return submitter;
  return cause.currentTarget instanceof HTMLElement ? cause.currentTarget : 'start-up';
}

function mark(button: HTMLButtonElement): void {
  if (!running) return;
  if (!button.disabled) {
    button.disabled = true;
    button.setAttribute(MARK, '');
  }
  if (running.by === 'start-up' || running.by === button) button.setAttribute('aria-busy', 'true');
}

function unmark(button: HTMLButtonElement): void {
  button.removeAttribute('aria-busy');
  if (button.hasAttribute(MARK)) {
    button.removeAttribute(MARK);
    button.disabled = false;
  }
}

function buttons(root: ParentNode): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll<HTMLButtonElement>(ACTION_BUTTONS));
}

// Buttons drawn while a request runs (the backtest form appears during start-up) are disabled
// before the browser can deliver a click to them: observer callbacks run before the next task.
let observer: MutationObserver | null = null;
function watch(on: boolean): void {
  if (!on) {
    observer?.disconnect();
    return;
  }
  observer ??= new MutationObserver((records) => {
    for (const r of records) {
      for (const node of Array.from(r.addedNodes)) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.matches(ACTION_BUTTONS)) mark(node as HTMLButtonElement);
        buttons(node).forEach(mark);
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/**
 * Runs `work` as the one request in flight, with every action button disabled meanwhile. When a
 * request already runs, `work` does not run (its button was disabled, so this is only reached by
 * script) and false is returned.
 */
export async function whileBusy(cause: Cause, work: () => Promise<void>): Promise<boolean> {
  if (running) return false;
  running = { by: triggerOf(cause) };
  document.body.setAttribute('aria-busy', 'true');
  buttons(document).forEach(mark);
  watch(true);
  try {
    await work();
  } finally {
    // Records still queued would only mark buttons that are enabled again just below.
    observer?.takeRecords();
    watch(false);
    running = null;
    document.body.removeAttribute('aria-busy');
    buttons(document).forEach(unmark);
  }
  return true;
}
