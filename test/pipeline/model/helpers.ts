/** Scene builders and quaternion math for the model tests. */
import type { SceneSpec } from '../../../src/pipeline/types.js';
import { createPrng } from '../../../src/pipeline/model/prng.js';

/** A scene of `n` boxes of assorted kinds, each `above` the next. */
export function chainScene(n: number, kindOffset = 0): SceneSpec {
  const kinds = ['box', 'cube', 'widget', 'table', 'cup'];
  const entities = Array.from({ length: n }, (_, i) => ({
    name: `e${i}`,
    kind: kinds[(i + kindOffset) % kinds.length],
    category: (i % 3 === 2 ? 'reference' : 'object') as 'object' | 'reference',
    color: i % 2 === 0 ? 'red' : 'teal',
    halfExtents: [0.04 + 0.01 * i, 0.05, 0.03 + 0.005 * i] as [number, number, number],
    grounded: i % 3 === 2,
  }));
  const constraints = entities.slice(1).map((e, i) => ({
    type: (i % 2 === 0 ? 'above' : 'near') as 'above' | 'near',
    subject: entities[i].name,
    targets: [e.name],
    parameters: { distance: 0.05 * (i + 1) },
    source: '',
  }));
  return { instruction: `chain of ${n}`, entities, constraints, warnings: [] };
}

export type Q = [number, number, number, number];

/** Hamilton product a·b, [w, x, y, z]. */
export function qmul(a: Q, b: Q): Q {
  return [
    a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
    a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
    a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
    a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0],
  ];
}

/** Rotates v by unit quaternion q. */
export function rotate(q: Q, v: [number, number, number]): [number, number, number] {
  const r = qmul(qmul(q, [0, v[0], v[1], v[2]]), [q[0], -q[1], -q[2], -q[3]]);
  return [r[1], r[2], r[3]];
}

/** A seeded random unit quaternion with w ≥ 0. */
export function randomQuat(seed: number): Q {
  const prng = createPrng(seed);
  const q: Q = [prng.next() - 0.5, prng.next() - 0.5, prng.next() - 0.5, prng.next() - 0.5];
  const n = Math.hypot(...q) * (q[0] < 0 ? -1 : 1);
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** Largest absolute difference between two arrays of the same length. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
