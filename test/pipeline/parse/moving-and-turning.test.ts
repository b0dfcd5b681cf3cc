/**
 * Destinations after verbs of moving ("move the box to the shelf") and turns given to an object ("give it a quarter
 * turn"): forms that the ninth round of probing found misread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';

const brief = (text: string) => parseInstruction(text).constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')})`);
const names = (text: string) => parseInstruction(text).entities.map((e) => e.name);
const angles = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'angle')
  .map((c) => `${c.subject}:${c.parameters.axis}:${Math.round(((c.parameters.angle ?? 0) * 180) / Math.PI)}`);

test('"to" + an object after a verb of moving is the destination: on it, or into it for a container', () => {
  assert.deepEqual(brief('Move the box to the shelf.'), ['on(box,shelf)']);
  assert.deepEqual(brief('Send the crate to pallet 2.'), ['on(crate,pallet_2)']);
  assert.deepEqual(brief('Take the tray to the counter.'), ['on(tray,counter)']);
  assert.deepEqual(brief('Return the tote back to rack 2.'), ['on(tote,rack_2)']);
  assert.deepEqual(brief('Bring the mug over to the sink.'), ['inside(mug,sink)']);
  assert.deepEqual(brief('Move the vial to the tube rack.'), ['inside(vial,tube_rack)']);
  assert.deepEqual(brief('Pick up the cup and take it to the bin.'), ['inside(cup,bin)']);
  // A side relation written with "to" stays that relation; "to" after a verb of joining stays contact.
  assert.deepEqual(brief('Move the box to the left of the shelf.'), ['left(box,shelf)']);
  assert.deepEqual(brief('Attach the bracket to the frame.'), ['touching(bracket,frame)']);
  assert.deepEqual(brief('Slide the tray to the right.'), ['right(tray,)']);
});

test('"give it a quarter turn" turns the object the pronoun names; "give" is never an object', () => {
  assert.deepEqual(angles('Put the box on the table and give it a quarter turn.'), ['box:z:90']);
  assert.deepEqual(names('Put the box on the table and give it a quarter turn.'), ['box', 'table']);
  assert.deepEqual(angles('Place the crate on the pallet, then give it a half turn.'), ['crate:z:180']);
  assert.deepEqual(brief('Give the flange a quarter turn about x and set it on the base.'), ['angle(flange,)', 'on(flange,base)']);
});

test('"along" a surface is on it, a group in a row; along anything else is beside it, in a row', () => {
  const along = (text: string) => brief(text).filter((c) => !c.startsWith('distance') && !c.startsWith('aligned'));
  assert.deepEqual(along('Space the four bins evenly along shelf 2, 2 inches apart.'), ['on(bin_1,shelf_2)', 'on(bin_2,shelf_2)', 'on(bin_3,shelf_2)', 'on(bin_4,shelf_2)']);
  assert.deepEqual(along('Arrange two jars along the edge of the bench.'), ['on(jar_1,bench)', 'on(jar_2,bench)']);
  assert.deepEqual(along('Line up two boxes along the wall.'), ['near(box_1,wall)', 'near(box_2,wall)']);
  assert.ok(brief('Line up two boxes along the wall.').includes('aligned(box_2,box_1)'));
  // One object along a surface is on it, with no formation.
  assert.deepEqual(brief('Put the cable along the beam.'), ['on(cable,beam)']);
});
