/**
 * Arrangements of counted entities — rows, columns, stacks, pyramids, grids and formations (circles, rings around
 * a centre, triangles, squares, regular polygons) — expanded into pairwise constraints. Each returns the
 * constraints, the bottom layer (what "all on the table" applies to) and the span of its members' centres in x
 * and y (what must fit on a support).
 */
import { ParseError } from '../../errors.js';
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
  /** Distance between the outermost centres along x and y, metres (0 for a stack). */
  span: [number, number];
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

/**
 * "20 mm centre to centre": the pitch is the spacing itself; neighbours narrower than it along the axis keep the
 * difference as their gap, wider ones would overlap and are refused.
 */
export function centrePitch(registry: EntityRegistry, a: string, b: string, axis: Axis, spacing: number, source: string): number {
  const k = AXIS_INDEX[axis];
  const widths = registry.get(a)!.halfExtents[k] + registry.get(b)!.halfExtents[k];
  if (spacing < widths - 1e-9) {
    throw new ParseError(`${(spacing * 1000).toFixed(0)} mm centre to centre is less than the width of '${b}' and '${a}' (${(widths * 1000).toFixed(0)} mm along ${axis}): they would overlap, in '${source}'`);
  }
  return Math.round(spacing * 1e6) / 1e6;
}

