/** The history test suite against the embedded store: a fresh SQLite file per test. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { StoreError } from '../../src/errors.js';
import { openHistoryStore, resolveStoreLocation } from '../../src/history/store.js';
import { storeCases } from './store-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'gasm-history-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('history store on SQLite', () => {
  storeCases(async () => join(dir, `store-${++n}`, 'history.db'));

  it('refuses to read a store that does not exist, instead of creating an empty one', async () => {
    const path = join(dir, 'missing', 'history.db');
    await assert.rejects(openHistoryStore(path, { create: false }), (e: unknown) => e instanceof StoreError && /no history store at .*missing/.test(e.message));
  });

  it('names a file that is not a database', async () => {
    const path = join(dir, 'not-a-db');
    writeFileSync(path, 'hello, this is text and not SQLite at all'.repeat(50));
    await assert.rejects(openHistoryStore(path, { create: false }), (e: unknown) => e instanceof StoreError && e.message.includes(path));
  });

  it('takes --db, else GASM_DB, else .gasm/history.db under the working folder', () => {
    assert.deepEqual(resolveStoreLocation('x.db', { GASM_DB: 'y.db' }, '/w'), { kind: 'sqlite', value: 'x.db' });
    assert.deepEqual(resolveStoreLocation(undefined, { GASM_DB: 'postgres://u@h/db' }, '/w'), { kind: 'postgres', value: 'postgres://u@h/db' });
    assert.deepEqual(resolveStoreLocation(undefined, {}, '/w'), { kind: 'sqlite', value: '/w/.gasm/history.db' });
    assert.equal(resolveStoreLocation('postgresql://h/db', {}).kind, 'postgres');
  });
});
