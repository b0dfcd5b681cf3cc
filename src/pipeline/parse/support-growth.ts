/**
 * Supports that grow to hold what an instruction puts on them. Default sizes are priors for a kind: a support whose
 * size the instruction does not state grows to hold the objects and formations put on it, along ONE axis when one
 * suffices (they stand side by side along it, where the solver sets them apart), by the solver's keep-in room; at
 * most to MAX_GROWTH times its own size and never past the 100 m scene limit, beyond which the instruction is refused
 * with the room it needs. A support whose size is stated keeps it and refuses what does not fit. A support the
 * lexicon does not know (an 8 cm placeholder) is sized to what is put on or above it, up to the scene limit.
 */
import { ParseError } from '../../errors.js';
import { KEEP_IN_SHARE } from '../solve/terms.js';
import type { Constraint } from '../types.js';
import { isKnownKind, type EntityRegistry } from './entities.js';
import { MAX_LENGTH_M } from './quantities.js';

/** How much larger than what it holds a support the lexicon does not know is made, per axis. */
export const UNKNOWN_ROOM = 1.25;
/** Most a support of unstated size grows along an axis, as a multiple of its own (lexicon) size there. */
export const MAX_GROWTH = 10;

/** A formation put on or above a support (a row, a grid, a ring, a stack's bottom layer). */
export interface FormationNeed {
  /** Footprint it needs, x and y metres: the span of its members' centres plus their widest footprint. */
  need: [number, number];
  /** What a lexicon support must hold of it alone: `need` along the axes its centres spread on, 0 across a row (each member rests centred there like a single object). */
  grow: [number, number];
  /** How errors name it ("3 bins") and its shape ("row"), and the clause it comes from. */
  what: string;
  shape: string;
  source: string;
}

export interface GrowthInput {
  registry: EntityRegistry;
  constraints: readonly Constraint[];
  /** Formations by the support they are put on or above. */
  formations: ReadonlyMap<string, readonly FormationNeed[]>;
  /** Entities whose size the instruction states. */
  stated: { has(name: string): boolean };
  /** Members of formations (counted as their formation, not one by one). */
  formed: ReadonlySet<string>;
  warnings: string[];
  /** The instruction as error messages quote it. */
  instruction: string;
}

/** One thing standing on a support: the extent it takes along each axis when lined up with others, and across them. */
interface Box {
  along: [number, number];
  across: [number, number];
}

const m = (v: number): string => v.toFixed(2);
const quote = (text: string): string => (text.length > 80 ? `'${text.slice(0, 77)}...'` : `'${text}'`);
const fits = (need: readonly number[], top: readonly number[]): boolean => need[0] <= top[0] + 1e-9 && need[1] <= top[1] + 1e-9;

/**
 * The ways the boxes can stand on a support: one box alone as it needs; several lined up along x (their extents
 * along x added, the deepest across) or along y.
 */
function layouts(boxes: Box[]): [number, number][] {
  if (boxes.length === 1) return [[...boxes[0].across]];
  const sum = (k: number) => boxes.reduce((t, b) => t + b.along[k], 0);
  const deep = (k: number) => Math.max(...boxes.map((b) => b.across[k]));
  return [[sum(0), deep(1)], [deep(0), sum(1)]];
}

/** The axis (0: x, 1: y) along which a side relation between two of the subjects sets them apart, if one does. */
function sideAxis(constraints: readonly Constraint[], subjects: readonly string[]): 0 | 1 | undefined {
  for (const c of constraints) {
    if (c.targets.length !== 1 || !subjects.includes(c.subject) || !subjects.includes(c.targets[0])) continue;
    if (c.type === 'left' || c.type === 'right') return 0;
    if (c.type === 'front' || c.type === 'behind') return 1;
  }
  return undefined;
}

