/**
 * The eleventh review's findings on dropped clauses, negation, facing, 'along' and the floor as a destination:
 * every object phrase is placed, used as a reference, or the instruction is refused naming it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';

const brief = (text: string) => parseInstruction(text).constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')})`);

test('clauses after "then" with an elided verb are each read; an object nothing places is refused', () => {
  assert.deepEqual(brief('Move the box to the shelf, then the cup to the table, then the lid to the cup'),
    ['on(box,shelf)', 'on(cup,table)', 'inside(lid,cup)']);
  assert.deepEqual(brief('Put the box near the table, then the cup to the shelf'), ['near(box,table)', 'on(cup,shelf)']);
  assert.throws(() => parseInstruction('Move the box to the table, then the cup'),
    { message: "nothing says where 'the cup' goes in 'the cup': no relation places it or refers to it" });
});
