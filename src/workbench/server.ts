/**
 * The local workbench (`npm start`): the real dist/Sidebar.html beside the workbook's tabs, with
 * google.script.run answered by the real dist/Code.js over an in-memory spreadsheet.
 *
 *   node lib/workbench.mjs [workbook.xlsx | csv-folder] [--port N] [--save out.xlsx] [--latency MS]
 *
 * PORT comes from --port, else the PORT environment variable, else 8787; when taken, the next
 * free one is used (--port 0 asks the system for any free port). With --save, the workbook is
 * written back to that .xlsx after every call that changed it. With --latency, every sidebar call
 * is answered MS milliseconds late, as a slow Apps Script is: the browser tests use it to click
 * while the start-up request still runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadWorkbook, writeXlsx } from '../workbook/node/index';
import { createWorld, type WorkbenchWorld } from './world';
import { workbenchPage } from './page';

/** The repository root: the nearest folder up from this file that holds build.mjs. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'build.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('workbench: cannot find the repository root (build.mjs)');
    dir = up;
  }
  return dir;
}

interface Args {
  workbook: string;
  port: number;
  save: string | null;
  latency: number;
}

function parseArgs(argv: readonly string[], root: string): Args {
  let workbook = join(root, 'examples', 'household.xlsx');
  let port = process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : 8787;
  let save: string | null = null;
  let latency = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') port = Number(argv[++i]);
    else if (a === '--save') save = resolve(argv[++i] ?? '');
    else if (a === '--latency') latency = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm start -- [workbook.xlsx | csv-folder] [--port N] [--save out.xlsx] [--latency MS]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else workbook = resolve(a);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected a port number; found ${port}`);
  if (save !== null && !/\.xlsx$/i.test(save)) throw new Error('--save: expected a path ending in .xlsx');
  if (!Number.isInteger(latency) || latency < 0) throw new Error(`--latency: expected milliseconds (a whole number, 0 or more); found ${argv[argv.indexOf('--latency') + 1] ?? 'nothing'}`);
  return { workbook, port, save, latency };
}

async function bundleShim(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'workbench', 'shim.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 5_000_000) reject(new Error('request too large'));
    });
    req.on('end', () => resolveBody(body));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

/** Listens on `port`, or the next free port when it is taken (port 0: any free port). */
function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let attempt = port;
    const tryListen = () => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' && port !== 0 && attempt < port + 50) {
          attempt++;
          tryListen();
        } else reject(error);
      });
      server.listen(attempt, '127.0.0.1', () => {
        const address = server.address();
        resolvePort(typeof address === 'object' && address ? address.port : attempt);
      });
    };
    tryListen();
  });
}

export async function startWorkbench(argv: readonly string[]): Promise<{ url: string; close: () => Promise<void>; world: WorkbenchWorld }> {
  const root = repoRoot();
  const args = parseArgs(argv, root);
  const codePath = join(root, 'dist', 'Code.js');
  const sidebarPath = join(root, 'dist', 'Sidebar.html');
  if (!existsSync(codePath) || !existsSync(sidebarPath)) throw new Error('dist/ is missing: run `node build.mjs` first (npm start does)');
  const source = await loadWorkbook(args.workbook);
  const world = createWorld(source, { code: readFileSync(codePath, 'utf8'), sidebarHtml: readFileSync(sidebarPath, 'utf8') });
  const shim = await bundleShim(root);
  let saving = Promise.resolve();

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      try {
        if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html', workbenchPage(args.workbook));
        if (req.method === 'GET' && path === '/sidebar') {
          // The real, current dist/Sidebar.html, with the google.script.run shim ahead of its script.
          const html = readFileSync(sidebarPath, 'utf8');
          return send(res, 200, 'text/html', html.replace(/<head>/i, '<head><script src="/shim.js"></script>'));
        }
        if (req.method === 'GET' && path === '/shim.js') return send(res, 200, 'text/javascript', shim);
        if (req.method === 'GET' && path === '/tabs') return send(res, 200, 'application/json', JSON.stringify(world.tabs()));
        if (req.method === 'POST' && path === '/rpc') {
          const { name, args: callArgs } = JSON.parse(await readBody(req)) as { name?: unknown; args?: unknown };
          if (args.latency > 0) await new Promise((r) => setTimeout(r, args.latency));
          const before = world.google.spreadsheet.writeCount();
          const answer = world.call(typeof name === 'string' ? name : '', callArgs ?? []);
          if (args.save && world.google.spreadsheet.writeCount() !== before) {
            const tabs = world.xlsxTabs();
            saving = saving.then(() => writeXlsx(args.save!, tabs)).catch((error: unknown) => console.error(`--save failed: ${String(error)}`));
            await saving;
          }
          return send(res, 200, 'application/json', JSON.stringify(answer));
        }
        if (path === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        send(res, 404, 'text/plain', 'not found');
      } catch (error) {
        send(res, 500, 'text/plain', String((error as Error)?.message ?? error));
      }
    })();
  });
  const port = await listen(server, args.port);
  const url = `http://localhost:${port}/`;
  // Closing waits for every connection to end, and a browser keeps some open with no request on
  // them (keep-alive, preconnect): those are dropped, or close() could wait for ever.
  const close = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return { url, world, close };
}

const invokedDirectly = process.argv[1] !== undefined && /workbench\.(mjs|ts)$|server\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  startWorkbench(process.argv.slice(2)).then(
    ({ url }) => {
      console.log(`Rebalancer workbench: ${url}`);
      console.log('The real sidebar over an in-memory copy of the workbook. Ctrl+C to stop.');
    },
    (error: unknown) => {
      console.error(`workbench: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
