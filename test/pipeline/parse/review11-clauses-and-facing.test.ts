/**
 * The eleventh review's findings on dropped clauses, negation, facing, 'along' and the floor as a destination:
 * every object phrase is placed, used as a reference, or the instruction is refused naming it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { brief } from './readings.js';


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

const turns = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'angle')
  .map((c) => `${c.subject}:${c.parameters.axis}:${Math.round(((c.parameters.angle ?? 0) * 180) / Math.PI)}`);

test('facing the floor points the front down; compass words and "itself" are refused; a faced object below is faced down', () => {
  assert.deepEqual(turns('Put the lamp on the table, facing the floor'), ['lamp:x:90']);
  assert.deepEqual(turns('Put the lamp on the table, facing the ground'), ['lamp:x:90']);
  assert.deepEqual(parseInstruction('Put the lamp on the table, facing the floor').entities.map((e) => e.name), ['lamp', 'table']);
  assert.throws(() => parseInstruction('Put the lamp on the table, facing north'),
    { message: "cannot honour 'north' in 'facing north': the scene has no compass directions (say 'facing left', 'facing the door', …)" });
  assert.throws(() => parseInstruction('Put the lamp on the table, facing itself'), { message: "'lamp' cannot face itself in 'facing itself'" });
  assert.deepEqual(turns('Place the camera 1 m above the table, facing the table'), ['camera:x:90']);
  const both = parseInstruction('Put the sofa near the chair, facing the chair, and the chair facing the sofa');
  assert.deepEqual(both.facings?.map((f) => `${f.subject}->${f.target}`), ['sofa->chair', 'chair->sofa']);
});

test('"along" + a later shape takes the shape on the support; "along" with no object after it is refused', () => {
  const circle = brief('Put the boxes along the shelf in a circle');
  assert.ok(circle.includes('on(box_1,shelf)') && !circle.some((c) => c.startsWith('aligned')), circle.join(' '));
  assert.ok(circle.includes('distance(box_3,box_1)'), circle.join(' '));
  for (const text of ['Put the boxes along', 'Put the boxes along the', 'Put the boxes along it']) {
    assert.throws(() => parseInstruction(text), { message: `cannot honour 'along' in '${text.toLowerCase()}': no relation or orientation reads it` });
  }
});

test('"to the floor"/"to the ground" after a verb of moving is on the ground plane', () => {
  assert.deepEqual(brief('Move the box to the floor'), ['on(box,)']);
  assert.deepEqual(brief('Move the box to the ground'), ['on(box,)']);
  assert.deepEqual(brief('Move the crate from the shelf to the floor'), ['on(crate,)']);
});

test('between, said of an object over something, is seen from above; references placed nowhere rest on that support', () => {
  const scene = parseInstruction('Place the camera 2 m above the table between the two lamps');
  assert.deepEqual(brief('Place the camera 2 m above the table between the two lamps'),
    ['above(camera,table)', 'near(camera,table)', 'between(camera,lamp_1+lamp_2)', 'on(lamp_1,table)', 'on(lamp_2,table)']);
  assert.equal(scene.constraints.find((c) => c.type === 'between')?.parameters.axis, 'z');
});
