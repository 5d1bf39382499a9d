/**
 * Fresh, seeded databases for tests, fast.
 *
 * Seeding takes seconds, so it happens once per day and code version: on
 * PGlite the seeded data folder is dumped to a snapshot file that each suite
 * restores (~1 s); on PostgreSQL (`DATABASE_URL`) a seeded template database
 * is cloned with `create database … template` (~0.1 s).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import { seedDemo } from '../../server/db/seed.js';

/**
 * Tests hash the demo password with fewer PBKDF2 rounds than production
 * (600,000) so that each sign-in costs milliseconds, not half a second. The
 * verification code path is the same; only the stored cost differs.
 */
export const TEST_PASSWORD_ITERATIONS = 1_000;

export const today = () => new Date().toISOString().slice(0, 10);

function snapshotKey(): string {
  const hash = createHash('sha256');
  for (const m of MIGRATIONS) hash.update(m.id).update(m.sql);
  // The seed's own source decides the data, so a change to it must make a new snapshot: every
  // module the seed runs (the generator, the seeds, the AutoPay agreement, dispute credits).
  for (const dir of ['server/db', 'server/autopay', 'server/disputes']) {
    for (const file of readdirSync(resolve(dir))
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      hash.update(readFileSync(resolve(dir, file)));
    }
  }
  hash.update(today());
  return hash.digest('hex').slice(0, 16);
}

async function seed(db: Db): Promise<void> {
  await migrate(db);
  await seedDemo(db, { today: today(), passwordIterations: TEST_PASSWORD_ITERATIONS });
}

let snapshot: Promise<Blob> | undefined;

/** The seeded PGlite snapshot, built once and shared by every test process through a file. */
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const dir = resolve('.data/test-snapshots');
    const file = resolve(dir, `${snapshotKey()}.tar.gz`);
    if (!existsSync(file)) {
      const { openPglite } = await import('../../server/db/pglite.js');
      const db = await openPglite();
      await seed(db);
      const dump = await db.pglite.dumpDataDir('gzip');
      await db.close();
      mkdirSync(dir, { recursive: true });
      // Write then rename: a parallel test process never reads half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
      renameSync(tmp, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  return snapshot;
}

let template: Promise<string> | undefined;

async function postgresTemplate(url: string): Promise<string> {
  template ??= (async () => {
    const { openPostgres } = await import('../../server/db/postgres.js');
    const name = `ups_seed_${snapshotKey()}`;
    const admin = await openPostgres(url, 1);
    try {
      // Several test processes may race to build the template: one builds, others wait.
      await admin.query('select pg_advisory_lock(7242099)');
      const [exists] = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!exists) {
        const building = `${name}_building`;
        await admin.query(`drop database if exists ${building}`);
        await admin.query(`create database ${building}`);
        const db = await openPostgres(withDatabase(url, building), 2);
        await seed(db);
        await db.close();
        await admin.query(`alter database ${building} rename to ${name}`);
      }
      await admin.query('select pg_advisory_unlock(7242099)');
    } finally {
      await admin.close();
    }
    return name;
  })();
  return template;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new database with the demo seed, private to the caller. On PostgreSQL, `url` reaches it from other processes. */
export async function freshDatabase(): Promise<Db & { url?: string }> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const { openPostgres } = await import('../../server/db/postgres.js');
    const source = await postgresTemplate(url);
    const name = `ups_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = await openPostgres(url, 1);
    try {
      await admin.query(`create database ${name} template ${source}`);
    } finally {
      await admin.close();
    }
    const db = await openPostgres(withDatabase(url, name), 20);
    return {
      ...db,
      url: withDatabase(url, name),
      async close() {
        await db.close();
        const cleanup = await openPostgres(url, 1);
        await cleanup.query(`drop database if exists ${name}`).finally(() => cleanup.close());
      },
    };
  }
  const { openPglite } = await import('../../server/db/pglite.js');
  return openPglite({ loadDataDir: await pgliteSnapshot() });
}
