/**
 * Compiles a SolveInput into a SolverWorkspace: entity names to indices, constraint parameters to typed arrays
 * (defaults filled in), sanitised initial poses, the pairs exempt from non-interpenetration and the layout of
 * the unknowns. Throws InputError only for malformed input (unknown entity or constraint type, missing pose
 * numbers, invalid half extents); non-finite poses are replaced, never passed on.
 */
import { InputError } from '../../errors.js';
import { defaultDistance, isOrientationKind, KIND, kindCode } from './kinds.js';
import { quatFromAxisAngle, quatNormalize } from './quaternion.js';
import { layOutRigidSets } from './rigid-start.js';
import type { ResolvedSolveOptions, SolveInput } from './types.js';
import type { SolverWorkspace } from './workspace.js';

/** Largest coordinate accepted from the initial poses, metres; larger ones are treated as invalid. */
export const MAX_COORDINATE = 1e6;
/** Spacing along x of the default layout used for entities whose initial position is invalid, metres. */
export const FALLBACK_SPACING = 0.5;
/** Share of a hinge constraint's tolerance kept as a margin while solving. */
export const MARGIN_SHARE = 0.25;

const AXES: Record<string, number> = { x: 0, y: 1, z: 2 };

/**
 * Scenes of at most this many entities find names by a linear scan of ws.nameList (Map's equality, SameValueZero);
 * larger ones by the ws.names Map. Clearing and filling a Map per scene costs more than scanning a few names.
 */
const LINEAR_NAMES = 8;

function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

function entityIndex(ws: SolverWorkspace, name: string, role: string, ci: number): number {
  let index: number | undefined;
  if (ws.entities <= LINEAR_NAMES) {
    for (let i = 0; i < ws.entities; i++) {
      if (sameValueZero(ws.nameList[i], name)) {
        index = i;
        break;
      }
    }
  } else index = ws.names.get(name);
  if (index === undefined) throw new InputError(`constraint ${ci} names unknown ${role} entity '${name}'`);
  return index;
}

/**
 * stackPair codes: the pair's overlap is resolved along z only (STACK_PAIR), in x/y only (SIDE_PAIR), or along x
 * only (SIDE_X_PAIR) or y only (SIDE_Y_PAIR): two objects resting on one support that can stand side by side on its
 * top along that axis alone (neither held at a distance from something: a formation's member moves with it, and an
 * object caught inside a row must be free to step out sideways).
 */
export const STACK_PAIR = 1;
export const SIDE_PAIR = 2;
export const SIDE_X_PAIR = 3;
export const SIDE_Y_PAIR = 4;

/** Share of a support's half-width within which both centres of a side-by-side pair must fit. */
export const SIDE_BY_SIDE_SHARE = 0.75;

/**
 * Marks the pairs of subjects above one support that cannot stand side by side over it (on neither horizontal
 * axis do their half-widths add up to at most SIDE_BY_SIDE_SHARE of the support's width): they must stack; the
 * pairs resting on one support, which must stand side by side; and the subject of a between relation with each of
 * its two references (side by side too). Two objects resting on one support whose widths, added up, fit its top
 * along one horizontal axis only stand side by side along that axis ("three 10 cm boxes on a 10 × 40 cm shelf":
 * along y), unless either is held at a distance from something (a formation's member).
 */
