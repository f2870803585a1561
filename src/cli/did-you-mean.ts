/** The typo suggestion lives in src/present (the workbook reader suggests setting names with it too). */
export { closest } from '../present/did-you-mean';
