/**
 * Trailing distances and group modifiers after a comma or "by", letter lists and part codes as names, work-sheet
 * headings, direction words used as modifiers, "its" after a "with" clause, and the tool of a pick placed to the
 * object it takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { briefScene as brief, names } from './readings.js';

const distances = (text: string, type: string) => parseInstruction(text).constraints.filter((c) => c.type === type).map((c) => c.parameters.distance);
const refused = (text: string, message: RegExp) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && message.test(e.message), text);

test('a distance after the reference, a comma or "by" modifies the relation', () => {
  assert.ok(Math.abs(distances('set the lamp behind the sofa, 3 ft away', 'behind')[0]! - 0.9144) < 1e-9);
  assert.deepEqual(distances('move the tray below the shelf by 20 cm', 'below'), [0.2]);
  assert.deepEqual(distances('keep the kettle right of the toaster, 8 cm apart', 'right'), [0.08]);
  assert.deepEqual(distances('valve V3 left of pump P7, roughly 25 cm gap', 'left'), [0.25]);
  // "away from" stays a relation of its own.
  assert.equal(parseInstruction('keep the heater at least 40 cm away from the tank').constraints[0].type, 'far');
});

test('a distance that nothing can take fails the instruction instead of an ok', () => {
  refused('put the jar on the counter, 12 cm', /distance/);
  refused('place the spoon left of the fork near the knife 3 cm and 4 cm', /distance/);
  // Arrangements and alignments take spacings and radii, not a bare distance.
  refused('pile 4 crates on the pallet, 15 cm', /distance 15 cm/);
  refused('put six mugs in a circle, 7 cm', /distance 7 cm/);
  refused('align the jars, 3 cm', /distance 3 cm/);
});

test('a trailing spacing or contact spaces the group the clause made', () => {
  const spaced = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.spacing);
  assert.deepEqual(spaced('lay the four tiles in a row, 6 cm apart'), [0.06, 0.06, 0.06]);
  assert.deepEqual(spaced('Line up four drums, 50 cm apart'), [0.5, 0.5, 0.5]);
  assert.deepEqual(spaced('put three jars on the counter, 4 cm apart'), [0.04, 0.04]);
  // In contact: a gap of zero, one row (not a second row fighting the default spacing).
  assert.deepEqual(spaced('six cartons in a row on the bench, in contact'), [0, 0, 0, 0, 0]);
});

test('letter lists, part codes and headings', () => {
  assert.deepEqual(names('stack bins P, Q and R'), ['bin_p', 'bin_q', 'bin_r']);
  assert.deepEqual(brief(parseInstruction('pile spacer #4, spacer #5 and spacer #6')), ['on(spacer_5,spacer_4)', 'on(spacer_6,spacer_5)']);
  assert.deepEqual(brief(parseInstruction('mount sensor S12 above valve V3')), ['above(sensor_s12,valve_v3)']);
  assert.deepEqual(brief(parseInstruction('Step 4: fixture F2 behind plate C1')), ['behind(fixture_f2,plate_c1)']);
  assert.deepEqual(names('Arrange jars X, Y and W in a row'), ['jar_x', 'jar_y', 'jar_w']);
  // A work-sheet location is no object: refused clearly, never an entity named 'position'.
  refused('set the tote at position 7', /'position 7' is a location label/);
  refused('drop the part in pos. 4', /'pos 4' is a location label/);
  assert.deepEqual(names('Position 2 trays on the bench'), ['tray_1', 'tray_2', 'bench']);
  // An article stays an article.
  assert.deepEqual(names('put boxes on a shelf'), ['box_1', 'box_2', 'box_3', 'shelf']);
});

test('a direction word between a determiner and a noun is a modifier', () => {
  assert.deepEqual(brief(parseInstruction('put the right drawer to the right of the middle drawer')), ['right(right_drawer,middle_drawer)']);
  assert.deepEqual(brief(parseInstruction('place the mat next to the front gate')), ['near(mat,front_gate)']);
  assert.deepEqual(brief(parseInstruction('put the cup at the back of the desk')), ['behind(cup,desk)']);
});

test('"on its left" after a "with" clause relates to the clause\'s object, for every conjunct', () => {
  assert.deepEqual(brief(parseInstruction('Set the vase down, with the candle on its right and the clock on its left')), ['right(candle,vase)', 'left(clock,vase)']);
  assert.deepEqual(brief(parseInstruction('lay the book down with the pen to its right')), ['right(pen,book)']);
});

test('the tool of a pick is placed to the object: it touches the object from above', () => {
  const s = parseInstruction('grasp the nut with the gripper and put it on the bolt');
  assert.deepEqual(brief(s), ['touching(gripper,nut)', 'above(gripper,nut)', 'on(nut,bolt)']);
  // Into a container the tool cannot follow from above: it only touches.
  assert.deepEqual(brief(parseInstruction('take the vial with the gripper and drop it in the rack')), ['touching(gripper,vial)', 'inside(vial,rack)']);
});
