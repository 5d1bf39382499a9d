/**
 * `npm run test:reliability`: races, crash safety, fuzzing, leak scan, guest
 * brute force and sessions. The race and crash suites need several server
 * processes on one PostgreSQL: with `DATABASE_URL` set (CI) they use it;
 * otherwise this starts a private throwaway cluster with Debian's initdb and
 * pg_ctl (a Unix socket in a temporary folder, no TCP port), and stops it
 * afterwards. Without either, those two suites skip and say why.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` user, as CI does. */
function asPostgres(command: string): void {
  const root = process.getuid?.() === 0;
  const result = root
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'inherit' })
    : spawnSync('/bin/sh', ['-c', command], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`failed: ${command}`);
}

let stop: (() => void) | undefined;
const env = { ...process.env };
if (!env['DATABASE_URL']) {
  const bin = findPgBin();
  if (bin) {
    const dir = mkdtempSync(join(tmpdir(), 'ups-reliability-pg-'));
    if (process.getuid?.() === 0) {
      const { uid, gid } = userIds('postgres');
      chownSync(dir, uid, gid);
    }
    asPostgres(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 >/dev/null`);
    asPostgres(
      `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -o "-p 5432 -k ${dir} -c listen_addresses='' -c max_connections=300 -c fsync=off" -w start >/dev/null`,
    );
    stop = () => {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null`);
      rmSync(dir, { recursive: true, force: true });
    };
    env['DATABASE_URL'] = `postgres://postgres@localhost/postgres?host=${dir}&port=5432`;
    console.log(`reliability: private PostgreSQL cluster in ${dir}`);
  } else {
    console.log('reliability: no DATABASE_URL and no initdb: the race and crash suites will skip');
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const out = spawnSync('id', [name], { encoding: 'utf8' }).stdout;
  const uid = Number(/uid=(\d+)/.exec(out)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(out)?.[1]);
  return { uid, gid };
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('test/reliability')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join('test/reliability', f));
const started = performance.now();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=120000', ...files],
  {
    env,
    stdio: 'inherit',
  },
);
// Interrupted (Ctrl+C, CI timeout): stop the tests, then the private cluster, rather than leave it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
console.log(`reliability: ${((performance.now() - started) / 1000).toFixed(0)} s`);
try {
  stop?.();
} catch (error) {
  console.error(error);
}
process.exit(code);
