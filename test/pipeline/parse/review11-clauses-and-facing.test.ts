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

test('a negation the parser does not honour is refused naming it; "not less/more than" stay bounds', () => {
  assert.throws(() => parseInstruction('Put the chair near the table, not facing the sofa'),
    { message: "cannot honour 'not' in 'not facing the sofa': a negated placement is not read (say where the object goes instead)" });
  assert.throws(() => parseInstruction('Put the box on the table, not on the shelf'), /cannot honour 'not' in 'not on the shelf'/);
  assert.throws(() => parseInstruction("Don't put the box on the table"), /cannot honour 'don't'/);
  assert.throws(() => parseInstruction('Never place the box on the shelf'), /cannot honour 'never'/);
  assert.deepEqual(brief('Put the box not more than 10 cm from the crate'), ['near(box,crate)']);
});
