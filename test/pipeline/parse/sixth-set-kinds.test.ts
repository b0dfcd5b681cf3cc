/**
 * Failure kinds found by the sixth held-out set, each with instructions of our own: 'D or more' / 'D or less',
 * 'the top of X', 'centred over it', 'so they touch', lists of numbered nouns, a ring's radius, a gap between a
 * plural reference's members and distances between centres.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import type { SceneSpec } from '../../../src/pipeline/types.js';
import { briefScene as brief, names } from './readings.js';

const withDistance = (s: SceneSpec) => s.constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')},${c.parameters.distance ?? ''})`);

test('"D or more" is a lower bound, "D or less" an upper bound', () => {
  assert.deepEqual(withDistance(parseInstruction('Keep the heater 50 cm or more from the curtain.')), ['far(heater,curtain,0.5)']);
  assert.deepEqual(withDistance(parseInstruction('Keep the cart 3 m or further away from the door.')), ['far(cart,door,3)']);
  assert.deepEqual(withDistance(parseInstruction('Put the pen right of the book, 5 cm or less away.')), ['right(pen,book,)', 'near(pen,book,0.05)']);
  // "or" between nouns is no bound.
  assert.throws(() => parseInstruction('Keep the heater 50 cm or the curtain.'));
});

test('the top (or bottom) of a reference after a vertical relation is the reference', () => {
  assert.deepEqual(brief(parseInstruction('The panel is clipped onto the top of the cabinet.')), ['on(panel,cabinet)']);
  assert.deepEqual(brief(parseInstruction('Hang the fan above the upper surface of the bench.')), ['above(fan,bench)']);
  assert.deepEqual(brief(parseInstruction('Mount the light under the underside of the shelf.')), ['below(light,shelf)']);
  // A side relation keeps its reading.
  assert.deepEqual(brief(parseInstruction('Put the box left of the crate.')), ['left(box,crate)']);
});

test('"so they touch": a mutual relation with no reference holds between the objects "they" names', () => {
  assert.deepEqual(brief(parseInstruction('Put the lamp left of the sofa so they touch.')), ['left(lamp,sofa)', 'touching(lamp,sofa)']);
  assert.deepEqual(brief(parseInstruction('Set the crate behind the cart so that they are in contact.')), ['behind(crate,cart)', 'touching(crate,cart)']);
  assert.deepEqual(brief(parseInstruction('The two beams touch.')), ['touching(beam_1,beam_2)']);
  // One object and nothing to touch still fails.
  assert.throws(() => parseInstruction('Put the mug on the table so it touches.'), /needs a reference object/);
});

test('"…, centred over it" after a support relation names that relation\'s reference, not the subject', () => {
  assert.deepEqual(brief(parseInstruction('The hood is fixed 40 cm above the stove, centred over it.')), ['above(hood,stove)', 'near(hood,stove)', 'above(hood,stove)']);
  // A side relation's reference as before, and "on it" with a subject of its own stays the subject before.
  assert.deepEqual(brief(parseInstruction('Put the tote right of the bin, touching it.')), ['right(tote,bin)', 'touching(tote,bin)']);
  assert.deepEqual(brief(parseInstruction('Put the crate on the pallet and the box on it.')), ['on(crate,pallet)', 'on(box,crate)']);
});

test('a list of numbered nouns that are also verbs keeps every member', () => {
    assert.deepEqual(names('Set slide 7, slide 8 and slide 9 side by side on the tray.'), ['slide_7', 'slide_8', 'slide_9', 'tray']);
  assert.deepEqual(names('Put stage 4 and stage 5 in a row.'), ['stage_4', 'stage_5']);
  // A verb that opens its own clause stays a verb.
  assert.deepEqual(brief(parseInstruction('Slide crate 1 onto the pallet and slide crate 2 onto the cart.')), ['on(crate_1,pallet)', 'on(crate_2,cart)']);
});

test('"a D gap between" two references (or a plural reference of two) is that gap between them', () => {
  assert.deepEqual(withDistance(parseInstruction('Leave a 15 cm gap between the two carts.')), ['far(cart_2,cart_1,0.15)', 'near(cart_2,cart_1,0.15)']);
  assert.deepEqual(withDistance(parseInstruction('Leave a 1 m gap between the shelf and the door.')), ['far(door,shelf,1)', 'near(door,shelf,1)']);
  // A group's own gap stays its spacing.
  assert.equal(parseInstruction('Put 3 bins in a row with a 5 cm gap between them.').constraints[0].parameters.spacing, 0.05);
});

test('a trailing "radius D" or "diameter D" sizes the formation of the clause before it', () => {
  const ring = parseInstruction('Set out four posts in a ring around the mast, radius 2 m.');
  assert.deepEqual(ring.entities.map((e) => e.name), ['post_1', 'post_2', 'post_3', 'post_4', 'mast']);
  const toMast = ring.constraints.find((c) => c.subject === 'post_1' && c.targets[0] === 'mast');
  assert.ok(Math.abs((toMast?.parameters.distance ?? 0) - 2) < 0.01);
  const across = parseInstruction('Arrange 4 stools in a circle around the table, diameter 3 m.').constraints.find((c) => c.subject === 'stool_1' && c.targets[0] === 'table');
  assert.ok(Math.abs((across?.parameters.distance ?? 0) - 1.5) < 0.01);
});

test('"D apart, centre to centre" measures the spacing between centres', () => {
  const pins = parseInstruction('Space the two studs 120 mm apart, centre to centre.').constraints.find((c) => c.type === 'distance');
  assert.equal(pins?.parameters.distance, 0.12);
  const tubes = parseInstruction('Place 3 vials in a row 4 cm apart on centres.').constraints.find((c) => c.type === 'distance');
  assert.equal(tubes?.parameters.distance, 0.04);
  // Without it "apart" is the gap between the objects' sides.
  const gap = parseInstruction('Space the two studs 120 mm apart.').constraints.find((c) => c.type === 'distance');
  assert.ok((gap?.parameters.distance ?? 0) > 0.12);
});

test('"facing <object>" beside a side relation to it turns the subject\'s front (−y) towards it', () => {
  const yaw = (text: string) => parseInstruction(text).constraints.find((c) => c.type === 'angle')?.parameters.angle;
  assert.equal(yaw('Put the bench 2 m in front of the stage, facing it.'), Math.PI);
  assert.equal(yaw('Set the stool behind the counter, facing the counter.'), 0);
  assert.equal(yaw('Place the fan left of the desk facing the desk.'), Math.PI / 2);
  assert.equal(yaw('Place the fan right of the desk to face it.'), -Math.PI / 2);
  // The fixed directions keep their reading; with no side relation to the object the turn is set after the solve.
  assert.equal(yaw('Put the robot on the table facing left.'), -Math.PI / 2);
  const free = parseInstruction('Put the box on the shelf facing the door.');
  assert.equal(yaw('Put the box on the shelf facing the door.'), undefined);
  assert.deepEqual(free.facings?.map((f) => `${f.subject}->${f.target}`), ['box->door']);
});

test('"D or more apart" is a lower bound on every pair\'s gap', () => {
  assert.deepEqual(withDistance(parseInstruction('Keep the two lamps 40 cm or more apart.')), ['far(lamp_2,lamp_1,0.4)']);
});
