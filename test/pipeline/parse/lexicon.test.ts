import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKnownKind, kindFacts, nounInfo } from '../../../src/pipeline/parse/lexicon.js';

test('words that name Object.prototype members are not lexicon kinds (they get the generic size, never a crash)', () => {
  for (const word of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__proto__']) {
    assert.equal(isKnownKind(word), false, word);
    assert.deepEqual([...kindFacts(word).halfExtents], [0.04, 0.04, 0.04], word);
    const info = nounInfo(word);
    assert.equal(info.kind, word);
    assert.deepEqual(info.halfExtents, [0.04, 0.04, 0.04], word);
  }
  assert.equal(isKnownKind('table'), true);
  assert.ok(nounInfo('table').halfExtents[0] > 0.3);
});
