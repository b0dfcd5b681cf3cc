/**
 * The instruction corpus (fixtures/corpus/*.txt): loading, and checking each hand-labelled relation from the
 * returned positions and half extents alone (never from `satisfied` flags). Shared by the corpus test and
 * scripts/corpus-report.ts. The label language is described in fixtures/corpus/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Positional tolerance of the checks, metres. */
export const POSITION_TOL = 2e-3;
/** Tolerance of distances and spacings, metres. */
export const DISTANCE_TOL = 5e-3;

export interface Label {
  relation: string;
  args: string[];
  /** Members of row/ring/stack, and the centre of a ring after `|`. */
  centre?: string;
  text: string;
}

export interface CorpusEntry {
  file: string;
  line: number;
  instruction: string;
  labels: Label[];
}

/**
 * The entity names an entry's labels mention (the user's nouns, as the conventions name them): every argument of a
 * relation except the distance of near/far/dist and the axis and angle of `angle`, and a ring's centre; not `floor`.
 */
export function labelledNames(entry: CorpusEntry): Set<string> {
  return new Set(entry.labels.filter((l) => l.relation !== 'error').flatMap((l) => {
    const n = l.relation === 'far' || l.relation === 'dist' || l.relation === 'near' ? l.args.slice(0, 2) : l.relation === 'angle' ? l.args.slice(0, 1) : l.args;
    return l.centre ? [...n, l.centre] : n;
  }).filter((n) => n !== 'floor'));
}

export interface PoseLike {
  position: number[];
  orientation: number[];
  halfExtents?: number[];
}

export interface ResponseLike {
  success: boolean;
  error?: string;
  constraints: { type: string; subject: string; targets: string[] }[];
  targetPoses: Record<string, PoseLike>;
  metrics: { supportMargin?: number | null };
}

function parseLabel(text: string): Label {
  const m = /^(\w+)\((.*)\)$/.exec(text.trim());
  if (!m) throw new Error(`bad label '${text}'`);
  const [relation, body] = [m[1], m[2]];
  if (relation === 'error') return { relation, args: [body.trim()], text };
  const [members, centre] = body.split('|');
  const label: Label = { relation, args: members.split(',').map((s) => s.trim()).filter(Boolean), text };
  if (centre !== undefined) label.centre = centre.trim();
  return label;
}

/** Every corpus entry of the folder's .txt files, in file and line order. */
export function loadCorpus(folder: string): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
    readFileSync(join(folder, file), 'utf8').split('\n').forEach((raw, k) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const at = raw.lastIndexOf('||');
      if (at < 0) throw new Error(`${file}:${k + 1}: no '||' labels`);
      out.push({ file, line: k + 1, instruction: raw.slice(0, at).trim(), labels: raw.slice(at + 2).split(';').filter((s) => s.trim()).map(parseLabel) });
    });
  }
  return out;
}

interface Box {
  c: number[];
  h: number[];
  lo: number[];
  hi: number[];
  q: number[];
}

type Sizes = (name: string) => number[] | undefined;

function boxOf(r: ResponseLike, name: string, sizes: Sizes): Box | null {
  const p = r.targetPoses[name];
  if (!p) return null;
  const h = p.halfExtents ?? sizes(name);
  if (!h) return null;
  return { c: p.position, h, lo: p.position.map((v, k) => v - h[k]), hi: p.position.map((v, k) => v + h[k]), q: p.orientation };
}

function gap(a: Box, b: Box): number {
  let s = 0;
  for (let k = 0; k < 3; k++) {
    const g = Math.max(0, Math.abs(a.c[k] - b.c[k]) - a.h[k] - b.h[k]);
    s += g * g;
  }
  return Math.sqrt(s);
}

function overlapDepth(a: Box, b: Box): number {
  let depth = Infinity;
  for (let k = 0; k < 3; k++) depth = Math.min(depth, a.h[k] + b.h[k] - Math.abs(a.c[k] - b.c[k]));
  return Math.max(0, depth);
}

