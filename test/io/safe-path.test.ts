import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { safeFileStem, safeJoin } from '../../src/io/safe-path.js';

test('a file stem from untrusted text has no separators, no leading dot and no reserved name', () => {
  for (const evil of ['/../../../../tmp/x/evil', '..', '.', '', 'a\\b', 'a/b', 'C:\\x', 'con', 'NUL.txt', '\0x', '../'.repeat(50), 'ａｂ/ｃ', '.hidden']) {
    const stem = safeFileStem(evil);
    assert.match(stem, /^[A-Za-z0-9_][A-Za-z0-9._-]*$/, JSON.stringify(evil));
    assert.ok(!stem.includes('..') || !stem.startsWith('.'), stem);
    assert.ok(stem.length <= 100, stem);
  }
  assert.equal(safeFileStem('throughput'), 'throughput', 'a clean name is kept as is');
  assert.notEqual(safeFileStem('a/b'), safeFileStem('a-b'), 'two names never give the same file');
  assert.notEqual(safeFileStem('a/b'), safeFileStem('a:b'));
});

test('safeJoin refuses any name that resolves outside its folder', () => {
  const dir = join('/tmp', 'out');
  assert.equal(safeJoin(dir, 'x.png'), join(dir, 'x.png'));
  for (const bad of ['../x.png', '/etc/passwd', 'a/../../x', '', '.', 'a/../..', 'x\0.png']) {
    assert.throws(() => safeJoin(dir, bad), /outside the output folder/, bad);
  }
});
