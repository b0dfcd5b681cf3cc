import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import type { Constraint } from '../../../src/pipeline/types.js';
import { briefScene as brief } from './readings.js';

const one = (text: string): Constraint => {
  const s = parseInstruction(text);
  assert.equal(s.constraints.length, 1, `${text}: ${brief(s)}`);
  return s.constraints[0];
};

test('the seed simple case: box above table', () => {
  const s = parseInstruction('place box above table');
  assert.deepEqual(s.entities.map((e) => e.name), ['box', 'table']);
  assert.deepEqual(brief(s), ['above(box,table)']);
  const table = s.entities[1];
  assert.equal(table.category, 'reference');
  assert.equal(table.grounded, true);
  assert.deepEqual(table.halfExtents, [0.6, 0.4, 0.375]);
});

test('synonyms and paraphrases map to the same relation', () => {
  const cases: [string, string][] = [
    ['put the cup on top of the plate', 'on'], ['the cup sits on the plate', 'on'], ['set the cup onto the plate', 'on'],
    ['the lamp is over the cup', 'above'], ['put the cup underneath the lamp', 'below'], ['place the cup beneath the lamp', 'below'],
    ['place the cup to the left of the plate', 'left'], ['the cup should be on the right side of the plate', 'right'],
    ['put the cup in front of the plate', 'front'], ['the cup goes behind the plate', 'behind'],
    ['place the cup next to the plate', 'near'], ['keep the cup close to the plate', 'near'], ['the cup is beside the plate', 'near'],
    ['keep the cup away from the plate', 'far'], ['the cup must be far from the plate', 'far'],
    ['the cup is touching the plate', 'touching'], ['push the cup against the plate', 'touching'],
    ['drop the cup into the bin', 'inside'], ['the cup is in the bin', 'inside'], ['keep the cup outside the bin', 'outside'],
    ['make the rod parallel to the plate', 'parallel'], ['set the rod at right angles to the plate', 'perpendicular'],
    ['the cup should be aligned with the plate', 'aligned'],
  ];
  for (const [text, type] of cases) assert.equal(one(text).type, type, text);
});

/** A side or vertical relation written with a distance: the relation, then near(d) (the distance is the gap). */
const exact = (text: string): Constraint => {
  const s = parseInstruction(text);
  assert.equal(s.constraints.length, 2, `${text}: ${brief(s)}`);
  const [rel, near] = s.constraints;
  assert.equal(near.type, 'near');
  assert.equal(near.parameters.distance, rel.parameters.distance);
  return rel;
};

test('quantities are converted to SI units', () => {
  assert.equal(exact('place the red box 10cm above the blue cube').parameters.distance, 0.1);
  assert.equal(exact('place the red box 25 mm above the blue cube').parameters.distance, 0.025);
  assert.equal(exact('move the cup 0.5 m to the right of the plate').parameters.distance, 0.5);
  assert.equal(one('set the box two meters from the cube').parameters.distance, 2);
  assert.ok(Math.abs(one('rotate the box 90°').parameters.angle! - Math.PI / 2) < 1e-12);
  const r = one('tilt the plate by 0.5 radians about the x axis');
  assert.equal(r.type, 'angle');
  assert.equal(r.parameters.angle, 0.5);
  assert.equal(r.parameters.axis, 'x');
  const far = one('keep the sensor at least 50 cm away from the table');
  assert.equal(far.type, 'far');
  assert.equal(far.parameters.distance, 0.5);
  const near = one('keep the cup within 10 cm of the plate');
  assert.equal(near.type, 'near');
  assert.equal(near.parameters.distance, 0.1);
});

test('entity names come from the instruction: colours, sizes, ordinals, explicit indices', () => {
  assert.deepEqual(parseInstruction('put the small box inside the large box').entities.map((e) => e.name), ['small_box', 'large_box']);
  const s = parseInstruction('place the first box on the table, the second box on the first box');
  assert.deepEqual(brief(s), ['on(box_1,table)', 'on(box_2,box_1)']);
  assert.deepEqual(brief(parseInstruction('place object_3 left of object_7')), ['left(object_3,object_7)']);
  const small = parseInstruction('put the small cube on the table').entities[0];
  assert.ok(Math.abs(small.halfExtents[0] - 0.024) < 1e-12, 'small scales the 4 cm cube by 0.6');
  const robot = parseInstruction('place the camera above the robot arm').entities[1];
  assert.equal(robot.name, 'robot_arm');
  assert.equal(robot.category, 'reference');
});

