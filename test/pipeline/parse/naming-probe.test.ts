/**
 * Kinds found by a systematic naming probe (issue 11, "no renamed entity"): a user's noun comes back in the
 * entity names under its own word, singular, whatever verb, count, describing word or label surrounds it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import { names } from './readings.js';


test('an unknown plural in -ches, -shes, -xes, -sses or -ies is named by its English singular', () => {
  assert.deepEqual(names('Put 3 switches on the tray.'), ['switch_1', 'switch_2', 'switch_3', 'tray']);
  assert.deepEqual(names('Place two red brushes on the shelf.'), ['red_brush_1', 'red_brush_2', 'shelf']);
  assert.deepEqual(names('Set 2 batteries in a row on the bench.'), ['battery_1', 'battery_2', 'bench']);
  assert.deepEqual(names('Put 2 stamps on the table.'), ['stamp_1', 'stamp_2', 'table']);
});

test("a synonym's plural keeps the user's word ('benches', not 'benche')", () => {
  assert.deepEqual(names('Put two small benches on the pallet.'), ['small_bench_1', 'small_bench_2', 'pallet']);
  const spec = parseInstruction('Set 2 vices on the workbench.');
  assert.deepEqual(spec.entities.map((e) => [e.name, e.kind]), [['vice_1', 'fixture'], ['vice_2', 'fixture'], ['workbench', 'workbench']]);
});

test('a verb form after a determiner or a count and describing words is the noun', () => {
  assert.deepEqual(names('Stack two red stands on the pallet.'), ['red_stand_1', 'red_stand_2', 'pallet']);
  assert.deepEqual(names('Position four small clamps on the tray.'), ['small_clamp_1', 'small_clamp_2', 'small_clamp_3', 'small_clamp_4', 'tray']);
  assert.deepEqual(names('Place the blue press #3 next to the bin.'), ['press_3', 'bin']);
  assert.deepEqual(names('Put the wooden stand behind the plate.'), ['stand', 'plate']);
  assert.deepEqual(names('Set the red slide on the stage.'), ['red_slide', 'stage']);
});

test('a verb of placing before a count, describing words and a plural is the verb (pack, stow, ship, fix, …)', () => {
  assert.deepEqual(names('Pack 3 levels on the workbench.'), ['level_1', 'level_2', 'level_3', 'workbench']);
  assert.deepEqual(names('Fix 3 presses on the pallet.'), ['press_1', 'press_2', 'press_3', 'pallet']);
  assert.deepEqual(names('Stow 3 blue totes on the rack.'), ['blue_tote_1', 'blue_tote_2', 'blue_tote_3', 'rack']);
  assert.deepEqual(names('Ship 2 crates to the dock.'), ['crate_1', 'crate_2', 'dock']);
  // The noun readings stay: a copula after the count keeps the labelled subject; 'the pack' is an object.
  assert.deepEqual(names('Press 4 goes left of the frame.'), ['press_4', 'frame']);
  assert.deepEqual(names('Put the pack on the shelf.'), ['pack', 'shelf']);
});

test("after a count, a compound's plural head keeps every word ('two drill presses', not drill_1)", () => {
  assert.deepEqual(names('Load two drill presses on the shelf.'), ['drill_press_1', 'drill_press_2', 'shelf']);
  assert.deepEqual(names('Place 3 large drill presses in a row on the bench.'), ['large_drill_press_1', 'large_drill_press_2', 'large_drill_press_3', 'bench']);
  assert.deepEqual(names('Put two coat stands next to the sofa.'), ['coat_stand_1', 'coat_stand_2', 'sofa']);
  // Uncounted, the -s form after a noun stays the verb.
  assert.deepEqual(names('The tool rests on the shelf.'), ['tool', 'shelf']);
});

test('a describing word that is also a noun (light) is the noun after describing words, before a label or a copula', () => {
  assert.deepEqual(names('Place the red light behind the plant.'), ['red_light', 'plant']);
  assert.deepEqual(names('The small light goes next to the storage bin.'), ['small_light', 'storage_bin']);
  assert.deepEqual(names('Transfer the light #3 next to the case.'), ['light_3', 'case']);
  assert.deepEqual(names('Stow the small light B12 behind the stand.'), ['light_b12', 'stand']);
  // Before a noun it stays a describing word.
  assert.deepEqual(names('Put the light grey box on the shelf.'), ['grey_box', 'shelf']);
});

test("a label after a compound's verb head names the whole compound ('the red drill press no. 4', not red_drill)", () => {
  assert.deepEqual(names('Stand the red drill press no. 4 on the jar.'), ['drill_press_4', 'jar']);
  assert.deepEqual(names('Rest the metal drill press A left of the washer.'), ['drill_press_a', 'washer']);
  assert.deepEqual(names('Attach the small drill press #3 in front of the case.'), ['drill_press_3', 'case']);
  assert.deepEqual(names('Set the blue tool rest A on the lathe.'), ['tool_rest_a', 'lathe']);
});

test("a material word that is also a noun (glass, cardboard) is the material before a noun; a user's colour spelling stays", () => {
  assert.deepEqual(names('Set the glass beaker on the balance.'), ['beaker', 'balance']);
  assert.deepEqual(names('Put the cardboard box on the glass shelf.'), ['box', 'shelf']);
  assert.deepEqual(names('Put 3 glass vials on the rack.'), ['vial_1', 'vial_2', 'vial_3', 'rack']);
  // Alone, counted, labelled, a compound's head or a holder of contents, it is the object.
  assert.deepEqual(names('Put two glasses on the tray.'), ['glass_1', 'glass_2', 'tray']);
  assert.deepEqual(names('Put the wine glass on the shelf.'), ['wine_glass', 'shelf']);
  assert.deepEqual(names('Put the glass 2 next to the bowl.'), ['glass_2', 'bowl']);
  assert.deepEqual(names('Place a glass of water next to the plate.'), ['glass', 'plate']);
  assert.deepEqual(names('Put the grey cushion on the sofa.'), ['grey_cushion', 'sofa']);
  assert.deepEqual(names('Put the gray cushion on the sofa.'), ['gray_cushion', 'sofa']);
});

test('an irregular plural the lexicon does not know is named by its singular (buses, axes, cacti, knives)', () => {
  assert.deepEqual(names('Put 2 buses on the table.'), ['bus_1', 'bus_2', 'table']);
  assert.deepEqual(names('Put 2 axes on the bench.'), ['axe_1', 'axe_2', 'bench']);
  assert.deepEqual(names('Put 3 cacti on the shelf.'), ['cactus_1', 'cactus_2', 'cactus_3', 'shelf']);
  assert.deepEqual(names('Put two knives in the drawer.'), ['knife_1', 'knife_2', 'drawer']);
  assert.deepEqual(names('Put the cactus on the shelf.'), ['cactus', 'shelf']);
});

test('a noun that is also a verb of putting away, opening its clause before a count and a plural, is the verb and the count', () => {
  assert.deepEqual(names('Box 2 cups on the tray.'), ['cup_1', 'cup_2', 'tray']);
  assert.deepEqual(names('Crate 4 bins on the pallet.'), ['bin_1', 'bin_2', 'bin_3', 'bin_4', 'pallet']);
  assert.deepEqual(names('File 3 boxes on the shelf.'), ['box_1', 'box_2', 'box_3', 'shelf']);
  assert.deepEqual(names('Stock 3 cans on the shelf.'), ['can_1', 'can_2', 'can_3', 'shelf']);
  // A labelled subject before a verb stays the object.
  assert.deepEqual(names('Crate 3 holds 2 bins.'), ['crate_3', 'bin_1', 'bin_2']);
  assert.deepEqual(names('Box 2 goes on the tray.'), ['box_2', 'tray']);
  assert.deepEqual(names('Can 2 sits on the shelf.'), ['can_2', 'shelf']);
});