function row(registry: EntityRegistry, names: string[], axis: Axis, spacing: number | undefined, source: string, centres = false): Constraint[] {
  const out: Constraint[] = [];
  for (let k = 1; k < names.length; k++) {
    const gap = spacing ?? DEFAULT_GAP_M;
    const distance = centres && spacing !== undefined ? centrePitch(registry, names[k], names[k - 1], axis, spacing, source) : pitch(registry, names[k], names[k - 1], axis, gap);
    const widths = registry.get(names[k])!.halfExtents[AXIS_INDEX[axis]] + registry.get(names[k - 1])!.halfExtents[AXIS_INDEX[axis]];
    out.push(c('distance', names[k], names[k - 1], source, { distance, axis, spacing: centres ? Math.round((distance - widths) * 1e6) / 1e6 : gap }));
    const dz = registry.get(names[k])!.halfExtents[2] - registry.get(names[k - 1])!.halfExtents[2];
    if (dz === 0 || axis === 'z') out.push(c('aligned', names[k], names[k - 1], source, { axis }));
    else {
      // Members of different heights stand on one level: their bottoms, not their centres, are aligned.
      out.push(c('distance', names[k], names[k - 1], source, { distance: 0, axis: axis === 'x' ? 'y' : 'x' }));
      out.push(c('distance', names[k], names[k - 1], source, { distance: Math.round(dz * 1e6) / 1e6, axis: 'z' }));
    }
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

/** Gap between neighbours of a formation (circle, polygon) when the instruction gives no spacing, metres. */
export const DEFAULT_FORMATION_GAP_M = 0.05;
/** Largest formation that gets every pairwise distance; larger ones get the distances to their 3 nearest neighbours each way. */
const ALL_PAIRS_UP_TO = 12;

/** Unit points (circumradius 1) of a formation of n members: a circle, or a polygon with members at its corners and evenly along its sides. */
function formationPoints(n: number, sides: number | undefined, what: string): [number, number][] {
  const s = sides ?? n;
  if (s < 3) throw new ParseError(`${what} needs at least 3 members, got ${n}`);
  if (n % s !== 0) throw new ParseError(`${n} members cannot be spaced evenly on the ${s} sides of ${what}; use a multiple of ${s}`);
  const corners = Array.from({ length: s }, (_, k): [number, number] => [Math.sin((2 * Math.PI * k) / s), -Math.cos((2 * Math.PI * k) / s)]);
  const perSide = n / s;
  const out: [number, number][] = [];
  for (let k = 0; k < s; k++) {
    const [ax, ay] = corners[k];
    const [bx, by] = corners[(k + 1) % s];
    for (let m = 0; m < perSide; m++) out.push([ax + ((bx - ax) * m) / perSide, ay + ((by - ay) * m) / perSide]);
  }
  return out;
}

/**
 * A formation: members on a circle or a regular polygon, evenly spaced, at one height, optionally around a
 * centre entity. The shape is fixed by distances between members (all pairs up to ALL_PAIRS_UP_TO members, else
 * the three nearest neighbours each way) plus equal heights; a centre is held at the circumradius from each member
 * (the members and the centre stand on the same surface).
 */
function formation(
  registry: EntityRegistry,
  names: string[],
  sides: number | undefined,
  options: { spacing?: number; centres?: boolean; radius?: number; centre?: string; source: string; what: string },
): { constraints: Constraint[]; span: [number, number] } {
  const n = names.length;
  const unit = formationPoints(n, sides, options.what);
  const half = names.map((nm) => registry.get(nm)!.halfExtents);
  const widest = Math.max(...half.map((h) => Math.hypot(h[0], h[1])));
  const reach = n <= ALL_PAIRS_UP_TO ? n : 4;
  let neighbour = Infinity;
  for (let k = 0; k < n; k++) neighbour = Math.min(neighbour, Math.hypot(unit[k][0] - unit[(k + 1) % n][0], unit[k][1] - unit[(k + 1) % n][1]));
  // With no spacing given, neighbours keep 5 cm between their footprints (a tighter default left small squares of
  // cans on a workbench in the solver's local minimum, a rectangle).
  const gap = options.spacing ?? DEFAULT_FORMATION_GAP_M;
  // The tightest radius at which every pair of members near each other on the shape (all pairs that get a
  // distance) keeps that gap between their footprints along x or y (the boxes are axis-aligned: two members side
  // by side along a diagonal need less than their diagonals).
  const fit = (g: number) => {
    let r = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (Math.min(j - i, n - (j - i)) >= reach) continue;
        const dx = unit[i][0] - unit[j][0], dy = unit[i][1] - unit[j][1];
        const len = Math.hypot(dx, dy);
        const ax = Math.abs(dx) / len, ay = Math.abs(dy) / len;
        const along = Math.min(ax > 1e-9 ? (half[i][0] + half[j][0] + g) / ax : Infinity, ay > 1e-9 ? (half[i][1] + half[j][1] + g) / ay : Infinity);
        r = Math.max(r, along / len);
      }
    }
    return r;
  };
  // "30 mm centre to centre": the neighbours' centres are that far apart (the chord), not their faces.
  let radius = options.radius ?? (options.centres && options.spacing !== undefined ? options.spacing / neighbour : fit(gap));
  if (options.centre && options.radius === undefined) {
    const c = registry.get(options.centre)!.halfExtents;
    const clear = Math.hypot(c[0], c[1]) + widest;
    // A centre-to-centre spacing fixes the radius (a hexagon's is its side) when the centre clears the members at
    // it; the spacing was read as a gap from the centre too, which made '50 mm c/c' round a shaft 78 mm. A centre
    // of the lexicon's (unstated) size too wide for it widens the formation to the default gap from it.
    if (options.centres && options.spacing !== undefined) {
      if (radius < clear) radius = clear + DEFAULT_FORMATION_GAP_M;
    } else radius = Math.max(radius, clear + gap);
  }
  if (radius < fit(0) - 1e-9) {
    throw new ParseError(`a radius of ${radius.toFixed(3)} m is too small for ${n} members of ${options.what}: neighbours would overlap`);
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const out: Constraint[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const step = Math.min(j - i, n - (j - i));
      if (step >= reach) continue;
      const d = radius * Math.hypot(unit[i][0] - unit[j][0], unit[i][1] - unit[j][1]);
      out.push(c('distance', names[j], names[i], options.source, { distance: round(d) }));
    }
    if (i > 0) out.push(c('distance', names[i], names[0], options.source, { distance: round(half[i][2] - half[0][2]), axis: 'z' }));
  }
  if (options.centre) {
    const hc = registry.get(options.centre)!.halfExtents[2];
    for (let i = 0; i < n; i++) out.push(c('distance', names[i], options.centre, options.source, { distance: round(Math.hypot(radius, half[i][2] - hc)) }));
  }
  let sx = 0, sy = 0;
  for (const [x, y] of unit) {
    for (const [x2, y2] of unit) {
      sx = Math.max(sx, Math.abs(x - x2) * radius);
      sy = Math.max(sy, Math.abs(y - y2) * radius);
    }
  }
  return { constraints: out, span: [sx, sy] };
}

