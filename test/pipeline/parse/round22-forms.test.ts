/**
 * Forms the blind sets heldout35 and heldout36 exposed, each tested in other words: a comma list after "line up",
 * describing words before a formation with no article, a formation put inside a container, and "light" as the noun
 * of a bare phrase.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { brief } from './readings.js';

test('"line up" with a comma list aligns every member, as "arrange" does', () => {
  assert.deepEqual(brief('Line up pin A, pin B and pin C.'), ['aligned(pin_b,pin_a)', 'aligned(pin_c,pin_b)']);
  assert.deepEqual(brief('line up the jar, the mug and the vase from left to right'), brief('arrange the jar, the mug and the vase from left to right'));
  // A list of two clauses is still two clauses.
  assert.deepEqual(brief('Line up the boxes, then put the lid on box 1.'), ['aligned(box_2,box_1)', 'aligned(box_3,box_2)', 'on(lid,box_1)']);
});

test('describing words before a formation with no article: "in equilateral triangle", "in straight line" are no container', () => {
  const triangle = brief('set 3 cones in equilateral triangle on the mat');
  assert.ok(triangle.includes('on(cone_1,mat)') && triangle.includes('on(cone_3,mat)'), triangle.join(' '));
  assert.ok(!triangle.some((r) => r.startsWith('inside')), triangle.join(' '));
  assert.deepEqual(brief('put 3 cups in straight line on the shelf').filter((r) => r.startsWith('on(')), ['on(cup_1,shelf)', 'on(cup_2,shelf)', 'on(cup_3,shelf)']);
  // A describing word before a container is still a container.
  assert.deepEqual(brief('put the ball in large box'), ['inside(ball,large_box)']);
});

test('a formation put inside a container makes it hold the formation\'s length, not a square grid of its members', () => {
  const scene = parseInstruction('Put five vials in a row in the tray box.');
  const box = scene.entities.find((e) => e.name === 'tray_box') ?? scene.entities.find((e) => e.kind === 'box')!;
  const vial = scene.entities.find((e) => e.name === 'vial_1')!;
  const spacing = scene.constraints.find((c) => c.type === 'distance' && c.parameters.axis === 'x')!.parameters.distance as number;
  // The row's length: four centre spacings plus one vial's width, inside the container's x extent.
  assert.ok(2 * box.halfExtents[0] >= 4 * spacing + 2 * vial.halfExtents[0], `${2 * box.halfExtents[0]} m holds the row`);
});

test('"light" opening a phrase with no article is the object ("hang light over the desk"), still a describing word before a noun', () => {
  assert.deepEqual(brief('hang light 30 cm over the desk'), brief('hang the light 30 cm over the desk'));
  assert.deepEqual(brief('set light left of the monitor'), ['left(light,monitor)']);
  // Before a noun it still describes it.
  assert.deepEqual(brief('place light crate on the shelf'), ['on(crate,shelf)']);
});
