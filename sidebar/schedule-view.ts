/**
 * The schedule line and, when the last scheduled check could not run because Google wants the
 * add-on authorized again (an update added a scope), a banner with Google's authorization link.
 */
import type { ScheduleJson } from '../src/gas/sidebar-api';
import { el } from './dom';

export function scheduleView(s: ScheduleJson | undefined): HTMLElement[] {
  if (!s) return [];
  const out: HTMLElement[] = [];
  if (s.reauth) {
    const r = s.reauth;
    const link = r.url ? el('a', { text: 'Authorize the add-on', attrs: { href: r.url, target: '_blank', rel: 'noopener' } }) : null;
    out.push(
      el('div', { class: 'warning-box', attrs: { role: 'alert', 'data-testid': 'reauth-banner' } }, [
        el('strong', { text: `The scheduled check did not run${r.asOf ? ` on ${r.asOf}` : ''}.` }),
        ' After an update, Google needs the person who installed the schedule to authorize the add-on again; until then no check runs and no email goes out. ',
        r.youMustAuthorize
          ? el('span', {}, ['You still have to: ', link ?? 'open any item of the add-on menu', '.'])
          : el('span', {}, ['If that was you, opening the add-on has done it and the next daily check runs. Otherwise send them this link: ', link ?? 'open any item of the add-on menu', '.']),
      ]),
    );
  }
  if (s.installed) out.push(el('div', { class: 'muted', attrs: { 'data-testid': 'schedule-line' }, text: `Scheduled check: daily ${s.when}.` }));
  return out;
}
