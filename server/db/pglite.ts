/** Embedded PostgreSQL (PGlite, WASM): zero set-up, data kept in a folder. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Row, Sql } from './db.js';
import { TYPE_PARSERS } from './db.js';

export interface PgliteOptions {
  /** A folder for the data; omitted = in memory. */
  dataDir?: string | undefined;
  /** A dump from `dumpDataDir()` to start from (tests restore a seeded snapshot). */
  loadDataDir?: Blob | File | undefined;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: TYPE_PARSERS,
  });
  type Conn = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (conn: Conn): Sql => ({
    async query<T = Row>(text: string, params: readonly unknown[] = []) {
      const result = await conn.query(text, [...params]);
      return result.rows as T[];
    },
    async exec(text: string) {
      await conn.exec(text);
    },
  });
  const root = wrap(pglite);
  return {
    kind: 'pglite',
    pglite,
    query: root.query,
    exec: root.exec,
    // PGlite has one connection; its transaction() holds it exclusively, so
    // transactions are serialized exactly as row locks would order them.
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}