/** Expands an arrangement of `names` into constraints. */
export function arrange(
  registry: EntityRegistry,
  names: string[],
  shape: Shape,
  options: { axis?: Axis; spacing?: number; centres?: boolean; rows?: number; cols?: number; sides?: number; radius?: number; centre?: string; source: string },
): Arrangement {
  const { source } = options;
  const centres = options.centres === true && options.spacing !== undefined;
  const pitchSum = (list: string[], axis: Axis, gap: number) =>
    list.slice(1).reduce((sum, n, k) => sum + (centres ? centrePitch(registry, n, list[k], axis, gap, source) : pitch(registry, n, list[k], axis, gap)), 0);
  if (shape === 'stack') {
    return { constraints: stack(names, source), bottom: names.slice(0, 1), top: names.slice(-1), members: names, span: [0, 0] };
  }
  if (shape === 'square' && names.length > 4) {
    const side = Math.round(Math.sqrt(names.length));
    if (side * side === names.length) return arrange(registry, names, 'grid', { ...options, rows: side, cols: side });
  }
  if (shape === 'circle' || shape === 'polygon' || shape === 'square') {
    const sides = shape === 'circle' ? undefined : shape === 'square' ? 4 : options.sides;
    const what = shape === 'circle' ? 'a circle' : sides === 3 ? 'a triangle' : sides === 4 ? 'a square' : `a ${sides ?? names.length}-sided polygon`;
    const f = formation(registry, names, sides, { spacing: options.spacing, centres, radius: options.radius, centre: options.centre, source, what });
    return { constraints: f.constraints, bottom: names, top: names, members: names, span: f.span };
  }
  if (shape === 'row' || shape === 'column') {
    const axis = options.axis ?? (shape === 'column' ? 'y' : 'x');
    if (axis === 'z') return { constraints: stack(names, source), bottom: names.slice(0, 1), top: names.slice(-1), members: names, span: [0, 0] };
    const length = pitchSum(names, axis, options.spacing ?? DEFAULT_GAP_M);
    return { constraints: row(registry, names, axis, options.spacing, source, centres), bottom: names, top: names, members: names, span: axis === 'x' ? [length, 0] : [0, length] };
  }
  if (shape === 'grid') {
    const cols = options.cols ?? Math.ceil(Math.sqrt(names.length));
    const out: Constraint[] = [];
    for (let k = 0; k < names.length; k++) {
      const col = k % cols;
      if (col > 0) out.push(...row(registry, [names[k - 1], names[k]], 'x', options.spacing, source, centres));
      if (k >= cols) out.push(...row(registry, [names[k - cols], names[k]], 'y', options.spacing, source, centres));
    }
    const gap = options.spacing ?? DEFAULT_GAP_M;
    const firstRow = names.slice(0, Math.min(cols, names.length));
    const firstCol = names.filter((_, k) => k % cols === 0);
    return { constraints: out, bottom: names, top: names, members: names, span: [pitchSum(firstRow, 'x', gap), pitchSum(firstCol, 'y', gap)] };
  }
  const p = pyramid(registry, names, source);
  const base = p.layers[0];
  const side = Math.round(Math.sqrt(base.length));
  const square = p.layers.length > 1 && side * side === base.length && p.layers[1].length === (side - 1) * (side - 1);
  const span: [number, number] = square ? [pitchSum(base.slice(0, side), 'x', 0), pitchSum(base.slice(0, side), 'x', 0)] : [pitchSum(base, 'x', 0), 0];
  return { constraints: p.constraints, bottom: base, top: p.layers[p.layers.length - 1], members: names, span };
}
