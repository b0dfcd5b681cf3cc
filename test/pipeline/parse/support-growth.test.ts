/**
 * Supports of unstated size grow to hold what is put on them (src/pipeline/parse/support-growth.ts): along one axis
 * when one suffices, the group's own need counted once; at most MAX_GROWTH times the kind's size and never past the
 * 100 m scene limit, beyond which the instruction is refused naming the room needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';

/** Full sizes (x × y × z, metres, to the millimetre) of an entity. */
const size = (text: string, name: string) => parseInstruction(text).entities.find((e) => e.name === name)!.halfExtents.map((h) => Math.round(2 * h * 1e3) / 1e3);
const refused = (text: string, message: string) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && e.message === message, text);

test('objects put on a support of unstated size make it grow along one axis, their footprints counted once', () => {
  // 0.5 × 0.4 m crates on a 0.6 × 0.45 m dolly: lined up along x, 4.0 m × the keep-in room 1/(1 − 0.3); its depth kept
  // (was 6.43 × 4.57 m, the group's need added again as a formation's, both axes grown).
  assert.deepEqual(size('Put 8 crates on the dolly', 'dolly'), [5.714, 0.45, 0.12]);
  assert.deepEqual(size('Put 4 crates on the dolly', 'dolly'), [2.857, 0.45, 0.12]);
  // Side by side by separate relations: the gearbox is wider than the bracket, and rests centred across it.
  assert.deepEqual(size('Set the motor on the bracket and the gearbox on the bracket as well.', 'bracket'), [0.429, 0.04, 0.08]);
});

test('a support grows at most to 10 times its size and never past 100 m: beyond, the instruction is refused naming the room needed', () => {
  refused(
    'Put 30 crates on the dolly',
    "30 objects side by side on the dolly need 15.00 m along x or 12.00 m along y (their footprints), but a dolly whose size is not stated grows to at most 10 times its size (a 6.00 × 4.50 m top, holding 4.20 × 3.15 m of footprints): they do not fit on the dolly (in 'put 30 crates on the dolly')",
  );
  refused(
    'Put 1000 bins on the shelf',
    "1000 objects side by side on the shelf need 400.00 m along x or 300.00 m along y (their footprints), but a shelf whose size is not stated grows to at most 10 times its size (a 10.00 × 4.00 m top, holding 7.00 × 2.80 m of footprints): they do not fit on the shelf (in 'put 1000 bins on the shelf')",
  );
  refused(
    'Put 300 crates on the deck',
    "300 objects side by side on the deck need 150.00 m along x or 120.00 m along y (their footprints), but no support is larger than the 100 m scene limit: they do not fit on the deck (in 'put 300 crates on the deck')",
  );
  const listed = `Put ${Array.from({ length: 1500 }, (_, k) => `crate ${k + 1}`).join(', ')} in a row on the pallet`;
  assert.throws(() => parseInstruction(listed), (e: Error) => e instanceof ParseError && /^1500 crates in a row need 779\.98 × 0\.40 m \(their footprints\), but a pallet whose size is not stated grows to at most 10 times its size/.test(e.message));
});

test('objects put on a support of stated size by separate relations are refused when they do not fit side by side', () => {
  refused(
    'Put crate A on the 60 cm cart, then put crate B on the cart as well',
    "2 objects side by side on the cart need 1.00 m along x or 0.80 m along y (their footprints), but its top is 0.60 × 0.60 m: they do not fit on it (in 'put crate a on the 60 cm cart, then put crate b on the cart as well')",
  );
});

test('a support grows along the axis of the side relation that sets apart the objects on it', () => {
  // Behind: along y (the deck grew along x to 0.25 × 0.10 m and the two stood along y at margin 0.20).
  assert.deepEqual(size('Place the reagent reservoir behind the tip rack on the deck.', 'deck'), [0.15, 0.2, 0.08]);
  // Left of: along x.
  assert.deepEqual(size('Place the reagent reservoir left of the tip rack on the deck.', 'deck'), [0.25, 0.1, 0.08]);
});

test('a formation after a comma grows its members\' support as it does without the comma', () => {
  for (const tail of [', side by side', ' side by side']) {
    assert.deepEqual(size(`Put three blue bins on the cart${tail}.`, 'cart'), size('Put three blue bins on the cart side by side.', 'cart'), tail);
  }
  assert.deepEqual(size('Put blue bins x3 on the cart, side by side.', 'cart'), size('Put blue bins x3 on the cart side by side.', 'cart'));
  // A support of stated size refuses the row either way.
  assert.throws(() => parseInstruction('Put three blue bins on the 80 cm cart, side by side.'), ParseError);
});
