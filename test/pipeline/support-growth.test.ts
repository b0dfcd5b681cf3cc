/**
 * A support whose size the instruction does not state grows to hold the group put on it (its lexicon size is only
 * a prior for its kind): every member's footprint lies inside the grown top in the returned poses, and the
 * response's half extents show the grown size. A support whose size is stated refuses, naming the room needed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'auto' });
});
after(() => bridge.dispose());

const TOL = 2e-3;

/** Asserts that each member rests on the support's top with its footprint inside it; returns the support's half extents. */
function restsInside(text: string, support: string, members: string[]): number[] {
  const r = bridge.process(text);
  assert.equal(r.success, true, `${text}: ${r.error}`);
  const s = r.targetPoses[support];
  assert.ok(s?.halfExtents, `${text}: a pose with half extents for ${support}`);
  for (const m of members) {
    const p = r.targetPoses[m];
    assert.ok(p?.halfExtents, `${text}: a pose for ${m}`);
    const bottom = p.position[2] - p.halfExtents![2];
    const top = s.position[2] + s.halfExtents![2];
    assert.ok(Math.abs(bottom - top) <= TOL, `${text}: ${m}'s bottom ${bottom} on ${support}'s top ${top}`);
    for (let k = 0; k < 2; k++) {
      const overhang = Math.abs(p.position[k] - s.position[k]) + p.halfExtents![k] - s.halfExtents![k];
      assert.ok(overhang <= TOL, `${text}: ${m}'s footprint overhangs ${support} by ${overhang} m along ${'xy'[k]}`);
    }
  }
  return s.halfExtents!;
}

test('a row of bins 10 cm apart on a shelf of unstated size: the shelf grows along x and holds all three', () => {
  const h = restsInside('Place bins 1 to 3 on the shelf in a row, 10 cm apart.', 'shelf', ['bin_1', 'bin_2', 'bin_3']);
  assert.ok(h[0] * 2 >= 3 * 0.4 + 2 * 0.1, `shelf ${h[0] * 2} m long`);
  assert.deepEqual([h[1], h[2]], [0.2, 0.9], 'its depth and height are the lexicon\'s');
});

test('five totes with 30 cm spacing on a conveyor, a ring of mugs on a tray, a grid of beakers, objects side by side: each support holds its group', () => {
  restsInside('Line up five totes on the conveyor with 30 cm spacing.', 'conveyor', ['tote_1', 'tote_2', 'tote_3', 'tote_4', 'tote_5']);
  restsInside('Arrange five mugs in a circle on the tray.', 'tray', ['mug_1', 'mug_2', 'mug_3', 'mug_4', 'mug_5']);
  restsInside('Arrange 9 beakers in a 3 by 3 grid on the tray, 5 cm apart.', 'tray', ['beaker_1', 'beaker_5', 'beaker_9']);
  restsInside('Place the crate, the tote and the carton side by side on the trolley.', 'trolley', ['crate', 'tote', 'carton']);
});

test('objects put on one support by separate relations stand side by side on it: the support grows to hold them all', () => {
  restsInside('Put crate A on the cart, then put crate B on the cart as well.', 'cart', ['crate_a', 'crate_b']);
  restsInside('Stand the mirror on the dresser between the two candles.', 'dresser', ['mirror', 'candle_1', 'candle_2']);
});

