/**
 * Builds the library for publishing:
 * - dist/lib/: ESM, one file per entry with shared chunks, for bundlers;
 *   the package's dependencies stay imports, so a host that uses Lit too
 *   ships one copy of it;
 * - dist/bundle/: single-file bundles with every dependency, for a
 *   `<script type="module">` drop-in (marketing pages, no build step);
 * - dist/types/: declarations.
 *
 * `--bundles` builds the single-file bundles only: the demo's no-build pages
 * (`/guest`, `/plain/invoices`) need them, and `npm start` should not wait
 * for the declarations.
 */
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { libraryEntries } from './entries.js';

const common = {
  bundle: true,
  format: 'esm' as const,
  target: 'es2022',
  platform: 'browser' as const,
  minify: true,
  sourcemap: true,
  legalComments: 'none' as const,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning' as const,
};

const bundlesOnly = process.argv.includes('--bundles');
rmSync('dist/bundle', { recursive: true, force: true });
if (!bundlesOnly) {
  rmSync('dist/lib', { recursive: true, force: true });
  rmSync('dist/types', { recursive: true, force: true });
}

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const entries = libraryEntries();
if (!bundlesOnly) {
  await build({
    ...common,
    // A package name also covers its subpaths (`lit/decorators.js`).
    external: Object.keys(dependencies),
    entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.file])),
    outdir: 'dist/lib',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
}
for (const entry of entries.filter((e) => e.name !== 'index')) {
  await build({ ...common, entryPoints: { [`ups-${entry.name}`]: entry.file }, outdir: 'dist/bundle' });
}
if (bundlesOnly) {
  console.log(`Built ${entries.length - 1} single-file bundles into dist/bundle.`);
  process.exit(0);
}
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`Built ${entries.length} entries into dist/lib, dist/bundle and dist/types.`);
