// Types for what build.mjs exports, so tests written in TypeScript can import its checks.
export interface EntryPoint {
  name: string;
  params: string[];
  rest: boolean;
  jsDoc: string;
}
export function extractEntryPoints(entryFile: string): EntryPoint[];
export function renderStubs(entries: EntryPoint[]): string;
export function appsScriptSyntaxProblems(code: string): string[];
export function sidebarProblems(html: string): string[];