test('pronouns and omitted subjects come from the previous clause', () => {
  assert.deepEqual(brief(parseInstruction('put the red box to the left of the blue box and the green box to the right of it')), ['left(red_box,blue_box)', 'right(green_box,blue_box)'], 'it = the previous clause\'s reference object');
  // The plate, placed nowhere, rests on the table the cup is on (as in 'the cup on the table near the plate').
  assert.deepEqual(brief(parseInstruction('the cup is on the table and near the plate')), ['on(cup,table)', 'near(cup,plate)', 'on(plate,table)']);
  const s = parseInstruction('place the sensor 30 cm above the conveyor, then rotate it 90 degrees');
  assert.deepEqual(brief(s), ['above(sensor,conveyor)', 'near(sensor,conveyor)', 'angle(sensor,)']);
});

test('clauses without separators are split at their verbs (seed stress case)', () => {
  const text = Array.from({ length: 10 }, (_, i) => `place object_${i} above object_${i + 1}`).join(' ');
  const s = parseInstruction(text);
  assert.equal(s.constraints.length, 10);
  assert.equal(s.entities.length, 11);
  assert.deepEqual(brief(s)[9], 'above(object_9,object_10)');
});

test('arrangements: pyramid, stack, row with spacing, grid', () => {
  const pyramid = parseInstruction('arrange 5 boxes in a pyramid with the red box at top and blue boxes forming the base, all on the table');
  assert.deepEqual(pyramid.entities.map((e) => e.name).sort(), ['blue_box_1', 'blue_box_2', 'blue_box_3', 'blue_box_4', 'red_box', 'table']);
  assert.equal(pyramid.constraints.filter((c) => c.type === 'on' && c.subject === 'red_box').length, 4, 'the top box rests on the four base boxes');
  assert.equal(pyramid.constraints.filter((c) => c.type === 'on' && c.targets[0] === 'table').length, 4, 'the base rests on the table');

  assert.deepEqual(brief(parseInstruction('stack 3 boxes on the table')), ['on(box_2,box_1)', 'on(box_3,box_2)', 'on(box_1,table)']);

  const row = parseInstruction('place 4 cubes in a row with 5 cm spacing');
  const distances = row.constraints.filter((c) => c.type === 'distance');
  assert.equal(distances.length, 3);
  for (const d of distances) {
    assert.equal(d.parameters.axis, 'x');
    assert.ok(Math.abs(d.parameters.distance! - (0.08 + 0.05)) < 1e-9, 'pitch = cube size + 5 cm gap');
  }
  const grid = parseInstruction('arrange 6 cubes in a 2 by 3 grid on the table');
  assert.equal(grid.entities.filter((e) => e.kind === 'cube').length, 6);
  assert.equal(grid.constraints.filter((c) => c.targets[0] === 'table').length, 6);
});

test('plurals without a count default (with a warning); between takes two', () => {
  const s = parseInstruction('align objects');
  assert.equal(s.entities.length, 3);
  assert.ok(s.warnings.some((w) => /assumed 3/.test(w)));
  const b = parseInstruction('move robot arm to position between objects');
  assert.deepEqual(brief(b), ['between(robot_arm,object_1+object_2)']);
});

test('superlatives and avoidance: grasp the leftmost object while avoiding the others', () => {
  const s = parseInstruction('position the robot arm to grasp the leftmost object while avoiding collision with other objects');
  assert.deepEqual(brief(s).sort(), ['left(object_1,object_2)', 'left(object_1,object_3)', 'outside(robot_arm,object_2)', 'outside(robot_arm,object_3)', 'touching(robot_arm,object_1)'].sort());
});

test('unknown nouns are objects of default size, with a warning', () => {
  const s = parseInstruction('place the widget above the gizmo');
  assert.deepEqual(brief(s), ['above(widget,gizmo)']);
  assert.ok(s.warnings.some((w) => w.includes("'widget'")));
});

test('errors name the problem', () => {
  const bad: [string, RegExp][] = [
    ['', /empty/], ['   ', /empty/], ['?!...', /no words/], ['place the box above the box', /itself/],
    ['place the box -3 cm above the table', /'-3 cm' must be a positive/], ['place the box 1e400 cm above the table', /not a finite/],
    ['place the box 500 m above the table', /100 m limit/], ['hello there', /no spatial relation found in 'hello there'/],
    ['placez la boîte au-dessus de la table', /no spatial relation/], ['x'.repeat(20_001), /limit is 20,000/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && message.test(e.message), text.slice(0, 40));
});

test('parsing is deterministic', () => {
  const text = 'arrange 10 boxes in a pyramid on the table, then place the robot arm 30 cm to the right of the table';
  assert.deepEqual(parseInstruction(text), parseInstruction(text));
});