const over = (a: Box, b: Box) => Math.abs(a.c[0] - b.c[0]) <= b.h[0] + POSITION_TOL && Math.abs(a.c[1] - b.c[1]) <= b.h[1] + POSITION_TOL;
const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** A row: centres on one horizontal line through the first and the last, in order, with equal gaps between neighbours. */
function evenlySpaced(boxes: Box[]): boolean {
  if (boxes.length < 2) return true;
  const first = boxes[0].c, last = boxes[boxes.length - 1].c;
  const len = Math.hypot(last[0] - first[0], last[1] - first[1]);
  if (len < DISTANCE_TOL) return false;
  const u = [(last[0] - first[0]) / len, (last[1] - first[1]) / len];
  const gaps: number[] = [];
  for (let k = 0; k < boxes.length; k++) {
    const b = boxes[k];
    const off = (b.c[0] - first[0]) * -u[1] + (b.c[1] - first[1]) * u[0];
    if (Math.abs(off) > DISTANCE_TOL || Math.abs(b.lo[2] - boxes[0].lo[2]) > DISTANCE_TOL) return false;
    if (k > 0) {
      const prev = boxes[k - 1];
      const along = (b.c[0] - prev.c[0]) * u[0] + (b.c[1] - prev.c[1]) * u[1];
      const reach = (x: Box) => Math.abs(x.h[0] * u[0]) + Math.abs(x.h[1] * u[1]);
      gaps.push(along - reach(b) - reach(prev));
    }
  }
  return gaps.every((g) => g >= -POSITION_TOL && Math.abs(g - gaps[0]) <= DISTANCE_TOL);
}

function ring(boxes: Box[], centre: Box | null): boolean {
  const n = boxes.length;
  if (boxes.some((b) => Math.abs(b.c[2] - boxes[0].c[2]) > POSITION_TOL)) return false;
  const cx = boxes.reduce((s, b) => s + b.c[0], 0) / n, cy = boxes.reduce((s, b) => s + b.c[1], 0) / n;
  const radii = boxes.map((b) => Math.hypot(b.c[0] - cx, b.c[1] - cy));
  const r = radii.reduce((s, v) => s + v, 0) / n;
  if (radii.some((v) => Math.abs(v - r) > DISTANCE_TOL) || r < DISTANCE_TOL) return false;
  const angles = boxes.map((b) => Math.atan2(b.c[1] - cy, b.c[0] - cx)).sort((a, b) => a - b);
  const steps = angles.map((a, k) => (k + 1 < n ? angles[k + 1] - a : angles[0] + 2 * Math.PI - a));
  if (steps.some((s) => Math.abs(s - (2 * Math.PI) / n) * r > 2 * DISTANCE_TOL)) return false;
  return centre === null || Math.hypot(centre.c[0] - cx, centre.c[1] - cy) <= DISTANCE_TOL;
}

function orientationIs(q: number[], axis: string, degrees: number): boolean {
  const k = axis === 'x' ? 1 : axis === 'y' ? 2 : 3;
  const t = (degrees * Math.PI) / 180;
  const e = [Math.cos(t / 2), 0, 0, 0];
  e[k] = Math.sin(t / 2);
  return Math.abs(q[0] * e[0] + q[1] * e[1] + q[2] * e[2] + q[3] * e[3]) >= Math.cos(0.02);
}

