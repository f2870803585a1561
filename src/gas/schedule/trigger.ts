/** The one function the daily trigger calls. */
export const CHECK_HANDLER = 'runScheduledCheck';
/** The hour of the day, in the spreadsheet's time zone, the check runs (Google picks the minute). */
export const CHECK_HOUR = 7;
/**
 * Ids (Trigger.getUniqueId) of the check triggers made in this document, by any editor: kept in
 * document properties so a trigger is found by id, never by handler name. getUserTriggers(ss) is
 * not documented to list clock triggers, and getProjectTriggers() lists the user's triggers of
 * this add-on in every document, so matching a name there could delete another spreadsheet's.
 */
export const TRIGGER_IDS_KEY = 'rebalancer.schedule.triggerIds';
/** Editors come and go; ids of triggers nobody can see any more are dropped oldest first. */
const MAX_IDS = 50;

function store(): GoogleAppsScript.Properties.Properties {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('The schedule needs a document: open it from the spreadsheet.');
  return props;
}

export function savedTriggerIds(): string[] {
  try {
    const raw: unknown = JSON.parse(store().getProperty(TRIGGER_IDS_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function saveTriggerIds(ids: readonly string[]): void {
  const unique = [...new Set(ids)].slice(-MAX_IDS);
  if (unique.length === 0) store().deleteProperty(TRIGGER_IDS_KEY);
  else store().setProperty(TRIGGER_IDS_KEY, JSON.stringify(unique));
}

/**
 * This user's check triggers in this document: the user's project triggers (every document)
 * whose id this document saved. Another editor's trigger is not in the user's list; another
 * document's is not in this document's ids.
 */
export function scheduleTriggers(): GoogleAppsScript.Script.Trigger[] {
  const ours = new Set(savedTriggerIds());
  return ScriptApp.getProjectTriggers().filter((t) => ours.has(t.getUniqueId()));
}

/**
 * Installs the daily check at CHECK_HOUR in the spreadsheet's time zone (atHour alone would use
 * the script's); installing again replaces ours, so there is always exactly one per user.
 */
export function installCheckTrigger(timeZone: string): { replaced: number; id: string } {
  const existing = scheduleTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const gone = new Set(existing.map((t) => t.getUniqueId()));
  const trigger = ScriptApp.newTrigger(CHECK_HANDLER).timeBased().everyDays(1).atHour(CHECK_HOUR).inTimezone(timeZone).create();
  saveTriggerIds([...savedTriggerIds().filter((id) => !gone.has(id)), trigger.getUniqueId()]);
  return { replaced: existing.length, id: trigger.getUniqueId() };
}

/** Deletes this user's check trigger in this document; any other trigger, here or elsewhere, is left alone. */
export function removeCheckTriggers(): number {
  const ours = scheduleTriggers();
  for (const t of ours) ScriptApp.deleteTrigger(t);
  const gone = new Set(ours.map((t) => t.getUniqueId()));
  saveTriggerIds(savedTriggerIds().filter((id) => !gone.has(id)));
  return ours.length;
}

/**
 * A trigger that fires for this document belongs to it: one made by an earlier version (which
 * saved no id) is adopted the first time it runs, so Remove and Install find it from then on.
 */
export function adoptFiringTrigger(triggerUid: string | null): void {
  if (triggerUid === null || triggerUid === '') return;
  const ids = savedTriggerIds();
  if (!ids.includes(triggerUid)) saveTriggerIds([...ids, triggerUid]);
}

/** "around 7:00 (America/New_York)": what the menu, the sidebar and the email say. */
export function checkTimeText(timeZone: string): string {
  return `around ${CHECK_HOUR}:00 (${timeZone})`;
}
