/** PostgreSQL through node-postgres, for `DATABASE_URL`: several server instances share one database. */
import pg from 'pg';
import type { Db, Row, Sql } from './db.js';
import { TYPE_PARSERS } from './db.js';

export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can fail (server restart); without a listener that error kills the process.
  pool.on('error', (error) => console.error('postgres pool error:', error.message));
  const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<T = Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, [...params]);
      return result.rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  });
  await pool.query('select 1');
  const root = wrap(pool);
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
