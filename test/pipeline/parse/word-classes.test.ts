/**
 * Word tokens carry their word classes as bits (word-classes.ts): the bits must say what the lookups they replace
 * say, on every path that makes a word token (the tokenizer's table of words read, a fresh word, a word made by
 * wordToken), and after the tokenizer's table is emptied when full.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCategory } from '../../../src/bench/instruction-files.js';
import { verbBase } from '../../../src/pipeline/parse/lexicon.js';
import { startsRelation } from '../../../src/pipeline/parse/relations.js';
import { normalise, tokenize } from '../../../src/pipeline/parse/tokenize.js';
import { isVerbBase, isVerbForm, RELATION_START, VERB_BASE, VERB_FORM, wordClasses, wordToken } from '../../../src/pipeline/parse/word-classes.js';

/** The bits computed from the lookups themselves. */
function expected(word: string): number {
  const base = verbBase(word);
  return (base !== undefined ? VERB_FORM : 0) | (base === word ? VERB_BASE : 0) | (startsRelation(word) ? RELATION_START : 0);
}

test('wordClasses: each bit is the lookup it stands for', () => {
  assert.equal(wordClasses('place'), VERB_FORM | VERB_BASE);
  assert.equal(wordClasses('placed') & (VERB_FORM | VERB_BASE), VERB_FORM);
  assert.equal(wordClasses('above'), RELATION_START);
  assert.equal(wordClasses('box'), 0);
  for (const w of ['put', 'puts', 'putting', 'left', 'in', 'on', 'next', 'rotate', 'stack', 'stacks', 'table', 'the', 'zorblax']) {
    assert.equal(wordClasses(w), expected(w), w);
  }
  assert.equal(isVerbBase(wordToken('move')), true);
  assert.equal(isVerbBase(wordToken('moved')), false);
  assert.equal(isVerbForm(wordToken('moved')), true);
  assert.equal(isVerbForm({ kind: 'num', text: '3', value: 3 }), false);
  assert.equal(isVerbBase(undefined), false);
});

test('tokenize: every word token carries its own word classes, also after the table of words read is emptied', async () => {
  const texts = [...(await readCategory('simple')), ...(await readCategory('complex')), "put the box's lid on the 3rd shelf, 4 in. above the 2x4", 'stapel die kiste über dem tisch é'];
  // More distinct words than the tokenizer's table holds (it is emptied when half full), then the texts again.
  const many = Array.from({ length: 3000 }, (_, k) => `w${k.toString(36)}x`).join(' ');
  const runs = [...texts, many, ...texts];
  let words = 0;
  for (const text of runs) {
    for (const t of tokenize(normalise(text))) {
      if (t.kind !== 'word') continue;
      assert.equal(t.classes, expected(t.text), `${t.text} in ${JSON.stringify(text.slice(0, 60))}`);
      words++;
    }
  }
  assert.ok(words > 3000);
});
