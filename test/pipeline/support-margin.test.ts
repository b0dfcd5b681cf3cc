/** The support margin of a scene: how far inside its support each supported object's centre lies. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { footprintMargin, supportMargin } from '../../src/pipeline/support-margin.js';
import type { Constraint, ConstraintType, Entity, Vec3 } from '../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded: false });
const rel = (type: ConstraintType, subject: string, targets: string[]): Constraint => ({ type, subject, targets, parameters: {}, source: '' });

test('1 when centred, 0 on the edge, negative off it; the smaller of x and y', () => {
  const es = [entity('a', [0.05, 0.05, 0.05]), entity('t', [0.5, 0.4, 0.4])];
  const on = [rel('on', 'a', ['t'])];
  assert.equal(supportMargin(es, on, [0, 0, 0.85, 0, 0, 0.4]), 1);
  assert.equal(supportMargin(es, on, [0.5, 0, 0.85, 0, 0, 0.4]), 0);
  assert.ok(Math.abs(supportMargin(es, on, [0.25, 0.3, 0.85, 0, 0, 0.4])! - 0.25) < 1e-12);
  assert.ok(supportMargin(es, on, [0.75, 0, 0.85, 0, 0, 0.4])! < 0);
});

test('null when nothing is supported; the world is not a support', () => {
  const es = [entity('a', [0.05, 0.05, 0.05]), entity('b', [0.05, 0.05, 0.05])];
  assert.equal(supportMargin(es, [rel('left', 'a', ['b'])], [0, 0, 0, 1, 0, 0]), null);
  assert.equal(supportMargin(es, [rel('above', 'a', [])], [0, 0, 0, 1, 0, 0]), null);
});

test('an object resting on two (a pyramid) is measured against their union', () => {
  const h: Vec3 = [0.05, 0.05, 0.05];
  const es = [entity('top', h), entity('l', h), entity('r', h)];
  const m = supportMargin(es, [rel('on', 'top', ['l']), rel('on', 'top', ['r'])], [0, 0, 0.15, -0.05, 0, 0.05, 0.05, 0, 0.05]);
  assert.equal(m, 1);
});

test('the footprint margin counts the subject’s half-extents: 0 when its edge meets the support’s, negative when it hangs over', () => {
  const es = [entity('a', [0.1, 0.1, 0.05]), entity('t', [0.5, 0.4, 0.4])];
  const on = [rel('on', 'a', ['t'])];
  assert.ok(Math.abs(footprintMargin(es, on, [0, 0, 0.85, 0, 0, 0.4])! - 0.75) < 1e-12, 'y: (0.4 − 0.1) / 0.4');
  assert.ok(Math.abs(footprintMargin(es, on, [0.4, 0, 0.85, 0, 0, 0.4])!) < 1e-12);
  assert.ok(footprintMargin(es, on, [0.45, 0, 0.85, 0, 0, 0.4])! < 0);
  assert.equal(supportMargin(es, on, [0.45, 0, 0.85, 0, 0, 0.4])! > 0, true, 'the centre-based margin still sees the centre inside');
  assert.equal(footprintMargin(es, [rel('left', 'a', ['t'])], [0, 0, 0, 1, 0, 0]), null);
});
