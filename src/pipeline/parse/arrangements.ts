/**
 * Arrangements of counted entities — rows, columns, stacks, pyramids and grids — expanded into pairwise
 * constraints. Each returns the constraints and the bottom layer (what "all on the table" applies to).
 */
import type { Axis, Constraint, ConstraintType } from '../types.js';
import type { EntityRegistry } from './entities.js';
import type { Shape } from './clause-items.js';

export interface Arrangement {
  constraints: Constraint[];
  /** Entities resting at the bottom (stand on the reference or the ground). */
  bottom: string[];
  /** Entities of the top layer. */
  top: string[];
  members: string[];
}

const AXIS_INDEX: Record<Axis, number> = { x: 0, y: 1, z: 2 };

function c(type: ConstraintType, subject: string, target: string, source: string, parameters: Constraint['parameters'] = {}): Constraint {
  return { type, subject, targets: [target], parameters, source };
}

/** Gap between neighbours when the instruction gives no spacing, metres. */
export const DEFAULT_GAP_M = 0.02;

/**
 * Centre-to-centre pitch of two neighbours along an axis for a given gap between their faces
 * ("with 5 cm spacing" is the gap people mean: the space between the objects).
 */
export function pitch(registry: EntityRegistry, a: string, b: string, axis: Axis, gap: number): number {
  const k = AXIS_INDEX[axis];
  return Math.round((registry.get(a)!.halfExtents[k] + registry.get(b)!.halfExtents[k] + gap) * 1e6) / 1e6;
}

function row(registry: EntityRegistry, names: string[], axis: Axis, spacing: number | undefined, source: string): Constraint[] {
  const out: Constraint[] = [];
  for (let k = 1; k < names.length; k++) {
    const gap = spacing ?? DEFAULT_GAP_M;
    out.push(c('distance', names[k], names[k - 1], source, { distance: pitch(registry, names[k], names[k - 1], axis, gap), axis, spacing: gap }));
    out.push(c('aligned', names[k], names[k - 1], source, { axis }));
  }
  return out;
}

function stack(names: string[], source: string): Constraint[] {
  return names.slice(1).map((n, k) => c('on', n, names[k], source));
}

/** Layer sizes of a pyramid of n: square layers (1, 4, 9, …) when n is a sum of squares, else rows b, b−1, …. */
function pyramidLayers(n: number): { square: boolean; layers: number[] } {
  let sum = 0;
  for (let k = 1; sum < n; k++) {
    sum += k * k;
    if (sum === n && k > 1) return { square: true, layers: Array.from({ length: k }, (_, i) => (k - i) ** 2) };
  }
  let b = 1;
  while ((b * (b + 1)) / 2 < n) b++;
  const layers: number[] = [];
  let left = n;
  for (let w = b; left > 0; w--) {
    layers.push(Math.min(w, left));
    left -= Math.min(w, left);
  }
  return { square: false, layers };
}

function pyramid(registry: EntityRegistry, names: string[], source: string): { constraints: Constraint[]; layers: string[][] } {
  const { square, layers: sizes } = pyramidLayers(names.length);
  const layers: string[][] = [];
  let at = 0;
  for (const size of sizes) {
    layers.push(names.slice(at, at + size));
    at += size;
  }
  const out: Constraint[] = [];
  if (square) {
    layers.forEach((layer, li) => {
      const side = Math.round(Math.sqrt(layer.length));
      const cell = (r: number, col: number) => layer[r * side + col];
      for (let r = 0; r < side; r++) {
        for (let col = 0; col < side; col++) {
          if (col + 1 < side) out.push(...row(registry, [cell(r, col), cell(r, col + 1)], 'x', 0, source));
          if (r + 1 < side) out.push(...row(registry, [cell(r, col), cell(r + 1, col)], 'y', 0, source));
          if (li > 0) {
            const below = layers[li - 1];
            const bs = side + 1;
            for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) out.push(c('on', cell(r, col), below[(r + dr) * bs + col + dc], source));
          }
        }
      }
    });
  } else {
    layers.forEach((layer, li) => {
      out.push(...row(registry, layer, 'x', 0, source));
      if (li > 0) {
        layers[li - 1].forEach((under, k) => {
          // Box k of this row sits on boxes k and k+1 of the row below.
          if (layer[k]) out.push(c('on', layer[k], under, source));
          if (k > 0 && layer[k - 1]) out.push(c('on', layer[k - 1], under, source));
        });
      }
    });
  }
  return { constraints: out, layers };
}

/** Expands an arrangement of `names` into constraints. */
export function arrange(
  registry: EntityRegistry,
  names: string[],
  shape: Shape,
  options: { axis?: Axis; spacing?: number; rows?: number; cols?: number; source: string },
): Arrangement {
  const { source } = options;
  if (shape === 'stack') {
    return { constraints: stack(names, source), bottom: names.slice(0, 1), top: names.slice(-1), members: names };
  }
  if (shape === 'row' || shape === 'column') {
    const axis = options.axis ?? (shape === 'column' ? 'y' : 'x');
    if (axis === 'z') return { constraints: stack(names, source), bottom: names.slice(0, 1), top: names.slice(-1), members: names };
    return { constraints: row(registry, names, axis, options.spacing, source), bottom: names, top: names, members: names };
  }
  if (shape === 'grid') {
    const cols = options.cols ?? Math.ceil(Math.sqrt(names.length));
    const out: Constraint[] = [];
    for (let k = 0; k < names.length; k++) {
      const col = k % cols;
      if (col > 0) out.push(...row(registry, [names[k - 1], names[k]], 'x', options.spacing, source));
      if (k >= cols) out.push(...row(registry, [names[k - cols], names[k]], 'y', options.spacing, source));
    }
    return { constraints: out, bottom: names, top: names, members: names };
  }
  const p = pyramid(registry, names, source);
  return { constraints: p.constraints, bottom: p.layers[0], top: p.layers[p.layers.length - 1], members: names };
}
