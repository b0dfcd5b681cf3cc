/**
 * Failure kinds found by the seventh held-out set, each with instructions of our own: size classes of a machine's
 * base plate and base frame.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { brief, kinds } from './readings.js';


test('a base plate and a base frame are a machine\'s, not a dinner plate or a picture frame', () => {
  assert.deepEqual(kinds('Mount the pump on the baseplate.'), ['pump:box:0.05/0.05/0.05', 'baseplate:base_plate:0.25/0.2/0.01']);
  assert.deepEqual(kinds('Set the gearbox on the base frame.'), ['gearbox:gearbox:0.12/0.1/0.1', 'base_frame:base_frame:0.6/0.4/0.05']);
  // Three spacers in a triangle now fit on a base plate; a plain plate stays a dinner plate.
  assert.equal(parseInstruction('Arrange three spacers in a triangle on the mounting plate.').constraints.filter((c) => c.type === 'on').length, 3);
  assert.deepEqual(kinds('Put the cup on the plate.'), ['cup:cup:0.04/0.04/0.05', 'plate:plate:0.11/0.11/0.01']);
});


test('"hovers", "floats" and "waits" are verbs, never part of a noun', () => {
  assert.deepEqual(brief('The nozzle hovers 3 mm above the board.'), ['above(nozzle,board)', 'near(nozzle,board)']);
  assert.deepEqual(brief('The camera floats over the bench.'), ['above(camera,bench)']);
  assert.deepEqual(brief('Keep the gripper hovering above bin 2.'), ['above(gripper,bin_2)']);
  assert.deepEqual(brief('The cart waits behind the door.'), ['behind(cart,door)']);
});

test('a side relation with no reference after a side relation\'s clause, its verb elided, names that reference', () => {
  assert.deepEqual(brief('Put the mouse right of the laptop and the phone to the left.'), ['right(mouse,laptop)', 'left(phone,laptop)']);
  assert.deepEqual(brief('Park cart 1 in front of the dock and cart 2 behind.'), ['front(cart_1,dock)', 'behind(cart_2,dock)']);
  // A clause with a verb of its own moves relative to the world, and "it" alone is still no object.
  assert.deepEqual(brief('Put the pen left of the book. Then move the cup to the right.'), ['left(pen,book)', 'right(cup,)']);
  assert.throws(() => parseInstruction('move it 10 cm to the left'), /no object for/);
});

test('a labelled verb form opening its clause before a copula, verb or relation is its subject', () => {
  assert.deepEqual(brief('Clamp 4 goes left of the jig, clamp 5 right of it and clamp 6 behind it.'), ['left(clamp_4,jig)', 'right(clamp_5,jig)', 'behind(clamp_6,jig)']);
  assert.deepEqual(brief('Grip 2 is left of the box.'), ['left(grip_2,box)']);
  // A verb before a counted noun stays a verb.
  assert.deepEqual(brief('Slide 2 crates onto the pallet.'), ['on(crate_1,pallet)', 'on(crate_2,pallet)']);
  assert.deepEqual(brief('Clamp the bracket left of the frame.'), ['left(bracket,frame)']);
});

test('"centres D apart" is a spacing between centres, also as a clause of its own after a formation', () => {
  const spacing = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.distance);
  assert.deepEqual(spacing('Put 3 vials in a row in the tube rack, centres 4 cm apart.'), [0.04, 0.04]);
  assert.deepEqual(spacing('Place 2 bins in a row with centers 50 cm apart.'), [0.5]);
  // Without the word the spacing is between sides (two 40 cm bins: centres 90 cm apart).
  assert.deepEqual(spacing('Place 2 bins in a row, 50 cm apart.'), [0.9]);
});

test('"into" before a formation is no container, as "in" is not', () => {
  assert.deepEqual(brief('Stack three crates into a column on pallet 2.'), ['on(crate_2,crate_1)', 'on(crate_3,crate_2)', 'on(crate_1,pallet_2)']);
  assert.equal(parseInstruction('Arrange 3 books into a row on the desk.').constraints.filter((c) => c.type === 'on').length, 3);
  // "into" a container stays inside.
  assert.deepEqual(brief('Drop the part into the bin.'), ['inside(part,bin)']);
});

test('"before", "after", "while" or "when" and a verb\'s -ing form open a clause of their own', () => {
  assert.deepEqual(brief('Rotate the tray 90° about z before placing it on the reader.'), ['angle(tray,)', 'on(tray,reader)']);
  assert.deepEqual(brief('Turn the crate 45 degrees after putting it on the pallet.'), ['angle(crate,)', 'on(crate,pallet)']);
  // Before a noun, "before" stays what it was.
  assert.deepEqual(brief('Put the box on the table before the cup.'), ['on(box,table)', 'on(box,cup)']);
});

test('a side relation after the subject\'s support in one clause puts its movable references on that support', () => {
  assert.deepEqual(brief('Put the bowl on the counter between the two jars.'),
    ['on(bowl,counter)', 'between(bowl,jar_1+jar_2)', 'on(jar_1,counter)', 'on(jar_2,counter)', 'left(jar_1,bowl)', 'right(jar_2,bowl)']);
  assert.deepEqual(brief('Put the box on the pallet next to the crate.'), ['on(box,pallet)', 'near(box,crate)', 'on(crate,pallet)']);
  // A reference (a sink, a rack) or an object already supported elsewhere stays where it is.
  assert.deepEqual(brief('Put the cup on the tray next to the sink.'), ['on(cup,tray)', 'near(cup,sink)']);
  assert.deepEqual(brief('Put the cup on the saucer. Put the box on the table next to the cup.'), ['on(cup,saucer)', 'on(box,table)', 'near(box,cup)']);
});

test('"looking", "pointing" or "aimed" with a direction turn the front (the view axis, −y) that way', () => {
  const turns = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'angle').map((c) => `${c.parameters.axis}:${Math.round((c.parameters.angle ?? 0) * 180 / Math.PI)}`);
  assert.deepEqual(turns('The camera hangs 1 m above the table, looking down.'), ['x:90']);
  assert.deepEqual(turns('Mount the sensor above the belt pointing straight down.'), ['x:90']);
  assert.deepEqual(turns('Put the lamp on the floor, aimed up.'), ['x:-90']);
  assert.deepEqual(turns('Put the camera right of the box, looking left.'), ['z:-90']);
  // With no direction the word is not honoured: the instruction fails naming it.
  assert.throws(() => parseInstruction('Put the box on the table looking at the cup.'), /cannot honour 'looking'/);
});

test('a centrifuge tube and a rotor have their own size classes', () => {
  assert.deepEqual(kinds('Put centrifuge tube 3 into the rotor.'), ['centrifuge_tube_3:centrifuge_tube:0.0085/0.0085/0.06', 'rotor:rotor:0.12/0.12/0.07']);
});
