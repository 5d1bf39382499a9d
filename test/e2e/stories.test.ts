/**
 * Every story of the Storybook, run in Chromium as a test of its own: the
 * static build (made here, into a private folder), each story in a fresh
 * page, judged by what Storybook reports on its channel and by what the page
 * logs. A story fails on a render error, a play function that throws, an
 * uncaught error or rejection, or any `console.error` — so a story that
 * shows an error state must show it without logging one. A story that shows
 * a misuse names the console errors it must log, and may, in
 * `parameters.expectedConsoleErrors` (parts of their text).
 *
 * Each story is its own page load, with its own in-page database restored
 * from one seeded dump, so a play function that pays or deletes something
 * leaves the next story untouched.
 *
 * Alone: `node --import tsx --test test/e2e/stories.test.ts`; `STORY_PAGES`
 * sets how many stories run at once.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  buildStorybook,
  runStory,
  serveStatic,
  storiesOf,
  writeStorySnapshot,
  type StaticServer,
} from './stories-support.js';
import { launchChromium } from './support.js';

const outDir = `.data/e2e-storybook-${process.pid}`;
const SNAPSHOT = 'story-database.tar';

// The story list comes from the build's index, so the build happens before the tests are declared.
const building = performance.now();
try {
  await buildStorybook(outDir);
  await writeStorySnapshot(join(outDir, SNAPSHOT));
} catch (error) {
  rmSync(outDir, { recursive: true, force: true });
  throw error;
}
console.log(`# storybook build and seeded snapshot: ${((performance.now() - building) / 1000).toFixed(1)} s`);
const stories = storiesOf(outDir);

/** Pages at once: each boots PGlite (CPU-bound); more than three only queue on two cores. */
// Stories mostly wait (for the in-page database, for the network to go quiet): more pages than cores pays.
const PAGES = Number(process.env['STORY_PAGES'] ?? 4);

describe('stories', { concurrency: PAGES }, () => {
  let server: StaticServer;
  let browser: Browser;

  const times: number[] = [];
  let started = 0;

  before(async () => {
    started = performance.now();
    server = await serveStatic(outDir);
    browser = await launchChromium();
  });
  after(async () => {
    const seconds = (performance.now() - started) / 1000;
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `# ${times.length} stories in ${seconds.toFixed(0)} s, ${PAGES} pages at once; a story takes ${(median / 1000).toFixed(1)} s (median)`,
    );
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  test('the build has the stories of every story file', () => {
    // A story file that fails to index (a syntax error, a bad export) would silently run nothing.
    const files = readdirSync('stories').filter((file) => file.endsWith('.stories.ts'));
    const built = new Set(stories.map((story) => story.importPath.replace(/^\.\/stories\//, '')));
    assert.deepEqual(
      files.filter((file) => !built.has(file)),
      [],
    );
  });

  for (const story of stories) {
    test(`${story.title} › ${story.name}`, async () => {
      const { problems, settledMs } = await runStory(browser, server.origin, story.id, {
        timeout: 60_000,
        quietMs: 300,
        snapshot: `/${SNAPSHOT}`,
      });
      times.push(settledMs);
      assert.deepEqual(problems, [], `${story.id} (${story.importPath})`);
    });
  }
});
