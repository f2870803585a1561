/**
 * A published add-on's trigger keeps running after an update, without asking anyone; when the
 * update added a scope, the first call that needs it throws. So the scheduled check asks first
 * (ScriptApp.getAuthorizationInfo(FULL)) and, when Google says REQUIRED, does nothing but
 * remember it here, for the Journal and the sidebar's banner. Document properties, so every
 * editor's sidebar sees it: whoever installed the schedule has to authorize again.
 */
export const REAUTH_KEY = 'rebalancer.schedule.reauth';

export interface ReauthJson {
  /** When the check found it could not run (ISO time) and the day in the sheet's zone. */
  at: string;
  asOf: string;
  /** Google's authorization page for this add-on, or '' if it gave none. */
  url: string;
  /** Whether the person looking at the sidebar still has to authorize (false: they already have). */
  youMustAuthorize: boolean;
}

/** True when Google says this user has not granted every scope the manifest lists. */
export function authorizationRequired(): { required: boolean; url: string } {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const required = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  return { required, url: required ? (info.getAuthorizationUrl() ?? '') : '' };
}

/** Whether a skipped run is already on record (the Journal gets one row, not one a day). */
export function reauthRecorded(): boolean {
  return (PropertiesService.getDocumentProperties()?.getProperty(REAUTH_KEY) ?? null) !== null;
}

export function saveReauth(at: Date, asOf: string, url: string): void {
  PropertiesService.getDocumentProperties()?.setProperty(REAUTH_KEY, JSON.stringify({ at: at.toISOString(), asOf, url: url.slice(0, 2000) }));
}

export function clearReauth(): void {
  const props = PropertiesService.getDocumentProperties();
  if (props && props.getProperty(REAUTH_KEY) !== null) props.deleteProperty(REAUTH_KEY);
}

/** What the sidebar's banner shows, or null when the last scheduled check was authorized. */
export function reauthNotice(): ReauthJson | null {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(REAUTH_KEY) ?? null;
  if (raw === null) return null;
  try {
    const saved = JSON.parse(raw) as { at?: unknown; asOf?: unknown; url?: unknown };
    const now = authorizationRequired();
    const url = now.required ? now.url : typeof saved.url === 'string' ? saved.url : '';
    return { at: String(saved.at ?? ''), asOf: String(saved.asOf ?? ''), url: url.startsWith('https://') ? url : '', youMustAuthorize: now.required };
  } catch {
    return null;
  }
}
