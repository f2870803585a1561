// The engine's public API. Surfaces (Apps Script, CLI, sidebar, email) import from here only.
export * from './money';
export * from './dates';
export * from './types';
export * from './plan-types';
export * from './targets';
export * from './bands';
export * from './valuation';
export * from './drift';
export * from './planner';