test('a support whose size is stated keeps it and refuses a group that does not fit, naming the room needed', () => {
  const r = bridge.process('Place bins 1 to 3 on the 1 m shelf in a row, 10 cm apart.');
  assert.equal(r.success, false);
  assert.match(r.error ?? '', /3 bins in a row need 1\.40 m along x \(their footprints\), but the shelf's top is 1\.00 m: they do not fit/);
  // A stated size that holds the group is kept as stated.
  const h = restsInside('Put 3 totes on the 2 m rack, 10 cm apart.', 'rack', ['tote_1', 'tote_2', 'tote_3']);
  assert.equal(h[0], 1);
});

test('free-standing furniture that grows keeps resting on the floor', () => {
  const r = bridge.process('Set four gearboxes in a row on the workbench, 20 cm apart.');
  assert.equal(r.success, true, r.error);
  const w = r.targetPoses.workbench;
  assert.ok(Math.abs(w.position[2] - w.halfExtents![2]) <= TOL, `workbench bottom at ${w.position[2] - w.halfExtents![2]}`);
});

test('three boxes on the 10 cm shelf: they fit its 40 cm depth only, and stand in a line along y on it', () => {
  restsInside('Put 3 boxes on the 10 cm shelf', 'shelf', ['box_1', 'box_2', 'box_3']);
  const r = bridge.process('Put 3 boxes on the 10 cm shelf');
  const p = ['box_1', 'box_2', 'box_3'].map((n) => r.targetPoses[n].position);
  const shelf = r.targetPoses.shelf;
  assert.deepEqual(shelf.halfExtents!.map((v) => 2 * v), [0.1, 0.4, 1.8]);
  for (const q of p) assert.ok(Math.abs(q[0] - shelf.position[0]) <= TOL, `x ${q[0]} on the shelf's centre line ${shelf.position[0]}`);
  const ys = p.map((q) => q[1]).sort((a, b) => a - b);
  assert.ok(ys[1] - ys[0] >= 0.1 - TOL && ys[2] - ys[1] >= 0.1 - TOL, `y ${ys.join(', ')}`);
});

test('eight crates on a dolly of unstated size: it grows along one axis only, and holds all eight side by side', () => {
  const names = Array.from({ length: 8 }, (_, k) => `crate_${k + 1}`);
  const h = restsInside('Put 8 crates on the dolly', 'dolly', names);
  assert.equal(h[1], 0.225, 'its depth is the lexicon\'s');
  assert.ok(h[0] * 2 >= 8 * 0.5, `dolly ${h[0] * 2} m long`);
});

test("'align 4 cubes in line on table 5cm apart' solves: one row, 5 cm gaps between the 8 cm cubes, all on the table", () => {
  const text = 'align 4 cubes in line on table 5cm apart';
  restsInside(text, 'table', ['cube_1', 'cube_2', 'cube_3', 'cube_4']);
  const r = bridge.process(text);
  const xs = ['cube_1', 'cube_2', 'cube_3', 'cube_4'].map((n) => r.targetPoses[n].position[0]).sort((a, b) => a - b);
  for (let k = 1; k < xs.length; k++) assert.ok(Math.abs(xs[k] - xs[k - 1] - 0.13) <= TOL, `centres ${xs[k - 1]} and ${xs[k]} 0.13 m apart`);
});

test('an object mounted below a lamp hung above a bench is between them in height, not on the floor', () => {
  const r = bridge.process('Hang the lamp 50 cm above the bench and mount the camera directly below the lamp.');
  assert.equal(r.success, true, r.error);
  const z = (n: string, sign: number) => r.targetPoses[n].position[2] + sign * r.targetPoses[n].halfExtents![2];
  assert.ok(z('camera', -1) >= z('bench', 1) - TOL, 'the camera above the bench top');
  assert.ok(z('camera', 1) <= z('lamp', -1) + TOL, 'the camera below the lamp');
});

test('a row along a wall stands beside it, evenly spaced (the wall a long fixed reference, not an 8 cm cube in its path)', () => {
  const r = bridge.process('Line up six totes along the wall with 15 cm gaps.');
  assert.equal(r.success, true, r.error);
  const wall = r.targetPoses.wall;
  assert.ok(wall.halfExtents![0] >= 2, `the wall is long: ${wall.halfExtents}`);
  const totes = [1, 2, 3, 4, 5, 6].map((k) => r.targetPoses[`tote_${k}`]);
  for (let k = 1; k < totes.length; k++) {
    const gap = Math.abs(totes[k].position[0] - totes[k - 1].position[0]) - 2 * totes[k].halfExtents![0];
    assert.ok(Math.abs(gap - 0.15) <= TOL, `gap ${k}: ${gap}`);
    assert.ok(Math.abs(totes[k].position[1] - totes[0].position[1]) <= TOL, `tote_${k + 1} in line`);
  }
  // Beside the wall: on one side of it, within the default 'near' gap, never overlapping it.
  const across = Math.abs(totes[0].position[1] - wall.position[1]) - totes[0].halfExtents![1] - wall.halfExtents![1];
  assert.ok(across >= -TOL && across <= 0.15 + TOL, `gap to the wall ${across}`);
});

test('a container of unstated size holding three or more objects is sized for them in a grid, and they fit inside it', () => {
  const r = bridge.process('Load 5 parcels into the roll cage.');
  assert.equal(r.success, true, r.error);
  const cage = r.targetPoses.roll_cage;
  for (let k = 1; k <= 5; k++) {
    const p = r.targetPoses[`parcel_${k}`];
    for (let a = 0; a < 3; a++) {
      const out = Math.abs(p.position[a] - cage.position[a]) + p.halfExtents![a] - cage.halfExtents![a];
      assert.ok(out <= TOL, `parcel_${k} sticks out of the cage by ${out} m along ${'xyz'[a]}`);
    }
  }
});
