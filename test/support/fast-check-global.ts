import type { TestProject } from 'vitest/node';

/**
 * Chooses this run's fresh fast-check seed once for the whole run (every test file and worker
 * gets the same one) and prints it, so any failure can be replayed: `FC_SEED=<seed> npm test`.
 */
export default function setup(project: TestProject): void {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
  process.stdout.write(`fast-check: fresh seed ${seed}${given ? ' (from FC_SEED)' : ''}; replay with FC_SEED=${seed}\n`);
  project.provide('fcSeed', seed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}
