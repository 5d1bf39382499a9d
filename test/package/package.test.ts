/**
 * The published package as a host receives it: built, packed with `npm pack`,
 * installed into a fresh app, and every entry of its `exports` map imported —
 * by the type checker, by a bundler, and by Node for the class entry.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { libraryEntries } from '../../scripts/entries.js';

const root = resolve(import.meta.dirname, '../..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let app: string;
let packed: PackResult;
const elements = libraryEntries().filter((e) => e.name !== 'index');

before(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-lib.ts'], { cwd: root, stdio: 'ignore' });
  app = mkdtempSync(join(tmpdir(), 'ups-package-'));
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', app], root)) as PackResult[];
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'host-app', private: true, type: 'module', dependencies: {} }),
  );
  // The dependencies come from npm's cache when `npm ci` filled it; the registry otherwise.
  npm(['install', join(app, packed!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
});

after(() => rmSync(app, { recursive: true, force: true }));

test('the package holds the library only: no tests, stories, demo or server', () => {
  const paths = packed.files.map((f) => f.path);
  const allowed = /^(dist\/(lib|bundle|types)\/|package\.json$|README\.md$|LICENSE$|custom-elements\.json$)/;
  assert.deepEqual(
    paths.filter((p) => !allowed.test(p)),
    [],
  );
  assert.deepEqual(
    paths.filter((p) => /(^|\/)(test|stories|server|demo)\/|\.test\.|\.stories\./.test(p)),
    [],
  );
  for (const entry of elements) assert.ok(paths.includes(`dist/bundle/ups-${entry.name}.js`), entry.name);
  for (const framework of ['react', 'vue'])
    assert.ok(paths.includes(`dist/types/frameworks/${framework}.d.ts`), framework);
});

test('the exports map serves one entry per element, the class entry, framework typings and the single-file bundles', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const expected = [
    '.',
    ...elements.map((e) => `./${e.name}`),
    './react',
    './vue',
    './bundles/*',
    './custom-elements.json',
    './package.json',
  ];
  assert.deepEqual(Object.keys(manifest.exports).sort(), expected.sort());
});

test('a TypeScript app type-checks against every entry, with the tag and event maps', () => {
  const lines = [
    "import { BillingClient, UpsWallet, type Invoice } from 'ups-billing-elements';",
    ...elements.map((e) => `import 'ups-billing-elements/${e.name}';`),
    "const client = new BillingClient({ baseUrl: '/api/v1' });",
    "const wallet: UpsWallet = document.createElement('ups-wallet');",
    "const table = document.createElement('ups-invoice-table');",
    "table.addEventListener('ups-pay-request', (event) => { const first: Invoice | undefined = event.detail.invoices[0]; void first; });",
    'export { client, wallet };',
  ];
  writeFileSync(join(app, 'app.ts'), lines.join('\n'));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'],
        strict: true,
        noEmit: true,
        // The package's own declarations are checked; its dependencies' are theirs.
        skipLibCheck: true,
      },
      files: ['app.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`the host app does not type-check:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
});

test('a bundler resolves every entry and bundle through the exports map', async () => {
  const source = [
    "export * as classes from 'ups-billing-elements';",
    ...elements.map((e) => `import 'ups-billing-elements/${e.name}';`),
  ].join('\n');
  writeFileSync(join(app, 'bundle-in.js'), source);
  const result = await build({
    entryPoints: [join(app, 'bundle-in.js')],
    bundle: true,
    format: 'esm',
    write: false,
    absWorkingDir: app,
    logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
  // Each element entry alone, imported for its effect as a page does: the bundler must keep it (package.json's
  // `sideEffects` must name it in a form esbuild reads) or the tag is never defined.
  for (const entry of elements)
    writeFileSync(join(app, `only-${entry.name}.js`), `import 'ups-billing-elements/${entry.name}';`);
  const alone = await build({
    entryPoints: elements.map((e) => join(app, `only-${e.name}.js`)),
    bundle: true,
    format: 'esm',
    write: false,
    outdir: join(app, 'alone'),
    absWorkingDir: app,
    logLevel: 'silent',
  });
  assert.deepEqual(
    alone.warnings.map((w) => w.text),
    [],
  );
  for (const entry of elements) {
    const output = alone.outputFiles.find((f) => f.path.endsWith(`only-${entry.name}.js`))!;
    assert.ok(output.text.includes(`ups-${entry.name}`), `${entry.name}: the element's module was dropped`);
  }
  for (const entry of elements) {
    const resolved = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `console.log(import.meta.resolve('ups-billing-elements/bundles/ups-${entry.name}.js'))`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    assert.match(resolved.trim(), new RegExp(`/dist/bundle/ups-${entry.name}\\.js$`));
  }
});

test('the class entry loads in Node and defines no tag; an element entry defines its own', () => {
  const script = [
    // A registry that records definitions, installed before Lit's own Node shim would be.
    'const defined = [];',
    'globalThis.customElements = { define: (name) => defined.push(name), get: () => undefined, whenDefined: async () => {} };',
    "const lib = await import('ups-billing-elements');",
    "if (typeof lib.UpsInvoiceTable !== 'function' || typeof lib.BillingClient !== 'function') throw new Error('missing exports');",
    "if (defined.length) throw new Error('the class entry defined ' + defined.join(', '));",
    "await import('ups-billing-elements/wallet');",
    "console.log(defined.join(','));",
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
  // The element entry, by contrast, defines its tag.
  assert.equal(out.trim(), 'ups-wallet');
});
