/**
 * Cold load to interactive of the two pages a visitor lands on, served by the
 * real server (`server/main.ts`, fresh seeded PGlite) from the production
 * build, in headless Debian Chromium, each run in a new browser context
 * (empty HTTP cache, no cookies or storage):
 *
 * - guest: `/guest`, until `<ups-pay-form guest>` has rendered its first
 *   field and that field takes focus (typing into it is checked afterwards);
 * - portal: `/`, signed in as the portal's end-to-end test does (payer1), the
 *   sign-in submitted by the page itself as soon as the portal's script has
 *   run, until the invoice table shows its first row.
 *
 * Twice: unthrottled on loopback, and under Lighthouse's mobile "Slow 4G"
 * (CDP network emulation plus 4x CPU throttling). Medians of `--runs`.
 *
 *   npx tsx bench/cold-load.ts [--runs 7] [--json out.json] [--rebuild]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Request } from 'playwright-core';
import { CHROME_ARGS, INSTALL_HINT, findChrome } from '../scripts/find-chrome.js';
import { ensureDemoBuild, startDemoServer } from './serve-demo.js';
import { median, ms } from './stats.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    json: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);

/** One page under one profile, medians in ms, as `--json` writes them (read by bench/run.ts). */
export interface ColdLoadPage {
  page: PageName;
  profile: string;
  interactive: number;
  fcp: number | null;
  lcp: number | null;
  dcl: number;
  load: number;
  bytes: number;
  requests: number;
  interactiveRange: [number, number];
}

export interface Profile {
  name: string;
  /** As sent to `Network.emulateNetworkConditions`: latency in ms, throughputs in bytes per second; null = none. */
  network: { latencyMs: number; downloadBytesPerSecond: number; uploadBytesPerSecond: number } | null;
  /** `Emulation.setCPUThrottlingRate`: 1 = none. */
  cpu: number;
}

/**
 * The throttled profile is Lighthouse 12's mobile default ("Slow 4G", its
 * `mobileSlow4G` in its DevTools-throttling form, which is what CDP applies:
 * request-level latency 150 ms × 3.75 and 1.6 Mbit/s × 0.9 down, 750 kbit/s ×
 * 0.9 up, kbit = 1024 bit), with a 4x CPU slowdown. The same figures as the
 * Lighthouse mobile scores beside them, and about the 75th percentile of
 * mobile visits in the field. The CPU slowdown is relative to this machine.
 */
const PROFILES: Profile[] = [
  { name: 'unthrottled', network: null, cpu: 1 },
  {
    name: 'slow-4g-cpu4x',
    network: {
      latencyMs: 150 * 3.75,
      downloadBytesPerSecond: Math.floor((1.6 * 1024 * 0.9 * 1024) / 8),
      uploadBytesPerSecond: Math.floor((750 * 0.9 * 1024) / 8),
    },
    cpu: 4,
  },
];

export type PageName = 'guest' | 'portal';
const PATHS: Record<PageName, string> = { guest: '/guest', portal: '/' };
/** The portal's end-to-end test signs in as payer1 (test/e2e/demo-portal.test.ts); the seed's demo password. */
const PORTAL_USER = { userId: 'payer1', password: 'demo-password' };

interface Marks {
  interactive?: number;
  firstField?: string;
  signInSubmitted?: number;
  lcp?: number;
}

/**
 * Runs in the page before its own scripts. It watches, once per frame,
 * for the page's "interactive" condition and stamps `performance.now()`
 * (milliseconds since navigation start) when it first holds; it keeps the
 * last LCP candidate; on the portal it signs in at DOMContentLoaded, when the
 * portal's module script (deferred, so already run) listens for the submit.
 * Only in the top frame: the card frame, when there is one, is left alone.
 */
