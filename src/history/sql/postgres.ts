/**
 * The shared history store: a PostgreSQL server through `pg` (node-postgres), for a team or a CI fleet that
 * records into one history. Same schema and statements as the embedded store; `?` placeholders become `$n`.
 * One client per process; statements are serialised on it.
 */
import { StoreError } from '../../errors.js';
import { QueuedDatabase, reasonOf, storeErrorOf, type SqlConnection, type SqlDatabase, type SqlExecutor, type SqlRow, type SqlValue } from './database.js';

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

class PostgresExecutor implements SqlExecutor {
  constructor(private readonly client: Client, private readonly location: string) {}

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
      throw storeErrorOf(this.location, error);
    }
  }

  private async query(sql: string, params: readonly SqlValue[]) {
    try {
      return await this.client.query(toDollarPlaceholders(sql), params as SqlValue[]);
    } catch (error) {
      throw storeErrorOf(this.location, error);
    }
  }
}

/** One pg client as a connection; exclusive transactions also take the advisory lock. */
function postgresConnection(client: Client, location: string): SqlConnection {
  const executor = new PostgresExecutor(client, location);
  return {
    dialect: 'postgres',
    location,
    executor,
    async begin(options) {
      await executor.exec('BEGIN');
      if (options.exclusive) await executor.all('SELECT pg_advisory_xact_lock(?)', [POSTGRES_LOCK_KEY]);
    },
    commit: () => executor.exec('COMMIT'),
    async rollback() {
      await client.query('ROLLBACK').catch(() => undefined);
    },
    end: () => client.end(),
  };
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
    throw new StoreError(`cannot connect to history store ${location}: ${reasonOf(error)}`, { cause: error });
  }
  return new QueuedDatabase(postgresConnection(client, location));
}
