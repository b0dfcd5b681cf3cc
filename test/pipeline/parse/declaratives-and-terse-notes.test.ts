/**
 * Failure kinds found by the fourth held-out set, each with instructions of our own: third-person declaratives
 * and -ly adverbs, nouns that are also modals or verbs, trailing "within D", a group's gap between neighbouring
 * members, angles in a relation's clause and lab racks' size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../../../src/errors.js';
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import type { SceneSpec } from '../../../src/pipeline/types.js';
import { briefScene as brief } from './readings.js';

const entity = (s: SceneSpec, name: string) => s.entities.find((e) => e.name === name)!;
const refused = (text: string, message: RegExp) =>
  assert.throws(() => parseInstruction(text), (e: Error) => e instanceof ParseError && message.test(e.message), text);

test('a third-person verb after the subject is the verb, and an -ly word is an adverb, never an object', () => {
  assert.deepEqual(brief(parseInstruction('The pump mounts directly behind the tank and touches it.')), ['behind(pump,tank)', 'touching(pump,tank)']);
  assert.deepEqual(brief(parseInstruction('The sensor slots neatly into the bracket.')), ['inside(sensor,bracket)']);
  assert.deepEqual(brief(parseInstruction('The pump bolts onto the frame.')), ['on(pump,frame)']);
  // With a verb before it, the -s form is a plural noun again.
  assert.equal(parseInstruction('Put the pump bolts on the tray.').entities.filter((e) => e.kind === 'bolt').length, 3);
  // The few -ly nouns are in the lexicon: compounds keep them.
  const s = parseInstruction('Put the scope behind the power supply.');
  assert.deepEqual(brief(s), ['behind(scope,power_supply)']);
  assert.equal(entity(s, 'power_supply').kind, 'supply');
});

test('with no verb, "can" before "to" is a noun; a verb form right after the verb is its object', () => {
  assert.deepEqual(brief(parseInstruction('Oil can to the right of the lathe please.')), ['right(oil_can,lathe)']);
  assert.deepEqual(brief(parseInstruction('the jar can go on the shelf')), ['on(jar,shelf)']);
  assert.deepEqual(brief(parseInstruction('Set slide 2 on the reader.')), ['on(slide_2,reader)']);
  assert.deepEqual(brief(parseInstruction('Move clamp C next to the vice.')), ['near(clamp_c,vice)']);
  assert.deepEqual(brief(parseInstruction('set slide on stage')), ['on(slide,stage)']);
  const r = parseInstruction('rotate press 3 by 45 degrees');
  assert.deepEqual(brief(r), ['angle(press_3,)']);
  assert.ok(Math.abs((r.constraints[0].parameters.angle ?? 0) - Math.PI / 4) < 1e-9);
});

test('"within D" with no reference of its own bounds the gap to the clause’s reference', () => {
  const s = parseInstruction('The lamp goes to the left of the monitor, within 10 cm.');
  assert.deepEqual(brief(s), ['left(lamp,monitor)', 'near(lamp,monitor)']);
  assert.equal(s.constraints[0].parameters.distance, undefined, 'no lower bound');
  assert.equal(s.constraints[1].parameters.distance, 0.1);
  refused('Put the cup on the tray, within 5 cm.', /applies to/);
  // Other upper bounds: "at most", "no more than", "less than … from", "max", "within about".
  for (const text of ['Put the cup left of the jug, at most 8 cm away.', 'Put the cup left of the jug, no more than 8 cm away.', 'Put the cup left of the jug, max 8 cm.', 'Put the cup left of the jug, within about 8 cm.']) {
    assert.deepEqual(brief(parseInstruction(text)), ['left(cup,jug)', 'near(cup,jug)'], text);
  }
  const far = parseInstruction('Keep the crate at most 3 m from the pallet.');
  assert.deepEqual(brief(far), ['near(crate,pallet)']);
  assert.equal(far.constraints[0].parameters.distance, 3);
});

test('a gap between neighbouring members is the group’s spacing; "between the two …" still names references', () => {
  const s = parseInstruction('Line up four vials on the tray, leaving a 1 cm gap between neighbouring vials.');
  const gaps = s.constraints.filter((c) => c.type === 'distance' && c.parameters.axis === 'x');
  assert.equal(gaps.length, 3);
  assert.ok(gaps.every((c) => c.parameters.spacing === 0.01));
  assert.equal(s.constraints.filter((c) => c.type === 'on').length, 4);
  assert.ok(parseInstruction('Put 3 mugs in a row, 2 cm between each mug').constraints.some((c) => c.parameters.spacing === 0.02));
  assert.ok(parseInstruction('Line up 3 carts with 40 cm between each.').constraints.some((c) => c.parameters.spacing === 0.4));
  assert.deepEqual(brief(parseInstruction('Leave 2 cm between the two clamps.')), ['far(clamp_2,clamp_1)', 'near(clamp_2,clamp_1)']);
});

test('an angle in a relation’s clause turns its subject; lab racks are lab-sized', () => {
  const s = parseInstruction('place cone on tray rotated 30 degrees');
  assert.deepEqual(brief(s), ['on(cone,tray)', 'angle(cone,)']);
  assert.ok(Math.abs((s.constraints[1].parameters.angle ?? 0) - Math.PI / 6) < 1e-9);
  assert.equal(s.constraints[1].parameters.axis, 'z');
  const r = parseInstruction('Set two tip racks side by side on the bench.');
  assert.deepEqual(entity(r, 'tip_rack_1').halfExtents, [0.06, 0.04, 0.05]);
});

test('"to" after a verb of joining is contact; "to the left of" stays a side relation', () => {
  assert.deepEqual(brief(parseInstruction('Attach the probe to the frame.')), ['touching(probe,frame)']);
  assert.deepEqual(brief(parseInstruction('The cable connects to the camera.')), ['touching(cable,camera)']);
  assert.deepEqual(brief(parseInstruction('The plate is bolted to the base.')), ['touching(plate,base)']);
  assert.deepEqual(brief(parseInstruction('Screw the cap to the jar and put the jar on the shelf.')), ['touching(cap,jar)', 'on(jar,shelf)']);
  assert.deepEqual(brief(parseInstruction('Attach the probe to the left side of the frame.')), ['left(probe,frame)']);
});
