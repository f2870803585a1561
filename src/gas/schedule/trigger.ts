/** The one function the daily trigger calls; removing the schedule deletes triggers by this name only. */
export const CHECK_HANDLER = 'runScheduledCheck';
export const CHECK_HOUR = 7;

/**
 * This user's triggers of ours in this document. An add-on may hold one time-driven trigger per
 * user per document, so these are found by handler name and never counted across documents.
 */
export function scheduleTriggers(): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActive();
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === CHECK_HANDLER);
}

/** Installs the daily check; installing again replaces ours, so there is always exactly one. */
export function installCheckTrigger(): { replaced: number; id: string } {
  const existing = scheduleTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const trigger = ScriptApp.newTrigger(CHECK_HANDLER).timeBased().everyDays(1).atHour(CHECK_HOUR).create();
  return { replaced: existing.length, id: trigger.getUniqueId() };
}

/** Deletes our daily check trigger(s); any other trigger is left alone. */
export function removeCheckTriggers(): number {
  const ours = scheduleTriggers();
  for (const t of ours) ScriptApp.deleteTrigger(t);
  return ours.length;
}
