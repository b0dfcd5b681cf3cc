/**
 * A second process for the concurrency and fault tests.
 *   record <location> <prefix> <count>  records <count> runs (ids <prefix>-<i>), one transaction each
 *   hang <location> <id>                 opens a transaction, writes run <id> and its metrics, prints
 *                                       "inside" and waits to be killed before committing
 */
import { openHistoryStore } from '../../src/history/store.js';
import { writeRun } from '../../src/history/store.js';
import { at, makeEntry, noise } from './entries.js';

const [mode, location, a, b] = process.argv.slice(2);
const store = await openHistoryStore(location, { create: true });
if (mode === 'record') {
  const count = Number(b);
  for (let i = 0; i < count; i++) {
    await store.record(makeEntry({ id: `${a}-${i}`, createdAt: at(i), samples: [100 + noise(i), 101, 99] }));
  }
  await store.close();
  process.stdout.write('done\n');
} else if (mode === 'hang') {
  await store.db.transaction(async (tx) => {
    await writeRun(tx, makeEntry({ id: a, createdAt: at(999) }));
    process.stdout.write('inside\n');
    await new Promise(() => undefined); // killed here, before COMMIT
  });
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
