/**
 * The shared history store: a PostgreSQL server through `pg` (node-postgres), for a team or a CI fleet that
 * records into one history. Same schema and statements as the embedded store; `?` placeholders become `$n`.
 * One client per process; statements are serialised on it.
 */
import { StoreError } from '../../errors.js';
import { SerialQueue, type SqlDatabase, type SqlExecutor, type SqlRow, type SqlValue } from './database.js';

/** How long connecting may take before the command fails, ms. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;
/** Key of the advisory lock that serialises migrations and exclusive transactions across processes. */
export const POSTGRES_LOCK_KEY = 0x6a5d_0001;

type Client = import('pg').Client;

/** True for a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** `?` placeholders (the statements never hold a literal `?`) to PostgreSQL's `$1, $2, …`. */
export function toDollarPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class PostgresExecutor implements SqlExecutor {
  constructor(protected readonly client: Client, readonly location: string) {}

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async exec(script: string): Promise<void> {
    try {
      await this.client.query(script);
    } catch (error) {
      throw new StoreError(`history store ${this.location}: ${reason(error)}`, { cause: error });
    }
  }

  private async query(sql: string, params: readonly SqlValue[]) {
    try {
      return await this.client.query(toDollarPlaceholders(sql), params as SqlValue[]);
    } catch (error) {
      throw new StoreError(`history store ${this.location}: ${reason(error)}`, { cause: error });
    }
  }
}

class PostgresDatabase extends PostgresExecutor implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private readonly queue = new SerialQueue();

  override all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.queue.push(() => super.all<T>(sql, params));
  }

  override run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.queue.push(() => super.run(sql, params));
  }

  override exec(script: string): Promise<void> {
    return this.queue.push(() => super.exec(script));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: { exclusive?: boolean } = {}): Promise<T> {
    return this.queue.push(async () => {
      const tx = new PostgresExecutor(this.client, this.location);
      await tx.exec('BEGIN');
      try {
        if (options.exclusive) await tx.all('SELECT pg_advisory_xact_lock(?)', [POSTGRES_LOCK_KEY]);
        const result = await fn(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (error) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.push(() => this.client.end());
  }
}

/** Connects to a PostgreSQL history store; StoreError (password redacted) when the server cannot be reached. */
export async function openPostgres(url: string): Promise<SqlDatabase> {
  const { default: pg } = await import('pg');
  const location = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // A server that goes away later surfaces as a failed query; this keeps the 'error' event from crashing Node.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query("SET client_min_messages = 'warning'");
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new StoreError(`cannot connect to history store ${location}: ${reason(error)}`, { cause: error });
  }
  return new PostgresDatabase(client, location);
}
