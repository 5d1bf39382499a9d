/**
 * The invoice table in Chromium, data mode, against two anchors in the same
 * run: <ups-invoice-table>, @vaadin/grid and ag-grid-community, each given
 * the same generated invoices client-side (`.items`, `items`, `rowData`) in its
 * own production page bundle, in the same 1280×800 viewport and 576 px of grid.
 *
 * Runs alternate between the grids (ABCABC…) on fresh pages, so that the noise
 * of a shared machine falls on all three alike. Figures are medians over runs;
 * ratios are against @vaadin/grid (ours/vaadin, ag/vaadin).
 *
 * Method (also written into the JSON as `method`):
 * - first render (data set → the frame showing the rows) and sort (click on the
 *   Amount header → the frame showing the sorted rows) are in-page timers, each
 *   ending after the paint of the first frame whose layout holds the expected
 *   rows (see bench/pages/grid-bench.ts). They are timers rather than trace
 *   events because only the page knows which frame first holds the rows, and
 *   they run untraced, since tracing itself costs main-thread time.
 * - scroll moves each grid by 400 px (10 rows) every frame for 240 frames. Both
 *   scroll figures come from a Chrome trace of that stretch (Playwright's
 *   browser.startTracing, devtools.timeline categories), between the page's
 *   performance marks: frame work is the renderer main thread's busy time per
 *   frame (top-level tasks, in each BeginMainThreadFrame-to-next interval),
 *   frame interval the time between consecutive frames drawn by the compositor
 *   (DrawFrame). The page's own rAF-based figures are printed beside them;
 *   they miss the grids' scroll event handlers, which run before the next
 *   frame's rAF, and read low where those handlers do the work (@vaadin/grid).
 * - maxRows: row elements in the DOM, at most, after each scroll frame.
 *
 *   npx tsx bench/table-render.ts [--items 100000] [--runs 5] [--json out.json]
 *
 * The anchors are dependencies of the benchmark only: `npm ci --prefix bench`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome, INSTALL_HINT } from '../scripts/find-chrome.js';
import {
  GRID_HEIGHT,
  ROW_HEIGHT,
  SCROLL_FRAMES,
  SCROLL_STEP,
  type BenchWindow,
  type Sample,
} from './pages/grid-bench.js';
import { median, ms, percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    // Keeps each run's Chrome trace (open in DevTools' Performance panel) to check the figures by eye.
    'trace-dir': { type: 'string' },
  },
});
const count = Number(values.items);
const runs = Number(values.runs);

const GRIDS = [
  { name: 'ups-invoice-table', page: 'bench/pages/table-bench.ts', pkg: null },
  { name: '@vaadin/grid', page: 'bench/pages/vaadin-grid-bench.ts', pkg: '@vaadin/grid' },
  { name: 'ag-grid-community', page: 'bench/pages/ag-grid-bench.ts', pkg: 'ag-grid-community' },
] as const;
export type GridName = (typeof GRIDS)[number]['name'];
const ANCHOR: GridName = '@vaadin/grid';

// The anchors are installed beside the benchmark, not with the library (bench/package.json).
const versions: Record<string, string> = {};
for (const grid of GRIDS) {
  const manifest = grid.pkg ? join('bench/node_modules', grid.pkg, 'package.json') : 'package.json';
  if (!existsSync(manifest)) {
    console.error(
      `${grid.pkg} is not installed: the anchors are the benchmark's own dependencies. Run \`npm ci --prefix bench\`.`,
    );
    process.exit(1);
  }
  versions[grid.name] = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
const executablePath = findChrome();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

// One production bundle per grid, so that no grid pays for another's code.
const dir = mkdtempSync(join(tmpdir(), 'ups-bench-'));
await build({
  entryPoints: Object.fromEntries(GRIDS.map((g, i) => [`grid${i}`, g.page])),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: dir,
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'error',
});
GRIDS.forEach((_, i) =>
  writeFileSync(
    join(dir, `grid${i}.html`),
    // Same page for all: no margin, the system font, the grid at the top left.
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;font:16px system-ui,sans-serif}</style><body><script type="module" src="grid${i}.js"></script>`,
  ),
);
const server = createServer((request, response) => {
  const file = request.url!.slice(1).split('?')[0]!;
  try {
    const body = readFileSync(join(dir, file));
    response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/**
 * Scroll frames from the trace, between the page's bench:scroll marks: the
 * renderer main thread's busy time per frame and the compositor's frame intervals.
 */
