/**
 * Failure kinds found by the eighth held-out set, each with instructions of our own: a fastener's size class and
 * angles written as a fraction of a turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';

const kinds = (text: string) => parseInstruction(text).entities.map((e) => `${e.name}:${e.kind}:${e.halfExtents.join('/')}`);
const brief = (text: string) => parseInstruction(text).constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')})`);
const angles = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'angle')
  .map((c) => `${c.subject}:${c.parameters.axis}:${Math.round(((c.parameters.angle ?? 0) * 180) / Math.PI)}`);

test('a fastener is a bolt of a few centimetres, so three fit in a triangle on a plate', () => {
  assert.deepEqual(kinds('Put the fastener left of the bracket.'), ['fastener:bolt:0.006/0.006/0.03', 'bracket:bracket:0.03/0.02/0.04']);
  assert.equal(parseInstruction('Put 3 fasteners in a triangle on the plate.').constraints.filter((c) => c.type === 'on').length, 3);
});

