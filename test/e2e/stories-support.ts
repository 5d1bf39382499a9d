/**
 * What the story runner needs: Storybook built into a private folder, a
 * static server for it, and one story run in a fresh browser context with
 * every way it can fail recorded.
 */
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { openPglite } from '../../server/db/pglite.js';
// The page's `__upsStoryPending`, declared where the in-page server sets it.
import type {} from '../../stories/support/browser-server.js';
import { seedStoryDatabase } from '../../stories/support/story-database.js';

/**
 * Builds Storybook into `outDir` (never `storybook-static/`, which other
 * tools read while this runs). Rejects with the build's output on failure.
 */
export function buildStorybook(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((done, fail) => {
    const child = spawn(join('node_modules', '.bin', 'storybook'), ['build', '-o', outDir, '--quiet'], {
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`storybook build exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * Seeds the story database once, in Node, and writes its dump to `file`
 * for every page to start from: seeding in each page costs ~8 s, restoring
 * a dump ~2 s (uncompressed: gunzip in the page costs more than the bytes
 * it saves on a local socket).
 */
export async function writeStorySnapshot(file: string): Promise<void> {
  const db = await openPglite();
  try {
    await seedStoryDatabase(db, new Date().toISOString().slice(0, 10));
    const dump = await db.pglite.dumpDataDir('none');
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

export interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  importPath: string;
  exportName?: string;
}

/** The stories of a build, in the order of its index (docs pages left out: they run no story). */
export function storiesOf(outDir: string): IndexEntry[] {
  const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/**
 * PGlite fetches its `.wasm` with `WebAssembly.instantiateStreaming`, which
 * refuses any type but `application/wasm`, and its `.data` file system
 * bundle as bytes: a wrong type here would fail every story at once.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` read-only on a free port; `/dir/` answers with `dir/index.html`, as Storybook's card frame expects. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://static').pathname);
    // Chromium asks for it on its own; the build has favicon.svg only, and the 404 would be a console error.
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    let file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(404).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

export interface StoryOutcome {
  /** Every reason the story failed; empty when it passed. */
  problems: string[];
  /** From opening the page to Storybook's verdict, and to the in-page server going idle. */
  verdictMs: number;
  settledMs: number;
}

/** What the init script keeps on the page: Storybook's verdict and the in-page server's open requests. */
interface Recorder {
  finished: boolean;
  problems: string[];
  /** The story's `parameters.expectedConsoleErrors`: parts of the console errors it must log, and may. */
  expectedConsoleErrors: string[];
}

declare global {
  interface Window {
    __storyRecorder?: Recorder;
  }
}

/**
 * Runs before any script of the page: catches Storybook's channel the moment
 * the preview creates it, so no event is missed, and records the outcome.
 * `storyFinished` comes last, after the play function and after
 * `storyRendered`; `storyErrored`, `storyThrewException` and `storyMissing` end a
 * story that never renders. Plain JavaScript in a string: tsx would wrap a
 * function's inner functions in a `__name` helper the page does not have.
 */
const RECORD_STORY_OUTCOME = `(() => {
  const recorder = { finished: false, problems: [], expectedConsoleErrors: [] };
  window.__storyRecorder = recorder;
  const text = (value) => {
    if (value && typeof value === 'object') {
      const described = value.message ?? value.title ?? value.name ?? JSON.stringify(value);
      return String(described) + (value.description ? ': ' + value.description : '');
    }
    return String(value);
  };
  const end = (label) => (payload) => {
    recorder.problems.push(label + ': ' + text(payload));
    recorder.finished = true;
  };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      next.on('storyErrored', end('storyErrored'));
      next.on('storyThrewException', end('storyThrewException'));
      next.on('storyMissing', end('storyMissing'));
      next.on('playFunctionThrewException', (error) => recorder.problems.push('play function: ' + text(error)));
      next.on('unhandledErrorsWhilePlaying', (errors) =>
        recorder.problems.push('unhandled while playing: ' + errors.map(text).join('; ')));
      // A story that shows a misuse expects the one console.error that names the fix.
      next.on('storyPrepared', ({ parameters }) => {
        recorder.expectedConsoleErrors = (parameters && parameters.expectedConsoleErrors) || [];
      });
      next.on('storyFinished', ({ status }) => {
        if (status !== 'success' && recorder.problems.length === 0) recorder.problems.push('storyFinished: ' + status);
        recorder.finished = true;
      });
    },
  });
})();`;

/** A failure in a line or few: Testing Library appends the whole DOM to its errors. */
const brief = (problem: string) => {
  const message = problem.split('\n\nIgnored nodes:')[0]!;
  return message.length > 600 ? `${message.slice(0, 600)}…` : message;
};

export interface RunOptions {
  /** Longest wait for Storybook's verdict (PGlite boots and seeds in each page load). */
  timeout: number;
  /** How long the in-page server must stay idle after the verdict before the story counts as settled. */
  quietMs: number;
  /** A URL of the seeded database's dump (`writeStorySnapshot`) for the in-page server to start from. */
  snapshot?: string;
}

/**
 * Opens one story in a fresh browser context (its own sessionStorage, its
 * own in-page database), waits for Storybook's verdict, then for the data
 * its elements asked for, and returns every failure seen on the way: a
 * render error, a play function that threw, an uncaught error or rejection,
 * and any `console.error` of the page or its frames.
 */
export async function runStory(
  browser: Browser,
  origin: string,
  id: string,
  { timeout, quietMs, snapshot }: RunOptions,
): Promise<StoryOutcome> {
  const started = performance.now();
  const context = await browser.newContext();
  const problems: string[] = [];
  let verdictMs: number;
  let settledMs: number;
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    // The console names no URL for a failed load: say which.
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    await page.addInitScript({ content: RECORD_STORY_OUTCOME });
    if (snapshot) await page.addInitScript({ content: `window.__upsStorySnapshot = ${JSON.stringify(snapshot)};` });
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    try {
      await page.waitForFunction(() => window.__storyRecorder?.finished === true, undefined, { timeout });
    } catch {
      problems.push(`no verdict from Storybook within ${timeout} ms`);
    }
    verdictMs = performance.now() - started;
    problems.push(...(await page.evaluate(() => window.__storyRecorder?.problems ?? [])));
    // Stories without a play function finish before their data arrives: wait for the in-page server to go idle.
    await page
      .waitForFunction(
        (quiet) => {
          const state = window as Window & { __quietSince?: number };
          const now = performance.now();
          if ((window.__upsStoryPending?.() ?? 0) > 0) state.__quietSince = now;
          state.__quietSince ??= now;
          return now - state.__quietSince >= quiet;
        },
        quietMs,
        { timeout, polling: 50 },
      )
      .catch(() => problems.push(`the in-page server was still busy ${timeout} ms after the story finished`));
    settledMs = performance.now() - started;
    const expected = await page.evaluate(() => window.__storyRecorder?.expectedConsoleErrors ?? []);
    for (const text of expected) {
      if (!consoleErrors.some((error) => error.includes(text))) problems.push(`no console.error saying "${text}"`);
    }
    for (const error of consoleErrors) {
      if (!expected.some((text) => error.includes(text))) problems.push(`console.error: ${error}`);
    }
  } finally {
    await context.close();
  }
  return { problems: problems.map(brief), verdictMs, settledMs };
}
