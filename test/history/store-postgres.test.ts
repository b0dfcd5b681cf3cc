/**
 * The history test suite against a real PostgreSQL server started for this file on a free local port (see
 * postgres-server.ts). Skipped, saying why, only where no server can be started.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { StoreError } from '../../src/errors.js';
import { openHistoryStore } from '../../src/history/store.js';
import { redactUrl, toDollarPlaceholders } from '../../src/history/sql/postgres.js';
import { startPostgres } from './postgres-server.js';
import { storeCases } from './store-cases.js';

const started = await startPostgres();
if (started.skip) process.stderr.write(`${started.skip}\n`);
after(() => started.server?.stop());

describe('history store on PostgreSQL', { skip: started.skip ?? false }, () => {
  storeCases(async () => started.server!.createDatabase());

  it('says which server it could not reach, without the password', async () => {
    await assert.rejects(openHistoryStore('postgres://gasm:secret@127.0.0.1:1/none', { create: false }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, /cannot connect to history store postgres:\/\/gasm:\*\*\*@127\.0\.0\.1:1\/none/);
      assert.doesNotMatch(e.message, /secret/);
      return true;
    });
  });
});

describe('PostgreSQL statement adaptation', () => {
  it('numbers placeholders and redacts passwords', () => {
    assert.equal(toDollarPlaceholders('SELECT ? , ? FROM t WHERE a = ?'), 'SELECT $1 , $2 FROM t WHERE a = $3');
    assert.equal(redactUrl('postgres://u:pw@h:5432/db'), 'postgres://u:***@h:5432/db');
  });
});
