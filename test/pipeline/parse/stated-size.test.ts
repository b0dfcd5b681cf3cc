/**
 * Sizes written before a noun (src/pipeline/parse/stated-size.ts): lengths with a dimension word, `A x B (x C)`,
 * `A by B`, sizes after a count; refused with the size words named when they cannot be a size (zero, under 1 mm,
 * negative, a side stated twice); two phrases naming one object with different sizes are refused, asking for labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { brief } from './readings.js';

/** Full sizes (x × y × z, metres) of an entity. */
const size = (text: string, name: string) => parseInstruction(text).entities.find((e) => e.name === name)!.halfExtents.map((h) => Math.round(2 * h * 1e6) / 1e6);
const refused = (text: string, message: string) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && e.message === message, text);

test('length × width (× height) before a noun: 2 x 1 m, 2x1 m, 2 m by 1 m, 120x80 cm, 1.2 x 0.8 x 0.75 m', () => {
  assert.deepEqual(brief('Put the box on the 2 x 1 m table'), ['on(box,table)']);
  assert.deepEqual(size('Put the box on the 2 x 1 m table', 'table'), [2, 1, 0.75]);
  assert.deepEqual(size('Put the box on the 2x1 m table', 'table'), [2, 1, 0.75]);
  assert.deepEqual(size('Put the box on the 2 m by 1 m table', 'table'), [2, 1, 0.75]);
  assert.deepEqual(size('Put the box on the 120x80 cm table', 'table'), [1.2, 0.8, 0.75]);
  assert.deepEqual(size('Put the box on the 2 m x 50 cm table', 'table'), [2, 0.5, 0.75]);
  assert.deepEqual(size('Put the box on a 1.2 x 0.8 x 0.75 m bench', 'bench'), [1.2, 0.8, 0.75]);
  // A grid's size has no unit: still a grid.
  assert.equal(parseInstruction('Arrange 9 beakers in a 3 by 3 grid on the tray, 5 cm apart').entities.filter((e) => e.name.startsWith('beaker_')).length, 9);
});

test('a length with its dimension word: 1 m tall, 2 m long 50 cm wide, 40 cm deep; a plain length is the longer side', () => {
  assert.deepEqual(brief('Put the 1 m tall lamp next to the sofa'), ['near(lamp,sofa)']);
  assert.deepEqual(size('Put the 1 m tall lamp next to the sofa', 'lamp'), [0.16, 0.16, 1]);
  assert.deepEqual(brief('Put the 2 m long 50 cm wide board on the table'), ['on(board,table)']);
  assert.deepEqual(size('Put the 2 m long 50 cm wide board on the table', 'board'), [2, 0.5, 0.02]);
  assert.deepEqual(size('Put the box on the 1 m tall and 40 cm wide stool', 'stool'), [0.4, 0.4, 1]);
  assert.deepEqual(size('Put the box on the 40 cm deep shelf', 'shelf'), [1, 0.4, 1.8]);
  assert.deepEqual(size('Put the box on the 60 cm wide shelf', 'shelf'), [0.6, 0.4, 1.8]);
  assert.deepEqual(size('Put the box on the 2 m shelf', 'shelf'), [2, 0.4, 1.8]);
  // After a count, each member's size.
  assert.deepEqual(size('Put two 1 m shelves next to each other', 'shelf_2'), [1, 0.4, 1.8]);
});

test("sizes that cannot be are refused naming the size words: 0 m, under 1 mm, negative ('size', not 'distance'), over 100 m", () => {
  refused('Put the box on the 0 m shelf', "size '0 m' of the shelf must be a positive length");
  refused('Put the 0.0001 mm washer on the bolt', "size '0.0001 mm' of the washer is under 1 mm; a stated size must be at least 1 mm");
  refused('Put the box on a -1 m table', "size '-1 m' of the table must be a positive length");
  refused('Put the box on the 2 x 0 m table', "size '2 x 0 m' of the table must be a positive length");
  refused('Put the box on the 200 m shelf', "size '200 m' of the shelf is over the 100 m limit");
});

