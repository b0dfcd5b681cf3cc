/**
 * The one SQL interface both history stores run on. Statements are written once, with `?` placeholders, in
 * the SQL that SQLite and PostgreSQL share (see migrations/); each driver adapts only placeholders, locking
 * and transactions. All calls are serialised per connection, so a transaction never interleaves with another
 * statement of the same process ({@link QueuedDatabase}).
 */
import { StoreError } from '../../errors.js';

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

/** The message of a thrown value. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A driver failure as the StoreError every store call throws, naming the store. */
export function storeErrorOf(location: string, error: unknown): StoreError {
  return new StoreError(`history store ${location}: ${reasonOf(error)}`, { cause: error });
}

/**
 * What a driver supplies to {@link QueuedDatabase}: its statements (not serialised) and the verbs of one
 * transaction on its connection.
 */
export interface SqlConnection {
  readonly dialect: SqlDatabase['dialect'];
  readonly location: string;
  /** Statements on the connection, run as called. */
  readonly executor: SqlExecutor;
  /** Opens a transaction holding the store's write lock (see {@link SqlDatabase.transaction}). */
  begin(options: { exclusive?: boolean }): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back the open transaction, if any; never throws (it runs while another error is on its way). */
  rollback(): Promise<void>;
  /** Closes the connection. */
  end(): Promise<void>;
}

/**
 * A connection as a SqlDatabase: every statement, transaction and close waits its turn on one queue, so a
 * transaction's statements never interleave with another call of the same process.
 */
export class QueuedDatabase implements SqlDatabase {
  private readonly queue = new SerialQueue();

  constructor(private readonly connection: SqlConnection) {}

  get dialect(): SqlDatabase['dialect'] {
    return this.connection.dialect;
  }

  get location(): string {
    return this.connection.location;
  }

  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.queue.push(() => this.connection.executor.all<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.queue.push(() => this.connection.executor.run(sql, params));
  }

  exec(script: string): Promise<void> {
    return this.queue.push(() => this.connection.executor.exec(script));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: { exclusive?: boolean } = {}): Promise<T> {
    const c = this.connection;
    return this.queue.push(async () => {
      try {
        await c.begin(options);
        const result = await fn(c.executor);
        await c.commit();
        return result;
      } catch (error) {
        await c.rollback();
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.queue.push(() => this.connection.end());
  }
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
