#!/usr/bin/env node
// The `rebalance` command. The CLI itself is TypeScript bundled by build.mjs into lib/cli.mjs,
// which exports `main(argv: string[]): Promise<number | void>` (the exit code).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../lib/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error(`rebalance: ${fileURLToPath(cli)} is missing; run "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))} first`);
  process.exit(1);
}
const { main } = await import(cli.href);
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