test('size words that cannot be read are refused naming them', () => {
  refused('Put the box on the 2 m long 3 m long shelf', "cannot read the size '2 m long 3 m long' of the shelf: it states the length twice");
  refused('Put the box on the 2 m long 1 m shelf', "cannot read the size '2 m long 1 m' of the shelf: '1 m' has no word saying which side it measures (long, wide, deep, tall)");
  refused('Put the box on the 2 m x 1 table', "cannot read the size '2 m x 1' of the table: write at most three sides, each with its unit or one unit after the last ('2 x 1 m', '1.2 x 0.8 x 0.75 m')");
});

test('one noun with two different stated sizes is two objects the names cannot tell apart: refused, asking for labels', () => {
  refused(
    'Put the box on the 1 m shelf, then put the crate on the 2 m shelf',
    "'the 1 m shelf' and 'the 2 m shelf' both name 'shelf' but state different sizes (its length 1 m and 2 m); tell them apart by a label ('shelf 1', 'shelf 2') in 'put the crate on the 2 m shelf'",
  );
  refused(
    'Put the 1 m shelf and the 2 m shelf next to each other',
    "'the 1 m shelf' and 'the 2 m shelf' both name 'shelf' but state different sizes (its length 1 m and 2 m); tell them apart by a label ('shelf 1', 'shelf 2') in 'put the 1 m shelf and the 2 m shelf next to each other'",
  );
  // The same size twice, or the size once and the bare noun after, is one object.
  assert.deepEqual(brief('Put the box on the 1 m shelf, then put the crate on the 1 m shelf'), ['on(box,shelf)', 'on(crate,shelf)']);
  assert.deepEqual(size('Put the cup on the 1 m shelf and the box on the shelf', 'shelf'), [1, 0.4, 1.8]);
  // Labelled, they are two.
  assert.deepEqual(size('Put the box on the 1 m shelf 1, then put the crate on the 2 m shelf 2', 'shelf_2'), [2, 0.4, 1.8]);
});

test('a size after the noun, each length with its dimension word, is the stated size: a box 30 cm wide', () => {
  assert.deepEqual(parseInstruction('Put a box 30 cm wide on the table.').constraints.map((c) => [c.type, c.parameters]), [['on', {}]]);
  assert.deepEqual(parseInstruction('Put a box 30 cm wide on the table.').entities[0].halfExtents, [0.15, 0.15, 0.05]);
  assert.deepEqual(parseInstruction('Set a tray 40 cm long and 30 cm deep on the bench.').entities[0].halfExtents.slice(0, 2), [0.2, 0.15]);
  // A bare length after the noun stays a distance, and 'high' may be a height above: neither is a size.
  assert.equal(parseInstruction('Put the box 30 cm left of the crate.').constraints[0].parameters.distance, 0.3);
  assert.equal(parseInstruction('Hang the lamp 2 m high above the table.').entities[0].halfExtents[2], 0.15);
});

test('feet and inches before a dimension word are one stated size, as quantities read them: a box 2 ft 6 in wide', () => {
  const box = parseInstruction('Put a box 2 ft 6 in wide on the table');
  assert.deepEqual(box.constraints.map((c) => [c.type, c.parameters]), [['on', {}]]);
  assert.ok(Math.abs(box.entities[0].halfExtents[0] - 0.381) < 1e-9);
  assert.ok(!box.warnings.some((w) => w.includes('wide')));
  const tray = parseInstruction('Put a box 2 ft 6 inches wide and 1 ft deep on the table').entities[0].halfExtents;
  assert.ok(Math.abs(tray[0] - 0.381) < 1e-9 && Math.abs(tray[1] - 0.1524) < 1e-9);
  // As a distance it stays one length.
  assert.ok(Math.abs((parseInstruction('Put the box 2 ft 6 in left of the crate').constraints[0].parameters.distance ?? 0) - 0.762) < 1e-9);
});