function markStackPairs(ws: SolverWorkspace): void {
  const C = ws.constraintCount, N = ws.entities, H = ws.half;
  const held = ws.held;
  held.fill(0, 0, N);
  for (let ci = 0; ci < C; ci++) {
    if (ws.kind[ci] !== KIND.distance) continue;
    held[ws.subject[ci]] = 1;
    if (ws.targetB[ci] >= 0) held[ws.targetB[ci]] = 1;
  }
  for (let ci = 0; ci < C; ci++) {
    // Something between two references stands beside each of them: an overlap with either is resolved
    // horizontally (pushed up onto them, it would leave the height they span).
    if (ws.kind[ci] !== KIND.between) continue;
    const a = ws.subject[ci];
    for (const r of [ws.targetB[ci], ws.targetC[ci]]) {
      if (r < 0 || r === a || ws.stackPair[a * N + r] !== 0) continue;
      ws.stackPair[a * N + r] = SIDE_PAIR;
      ws.stackPair[r * N + a] = SIDE_PAIR;
    }
  }
  for (let ci = 0; ci < C; ci++) {
    if ((ws.kind[ci] !== KIND.above && ws.kind[ci] !== KIND.on) || ws.targetB[ci] < 0) continue;
    const b = ws.targetB[ci], i = ws.subject[ci];
    for (let cj = ci + 1; cj < C; cj++) {
      if (ws.kind[cj] !== ws.kind[ci] || ws.targetB[cj] !== b) continue;
      const j = ws.subject[cj];
      if (i === j) continue;
      if (ws.kind[ci] === KIND.on) {
        // Two objects resting on one support stand side by side: their overlap is resolved horizontally, along the
        // one axis where the support holds them side by side when only one does.
        const fitsX = H[i * 3] + H[j * 3] <= H[b * 3] + 1e-9, fitsY = H[i * 3 + 1] + H[j * 3 + 1] <= H[b * 3 + 1] + 1e-9;
        const code = fitsX === fitsY || held[i] === 1 || held[j] === 1 ? SIDE_PAIR : fitsX ? SIDE_X_PAIR : SIDE_Y_PAIR;
        ws.stackPair[i * N + j] = code;
        ws.stackPair[j * N + i] = code;
        continue;
      }
      let fits = false;
      for (let k = 0; k < 2; k++) if (H[i * 3 + k] + H[j * 3 + k] <= 2 * SIDE_BY_SIDE_SHARE * H[b * 3 + k]) fits = true;
      if (!fits) {
        ws.stackPair[i * N + j] = STACK_PAIR;
        ws.stackPair[j * N + i] = STACK_PAIR;
      }
    }
  }
}

