/**
 * Lighthouse 12 against the demo pages, served by the real server
 * (`server/main.ts`, fresh seeded PGlite) from the production build, in
 * Debian's Chromium started by chrome-launcher: the guest page (`/guest`)
 * and the portal (`/`) signed in. Categories performance, accessibility,
 * best practices and SEO; Lighthouse's mobile default and its desktop preset.
 *
 * The portal keeps its session in memory only, so a signed-in page cannot be
 * reached by URL, cookie or storage. Lighthouse is handed a Puppeteer page
 * on which a script registered for new documents signs in as payer1 (as the
 * portal's end-to-end test does) at DOMContentLoaded, so Lighthouse's own
 * cold navigation loads the portal, signs in and shows the invoices, and
 * every category audits the signed-in page.
 *
 * Needs the bench dependencies (`npm ci --prefix bench`); they are imported
 * by computed specifiers so that `tsc` passes where they are not installed.
 *
 *   npx tsx bench/lighthouse.ts [--runs 3] [--json out.json] [--reports dir] [--mobile-only] [--rebuild]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_ARGS, INSTALL_HINT, findChrome } from '../scripts/find-chrome.js';
import { ensureDemoBuild, startDemoServer } from './serve-demo.js';
import { median } from './stats.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    reports: { type: 'string' },
    'mobile-only': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);

// ── the little of Lighthouse, chrome-launcher and Puppeteer used here, typed locally ──
interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  errorMessage?: string;
  numericValue?: number;
  details?: { type: string; items?: Record<string, unknown>[] };
}
interface Lhr {
  lighthouseVersion: string;
  environment: { hostUserAgent: string };
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}
interface LighthouseModule {
  default: (
    url: string,
    flags: Record<string, unknown>,
    config: unknown,
    page: PuppeteerPage,
  ) => Promise<{ lhr: Lhr; report: string | string[] } | undefined>;
  desktopConfig: unknown;
}
interface PuppeteerPage {
  evaluateOnNewDocument(source: string): Promise<unknown>;
  close(): Promise<void>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  version(): Promise<string>;
  disconnect(): Promise<void>;
}
interface PuppeteerModule {
  default: { connect(options: { browserURL: string; defaultViewport: null }): Promise<PuppeteerBrowser> };
}
interface LaunchedChrome {
  port: number;
  kill(): void;
}
interface ChromeLauncherModule {
  launch(options: { chromePath: string; chromeFlags: string[]; logLevel: string }): Promise<LaunchedChrome>;
}

/** Resolved from bench/node_modules; a variable, not a literal, keeps `tsc` from looking for their types. */
async function benchImport<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new Error(`cannot import ${name}: install the bench dependencies with \`npm ci --prefix bench\``, {
      cause: error,
    });
  }
}

const lighthouse = await benchImport<LighthouseModule>('lighthouse');
const puppeteer = await benchImport<PuppeteerModule>('puppeteer-core');
const chromeLauncher = await benchImport<ChromeLauncherModule>('chrome-launcher');

const chromePath = findChrome();
if (!chromePath) throw new Error(INSTALL_HINT);

export type PageName = 'guest' | 'portal';
export type FormFactor = 'mobile' | 'desktop';
const PATHS: Record<PageName, string> = { guest: '/guest', portal: '/' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const PORTAL_USER = { userId: 'payer1', password: 'demo-password' };

/**
 * Signs the portal in as soon as its module script (deferred, so run before
 * DOMContentLoaded) listens for the form's submit; in the top frame of the
 * portal only (Lighthouse first loads about:blank in the same page).
 */
const SIGN_IN = `(() => {
  if (window.top !== window || location.pathname !== '/') return;
  document.addEventListener('DOMContentLoaded', () => {
    const form = document.querySelector('#sign-in-form');
    if (!form) return;
    document.querySelector('#user-id').value = ${JSON.stringify(PORTAL_USER.userId)};
    document.querySelector('#password').value = ${JSON.stringify(PORTAL_USER.password)};
    form.requestSubmit();
  });
})();`;

/** One page and form factor, as `--json` writes them (read by bench/run.ts). */
export interface Result {
  page: PageName;
  formFactor: FormFactor;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** Metrics in ms (CLS unitless), from the run with the median performance score. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** Each run's performance score, to show the spread. */
  performanceRuns: (number | null)[];
  /** Audits of the four categories that do not pass (score < 0.9), from the same run. */
  failing: { id: string; score: number | null; title: string; displayValue?: string }[];
  /** Audits Lighthouse could not compute in that run, with their weight in the category scores (0 = none). */
  errored: { id: string; weight: number; message: string }[];
}

const percent = (score: number | null | undefined) => (score == null ? null : Math.round(score * 100));

/** What a portal run must have done to count: the sign-in posted and the invoices fetched with its token. */
function checkSignedIn(lhr: Lhr): void {
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { url: string; statusCode: number }[];
  const ok = (pattern: RegExp) => requests.some((r) => pattern.test(new URL(r.url).pathname) && r.statusCode < 400);
  if (!ok(/^\/api\/v1\/session/) || !ok(/^\/api\/v1\/invoices/)) {
    throw new Error(
      `the portal run did not sign in and load invoices; API requests seen: ${requests
        .filter((r) => r.url.includes('/api/'))
        .map((r) => `${r.statusCode} ${new URL(r.url).pathname}`)
        .join(', ')}`,
    );
  }
}

/** The largest weight an audit has in any category: a failed audit of weight 0 leaves the scores as they are. */
const auditWeight = (lhr: Lhr, id: string) =>
  Math.max(
    0,
    ...Object.values(lhr.categories).flatMap((c) => c.auditRefs.filter((r) => r.id === id).map((r) => r.weight)),
  );

function failingAudits(lhr: Lhr): Result['failing'] {
  const ids = new Set(CATEGORIES.flatMap((category) => lhr.categories[category]?.auditRefs.map((ref) => ref.id) ?? []));
  return [...ids]
    .map((id) => lhr.audits[id]!)
    .filter((audit) => audit && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode))
    .filter((audit) => audit.score !== null && audit.score < 0.9)
    .map((audit) => ({
      id: audit.id,
      score: audit.score,
      title: audit.title,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    }));
}