/** Grows (or refuses) every support of the scene; mutates the registry's half extents and pushes warnings. */
export function growSupports(input: GrowthInput): void {
  const { registry, constraints, formations, stated, formed, warnings } = input;
  // Objects put on one support by their own relations ("the crate and the box on the cart", "the mirror on the
  // dresser between the two candles") stand side by side on it, beside its formations.
  // (The maps are made only when something needs them: most scenes put nothing on a support.)
  let resting: Map<string, string[]> | undefined;
  let sources: Map<string, Set<string>> | undefined;
  for (const c of constraints) {
    if (c.type !== 'on' || c.targets.length === 0 || formed.has(c.subject)) continue;
    resting ??= new Map();
    sources ??= new Map();
    const list = resting.get(c.targets[0]) ?? [];
    if (!list.includes(c.subject)) list.push(c.subject);
    resting.set(c.targets[0], list);
    const src = sources.get(c.targets[0]) ?? new Set();
    src.add(c.source);
    sources.set(c.targets[0], src);
  }
  let unknownNeeds: Map<string, [number, number]> | undefined;
  // With nothing on a support and no formation, no support holds anything by its own relations.
  if (resting !== undefined || formations.size > 0) {
    const supports = new Set<string>();
    if (resting !== undefined) for (const name of resting.keys()) supports.add(name);
    for (const name of formations.keys()) supports.add(name);
    // Sizes of lexicon supports before any grows (a support may also stand on another).
    const own = new Map<string, number[]>();
    for (const n of supports) own.set(n, [...(registry.get(n)?.halfExtents ?? [0, 0, 0])]);
    for (const name of supports) {
      const e = registry.get(name);
      if (!e) continue;
      const known = isKnownKind(e.kind);
      const subjects = resting?.get(name) ?? [];
      const forms = formations.get(name) ?? [];
      const boxes: Box[] = [
        ...subjects.map((n): Box => {
          const h = registry.get(n)!.halfExtents;
          const along: [number, number] = [2 * h[0], 2 * h[1]];
          return { along, across: known ? [0, 0] : along };
        }),
        ...forms.map((f): Box => ({ along: f.need, across: known ? f.grow : f.need })),
      ];
      // One object alone rests centred and may be wider than its support.
      if (boxes.length === 0 || (boxes.length === 1 && forms.length === 0)) continue;
      const options = layouts(boxes);
      // Objects on it that a side relation sets apart stand along that relation's axis ("the reservoir behind the tip
      // rack on the deck": along y), so the support grows along that axis when it may.
      const lined = boxes.length > 1 && forms.length === 0 ? sideAxis(constraints, subjects) : undefined;
      const alone = boxes.length === 1 ? forms[0] : undefined;
      const where = alone ? quote(alone.source) : quote(sources?.get(name)?.size === 1 ? [...sources.get(name)!][0] : input.instruction);
      const needText = alone
        ? `${alone.what} in a ${alone.shape} need ${m(alone.need[0])} × ${m(alone.need[1])} m (their footprints)`
        : `${boxes.length} objects side by side on the ${name} need ${m(options[0][0])} m along x or ${m(options[1][1])} m along y (their footprints)`;
      if (!known) {
        // Sized to hold them lined up the way that makes it smaller, up to the scene limit.
        const best = lined !== undefined ? options[lined] : options.reduce((a, b) => (b[0] * b[1] < a[0] * a[1] - 1e-12 ? b : a));
        if (best.some((v) => UNKNOWN_ROOM * v > MAX_LENGTH_M)) {
          throw new ParseError(`${needText}, but no support is larger than the ${MAX_LENGTH_M} m scene limit: they do not fit on the ${name} (in ${where})`);
        }
        (unknownNeeds ??= new Map()).set(name, best);
        continue;
      }
      const top = [2 * e.halfExtents[0], 2 * e.halfExtents[1]];
      if (options.some((o) => fits(o, top))) continue;
      if (stated.has(name)) {
        throw new ParseError(`${needText}, but its top is ${m(top[0])} × ${m(top[1])} m: they do not fit on it (in ${where})`);
      }
      // By the keep-in room: every member's centre, even a row's end one, KEEP_IN_SHARE of the half-width inside the edge.
      const room = Math.max(UNKNOWN_ROOM, 1 / (1 - KEEP_IN_SHARE));
      const base = own.get(name)!;
      const cap = [0, 1].map((k) => Math.min(MAX_GROWTH * 2 * base[k], MAX_LENGTH_M));
      const grown = options.map((o) => [0, 1].map((k) => (o[k] > top[k] + 1e-9 ? room * o[k] : top[k])));
      const allowed = grown.filter((g) => fits(g, cap));
      if (allowed.length === 0) {
        const most = cap.map((c) => c / room);
        throw new ParseError(
          `${needText}, but a ${e.kind.replace(/_/g, ' ')} whose size is not stated grows to at most ${MAX_GROWTH} times its size (a ${m(cap[0])} × ${m(cap[1])} m top, holding ${m(most[0])} × ${m(most[1])} m of footprints${cap.some((c) => c >= MAX_LENGTH_M) ? `, within the ${MAX_LENGTH_M} m scene limit` : ''}): they do not fit on the ${name} (in ${where})`,
        );
      }
      const best = lined !== undefined && fits(grown[lined], cap) ? grown[lined] : allowed.reduce((a, b) => (b[0] * b[1] < a[0] * a[1] - 1e-12 ? b : a));
      e.halfExtents[0] = best[0] / 2;
      e.halfExtents[1] = best[1] / 2;
      warnings.push(`'${name}' enlarged to ${e.halfExtents.map((v) => (2 * v).toFixed(2)).join(' × ')} m to hold what is put on it (its size was not stated; its default did not fit)`);
    }
  }
  // A support the lexicon does not know holds the footprint of any one object put on or above it, and what stands
  // on it side by side, with UNKNOWN_ROOM.
  for (const c of constraints) {
    if ((c.type !== 'on' && c.type !== 'above') || c.targets.length === 0) continue;
    const support = registry.get(c.targets[0]);
    const sub = registry.get(c.subject);
    if (!sub || !support || isKnownKind(support.kind)) continue;
    const need = unknownNeeds?.get(c.targets[0]) ?? [0, 0];
    (unknownNeeds ??= new Map()).set(c.targets[0], [Math.max(need[0], 2 * sub.halfExtents[0]), Math.max(need[1], 2 * sub.halfExtents[1])]);
  }
  if (unknownNeeds === undefined) return;
  for (const [name, need] of unknownNeeds) {
    const e = registry.get(name)!;
    for (let k = 0; k < 2; k++) e.halfExtents[k] = Math.max(e.halfExtents[k], Math.min(UNKNOWN_ROOM * need[k], MAX_LENGTH_M) / 2);
  }
}
