/**
 * Property-based tests (fast-check) over generated instructions: no throw escapes the bridge, every pose is
 * finite with a unit quaternion, and a constraint reported satisfied really holds, checked geometrically
 * from the poses and the parsed entity sizes (docs/CONVENTIONS.md).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import { parseInstruction } from '../../src/pipeline/parse/index.js';
import type { ConstraintResult, Entity, Pose } from '../../src/pipeline/types.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'wasm' });
});
after(() => bridge.dispose());

const colours = ['red', 'blue', 'green', 'yellow', ''];
const nouns = ['box', 'cube', 'sphere', 'cylinder', 'cup', 'plate', 'bottle', 'gear'];
const relations = ['above', 'below', 'on', 'to the left of', 'to the right of', 'in front of', 'behind', 'near', 'far from', 'touching', 'next to'];

const entity = fc.tuple(fc.constantFrom(...colours), fc.constantFrom(...nouns)).map(([c, n]) => (c ? `the ${c} ${n}` : `the ${n}`));
const clause = fc
  .tuple(entity, fc.constantFrom(...relations), entity, fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }))
  .map(([a, rel, b, cm]) => (cm !== undefined && ['above', 'to the left of', 'behind'].includes(rel) ? `place ${a} ${cm} cm ${rel} ${b}` : `place ${a} ${rel} ${b}`));
const instruction = fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' and '));
const noise = fc.string({ maxLength: 60 });

const TOL = 1.5e-3;

function box(e: Entity, p: Pose) {
  return { lo: p.position.map((v, k) => v - e.halfExtents[k]), hi: p.position.map((v, k) => v + e.halfExtents[k]), c: p.position, h: e.halfExtents };
}

/** Checks the relations whose meaning is purely positional; returns a message when violated. */
function violation(c: ConstraintResult, entities: Map<string, Entity>, poses: Record<string, Pose>): string | null {
  if (c.targets.length !== 1) return null;
  const a = box(entities.get(c.subject)!, poses[c.subject]);
  const b = box(entities.get(c.targets[0])!, poses[c.targets[0]]);
  const d = c.parameters.distance ?? 0;
  const footprint = Math.abs(a.c[0] - b.c[0]) <= b.h[0] + TOL && Math.abs(a.c[1] - b.c[1]) <= b.h[1] + TOL;
  switch (c.type) {
    case 'above':
      return a.lo[2] >= b.hi[2] + d - TOL && footprint ? null : 'above';
    case 'below':
      return a.hi[2] <= b.lo[2] - d + TOL && footprint ? null : 'below';
    case 'on':
      return Math.abs(a.lo[2] - b.hi[2]) <= TOL && footprint ? null : 'on';
    case 'left':
      return a.hi[0] + d <= b.lo[0] + TOL ? null : 'left';
    case 'right':
      return a.lo[0] >= b.hi[0] + d - TOL ? null : 'right';
    case 'front':
      return a.hi[1] + d <= b.lo[1] + TOL ? null : 'front';
    case 'behind':
      return a.lo[1] >= b.hi[1] + d - TOL ? null : 'behind';
    default:
      return null;
  }
}

test('no throw escapes the bridge, poses are finite with unit quaternions, satisfied constraints hold', () => {
  fc.assert(
    fc.property(fc.oneof({ arbitrary: instruction, weight: 4 }, { arbitrary: noise, weight: 1 }), (text) => {
      const [r] = bridge.processBatch([text]);
      assert.equal(typeof r.success, 'boolean');
      if (!r.success) assert.ok(r.error, 'a failed response says why');
      for (const pose of Object.values(r.targetPoses)) {
        assert.ok(pose.position.every(Number.isFinite), 'finite position');
        assert.ok(Math.abs(Math.hypot(...pose.orientation) - 1) < 1e-4, 'unit quaternion');
        assert.ok(pose.confidence >= 0 && pose.confidence <= 1);
      }
      if (r.constraints.length === 0) return;
      const entities = new Map(parseInstruction(text).entities.map((e) => [e.name, e]));
      for (const c of r.constraints) {
        if (!c.satisfied) continue;
        const v = violation(c, entities, r.targetPoses);
        assert.equal(v, null, `${text}: ${c.type}(${c.subject}, ${c.targets}) reported satisfied but does not hold`);
      }
    }),
    { numRuns: 150, seed: 20261124 },
  );
});

test("entities are named from the instruction's own words, and each pose carries the entity's size", () => {
  fc.assert(
    fc.property(instruction, (text) => {
      const [r] = bridge.processBatch([text]);
      const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
      for (const [name, pose] of Object.entries(r.targetPoses)) {
        for (const part of name.split('_')) if (!/^\d+$/.test(part)) assert.ok(words.has(part), `${text}: '${name}' uses '${part}', not in the instruction`);
        assert.ok(pose.halfExtents.every((h) => Number.isFinite(h) && h > 0));
      }
    }),
    { numRuns: 60, seed: 20261125 },
  );
});
