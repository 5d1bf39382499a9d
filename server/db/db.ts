/**
 * The one database interface the server uses. Two drivers implement it:
 * embedded PGlite (the default, data in a folder) and PostgreSQL through
 * node-postgres (`DATABASE_URL`). Queries are plain SQL with `$n`
 * parameters, so the same text runs on both.
 */

export type Row = Record<string, unknown>;

export interface Sql {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back
   * when it throws. Nothing of a rejected request is ever half written.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Value conversions both drivers apply, so rows look the same whichever runs:
 * int8 as a JS number (amounts in minor units stay far below 2^53), dates as
 * `YYYY-MM-DD` strings (never a local-time Date), timestamps as ISO strings.
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8
  1700: (v) => Number(v), // numeric
  1082: (v) => v, // date
  1114: (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString(), // timestamp
  1184: (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString(), // timestamptz
};
