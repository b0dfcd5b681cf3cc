/**
 * The embedded history store: one SQLite file through better-sqlite3 (synchronous, prebuilt for Node 20).
 * WAL journal so that readers never block the writer; a busy timeout so that two processes recording at once
 * wait for each other's lock instead of failing; foreign keys on (cascading deletes of `prune`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../../errors.js';
import { QueuedDatabase, reasonOf, storeErrorOf, type SqlConnection, type SqlDatabase, type SqlExecutor, type SqlRow, type SqlValue } from './database.js';

/** How long a writer waits for another process's lock before giving up, ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

type Driver = import('better-sqlite3').Database;

class SqliteExecutor implements SqlExecutor {
  constructor(private readonly db: Driver, private readonly location: string) {}

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.wrap(() => this.db.prepare(sql).all(...params) as T[]);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.wrap(() => this.db.prepare(sql).run(...params).changes);
  }

  async exec(script: string): Promise<void> {
    this.wrap(() => this.db.exec(script));
  }

  private wrap<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storeErrorOf(this.location, error);
    }
  }
}

/** One better-sqlite3 handle as a connection. */
function sqliteConnection(db: Driver, location: string): SqlConnection {
  const executor = new SqliteExecutor(db, location);
  return {
    dialect: 'sqlite',
    location,
    executor,
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so two writers never deadlock
    // upgrading a read lock. Every transaction holds the write lock, so `exclusive` adds nothing here.
    begin: () => executor.exec('BEGIN IMMEDIATE'),
    commit: () => executor.exec('COMMIT'),
    async rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    async end() {
      db.close();
    },
  };
}

/**
 * Opens (with `create`, creating the file and its folder) an SQLite history store. Throws StoreError naming
 * the file when it is missing (without `create`), not a database, or locked beyond the busy timeout.
 */
export async function openSqlite(path: string, options: { create: boolean }): Promise<SqlDatabase> {
  const { default: Database } = await import('better-sqlite3');
  let db: Driver;
  try {
    if (options.create) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { fileMustExist: !options.create, timeout: SQLITE_BUSY_TIMEOUT_MS });
  } catch (error) {
    const missing = /unable to open|ENOENT|does not exist/i.test(reasonOf(error));
    throw new StoreError(
      missing && !options.create
        ? `no history store at ${path} (record a run with \`gasm bench\`, or \`gasm history import <reports>\`)`
        : `cannot open history store ${path}: ${reasonOf(error)}`,
      { cause: error },
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // fails here for a file that is not a database
  } catch (error) {
    db.close();
    throw new StoreError(`cannot open history store ${path}: ${reasonOf(error)}`, { cause: error });
  }
  return new QueuedDatabase(sqliteConnection(db, path));
}
