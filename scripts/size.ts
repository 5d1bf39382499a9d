/**
 * `npm run size`: bundles each entry as a consumer's bundler would (esbuild,
 * minified, every dependency included), and prints the gzip and brotli size
 * of what loads before first render — the entry and its static imports.
 * Lazily loaded chunks (the French catalog) are reported apart. Exits 1 when
 * an entry is over its budget in size-budgets.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { cardFrameAssets } from '../server/card-frame/build.js';
import { libraryEntries } from './entries.js';

interface Measure {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** Chunks loaded on demand by the element (its API module, a signed-in mode…), all together. */
  lazyGzip: number;
  /** Catalogs of other locales, loaded only by pages in those locales. */
  localesGzip: number;
}

const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8')) as Record<string, number | string>;
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const br = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function measure(name: string, input: { file: string } | { contents: string }): Promise<Measure> {
  const outdir = mkdtempSync(join(tmpdir(), 'ups-size-'));
  try {
    const result = await build({
      ...('file' in input
        ? { entryPoints: [input.file] }
        : { stdin: { contents: input.contents, resolveDir: process.cwd(), loader: 'ts' } }),
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      minify: true,
      legalComments: 'none',
      tsconfig: 'tsconfig.json',
      outdir,
      metafile: true,
      write: true,
      logLevel: 'error',
    });
    const outputs = result.metafile.outputs as Metafile['outputs'];
    // Dynamic imports are entry points too in the metafile: pick the one built from our input.
    const source = 'file' in input ? input.file : '<stdin>';
    const entryPath = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === source)!;
    // Walk static imports from the entry: that is what the first render waits for.
    const initial = new Set<string>();
    const visit = (path: string) => {
      if (initial.has(path)) return;
      initial.add(path);
      for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entryPath);
    const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !initial.has(path));
    // A chunk made only of locales/<lang>/ catalogs is a translation, loaded by pages in that language.
    const isLocale = (path: string) =>
      Object.keys(outputs[path]!.inputs).every((input) => /src\/locales\/(?!en\/)[a-z]{2}\//.test(input));
    const read = (path: string) => readFileSync(join(process.cwd(), path));
    const files = [...initial].map(read);
    return {
      name,
      raw: files.reduce((n, f) => n + f.length, 0),
      gzip: files.reduce((n, f) => n + gz(f), 0),
      brotli: files.reduce((n, f) => n + br(f), 0),
      lazyGzip: lazy
        .filter((p) => !isLocale(p))
        .map(read)
        .reduce((n, f) => n + gz(f), 0),
      localesGzip: lazy
        .filter(isLocale)
        .map(read)
        .reduce((n, f) => n + gz(f), 0),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const entries = libraryEntries();
const measures: Measure[] = [];
for (const entry of entries) measures.push(await measure(entry.name, { file: entry.file }));
const importAll = (files: string[]) => files.map((f) => `import './${relative(process.cwd(), f)}';`).join('\n');
// The portal page as a host builds it: every element. (The marketing page is the
// pay-form entry alone: <ups-pay-form guest api-base="…"> needs no provider.)
measures.push(
  await measure('all elements', { contents: importAll(entries.filter((e) => e.name !== 'index').map((e) => e.file)) }),
);

// A guest page pays with the form and its API module (loaded after the first render): both count.
measures.push(
  await measure('pay-form guest flow', {
    contents: importAll(['src/ups-pay-form.ts', 'src/elements/pay-form/pay-form-api.ts']),
  }),
);

let over = 0;
console.log(
  `${'entry'.padEnd(18)} ${'min'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)} ${'on demand'.padStart(10)} ${'locales'.padStart(9)} ${'budget'.padStart(9)}`,
);
for (const m of measures) {
  const budget = typeof budgets[m.name] === 'number' ? (budgets[m.name] as number) : undefined;
  const verdict = budget === undefined ? '' : m.gzip > budget ? '  OVER BUDGET' : '  ok';
  if (budget !== undefined && m.gzip > budget) over++;
  console.log(
    `${m.name.padEnd(18)} ${kb(m.raw).padStart(9)} ${kb(m.gzip).padStart(9)} ${kb(m.brotli).padStart(9)} ${kb(m.lazyGzip).padStart(10)} ${kb(m.localesGzip).padStart(9)} ${(budget ? kb(budget) : '—').padStart(9)}${verdict}`,
  );
}
for (const name of Object.keys(budgets).filter((n) => !n.startsWith('/') && !measures.some((m) => m.name === n))) {
  console.log(
    `${name.padEnd(18)} (no entry yet; its budget of ${kb(budgets[name] as number)} applies from its first line)`,
  );
}
// The card frame is served by the billing server, not bundled by hosts: reported on its own, no budget.
const frame = await cardFrameAssets();
const frameGzip = gz(Buffer.from(frame.js)) + gz(Buffer.from(frame.css));
console.log(
  `${'card frame'.padEnd(18)} ${kb(frame.js.length + frame.css.length).padStart(9)} ${kb(frameGzip).padStart(9)} ${kb(br(Buffer.from(frame.js)) + br(Buffer.from(frame.css))).padStart(9)}   (served by the billing server in its own origin: script and stylesheet)`,
);

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
  const cardFrame = { raw: frame.js.length + frame.css.length, gzip: frameGzip };
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ measures, budgets, cardFrame }, null, 2));
}
if (over) {
  console.error(`${over} entr${over === 1 ? 'y is' : 'ies are'} over budget.`);
  process.exit(1);
}
