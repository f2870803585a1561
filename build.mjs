#!/usr/bin/env node
/**
 * Builds everything clasp pushes (dist/) and the Node tools (lib/).
 *
 *   node build.mjs                  type check, then bundle
 *   node build.mjs --no-typecheck   bundle only (tests use this; `npm test` still type checks)
 *
 * The type check runs in a child process while esbuild bundles in memory; nothing is written
 * unless the type check passes, so a type error never leaves a half-updated dist/.
 *
 * Apps Script only sees top-level `function NAME` declarations and esbuild drops comments, so
 * this file writes the forwarding stubs (with their JSDoc, which Sheets reads for
 * `@customfunction` autocomplete) itself, from the TypeScript compiler's view of the exports.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import ts from 'typescript';

const ROOT = dirname(fileURLToPath(import.meta.url));
const GLOBAL_NAME = 'RebalancerApp';
const GAS_ENTRY = 'src/gas/main.ts';
const NODE_TOOLS = [
  { entry: 'src/cli/main.ts', out: 'lib/cli.mjs' },
  { entry: 'src/workbench/server.ts', out: 'lib/workbench.mjs' },
];

// ---------------------------------------------------------------------------------------------
// Entry points: what src/gas/main.ts exports, seen through the compiler (re-exports included).

/**
 * @typedef {{ name: string, params: string[], rest: boolean, jsDoc: string }} EntryPoint
 */

/**
 * Exported functions of `entryFile`, in declaration order, with parameter names and the JSDoc
 * block written right above each declaration. Names ending in `_` stay private (Apps Script
 * hides them from `google.script.run` and the function list too).
 * @param {string} entryFile absolute path
 * @returns {EntryPoint[]}
 */
export function extractEntryPoints(entryFile) {
  // No lib and no @types: we only need symbol resolution across files, not a type check.
  const program = ts.createProgram([entryFile], {
    noLib: true,
    types: [],
    noEmit: true,
    allowJs: false,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  if (!source) throw new Error(`cannot read ${entryFile}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];

  const entries = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.getName();
    if (name === 'default' || name.endsWith('_')) continue;
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const fn = functionOf(symbol.valueDeclaration);
    if (!fn) continue; // types and constants need no stub
    const params = [];
    let rest = false;
    fn.params.forEach((p, i) => {
      if (ts.isIdentifier(p.name) && p.name.text === 'this') return;
      const paramName = ts.isIdentifier(p.name) ? p.name.text : `arg${i}`;
      if (p.dotDotDotToken) rest = true;
      params.push(paramName);
    });
    entries.push({ name, params, rest, jsDoc: jsDocAbove(fn.commentHolder) });
  }
  return entries;
}

/** The parameters of a function declaration or `const NAME = (...) => ...`, and the node whose leading comment is its JSDoc. */
function functionOf(declaration) {
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration)) {
    return { params: declaration.parameters, commentHolder: declaration };
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = declaration.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
      const statement = declaration.parent.parent; // VariableDeclarationList -> VariableStatement
      return { params: init.parameters, commentHolder: statement };
    }
  }
  return undefined;
}

/** The last `/** ... *\/` block right above `node`, re-indented to column 0; '' if none. */
function jsDocAbove(node) {
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => text.startsWith('/**', r.pos));
  if (docs.length === 0) return '';
  const last = docs[docs.length - 1];
  return text
    .slice(last.pos, last.end)
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ' ' + line.trim()))
    .join('\n');
}

/**
 * One top-level function per entry point, forwarding to the bundle's namespace.
 * @param {EntryPoint[]} entries
 */
export function renderStubs(entries) {
  return entries
    .map(({ name, params, rest, jsDoc }) => {
      const list = params.map((p, i) => (rest && i === params.length - 1 ? `...${p}` : p)).join(', ');
      const stub = `function ${name}(${list}) { return ${GLOBAL_NAME}.${name}(${list}); }`;
      return jsDoc ? `${jsDoc}\n${stub}\n` : `${stub}\n`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Bundle checks: syntax Apps Script's V8 runtime refuses, and a sidebar that loads nothing.

/**
 * Problems Apps Script would hit parsing `code`: ES module syntax, private names (`#x`) and
 * class field declarations (static ones fail to parse; target es2020 lowers them all away).
 * @param {string} code
 * @returns {string[]}
 */
export function appsScriptSyntaxProblems(code) {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const problems = [];
  const report = (node, what) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(`line ${line + 1}: ${what}`);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) report(node, 'import statement');
    else if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) report(node, 'export statement');
    else if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      report(node, 'export modifier');
    } else if (ts.isPrivateIdentifier(node)) report(node, `private name ${node.text}`);
    else if (ts.isPropertyDeclaration(node)) report(node, 'class field declaration');
    else if (ts.isClassStaticBlockDeclaration(node)) report(node, 'class static block');
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) report(node, 'import.meta');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) report(node, 'dynamic import()');
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const d of source.parseDiagnostics ?? []) {
    problems.push(`syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  return problems;
}

const RESOURCE_TAG = /<(script|img|iframe|link|source|video|audio|embed|object|track|input)\b[^>]*\b(src|href|data|srcset)\s*=/gi;

/**
 * Problems with a sidebar page: anything it would load (HtmlService serves one file; we inline
 * everything), and links that would open inside the sandboxed iframe instead of a new tab.
 * @param {string} html
 * @returns {string[]}
 */
export function sidebarProblems(html) {
  const problems = [];
  for (const m of html.matchAll(RESOURCE_TAG)) problems.push(`external resource: ${m[0]}`);
  for (const m of html.matchAll(/url\(\s*['"]?(?!data:)([^'")]+)/gi)) problems.push(`CSS url(): ${m[1]}`);
  for (const m of html.matchAll(/@import\b/gi)) problems.push(`CSS ${m[0]}`);
  for (const m of html.matchAll(/<a\b[^>]*>/gi)) {
    const tag = m[0];
    const href = /\bhref\s*=\s*["']?([^"'\s>]*)/i.exec(tag)?.[1];
    if (href !== undefined && !href.startsWith('#') && !/\btarget\s*=\s*["']?_blank/i.test(tag)) {
      problems.push(`link without target="_blank": ${tag}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The build.

const isLocal = (ref) => !/^(https?:|\/\/|data:)/i.test(ref);

async function bundleSidebar() {
  const dir = join(ROOT, 'sidebar');
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  const styles = [];
  html = html.replace(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi, (tag) => {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href || !isLocal(href)) return tag;
    styles.push(href);
    return `<!--style:${href}-->`;
  });
  const scripts = [];
  html = html.replace(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>\s*<\/script>/gi, (tag, src) => {
    if (!isLocal(src)) return tag;
    scripts.push(src);
    return `<!--script:${src}-->`;
  });
  const css = await Promise.all(styles.map((href) => readFile(join(dir, href), 'utf8')));
  const js = await Promise.all(
    scripts.map(async (src) => {
      const result = await build({
        entryPoints: [join(dir, src)],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        platform: 'browser',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      // A literal "</script" inside the code would end the inline <script> element early.
      return result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
    }),
  );
  styles.forEach((href, i) => {
    html = html.replace(`<!--style:${href}-->`, () => `<style>\n${css[i]}</style>`);
  });
  scripts.forEach((src, i) => {
    html = html.replace(`<!--script:${src}-->`, () => `<script>\n${js[i]}</script>`);
  });
  return html;
}

async function bundleAppsScript() {
  const entry = join(ROOT, GAS_ENTRY);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    // The backtest's return history ships inside Code.js (src/gas/returns-data.ts).
    loader: { '.csv': 'text' },
    mainFields: ['module', 'main'],
    sourcemap: false,
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const entries = extractEntryPoints(entry);
  const code =
    result.outputFiles[0].text +
    '\n// Apps Script only sees top-level function declarations: forward each entry point.\n' +
    renderStubs(entries);
  return { code, entries };
}

async function bundleNodeTool({ entry, out }) {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  return { out, text: result.outputFiles[0].text };
}

function typeCheck() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // --incremental keeps the second and later checks fast; the cache lives with node_modules,
  // one file per checkout (worktrees may share node_modules).
  const key = createHash('sha1').update(ROOT).digest('hex').slice(0, 12);
  const buildInfo = join('node_modules', '.cache', 'rebalancer', `tsbuildinfo-${key}`);
  const args = [tsc, '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', buildInfo];
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolvePromise({ ok: code === 0, output }));
  });
}

