/**
 * The one SQL interface both history stores run on. Statements are written once, with `?` placeholders, in
 * the SQL that SQLite and PostgreSQL share (see migrations/); each driver adapts only placeholders, locking
 * and transactions. All calls are serialised per connection, so a transaction never interleaves with another
 * statement of the same process.
 */

/** A parameter value: the column types the schema uses. */
export type SqlValue = string | number | null;

/** A row as the driver returns it, keyed by (lower-case) column name. */
export type SqlRow = Record<string, unknown>;

/** Statements within one connection (or one transaction). */
export interface SqlExecutor {
  /** Rows of a query. */
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** A write; the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** An open store connection. */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store is, for messages (a file path, or the URL without its password). */
  readonly location: string;
  /**
   * Runs `fn` in one transaction that holds the store's write lock from its start (SQLite BEGIN IMMEDIATE;
   * PostgreSQL an advisory transaction lock when `exclusive`), committing when it resolves and rolling back
   * when it throws. A process killed inside it leaves nothing of it behind.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { exclusive?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/** Serialises async work on one connection: each call starts when the previous one has settled. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  push<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
