/**
 * Browser-test helpers: make sure dist/ is built and fresh, serve it on
 * 127.0.0.1 at a free port, and drive Debian's Chromium through
 * playwright-core (no browser is ever downloaded).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.palimpsest-build-stamp');
const LOCK = join(ROOT, '.cache', 'browser-build.lock');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** What the build reads: a newer file here makes dist/ stale. */
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

export function distIsFresh(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(DIST, 'pagefind', 'pagefind.js'))) return false;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newest(join(ROOT, p)) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` while holding the build lock: Astro builds share .astro/ in the
 * project, so two builds at once (test files run in parallel) break each other.
 */
export async function withBuildLock<T>(fn: () => T): Promise<T> {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than 5 minutes is left over from a crash.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {}
      await sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the site (npm run build) when dist/ is missing or older than its inputs; one build at a time. */
export async function ensureBuilt(): Promise<void> {
  if (distIsFresh()) return;
  await withBuildLock(() => {
    if (distIsFresh()) return;
    const started = Date.now();
    const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PALIMPSEST_BASE: '', PALIMPSEST_SITE: '' } });
    if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
    writeFileSync(STAMP, new Date(started).toISOString());
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** A static server over dist/ on 127.0.0.1 and a free port. */
export async function serve(dir = DIST): Promise<Served> {
  const server: Server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const nf = join(dir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(nf)) createReadStream(nf).pipe(res);
      else res.end('not found');
      return;
    }
    // Whole, with its length, as a static host sends a file (a stream would go out in chunks).
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/**
 * The built site served and Chromium launched for the tests of one file
 * (registers its own beforeAll and afterAll): `url()` is the server's
 * address, `page()` a new page of that size whose requests may not leave
 * the local server.
 */
export function builtSite(timeout = 300_000): { url: () => string; page: (width?: number, height?: number) => Promise<import('playwright-core').Page> } {
  let server: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    server = await serve();
    browser = await launch();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => server!.url,
    page: async (width = 1280, height = 900) => {
      const ctx = await browser!.newContext({ viewport: { width, height } });
      const p = await ctx.newPage();
      await p.route('**/*', (route) => (route.request().url().startsWith(server!.url) ? route.continue() : route.abort()));
      return p;
    },
  };
}