function scrollFromTrace(trace: Buffer): { work: number[]; intervals: number[] } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'))!;
  const start = mark('bench:scroll:start');
  const end = mark('bench:scroll:end');
  // The marks are made on the page's main thread: that thread is the one to measure.
  const main = (e: TraceEvent) => e.pid === start.pid && e.tid === start.tid;
  const within = (e: TraceEvent) => e.ts >= start.ts && e.ts <= end.ts;
  const frames = events.filter((e) => main(e) && within(e) && e.name === 'BeginMainThreadFrame').map((e) => e.ts);
  frames.sort((a, b) => a - b);
  // Top-level tasks only (nested slices would count time twice).
  const tasks = events.filter((e) => main(e) && within(e) && e.ph === 'X' && e.name === 'RunTask' && e.dur);
  const work: number[] = [];
  for (let i = 0; i + 1 < frames.length; i++) {
    const [from, to] = [frames[i]!, frames[i + 1]!];
    const busy = tasks
      .filter((t) => t.ts + t.dur! > from && t.ts < to)
      .reduce((sum, t) => sum + Math.min(t.ts + t.dur!, to) - Math.max(t.ts, from), 0);
    work.push(busy / 1000);
  }
  const draws = events
    .filter((e) => e.pid === start.pid && within(e) && e.name === 'DrawFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const intervals = draws.slice(1).map((ts, i) => (ts - draws[i]!) / 1000);
  return { work, intervals };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'toplevel',
];

interface Measured extends Sample {
  /** The page's own rAF-based scroll figures, for comparison with the trace's. */
  pageScrollWorkP95: number;
  pageFrameIntervalP95: number;
}

const browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
const chromiumVersion = `Chromium ${browser.version()}`;
const samples = new Map<GridName, Measured[]>(GRIDS.map((g) => [g.name, []]));
if (values['trace-dir']) mkdirSync(values['trace-dir'], { recursive: true });
try {
  for (let run = 0; run < runs; run++) {
    for (const [i, grid] of GRIDS.entries()) {
      // A fresh page each time: no warm JIT or caches carried over from the grid before.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${origin}/grid${i}.html`);
      await page.waitForFunction(() => document.title === 'ready');
      const { firstRender, sort } = await page.evaluate(
        (n) => (window as unknown as BenchWindow).bench.renderAndSort(n),
        count,
      );
      // Only the scroll is traced: tracing costs main-thread time, which would be counted in the timers.
      await browser.startTracing(page, { categories: CATEGORIES });
      const scroll = await page.evaluate(() => (window as unknown as BenchWindow).bench.scroll());
      const trace = await browser.stopTracing();
      if (values['trace-dir']) writeFileSync(join(values['trace-dir'], `run${run}-grid${i}.json`), trace);
      const { work, intervals } = scrollFromTrace(trace);
      samples.get(grid.name)!.push({
        firstRender,
        sort,
        maxRows: scroll.maxRows,
        scrollWorkP95: percentile(work, 95),
        frameIntervalP95: percentile(intervals, 95),
        pageScrollWorkP95: scroll.scrollWorkP95,
        pageFrameIntervalP95: scroll.frameIntervalP95,
      });
      await page.close();
      console.log(
        `run ${run + 1}/${runs} ${grid.name}: first render ${ms(firstRender)}, sort ${ms(sort)}, ` +
          `scroll work p95 ${ms(percentile(work, 95))} (${work.length} frames), interval p95 ${ms(percentile(intervals, 95))} (${intervals.length})`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

const MEASURES = ['firstRender', 'sort', 'scrollWorkP95', 'frameIntervalP95', 'maxRows'] as const;
/** One grid's medians, as `--json` writes them (read by bench/run.ts). */
export type Figures = Record<(typeof MEASURES)[number], number>;
const figures = (list: Measured[]): Figures => ({
  firstRender: median(list.map((s) => s.firstRender)),
  sort: median(list.map((s) => s.sort)),
  scrollWorkP95: median(list.map((s) => s.scrollWorkP95)),
  frameIntervalP95: median(list.map((s) => s.frameIntervalP95)),
  maxRows: Math.max(...list.map((s) => s.maxRows)),
});
const grids = Object.fromEntries(GRIDS.map((g) => [g.name, figures(samples.get(g.name)!)])) as Record<
  GridName,
  Figures
>;
const pageScroll = Object.fromEntries(
  GRIDS.map((g) => {
    const list = samples.get(g.name)!;
    return [g.name, [median(list.map((s) => s.pageScrollWorkP95)), median(list.map((s) => s.pageFrameIntervalP95))]];
  }),
) as Record<GridName, [number, number]>;

const method =
  `Headless ${chromiumVersion}, 1280×800 viewport, each grid ${GRID_HEIGHT} px high with ${ROW_HEIGHT} px rows, ` +
  `its own esbuild bundle (minified, production), a fresh page per run, grids alternated per run (ABCABC…), medians of ${runs} runs. ` +
  'First render: from setting the data (items / rowData) to the end of the first frame whose layout holds ≥ 10 rows; ' +
  'sort: from a click on the Amount header to the end of the first frame whose layout holds the 5 lowest amounts ' +
  '(in-page timers; the end is a task queued after that frame’s paint). ' +
  `Scroll: ${SCROLL_STEP} px every frame for ${SCROLL_FRAMES} frames; frame work p95 is the renderer main thread’s ` +
  'busy time (top-level tasks) per BeginMainThreadFrame interval, frame interval p95 the time between compositor ' +
  'DrawFrame events, both from a Chrome trace (devtools.timeline categories) between the page’s marks. ' +
  'maxRows: row elements in the DOM, at most, after each scroll frame.';

const ratio = (grid: GridName, key: (typeof MEASURES)[number]) => grids[grid][key] / grids[ANCHOR][key];
const cell = (grid: GridName, key: (typeof MEASURES)[number]) =>
  key === 'maxRows' ? String(grids[grid][key]) : ms(grids[grid][key]);
const LABELS: Record<(typeof MEASURES)[number], string> = {
  firstRender: 'first render',
  sort: 'sort (amount)',
  scrollWorkP95: 'scroll: frame work p95 (trace)',
  frameIntervalP95: 'scroll: frame interval p95 (trace)',
  maxRows: 'row elements in the DOM (max)',
};
console.log(`\ninvoice table, data mode, ${count.toLocaleString('en')} items, median of ${runs} runs (alternated)`);
console.table(
  Object.fromEntries(
    MEASURES.map((key) => [
      LABELS[key],
      {
        ...Object.fromEntries(GRIDS.map((g) => [g.name, cell(g.name, key)])),
        'ours / vaadin': ratio('ups-invoice-table', key).toFixed(2),
        'ag / vaadin': ratio('ag-grid-community', key).toFixed(2),
      },
    ]),
  ),
);
console.log(
  'in-page rAF figures for the same scroll (work p95 / interval p95): ' +
    GRIDS.map((g) => `${g.name} ${ms(pageScroll[g.name][0])} / ${ms(pageScroll[g.name][1])}`).join('; '),
);
console.log(
  `versions: ${Object.entries(versions)
    .map(([name, v]) => `${name} ${v}`)
    .join(', ')}, ${chromiumVersion}`,
);
if (values.json) {
  const result = { items: count, runs, grids, versions: { ...versions, chromium: chromiumVersion }, method };
  writeFileSync(values.json, JSON.stringify(result, null, 2));
}
