/**
 * Versioned schema migrations, kept as SQL files in `migrations/` (`001_initial.sql`, `002_….sql`, …) and run
 * in order, each once, inside one transaction that holds the store's write lock; `schema_version` records
 * every version applied. A store whose version is newer than the newest file here was written by a newer
 * gasm and is refused, never written to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from '../errors.js';
import { PACKAGE_ROOT, TOOL } from '../version.js';
import type { SqlDatabase } from './sql/database.js';

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The folder of migration files. */
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');

const FILE_PATTERN = /^(\d{3,})_[a-z0-9_]+\.sql$/;

let cached: Migration[] | null = null;

/** The migrations in `dir`, in version order; throws StoreError for a gap or a duplicate version. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (dir === MIGRATIONS_DIR && cached) return cached;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new StoreError(`cannot read the schema migrations in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const migrations = names
    .filter((n) => FILE_PATTERN.test(n))
    .map((name) => ({ version: Number(FILE_PATTERN.exec(name)![1]), name, sql: readFileSync(join(dir, name), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`schema migrations in ${dir} must be numbered 1, 2, 3, …: found ${m.name} at position ${i + 1}`);
  });
  if (dir === MIGRATIONS_DIR) cached = migrations;
  return migrations;
}

const CREATE_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, tool_version TEXT NOT NULL)';

function refuseNewer(db: SqlDatabase, found: number, latest: number): never {
  throw new StoreError(
    `history store ${db.location} has schema version ${found}, written by a newer gasm; this gasm ${TOOL.version} ` +
      `knows schema versions up to ${latest}. Upgrade gasm to use it, or pass another --db.`,
  );
}

/** The store's schema version; 0 for a store with no schema yet. */
export async function schemaVersion(db: SqlDatabase): Promise<number> {
  try {
    const rows = await db.all<{ v: number | string | null }>('SELECT MAX(version) AS v FROM schema_version');
    return Number(rows[0]?.v ?? 0);
  } catch {
    return 0; // no schema_version table yet
  }
}

/**
 * Brings the store to the newest schema version; returns the versions applied (none when it was current).
 * Throws StoreError when the store is newer than this gasm.
 */
export async function migrate(db: SqlDatabase, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  const latest = migrations.length;
  const seen = await schemaVersion(db);
  if (seen > latest) refuseNewer(db, seen, latest);
  if (seen === latest) return [];
  return db.transaction(
    async (tx) => {
      await tx.exec(CREATE_VERSION_TABLE);
      const rows = await tx.all<{ v: number | string | null }>('SELECT MAX(version) AS v FROM schema_version');
      const current = Number(rows[0]?.v ?? 0); // another process may have migrated meanwhile
      if (current > latest) refuseNewer(db, current, latest);
      const applied: number[] = [];
      for (const m of migrations.filter((x) => x.version > current)) {
        await tx.exec(m.sql);
        await tx.run('INSERT INTO schema_version (version, applied_at, tool_version) VALUES (?, ?, ?)', [m.version, new Date().toISOString(), TOOL.version]);
        applied.push(m.version);
      }
      return applied;
    },
    { exclusive: true },
  );
}
