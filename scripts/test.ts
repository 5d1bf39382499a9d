/**
 * `npm test`: type check, lint, server tests, browser tests, end-to-end tests and
 * the packed package — all of them,
 * even after a failure, then one summary line `N passed, N failed`. Exits
 * non-zero on any failure. The type check and the lint count as one check each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome, INSTALL_HINT } from './find-chrome.js';

interface Result {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}

const work = mkdtempSync(join(tmpdir(), 'ups-test-'));
const bin = (name: string) => join('node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function readCounts(file: string): { passed: number; failed: number } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number };
  } catch {
    return null;
  }
}

async function step(name: string, body: () => Promise<{ passed: number; failed: number }>): Promise<Result> {
  console.log(`\n━━ ${name} ━━`);
  const started = performance.now();
  const counts = await body();
  const result = { name, ...counts, seconds: (performance.now() - started) / 1000 };
  console.log(`━━ ${name}: ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(1)} s)`);
  return result;
}

/** A step that is one check: passed when the command exits 0. */
const check = (command: string, args: string[]) => async () =>
  (await run(command, args)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };

/** A test suite: its reporter writes the counts; a crash without counts is one failure. */
async function suite(command: string, args: string[], countFile: string, env: Record<string, string> = {}) {
  const code = await run(command, args, env);
  const counts = readCounts(countFile) ?? { passed: 0, failed: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const testsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f));

/** node:test over some files, with the spec reporter on screen and the counts in a file. */
const nodeTests = (files: string[], countFile: string) =>
  suite(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./test/helpers/count-reporter.mjs',
      `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    countFile,
  );

const results: Result[] = [];
results.push(await step('Type check', check(bin('tsc'), ['--noEmit', '-p', '.'])));
results.push(await step('Lint', check(bin('eslint'), ['.'])));
results.push(await step('Server tests', () => nodeTests(testsIn('test/server'), join(work, 'server.json'))));

const hasChrome = Boolean(findChrome());
const withChrome = (body: () => Promise<{ passed: number; failed: number }>) => async () => {
  if (hasChrome) return body();
  console.error(INSTALL_HINT);
  return { passed: 0, failed: 1 };
};
results.push(
  await step(
    'Browser tests',
    withChrome(() =>
      suite(
        process.execPath,
        ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.ts'],
        join(work, 'browser.json'),
        { WTR_COUNT_FILE: join(work, 'browser.json') },
      ),
    ),
  ),
);
results.push(
  await step(
    'End-to-end',
    withChrome(() => nodeTests(testsIn('test/e2e'), join(work, 'e2e.json'))),
  ),
);

results.push(await step('Package', () => nodeTests(testsIn('test/package'), join(work, 'package.json'))));

rmSync(work, { recursive: true, force: true });
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of results) {
  console.log(
    `  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(14)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
