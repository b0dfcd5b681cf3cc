/**
 * Review 11, items 3, 5, 6, 7 and 11: a number is read completely and exactly or refused naming its text; number
 * words, fractions, digit grouping, capacities and label ranges never leave a partial number and a name behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { names } from './readings.js';

const distance = (text: string) => parseInstruction(text).constraints[0].parameters.distance;
const refused = (text: string, message: string) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && e.message.includes(message), `${text} → ${message}`);

test('item 3: a vulgar fraction after a whole number is a mixed number ("3½ m" is 3.5 m); "½½" is refused', () => {
  assert.equal(distance('Put the cone 3½ m left of the box'), 3.5);
  assert.deepEqual(names('Put the cone 3½ m left of the box'), ['cone', 'box']);
  refused('Put the cone ½½ m left of the box', "cannot read '½½'");
});

test('item 6: fractions are read exactly or refused naming the number', () => {
  assert.ok(Math.abs(distance('Put the box 1-1/2" left of the crate')! - 0.0381) < 1e-12);
  assert.deepEqual(names('Put the box 1-1/2" left of the crate'), ['box', 'crate']);
  assert.equal(distance('Put the cone 3/4 of a metre left of the box'), 0.75);
  assert.deepEqual(names('Put the cone 3/4 of a metre left of the box'), ['cone', 'box']);
  refused('Put the box -1/2 m left of the crate', "distance '-1/2 m' must be a positive finite length");
  refused('Put the box 0.5/2 m left of the crate', "cannot read '0.5/2 m'");
  refused('Put the box 1/0 m left of the crate', "cannot read '1/0 m': division by zero");
  refused('Put the box 0/0 m left of the crate', "cannot read '0/0 m': division by zero");
  refused('Put the box 1 1/0 m left of the crate', "cannot read '1/0 m': division by zero");
  refused('Put the box 1/2/3 m left of the crate', "cannot read '1/2/3 m'");
  refused('Put the box 1 3/2 m left of the crate', "cannot read '1 3/2 m'");
  refused('Put bins 1/2 on the shelf', "cannot read '1/2': a fraction must be a length with its unit");
});

test('item 6: grouped digits are one number or refused naming it', () => {
  refused('Put the crate 0,5,7 m left of the box', "cannot read '0,5,7 m'");
  refused('Put the crate 1,0000 m left of the box', "cannot read '1,0000 m'");
  refused('Put the box 1 000 mm left of the crate', "cannot read '1 000 mm'");
  assert.equal(distance('Put the box 1’000 mm left of the crate'), 1);
  assert.equal(distance('Put the box 1,000.5 mm left of the crate'), 1.0005);
  refused(`Put the box 1${',000'.repeat(20)} mm left of the crate`, 'is over the 100 m limit');
  refused('Put the box 0٫5 m left of the crate', "cannot read '0٫5 m'");
  refused('Put the box 1.2.3 m left of the crate', "cannot read '1.2.3 m'");
  refused('Put the box 0.5,5 m left of the crate', "cannot read '0.5,5 m'");
});

test('item 5: numbers in words are read whole, for counts and lengths alike', () => {
  refused('Put two thousand boxes in a row', 'cannot place two thousand boxes: a count must be a whole number from 1 to 1000');
  assert.equal(names('Put twenty-one boxes in a row').length, 21);
  assert.deepEqual(names('Put twenty-one boxes in a row').slice(-1), ['box_21']);
  assert.equal(names('Put fifty-five crates in a row').length, 55);
  assert.equal(names('Put nine hundred and ninety nine boxes in a row').length, 999);
  assert.equal(names('Put a hundred boxes in a row').length, 100);
  assert.equal(distance('Put the cone eleven hundred mm left of the box'), 1.1);
  assert.equal(distance('Put the cone twelve hundred mm left of the box'), 1.2);
  assert.equal(distance('Put the cone one thousand mm left of the box'), 1);
  assert.equal(distance('Put the cone two thousand five hundred mm left of the box'), 2.5);
  assert.deepEqual(names('Put the cone a hundred cm left of the box'), ['cone', 'box']);
  assert.equal(distance('Put the cone a hundred cm left of the box'), 1);
  assert.deepEqual(names('Put the cone zero cm left of the box'), ['cone', 'box']);
  refused('Put zero crates on the pallet', 'cannot place zero crates');
  // A negative count in words is refused like '-3 cones', never an object named 'minus' at the ring's centre.
  refused('Arrange minus three cones in a circle.', 'cannot place minus three cones');
  refused('Place negative 2 boxes on the shelf', 'cannot place negative 2 boxes');
});

test('item 11: a capacity is never objects, a count, a name or a distance', () => {
  refused('Put 50 ml of water in the beaker', "'50 ml of water' is a capacity, not an object to place");
  refused('Pour 50 ml into the beaker', "'50 ml' is a capacity, not an object to place");
  refused('Put the tube 50 ml left of the rack', "'50 ml' is a capacity, not an object to place or a distance");
  // After 'with', the contents of an object named before it: the object remains, the capacity is ignored.
  assert.deepEqual(names('Put the beaker with 50 ml of water on the bench'), ['beaker', 'bench']);
  assert.ok(parseInstruction('Put the beaker with 50 ml of water on the bench').warnings!.includes("ignored 'ml'"));
  // Before a vessel it describes the vessel.
  assert.deepEqual(names('Put the 50 ml tube in the rack'), ['tube', 'rack']);
  assert.deepEqual(names('Place a 250 mL beaker on the bench'), ['beaker', 'bench']);
});

test('item 7: ranges of codes name their members; reversed, ill-formed or block ranges and repeats are refused', () => {
  const vials = ['vial_a1', 'vial_a2', 'vial_a3', 'vial_a4', 'vial_a5', 'vial_a6', 'vial_a7', 'vial_a8', 'tube_rack'];
  assert.deepEqual(names('Place vials A1 to A8 in the tube rack'), vials);
  assert.deepEqual(names('Place vials A1-A8 in the tube rack'), vials);
  assert.deepEqual(names('Put wells A1 through A3 on the plate'), ['well_a1', 'well_a2', 'well_a3', 'plate']);
  assert.deepEqual(names('Put crates A-C on the pallet'), ['crate_a', 'crate_b', 'crate_c', 'pallet']);
  refused('Place vials A1-H12 in the rack', "cannot read the range 'a1-h12': a range of codes keeps one letter prefix");
  refused('Put crates Z-A on the pallet', "cannot read the range 'z-a': it must count up");
  refused('Put crates C-A on the pallet', "cannot read the range 'c-a'");
  refused('Put crates AA-AC on the pallet', "cannot read the range 'aa-ac'");
  refused('Put crates A-ZZ on the pallet', "cannot read the range 'a-zz'");
  refused('Put crates 5-3 on the pallet', "cannot read the range '5-3': it must count up");
  refused('Put vials A1 and A1 in the rack', "'a1' is listed twice");
  refused('Put the box between the crates A-C', "'between' needs two reference objects; 3 were named (crate_a, crate_b, crate_c)");
  assert.deepEqual(names('Put the box between the crates A and B'), ['box', 'crate_a', 'crate_b']);
});

test('items 5 and 6: "and a half" is part of the number; thousands before a noun are a count; a fraction of a turn is an angle', () => {
  assert.equal(distance('Put the cone three and a half metres left of the box'), 3.5);
  assert.deepEqual(names('Put the cone three and a half metres left of the box'), ['cone', 'box']);
  assert.equal(distance('Put the box one and a half metres left of the crate'), 1.5);
  refused('Put two and a half boxes on the shelf', 'cannot place two and a half boxes');
  assert.equal(names('Put 1,000 boxes in a row').length, 1000);
  refused('Put 2,000 boxes in a row', 'cannot place 2,000 boxes');
  assert.deepEqual(names('Put bins 100,200 on the shelf'), ['bin_100', 'bin_200', 'shelf']);
  assert.equal(parseInstruction('Rotate the box 1/4 turn').constraints[0].parameters.angle, Math.PI / 2);
});

test('item 7: ranges and single labels listed together are all members; a list is a count like any other', () => {
  assert.deepEqual(names('Put bolts 1-4 and 6 in the tray'), ['bolt_1', 'bolt_2', 'bolt_3', 'bolt_4', 'bolt_6', 'tray']);
  assert.deepEqual(names('Put bolts 1, 2 and 4-6 in the tray'), ['bolt_1', 'bolt_2', 'bolt_4', 'bolt_5', 'bolt_6', 'tray']);
  assert.deepEqual(names('Put crates A-C and E on the pallet'), ['crate_a', 'crate_b', 'crate_c', 'crate_e', 'pallet']);
  assert.deepEqual(names('Put vials A1-A3 and B1-B2 in the rack'), ['vial_a1', 'vial_a2', 'vial_a3', 'vial_b1', 'vial_b2', 'rack']);
  refused('Put bolts 1-4 and 3 in the tray', "'3' is listed twice");
  const many = Array.from({ length: 1001 }, (_, n) => n + 1).join(' and ');
  refused(`Put bins ${many} on the shelf`, 'cannot place 1001 listed objects');
});

test('item 6: a fraction written with spaces around its slash is the same fraction', () => {
  assert.equal(distance('Put the cone 1 / 2 m left of the box'), 0.5);
  assert.deepEqual(names('Put the cone 1 / 2 m left of the box'), ['cone', 'box']);
  refused('Put the cone 1 /0 m left of the box', "cannot read '1 /0 m': division by zero");
});

test('item 5: a number word right after a whole number is refused, never a second number or a name', () => {
  refused('Put nine hundred and nine hundred boxes in a row', "cannot read the number 'nine hundred and nine hundred'");
  refused('Put the cone forty five forty five cm left of the box', "cannot read the number 'forty five forty'");
  refused('Put twenty-one twenty-one boxes in a row', "cannot read the number 'twenty-one twenty-one'");
  refused('Put the cone two thousand three thousand mm left of the box', "cannot read the number 'two thousand three thousand'");
});

test('item 6: a refused number is quoted short, however long it is', () => {
  assert.throws(() => parseInstruction(`Put the box ${'1/'.repeat(500)}2 m left of the crate`), (e: Error) => e instanceof ParseError && e.message.length < 120 && e.message.includes('…'));
});

test('items 5 and 6: fractions in words are lengths; a part of a group is refused as a count', () => {
  assert.equal(distance('Put the cone one-half m left of the box'), 0.5);
  assert.deepEqual(names('Put the cone one-half m left of the box'), ['cone', 'box']);
  assert.equal(distance('Put the box a quarter of a metre left of the crate'), 0.25);
  assert.equal(distance('Put the box three quarters of a metre left of the crate'), 0.75);
  assert.equal(distance('Put the box a metre and a half left of the crate'), 1.5);
  assert.deepEqual(names('Put a quarter of a metre between the boxes').includes('quarter'), false);
  refused('Put half the boxes on the shelf', 'cannot place half the boxes: a count must be a whole number');
  refused('Put two thirds of the boxes on the shelf', 'cannot place two thirds of the boxes');
  refused('Put a quarter of the boxes on the shelf', 'cannot place a quarter of the boxes');
  assert.deepEqual(names('Put the quarter on the table'), ['quarter', 'table']);
  assert.deepEqual(names('Put a third box on the shelf'), ['box_3', 'shelf']);
});

test('item 7: a spreadsheet range "A1:A8" is the range A1 to A8', () => {
  assert.deepEqual(names('Place vials A1:A8 in the rack'), ['vial_a1', 'vial_a2', 'vial_a3', 'vial_a4', 'vial_a5', 'vial_a6', 'vial_a7', 'vial_a8', 'rack']);
  refused('Place vials A1:H12 in the rack', "cannot read the range 'a1:h12'");
});