const built = ensureDemoBuild(values.rebuild);
const server = await startDemoServer();
// Lighthouse asks for headless "new" (the only headless mode of current Chromium); CHROME_ARGS run it as root
// and keep it off the closed network. chrome-launcher adds its own defaults (no first-run, no extensions, …).
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [...CHROME_ARGS, '--headless=new'],
  logLevel: 'error',
});
const results: Result[] = [];
let chromium = '';
let version = '';
try {
  const browser = await puppeteer.default.connect({
    browserURL: `http://127.0.0.1:${chrome.port}`,
    defaultViewport: null,
  });
  chromium = await browser.version();
  const formFactors: FormFactor[] = values['mobile-only'] ? ['mobile'] : ['mobile', 'desktop'];
  for (const formFactor of formFactors) {
    for (const page of ['guest', 'portal'] as const) {
      const lhrs: Lhr[] = [];
      for (let run = 0; run < runs; run++) {
        // A new tab per run; Lighthouse itself clears the origin's cache and storage before it navigates.
        const tab = await browser.newPage();
        if (page === 'portal') await tab.evaluateOnNewDocument(SIGN_IN);
        const outcome = await lighthouse.default(
          `${server.origin}${PATHS[page]}`,
          { output: 'html', logLevel: 'error', onlyCategories: CATEGORIES },
          formFactor === 'desktop' ? lighthouse.desktopConfig : undefined,
          tab,
        );
        await tab.close();
        if (!outcome) throw new Error('Lighthouse returned no result');
        const { lhr } = outcome;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        for (const warning of lhr.runWarnings) console.warn(`  warning (${page}, ${formFactor}): ${warning}`);
        if (page === 'portal') checkSignedIn(lhr);
        version = lhr.lighthouseVersion;
        lhrs.push(lhr);
        if (values.reports) {
          mkdirSync(values.reports, { recursive: true });
          const base = join(values.reports, `${page}-${formFactor}-${run + 1}`);
          writeFileSync(`${base}.html`, String(outcome.report));
          writeFileSync(`${base}.json`, JSON.stringify(lhr));
        }
        console.log(
          `  ${page} ${formFactor} run ${run + 1}: performance ${percent(lhr.categories['performance']?.score)}`,
        );
      }
      // The run whose performance score is the median one speaks for all (as Lighthouse's own advice goes).
      const scores = lhrs.map((lhr) => lhr.categories['performance']?.score ?? 0);
      const middle = median(scores);
      const lhr = lhrs[scores.indexOf(middle)]!;
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const result: Result = {
        page,
        formFactor,
        performance: percent(lhr.categories['performance']?.score),
        accessibility: percent(lhr.categories['accessibility']?.score),
        bestPractices: percent(lhr.categories['best-practices']?.score),
        seo: percent(lhr.categories['seo']?.score),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
        performanceRuns: lhrs.map((run) => percent(run.categories['performance']?.score)),
        failing: failingAudits(lhr),
        errored: Object.values(lhr.audits)
          .filter((audit) => audit.scoreDisplayMode === 'error')
          .map((audit) => ({ id: audit.id, weight: auditWeight(lhr, audit.id), message: audit.errorMessage ?? '' })),
      };
      results.push(result);
      console.log(
        `${page.padEnd(7)} ${formFactor.padEnd(8)} performance ${result.performance} ` +
          `(runs ${result.performanceRuns.join(', ')})  accessibility ${result.accessibility}  ` +
          `best practices ${result.bestPractices}  SEO ${result.seo}  FCP ${result.fcp.toFixed(0)} ms  ` +
          `LCP ${result.lcp.toFixed(0)} ms  TBT ${result.tbt.toFixed(0)} ms  CLS ${result.cls.toFixed(3)}  ` +
          `SI ${result.si.toFixed(0)} ms`,
      );
      // Said, not hidden: with a Chromium newer than this Lighthouse, some trace-based gatherers fail.
      for (const audit of result.errored) {
        console.log(`    error  ${audit.id} (weight ${audit.weight}): ${audit.message}`);
      }
      for (const audit of result.failing) {
        console.log(
          `    ${audit.score?.toFixed(2)} ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        );
      }
    }
  }
  await browser.disconnect();
} finally {
  chrome.kill();
  await server.close();
}

if (values.json) {
  const chromiumBuild = (() => {
    try {
      // Debian's wrapper script prints a shell warning on stderr here; only stdout is the version.
      return execFileSync(chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return chromium;
    }
  })();
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        lighthouse: version,
        chromium: chromiumBuild,
        browserVersion: chromium,
        runs,
        method:
          `Lighthouse ${version} (Node API, default throttling: simulated), ${runs} run(s) per page and form factor, ` +
          'the run with the median performance score reported; mobile = default config (Moto G Power, Slow 4G, 4x ' +
          'CPU), desktop = desktop-config preset. Real server (server/main.ts, fresh seeded PGlite, loopback), ' +
          'production build. Portal signed in as payer1 by a script registered for new documents ' +
          '(Puppeteer evaluateOnNewDocument) that submits the sign-in form at DOMContentLoaded.' +
          (built ? ` The demo was built first (${built}).` : ''),
        results,
      },
      null,
      2,
    )}\n`,
  );
}
