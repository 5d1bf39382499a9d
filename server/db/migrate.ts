import type { Db } from './db.js';
import { MIGRATIONS } from './migrations.js';

/** Any fixed number: all instances must agree on it. */
const MIGRATION_LOCK = 7_242_001;

/**
 * Applies pending migrations in one transaction under an advisory lock, so
 * that several instances starting together over one PostgreSQL apply each
 * migration exactly once.
 */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id));
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
