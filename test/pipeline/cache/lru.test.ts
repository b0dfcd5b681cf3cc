import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruMap } from '../../../src/pipeline/cache/lru.js';

test('LRU keeps the most recently used entries within capacity', () => {
  const lru = new LruMap<string, number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  assert.equal(lru.get('a'), 1); // a is now the most recent
  lru.set('c', 3); // evicts b
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
  assert.equal(lru.size, 2);
  assert.equal(lru.evictions, 1);
  lru.set('a', 10); // replacing does not evict
  assert.equal(lru.evictions, 1);
  assert.equal(lru.get('a'), 10);
  assert.throws(() => new LruMap(0), RangeError);
});