/** Write through a temporary file so a reader (a test, clasp) never sees half a file. */
async function writeAtomic(relPath, text) {
  const path = join(ROOT, relPath);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

const size = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} kB`;

async function main(argv) {
  const started = Date.now();
  const checking = !argv.includes('--no-typecheck') ? typeCheck() : Promise.resolve({ ok: true, output: '', skipped: true });
  const tools = NODE_TOOLS.filter((t) => existsSync(join(ROOT, t.entry)));
  const [check, gas, sidebar, nodeTools] = await Promise.all([
    checking,
    bundleAppsScript(),
    bundleSidebar(),
    Promise.all(tools.map(bundleNodeTool)),
  ]);
  if (!check.ok) {
    process.stderr.write(check.output);
    throw new Error('type errors: nothing written');
  }
  console.log(check.skipped ? 'tsc           skipped (--no-typecheck)' : 'tsc           no type errors');

  const syntax = appsScriptSyntaxProblems(gas.code);
  if (syntax.length) throw new Error(`dist/Code.js would not load in Apps Script:\n  ${syntax.join('\n  ')}`);
  const page = sidebarProblems(sidebar);
  if (page.length) throw new Error(`dist/Sidebar.html is not self-contained:\n  ${page.join('\n  ')}`);

  await writeAtomic('dist/Code.js', gas.code);
  console.log(`dist/Code.js  ${size(gas.code)}, entry points: ${gas.entries.map((e) => e.name).join(', ')}`);
  await copyFile(join(ROOT, 'appsscript.json'), join(ROOT, 'dist/appsscript.json'));
  console.log('dist/appsscript.json  copied');
  await writeAtomic('dist/Sidebar.html', sidebar);
  console.log(`dist/Sidebar.html  ${size(sidebar)}`);
  for (const { out, text } of nodeTools) {
    await writeAtomic(out, text);
    console.log(`${out}  ${size(text)}`);
  }
  for (const t of NODE_TOOLS.filter((t) => !tools.includes(t))) console.log(`${t.out}  skipped (no ${t.entry} yet)`);
  console.log(`built in ${Date.now() - started} ms`);
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error) => {
    const where = relative(process.cwd(), ROOT) || '.';
    console.error(`build failed (${where}): ${error instanceof Error ? error.message : String(error)}`);
    if (error && Array.isArray(error.errors)) for (const e of error.errors) console.error(`  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`);
    process.exit(1);
  });
}