function pageProbe(user: { userId: string; password: string }): void {
  if (window.top !== window) return;
  const marks: Marks = {};
  (window as unknown as { benchMarks: Marks }).benchMarks = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  const visible = (element: Element) => element.getClientRects().length > 0 && element.checkVisibility();
  const guestReady = (): boolean => {
    const root = document.querySelector('ups-pay-form[guest]')?.shadowRoot;
    const field = root?.querySelector<HTMLInputElement>('input:not([type=hidden]), select, textarea');
    if (!root || !field || field.disabled || field.readOnly || !visible(field)) return false;
    field.focus();
    if (root.activeElement !== field) return false;
    marks.firstField = field.id || field.name;
    return true;
  };
  const portalReady = (): boolean => {
    const row = document
      .querySelector('ups-invoice-table')
      ?.shadowRoot?.querySelector('.frame tbody tr:not(.skeleton):not(.spacer)');
    return Boolean(row && visible(row));
  };
  const ready = location.pathname === '/guest' ? guestReady : portalReady;
  const poll = () => {
    if (ready()) marks.interactive = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  if (location.pathname === '/') {
    document.addEventListener('DOMContentLoaded', () => {
      const form = document.querySelector<HTMLFormElement>('#sign-in-form');
      if (!form) return;
      document.querySelector<HTMLInputElement>('#user-id')!.value = user.userId;
      document.querySelector<HTMLInputElement>('#password')!.value = user.password;
      marks.signInSubmitted = performance.now();
      form.requestSubmit();
    });
  }
}

interface Sample {
  interactive: number;
  fcp: number | null;
  lcp: number | null;
  dcl: number;
  load: number;
  bytes: number;
  requests: number;
  firstField?: string;
  signInSubmitted?: number;
}

async function measure(browser: Browser, origin: string, page: PageName, profile: Profile): Promise<Sample> {
  const throttled = profile.network !== null;
  const context = await browser.newContext();
  try {
    // As source text, with a no-op `__name`: tsx compiles this file with esbuild's keepNames, which wraps the
    // probe's inner functions in `__name(…)` calls that do not exist in the page.
    await context.addInitScript({
      content: `{ const __name = (target) => target; (${pageProbe.toString()})(${JSON.stringify(PORTAL_USER)}); }`,
    });
    const tab = await context.newPage();
    // Every request of the context (frames included), counted as the page starts it and sized once it is done.
    const finished: Request[] = [];
    let started = 0;
    let pending = 0;
    let lastActivity = performance.now();
    context.on('request', () => {
      started++;
      pending++;
      lastActivity = performance.now();
    });
    const settle = (request: Request, ok: boolean) => {
      pending--;
      lastActivity = performance.now();
      if (ok) finished.push(request);
    };
    context.on('requestfinished', (request) => settle(request, true));
    context.on('requestfailed', (request) => settle(request, false));

    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    if (profile.network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: profile.network.latencyMs,
        downloadThroughput: profile.network.downloadBytesPerSecond,
        uploadThroughput: profile.network.uploadBytesPerSecond,
      });
    }
    if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });

    const timeout = throttled ? 120_000 : 30_000;
    await tab.goto(`${origin}${PATHS[page]}`, { waitUntil: 'load', timeout });
    await tab.waitForFunction(
      () => (window as unknown as { benchMarks: Marks }).benchMarks.interactive !== undefined,
      undefined,
      { timeout, polling: 100 },
    );
    if (page === 'guest') {
      // "Accepts typing": the field the probe focused takes real key presses (not timed).
      await tab.keyboard.type('1Z');
      const value = await tab.evaluate(
        () => (document.querySelector('ups-pay-form')!.shadowRoot!.activeElement as HTMLInputElement | null)?.value,
      );
      if (!value?.includes('1Z')) throw new Error(`typing did not reach the first field (value "${value}")`);
    }
    // Bytes and requests once the network is quiet: what the visit costs, lazy chunks and API calls included.
    const quietMs = throttled ? 2_000 : 500;
    const deadline = performance.now() + timeout;
    while ((pending > 0 || performance.now() - lastActivity < quietMs) && performance.now() < deadline) {
      await new Promise((done) => setTimeout(done, 100));
    }
    const timings = await tab.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const marks = (window as unknown as { benchMarks: Marks }).benchMarks;
      return {
        marks,
        fcp: fcp ? fcp.startTime : null,
        dcl: navigation.domContentLoadedEventStart,
        load: navigation.loadEventStart,
      };
    });
    // Transferred = response headers + body as received (encoded, i.e. compressed when the server compresses).
    let bytes = 0;
    for (const request of finished) {
      const sizes = await request.sizes();
      bytes += sizes.responseHeadersSize + sizes.responseBodySize;
    }
    return {
      interactive: timings.marks.interactive!,
      fcp: timings.fcp,
      lcp: timings.marks.lcp ?? null,
      dcl: timings.dcl,
      load: timings.load,
      bytes,
      requests: started,
      ...(timings.marks.firstField ? { firstField: timings.marks.firstField } : {}),
      ...(timings.marks.signInSubmitted !== undefined ? { signInSubmitted: timings.marks.signInSubmitted } : {}),
    };
  } finally {
    await context.close();
  }
}

