/**
 * Grammar of issue 11 and the parsing items of issue 16: letter/number names, the user's nouns as names,
 * formations, group relations, plural references, pick-and-place coreference, verb forms, orientation modifiers,
 * attachment, lifted furniture, fit, counts, numbers and odd characters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import type { SceneSpec } from '../../../src/pipeline/types.js';
import { briefScene as brief, names } from './readings.js';

const entity = (s: SceneSpec, name: string) => s.entities.find((e) => e.name === name)!;
const refused = (text: string, message: RegExp) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && message.test(e.message), text);

test('objects named by a letter or a number keep it: crate A, plate 2, bolt3, washer #2', () => {
  assert.deepEqual(brief(parseInstruction('put crate A on crate B')), ['on(crate_a,crate_b)']);
  assert.deepEqual(brief(parseInstruction('Place plate 2 on plate 1.')), ['on(plate_2,plate_1)']);
  assert.deepEqual(brief(parseInstruction('place bolt3 beside bolt4')), ['near(bolt3,bolt4)']);
  assert.deepEqual(brief(parseInstruction('put washer #2 behind washer #1')), ['behind(washer_2,washer_1)']);
  assert.deepEqual(brief(parseInstruction('keep part A 10 cm to the left of part B')), ['left(part_a,part_b)', 'near(part_a,part_b)']);
  // A number with a unit stays a quantity; "a" before a noun stays an article.
  assert.equal(parseInstruction('place the box 2 cm above the cube').constraints[0].parameters.distance, 0.02);
  assert.deepEqual(names('put a box on a table'), ['box', 'table']);
});

test("entities keep the user's words; the lexicon only sizes them", () => {
  const s = parseInstruction('put the tin on the shelf');
  assert.deepEqual(s.entities.map((e) => [e.name, e.kind]), [['tin', 'can'], ['shelf', 'shelf']]);
  assert.deepEqual(names('stack three crates'), ['crate_1', 'crate_2', 'crate_3']);
  assert.deepEqual(names('put the tins in a row'), ['tin_1', 'tin_2', 'tin_3']);
  assert.deepEqual(names('mount the motor on the base plate'), ['motor', 'base_plate']);
});

test('verb forms never become entities', () => {
  assert.deepEqual(brief(parseInstruction('the robot places the box on the table')), ['on(box,table)']);
  assert.deepEqual(names('the gripper sets the can on the shelf'), ['can', 'shelf']);
});

test('formations: circle, ring around a centre, triangle, square, polygon, with radius and centre', () => {
  const circle = parseInstruction('arrange 6 cups in a circle');
  assert.equal(circle.entities.length, 6);
  const pair = circle.constraints.filter((c) => c.type === 'distance' && c.parameters.axis === undefined);
  assert.equal(pair.length, 15, 'every pair of a six-member circle has its distance');
  const neighbour = pair.find((c) => c.subject === 'cup_2' && c.targets[0] === 'cup_1')!.parameters.distance!;
  const opposite = pair.find((c) => c.subject === 'cup_4' && c.targets[0] === 'cup_1')!.parameters.distance!;
  assert.ok(Math.abs(opposite - 2 * neighbour) < 1e-5, 'a regular hexagon: the diameter is twice the side');

  const ring = parseInstruction('form a ring of 8 bolts around the hub');
  const toHub = ring.constraints.filter((c) => c.targets[0] === 'hub');
  assert.equal(toHub.length, 8);
  assert.ok(toHub.every((c) => c.parameters.distance === toHub[0].parameters.distance));

  const radius = parseInstruction('place 12 cubes in a circle with a radius of 40 cm');
  const d16 = radius.constraints.find((c) => c.subject === 'cube_2' && c.targets[0] === 'cube_1' && c.parameters.axis === undefined)!;
  assert.ok(Math.abs(d16.parameters.distance! - 2 * 0.4 * Math.sin(Math.PI / 12)) < 1e-5);

  assert.equal(parseInstruction('put three cones in a triangle').entities.length, 3);
  assert.equal(parseInstruction('arrange 5 boxes in a pentagon on the table').constraints.filter((c) => c.type === 'on').length, 5);
  assert.equal(parseInstruction('arrange six chairs around the table').constraints.filter((c) => c.targets[0] === 'table').length, 6);
  assert.deepEqual(brief(parseInstruction('put the mug and the bowl side by side')).filter((b) => b.startsWith('distance(bowl,mug')).length, 3);
  refused('arrange 7 cubes in a square', /square/);
  refused('arrange 2 cubes in a triangle', /triangle/);
});

test('group relations: apart, at least apart, in contact', () => {
  const apart = parseInstruction('keep the crates at least 30 cm apart');
  assert.deepEqual(brief(apart), ['far(crate_2,crate_1)', 'far(crate_3,crate_1)', 'far(crate_3,crate_2)']);
  assert.equal(apart.constraints[0].parameters.distance, 0.3);
  const exact = parseInstruction('place the two rails 40 cm apart');
  assert.equal(exact.constraints.find((c) => c.type === 'distance')!.parameters.spacing, 0.4);
  const contact = parseInstruction('put the parts in contact with each other');
  assert.ok(contact.constraints.filter((c) => c.type === 'distance').every((c) => c.parameters.spacing === 0));
});

test('plural and numbered references: between the pillars, between the two rails', () => {
  assert.deepEqual(brief(parseInstruction('place the lamp between the pillars')), ['between(lamp,pillar_1+pillar_2)']);
  assert.deepEqual(brief(parseInstruction('put the sensor between the two rails')), ['between(sensor,rail_1+rail_2)']);
});

test('pick and place: "it" is the object picked, never the tool', () => {
  assert.deepEqual(brief(parseInstruction('grab the can with the gripper and set it on the shelf')), ['touching(gripper,can)', 'above(gripper,can)', 'on(can,shelf)']);
  assert.deepEqual(brief(parseInstruction('use the gripper to pick up the bolt and drop it into the bin')), ['touching(gripper,bolt)', 'inside(bolt,bin)']);
  assert.deepEqual(brief(parseInstruction('pick up the box and place it on the pallet')), ['on(box,pallet)']);
  assert.deepEqual(brief(parseInstruction('take the mug from the shelf and set it down on the table')), ['on(mug,table)']);
});

test('modifiers are honoured or refused, never dropped with a note', () => {
  const down = parseInstruction('place the cup on the table facing down');
  const angle = down.constraints.find((c) => c.type === 'angle')!;
  assert.equal(angle.subject, 'cup');
  assert.equal(angle.parameters.axis, 'x');
  assert.ok(Math.abs(angle.parameters.angle! - Math.PI) < 1e-12);
  assert.equal(parseInstruction('turn the bowl upside down').constraints[0].type, 'angle');
  assert.ok(Math.abs(parseInstruction('lay the bottle on its side on the shelf').constraints.find((c) => c.type === 'angle')!.parameters.angle! - Math.PI / 2) < 1e-12);
  refused('put the box in the corner of the table', /cannot honour 'corner'/);
  refused('place the cup at the edge of the shelf', /edge/);
  refused('place the cup on the table facing the window, upside down', /'cup' cannot both face 'window'/);
});

test('a side relation after a support relation belongs to the subject', () => {
  // The vice the instruction puts nowhere stands on the same workbench (a bench-top reference that fits on it).
  assert.deepEqual(brief(parseInstruction('put the drill on the workbench to the left of the vice')), ['on(drill,workbench)', 'left(drill,vice)', 'on(vice,workbench)']);
  assert.deepEqual(brief(parseInstruction('place red box above blue cube on the table')), ['above(red_box,blue_cube)', 'on(blue_cube,table)']);
  assert.deepEqual(brief(parseInstruction('put the cup next to the plate on the table')), ['near(cup,plate)', 'on(cup,table)', 'on(plate,table)']);
});

test('a side reference the instruction puts nowhere rests on (or in) the subject\'s support, unless it stands on the floor or cannot fit', () => {
  assert.deepEqual(brief(parseInstruction('Place the tube rack on the bench in front of the centrifuge.')), ['on(tube_rack,bench)', 'front(tube_rack,centrifuge)', 'on(centrifuge,bench)']);
  assert.deepEqual(brief(parseInstruction('Take the torque wrench off the rack and lay it on the bench in front of the vise.')), ['on(torque_wrench,bench)', 'front(torque_wrench,vise)', 'on(vise,bench)']);
  assert.deepEqual(brief(parseInstruction('Put the vial in the rack next to the tube.')), ['inside(vial,rack)', 'near(vial,tube)', 'inside(tube,rack)']);
  assert.deepEqual(brief(parseInstruction('Put the mug on the table next to the laptop.')), ['on(mug,table)', 'near(mug,laptop)', 'on(laptop,table)']);
  // Floor-standing furniture stays on the floor; with no support in the clause nothing changes.
  assert.deepEqual(brief(parseInstruction('Put the cup on the table next to the fridge.')), ['on(cup,table)', 'near(cup,fridge)']);
  assert.deepEqual(brief(parseInstruction('Set the chair next to the table.')), ['near(chair,table)']);
});

test('floor-standing furniture is lifted when the instruction puts it on something; the floor is the ground', () => {
  const chair = parseInstruction('place the chair on the cube').entities.find((e) => e.name === 'chair')!;
  assert.equal(chair.grounded, false);
  assert.equal(parseInstruction('put the box next to the chair').entities.find((e) => e.name === 'chair')!.grounded, true);
  assert.deepEqual(brief(parseInstruction('place the bucket on the floor')), ['on(bucket,)']);
});

test('a group that does not fit a support of stated size is refused with what it needs; one of unstated size grows', () => {
  refused('put four bins with 20 cm spacing on the 1 m shelf', /4 bins in a row need 2\.20 m along x \(their footprints\), but the shelf's top is 1\.00 m: they do not fit/);
  refused('arrange 10 crates in a row on a 2 m long table', /do not fit/);
  refused('Set the kettle, the toaster and the microwave side by side on a 50 cm shelf.', /^3 objects in a row need 0\.93 m along x/);
  refused('Place slide 1, slide 2 and slide 3 side by side on the 5 cm tray', /^3 slides in a row need/);
  const shelf = entity(parseInstruction('put four bins with 20 cm spacing on the shelf'), 'shelf');
  assert.ok(Math.abs(shelf.halfExtents[0] - 2.2 / 0.7 / 2) < 1e-9, 'the shelf grows along x by the keep-in rule\'s room');
  assert.deepEqual(shelf.halfExtents.slice(1), [0.2, 0.9], 'its depth and height are kept');
  const table = entity(parseInstruction('arrange 10 crates in a row on the table'), 'table');
  assert.ok(table.halfExtents[0] * 2 >= 10 * 0.5, 'the table holds the row');
});

test('counts are whole numbers from 1 to 1000, never substituted', () => {
  refused('arrange 1001 boxes in a row', /1001 boxes/);
  refused('arrange 0 boxes in a row', /0 boxes/);
  refused('put -3 boxes on the table', /-3 boxes/);
  refused('stack 2.5 boxes', /2\.5 boxes/);
  refused('arrange 5 boxes in a 2 by 3 grid', /grid holds 6 objects, not 5/);
  assert.equal(parseInstruction('stack the lids in a tower of five').entities.length, 5);
});

test('numbers that are not plain decimals are refused: 0x10, 1_000', () => {
  refused('place the box 0x10 cm above the table', /'0x10'/);
  refused('place the box 1_000 mm left of the cup', /'1_000'/);
  assert.equal(parseInstruction('place the box 10cm above the cup').constraints[0].parameters.distance, 0.1);
  assert.deepEqual(names('put the box on the 3rd shelf'), ['box', 'shelf_3']);
});

test('format characters are removed; a look-alike letter is named', () => {
  const zw = parseInstruction('put the b\u200bo\u200bx on the t\u00adable\u202e');
  assert.deepEqual(brief(zw), ['on(box,table)']);
  assert.ok(!zw.constraints[0].source.includes('\u202e'));
  refused('put the b\u043ex on the table', /unexpected character U\+043E CYRILLIC SMALL LETTER O in 'b\u043ex'/);
  refused('put the box on the t\u0430ble', /U\+0430 CYRILLIC SMALL LETTER A/);
});

test('objects listed onto one support of stated size that cannot fit side by side are refused', () => {
  refused('put the red box and the green box on the 8 cm blue cube', /2 objects side by side on the blue_cube need 0\.20 m along x or 0\.20 m along y \(their footprints\), but its top is 0\.08 × 0\.08 m: they do not fit/);
  const cube = entity(parseInstruction('put the red box and the green box on the blue cube'), 'blue_cube');
  assert.ok(cube.halfExtents[0] * 2 >= 0.2 || cube.halfExtents[1] * 2 >= 0.2, 'an unstated cube grows to hold both');
  assert.equal(parseInstruction('put the cup and the plate on the tray').constraints.length, 2);
});

test('"in two rows", "with 5 cm between them"', () => {
  const rows = parseInstruction('arrange 10 pallets in two rows');
  assert.equal(rows.entities.length, 10);
  assert.equal(rows.constraints.filter((c) => c.type === 'distance' && c.parameters.axis === 'y').length, 5, 'five columns of two');
  const between = parseInstruction('place two boxes on the pallet with 5 cm between them');
  assert.equal(between.constraints.find((c) => c.type === 'distance')!.parameters.spacing, 0.05);
  refused('arrange 7 cubes in two rows', /do not fill/);
});

test('a polygon\'s centre-to-centre spacing is between neighbours, with or without a centre that clears it', () => {
  const distances = (text: string, a: string, b: string) => parseInstruction(text).constraints
    .filter((c) => c.type === 'distance' && c.parameters.axis === undefined && c.subject === a && c.targets[0] === b).map((c) => c.parameters.distance);
  assert.deepEqual(distances('Set four standoffs in a square on the bench, 100 mm centre to centre.', 'standoff_2', 'standoff_1'), [0.1]);
  assert.deepEqual(distances('Set four standoffs in a square on the bench, 100 mm centre to centre.', 'standoff_3', 'standoff_1'), [0.141421]);
  // A hexagon's radius is its side: the pins are 50 mm from the shaft too (it was read as a gap from the shaft: 78 mm).
  assert.deepEqual(distances('Place six pins in a hexagon around the shaft on the bench, 50 mm c/c.', 'pin_2', 'pin_1'), [0.05]);
  assert.deepEqual(distances('Place six pins in a hexagon around the shaft on the bench, 50 mm c/c.', 'pin_1', 'shaft'), [0.05]);
});

test('a group keeps its describing words and loses none to its quantifier or parts-list count', () => {
  const names = (text: string) => parseInstruction(text).entities.map((e) => e.name);
  assert.deepEqual(names('Put two small bins on the shelf, 10 cm apart.'), ['small_bin_1', 'small_bin_2', 'shelf']);
  assert.deepEqual(names('Place 2 large crates on the pallet.'), ['large_crate_1', 'large_crate_2', 'pallet']);
  assert.deepEqual(names('Put 2 medium boxes on the shelf.'), ['medium_box_1', 'medium_box_2', 'shelf']);
  assert.deepEqual(names('Place several small crates on the pallet.'), ['small_crate_1', 'small_crate_2', 'small_crate_3', 'pallet']);
  assert.deepEqual(names('Put small totes x2 on the cart.'), ['small_tote_1', 'small_tote_2', 'cart']);
  assert.deepEqual(names('Put washers x 4 in the tray.'), ['washer_1', 'washer_2', 'washer_3', 'washer_4', 'tray']);
  // Material, state and likeness words describe without naming, alone or in a group.
  assert.deepEqual(names('Put 3 identical bins on the shelf.'), ['bin_1', 'bin_2', 'bin_3', 'shelf']);
  assert.deepEqual(names('Put two empty crates on the pallet.'), ['crate_1', 'crate_2', 'pallet']);
});

test('lined up or aligned on a support is a row on it, not aligned with the support', () => {
  assert.deepEqual(brief(parseInstruction('Line up three jars on the counter.')),
    ['distance(jar_2,jar_1)', 'aligned(jar_2,jar_1)', 'distance(jar_3,jar_2)', 'aligned(jar_3,jar_2)', 'on(jar_1,counter)', 'on(jar_2,counter)', 'on(jar_3,counter)']);
  assert.deepEqual(brief(parseInstruction('Align the box with the crate.')), ['aligned(crate,box)']);
});

test('a verb of placing before a count and a plural is the verb and a count, not a numbered object', () => {
  const names = (text: string) => parseInstruction(text).entities.map((e) => e.name);
  assert.deepEqual(names('Lay 3 slides side by side on the tray.'), ['slide_1', 'slide_2', 'slide_3', 'tray']);
  assert.deepEqual(names('Stack 2 presses on the cart.'), ['press_1', 'press_2', 'cart']);
  assert.deepEqual(names('Press 2 slides into the slot.'), ['slide_1', 'slide_2', 'slot']);
  // A labelled verb form before a relation, a copula or the end is still a numbered object.
  assert.deepEqual(brief(parseInstruction('Set slide 3 on the stage.')), ['on(slide_3,stage)']);
  assert.deepEqual(brief(parseInstruction('Press 4 goes left of the frame.')), ['left(press_4,frame)']);
});

test('the subject of a side relation that is put nowhere rests on what its reference rests on', () => {
  assert.deepEqual(brief(parseInstruction('Put the red pillow on the bed and put the white pillow right behind the red pillow.')),
    ['on(red_pillow,bed)', 'behind(white_pillow,red_pillow)', 'on(white_pillow,bed)']);
  assert.deepEqual(brief(parseInstruction('Put the vial in the rack, then the tube next to the vial.')),
    ['inside(vial,rack)', 'near(tube,vial)', 'inside(tube,rack)']);
  // Floor-standing furniture stays on the floor; nothing placed, nothing added; a subject already placed keeps its place.
  assert.deepEqual(brief(parseInstruction('Put the mug on the table, then the chair next to the mug.')), ['on(mug,table)', 'near(chair,mug)']);
  assert.deepEqual(brief(parseInstruction('Set the chair next to the table.')), ['near(chair,table)']);
  assert.deepEqual(brief(parseInstruction('Put the cup next to the plate on the table.')), ['near(cup,plate)', 'on(cup,table)', 'on(plate,table)']);
});

test('a word standing where a relation word would, that no relation reads, is refused naming it', () => {
  assert.throws(() => parseInstruction('Place the sample in the centrifuge, opposite the balance tube.'),
    { message: "cannot honour 'opposite' in 'opposite the balance tube': it is no relation word read here (say left of, behind, near, next to, …)" });
  assert.throws(() => parseInstruction('Put the plate on the shelf, past the bowl.'), { message: /^cannot honour 'past' in/ });
  // An object phrase that nothing places is still refused as such.
  assert.throws(() => parseInstruction('Move the box to the table, then the cup.'), { message: /^nothing says where 'the cup' goes/ });
});

test('a clause naming the members of the stack just formed orders it', () => {
  assert.deepEqual(brief(parseInstruction('Stack the plates: plate 1 at the bottom, then plate 2, then plate 3')), ['on(plate_2,plate_1)', 'on(plate_3,plate_2)']);
  assert.deepEqual(brief(parseInstruction('Stack the plates: plate 3 at the bottom, then plate 1, then plate 2')), ['on(plate_1,plate_3)', 'on(plate_2,plate_1)']);
  assert.deepEqual(brief(parseInstruction('Stack the plates on the tray: plate 2 at the bottom, then plate 1, then plate 3')),
    ['on(plate_1,plate_2)', 'on(plate_3,plate_1)', 'on(plate_2,tray)']);
  assert.throws(() => parseInstruction('Stack the plates: plate 1 at the bottom, then plate 2, then plate 4'),
    { message: "nothing says where 'plate_4' goes in 'plate 1 at the bottom plate 2 plate 4': it is no member of the stack (plate_1, plate_2, plate_3)" });
});

test("an '-ing' word before a labelled noun with no determiner is part of its name, after any preposition and as subject", () => {
  assert.deepEqual(brief(parseInstruction('Move pallet 7 in front of loading door 2.')), ['front(pallet_7,loading_door_2)']);
  assert.deepEqual(brief(parseInstruction('Move pallet 7 to loading door 2.')), ['near(pallet_7,loading_door_2)']);
  assert.deepEqual(brief(parseInstruction('Loading dock 1 is left of the crate.')), ['left(loading_dock_1,crate)']);
  assert.deepEqual(brief(parseInstruction('Charging dock 4 is left of the box.')), ['left(charging_dock_4,box)']);
  assert.deepEqual(brief(parseInstruction('Place the crate in front of dock door 3.')), ['front(crate,dock_door_3)']);
  assert.deepEqual(brief(parseInstruction('Put the drill on tool rack B.')), ['on(drill,tool_rack_b)']);
  assert.deepEqual(brief(parseInstruction('Place the jar on bin shelf #4.')), ['on(jar,bin_shelf_4)']);
  // An "-ing" verb opening the clause before a plural is still the verb.
  assert.deepEqual(names('Stacking crates on the shelf.'), ['crate_1', 'crate_2', 'crate_3', 'shelf']);
});

test("'so (that) it touches both/them/each' after between is touching to both references, not a dropped purpose", () => {
  const expected = ['between(gasket,flange_a+flange_b)', 'touching(gasket,flange_a)', 'touching(gasket,flange_b)'];
  assert.deepEqual(brief(parseInstruction('Seat the gasket between flange A and flange B so it touches both.')), expected);
  assert.deepEqual(brief(parseInstruction('Seat the gasket between flange A and flange B so that it touches them.')), expected);
  assert.deepEqual(brief(parseInstruction('Seat the gasket between flange A and flange B so it touches each.')), expected);
  assert.deepEqual(brief(parseInstruction('Put the spacer between plate 1 and plate 2, touching both.')),
    ['between(spacer,plate_1+plate_2)', 'touching(spacer,plate_1)', 'touching(spacer,plate_2)']);
});

test("'<verb> the two X D apart' with a verb of holding or joining is the pair's spacing", () => {
  assert.deepEqual(brief(parseInstruction('Clamp the two rails 300 mm apart and put the carriage between them.')),
    ['distance(rail_2,rail_1)', 'aligned(rail_2,rail_1)', 'between(carriage,rail_1+rail_2)']);
  const spacing = (text: string) => parseInstruction(text).constraints.find((c) => c.type === 'distance')?.parameters.spacing;
  assert.equal(spacing('Clamp the two rails 300 mm apart.'), 0.3);
  assert.equal(spacing('Bolt the two brackets 20 cm apart.'), 0.2);
  assert.equal(spacing('Grab the two boxes 10 cm apart.'), 0.1);
  // Without a spacing, a pick verb still picks and a joining noun still joins.
  assert.deepEqual(brief(parseInstruction('Bolt the bracket to the frame.')), ['touching(bracket,frame)']);
  assert.deepEqual(brief(parseInstruction('Grab the can with the gripper and set it on the shelf.')), ['touching(gripper,can)', 'above(gripper,can)', 'on(can,shelf)']);
});

test('a relation fronted before a verb of being somewhere, the subject after the verb, is read in the usual order', () => {
  assert.deepEqual(brief(parseInstruction('Between rack 1 and rack 2 goes the ladder.')), ['between(ladder,rack_1+rack_2)']);
  assert.deepEqual(brief(parseInstruction('Behind the press goes the bin.')), ['behind(bin,press)']);
  assert.deepEqual(brief(parseInstruction('On the shelf sits the jar.')), ['on(jar,shelf)']);
  assert.deepEqual(brief(parseInstruction('Behind the press should go the bin.')), ['behind(bin,press)']);
  assert.deepEqual(brief(parseInstruction('Above the bench hangs the lamp.')), ['above(lamp,bench)']);
  assert.deepEqual(brief(parseInstruction('Behind the drill press sits the parts bin.')), ['behind(parts_bin,drill_press)']);
  // A fronted place before a comma and a verb of placing is read as before.
  assert.deepEqual(brief(parseInstruction('On the shelf, put the jar.')), ['on(jar,shelf)']);
});

test("a side relation right after 'in' a movable container says where the container is; its contents go with it", () => {
  assert.deepEqual(brief(parseInstruction('Pick up part no. 7 and place it in the bin behind the press.')), ['inside(part_7,bin)', 'behind(bin,press)']);
  assert.deepEqual(brief(parseInstruction('Put the screw in the box next to the drill.')), ['inside(screw,box)', 'near(box,drill)']);
  assert.deepEqual(brief(parseInstruction('Put the bolt in the bin next to the box on the shelf.')),
    ['inside(bolt,bin)', 'near(bin,box)', 'on(bin,shelf)', 'on(box,shelf)']);
  // A fixed container, a surface, or a comma before the side relation: the subject is placed, as before.
  assert.deepEqual(brief(parseInstruction('Put the vial in the rack next to the tube.')), ['inside(vial,rack)', 'near(vial,tube)', 'inside(tube,rack)']);
  assert.deepEqual(brief(parseInstruction('Put the cup on the table left of the lamp.')), ['on(cup,table)', 'left(cup,lamp)', 'on(lamp,table)']);
  assert.deepEqual(brief(parseInstruction('Place the part in the bin, behind the press.')), ['inside(part,bin)', 'behind(part,press)']);
});

test("a formation word after 'in' is the formation, no verb opening a clause: one row with the stated spacing", () => {
  const distances = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.spacing);
  // 'in line' split the clause at 'line': a row at the default 2 cm spacing and a second at 5 cm (solver off by 15 mm).
  assert.deepEqual(distances('align 4 cubes in line on table 5cm apart'), [0.05, 0.05, 0.05]);
  assert.deepEqual(distances('put 4 cubes in line on the table 5 cm apart'), [0.05, 0.05, 0.05]);
  assert.deepEqual(brief(parseInstruction('Put the box in line with the crate.')), ['aligned(box,crate)']);
});

test('an object put only below an object above a support stays above that support', () => {
  assert.deepEqual(brief(parseInstruction('Hang the lamp 50 cm above the bench and mount the camera directly below the lamp.')),
    ['above(lamp,bench)', 'near(lamp,bench)', 'below(camera,lamp)', 'above(camera,bench)']);
  assert.deepEqual(brief(parseInstruction('Put the shelf above the desk and the box below the shelf.')), ['above(shelf,desk)', 'below(box,shelf)', 'above(box,desk)']);
  // A stated gap too small to hold it: nothing added (the instruction fails in the solver, as before).
  assert.deepEqual(brief(parseInstruction('Hang the lamp 5 cm above the bench and put the box below the lamp.')), ['above(lamp,bench)', 'near(lamp,bench)', 'below(box,lamp)']);
});

test("a vocative ('Robot,', 'Arm 2,', 'Hey robot,') opening an imperative addresses the agent and is no object", () => {
  assert.deepEqual(brief(parseInstruction('Robot, grab the cup from the sink and put it on the drying rack.')), ['on(cup,drying_rack)']);
  assert.deepEqual(names('Robot, grab the cup from the sink and put it on the drying rack.'), ['cup', 'drying_rack']);
  assert.deepEqual(brief(parseInstruction('Arm 2, put the box on the table.')), ['on(box,table)']);
  assert.deepEqual(brief(parseInstruction('Hey robot, place the cup next to the plate.')), ['near(cup,plate)']);
  assert.deepEqual(brief(parseInstruction('Please robot, put the mug on the shelf.')), ['on(mug,shelf)']);
  assert.deepEqual(brief(parseInstruction('Robot arm, please put the mug on the shelf.')), ['on(mug,shelf)']);
  assert.deepEqual(brief(parseInstruction('Okay, put the cup on the table.')), ['on(cup,table)']);
  // A heading word before the comma is no object either, as before.
  assert.deepEqual(brief(parseInstruction('First, put the cup on the table.')), ['on(cup,table)']);
});

test("a trailing 'X on top' or 'X at the bottom' after a stack of labelled members orders it", () => {
  assert.deepEqual(brief(parseInstruction('Stack plate 1, plate 2 and plate 3 on the plate hotel, plate 3 on top.')),
    ['on(plate_2,plate_1)', 'on(plate_3,plate_2)', 'on(plate_1,plate_hotel)']);
  assert.deepEqual(brief(parseInstruction('Stack plate 1, plate 2 and plate 3 on the plate hotel, plate 1 on top.')),
    ['on(plate_3,plate_2)', 'on(plate_1,plate_3)', 'on(plate_2,plate_hotel)']);
  assert.deepEqual(brief(parseInstruction('Stack crate A, crate B and crate C on the pallet, crate A at the top.')),
    ['on(crate_c,crate_b)', 'on(crate_a,crate_c)', 'on(crate_b,pallet)']);
  assert.deepEqual(brief(parseInstruction('Stack plate 1, plate 2 and plate 3 on the tray, plate 3 at the bottom.')),
    ['on(plate_1,plate_3)', 'on(plate_2,plate_1)', 'on(plate_3,tray)']);
  // A single object and 'on top' with no stack before it is still on the previous subject.
  assert.deepEqual(brief(parseInstruction('Put the lid on the jar, the cup on top.')), ['on(lid,jar)', 'on(cup,lid)']);
});

test('a spacing between centres on a side relation is the centres distance along its axis, the gap that less the half widths', () => {
  const spec = parseInstruction('Reservoir 2 sits right of reservoir 1, centres 20 cm apart.');
  assert.deepEqual(brief(spec), ['right(reservoir_2,reservoir_1)', 'distance(reservoir_2,reservoir_1)']);
  const half = (n: string) => entity(spec, n).halfExtents[0];
  const gap = spec.constraints[0].parameters.distance!;
  assert.ok(Math.abs(gap + half('reservoir_1') + half('reservoir_2') - 0.2) < 1e-6);
  assert.equal(spec.constraints[1].parameters.distance, 0.2);
  // A plain distance stays the gap.
  assert.deepEqual(brief(parseInstruction('Put the box 20 cm left of the crate.')), ['left(box,crate)', 'near(box,crate)']);
  assert.equal(parseInstruction('Put the box 20 cm left of the crate.').constraints[0].parameters.distance, 0.2);
});

test("'keep them D apart' after a side relation between the same two is a row along that relation's axis, in its order", () => {
  assert.deepEqual(parseInstruction('Move crate D behind crate C and keep them 20 cm apart.').constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')},${c.parameters.axis ?? ''})`),
    ['behind(crate_d,crate_c,)', 'distance(crate_d,crate_c,y)', 'aligned(crate_d,crate_c,y)']);
  const right = parseInstruction('Put box A right of box B and keep them 30 cm apart.').constraints;
  assert.deepEqual(right.map((c) => `${c.type}(${c.subject},${c.targets.join('+')})`), ['right(box_a,box_b)', 'distance(box_a,box_b)', 'aligned(box_a,box_b)']);
  assert.equal(right[1].parameters.axis, 'x');
  assert.ok(right[1].parameters.distance! > 0);
});

test("'a bit' or 'a tad' before a relation hedges it and names no object", () => {
  assert.deepEqual(brief(parseInstruction('Put the cup a bit left of the bowl.')), ['left(cup,bowl)']);
  assert.deepEqual(brief(parseInstruction('Move the box a tad behind the crate.')), ['behind(box,crate)']);
  assert.deepEqual(names('Put the drill bit left of the vise.'), ['drill_bit', 'vise']);
  assert.deepEqual(names('Put a bit on the tray.'), ['bit', 'tray']);
});

test("'D apart centre to centre' keeps its 'to' (no purpose), and 'apart from each other' names no reference", () => {
  for (const s of ['Set the two fixtures on the workbench, 40 cm apart centre to centre.', 'Set the two fixtures on the workbench 40 cm apart centre to centre.', 'Set the two fixtures on the workbench, 40 cm apart, centre to centre.']) {
    const spec = parseInstruction(s);
    assert.deepEqual(brief(spec), ['distance(fixture_2,fixture_1)', 'aligned(fixture_2,fixture_1)', 'on(fixture_1,workbench)', 'on(fixture_2,workbench)'], s);
    assert.equal(spec.constraints[0].parameters.distance, 0.4, s);
  }
  const ring = parseInstruction('Six drums in a circle, 50 cm apart from each other.');
  assert.deepEqual(names('Six drums in a circle, 50 cm apart from each other.'), ['drum_1', 'drum_2', 'drum_3', 'drum_4', 'drum_5', 'drum_6']);
  assert.ok(ring.constraints.every((c) => c.type === 'distance'));
  const row = parseInstruction('Place four bins in a row 30 cm apart from one another.');
  assert.equal(row.constraints[0].parameters.spacing, 0.3);
});

test("'between them' after a group put on a support is between the group's members, not the support", () => {
  assert.deepEqual(brief(parseInstruction('Place two candles on the shelf with the picture frame between them.')),
    ['on(candle_1,shelf)', 'on(candle_2,shelf)', 'between(picture_frame,candle_1+candle_2)', 'on(picture_frame,shelf)', 'left(candle_1,picture_frame)', 'right(candle_2,picture_frame)']);
  assert.deepEqual(brief(parseInstruction('Place the lamp and the vase on the table with the clock between them.')),
    ['on(lamp,table)', 'on(vase,table)', 'between(clock,lamp+vase)', 'on(clock,table)', 'left(lamp,clock)', 'right(vase,clock)']);
  // Between two objects on no common support it stands where it is put.
  assert.deepEqual(brief(parseInstruction('Put the box between crate A and crate B.')), ['between(box,crate_a+crate_b)']);
});

test("'its' in a clause that carries its subject over is the previous clause's reference, never that subject", () => {
  assert.deepEqual(brief(parseInstruction('The sensor should be within 5 cm of the nozzle, on its left side.')), ['near(sensor,nozzle)', 'left(sensor,nozzle)']);
  assert.deepEqual(brief(parseInstruction('Put the cup next to the bowl, on its right.')), ['near(cup,bowl)', 'right(cup,bowl)']);
  // With a subject of its own, 'its' is still the previous subject.
  assert.deepEqual(brief(parseInstruction('Put the red cube on the table and the blue cube to its left.')), ['on(red_cube,table)', 'left(blue_cube,red_cube)', 'on(blue_cube,table)']);
});

test("'at the corners of a square' is that polygon formation, and 'equilateral' before a shape word is no object", () => {
  const bolts = parseInstruction('Place bolts 1-4 at the corners of a square on the flange.');
  assert.deepEqual(bolts.entities.map((e) => e.name), ['bolt_1', 'bolt_2', 'bolt_3', 'bolt_4', 'flange']);
  assert.ok(bolts.constraints.some((c) => c.type === 'distance'));
  assert.deepEqual(bolts.constraints.filter((c) => c.type === 'on').map((c) => c.subject), ['bolt_1', 'bolt_2', 'bolt_3', 'bolt_4']);
  const clamps = parseInstruction('Arrange three clamps in an equilateral triangle on the table.');
  assert.deepEqual(clamps.entities.map((e) => e.name), ['clamp_1', 'clamp_2', 'clamp_3', 'table']);
  assert.ok(clamps.constraints.every((c) => c.targets.every((t) => t !== 'equilateral')));
  const d = clamps.constraints.filter((c) => c.type === 'distance' && c.parameters.axis === undefined).map((c) => c.parameters.distance);
  assert.equal(d.length, 3);
  assert.ok(d.every((x) => Math.abs(x! - d[0]!) < 1e-9));
  assert.deepEqual(names('Place three pins at the vertices of an equilateral triangle.'), ['pin_1', 'pin_2', 'pin_3']);
  // 'in an equilateral triangle' is no containment: the support after it is a top to stand on.
  assert.deepEqual(parseInstruction('Arrange three vials in an equilateral triangle on the tray.').constraints.filter((c) => c.type === 'on' || c.type === 'inside').map((c) => `${c.type}(${c.subject},${c.targets[0]})`),
    ['on(vial_1,tray)', 'on(vial_2,tray)', 'on(vial_3,tray)']);
});

test("'D out' or 'at D' after a ring around a centre is the ring's radius", () => {
  for (const s of ['Place six cones in a ring around the pillar, one metre out.', 'Place six cones in a ring around the pillar at 1 m.']) {
    const spec = parseInstruction(s);
    assert.deepEqual(spec.entities.map((e) => e.name), ['cone_1', 'cone_2', 'cone_3', 'cone_4', 'cone_5', 'cone_6', 'pillar'], s);
    // A hexagon's side is its radius: neighbours 1 m apart.
    assert.equal(spec.constraints.find((c) => c.subject === 'cone_2' && c.targets[0] === 'cone_1' && c.parameters.axis === undefined)!.parameters.distance, 1, s);
  }
  // Without a ring it stays the relation's distance.
  assert.deepEqual(brief(parseInstruction('Place the cone near the pillar, one metre out.')), ['near(cone,pillar)']);
});

test("'so that they touch' after a row's clause sets the row's gap to 0", () => {
  const spec = parseInstruction('Lay the two brackets side by side on the tray so that they touch.');
  assert.deepEqual(brief(spec), ['distance(bracket_2,bracket_1)', 'aligned(bracket_2,bracket_1)', 'on(bracket_1,tray)', 'on(bracket_2,tray)']);
  assert.equal(spec.constraints[0].parameters.spacing, 0);
  assert.equal(parseInstruction('Put three boxes in a row on the shelf so they touch each other.').constraints[0].parameters.spacing, 0);
  // Without a row, 'they touch' stays a touching relation.
  assert.deepEqual(brief(parseInstruction('Put the box left of the crate so that they touch.')), ['left(box,crate)', 'touching(box,crate)']);
});

test("a closing ', on the <support>' after one side relation holds the subject and its reference, as without the comma", () => {
  assert.deepEqual(brief(parseInstruction('Place the hotplate behind the stirrer, on the bench.')), ['behind(hotplate,stirrer)', 'on(hotplate,bench)', 'on(stirrer,bench)']);
  assert.deepEqual(brief(parseInstruction('Put the box left of the crate, on the table.')), ['left(box,crate)', 'on(box,table)', 'on(crate,table)']);
  // After a support relation it stays its own clause.
  assert.deepEqual(brief(parseInstruction('Put the cup on the shelf, on the tray.')), ['on(cup,shelf)', 'on(cup,tray)']);
});

test("', <side relation> <reference>' after '<subject> on <support>' puts a reference placed nowhere on that support, as without the comma", () => {
  assert.deepEqual(brief(parseInstruction('Put the tape gun on the workbench, in front of the monitor.')), ['on(tape_gun,workbench)', 'front(tape_gun,monitor)', 'on(monitor,workbench)']);
  assert.deepEqual(brief(parseInstruction('Put the milk in the fridge, left of the juice.')), ['inside(milk,fridge)', 'left(milk,juice)', 'inside(juice,fridge)']);
  // Floor-standing furniture stays on the floor; a reference with a support of its own keeps it.
  assert.deepEqual(brief(parseInstruction('Put the cup on the table, left of the sofa.')), ['on(cup,table)', 'left(cup,sofa)']);
  assert.deepEqual(brief(parseInstruction('Put the cup on the table and the bowl on the shelf. Put the cup left of the bowl.')), ['on(cup,table)', 'on(bowl,shelf)', 'left(cup,bowl)']);
});

test("the comma rule rests a reference on the support only when it is a load that fits there beside the subject, and nowhere else placed", () => {
  // A vise does not fit on a plate beside a bolt; people, robots, vehicles, openings and fixtures are no load.
  assert.deepEqual(brief(parseInstruction('Put the bolt on the plate, next to the vise')), ['on(bolt,plate)', 'near(bolt,vise)']);
  assert.deepEqual(brief(parseInstruction('Put the bowl in the sink, left of the tap')), ['inside(bowl,sink)', 'left(bowl,tap)']);
  assert.deepEqual(brief(parseInstruction('Put the cup on the table, near the window')), ['on(cup,table)', 'near(cup,window)']);
  assert.deepEqual(brief(parseInstruction('Put the box on the desk, in front of the person')), ['on(box,desk)', 'front(box,person)']);
  assert.deepEqual(brief(parseInstruction('Put the box on the conveyor, left of the robot')), ['on(box,conveyor)', 'left(box,robot)']);
  assert.deepEqual(brief(parseInstruction('Put the box on the pallet, left of the forklift')), ['on(box,pallet)', 'left(box,forklift)']);
  // A plate beside a cup does not fit on a default tray with room between them: the tray (size not stated) grows.
  const tray = parseInstruction('Put the cup on the tray, in front of the plate');
  assert.deepEqual(brief(tray), ['on(cup,tray)', 'front(cup,plate)', 'on(plate,tray)']);
  const t = tray.entities.find((e) => e.name === 'tray')!;
  const [cup, plate] = ['cup', 'plate'].map((n) => tray.entities.find((e) => e.name === n)!);
  assert.ok(2 * t.halfExtents[1] > 2 * (cup.halfExtents[1] + plate.halfExtents[1]) + 0.05);
  // A reference the instruction places elsewhere keeps that place ('which' names the reference just before it).
  assert.deepEqual(brief(parseInstruction('Put the book on the shelf, in front of the box, which is on the table')), ['on(book,shelf)', 'front(book,box)', 'on(box,table)']);
  assert.deepEqual(brief(parseInstruction('Put the book on the shelf, in front of the box, which is on the floor')), ['on(book,shelf)', 'front(book,box)', 'on(box,)']);
  assert.deepEqual(brief(parseInstruction('Lay the torque wrench on the tool cart, in front of the screwdriver.')), ['on(torque_wrench,tool_cart)', 'front(torque_wrench,screwdriver)', 'on(screwdriver,tool_cart)']);
});

test('a bare label, `the <colour or size> one`, `the first`/`the second`, `the former`/`the latter` name an object already named', () => {
  assert.deepEqual(brief(parseInstruction('Bracket A and bracket B both go on the base plate, B to the right of A.')),
    ['on(bracket_a,base_plate)', 'on(bracket_b,base_plate)', 'right(bracket_b,bracket_a)']);
  assert.deepEqual(brief(parseInstruction('Put the red cushion and the blue cushion on the sofa, the red one left of the blue one.')),
    ['on(red_cushion,sofa)', 'on(blue_cushion,sofa)', 'left(red_cushion,blue_cushion)']);
  assert.deepEqual(brief(parseInstruction('Put panel 1 and panel 2 on the frame, 2 behind 1.')), ['on(panel_1,frame)', 'on(panel_2,frame)', 'behind(panel_2,panel_1)']);
  assert.deepEqual(brief(parseInstruction('Put the big box and the small box on the pallet, the big one behind the small one.')), ['on(big_box,pallet)', 'on(small_box,pallet)', 'behind(big_box,small_box)']);
  assert.deepEqual(brief(parseInstruction('Put the cup and the bowl on the table, the latter left of the former.')), ['on(cup,table)', 'on(bowl,table)', 'left(bowl,cup)']);
  assert.deepEqual(brief(parseInstruction('Put the cup and the bowl on the table, the second left of the first.')), ['on(cup,table)', 'on(bowl,table)', 'left(bowl,cup)']);
  // Fitting no object, or two, it is refused as before.
  refused('Put the red cushion and the red pillow on the sofa, the red one left of the blue one.', /'left of' needs a reference object/);
  refused('Put crate A on the pallet, B to the right of A.', /'B' names no object named before \(crate_a, pallet\)/);
  refused('Put crate A on crate B, then put C on A.', /'C' names no object named before/);
  // A label before a copula is read ('A should be left of B'); a number or 'the <colour> one' that names nothing is
  // named in the refusal, as a letter is; carried-over subjects that include the reference are refused as such.
  assert.deepEqual(brief(parseInstruction('Put box A on the table and box B on the shelf. A should be left of B')), ['on(box_a,table)', 'on(box_b,shelf)', 'left(box_a,box_b)']);
  assert.deepEqual(brief(parseInstruction('Put the mug and the cup on the table. The first goes left of the second')), ['on(mug,table)', 'on(cup,table)', 'left(mug,cup)']);
  refused('Put box 1 and box 2 on the shelf, then put 3 on 1', /'3' names no object named before/);
  refused('Put the red cup and the blue cup on the table, then the green one between the red one and the blue one', /'the green one' names no object named before/);
  refused('Put bin 10 and bin 12 on the rack, 12 cm right of 10', /no object for 'right of'.*its reference 'bin_10' is among the objects/);
  // Right after the clause's verb too.
  assert.deepEqual(brief(parseInstruction('Put crate A on the pallet and crate B on the shelf, then move A left of B.')), ['on(crate_a,pallet)', 'on(crate_b,shelf)', 'left(crate_a,crate_b)']);
  // A member numbered by a count is no label the user wrote: the 2 here is no 'box 2' (it is refused as a count).
  refused('Put 3 boxes on the table and 2 on the shelf.', /cannot tell what '2' counts/);
});

test("a stack ordered by positions: 'X at the bottom', 'Y on it', 'Z on top', 'then 2, then 3'", () => {
  assert.deepEqual(brief(parseInstruction('Stack the boxes with box 1 at the bottom, box 2 on it and box 3 on top.')), ['on(box_2,box_1)', 'on(box_3,box_2)']);
  assert.deepEqual(brief(parseInstruction('Stack the boxes with box 3 at the bottom, box 1 on it and box 2 on top.')), ['on(box_1,box_3)', 'on(box_2,box_1)']);
  assert.deepEqual(brief(parseInstruction('Stack the boxes with box 3 at the bottom.')), ['on(box_1,box_3)', 'on(box_2,box_1)']);
  assert.deepEqual(brief(parseInstruction('Stack the boxes with box 1 at the bottom, then 3, then 2.')), ['on(box_3,box_1)', 'on(box_2,box_3)']);
  assert.deepEqual(brief(parseInstruction('Stack the boxes: box 1 at the bottom, then 3, then 2.')), ['on(box_3,box_1)', 'on(box_2,box_3)']);
  assert.deepEqual(brief(parseInstruction('Stack the boxes: box 3 at the top, then 1, then 2.')), ['on(box_1,box_2)', 'on(box_3,box_1)']);
  refused('Stack the boxes: box 1 at the bottom, then 2, then 5.', /'box_5' goes .*no member of the stack/);
  refused('Stack the boxes with box 2 at the bottom, then 2, then 3.', /'box_2' goes .*no member of the stack left to place/);
});

test("a place word before a word the lexicon does not know starts a compound noun: 'the end stop', 'the corner post'", () => {
  assert.deepEqual(brief(parseInstruction('Mount the sensor bracket on the frame rail within 50 mm of the end stop.')),
    ['on(sensor_bracket,frame_rail)', 'near(sensor_bracket,end_stop)', 'on(end_stop,frame_rail)']);
  assert.deepEqual(names('Put the vase near the corner post.'), ['vase', 'corner_post']);
  assert.deepEqual(names('Set the flask within 10 cm of the side shield.'), ['flask', 'side_shield']);
  // Before 'of' it stays a place, which is refused as before.
  refused('Put the box on the end of the table.', /cannot honour 'end'/);
  // Before a word of degree it stays a place too: never an object 'end_farthest' or 'corner_closest'.
  refused('Put the box at the end farthest from the door', /cannot honour 'end'/);
  refused('Put the box at the end closest to the door', /cannot honour 'end'/);
  refused('Put the lamp in the corner closest to the window', /cannot honour 'corner'/);
  refused('Put the box on the side nearer the door', /cannot honour 'side'/);
});

test("'edges aligned'/'edges flush' is the aligned stack; 'their edges touch'/'edges touching' is touching; elsewhere refused", () => {
  assert.deepEqual(brief(parseInstruction('Put plate 2 on plate 1, then plate 3 on plate 2, edges aligned.')),
    ['on(plate_2,plate_1)', 'on(plate_3,plate_2)', 'aligned(plate_2,plate_1)', 'aligned(plate_3,plate_2)']);
  assert.deepEqual(brief(parseInstruction('Stack the three plates with their edges flush.')),
    ['on(plate_2,plate_1)', 'on(plate_3,plate_2)', 'aligned(plate_2,plate_1)', 'aligned(plate_3,plate_2)']);
  assert.deepEqual(brief(parseInstruction('Put panel A left of panel B so their edges touch.')), ['left(panel_a,panel_b)', 'touching(panel_a,panel_b)']);
  assert.deepEqual(brief(parseInstruction('Butt panel A up against panel B.')), ['touching(panel_a,panel_b)']);
  const row = parseInstruction('Place the two trays side by side on the bench, edges touching.');
  assert.equal(row.constraints[0].parameters.spacing, 0);
  refused('Put the box left of the crate, edges flush.', /cannot honour 'edges'.*only for a stack/);
  refused('Put three boxes in a row, edges aligned.', /cannot honour 'edges'.*only for a stack/);
  // Objects put on a support with their edges aligned are aligned with each other, never with the support.
  assert.deepEqual(brief(parseInstruction('Arrange the books on the shelf with their edges aligned')),
    ['on(book_1,shelf)', 'on(book_2,shelf)', 'on(book_3,shelf)', 'aligned(book_2,book_1)', 'aligned(book_3,book_2)']);
  refused('Put the box on the shelf, edges aligned.', /cannot honour 'edges'.*only for a stack/);
});

test("a side relation after a formation's support places its bottom layer; 'on either side of' puts two objects left and right", () => {
  assert.deepEqual(brief(parseInstruction('Stack 3 boxes on the floor in front of the rack.')), ['on(box_2,box_1)', 'on(box_3,box_2)', 'on(box_1,)', 'front(box_1,rack)']);
  assert.deepEqual(brief(parseInstruction('Stack 3 boxes on the table in front of the lamp.')), ['on(box_2,box_1)', 'on(box_3,box_2)', 'on(box_1,table)', 'front(box_1,lamp)', 'on(lamp,table)']);
  // Floor-standing furniture stays on the floor.
  assert.deepEqual(brief(parseInstruction('Stack 3 boxes on the table in front of the sofa.')), ['on(box_2,box_1)', 'on(box_3,box_2)', 'on(box_1,table)', 'front(box_1,sofa)']);
  assert.deepEqual(brief(parseInstruction('Place two lamps on either side of the bed.')), ['left(lamp_1,bed)', 'right(lamp_2,bed)', 'between(bed,lamp_1+lamp_2)']);
  assert.deepEqual(brief(parseInstruction('Place the speakers on each side of the TV.')), ['left(speaker_1,tv)', 'right(speaker_2,tv)', 'between(tv,speaker_1+speaker_2)']);
  refused('Put three lamps on either side of the bed.', /'on either side of' needs two objects, one for each side, not 3/);
});

test("'seen from above' qualifies a turn about z in the usual sense, 'seen from below' in the opposite one; with no turn it is refused", () => {
  const turn = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'angle').map((c) => Math.round(((c.parameters.angle ?? 0) * 180) / Math.PI));
  assert.deepEqual(turn('Turn the sample rack 90 degrees counterclockwise, seen from above, and set it on the bench.'), [90]);
  assert.deepEqual(brief(parseInstruction('Turn the sample rack 90 degrees counterclockwise, seen from above, and set it on the bench.')), ['angle(sample_rack,)', 'on(sample_rack,bench)']);
  assert.deepEqual(turn('Rotate the box 90 degrees clockwise as seen from below.'), [90]);
  assert.deepEqual(turn('Rotate the box 90 degrees clockwise, viewed from the top.'), [-90]);
  refused('Put the box left of the crate, seen from above.', /cannot honour 'seen from above'.*no such turn/);
  refused('Rotate the box 30 degrees about the x axis, seen from below.', /cannot honour 'seen from below'/);
  // Another viewpoint said of a relation that reads the same from anywhere changes nothing; of one that does not
  // (left of) it has no reading: refused, never dropped.
  assert.deepEqual(brief(parseInstruction('Put the sofa against the wall, seen from the door.')), ['touching(sofa,wall)']);
  assert.deepEqual(brief(parseInstruction('Put the box on the shelf as seen from the front')), ['on(box,shelf)']);
  refused('Put the lamp left of the TV, seen from the door.', /cannot honour 'seen from the door'.*read only as 'seen from above'/);
});

test("a verb's -s form before a parts list's count ('clips x2', 'clamps ×2') is a plural noun of that count", () => {
  assert.deepEqual(names('Clips x2 on the base plate, side by side.'), ['clip_1', 'clip_2', 'base_plate']);
  assert.deepEqual(brief(parseInstruction('Put clamps x2 left of the vise.')), ['left(clamp_1,vise)', 'left(clamp_2,vise)']);
  assert.deepEqual(names('Put clips ×2 on the base plate.'), ['clip_1', 'clip_2', 'base_plate']);
});

test("feet then inches under a foot are one length: '2 ft 6 in', '3 feet 4 inches'", () => {
  assert.equal(parseInstruction('Put the box 2 ft 6 in left of the crate.').constraints[0].parameters.distance!.toFixed(4), '0.7620');
  assert.equal(parseInstruction('Keep the cart 3 feet 4 inches from the wall.').constraints[0].parameters.distance!.toFixed(4), '1.0160');
  assert.equal(parseInstruction('Put the rack 1 ft 6" behind the door.').constraints[0].parameters.distance!.toFixed(4), '0.4572');
});

test("'N in in front of' is N inches before the relation's own 'in'", () => {
  assert.equal(parseInstruction('Park the hand truck 2 ft 6 in in front of the rack.').constraints[0].parameters.distance!.toFixed(4), '0.7620');
  assert.equal(parseInstruction('Put the box 4 in in front of the crate.').constraints[0].parameters.distance!.toFixed(4), '0.1016');
});

test("a comma between two bare nouns of a list stands for 'and': 'Cup, plate and bowl' are three objects, not 'cup_plate'", () => {
  assert.deepEqual(brief(parseInstruction('Cup, plate and bowl go on the table.')), ['on(cup,table)', 'on(plate,table)', 'on(bowl,table)']);
  assert.deepEqual(names('Put the cup, plate and bowl on the table.'), ['cup', 'plate', 'bowl', 'table']);
  // A compound written whole stays one object.
  assert.deepEqual(names('Put the trash can, bin and box left of the door.'), ['trash_can', 'bin', 'box', 'door']);
});

test("'2x clips' (a count glued to x before its noun) is two clips; '2x1 m' stays a size", () => {
  assert.deepEqual(names('Put 2x clips on the base plate.'), ['clip_1', 'clip_2', 'base_plate']);
  assert.deepEqual(parseInstruction('Put the 2x1 m table left of the door.').entities[0].halfExtents.slice(0, 2), [1, 0.5]);
});

test("a middle or centre that no relation takes is refused, never dropped with the objects it was said of", () => {
  refused('Set the table, plate in the middle, fork left of it', /cannot honour 'middle'/);
  refused('Set the table, bowl in the centre, spoon right of it', /cannot honour 'centre'/);
  assert.deepEqual(brief(parseInstruction('Put the plate in the middle of the table')), ['on(plate,table)']);
});

test("a plural word and a colon before a list names the list's kind, never objects of its own", () => {
  assert.deepEqual(names('Tools: hammer, wrench on the bench'), ['hammer', 'wrench', 'bench']);
  assert.deepEqual(names('Parts: bolt, washer and nut on the plate'), ['bolt', 'washer', 'nut', 'plate']);
});

test("a later clause that stacks an object on another resting on the same support replaces its earlier 'on'", () => {
  assert.deepEqual(brief(parseInstruction('Put a red box and a blue box on the table, then stack the red one on the blue one')), ['on(blue_box,table)', 'on(red_box,blue_box)']);
  assert.deepEqual(brief(parseInstruction('Put crate A and crate B on the pallet, B on A')), ['on(crate_a,pallet)', 'on(crate_b,crate_a)']);
  assert.deepEqual(brief(parseInstruction('Put the box and the crate on the table, then put the crate on the box')), ['on(box,table)', 'on(crate,box)']);
  // On another support it keeps both (refused by the solver as before, never silently moved).
  assert.deepEqual(brief(parseInstruction('Put the box on the table and the crate on the shelf, then put the box on the crate')), ['on(box,table)', 'on(crate,shelf)', 'on(box,crate)']);
});

test("'<n>x' counts only before a noun; a designation (M6) between a count and its noun keeps the count", () => {
  // No noun after it: refused as before, never a rename ('table_2') or a wrong count.
  for (const text of ['Put the box on the table 2x', 'Put the 2x 4 board on the bench', 'Put a 2x 3 m rug in front of the sofa', 'Put the box 2x as far from the crate']) {
    assert.throws(() => parseInstruction(text), /cannot read the number '2x'/, text);
  }
  assert.deepEqual(names('Put 4x M6 bolts on the plate'), ['bolt_1', 'bolt_2', 'bolt_3', 'bolt_4', 'plate']);
  assert.deepEqual(names('Put 2x M6 washers and 2x M6 nuts on the plate'), ['washer_1', 'washer_2', 'nut_1', 'nut_2', 'plate']);
  assert.deepEqual(names('Put 2 M5 screws on the plate'), ['screw_1', 'screw_2', 'plate']);
  assert.ok(parseInstruction('Put 4x M6 bolts on the plate').warnings.includes("ignored 'm6'"));
  assert.equal(names('Arrange nine cubes in a 3x3 grid on the table').length, 10);
});

test("of two just listed, 'one … the other' and 'the other' name each", () => {
  assert.deepEqual(brief(parseInstruction('Put the two lamps on the table, one left of the other.')), ['on(lamp_1,table)', 'on(lamp_2,table)', 'left(lamp_1,lamp_2)']);
  assert.deepEqual(brief(parseInstruction('Put the cup and the bowl on the table, the cup left of the other.')), ['on(cup,table)', 'on(bowl,table)', 'left(cup,bowl)']);
  assert.deepEqual(brief(parseInstruction('Put the cup and the bowl on the table, the other one behind the cup.')), ['on(cup,table)', 'on(bowl,table)', 'behind(bowl,cup)']);
  // "one on top of the other" stays a stack.
  assert.deepEqual(brief(parseInstruction('Put two trays on the cart, one on top of the other.')), ['on(tray_1,cart)', 'on(tray_2,tray_1)']);
});

test("a bare count opening a clause before its relation ('…, and 2 on the shelf') is refused, never all of the objects before", () => {
  refused('Put 3 boxes on the table and 2 on the shelf.', /cannot tell what '2' counts in '2 on the shelf'/);
  assert.deepEqual(brief(parseInstruction('Put panel 1 and panel 2 on the frame, 2 behind 1.')), ['on(panel_1,frame)', 'on(panel_2,frame)', 'behind(panel_2,panel_1)']);
});

test("'between them' after a counted group on the floor puts the subject on the floor, never a relation to no object", () => {
  assert.deepEqual(brief(parseInstruction('Put 2 pallets on the floor 1 m apart and place the crate between them.')), ['distance(pallet_2,pallet_1)', 'aligned(pallet_2,pallet_1)', 'on(pallet_1,)', 'on(pallet_2,)', 'between(crate,pallet_1+pallet_2)', 'on(crate,)']);
  assert.deepEqual(brief(parseInstruction('Set two drums on the floor and put the funnel between them.')).slice(-2), ['between(funnel,drum_1+drum_2)', 'on(funnel,)']);
});

test("'left to right', 'from right to left', 'front to back', 'bottom to top' after a group: a row (or stack) in that order", () => {
  const row = (text: string) => brief(parseInstruction(text)).filter((c) => c.startsWith('distance') || c.startsWith('left') || c.startsWith('right'));
  assert.deepEqual(row('Put bins 1 to 3 on shelf A, left to right.'), ['distance(bin_2,bin_1)', 'distance(bin_3,bin_2)']);
  assert.deepEqual(row('Put bins 1 to 3 on shelf A from left to right.'), ['distance(bin_2,bin_1)', 'distance(bin_3,bin_2)']);
  assert.deepEqual(row('Put bins 1 to 3 on shelf A, right to left.'), ['distance(bin_2,bin_3)', 'distance(bin_1,bin_2)']);
  const axes = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.axis);
  assert.deepEqual(axes('Put boxes 1 to 3 on the shelf, front to back.'), ['y', 'y']);
  assert.deepEqual(brief(parseInstruction('Stack boxes 1 to 3 on the pallet from top to bottom.')), ['on(box_2,box_3)', 'on(box_1,box_2)', 'on(box_3,pallet)']);
});

test("'the two' and 'the pair' before a verb of being name the two objects just named", () => {
  assert.deepEqual(brief(parseInstruction('Clamp the red block against the blue block so the two are touching.')), ['touching(red_block,blue_block)', 'touching(red_block,blue_block)']);
  assert.deepEqual(brief(parseInstruction('Slide the cover against the housing so the two are in contact.')).at(-1), 'touching(cover,housing)');
  assert.deepEqual(brief(parseInstruction('Put the cup next to the plate so the pair are touching.')), ['near(cup,plate)', 'touching(cup,plate)']);
  // More than two just named: refused, naming them.
  assert.throws(() => parseInstruction('Put the cup, the bowl and the plate on the table so the two are touching.'), /'the two' needs 2 objects just named/);
});

test("'on 30 mm centres', 'at 50 cm centres', '25 mm between centres' space a row's centres", () => {
  const pitches = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.distance);
  assert.deepEqual(pitches('Set four pins in a row on 30 mm centres.'), [0.03, 0.03, 0.03]);
  assert.deepEqual(pitches('Line up bolts 1 to 4 with 25 mm between centres.'), [0.025, 0.025, 0.025]);
  assert.deepEqual(pitches('Put three bins on the shelf at 50 cm centres.'), [0.5, 0.5]);
});

test("'each (one) … on/above the one below / the previous one / the last one' chains the group just named", () => {
  assert.deepEqual(brief(parseInstruction('Stack the three heat sinks, each one centred on the one below.')), ['on(heat_sink_2,heat_sink_1)', 'on(heat_sink_3,heat_sink_2)']);
  assert.deepEqual(brief(parseInstruction('create sequence of 4 parts, each placed above the previous one')), ['above(part_2,part_1)', 'above(part_3,part_2)', 'above(part_4,part_3)']);
  assert.deepEqual(brief(parseInstruction('Put 4 trays on the cart, each on top of the last one.')), ['on(tray_1,cart)', 'on(tray_2,tray_1)', 'on(tray_3,tray_2)', 'on(tray_4,tray_3)']);
  assert.deepEqual(parseInstruction('Put three plates on the table, each one left of the previous one.').warnings, []);
});

test("'so they form a stack' keeps the order the clauses gave, bottom first", () => {
  assert.deepEqual(brief(parseInstruction('Place spacer 2 on spacer 1 and spacer 3 on spacer 2 so they form a stack.')), ['on(spacer_2,spacer_1)', 'on(spacer_3,spacer_2)']);
  assert.deepEqual(brief(parseInstruction('Put box B on box A, then box C on box B, so they form a stack.')), ['on(box_b,box_a)', 'on(box_c,box_b)']);
  // Never the support on top of what it holds.
  assert.deepEqual(brief(parseInstruction('Put the red box and the blue box on the table so they form a stack.')), ['on(red_box,table)', 'on(blue_box,red_box)']);
});

test("'that' alone closing a phrase stands for what was just placed, as 'it'", () => {
  assert.deepEqual(brief(parseInstruction('Put the shoe box on top of the big box and the small box on top of that.')), ['on(shoe_box,big_box)', 'on(small_box,shoe_box)']);
  assert.deepEqual(brief(parseInstruction('Put the cup on the tray, then put the lid on that.')), ['on(cup,tray)', 'on(lid,cup)']);
  // 'that' before a noun stays a determiner.
  assert.deepEqual(brief(parseInstruction('Put the cup on that tray.')), ['on(cup,tray)']);
});

test("'which' after a support relation is said of its reference", () => {
  assert.deepEqual(brief(parseInstruction('Carton 12 sits on carton 11, which sits on carton 10.')), ['on(carton_12,carton_11)', 'on(carton_11,carton_10)']);
  assert.deepEqual(brief(parseInstruction('Put the cup on the tray, which is on the table.')), ['on(cup,tray)', 'on(tray,table)']);
});

test("one of two objects just placed, put 'on the left' with no reference, is left of the other", () => {
  assert.deepEqual(brief(parseInstruction('Put the big pot and the small pot on the stove, the big one on the left.')).at(-1), 'left(big_pot,small_pot)');
  assert.deepEqual(brief(parseInstruction('Put the cup and the plate on the table, the cup on the right.')).at(-1), 'right(cup,plate)');
  // One object alone keeps the world side.
  assert.deepEqual(brief(parseInstruction('Put the lamp on the table, on the left.')).at(-1), 'left(lamp,)');
});

test("', 15 cm away from it' after one side relation is that relation's distance, as ', 15 cm away'", () => {
  const read = (text: string) => parseInstruction(text).constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')},${c.parameters.distance ?? ''})`);
  assert.deepEqual(read('Place the blue mug in front of the kettle, 15 cm away from it.'), read('Place the blue mug in front of the kettle, 15 cm away.'));
  assert.deepEqual(read('Put the lamp left of the sofa, 50 cm away from it.'), ['left(lamp,sofa,0.5)', 'near(lamp,sofa,0.5)']);
});

test("'D apart, centre to centre' measures the spacing between centres", () => {
  const pitches = (text: string) => parseInstruction(text).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.distance);
  assert.deepEqual(pitches('Place two stanchions 1.5 m apart, centre to centre, on the floor.'), [1.5]);
  assert.deepEqual(pitches('Place two stanchions 1.5 m apart centre to centre on the floor.'), [1.5]);
  assert.deepEqual(pitches('Place three cones 2 m apart c/c on the floor.'), [2, 2]);
});

test("'align A, B and C along an axis' (placed nowhere yet) stands them in a row along it", () => {
  const read = (text: string) => parseInstruction(text).constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')},${c.parameters.axis ?? ''})`);
  assert.deepEqual(read('align boxes A, B and C along y-axis'), ['distance(box_b,box_a,y)', 'aligned(box_b,box_a,y)', 'distance(box_c,box_b,y)', 'aligned(box_c,box_b,y)']);
  // Objects already related keep only the alignment.
  assert.deepEqual(read('place the blue box 15 cm behind the red box and align them along the y-axis').at(-1), 'aligned(red_box,blue_box,y)');
});

test("a closing 'for <noun phrase>' after a relation's reference names no object ('for the move')", () => {
  const scene = parseInstruction('Put the small vase inside the big box for the move.');
  assert.deepEqual(scene.entities.map((e) => e.name), ['small_vase', 'big_box']);
  assert.deepEqual(brief(scene), ['inside(small_vase,big_box)']);
  assert.ok(scene.warnings.includes("ignored 'for the move'"));
  assert.deepEqual(names('Put the box on the shelf for storage.'), ['box', 'shelf']);
});

test("a counted or plural noun phrase alone before a colon names the group the next clause's pronoun refers to", () => {
  for (const text of ['Brackets x2: set them side by side on the base plate.', 'Two brackets: set them side by side on the base plate.']) {
    assert.deepEqual(names(text), ['bracket_1', 'bracket_2', 'base_plate'], text);
    assert.ok(brief(parseInstruction(text)).includes('on(bracket_2,base_plate)'), text);
  }
  // Nothing placing the group: refused as before.
  assert.throws(() => parseInstruction('Put the cup on the table, three boxes.'), ParseError);
});

test("a fronted 'With the <tool>,' before a clause of taking reads as after it", () => {
  assert.deepEqual(brief(parseInstruction('With the vacuum gripper, pick up the parcel and place it on the outfeed conveyor.')),
    brief(parseInstruction('Pick up the parcel with the vacuum gripper and place it on the outfeed conveyor.')));
  assert.deepEqual(brief(parseInstruction('With the gripper, grab the can and set it on the shelf.')), ['touching(gripper,can)', 'above(gripper,can)', 'on(can,shelf)']);
});

test("'in N rows', 'in N columns' after a count is a grid formation, never a container", () => {
  for (const s of ['Arrange six glasses in two rows of three on the tray.', 'Place six jars in 3 columns on the shelf.']) {
    const b = brief(parseInstruction(s));
    assert.ok(b.every((r) => !r.startsWith('inside(')), s);
    assert.ok(b.some((r) => r.startsWith('on(') && (r.endsWith(',tray)') || r.endsWith(',shelf)'))), s);
  }
  assert.ok(brief(parseInstruction('Put two apples in two bowls.')).some((r) => r.startsWith('inside(')));
});

test("a polygon formation's side length ('8 cm per side', 'with 50 cm sides', 'side length 50 cm') spaces neighbouring centres", () => {
  const gaps = (s: string): number[] => parseInstruction(s).constraints.filter((c) => c.type === 'distance' && (c.parameters?.distance ?? 0) > 0).map((c) => c.parameters!.distance!);
  for (const s of ['Four standoffs in a square on the base plate, 8 cm per side.', 'Four standoffs in a square on the base plate, 8 cm on a side.', 'Four standoffs in a square, side length 8 cm.']) {
    assert.equal(Math.min(...gaps(s)), 0.08, s);
  }
  for (const s of ['Place three cones in a triangle with 50 cm sides.', 'Place three cones in a triangle with a side length of 50 cm.']) assert.deepEqual(gaps(s), [0.5, 0.5, 0.5], s);
  // No polygon: refused as before.
  assert.throws(() => parseInstruction('Put the box on the table, 8 cm per side.'), ParseError);
});

test("'it' in a later relation of the same subject is the reference of the relation before, never the subject", () => {
  assert.deepEqual(brief(parseInstruction('move cube right of sphere touching it')), ['right(cube,sphere)', 'touching(cube,sphere)']);
  assert.ok(brief(parseInstruction('Put the mug on the tray next to the plate touching it')).includes('touching(mug,plate)'));
});

test("'each touching the next' after a row is the row's contact (a gap of 0), like 'so that they touch'", () => {
  assert.deepEqual(brief(parseInstruction('Lay four dowels side by side on the jig, each touching the next.')),
    brief(parseInstruction('Lay four dowels side by side on the jig so that they touch.')));
  assert.deepEqual(brief(parseInstruction('Put four blocks in a row on the table, each one touches the next one.')),
    brief(parseInstruction('Put four blocks in a row on the table so that they touch.')));
});

test("a formation after a comma, then a distance ('…, in a row, 1 cm apart', '…, 1 cm apart, in a row') is the formation's spacing", () => {
  const plain = brief(parseInstruction('Brackets x3 on the base plate in a row 1 cm apart.'));
  assert.deepEqual(brief(parseInstruction('Brackets x3 on the base plate, in a row, 1 cm apart.')), plain);
  assert.deepEqual(brief(parseInstruction('Put three brackets on the base plate, 1 cm apart, in a row.')), brief(parseInstruction('Put three brackets on the base plate in a row, 1 cm apart.')));
  assert.deepEqual(brief(parseInstruction('Put six cups on the tray, in two rows.')), brief(parseInstruction('Put six cups on the tray in two rows.')));
  // "in" before a formation is never an object.
  assert.ok(!names('The cones are to be placed 2 m apart in a line.').some((n) => n.startsWith('in')));
});

test("a labelled noun outside the lexicon after a verb of taking is the object picked ('pick up pouch 12')", () => {
  assert.deepEqual(brief(parseInstruction('Pick up pouch 12 and put it in tote 5.')), ['inside(pouch_12,tote_5)']);
  assert.deepEqual(brief(parseInstruction('Grab sachet B and drop it into bin 3.')), ['inside(sachet_b,bin_3)']);
});

test("'with <member> on the floor' in a stack of a numbered group is its bottom, like 'at the bottom'", () => {
  assert.deepEqual(brief(parseInstruction('Stack pallets 1 to 3 with pallet 1 on the floor.')), brief(parseInstruction('Stack pallets 1 to 3 with pallet 1 at the bottom.')));
  assert.deepEqual(brief(parseInstruction('Stack crates 1 to 3 with crate 3 on the ground.')), ['on(crate_1,crate_3)', 'on(crate_2,crate_1)']);
});

test("'leaving D clear' after a relation is its gap, at least D (like 'at least D away')", () => {
  const away = brief(parseInstruction('Put the drum to the right of the pallet jack, at least 50 cm away.'));
  assert.deepEqual(brief(parseInstruction('Put the drum to the right of the pallet jack, leaving at least 50 cm clear.')), away);
  assert.deepEqual(brief(parseInstruction('Put the drum to the right of the pallet jack, leaving 50 cm clear.')), away);
  assert.equal(parseInstruction('Put the drum to the right of the pallet jack, leaving 50 cm clear.').constraints[0].parameters?.distance, 0.5);
});

test("after a stack of one kind, 'the top <kind>' / 'the highest' is its highest member and 'the bottom <kind>' its lowest", () => {
  assert.deepEqual(brief(parseInstruction('Stack two crates on the pallet, then put the box on the top crate.')), ['on(crate_2,crate_1)', 'on(crate_1,pallet)', 'on(box,crate_2)']);
  assert.deepEqual(brief(parseInstruction('Stack two crates on the pallet, then put the box on the highest crate.')), ['on(crate_2,crate_1)', 'on(crate_1,pallet)', 'on(box,crate_2)']);
  assert.ok(brief(parseInstruction('Stack two crates on the pallet, then put the box next to the bottom crate.')).includes('near(box,crate_1)'));
  // No stack: a compound name as before.
  assert.deepEqual(brief(parseInstruction('Put the cup on the top plate.')), ['on(cup,top_plate)']);
});

test("'each touching the next' closes the gap of any row: line up, align, in a row/line, side by side, a row of", () => {
  for (const s of ['Line up four cartons on the conveyor, each one touching the next.', 'Align three bins on the shelf, each touching the next',
    'Put four blocks in a line on the table, each touching the one before.', 'Place a row of three jars on the shelf, each touching its neighbour',
    'Lay four dowels side by side on the jig, each touching the next.', 'Line up three crates on the floor so that they touch']) {
    const gaps = parseInstruction(s).constraints.filter((c) => c.type === 'distance').map((c) => c.parameters.spacing);
    assert.ok(gaps.length >= 2 && gaps.every((g) => g === 0), `${s}: ${JSON.stringify(gaps)}`);
  }
});

test("a row's centre-to-centre spacing: 'between their centres', 'between the centres', 'centre-to-centre distance of D', 'D c/c'", () => {
  const want = brief(parseInstruction('Set 3 tubs in a line on the floor, 1 m between centres.'));
  for (const s of ['Set 3 tubs in a line on the floor with 1 m between their centres.', 'Set 3 tubs in a line on the floor, 1 m between the centres',
    'Set 3 tubs in a line on the floor, centre-to-centre distance of 1 m.', 'Set 3 tubs in a line on the floor with a centre to centre spacing of 1 m',
    'Set 3 tubs in a line on the floor, 1 m c/c.']) {
    const r = parseInstruction(s);
    assert.deepEqual(brief(r), want, s);
    assert.ok(r.constraints.filter((c) => c.type === 'distance').every((c) => c.parameters.distance === 1), s);
  }
});

test("'its' that the clause's own subject cannot mean: the previous reference on the opposite side, or the previous subject", () => {
  assert.ok(brief(parseInstruction('Clamp 1 on the left of the workpiece, clamp 2 on its right.')).includes('right(clamp_2,workpiece)'));
  assert.ok(brief(parseInstruction('Put the cup left of the plate, the fork on its right')).includes('right(fork,plate)'));
  assert.ok(brief(parseInstruction('Put the cup left of the plate, the fork on its left')).includes('left(fork,cup)'));
  const lab = brief(parseInstruction('Microscope on the bench at the left, centrifuge on the bench to its right.'));
  assert.ok(lab.includes('right(centrifuge,microscope)') && lab.includes('on(centrifuge,bench)'), lab.join(' '));
  assert.ok(brief(parseInstruction('Put the scale on the shelf, then the jar on the shelf to its left')).includes('left(jar,scale)'));
});

test("a listed stack with articles: every member placed, and '<member> at the bottom/on top' after a comma orders it", () => {
  assert.deepEqual(brief(parseInstruction('stack the red box, the green box and the blue box on the table, red box at the bottom')),
    ['on(green_box,red_box)', 'on(blue_box,green_box)', 'on(red_box,table)']);
  assert.deepEqual(brief(parseInstruction('stack the red box, the green box and the blue box on the table, blue box at the bottom')),
    ['on(red_box,blue_box)', 'on(green_box,red_box)', 'on(blue_box,table)']);
  assert.deepEqual(brief(parseInstruction('Stack the red cup and the blue cup on the tray with the blue cup at the bottom')),
    ['on(red_cup,blue_cup)', 'on(blue_cup,tray)']);
  assert.ok(brief(parseInstruction('stack the red box, the green box and the blue box on the table, the red box on top')).includes('on(red_box,blue_box)'));
});

test("'X and Y on S with Z between them' reads as 'Z on S between X and Y': the order of the words changes nothing", () => {
  const sorted = (s: string) => brief(parseInstruction(s)).sort();
  assert.deepEqual(sorted('Place hinge 1 and hinge 2 on the lid with the handle between them.'), sorted('Put the handle on the lid between hinge 1 and hinge 2'));
  assert.deepEqual(sorted('Set flask 1 and flask 2 on the bench with the stirrer between them'), sorted('Put the stirrer on the bench between flask 1 and flask 2'));
});

test("a group's own verb before 'in a <formation>' takes no object: 'in' is never a member", () => {
  assert.deepEqual(names('Four falcon tubes stand in a square on the tube rack.'), ['falcon_tube_1', 'falcon_tube_2', 'falcon_tube_3', 'falcon_tube_4', 'tube_rack']);
  assert.deepEqual(names('The tubes sit in a row on the rack.'), ['tube_1', 'tube_2', 'tube_3', 'rack']);
  assert.deepEqual(names('Six cones stand in a circle around the post.'), ['cone_1', 'cone_2', 'cone_3', 'cone_4', 'cone_5', 'cone_6', 'post']);
  // Fronted, the verb still takes its group as object.
  assert.deepEqual(names('Stand four tubes in a row on the rack.'), ['tube_1', 'tube_2', 'tube_3', 'tube_4', 'rack']);
});

test("'with <noun> <label> between them' after a labelled pair opens a clause of its own, as 'with the <noun>' does", () => {
  const sorted = (s: string) => brief(parseInstruction(s)).sort();
  assert.deepEqual(sorted('Put bins A and B on shelf 1 with bin C between them.'), sorted('Put bin C on shelf 1 between bins A and B'));
  assert.deepEqual(sorted('Set totes 1 and 2 on the cart with tote 3 between them'), sorted('Put tote 3 on the cart between tote 1 and tote 2'));
  assert.deepEqual(sorted('put hinge 1 and hinge 2 on the lid with bracket 4 between them'), sorted('put bracket 4 on the lid between hinge 1 and hinge 2'));
});

test("'A on the left, B in the middle, C on the right' places them among one another: a row in that order", () => {
  assert.deepEqual(brief(parseInstruction('Tote 1 on the left, tote 2 in the middle, tote 3 on the right, all on the conveyor.')),
    ['left(tote_1,tote_2)', 'left(tote_2,tote_3)', 'on(tote_1,conveyor)', 'on(tote_2,conveyor)', 'on(tote_3,conveyor)']);
  // In any order of the clauses, with 'centre' or 'at the left'.
  assert.deepEqual(brief(parseInstruction('The lamp on the right, the vase in the centre, the jar at the left.')), ['left(jar,vase)', 'left(vase,lamp)']);
  // One object on the left and one on the right, with none in the middle, stay at the world's sides as before.
  assert.deepEqual(brief(parseInstruction('Tote 1 on the left, tote 2 on the right.')), ['left(tote_1,)', 'right(tote_2,)']);
});

test("two objects 'opposite each other' in (or on) a centre object stand on opposite sides of its centre, a ring of two", () => {
  const s = parseInstruction('Load two tubes opposite each other in the centrifuge.');
  assert.ok(!s.warnings.some((w) => /opposite/.test(w)), s.warnings.join('; '));
  const dist = (a: string, b: string, axis?: string) => s.constraints.find((c) => c.type === 'distance' && c.subject === a && c.targets[0] === b && c.parameters.axis === axis)?.parameters.distance;
  const r = dist('tube_1', 'centrifuge')!;
  assert.ok(r > 0.015 && r < 0.2 - 0.015, `radius ${r} inside the centrifuge`);
  assert.equal(dist('tube_2', 'centrifuge'), r);
  // 2r apart and r from the centre each: the centre lies between them, at one height.
  assert.ok(Math.abs(dist('tube_2', 'tube_1')! - 2 * r) < 1e-6);
  assert.equal(dist('tube_2', 'tube_1', 'z'), 0);
  assert.deepEqual(brief(parseInstruction('Set vial 1 and vial 2 opposite one another in the rack.')).filter((c) => c.startsWith('inside')), ['inside(vial_1,rack)', 'inside(vial_2,rack)']);
  // With no centre object placing the two, 'opposite' is still ignored with a warning, never read as something else.
  assert.ok(parseInstruction('Put two chairs opposite each other at the table.').warnings.includes("ignored 'opposite'"));
});
