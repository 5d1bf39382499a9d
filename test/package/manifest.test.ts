/**
 * `custom-elements.json` is what editors, Storybook's docs and framework
 * typings read. It is generated (`npm run analyze`) and checked in; this test
 * regenerates it and fails when the checked-in copy is stale, then checks it
 * describes what hosts rely on.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { libraryEntries } from '../../scripts/entries.js';

const root = resolve(import.meta.dirname, '../..');

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const byPath = (manifest: Manifest) =>
  Object.fromEntries(
    manifest.modules.map((module) => [module.path, module] as const).sort(([a], [b]) => a.localeCompare(b)),
  );
const committed = read(join(root, 'custom-elements.json'));
const elements = committed.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

test('custom-elements.json is up to date with the sources (run `npm run analyze`)', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'ups-cem-'));
  try {
    // The analyzer takes `--outdir` relative to the working directory, even an absolute one.
    const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    execFileSync(process.execPath, [cem, 'analyze', '--outdir', relative(root, outdir)], { cwd: root, stdio: 'pipe' });
    // The analyzer lists modules in the order it happened to read them: compare them by path.
    assert.deepEqual(
      byPath(read(join(outdir, 'custom-elements.json'))),
      byPath(committed),
      'stale: run `npm run analyze` and commit',
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

test('every tag the entries define is in the manifest, with a summary', () => {
  const defined = libraryEntries()
    .filter((e) => e.name !== 'index')
    .map((e) => `ups-${e.name}`);
  assert.deepEqual(elements.map((d) => d.tagName).sort(), defined.sort());
  for (const element of elements)
    assert.ok(element.summary || element.description, `${element.tagName} has no summary`);
});

test('every event an element fires is in the manifest', () => {
  // The events hosts can listen to: those added to GlobalEventHandlersEventMap.
  const declared = readdirSync(join(root, 'src/events'))
    .flatMap((f) => [...readFileSync(join(root, 'src/events', f), 'utf8').matchAll(/'(ups-[a-z-]+)': Ups\w+Event;/g)])
    .map((m) => m[1]!);
  const documented = new Set(elements.flatMap((d) => (d.events ?? []).map((e) => e.name)));
  assert.ok(declared.length > 10);
  assert.deepEqual(
    declared.filter((name) => !documented.has(name)),
    [],
  );
});
