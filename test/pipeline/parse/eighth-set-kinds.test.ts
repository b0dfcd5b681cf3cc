/**
 * Failure kinds found by the eighth held-out set, each with instructions of our own: a fastener's size class and
 * angles written as a fraction of a turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { brief, kinds, angles } from './readings.js';


test('a fastener is a bolt of a few centimetres, so three fit in a triangle on a plate', () => {
  assert.deepEqual(kinds('Put the fastener left of the bracket.'), ['fastener:bolt:0.006/0.006/0.03', 'bracket:bracket:0.03/0.02/0.04']);
  assert.equal(parseInstruction('Put 3 fasteners in a triangle on the plate.').constraints.filter((c) => c.type === 'on').length, 3);
});

test('"a quarter turn", "a half turn", "half a turn" and "a quarter-turn" are angles of 90° and 180°', () => {
  assert.deepEqual(angles('The tote sits on the cart, rotated a quarter turn about z.'), ['tote:z:90']);
  assert.deepEqual(angles('Rotate the gearbox a quarter turn about z.'), ['gearbox:z:90']);
  assert.deepEqual(angles('Turn the flange half a turn about x.'), ['flange:x:180']);
  assert.deepEqual(angles('Set the tray on the bench, turned a quarter-turn.'), ['tray:z:90']);
  // 'a' before the fraction is its article, never the object's name; 'turn' after it starts no clause.
  assert.deepEqual(angles('Turn the crate a half turn.'), ['crate:z:180']);
  assert.deepEqual(brief('Turn the flange a half turn about x and place it on the base.'), ['angle(flange,)', 'on(flange,base)']);
  // "quarter" alone measures nothing: the clause is read without an angle.
  assert.deepEqual(angles('Put the quarter on the table.'), []);
});

test('contact on a named side of the reference is that side relation and touching', () => {
  assert.deepEqual(brief('Push the bookcase flush against the left side of the wardrobe.'), ['left(bookcase,wardrobe)', 'touching(bookcase,wardrobe)']);
  assert.deepEqual(brief('Slide the tote against the back of the rack.'), ['behind(tote,rack)', 'touching(tote,rack)']);
  assert.deepEqual(brief('Set the lamp against the right-hand side of the desk.'), ['right(lamp,desk)', 'touching(lamp,desk)']);
  assert.deepEqual(brief('Fit the block flush with the front face of the housing.'), ['front(block,housing)', 'touching(block,housing)']);
  // With no side named, contact alone; a pronoun after "side of" is not read twice, and the clause fails naming 'side'.
  assert.deepEqual(brief('Put the box against the crate.'), ['touching(box,crate)']);
  assert.throws(() => parseInstruction('Put the cup on the table and push the cart flush against the left side of it.'), /side|itself/);
});

test('a fronted place applies to a declarative clause after it, and a labelled verb form after a relation is its reference', () => {
  assert.deepEqual(brief('On the counter, the kettle sits behind the toaster.'), ['behind(kettle,toaster)', 'on(kettle,counter)', 'on(toaster,counter)']);
  assert.deepEqual(brief('On the bench, clamp C goes behind clamp D.'), ['behind(clamp_c,clamp_d)', 'on(clamp_c,bench)', 'on(clamp_d,bench)']);
  assert.deepEqual(brief('Place the box left of press 2.'), ['left(box,press_2)']);
  // A fronted place before a clause with no relation of its own is still no place.
  assert.throws(() => parseInstruction('On the table, the cup.'), /no object|no spatial relation/);
});