/** Fills `ws` with the problem of `input`; returns nothing, the workspace holds it. */
export function compileProblem(ws: SolverWorkspace, input: SolveInput, options: ResolvedSolveOptions): void {
  const { entities, constraints, positions, orientations } = input;
  const N = entities.length;
  const C = constraints.length;
  if (positions.length < N * 3) throw new InputError(`positions hold ${positions.length} numbers, ${N * 3} needed for ${N} entities`);
  if (orientations.length < N * 4) throw new InputError(`orientations hold ${orientations.length} numbers, ${N * 4} needed for ${N} entities`);
  ws.ensure(N, C);
  ws.entities = N;
  ws.constraintCount = C;

  const linear = N <= LINEAR_NAMES;
  if (!linear) ws.names.clear();
  for (let i = 0; i < N; i++) {
    const e = entities[i];
    if (linear) {
      for (let j = 0; j < i; j++) if (sameValueZero(ws.nameList[j], e.name)) throw new InputError(`entity name '${e.name}' is used twice`);
      ws.nameList[i] = e.name;
    } else {
      if (ws.names.has(e.name)) throw new InputError(`entity name '${e.name}' is used twice`);
      ws.names.set(e.name, i);
    }
    for (let k = 0; k < 3; k++) {
      const h = e.halfExtents[k];
      if (!(Number.isFinite(h) && h >= 0)) throw new InputError(`entity '${e.name}' has invalid half extent ${String(h)}`);
      ws.half[i * 3 + k] = h;
    }
    ws.grounded[i] = e.grounded ? 1 : 0;
    ws.supported[i] = 0;
    ws.rotColumn[i] = -1;

    let valid = true;
    for (let k = 0; k < 3; k++) {
      const v = positions[i * 3 + k];
      if (!(Math.abs(v) <= MAX_COORDINATE)) valid = false;
    }
    if (valid) {
      for (let k = 0; k < 3; k++) ws.initialPos[i * 3 + k] = positions[i * 3 + k];
    } else {
      ws.initialPos[i * 3] = FALLBACK_SPACING * i;
      ws.initialPos[i * 3 + 1] = 0;
      ws.initialPos[i * 3 + 2] = ws.half[i * 3 + 2];
    }
    quatNormalize(ws.initialQuat, i * 4, orientations, i * 4);
  }
  ws.exempt.fill(0, 0, N * N);
  ws.stackPair.fill(0, 0, N * N);

  for (let ci = 0; ci < C; ci++) {
    const c = constraints[ci];
    const kind = kindCode(c.type);
    if (kind < 0) throw new InputError(`constraint ${ci} has unknown type '${String(c.type)}'`);
    const a = entityIndex(ws, c.subject, 'subject', ci);
    const targets = c.targets ?? [];
    const b = targets.length > 0 ? entityIndex(ws, targets[0], 'target', ci) : -1;
    let cc = targets.length > 1 ? entityIndex(ws, targets[1], 'target', ci) : -1;
    if (kind === KIND.between && targets.length === 1) cc = b;
    ws.kind[ci] = kind;
    ws.supports[ci] = (kind === KIND.on || kind === KIND.above) && b >= 0 && b !== a ? 1 : 0;
    // How many supports the subject has (capped): the keep-in term applies to a subject with exactly one.
    if (ws.supports[ci] === 1 && ws.supported[a] < 255) ws.supported[a]++;
    ws.subject[ci] = a;
    ws.targetB[ci] = b;
    ws.targetC[ci] = cc;

    const p = c.parameters ?? {};
    const named = p.axis !== undefined ? AXES[p.axis] : undefined;
    let axis = named ?? -1;
    if (axis < 0 && (kind === KIND.angle || kind === KIND.parallel || kind === KIND.perpendicular)) axis = 2;
    ws.axis[ci] = axis;

    const requested = p.distance ?? (kind === KIND.distance ? p.spacing : undefined);
    const signedAllowed = kind === KIND.distance && axis >= 0;
    const usable = requested !== undefined && Number.isFinite(requested) && (signedAllowed || requested >= 0);
    ws.distance[ci] = usable ? requested : defaultDistance(kind, b < 0);

    const angle = p.angle !== undefined && Number.isFinite(p.angle) ? p.angle : 0;
    quatFromAxisAngle(ws.targetQuat, ci * 4, axis < 0 ? 2 : axis, kind === KIND.angle ? angle : 0);

    const angular = isOrientationKind(kind, axis);
    const tol = p.tolerance !== undefined && Number.isFinite(p.tolerance) && p.tolerance > 0 ? p.tolerance : angular ? options.angularTolerance : options.defaultTolerance;
    ws.tolerance[ci] = tol;
    ws.margin[ci] = MARGIN_SHARE * tol;

    if (kind === KIND.inside && b >= 0) {
      ws.exempt[a * N + b] = 1;
      ws.exempt[b * N + a] = 1;
    }
    if (angular) {
      ws.rotColumn[a] = 0;
      if (b >= 0) ws.rotColumn[b] = 0;
    }
  }

  markStackPairs(ws);

  // Unknowns: 3 position columns per entity, then 3 rotation columns per entity that an orientation relation moves.
  let column = N * 3;
  for (let i = 0; i < N; i++) {
    if (ws.rotColumn[i] === 0) {
      ws.rotColumn[i] = column;
      column += 3;
    }
  }
  ws.columns = column;

  // A formation (every pair of its members at a centre distance) starts laid out as its distances ask.
  layOutRigidSets(ws);
  // Plain loops: a subarray view and set() per array cost more than copying a few numbers.
  for (let c = 0; c < N * 3; c++) {
    ws.pos[c] = ws.initialPos[c];
    ws.anchorPos[c] = ws.initialPos[c];
  }
  for (let c = 0; c < N * 4; c++) {
    ws.quat[c] = ws.initialQuat[c];
    ws.anchorQuat[c] = ws.initialQuat[c];
  }
  ws.P = ws.pos;
  ws.Q = ws.quat;
}
