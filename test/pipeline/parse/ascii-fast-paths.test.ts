/**
 * normalise and tokenize take shortcuts for ASCII text (no NFKC or replacements for printable ASCII, an ASCII twin
 * of the token expression); these tests hold the shortcuts to the general path on the built-in suites and on
 * seeded random strings made of the characters the rules look at.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCategory } from '../../../src/bench/instruction-files.js';
import { createPrng } from '../../../src/pipeline/model/prng.js';
import { FORMAT_CHARACTERS } from '../../../src/pipeline/parse/characters.js';
import { normalise, tokenize, type Token } from '../../../src/pipeline/parse/tokenize.js';

/**
 * The general path of normalise, written out (what every instruction went through before the shortcut): a control
 * character other than a line break or tab is refused, those become spaces.
 */
function generalNormalise(text: string): string {
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(text)) return 'refused';
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ').replace(/[’‘`]/g, "'").toLowerCase().trim();
}

/** normalise's text, or 'refused' when it throws for a control character. */
function normalised(text: string): string {
  try {
    return normalise(text);
  } catch (error) {
    assert.match((error as Error).message, /control character U\+[0-9A-F]{4} at position \d+/);
    return 'refused';
  }
}

/** Tokens or the error message: the outcome to compare. */
function outcome(run: () => Token[]): Token[] | string {
  try {
    return run();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/**
 * The tokens of ASCII text through the general (Unicode) expression: a trailing non-ASCII word after a space
 * sends the text down that path and adds one token of its own, which is dropped.
 */
function generalTokens(text: string): Token[] | string {
  const result = outcome(() => tokenize(`${text} \u00e9`));
  if (typeof result === 'string') return result;
  assert.deepEqual(result[result.length - 1], { kind: 'word', text: '\u00e9', classes: 0 });
  return result.slice(0, -1);
}

const CHARACTERS = ['a', 'b', 'x', 'e', 'n', 'o', 'i', 's', 't', 'h', 'r', 'd', 'A', 'Z', '0', '1', '3', '9', '.', ',', ';', ':', '!', '?', '-', '_', "'", '"', '#', '`', ' ', ' ', '\t', '(', '/', '+'];
const WORDS = ['no', 'in', 'place', 'box', 'cm', 'mm', 'deg', 'x2', '3rd', 'nan', "box's", 'pos', '4in', 'e5', '1e-3', '-2', '0.5', '.5'];

function randomText(seed: number): string {
  const prng = createPrng(seed);
  let out = '';
  const length = 1 + Math.floor(prng.next() * 24);
  for (let k = 0; k < length; k++) {
    out += prng.next() < 0.3 ? `${WORDS[Math.floor(prng.next() * WORDS.length)]} ` : CHARACTERS[Math.floor(prng.next() * CHARACTERS.length)];
  }
  return out;
}

test('normalise: printable ASCII gives what the general path gives', async () => {
  const texts = [...(await readCategory('simple')), ...(await readCategory('medium')), 'Place the BOX `above` the table', '  x\ty  ', 'a\u007fb'];
  for (let seed = 1; seed <= 3000; seed++) texts.push(randomText(seed));
  for (const text of texts) assert.equal(normalised(text), generalNormalise(text), JSON.stringify(text));
});

test('tokenize: ASCII text gives the tokens (or the error) of the general expression', async () => {
  const texts = [...(await readCategory('simple')), ...(await readCategory('complex')), 'item no.3 at 4 in. and 4" and 3rd', 'put washer #2 on bolt no. 3'];
  for (let seed = 1; seed <= 3000; seed++) texts.push(generalNormalise(randomText(seed)));
  let compared = 0;
  for (const text of texts) {
    assert.deepEqual(outcome(() => tokenize(text)), generalTokens(text), JSON.stringify(text));
    compared++;
  }
  assert.ok(compared > 3000);
});
