/** Opens the server's database from the environment, for the server and the ops scripts. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './db/db.js';

/** PostgreSQL when `DATABASE_URL` is set; otherwise PGlite in `DATA_DIR` (default `.data/pglite`). */
export async function openDatabase(): Promise<Db> {
  if (process.env['DATABASE_URL']) {
    const { openPostgres } = await import('./db/postgres.js');
    return openPostgres(process.env['DATABASE_URL']);
  }
  const { openPglite } = await import('./db/pglite.js');
  const dataDir = resolve(process.env['DATA_DIR'] ?? '.data/pglite');
  // PGlite creates the data folder but not its parents.
  mkdirSync(resolve(dataDir, '..'), { recursive: true });
  return openPglite({ dataDir });
}
