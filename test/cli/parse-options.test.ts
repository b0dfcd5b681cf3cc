import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChoice, parseInteger, parseIntegerList, parseNumber } from '../../src/cli/parse-options.js';
import { ConfigError } from '../../src/errors.js';

test('integers, numbers, lists and choices are checked and errors name the flag', () => {
  assert.equal(parseInteger('--runs', '12', 1, 100), 12);
  assert.throws(() => parseInteger('--runs', '1.5', 1, 100), (e: Error) => e instanceof ConfigError && e.message.includes('--runs'));
  assert.throws(() => parseInteger('--runs', '0', 1, 100), /from 1 to 100, got '0'/);
  assert.throws(() => parseInteger('--runs', 'ten', 1, 100), ConfigError);
  assert.equal(parseNumber('--min-time', '250.5', 0, 1000), 250.5);
  assert.throws(() => parseNumber('--min-time', 'NaN', 0, 1000), ConfigError);
  assert.throws(() => parseNumber('--min-time', '', 0, 1000), ConfigError);
  assert.deepEqual(parseIntegerList('--batch-sizes', '1, 5,10', 1, 100), [1, 5, 10]);
  assert.throws(() => parseIntegerList('--batch-sizes', ',', 1, 100), /at least one/);
  assert.throws(() => parseIntegerList('--objects', '2,,4', 1, 100), /--objects has an empty item in '2,,4'/);
  assert.equal(parseChoice('--backend', 'cpu', ['auto', 'cpu']), 'cpu');
  assert.throws(() => parseChoice('--backend', 'gpu', ['auto', 'cpu']), /must be one of auto, cpu, got 'gpu'/);
});
