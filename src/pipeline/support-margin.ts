/**
 * The support margin of a solved scene: how far inside its support each supported object's centre lies, as a
 * share of the support's half-width (docs/CONVENTIONS.md). For each subject of `on`/`above` relations with a
 * reference: its `on` references together form one support (a pyramid's box rests on two boxes: their union
 * box), each `above` reference is a support of its own. Per support, the margin is
 * min over x, y of (h_k − |c_subject,k − c_support,k|) / h_k; the scene's margin is the minimum, null when nothing
 * is supported.
 *
 * The footprint margin is the same measure taken with the subject's footprint instead of its centre: min over x, y
 * of (h_k − |offset_k| − s_k) / h_k with s the subject's half-extents, i.e. how far the subject's footprint lies
 * inside its support's top, as a share of the support's half-width; negative when it hangs over the edge.
 */
import type { Constraint, Entity } from './types.js';

interface Footprint {
  lo: [number, number];
  hi: [number, number];
}

function footprintOf(position: ArrayLike<number>, offset: number, h: readonly number[]): Footprint {
  return {
    lo: [position[offset] - h[0], position[offset + 1] - h[1]],
    hi: [position[offset] + h[0], position[offset + 1] + h[1]],
  };
}

function marginOver(cx: number, cy: number, f: Footprint, size: readonly number[] | null): number {
  let worst = Infinity;
  const c = [cx, cy];
  for (let k = 0; k < 2; k++) {
    const half = (f.hi[k] - f.lo[k]) / 2;
    if (!(half > 0)) continue;
    const centre = (f.hi[k] + f.lo[k]) / 2;
    worst = Math.min(worst, (half - Math.abs(c[k] - centre) - (size ? size[k] : 0)) / half);
  }
  return worst;
}

/** Support margin of a scene at `positions` (N·3, entity order); null when no object is on or above another. */
export function supportMargin(entities: readonly Entity[], constraints: readonly Constraint[], positions: ArrayLike<number>): number | null {
  return supportMargins(entities, constraints, positions)[0];
}

/** Footprint margin of a scene at `positions`: how far each supported footprint lies inside its support (< 0: overhang). */
export function footprintMargin(entities: readonly Entity[], constraints: readonly Constraint[], positions: ArrayLike<number>): number | null {
  return supportMargins(entities, constraints, positions)[1];
}

/**
 * Both margins of a scene at `positions`, [support, footprint], from one pass over its constraints (the response
 * reports both): the same values as supportMargin and footprintMargin.
 */
export function supportMargins(entities: readonly Entity[], constraints: readonly Constraint[], positions: ArrayLike<number>): [number | null, number | null] {
  const index = new Map<string, number>();
  for (let i = 0; i < entities.length; i++) index.set(entities[i].name, i);
  let onSupports: Map<number, Set<number>> | undefined;
  let pairs: [number, number][] | undefined;
  for (const c of constraints) {
    if ((c.type !== 'on' && c.type !== 'above') || c.targets.length === 0) continue;
    const a = index.get(c.subject);
    const b = index.get(c.targets[0]);
    if (a === undefined || b === undefined || a === b) continue;
    if (c.type === 'on') {
      onSupports ??= new Map<number, Set<number>>();
      const set = onSupports.get(a) ?? new Set<number>();
      set.add(b);
      onSupports.set(a, set);
    } else (pairs ??= []).push([a, b]);
  }
  let worst = Infinity;
  let worstFootprint = Infinity;
  if (pairs) {
    for (const [a, b] of pairs) {
      const f = footprintOf(positions, b * 3, entities[b].halfExtents);
      worst = Math.min(worst, marginOver(positions[a * 3], positions[a * 3 + 1], f, null));
      worstFootprint = Math.min(worstFootprint, marginOver(positions[a * 3], positions[a * 3 + 1], f, entities[a].halfExtents));
    }
  }
  if (onSupports) {
    for (const [a, supports] of onSupports) {
      let union: Footprint | null = null;
      for (const b of supports) {
        const f = footprintOf(positions, b * 3, entities[b].halfExtents);
        union = union === null ? f : { lo: [Math.min(union.lo[0], f.lo[0]), Math.min(union.lo[1], f.lo[1])], hi: [Math.max(union.hi[0], f.hi[0]), Math.max(union.hi[1], f.hi[1])] };
      }
      if (union) {
        worst = Math.min(worst, marginOver(positions[a * 3], positions[a * 3 + 1], union, null));
        worstFootprint = Math.min(worstFootprint, marginOver(positions[a * 3], positions[a * 3 + 1], union, entities[a].halfExtents));
      }
    }
  }
  return [Number.isFinite(worst) ? worst : null, Number.isFinite(worstFootprint) ? worstFootprint : null];
}