const executablePath = findChrome();
if (!executablePath) throw new Error(INSTALL_HINT);
const built = ensureDemoBuild(values.rebuild);
const server = await startDemoServer();
const browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
const results: ColdLoadPage[] = [];
try {
  // One discarded load of each page first: the server's own first requests (module loading, JIT,
  // PGlite's first queries) are a server cold start, not the visitor's cold cache being measured.
  for (const page of ['guest', 'portal'] as const) await measure(browser, server.origin, page, PROFILES[0]!);

  for (const profile of PROFILES) {
    const samples: Record<PageName, Sample[]> = { guest: [], portal: [] };
    // The pages alternate, so a burst of noise on the shared cores falls on both rather than on one.
    for (let run = 0; run < runs; run++) {
      for (const page of ['guest', 'portal'] as const) {
        samples[page].push(await measure(browser, server.origin, page, profile));
      }
    }
    for (const page of ['guest', 'portal'] as const) {
      const all = samples[page];
      // Tenths of a millisecond: the timers' own resolution here is 0.1 ms, anything finer is float noise.
      const round = (value: number) => Math.round(value * 10) / 10;
      const pick = (key: 'interactive' | 'dcl' | 'load' | 'bytes' | 'requests') =>
        round(median(all.map((s) => s[key])));
      const optional = (key: 'fcp' | 'lcp') => {
        const present = all.map((s) => s[key]).filter((v): v is number => v !== null);
        return present.length ? round(median(present)) : null;
      };
      const interactive = all.map((s) => round(s.interactive));
      results.push({
        page,
        profile: profile.name,
        interactive: pick('interactive'),
        fcp: optional('fcp'),
        lcp: optional('lcp'),
        dcl: pick('dcl'),
        load: pick('load'),
        bytes: pick('bytes'),
        requests: pick('requests'),
        interactiveRange: [Math.min(...interactive), Math.max(...interactive)],
      });
      const field = all.find((s) => s.firstField)?.firstField;
      const signIn = all.filter((s) => s.signInSubmitted !== undefined).map((s) => s.signInSubmitted!);
      const last = results.at(-1)!;
      const show = (value: number | null) => (value === null ? 'n/a' : ms(value));
      console.log(
        `${profile.name.padEnd(14)} ${page.padEnd(7)} interactive ${ms(last.interactive)} ` +
          `(${ms(last.interactiveRange[0])}–${ms(last.interactiveRange[1])})  FCP ${show(last.fcp)}  ` +
          `LCP ${show(last.lcp)}  DCL ${ms(last.dcl)}  load ${ms(last.load)}  ` +
          `${(last.bytes / 1024).toFixed(1)} KB in ${last.requests} requests` +
          (field ? `  [first field #${field}]` : '') +
          (signIn.length ? `  [sign-in submitted at ${ms(median(signIn))}]` : ''),
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        runs,
        profiles: PROFILES,
        pages: results,
        method:
          'Real server (server/main.ts, fresh PGlite seeded with the demo, loopback) serving the production build; ' +
          `headless ${executablePath} via playwright-core, 1280x720, a new browser context per run (empty cache); ` +
          `one discarded warm-up load per page, then ${runs} runs per page and profile, pages alternating; medians. ` +
          'Times in ms from navigation start. interactive: guest = the first field of <ups-pay-form guest> is rendered, ' +
          'visible, enabled and takes focus (typing checked after); portal = sign-in (payer1) submitted by the page ' +
          'at DOMContentLoaded, then the first invoice row of <ups-invoice-table> is visible. Checked once per ' +
          'animation frame in the page. fcp/lcp: paint timing and the last LCP candidate once the network is quiet; ' +
          'dcl/load: navigation timing (event start). bytes: response headers + encoded body of every finished request ' +
          'until the network is quiet (500 ms; 2 s throttled); requests: every request started. ' +
          `Throttled profile: CDP Network.emulateNetworkConditions + Emulation.setCPUThrottlingRate.` +
          (built ? ` The demo was built first (${built}).` : ' The existing build was fresh and reused.'),
      },
      null,
      2,
    )}\n`,
  );
}
