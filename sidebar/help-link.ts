import { HELP_URL } from '../src/present/help-link';

/** Points the footer's Help link at the project's user guide (one URL constant: src/present/help-link.ts). */
export function wireHelpLink(): void {
  const link = document.getElementById('help-link');
  if (link instanceof HTMLAnchorElement) link.href = HELP_URL;
}