/** Whether a label holds in a response, from positions and sizes alone. `sizes` supplies half extents a response lacks. */
export function labelHolds(label: Label, r: ResponseLike, sizes: Sizes = () => undefined): boolean {
  const { relation, args } = label;
  if (relation === 'error') return !r.success && (r.error ?? '').includes(args[0]);
  if (relation === 'name') return r.targetPoses[args[0]] !== undefined;
  const names = relation === 'far' || relation === 'dist' || relation === 'near' ? args.slice(0, 2) : relation === 'angle' ? args.slice(0, 1) : args;
  const boxes = names.map((n) => (n === 'floor' ? null : boxOf(r, n, sizes)));
  if (names.some((n, k) => n !== 'floor' && boxes[k] === null)) return false;
  const [a, b, c] = boxes as Box[];
  switch (relation) {
    case 'on':
      if (args[1] === 'floor') return Math.abs(a.lo[2]) <= POSITION_TOL;
      return Math.abs(a.lo[2] - b.hi[2]) <= POSITION_TOL && over(a, b);
    case 'above':
      return a.lo[2] >= b.hi[2] - POSITION_TOL && over(a, b);
    case 'below':
      return a.hi[2] <= b.lo[2] + POSITION_TOL && over(a, b);
    case 'left':
      return a.hi[0] <= b.lo[0] + POSITION_TOL;
    case 'right':
      return a.lo[0] >= b.hi[0] - POSITION_TOL;
    case 'front':
      return a.hi[1] <= b.lo[1] + POSITION_TOL;
    case 'behind':
      return a.lo[1] >= b.hi[1] - POSITION_TOL;
    case 'near':
      return gap(a, b) <= (args[2] === undefined ? 0.15 : Number(args[2])) + POSITION_TOL;
    case 'far':
      return gap(a, b) >= Number(args[2]) - POSITION_TOL;
    case 'touching':
      return gap(a, b) <= POSITION_TOL && overlapDepth(a, b) <= POSITION_TOL;
    case 'inside':
      return [0, 1, 2].every((k) => a.lo[k] >= b.lo[k] - POSITION_TOL && a.hi[k] <= b.hi[k] + POSITION_TOL);
    case 'between': {
      // Seen from above: a's centre on the segment joining b's and c's centres; a's box overlaps in height the span
      // of b's and c's (from the lower bottom to the higher top).
      const seg = [c.c[0] - b.c[0], c.c[1] - b.c[1]];
      const len2 = seg[0] * seg[0] + seg[1] * seg[1];
      const t = len2 > 0 ? Math.min(1, Math.max(0, (seg[0] * (a.c[0] - b.c[0]) + seg[1] * (a.c[1] - b.c[1])) / len2)) : 0;
      const inPlan = Math.hypot(a.c[0] - b.c[0] - t * seg[0], a.c[1] - b.c[1] - t * seg[1]) <= DISTANCE_TOL;
      return inPlan && a.hi[2] >= Math.min(b.lo[2], c.lo[2]) - POSITION_TOL && a.lo[2] <= Math.max(b.hi[2], c.hi[2]) + POSITION_TOL;
    }
    case 'dist':
      return Math.abs(dist(a.c, b.c) - Number(args[2])) <= DISTANCE_TOL;
    case 'row':
      return evenlySpaced(boxes as Box[]);
    case 'ring': {
      const centre = label.centre ? boxOf(r, label.centre, sizes) : null;
      if (label.centre && !centre) return false;
      return ring(boxes as Box[], centre);
    }
    case 'stack':
      return (boxes as Box[]).every((x, k) => {
        if (k === 0) return true;
        const under = (boxes as Box[])[k - 1];
        return Math.abs(x.lo[2] - under.hi[2]) <= POSITION_TOL && [0, 1].every((i) => Math.abs(x.c[i] - under.c[i]) <= 0.75 * under.h[i] + POSITION_TOL);
      });
    case 'angle':
      return orientationIs(a.q, args[1], Number(args[2]));
    default:
      throw new Error(`unknown label relation '${relation}'`);
  }
}

/** Figures of a corpus run. */
export interface CorpusFigures {
  instructions: number;
  /** Instructions (refusals excluded) read into at least one constraint. */
  covered: number;
  labels: number;
  /** Labels (refusals excluded) true from the positions. */
  labelsTrue: number;
  refusals: number;
  refusalsRight: number;
  failures: string[];
}

/** Checks every entry against its response. */
export function checkCorpus(entries: CorpusEntry[], responses: ResponseLike[], sizes: (i: number) => Sizes = () => () => undefined): CorpusFigures {
  const f: CorpusFigures = { instructions: 0, covered: 0, labels: 0, labelsTrue: 0, refusals: 0, refusalsRight: 0, failures: [] };
  entries.forEach((e, i) => {
    const r = responses[i];
    const refusal = e.labels.every((l) => l.relation === 'error');
    if (refusal) {
      f.refusals++;
      const ok = e.labels.every((l) => labelHolds(l, r));
      if (ok) f.refusalsRight++;
      else f.failures.push(`${e.file}:${e.line} should fail with ${e.labels.map((l) => l.text).join(', ')}: ${r.success ? 'ok' : r.error}`);
      return;
    }
    f.instructions++;
    if (r.constraints.length > 0) f.covered++;
    for (const l of e.labels) {
      f.labels++;
      if (labelHolds(l, r, sizes(i))) f.labelsTrue++;
      else f.failures.push(`${e.file}:${e.line} ${l.text} does not hold in '${e.instruction}'${r.error ? ` (${r.error})` : ''}`);
    }
  });
  return f;
}
