/**
 * What the page benchmarks (cold-load.ts, lighthouse.ts) share: the demo
 * built as `npm run build:demo` builds it, and the real server started as
 * `npm start` starts it (`server/main.ts` in a child process), on a free port
 * and a fresh PGlite folder seeded with the demo data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServerProcess } from '../scripts/server-process.js';

const ROOT = resolve(import.meta.dirname, '..');

/** What `npm run build:demo` reads. */
const BUILD_INPUTS = [
  'src',
  'demo',
  'vite.config.ts',
  'scripts/build-lib.ts',
  'scripts/entries.ts',
  'package-lock.json',
];
/** What the two measured pages are served from: the portal's Vite build and the guest page's single-file bundle. */
const BUILD_OUTPUTS = ['dist/demo/index.html', 'dist/bundle/ups-pay-form.js'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Runs `npm run build:demo` when an output is missing or older than any
 * input (by modification time), or when `force` is set; a fresh build is
 * reused, since the full build takes a minute or more on this machine.
 * Returns why it built, or null when it did not.
 */
export function ensureDemoBuild(force = false): string | null {
  const at = (path: string) => join(ROOT, path);
  const missing = BUILD_OUTPUTS.filter((path) => !existsSync(at(path)));
  let reason: string | null = force ? 'forced (--rebuild)' : null;
  if (!reason && missing.length) reason = `missing ${missing.join(', ')}`;
  if (!reason) {
    const built = Math.min(...BUILD_OUTPUTS.map((path) => statSync(at(path)).mtimeMs));
    const changed = BUILD_INPUTS.filter((path) => existsSync(at(path)) && newestMtime(at(path)) > built);
    if (changed.length) reason = `stale: ${changed.join(', ')} changed since the build`;
  }
  if (!reason) return null;
  console.log(`building the demo (${reason}): npm run build:demo`);
  const result = spawnSync('npm', ['run', 'build:demo'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:demo failed');
  return reason;
}

export interface DemoServer {
  /** `http://localhost:<port>`: the pages' origin, as `npm start` prints it (the card frame is on 127.0.0.1). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts `server/main.ts` as `npm start` does, minus the build: migrations
 * and the demo seed run into an empty PGlite folder of its own, so runs never
 * see each other's data nor the developer's `.data/`. Listening on loopback
 * only; the payment scheduler is off (PAYMENT_SCHEDULER_SECONDS=0), so no
 * background job runs on the two shared cores while pages are timed.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ups-bench-pglite-'));
  const server = await startServerProcess(
    { DATA_DIR: join(dataDir, 'pglite'), SEED: '1' },
    { timeoutMs: 120_000, cwd: ROOT },
  );
  const output = server.output();
  if (!output.includes('demo data seeded')) throw new Error(`the server did not seed the demo:\n${output}`);
  if (output.includes('No demo build found')) throw new Error('the server found no dist/demo');
  return {
    origin: `http://localhost:${server.port}`,
    async close() {
      await server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
