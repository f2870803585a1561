/**
 * Where Help goes: the project's own user guide, docs/help.md in its repository. One constant,
 * used by the sidebar's Help link and the menu's Help dialog; a fork changes REPOSITORY_URL.
 */
export const REPOSITORY_URL = 'https://github.com/sheets-rebalancer/sheets-rebalancer';
export const HELP_URL = `${REPOSITORY_URL}/blob/main/docs/help.md`;
