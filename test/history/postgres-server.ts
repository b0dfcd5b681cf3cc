/**
 * A real, throw-away PostgreSQL server for the history tests: initdb into a temporary folder, start it on a
 * free local port, hand out one fresh database per test, stop it and remove the folder after. The binaries are
 * Debian's (`/usr/lib/postgresql/<version>/bin`) or on PATH. PostgreSQL refuses to run as root, so under root
 * the server runs as the `postgres` user. Where no server can be started, `skip` says why (never faked).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** URL of a new, empty database. */
  createDatabase(): Promise<string>;
  stop(): void;
}

export type PostgresStart = { server: PostgresServer; skip: null } | { server: null; skip: string };

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found ? join(found, '..') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a server, or says why it cannot. */
export async function startPostgres(): Promise<PostgresStart> {
  const bin = findBinDir();
  if (!bin) return { server: null, skip: 'PostgreSQL tests skipped: no PostgreSQL server binaries (install the Debian package `postgresql`; .ci/run does)' };
  const isRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  if (isRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { server: null, skip: 'PostgreSQL tests skipped: running as root and there is no `postgres` user to run the server as' };
    uid = Number(id.stdout.trim());
  }
  const dir = mkdtempSync(join(tmpdir(), 'gasm-pg-'));
  const data = join(dir, 'data');
  const asServerUser = (cmd: string, args: string[]) => (isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' }));
  let port = 0;
  try {
    if (uid !== undefined) chownSync(dir, uid, -1);
    asServerUser('initdb', ['-D', data, '-A', 'trust', '-U', 'gasm', '--no-sync', '-E', 'UTF8']);
    port = await freePort();
    asServerUser('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-2).join(' ') ?? '';
    rmSync(dir, { recursive: true, force: true });
    return { server: null, skip: `PostgreSQL tests skipped: could not start a local server (${stderr || (error as Error).message})` };
  }
  let n = 0;
  const admin = `postgres://gasm@127.0.0.1:${port}/postgres`;
  return {
    skip: null,
    server: {
      async createDatabase() {
        const name = `history_test_${process.pid}_${++n}`;
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://gasm@127.0.0.1:${port}/${name}`;
      },
      stop() {
        try {
          asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  };
}
