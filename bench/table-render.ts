/**
 * The invoice table in Chromium, data mode: first render after `.items` is
 * set, a sort, and scrolling (main-thread work per frame, p95), with the
 * number of row elements in the DOM. Production build (minified, Lit's
 * production mode), headless Debian Chromium, medians of 5 runs.
 *
 *   npx tsx bench/table-render.ts [--items 100000] [--runs 5] [--json out.json]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.js';
import { median, ms } from './stats.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});
const count = Number(values.items);
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), 'ups-bench-'));
await build({
  entryPoints: { bench: 'bench/pages/table-bench.ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: dir,
  tsconfig: 'tsconfig.json',
  logLevel: 'error',
});
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><meta charset="utf-8"><body><script type="module" src="bench.js"></script>',
);
const server = createServer((request, response) => {
  const file = request.url === '/' ? 'index.html' : request.url!.slice(1).split('?')[0]!;
  try {
    const body = readFileSync(join(dir, file));
    response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

interface Sample {
  firstRender: number;
  sort: number;
  scrollWorkP95: number;
  frameIntervalP95: number;
  maxRows: number;
}
const browser = await chromium.launch({ executablePath: findChrome()!, args: CHROME_ARGS });
const samples: Sample[] = [];
try {
  for (let run = 0; run < runs; run++) {
    // A fresh page each run: no warm JIT or caches carried over.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    samples.push(
      await page.evaluate((n) => (window as unknown as { bench: (n: number) => Promise<Sample> }).bench(n), count),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
const result = {
  items: count,
  runs,
  firstRender: median(samples.map((s) => s.firstRender)),
  sort: median(samples.map((s) => s.sort)),
  scrollWorkP95: median(samples.map((s) => s.scrollWorkP95)),
  frameIntervalP95: median(samples.map((s) => s.frameIntervalP95)),
  maxRows: Math.max(...samples.map((s) => s.maxRows)),
};
console.log(`invoice table, data mode, ${count.toLocaleString('en')} items, median of ${runs} runs`);
console.log(`  first render        ${ms(result.firstRender)}`);
console.log(`  sort (amount)       ${ms(result.sort)}`);
console.log(`  scroll: frame work p95 ${ms(result.scrollWorkP95)}; frame interval p95 ${ms(result.frameIntervalP95)}`);
console.log(`  row elements in the DOM while scrolling: at most ${result.maxRows}`);
if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2));
