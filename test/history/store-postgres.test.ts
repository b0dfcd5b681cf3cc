/**
 * The history test suite against a real PostgreSQL server started for this file on a free local port (see
 * postgres-server.ts). Skipped, saying why, only where no server can be started.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { StoreError } from '../../src/errors.js';
import { openHistoryStore } from '../../src/history/store.js';
import { redactUrl, toDollarPlaceholders } from '../../src/history/sql/postgres.js';
import { runCli } from '../helpers/run-cli.js';
import { at, makeEntry } from './entries.js';
import { startPostgres } from './postgres-server.js';
import { storeCases } from './store-cases.js';

const started = await startPostgres();
if (started.skip) process.stderr.write(`${started.skip}\n`);
after(() => started.server?.stop());

describe('history store on PostgreSQL', { skip: started.skip ?? false }, () => {
  storeCases(async () => started.server!.createDatabase());

  it('answers the same `gasm history` commands as the embedded store, through --db and GASM_DB', async () => {
    const url = await started.server!.createDatabase();
    const store = await openHistoryStore(url, { create: true });
    for (let c = 0; c < 3; c++) await store.record(makeEntry({ id: `cli${c}`, createdAt: at(c) }));
    await store.close();
    const list = await runCli(['history', 'list', '--json', '--db', url]);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id), ['cli2', 'cli1', 'cli0']);
    const show = await runCli(['history', 'show', 'throughput.simple.instructionsPerSecond', '--json'], { env: { GASM_DB: url } });
    assert.equal(show.code, 0, show.stderr);
    assert.equal(JSON.parse(show.stdout).machines[0].points.length, 3);
  });

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
