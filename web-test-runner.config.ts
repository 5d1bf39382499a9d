/**
 * Browser tests: every `*.test.ts` under src/ runs in headless Chromium
 * against the real reference server (see test/helpers/wtr-billing-server.ts).
 * Run with `npm run test:browser`.
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROME_ARGS, findChrome, INSTALL_HINT } from './scripts/find-chrome.js';
import { countReporter } from './test/helpers/wtr-count-reporter.js';
import { billingServerPlugin } from './test/helpers/wtr-billing-server.js';

const chrome = findChrome();
if (!chrome) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const server = billingServerPlugin();

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chrome, headless: true, args: CHROME_ARGS },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    server.plugin,
  ],
  middleware: [server.middleware],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter(process.env['WTR_COUNT_FILE'])],
};
