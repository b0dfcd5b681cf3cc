import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreError } from '../../../src/errors.js';
import { QueuedDatabase, storeErrorOf, type SqlConnection, type SqlExecutor } from '../../../src/history/sql/database.js';

/** A connection that logs every call, with statements that take a tick, so interleaving would show. */
function loggingConnection(options: { failBegin?: boolean } = {}): { connection: SqlConnection; log: string[] } {
  const log: string[] = [];
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const executor: SqlExecutor = {
    async all(sql) {
      log.push(`all ${sql}`);
      await tick();
      return [];
    },
    async run(sql) {
      log.push(`run ${sql}`);
      await tick();
      return 1;
    },
    async exec(script) {
      log.push(`exec ${script}`);
      await tick();
    },
  };
  const connection: SqlConnection = {
    dialect: 'sqlite',
    location: 'test.db',
    executor,
    async begin(o) {
      log.push(`begin${o.exclusive ? ' exclusive' : ''}`);
      await tick();
      if (options.failBegin) throw new StoreError('locked');
    },
    async commit() {
      log.push('commit');
    },
    async rollback() {
      log.push('rollback');
    },
    async end() {
      log.push('end');
    },
  };
  return { connection, log };
}

describe('QueuedDatabase', () => {
  it('runs a statement called during a transaction after its commit, never inside it', async () => {
    const { connection, log } = loggingConnection();
    const db = new QueuedDatabase(connection);
    const tx = db.transaction(async (t) => {
      await t.run('INSERT 1');
      await t.run('INSERT 2');
      return 'done';
    }, { exclusive: true });
    const outside = db.all('SELECT');
    assert.equal(await tx, 'done');
    await outside;
    assert.deepEqual(log, ['begin exclusive', 'run INSERT 1', 'run INSERT 2', 'commit', 'all SELECT']);
    assert.equal(db.dialect, 'sqlite');
    assert.equal(db.location, 'test.db');
  });

  it('rolls back and rethrows when the work throws, and the queue goes on', async () => {
    const { connection, log } = loggingConnection();
    const db = new QueuedDatabase(connection);
    await assert.rejects(db.transaction(async (t) => {
      await t.run('INSERT 1');
      throw new Error('bad row');
    }), /bad row/);
    await db.exec('PRAGMA x');
    await db.close();
    assert.deepEqual(log, ['begin', 'run INSERT 1', 'rollback', 'exec PRAGMA x', 'end']);
  });

  it('rolls back when the transaction cannot even begin', async () => {
    const { connection, log } = loggingConnection({ failBegin: true });
    const db = new QueuedDatabase(connection);
    await assert.rejects(db.transaction(async () => 1), StoreError);
    assert.deepEqual(log, ['begin', 'rollback']);
  });

  it('storeErrorOf names the store and keeps the cause', () => {
    const cause = new Error('disk I/O error');
    const error = storeErrorOf('/tmp/h.db', cause);
    assert.ok(error instanceof StoreError);
    assert.equal(error.message, 'history store /tmp/h.db: disk I/O error');
    assert.equal(error.cause, cause);
  });
});
