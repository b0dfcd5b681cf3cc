/**
 * Failure kinds found by the fifth held-out set, each with instructions of our own: compounds whose first word is
 * an adjective or place word that is also a noun, 'can' before a finite verb, purpose clauses, fronted place
 * phrases and 'both …', clearances from a reference, elliptical group relations and a formation's radius.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { briefScene as brief, names } from './readings.js';


test('light, space, top and bottom before a noun start a compound; light after a noun is its head', () => {
  assert.deepEqual(names('Mount the light barrier left of the lathe.'), ['light_barrier', 'lathe']);
  assert.deepEqual(names('Keep the space saver right of the sink.'), ['space_saver', 'sink']);
  assert.deepEqual(brief(parseInstruction('Set the top panel on the cabinet and the badge on the top panel.')), ['on(top_panel,cabinet)', 'on(badge,top_panel)']);
  assert.deepEqual(brief(parseInstruction('Put the jar on the bottom shelf.')), ['on(jar,bottom_shelf)']);
  assert.deepEqual(names('Hang the desk light 30 cm above the desk.'), ['desk_light', 'desk']);
  // Not before a noun: the orientation role, the relation, the adjective and the shade stay as they were.
  assert.deepEqual(brief(parseInstruction('Put the cup on top of the fridge.')), ['on(cup,fridge)']);
  assert.deepEqual(names('Put the light grey box on the table.'), ['grey_box', 'table']);
  assert.deepEqual(names('Hang the light 2 m above the bench.'), ['light', 'bench']);
});

test('"can" before a finite verb is the noun; a modal takes a base form', () => {
  assert.deepEqual(brief(parseInstruction('The oil can goes behind the lathe.')), ['behind(oil_can,lathe)']);
  assert.deepEqual(brief(parseInstruction('The paint can should sit left of the ladder.')), ['left(paint_can,ladder)']);
  assert.deepEqual(brief(parseInstruction('The crate can go on the pallet.')), ['on(crate,pallet)']);
});

test('a purpose clause is dropped unless it has a relation of its own', () => {
  assert.deepEqual(brief(parseInstruction('Lift the bin onto the bench so I can sweep.')), ['on(bin,bench)']);
  assert.deepEqual(brief(parseInstruction('Park the cart beside the rack so trolleys can pass.')), ['near(cart,rack)']);
  assert.deepEqual(brief(parseInstruction('Move the lamp behind the sofa to free the corner.')), ['behind(lamp,sofa)']);
  assert.deepEqual(brief(parseInstruction('Put the mug on the shelf so that it sits above the kettle.')), ['on(mug,shelf)', 'above(mug,kettle)']);
  // "next to", "attach … to": no purpose.
  assert.deepEqual(brief(parseInstruction('Put the box next to the crate.')), ['near(box,crate)']);
  assert.deepEqual(brief(parseInstruction('Attach the hose to the pump.')), ['touching(hose,pump)']);
});

test('a fronted place phrase applies to the next clauses; "both" and a relation to the clause before', () => {
  assert.deepEqual(brief(parseInstruction('On the cart, set tote 1 left of tote 2.')), ['left(tote_1,tote_2)', 'on(tote_1,cart)', 'on(tote_2,cart)']);
  assert.deepEqual(brief(parseInstruction('In the fridge, put the milk behind the jam.')), ['behind(milk,jam)', 'inside(milk,fridge)', 'inside(jam,fridge)']);
  assert.deepEqual(brief(parseInstruction('Set the stapler right of the tray, both on the desk.')), ['right(stapler,tray)', 'on(stapler,desk)', 'on(tray,desk)']);
  // A trailing place after a clause is still read with that clause (the lamp, placed nowhere, on the table too).
  assert.deepEqual(brief(parseInstruction('Put the box on the table, in front of the lamp.')), ['on(box,table)', 'front(box,lamp)', 'on(lamp,table)']);
});

test('a clearance from a reference is a lower bound on the gap; "needs" is a verb', () => {
  const s = parseInstruction('The oven needs at least 15 cm of clearance from the cupboard.');
  assert.deepEqual(brief(s), ['far(oven,cupboard)']);
  assert.equal(s.constraints[0].parameters.distance, 0.15);
  assert.deepEqual(brief(parseInstruction('The lathe requires 1 m of space from the door.')), ['far(lathe,door)']);
});

test('elliptical group relations: a trailing "touching" and "one on top of the other"', () => {
  const touching = parseInstruction('Place the two blocks side by side on the plate, touching.');
  const gap = touching.constraints.find((c) => c.type === 'distance');
  assert.equal(gap?.parameters.spacing, 0);
  const stacked = brief(parseInstruction('Put two crates on the pallet, one on top of the other.'));
  assert.deepEqual(stacked, ['on(crate_1,pallet)', 'on(crate_2,crate_1)']);
  assert.deepEqual(brief(parseInstruction('Place two trays in the rack, one above another.')), ['inside(tray_1,rack)', 'inside(tray_2,rack)', 'on(tray_2,tray_1)']);
  // One object: it touches the clause's reference, or the instruction fails — never a silent drop.
  assert.deepEqual(brief(parseInstruction('Park the trolley behind the rack, touching.')), ['behind(trolley,rack)', 'touching(trolley,rack)']);
  assert.throws(() => parseInstruction('Set the jar down, touching.'), /'touching' needs a reference object or two or more objects/);
});

test('a formation of small members is as tight as their footprints allow plus the gap', () => {
  const s = parseInstruction('Arrange six petri dishes in a circle on the bench.');
  const dish = s.entities.find((e) => e.name === 'petri_dish_1')!;
  assert.ok(dish.halfExtents[0] < 0.06, `a petri dish is about 9 cm across, got ${2 * dish.halfExtents[0]} m`);
  // Neighbours on a hexagon: the chord is the radius. Their footprints must not overlap, and the gap stays small.
  const chord = s.constraints.find((c) => c.type === 'distance' && c.subject === 'petri_dish_2' && c.targets[0] === 'petri_dish_1')!.parameters.distance!;
  assert.ok(chord >= 2 * dish.halfExtents[0], `neighbours overlap: chord ${chord}`);
  assert.ok(chord <= 2 * Math.hypot(dish.halfExtents[0], dish.halfExtents[1]) + 0.05, `ring too wide: chord ${chord}`);
});
