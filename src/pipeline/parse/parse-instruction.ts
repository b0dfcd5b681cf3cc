/**
 * Instruction → SceneSpec. Each clause is read into items (clause-items.ts) and interpreted here:
 * subjects before the first relation, targets after it, quantities attached to the relation they precede,
 * arrangements expanded (arrangements.ts), pronouns and omitted subjects taken from the previous clause.
 * An instruction from which no relation can be read is a ParseError, never a guess.
 */
import { ParseError } from '../../errors.js';
import type { Axis, Constraint, ConstraintType, Entity, Facing, SceneSpec } from '../types.js';
import { arrange, centrePitch, DEFAULT_FORMATION_GAP_M, DEFAULT_GAP_M, pitch, type Arrangement } from './arrangements.js';
import { withBackReferences } from './back-references.js';
import { centreDistanceEndsAt, centreToCentre, matchPose, PICK_VERBS, readItems, type Item } from './clause-items.js';
import { EntityRegistry, isKnownKind, readNounPhrase, singularNameAs, type NounPhrase } from './entities.js';
import { FILLERS, verbBase } from './lexicon.js';
import { matchRelation } from './relations.js';
import { splitClauses } from './segments.js';
import { applyStatedSize, conflictingSide, type StatedSize } from './stated-size.js';
import { KEEP_IN_SHARE } from '../solve/terms.js';
import { growSupports, MAX_GROWTH, type FormationNeed } from './support-growth.js';
import { readQuantity } from './quantities.js';
import { MAX_INSTRUCTION_LENGTH, normalise, tokenize, type Token } from './tokenize.js';
import { VERB_BASE, VERB_FORM, wordToken } from './word-classes.js';

export { MAX_INSTRUCTION_LENGTH };

const ROTATE_VERBS = new Set(['rotate', 'turn', 'spin', 'tilt', 'orient']);
/** Relations that can stand without a reference (relative to the world). */
const WORLD_RELATIONS = new Set<ConstraintType>(['left', 'right', 'front', 'behind', 'above']);
/** The side opposite each side ("on the left of X, … on its right": X's right). */
const OPPOSITE_SIDE: Partial<Record<ConstraintType, ConstraintType>> = { left: 'right', right: 'left', front: 'behind', behind: 'front', above: 'below', below: 'above' };
const isSideType = (type: ConstraintType): boolean => type === 'left' || type === 'right' || type === 'front' || type === 'behind';
/** What growSupports reads for a parse that has no formation, stated size or formation member (it reads, never writes). */
const NO_FORMATIONS: ReadonlyMap<string, FormationNeed[]> = new Map();
const NO_STATED: ReadonlySet<string> = new Set();
const NO_FORMED: ReadonlySet<string> = new Set();

/** Plural with no count: how many entities it makes. */
const DEFAULT_GROUP = 3;

type NpItem = Extract<Item, { t: 'np' }>;
type QtyItem = Extract<Item, { t: 'qty' }>;

interface Context {
  registry: EntityRegistry;
  constraints: Constraint[];
  warnings: string[];
  lastSubjects: string[];
  lastEntities: string[];
  /** Reference objects of the current clause's relations, and of the previous clause's ("… and a cylinder behind it"). */
  lastTargets: string[];
  prevTargets: string[];
  /** Reference objects of any relation (support ones too) in the current clause, and in the previous one. */
  lastRefs: string[];
  prevRefs: string[];
  /** The subjects of the previous clause (lastSubjects as the current clause began). */
  prevSubjects: string[];
  /** Formations put on or above each support (the room they need there): a support whose size is not stated grows to hold them (support-growth.ts). */
  formations?: Map<string, FormationNeed[]>;
  /** Entities whose size the instruction states ("the 60 cm plate"), with the phrase that states it: never grown; a group that does not fit is refused. */
  stated?: Map<string, { size: StatedSize; text: string }>;
  /** "facing X" with no side relation to X: turned after the solve (SceneSpec.facings). */
  facings: Facing[];
  /** Members of formations (their room on a support is in formations, measured as a formation; a pyramid's own layers rest on each other). */
  formed?: Set<string>;
  lastKind: string;
  lastHead: string;
  /** The object of the last pick verb: what "it" means until a clause names a new subject. */
  focus: string[];
  lastArrangement: Arrangement | null;
  /** Members of the stack just formed that the instruction put in place from the bottom up ("box 1 at the bottom, box 2 on it"). */
  stackPlaced: string[];
  /** What "its" named in this clause and in the previous one ("with the blue cube on its left and the yellow cube on its right"). */
  possessive: string[];
  prevPossessive: string[];
  /** "above" of a tool over the object it picks: dropped when the object goes inside something (the tool could not reach into it). */
  toolHolds?: Set<Constraint>;
  /** The holds of a pick ('touching' from the tool or agent to the object picked): no side relation to rest by. */
  grips?: Set<Constraint>;
  /** Supports the comma rule gave a side relation's reference (dropped when the instruction places it elsewhere). */
  commaRests?: Set<Constraint>;
  /** Stacks put inside a container: each is held as one column (widths of the widest, heights summed). */
  columns: string[][];
  /** Footprints (x, y half-widths) of formations put inside a container ("four tubes in a row in the rack"), by container. */
  containedFormations?: Map<string, [number, number]>;
  source: string;
  /** Noun phrases some relation, reference or verb read: one a clause names and nothing reads is refused, never dropped. */
  resolved: Set<object>;
  /** The refusal for the first object phrase nothing read (thrown once the instruction is known to have relations). */
  unread: string | null;
  /** Groups named alone before a pronoun's clause ("Brackets x2: set them …"): each must be placed by a later relation. */
  topics: { names: string[]; message: string }[];
}

/** Whether a text has an ASCII letter or digit: enough to know it has a letter or a number, before the slower Unicode test. */
function hasAsciiAlnum(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  }
  return false;
}
const LETTER_START = /^[\p{L}]/u;

/** Whether a word starts with a letter of any script (an ASCII one read without the Unicode test). */
function startsWithLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER_START.test(w);
}

/** A clause's words as error messages quote them; a range's glued dash stays glued ("totes 1-3", not "1 -3"). */
function sourceText(clause: Token[]): string {
  let out = '';
  for (let k = 0; k < clause.length; k++) {
    const t = clause[k];
    const glued = t.kind === 'num' && t.text.startsWith('-') && clause[k - 1]?.kind === 'num';
    out += k === 0 || glued ? t.text : ` ${t.text}`;
  }
  return out;
}

function sizeText(h: readonly number[]): string {
  return h.map((v) => (2 * v).toFixed(2)).join(' × ') + ' m';
}

function quote(text: string): string {
  return text.length > 80 ? `'${text.slice(0, 77)}...'` : `'${text}'`;
}

/**
 * Resolves a noun phrase to entity names (creating entities as needed). Sizes written before the noun ("the 60 cm
 * plate", "a 1 m shelf", "the 1 m tall lamp", "the 2 x 1 m table") are the object's stated size (stated-size.ts).
 * Two phrases that name one object with different stated sizes ("the 1 m shelf", then "the 2 m shelf") are two
 * objects the names cannot tell apart: refused, asking for labels.
 */
/** No role: a shared constant (resolve and resolveNames only read it), not an object made per call. */
const NO_ROLE: { between?: boolean; exclude?: string[] } = Object.freeze({});

function resolve(ctx: Context, item: NpItem, role: { between?: boolean; exclude?: string[] } = NO_ROLE): string[] {
  const names = resolveNames(ctx, item, role);
  const size = item.np.stated;
  if (size === undefined) return names;
  for (const name of names) {
    const before = ctx.stated?.get(name);
    const side = before ? conflictingSide(before.size, size) : undefined;
    if (before && side) {
      throw new ParseError(`${quote(before.text)} and ${quote(item.text)} both name '${name}' but state different sizes (its ${side} ${before.size[side]} m and ${size[side]} m); tell them apart by a label ('${name} 1', '${name} 2') in ${quote(ctx.source)}`);
    }
    applyStatedSize(ctx.registry.get(name)!.halfExtents, size);
    if (!before) (ctx.stated ??= new Map()).set(name, { size: { ...size }, text: item.text });
    else for (const side of ['length', 'width', 'height'] as const) before.size[side] ??= size[side];
  }
  return names;
}

function resolveNames(ctx: Context, item: NpItem, role: { between?: boolean; exclude?: string[] } = NO_ROLE): string[] {
  const { np } = item;
  ctx.resolved.add(np);
  const reg = ctx.registry;
  if (np.pronoun === 'it' && ctx.focus.length > 0) return [...ctx.focus];
  if (np.pronoun === 'it') return ctx.lastSubjects.length > 0 ? [ctx.lastSubjects[ctx.lastSubjects.length - 1]] : ctx.lastEntities.slice(-1);
  if (np.pronoun === 'them') {
    // "seat the gasket between flange A and flange B so it touches them": the others just named, never the subject.
    const named = ctx.lastEntities.length > 0 ? [...ctx.lastEntities] : [...ctx.lastSubjects];
    const others = named.filter((n) => !(role.exclude ?? []).includes(n));
    // "Place two candles on the shelf with the frame between them": after a group put on a support, 'between them'
    // is between the group's members (the support is no reference).
    const group = ctx.lastSubjects.filter((n) => !(role.exclude ?? []).includes(n));
    if (role.between && others.length > 2 && group.length === 2 && group.every((n) => others.includes(n))) return group;
    const them = others.length > 0 ? others : named;
    // "so the two are touching": exactly two objects just named.
    if (np.count !== undefined && them.length !== np.count) throw new ParseError(`${quote(item.text)} needs ${np.count} objects just named; ${them.length} were (${them.join(', ')}) in ${quote(ctx.source)}`);
    return them;
  }
  if (np.pronoun === 'previous') return [];
  if (np.unknownNoun && !isKnownKind(np.kind)) ctx.warnings.push(`'${np.kind}' is not in the lexicon; treated as an object of default size`);
  const kind = np.kind || ctx.lastKind;
  if (!kind) return [];
  const head = np.kind ? np.head ?? np.kind : ctx.lastHead || kind;
  ctx.lastKind = kind;
  ctx.lastHead = head;
  if (np.explicitName) return [reg.ensure(np.explicitName, kind)];
  const end = stackEndOf(ctx, np, kind, head);
  if (end !== undefined) return [end];
  if (np.numbers) {
    // "bolts 1–4", "bins 1, 2 and 3": the members named by their numbers.
    const names = np.numbers.map((k) => reg.ensure(`${head}_${k}`, kind, np.colour, np.size));
    reg.setGroup(kind, names);
    return names;
  }
  const count = np.count;
  const groupWanted = (count !== undefined && count >= 2) || np.plural || (np.all && np.plural);
  if (groupWanted || np.superlative) {
    let names: string[] | undefined;
    const existing = reg.group(kind) ?? (reg.ofKind(kind).length >= 2 ? reg.ofKind(kind) : undefined);
    if (existing && (count === undefined || existing.length === count)) names = existing;
    if (!names) {
      const n = count ?? (role.between ? 2 : DEFAULT_GROUP);
      if (count === undefined) ctx.warnings.push(`'${item.text}' does not say how many; assumed ${n}`);
      names = reg.createGroup(kind, n, np.colour, np.size, head);
    }
    if (np.superlative) {
      const [pick, ...others] = names;
      for (const other of others) ctx.constraints.push({ type: np.superlative, subject: pick, targets: [other], parameters: {}, source: ctx.source });
      return [pick];
    }
    if (np.other) {
      const exclude = new Set([...(role.exclude ?? []), ...ctx.lastEntities]);
      const rest = names.filter((n) => !exclude.has(n));
      return rest.length > 0 ? rest : names;
    }
    return [...names];
  }
  const name = singularNameAs(np, kind, head);
  return [reg.ensure(name, kind, np.colour, np.size, np.ordinal)];
}

function add(ctx: Context, type: ConstraintType, subject: string, targets: string[], parameters: Constraint['parameters']): void {
  for (const target of targets) {
    if (target === subject) throw new ParseError(`'${subject}' cannot be related to itself (${type}) in ${quote(ctx.source)}`);
    // A relation to no object at all is a parser fault, never a constraint the solver would reject obscurely.
    if (typeof target !== 'string' || target === '') throw new ParseError(`the '${type}' relation of '${subject}' names no object in ${quote(ctx.source)}`);
  }
  ctx.constraints.push({ type, subject, targets, parameters, source: ctx.source });
}

function firstAxis(items: Item[], rotational?: boolean): Axis | undefined {
  for (const it of items) if (it.t === 'axis' && (rotational === undefined || it.rotational === rotational)) return it.axis;
  return undefined;
}

function spacingOf(items: Item[]): number | undefined {
  for (const it of items) if (it.t === 'qty' && it.spacing) return it.value;
  return undefined;
}

/** Clauses such as "each part is placed above the previous one": a chain over a group. */
function sequenceClause(ctx: Context, items: Item[]): boolean {
  // One pass over the items, no closures: most clauses have no "previous" and leave at once.
  let each = -1, previous = -1;
  let rel: Extract<Item, { t: 'rel' }> | undefined;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t === 'rel') rel ??= it;
    else if (it.t === 'np') {
      if (each < 0 && it.np.all && !it.np.plural && it.np.kind !== '') each = k;
      if (previous < 0 && it.np.pronoun === 'previous') previous = k;
    }
  }
  if (previous < 0 || !rel) return false;
  if (each < 0) return eachOfGroup(ctx, items, rel, previous);
  const np = (items[each] as NpItem).np;
  const existing = ctx.registry.group(np.kind);
  const names = existing ?? ctx.registry.createGroup(np.kind, np.count ?? DEFAULT_GROUP, np.colour, np.size, np.head);
  if (!existing) ctx.warnings.push(`'each ${np.kind}' does not say how many; assumed ${names.length}`);
  const distance = items.find((it) => it.t === 'qty' && it.kind === 'length' && !it.spacing) as Extract<Item, { t: 'qty' }> | undefined;
  const aligned = items.some((it) => it.t === 'aligned');
  for (let k = 1; k < names.length; k++) {
    add(ctx, rel.type, names[k], [names[k - 1]], distance ? { distance: distance.value } : {});
    if (aligned) add(ctx, 'aligned', names[k], [names[k - 1]], {});
  }
  ctx.lastSubjects = names;
  ctx.lastEntities = names;
  return true;
}

/**
 * "Stack the three heat sinks, each one centred on the one below", "create 4 parts, each placed above the previous
 * one": 'each' with no noun of its own chains the group counted earlier in the clause, else the objects just named
 * (two or more), each member related to the one before it (a relation already there is not repeated).
 */
function eachOfGroup(ctx: Context, items: Item[], rel: Extract<Item, { t: 'rel' }>, previous: number): boolean {
  const allAt = items.findIndex((it) => it.t === 'all');
  if (allAt < 0 || allAt > previous || items.indexOf(rel) < allAt) return false;
  const counted = items.slice(0, allAt).filter((it): it is NpItem => it.t === 'np' && it.np.pronoun === undefined && (it.np.count ?? 0) >= 2);
  if (items.slice(0, allAt).some((it) => it.t === 'np') && counted.length !== 1) return false;
  const names = counted.length === 1 ? resolve(ctx, counted[0]) : [...ctx.lastSubjects];
  if (names.length < 2) return false;
  const distance = items.find((it) => it.t === 'qty' && it.kind === 'length' && !it.spacing) as Extract<Item, { t: 'qty' }> | undefined;
  for (let k = 1; k < names.length; k++) {
    const known = ctx.constraints.some((c) => c.type === rel.type && c.subject === names[k] && c.targets.length === 1 && c.targets[0] === names[k - 1]);
    if (!known || distance) add(ctx, rel.type, names[k], [names[k - 1]], distance ? { distance: distance.value } : {});
  }
  ctx.lastSubjects = names;
  ctx.lastEntities = names;
  return true;
}

/**
 * Orders names bottom first by the 'on' relations already among them (each after what it rests on); false, leaving
 * them as they are, when none rests on another or the relations go round in a loop.
 */
function bottomFirst(ctx: Context, names: string[]): boolean {
  const below = (n: string) => ctx.constraints.filter((c) => c.type === 'on' && c.subject === n && c.targets.length === 1 && names.includes(c.targets[0])).map((c) => c.targets[0]);
  if (!names.some((n) => below(n).length > 0)) return false;
  const out: string[] = [];
  const rest = [...names];
  while (rest.length > 0) {
    const k = rest.findIndex((n) => below(n).every((b) => out.includes(b)));
    if (k < 0) return false;
    out.push(rest.splice(k, 1)[0]);
  }
  names.splice(0, names.length, ...out);
  return true;
}

/** How much larger than its contents an unknown container is made, per axis. */
const CONTAINER_ROOM = 1.25;
/** Further room, across its top, for a container that holds three or more objects in a grid (they must pass each other). */
const GRID_ROOM = 1.5;

/** Gap that "apart" alone asks for between every two members of a group, metres. */
export const APART_DEFAULT_M = 0.05;

/** Relations whose written distance ("20 cm right of", "5 mm above") is the gap itself, unless "at least". */
const EXACT_WITH_DISTANCE = new Set<ConstraintType>(['left', 'right', 'front', 'behind', 'above', 'below']);
/**
 * "Move crate D behind crate C and keep them 20 cm apart": two members that a side relation already sets apart
 * along one axis form their row along that axis, in that relation's order (a row along x would contradict
 * 'behind'), or undefined.
 */
function pairRow(ctx: Context, names: string[]): { axis: Axis; names: string[] } | undefined {
  if (names.length !== 2) return undefined;
  const side = ctx.constraints.find((c) => c.targets.length === 1 && names.includes(c.subject) && names.includes(c.targets[0]) && c.subject !== c.targets[0] && SIDE_AXES.has(c.type));
  const axis = side === undefined ? undefined : SIDE_AXES.get(side.type);
  if (side === undefined || axis === undefined || axis === 'z') return undefined;
  // A row's later member lies towards +axis: right of and behind its reference.
  return { axis, names: side.type === 'right' || side.type === 'behind' ? [side.targets[0], side.subject] : [side.subject, side.targets[0]] };
}

/** The axis along which each side relation sets its subject apart from its reference. */
const SIDE_AXES = new Map<ConstraintType, Axis>([['left', 'x'], ['right', 'x'], ['front', 'y'], ['behind', 'y'], ['above', 'z'], ['below', 'z']]);

/** Support relations: a relation chained after one of these applies to its target ("above the cube on the table"). */
const SUPPORT_TYPES = new Set<ConstraintType>(['on', 'above', 'inside', 'below']);
/** Relations between objects standing side by side at one level. */
const LEVEL_TYPES = new Set<ConstraintType>(['left', 'right', 'front', 'behind', 'near', 'between', 'touching']);

/** Whether entity a's footprint fits within the top of b (its half extents in x and y no larger than b's). */
function standsOn(a: Entity, b: Entity | undefined): boolean {
  return b !== undefined && a.halfExtents[0] <= b.halfExtents[0] && a.halfExtents[1] <= b.halfExtents[1];
}

/** Room kept between two footprints side by side on a support when testing whether both fit (as arrangements keep). */
const BESIDE_GAP = 0.05;
/**
 * Head words of kinds (the lexicon's or a noun it does not know) that name what never rests on a table top or shelf:
 * people, robots, vehicles, openings and fixtures of a room ("the cup on the table, near the window": the window stays where it is).
 */
const NOT_LOADS = new Set([
  'person', 'people', 'operator', 'worker', 'man', 'woman', 'child', 'user', 'technician', 'robot', 'forklift', 'truck',
  'vehicle', 'car', 'agv', 'door', 'doorway', 'window', 'gate', 'tap', 'faucet', 'sink', 'wall', 'floor', 'ceiling',
  'column', 'pillar', 'stairs', 'staircase', 'radiator', 'fireplace',
]);

/**
 * Whether reference `name` of a side relation after a comma ("Put the tape gun on the workbench, in front of the
 * monitor") rests on the subject's support: one subject, a reference that is no person, vehicle, opening or fixture
 * (NOT_LOADS), and the two footprints side by side along the relation's axis (either axis for 'near') with
 * BESIDE_GAP between them within the support's top, each no wider than the top across it. A movable object that
 * does not fit grows a lexicon support of unstated size by the solver's keep-in room (at most MAX_GROWTH times its
 * size), as support-growth does ("the cup on the tray, in front of the plate"); otherwise the reference stays where
 * it was ("the bolt on the plate, next to the vise": the vise is no load for the plate).
 */
function fitsBeside(ctx: Context, name: string, subjects: string[], type: ConstraintType, support: string): boolean {
  const e = ctx.registry.get(name);
  const s = ctx.registry.get(support);
  const a = subjects.length === 1 ? ctx.registry.get(subjects[0]) : undefined;
  if (!e || !s || !a) return false;
  if (NOT_LOADS.has(e.kind.slice(e.kind.lastIndexOf('_') + 1))) return false;
  const axes = type === 'left' || type === 'right' ? [0] : type === 'front' || type === 'behind' ? [1] : [0, 1];
  const need = (k: number) => 2 * (a.halfExtents[k] + e.halfExtents[k]) + BESIDE_GAP;
  const across = (k: number) => Math.max(a.halfExtents[1 - k], e.halfExtents[1 - k]) <= s.halfExtents[1 - k];
  if (axes.some((k) => need(k) <= 2 * s.halfExtents[k] && across(k))) return true;
  if (e.category !== 'object' || !isKnownKind(s.kind) || !isKnownKind(e.kind) || ctx.stated?.has(support)) return false;
  const k = axes.find(across);
  if (k === undefined) return false;
  const grown = need(k) / (1 - KEEP_IN_SHARE);
  if (grown > MAX_GROWTH * 2 * s.halfExtents[k]) return false;
  s.halfExtents[k] = grown / 2;
  ctx.warnings.push(`'${support}' enlarged to ${s.halfExtents.map((v) => (2 * v).toFixed(2)).join(' × ')} m to hold what is put on it (its size was not stated; its default did not fit)`);
  return true;
}

/**
 * Whether `name`, which the instruction puts on nothing, may be set to rest on `support` by one of the rules that
 * place an object beside another on that object's support: not floor-standing furniture, not already supported,
 * and a kind other than a plain object only when its footprint fits the support's top.
 */
function restsFreely(ctx: Context, name: string, support: Entity | undefined): boolean {
  const e = ctx.registry.get(name);
  return e !== undefined && !e.grounded && (e.category === 'object' || standsOn(e, support)) && !ctx.constraints.some((c) => c.subject === name && SUPPORT_TYPES.has(c.type));
}

/**
 * "Put the red pillow on the bed and put the white pillow right behind the red pillow": the subject of a side
 * relation that the instruction puts nowhere rests on (or inside) what its reference rests on, the mirror of the
 * rule for a side relation's references in relationClause: unless it stands on the floor, and a reference kind only
 * when its footprint fits the support's top (supports that grow then hold both). Repeated until nothing changes, so
 * a chain beside a resting object rests with it. "Set the chair next to the table" (neither placed) is unchanged.
 */
/** Side relations by which a subject placed nowhere rests beside its reference (contact may be a part joined on top). */
const SIDE_TYPES = new Set<ConstraintType>(['left', 'right', 'front', 'behind', 'near']);
/** Sides that one of a pair takes of the other when said with no reference ("the big one on the left"). */
const PAIR_SIDES = new Set<ConstraintType>(['left', 'right', 'front', 'behind']);

function restBesideReferences(ctx: Context): void {
  // Only a side relation can add a support: with none, nothing changes (and no copy of the list is made).
  if (!ctx.constraints.some((c) => SIDE_TYPES.has(c.type))) return;
  for (let changed = true; changed;) {
    changed = false;
    for (const c of [...ctx.constraints]) {
      if (!SIDE_TYPES.has(c.type) || ctx.grips?.has(c) || c.targets.length !== 1 || placedOnSupport(ctx, c.subject)) continue;
      const rest = ctx.constraints.find((d) => d.subject === c.targets[0] && (d.type === 'on' || d.type === 'inside') && d.targets.length === 1);
      if (!rest || rest.targets[0] === c.subject) continue;
      if (!restsFreely(ctx, c.subject, ctx.registry.get(rest.targets[0]))) continue;
      ctx.constraints.push({ type: rest.type, subject: c.subject, targets: [rest.targets[0]], parameters: {}, source: c.source });
      changed = true;
    }
  }
}

/**
 * "Put a red box and a blue box on the table, then stack the red one on the blue one", "crate A and crate B on the
 * pallet, B on A": a later clause that puts an object on another resting on the same support replaces the earlier
 * clause's 'on' of it to that support (the object now rests on the other, which stands there; keeping both could
 * never hold).
 */
function restOnLaterSupports(ctx: Context): void {
  const ons = ctx.constraints.filter((c) => c.type === 'on' && c.targets.length === 1);
  if (ons.length < 3) return;
  const drop = new Set<Constraint>();
  for (const later of ons) {
    const [s, t] = [later.subject, later.targets[0]];
    for (const earlier of ons) {
      if (earlier === later || earlier.subject !== s || earlier.source === later.source || ctx.constraints.indexOf(earlier) > ctx.constraints.indexOf(later)) continue;
      const z = earlier.targets[0];
      if (z !== t && ons.some((c) => c.subject === t && c.targets[0] === z)) drop.add(earlier);
    }
  }
  if (drop.size > 0) ctx.constraints = ctx.constraints.filter((c) => !drop.has(c));
}

/** Whether a constraint already puts the entity on (or in, above …) a support. */
function placedOnSupport(ctx: Context, name: string): boolean {
  return ctx.constraints.some((c) => c.subject === name && SUPPORT_TYPES.has(c.type));
}

/**
 * "Hang the lamp 50 cm above the bench and mount the camera directly below the lamp": an object put only below an
 * object that is itself above a support stays above that support, between the two in height (never on the floor
 * under the bench); not when a stated gap is too small to hold it.
 */
function hangBetween(ctx: Context): void {
  // Over the constraints there were at the start (those it adds are not read again), with no copy of the list.
  const constraints = ctx.constraints;
  for (let k = 0, n = constraints.length; k < n; k++) {
    const c = constraints[k];
    if (c.type !== 'below' || c.targets.length !== 1) continue;
    if (ctx.constraints.some((d) => d !== c && d.subject === c.subject && SUPPORT_TYPES.has(d.type))) continue;
    const over = ctx.constraints.find((d) => d.subject === c.targets[0] && d.type === 'above' && d.targets.length === 1 && d.targets[0] !== c.subject);
    const subject = ctx.registry.get(c.subject);
    if (!over || !subject || subject.grounded) continue;
    const gap = over.parameters.distance;
    if (gap !== undefined && 2 * subject.halfExtents[2] > gap) continue;
    ctx.constraints.push({ type: 'above', subject: c.subject, targets: [over.targets[0]], parameters: {}, source: c.source });
  }
}

/** Whether a noun phrase names several objects (counted, plural or "them"). */
function isGroup(item: NpItem): boolean {
  const np = item.np;
  return np.count !== undefined || np.plural || np.pronoun === 'them';
}

/**
 * Arrangements and group relations: "5 boxes in a pyramid …", "stack 3 boxes on the table", "4 cubes in a row with
 * 5 cm spacing", "six cups in a circle around the plate", "a ring of 8 bolts", "the crates 30 cm apart", "the parts
 * in contact", "the mug and the bowl side by side", "four bins with 20 cm spacing on the shelf".
 */
function arrangementClause(ctx: Context, items: Item[], verb: string | undefined): boolean {
  // The first item of each kind the clause needs, in one pass with no closures (most clauses arrange nothing and
  // leave once these are known).
  let counted = -1, firstShape = -1, centreMarker = -1, centreRole = -1, firstRel = -1;
  let group: Extract<Item, { t: 'group' }> | undefined;
  let spacingQty: Extract<Item, { t: 'qty' }> | undefined;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t === 'shape') {
      if (firstShape < 0) firstShape = k;
      if (counted < 0 && it.count !== undefined) counted = k;
    } else if (it.t === 'group') group ??= it;
    else if (it.t === 'qty') {
      if (spacingQty === undefined && it.spacing) spacingQty = it;
    } else if (it.t === 'centre') {
      if (centreMarker < 0) centreMarker = k;
    } else if (it.t === 'role') {
      if (centreRole < 0 && it.role === 'centre') centreRole = k;
    } else if (it.t === 'rel' && firstRel < 0) firstRel = k;
  }
  const shapeIndex = counted >= 0 ? counted : firstShape;
  const isStackVerb = verb === 'stack' || verb === 'pile';
  const centreIndex = centreMarker >= 0 && items[centreMarker + 1]?.t === 'np' ? centreMarker + 1 : centreRole > 0 && items[centreRole - 1].t === 'np' ? centreRole - 1 : -1;
  // Subjects: noun phrases before the shape (or the first after it: "a ring of 6 cups"), before any relation.
  const limit = firstRel >= 0 ? firstRel : items.length;
  let subjectIdx: number[] = [];
  for (let k = 0; k < limit; k++) {
    const it = items[k];
    if (it.t !== 'np' || k === centreIndex || it.np.pronoun === 'previous') continue;
    if (items[k + 1]?.t === 'role' && k > shapeIndex && shapeIndex >= 0 && subjectIdx.length > 0) continue;
    // "a ring of 6 cups": one noun phrase after the shape; "stack crate A, crate B and crate C" (the shape word
    // is the clause's verb): all of them.
    if (shapeIndex > 0 && k > shapeIndex && subjectIdx.length > 0) break;
    subjectIdx.push(k);
  }
  const listed = subjectIdx.length >= 2 || (subjectIdx.length === 1 && isGroup(items[subjectIdx[0]] as NpItem));
  // "…, side by side", "…, in a circle": a shape with no noun phrase arranges the previous clause's subjects.
  if (subjectIdx.length === 0 && (shapeIndex >= 0 || group !== undefined) && ctx.lastSubjects.length >= 2) {
    const them: NpItem = { t: 'np', np: { kind: '', pronoun: 'them', plural: true, all: false, other: false, unknownNoun: false }, text: 'them' };
    const saved = ctx.lastEntities;
    ctx.lastEntities = [...ctx.lastSubjects];
    const members = [...ctx.lastSubjects];
    const earlier = ctx.lastArrangement;
    const done = arrangementClause(ctx, [them, ...items], verb);
    if (!done) ctx.lastEntities = saved;
    // "Put three bins on the cart, side by side": the row stands on the support its members were put on, which grows
    // to hold it as it does without the comma.
    const formed = ctx.lastArrangement;
    if (done && formed && formed !== earlier && formed.span.some((v) => v > 1e-9)) {
      const supportOf = (n: string) => ctx.constraints.filter((c) => c.subject === n && (c.type === 'on' || c.type === 'above'));
      const rests = formed.bottom.map(supportOf);
      const support = rests[0]?.[0]?.targets[0];
      if (support !== undefined && rests.every((r) => r.length === 1 && r[0].targets.length === 1 && r[0].targets[0] === support) && !formed.members.includes(support)) {
        const kinds = new Set(formed.members.map((n) => ctx.registry.get(n)?.kind));
        const kind = ctx.registry.get(formed.members[0])?.kind ?? '';
        const what = kinds.size > 1 ? `${formed.members.length} objects` : `${formed.members.length} ${kind.replace(/_/g, ' ')}s`;
        const shape = shapeIndex >= 0 ? (items[shapeIndex] as Extract<Item, { t: 'shape' }>).shape : 'row';
        holdFormation(ctx, support, formed.bottom, formed.span, what, shape);
      }
    }
    // "Put two trays on the cart, one above the other": stacked, only the bottom one stays on the support.
    if (done && items[shapeIndex]?.t === 'shape' && (items[shapeIndex] as { shape: string }).shape === 'stack') {
      const bottom = members[0];
      const supports = new Set(ctx.constraints.filter((c) => c.type === 'on' && c.subject === bottom).map((c) => c.targets[0]));
      ctx.constraints = ctx.constraints.filter((c) => !(c.type === 'on' && c.subject !== bottom && members.includes(c.subject) && supports.has(c.targets[0])));
    }
    return done;
  }
  // "put the box down, touching": one object and nothing to touch.
  if (!listed && group?.relation === 'touching' && !items.some((it) => it.t === 'rel' && !it.unary)) {
    throw new ParseError(`'touching' needs a reference object or two or more objects in ${quote(ctx.source)}`);
  }
  if (!listed) return false;
  if (subjectIdx.length === 1 && shapeIndex >= 0 && shapeIndex < subjectIdx[0] && !isGroup(items[subjectIdx[0]] as NpItem)) return false;
  const triggered = shapeIndex >= 0 || (isStackVerb && subjectIdx.length >= 1) || group !== undefined || spacingQty !== undefined || (centreMarker >= 0 && centreIndex >= 0);
  if (!triggered) return false;
  if (subjectIdx.length > 1) subjectIdx = subjectIdx.filter((k) => (items[k] as NpItem).np.pronoun === undefined || (items[k] as NpItem).np.pronoun === 'them');
  refuseLooseDistance(ctx, items);

  const shapeItem = shapeIndex >= 0 ? (items[shapeIndex] as Extract<Item, { t: 'shape' }>) : undefined;
  const first = items[subjectIdx[0]] as NpItem;
  if (subjectIdx.length === 1 && shapeItem?.count !== undefined) {
    if (first.np.count !== undefined && first.np.count !== shapeItem.count) {
      throw new ParseError(`${first.np.count} or ${shapeItem.count}? the count of ${quote(first.text)} differs from the arrangement's in ${quote(ctx.source)}`);
    }
    first.np.count = shapeItem.count;
  }
  if (shapeItem?.shape === 'grid' && (shapeItem.rows === undefined) !== (shapeItem.cols === undefined)) {
    // "in two rows", "in 3 columns": the other side follows from the count.
    const n = first.np.count ?? DEFAULT_GROUP;
    if (shapeItem.rows !== undefined) shapeItem.cols = Math.ceil(n / shapeItem.rows);
    else shapeItem.rows = Math.ceil(n / shapeItem.cols!);
    if (shapeItem.rows * shapeItem.cols! !== n) throw new ParseError(`${n} objects do not fill ${shapeItem.rows} rows of ${shapeItem.cols} evenly in ${quote(ctx.source)}`);
  }
  if (subjectIdx.length === 1 && shapeItem?.rows && shapeItem.cols) {
    const cells = shapeItem.rows * shapeItem.cols;
    if (first.np.count !== undefined && first.np.count !== cells) {
      throw new ParseError(`a ${shapeItem.rows} by ${shapeItem.cols} grid holds ${cells} objects, not ${first.np.count}, in ${quote(ctx.source)}`);
    }
    if (first.np.count === undefined) first.np.count = cells;
  }
  const names = subjectIdx.flatMap((k) => resolve(ctx, items[k] as NpItem));
  if (names.length < 2) throw new ParseError(`an arrangement needs at least two objects in ${quote(ctx.source)}`);
  // "right to left", "top to bottom": the first named goes at the far end.
  if (items.some((it) => it.t === 'shape' && it.reverse === true)) names.reverse();
  if (new Set(names).size !== names.length) throw new ParseError(`an object is listed twice in ${quote(ctx.source)}`);
  const np = first.np;

  // "… right of the motor so they are in contact": "they" names objects already placed by the clause before; they
  // touch each other where they are, not in a new row.
  if (!shapeItem && !isStackVerb && group?.relation === 'touching' && spacingQty === undefined && subjectIdx.every((k) => (items[k] as NpItem).text === 'they' || ((items[k] as NpItem).np.pronoun === 'them' && (items[k] as NpItem).np.count === 2))) {
    for (let k = 1; k < names.length; k++) add(ctx, 'touching', names[k - 1], [names[k]], {});
    ctx.lastSubjects = [...names];
    ctx.lastEntities = [...names];
    return true;
  }
  // "apart" with no exact distance ("at least 30 cm apart", "keep them apart"): every pair at least that far apart.
  if (!shapeItem && !isStackVerb && (group?.relation === 'apart' || (spacingQty?.atLeast && group === undefined))) {
    const d = spacingQty?.value ?? APART_DEFAULT_M;
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) add(ctx, 'far', names[j], [names[i]], { distance: d });
    ctx.lastSubjects = [...names];
    ctx.lastEntities = [...names];
    if (firstRel >= 0) supportGroup(ctx, items, firstRel, names, [0, 0], np.head ?? np.kind, 'group');
    return true;
  }
  const shape = shapeItem?.shape ?? (isStackVerb ? 'stack' : centreIndex >= 0 ? 'circle' : 'row');
  const radiusQty = items.find((it): it is Extract<Item, { t: 'qty' }> => it.t === 'qty' && it.measure !== undefined);
  const centre = centreIndex >= 0 ? resolve(ctx, items[centreIndex] as NpItem)[0] : undefined;
  if (centre !== undefined && names.includes(centre)) throw new ParseError(`'${centre}' cannot be both a member and the centre of a formation in ${quote(ctx.source)}`);
  if (centre !== undefined && shape !== 'circle' && shape !== 'polygon' && shape !== 'square') {
    throw new ParseError(`cannot put a ${shape} around '${centre}' in ${quote(ctx.source)}; only a circle or a polygon has a centre`);
  }
  // "Place spacer 2 on spacer 1 and spacer 3 on spacer 2 so they form a stack": the stack keeps the order its
  // members already rest in, bottom first (never the reverse of a relation just given).
  const restacked = shape === 'stack' && subjectIdx.every((k) => (items[k] as NpItem).np.pronoun === 'them') && bottomFirst(ctx, names);
  const statedAxis = firstAxis(items, false);
  const pair = statedAxis === undefined && shape === 'row' ? pairRow(ctx, names) : undefined;
  const arrangement = arrange(ctx.registry, pair?.names ?? names, shape, {
    axis: statedAxis ?? pair?.axis,
    spacing: group?.relation === 'touching' ? 0 : spacingOf(items),
    centres: group?.relation !== 'touching' && items.some((it) => it.t === 'qty' && it.spacing && it.centres === true),
    rows: shapeItem?.rows,
    cols: shapeItem?.cols,
    sides: shapeItem?.sides,
    radius: radiusQty ? (radiusQty.measure === 'diameter' ? radiusQty.value / 2 : radiusQty.value) : undefined,
    centre,
    source: ctx.source,
  });
  // Roles: "with the red box at top and blue boxes forming the base".
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t !== 'np' || subjectIdx.includes(k)) continue;
    const next = items[k + 1];
    if (next?.t !== 'role' || next.role === 'centre' || it.np.kind !== np.kind) continue;
    const layer = next.role === 'top' ? arrangement.top : arrangement.bottom;
    const colour = it.np.colour;
    if (!colour) continue;
    const head = np.head ?? np.kind;
    layer.forEach((old, idx) => {
      const fresh = layer.length === 1 ? `${colour}_${head}` : `${colour}_${head}_${idx + 1}`;
      const renamed = ctx.registry.rename(old, fresh, colour);
      for (const con of arrangement.constraints) {
        if (con.subject === old) con.subject = renamed;
        con.targets = con.targets.map((t) => (t === old ? renamed : t));
      }
      arrangement.members[arrangement.members.indexOf(old)] = renamed;
      layer[idx] = renamed;
    });
  }
  const same = (a: Constraint, b: Constraint) => a.type === b.type && a.subject === b.subject && a.targets.join() === b.targets.join() && Object.keys(a.parameters).length === 0 && Object.keys(b.parameters).length === 0;
  ctx.constraints.push(...(restacked ? arrangement.constraints.filter((c) => !ctx.constraints.some((d) => same(c, d))) : arrangement.constraints));
  // "3 bins"; a list of one noun ("slide 1, slide 2 and slide 3") is "3 slides", of several ("the kettle, the toaster
  // and the microwave") "3 objects".
  const heads = new Set(subjectIdx.map((k) => { const it = items[k] as NpItem; return it.np.head ?? it.np.kind; }));
  const what = heads.size > 1 ? `${names.length} objects` : `${names.length} ${np.head ?? np.kind}${names.length > 1 ? 's' : ''}`;
  if (firstRel >= 0) {
    supportGroup(ctx, items, firstRel, arrangement.bottom, arrangement.span, what, shape, arrangement.members);
    relateBeyondSupport(ctx, items, firstRel, arrangement.bottom);
  }
  if (items.some((it) => it.t === 'aligned')) {
    if (shape !== 'stack') refuseEdges(ctx, items);
    for (let k = 1; k < arrangement.members.length; k++) add(ctx, 'aligned', arrangement.members[k], [arrangement.members[k - 1]], {});
  }
  ctx.lastArrangement = arrangement;
  ctx.stackPlaced = [];
  if (shape === 'stack') placeLabelledEnds(ctx, items, subjectIdx, arrangement);
  const formed = (ctx.formed ??= new Set());
  for (const member of arrangement.members) formed.add(member);
  ctx.lastSubjects = [...arrangement.members];
  ctx.lastEntities = [...arrangement.members];
  return true;
}

/**
 * "Stack 3 boxes on the floor in front of the rack", "3 boxes in a row on the table behind the lamp": a side relation
 * after a formation's support relation places its bottom layer, as the support relation does, and its reference,
 * placed nowhere, rests on that support as a single subject's would (restsFreely; on the floor it stays there).
 */
function relateBeyondSupport(ctx: Context, items: Item[], firstRel: number, bottom: string[]): void {
  const first = items[firstRel] as Extract<Item, { t: 'rel' }>;
  if (first.type !== 'on' && first.type !== 'inside') return;
  let support: string | undefined;
  for (let k = firstRel + 1; k < items.length; k++) {
    const it = items[k];
    if (it.t === 'np' && support === undefined && k === firstRel + 1) support = resolve(ctx, it)[0];
    if (it.t !== 'rel' || !SIDE_TYPES.has(it.type)) continue;
    const target = items[k + 1];
    // "three bins on the cart behind, 1 m apart": as for one object, a side with no reference is refused, not dropped.
    if (target?.t !== 'np') throw new ParseError(`'${it.phrase}' needs a reference object in ${quote(ctx.source)}`);
    const refs = resolve(ctx, target);
    if (refs.length !== 1) throw new ParseError(`'${it.phrase}' after a formation needs one reference object in ${quote(ctx.source)}`);
    for (const member of bottom) add(ctx, it.type, member, refs, {});
    if (support !== undefined && refs[0] !== support && restsFreely(ctx, refs[0], ctx.registry.get(support))) add(ctx, first.type, refs[0], [support], {});
  }
}

/**
 * Several objects put on one support must fit on its top side by side, their footprints on it: along x or y, the
 * sum of their widths must not exceed the support's width. One whose size is stated ("the 60 cm shelf") refuses them
 * here, naming the room needed; one whose size is not stated grows to hold them, with everything else put on it,
 * after the last clause (support-growth.ts).
 */
function checkFits(ctx: Context, subjects: string[], support: string): void {
  const s = ctx.registry.get(support);
  if (!s || !isKnownKind(s.kind) || !ctx.stated?.has(support)) return;
  const hs = subjects.map((n) => ctx.registry.get(n)!.halfExtents);
  const need = [0, 1].map((k) => hs.reduce((sum, h) => sum + 2 * h[k], 0));
  if (need[0] > 2 * s.halfExtents[0] + 1e-9 && need[1] > 2 * s.halfExtents[1] + 1e-9) {
    throw new ParseError(
      `${subjects.length} objects side by side on the ${support} need ${need[0].toFixed(2)} m along x or ${need[1].toFixed(2)} m along y (their footprints), but its top is ${(2 * s.halfExtents[0]).toFixed(2)} × ${(2 * s.halfExtents[1]).toFixed(2)} m: they do not fit on it (in ${quote(ctx.source)})`,
    );
  }
}

/**
 * A relation to another entity in an arrangement's clause applies to its bottom layer ("stack 8 boxes on the
 * table"); a support narrower than the arrangement's footprint (the span of its members' centres plus their
 * half-extents) grows to hold it when the instruction does not state its size, and refuses it, with the room it
 * needs and the room there is, when it does ("three totes 10 cm apart on the 1 m shelf").
 */
function supportGroup(ctx: Context, items: Item[], relIndex: number, bottom: string[], span: [number, number], what: string, shape: string, stackMembers?: string[]): void {
  const rel = items[relIndex] as Extract<Item, { t: 'rel' }>;
  const world = items[relIndex + 1]?.t === 'world';
  const target = items.slice(relIndex + 1).find((it): it is NpItem => it.t === 'np' && !bottom.some((b) => ctx.registry.get(b)?.kind === it.np.kind && it.np.count !== undefined));
  if (world) {
    for (const member of bottom) add(ctx, rel.type, member, [], {});
    return;
  }
  if (!target) {
    // "two cones in front of the, 3 m apart", "to the left, 1 m apart": read as for one object, never dropped.
    if (!rel.unary) throw new ParseError(`'${rel.phrase}' needs a reference object in ${quote(ctx.source)}`);
    if (WORLD_RELATIONS.has(rel.type)) for (const member of bottom) add(ctx, rel.type, member, [], rel.type === 'above' ? {} : { distance: 0.1 });
    return;
  }
  const targets = resolve(ctx, target);
  // (A group kept apart, not formed, stands on its support as objects one by one.)
  if ((rel.type === 'on' || rel.type === 'above') && targets.length === 1 && shape !== 'group') holdFormation(ctx, targets[0], bottom, span, what, shape);
  // "stack 4 plates in the cupboard": the whole stack goes inside, and the container holds it as one column.
  const members = rel.type === 'inside' && shape === 'stack' && stackMembers ? stackMembers : bottom;
  if (members !== bottom) ctx.columns.push([...members]);
  // "four sample tubes in a row in the tube rack": the container holds the formation's footprint (its members'
  // centres' span plus their widest footprint), not a square grid of them.
  if (rel.type === 'inside' && targets.length === 1 && shape !== 'group' && shape !== 'stack' && (span[0] > 1e-9 || span[1] > 1e-9)) {
    const hs = bottom.map((n) => ctx.registry.get(n)!.halfExtents);
    const half: [number, number] = [span[0] / 2 + Math.max(...hs.map((h) => h[0])), span[1] / 2 + Math.max(...hs.map((h) => h[1]))];
    const had = (ctx.containedFormations ??= new Map()).get(targets[0]);
    ctx.containedFormations.set(targets[0], had ? [Math.max(had[0], half[0]), Math.max(had[1], half[1])] : half);
  }
  for (const member of members) add(ctx, rel.type, member, targets.slice(0, rel.type === 'between' ? 2 : 1), {});
}

/**
 * A formation's footprint on its support: the support grows to hold it after the last clause (support-growth.ts),
 * or refuses it here when its size is stated and the formation does not fit.
 */
function holdFormation(ctx: Context, supportName: string, bottom: string[], span: [number, number], what: string, shape: string): void {
  const support = ctx.registry.get(supportName)!;
  const hs = bottom.map((n) => ctx.registry.get(n)!.halfExtents);
  const need: [number, number] = [span[0] + 2 * Math.max(...hs.map((h) => h[0])), span[1] + 2 * Math.max(...hs.map((h) => h[1]))];
  // Across a row (its members' centres in line along this axis) each member rests centred like a single
  // object, which may be wider than its support ("two brackets side by side on the rail").
  const grow: [number, number] = [span[0] > 1e-9 ? need[0] : 0, span[1] > 1e-9 ? need[1] : 0];
  const list = ctx.formations?.get(support.name) ?? [];
  list.push({ need, grow, what, shape, source: ctx.source });
  (ctx.formations ??= new Map()).set(support.name, list);
  if (isKnownKind(support.kind)) {
    for (const [k, axis] of [[0, 'x'], [1, 'y']] as const) {
      const room = 2 * support.halfExtents[k];
      if (span[k] <= 1e-9 || !ctx.stated?.has(support.name)) continue;
      if (need[k] > room + 1e-9) {
        throw new ParseError(
          `${what} in a ${shape} need ${need[k].toFixed(2)} m along ${axis} (their footprints), but the ${support.name}'s top is ${room.toFixed(2)} m: they do not fit on it (in ${quote(ctx.source)})`,
        );
      }
    }
  }
}

/** "rotate the box 45 degrees about the x axis", "tilt it by 0.5 rad", "at 30 degrees to the plate". */
function angleClause(ctx: Context, items: Item[]): boolean {
  const angle = items.find((it): it is Extract<Item, { t: 'qty' }> => it.t === 'qty' && it.kind === 'angle');
  if (!angle) return false;
  const nps = items.filter((it): it is NpItem => it.t === 'np');
  const subject = nps.length > 0 ? resolve(ctx, nps[0]) : ctx.lastSubjects.slice(-1);
  if (subject.length === 0) throw new ParseError(`nothing to rotate in ${quote(ctx.source)}`);
  const target = nps.length > 1 ? resolve(ctx, nps[1]) : [];
  const axis = firstAxis(items) ?? 'z';
  for (const s of subject) add(ctx, 'angle', s, target.slice(0, 1), { angle: angle.value, axis });
  ctx.lastSubjects = subject;
  ctx.lastEntities = [...subject, ...target];
  return true;
}

/**
 * Arrangements and alignments read spacings ("10 cm apart", "with 5 cm spacing") and radii, never a bare distance
 * ("stack 3 boxes on the table, 5 cm", "three crates in a row 10 cm left of the door"): one fails the clause.
 */
function refuseLooseDistance(ctx: Context, items: Item[]): void {
  const loose = items.find((it): it is QtyItem => it.t === 'qty' && it.kind === 'length' && !it.spacing && it.measure === undefined);
  if (loose) throw new ParseError(`cannot tell what the distance ${Number((loose.value * 100).toFixed(1))} cm applies to in ${quote(ctx.source)}`);
}

/** "align the boxes along the x-axis with 10 cm spacing", "align A and B", "align objects". */
function alignClause(ctx: Context, items: Item[]): boolean {
  refuseLooseDistance(ctx, items);
  const nps = items.filter((it): it is NpItem => it.t === 'np');
  const relIndex = items.findIndex((it) => it.t === 'rel');
  let names: string[] = [];
  for (const np of nps) {
    const idx = items.indexOf(np);
    if (relIndex >= 0 && idx > relIndex) break;
    names.push(...resolve(ctx, np));
  }
  if (names.length === 0) names = ctx.lastEntities.length > 0 ? [...ctx.lastEntities] : [...ctx.lastSubjects];
  const withTarget = relIndex >= 0 ? items.slice(relIndex + 1).find((it): it is NpItem => it.t === 'np') : undefined;
  const axis = firstAxis(items, false);
  // "align boxes A, B and C along y-axis": three or more objects placed nowhere yet, lined up along an axis, stand in
  // a row along it (the default gap apart), as "in a row along the y axis".
  const free = !withTarget && axis !== undefined && names.length >= 3 && !ctx.constraints.some((c) => names.includes(c.subject) || c.targets.some((t) => names.includes(t)));
  const spacing = spacingOf(items) ?? (free ? DEFAULT_GAP_M : undefined);
  if (withTarget) {
    const targets = resolve(ctx, withTarget);
    for (const n of names) add(ctx, 'aligned', n, targets.slice(0, 1), axis ? { axis } : {});
  } else {
    if (names.length < 2) throw new ParseError(`'align' needs at least two things to align in ${quote(ctx.source)}`);
    for (let k = 1; k < names.length; k++) {
      if (spacing !== undefined) {
        const centres = items.some((it) => it.t === 'qty' && it.spacing && it.centres === true);
        add(ctx, 'distance', names[k], [names[k - 1]], { distance: centres ? centrePitch(ctx.registry, names[k], names[k - 1], axis ?? 'x', spacing, ctx.source) : pitch(ctx.registry, names[k], names[k - 1], axis ?? 'x', spacing), axis: axis ?? 'x', spacing });
      }
      add(ctx, 'aligned', names[k], [names[k - 1]], axis || spacing !== undefined ? { axis: axis ?? 'x' } : {});
    }
  }
  ctx.lastSubjects = names;
  ctx.lastEntities = names;
  return true;
}

/** Relations that read the same both ways: with no reference they hold between a plural subject's members. */
const MUTUAL_TYPES: ReadonlySet<string> = new Set(['touching', 'near', 'far', 'distance']);

/** Adds a name to a list unless it is there already (a list used as a small insertion-ordered set). */
function addOnce(names: string[], name: string): void {
  if (!names.includes(name)) names.push(name);
}

/** Subjects → relation → targets, with chained relations applying to the last target. */
function relationClause(ctx: Context, items: Item[]): boolean {
  const rels: [Extract<Item, { t: 'rel' }>, number][] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t === 'rel') rels.push([it, k]);
  }
  if (rels.length === 0) return false;
  let subjects: string[] = [];
  let allSubjects = false;
  // "the robot places the box on the table": noun phrases before a verb are its agent; the subject follows the verb.
  let from = 0;
  const firstRel = rels[0][1];
  let firstNp = -1, lastNp = -1;
  for (let k = 0; k < firstRel; k++) {
    if (items[k].t !== 'np') continue;
    if (firstNp < 0) firstNp = k;
    lastNp = k;
  }
  for (let k = lastNp - 1; k > firstNp && firstNp >= 0; k--) {
    if (items[k].t === 'verb') {
      from = k + 1;
      break;
    }
  }
  const focusBefore = ctx.focus;
  /** The objects the clause before placed ("the big pot and the small pot … , the big one on the left"). */
  const listedBefore = ctx.lastSubjects.slice();
  let ownSubject = false;
  for (let k = from; k < rels[0][1]; k++) {
    const it = items[k];
    if (it.t === 'np' && it.np.pronoun === undefined) {
      ctx.focus = [];
      ownSubject = true;
    }
    if (it.t === 'np') for (const n of resolve(ctx, it)) subjects.push(n);
    if (it.t === 'all') allSubjects = true;
  }
  let produced = false;
  /** The reference of this clause's 'on' relation, once read. */
  let clauseSupport: string | undefined;
  let clauseSupportType: 'on' | 'inside' = 'on';
  /** Whether clauseSupport came from the clause before, across a comma (its references rest there only when they fit). */
  let byComma = false;
  /** A movable container that a side relation after "in" located ("in the bin behind the press"), once read. */
  let locatedContainer: string | undefined;
  /** Quantities a relation took (a few at most: a list, with no Set to make per clause). */
  const used: Item[] = [];
  /** Every object the clause's relations name, each once, in the order named. */
  const involved: string[] = [];
  const clauseSubjects = subjects.slice();
  /** The references of the clause's last relation so far that names any ("right of sphere" in "… touching it"). */
  let refsBefore: string[] = [];
  for (let r = 0; r < rels.length; r++) {
    const [rel, at] = rels[r];
    const end = r + 1 < rels.length ? rels[r + 1][1] : items.length;
    const between = items.slice(at + 1, end);
    const before = at > 0 ? items[at - 1] : undefined;
    let quantity = before?.t === 'qty' && before.kind === 'length' && !before.spacing ? before : (between[0]?.t === 'qty' && between[0].kind === 'length' && !between[0].spacing ? between[0] : undefined);
    // "in front of the rack, 2 ft away", "above the cube by 15 cm", "left of the bowl, 5 cm apart": a distance after
    // the last relation's reference modifies that relation.
    if (!quantity && r === rels.length - 1 && rel.type !== 'on' && rel.type !== 'inside') quantity = between.find((it): it is QtyItem => it.t === 'qty' && it.kind === 'length' && it.measure === undefined && !used.includes(it));
    if (quantity) used.push(quantity);
    const targetItems = between.filter((it): it is NpItem => it.t === 'np');
    // "leave at least 50 cm between the pallet and the wall", "keep 10 cm between A and B": with no subject of its
    // own, a distance before "between" is the gap between its two references (at least that, or exactly that).
    // "leave a 20 cm gap between the two roll cages": a spacing written with "gap" is that gap too.
    const gap = quantity ?? (before?.t === 'qty' && before.kind === 'length' && before.spacing && before.centres !== true ? before : undefined);
    if (rel.type === 'between' && gap && subjects.length === 0 && !allSubjects && r === 0 && targetItems.length > 0) {
      const pair = targetItems.flatMap((it) => resolve(ctx, it, { between: true }));
      if (pair.length !== 2) throw new ParseError(`a gap 'between' needs two objects in ${quote(ctx.source)}`);
      used.push(gap);
      add(ctx, 'far', pair[1], [pair[0]], { distance: gap.value });
      if (!gap.atLeast) add(ctx, 'near', pair[1], [pair[0]], { distance: gap.value });
      for (const t of pair) addOnce(involved, t);
      ctx.lastSubjects = [pair[1]];
      produced = true;
      continue;
    }
    if (subjects.length === 0 && allSubjects) {
      subjects = ctx.lastArrangement ? [...ctx.lastArrangement.bottom] : ctx.registry.entities.map((e) => e.name);
    }
    if (subjects.length === 0) subjects = [...ctx.lastSubjects];
    if (clauseSubjects.length === 0) clauseSubjects.push(...subjects);
    // "Put the tape gun on the workbench, in front of the monitor": a clause with no subject of its own and no support
    // relation, after one that put its subject on (or in) a support, is read as without the comma: that support is
    // the clause's, and holds the side relation's references placed nowhere (the monitor on the workbench, not on the
    // floor under the tape gun). In a movable container ("the part in the bin, behind the press") the reference stays
    // out of it.
    if (r === 0 && !ownSubject && subjects.length === 1 && !rels.some(([x]) => SUPPORT_TYPES.has(x.type))) {
      const rests = ctx.constraints.filter((c) => c.subject === subjects[0] && (c.type === 'on' || c.type === 'inside') && c.targets.length === 1);
      const held = rests.length === 1 ? ctx.registry.get(rests[0].targets[0]) : undefined;
      if (held !== undefined && (rests[0].type === 'on' || held.category !== 'object' || held.grounded)) {
        clauseSupport = rests[0].targets[0];
        clauseSupportType = rests[0].type as 'on' | 'inside';
        byComma = true;
      }
    }
    // (No copy: the subjects are only ever replaced, never changed in place, once the relations are read.)
    const exclude = subjects;
    const world = between[0]?.t === 'world' || (between[0]?.t === 'qty' && between[1]?.t === 'world');
    // "a box in front of the robot arm and a cylinder behind it": with a subject of its own, "it" is the previous
    // clause's reference object of a side relation (the picked object after a pick); "its" stays the previous subject.
    // (A loop rather than flatMap, whose generic machinery cost about 5 % of a simple instruction's parse.)
    const targets: string[] = [];
    for (const it of targetItems) {
      let named: string[] | undefined;
      if (it.np.pronoun === 'it' && it.text === 'it' && ownSubject && (focusBefore.length > 0 || ctx.prevTargets.length > 0)) {
        named = focusBefore.length > 0 ? [...focusBefore] : ctx.prevTargets.slice(-1);
      }
      // "tote 5 goes right of tote 4, touching it": with the subject carried over from the previous clause, "it"
      // is never that subject (that would be "itself") but the previous clause's reference object.
      // "mounted 200 mm above the base plate, centred over it": after a support relation too.
      else if (it.np.pronoun === 'it' && it.text === 'it' && !ownSubject && (ctx.prevTargets.length > 0 || ctx.prevRefs.length > 0)) {
        const resolved = resolve(ctx, it);
        if (resolved.length === 1 && subjects.includes(resolved[0])) named = (ctx.prevTargets.length > 0 ? ctx.prevTargets : ctx.prevRefs).slice(-1);
      }
      // "… on its left and the yellow cube on its right": a second "its" names what the first one did.
      if (named === undefined && it.np.pronoun === 'it' && it.text === 'its') {
        ctx.possessive = ownSubject && ctx.prevPossessive.length > 0 ? [...ctx.prevPossessive] : resolve(ctx, it);
        // "The sensor should be within 5 cm of the nozzle, on its left side": with the subject carried over, "its" is
        // never that subject (that would be "its own") but the previous clause's reference (the nozzle).
        if (!ownSubject && ctx.prevTargets.length > 0 && ctx.possessive.length === 1 && subjects.includes(ctx.possessive[0])) ctx.possessive = ctx.prevTargets.slice(-1);
        // "Microscope on the bench at the left, centrifuge on the bench to its right": with a subject of its own that
        // "its" cannot mean, it is the previous clause's reference of a side relation or, with none, its subject.
        if (ownSubject && ctx.possessive.length === 1 && subjects.includes(ctx.possessive[0])) {
          const before = ctx.prevTargets.length > 0 ? ctx.prevTargets.slice(-1) : ctx.prevSubjects.length === 1 ? [...ctx.prevSubjects] : [];
          if (before.length === 1 && !subjects.includes(before[0])) ctx.possessive = before;
        }
        // "Clamp 1 on the left of the workpiece, clamp 2 on its right": after the previous subject was put on the
        // opposite side of a reference, "its" side is that reference's.
        else if (ownSubject && ctx.possessive.length === 1 && ctx.prevTargets.length > 0 && OPPOSITE_SIDE[rel.type] !== undefined) {
          const ref = ctx.prevTargets[ctx.prevTargets.length - 1];
          if (!subjects.includes(ref) && ctx.constraints.some((c) => c.type === OPPOSITE_SIDE[rel.type] && c.subject === ctx.possessive[0] && c.targets.length === 1 && c.targets[0] === ref)) ctx.possessive = [ref];
        }
        named = [...ctx.possessive];
      }
      named ??= resolve(ctx, it, { between: rel.type === 'between', exclude });
      // "move cube right of sphere touching it": in a later relation of the same subject, an "it" that would be the
      // subject itself is the reference of the clause's relation before ("the plate" in "on the tray next to the
      // plate touching it").
      if (it.np.pronoun === 'it' && it.text === 'it' && r > 0 && refsBefore.length === 1 && named.length === 1 && subjects.includes(named[0]) && !subjects.includes(refsBefore[0])) named = [...refsBefore];
      for (const name of named) targets.push(name);
    }
    if (targets.length > 0) refsBefore = targets.slice();
    // "the spoon to the right of the bowl and the fork to the left", "cart 1 in front of the dock and cart 2 behind":
    // a side relation with no reference, in a clause with a subject of its own and no verb (the verb is elided too)
    // right after a side relation's clause, elides that clause's reference; so does a clause of the relation alone
    // ("Put the timer beside the hot plate, on the left": left of the hot plate).
    if (targets.length === 0 && (ownSubject || items.every((it) => it.t === 'rel')) && !world && isSideType(rel.type) && ctx.prevTargets.length > 0 && !items.some((it) => it.t === 'verb')) {
      const elided = ctx.prevTargets[ctx.prevTargets.length - 1];
      if (!subjects.includes(elided)) targets.push(elided);
    }
    // "Put bin 10 and bin 12 on the rack, 12 cm right of 10": subjects carried over from the clause before that
    // include its reference name no object to place (never "'bin_10' cannot be related to itself").
    const self = !ownSubject && subjects.length > 1 ? targets.find((t) => subjects.includes(t)) : undefined;
    if (self !== undefined) throw new ParseError(`no object for '${rel.phrase}' in ${quote(ctx.source)}: its reference '${self}' is among the objects the clause before placed (${subjects.join(', ')}); name the one it places`);
    // After a support relation the placed subject stays the topic ("the remote on the sofa and the phone next to
    // it": the remote); after a side relation the landmark is what a later "it" names.
    if (targets.length > 0) ctx.lastTargets = SUPPORT_TYPES.has(rel.type) ? [] : targets.slice();
    if (targets.length > 0) ctx.lastRefs = targets.slice();
    let type = rel.type;
    const parameters: Constraint['parameters'] = {};
    // "…, within 20 cm": at most that gap to the reference; a side relation keeps no lower bound of it.
    const upTo = quantity?.within === true;
    // "at most 2 m from the pallet", "less than 30 cm from it": an upper bound on the gap.
    if (upTo && type === 'distance') type = 'near';
    if (upTo && type !== 'near' && !EXACT_WITH_DISTANCE.has(type)) throw new ParseError(`cannot tell what 'within ${Number((quantity!.value * 100).toFixed(1))} cm' applies to in ${quote(ctx.source)}`);
    if (quantity && !(upTo && type !== 'near')) parameters.distance = quantity.value;
    // "Reservoir 2 sits right of reservoir 1, centres 20 cm apart": a spacing between centres on a side relation is
    // the centres' distance along that side's axis; the gap the relation keeps is that less the two half widths.
    let exactGap = quantity?.value;
    let centreDistance: number | undefined;
    const sideAxis = SIDE_AXES.get(type);
    if (quantity?.centres === true && sideAxis !== undefined && subjects.length === 1 && targets.length === 1 && !upTo) {
      const centres = centrePitch(ctx.registry, subjects[0], targets[0], sideAxis, quantity.value, ctx.source);
      exactGap = Math.round((centres - pitch(ctx.registry, subjects[0], targets[0], sideAxis, 0)) * 1e6) / 1e6;
      centreDistance = centres;
      parameters.distance = exactGap;
    }
    if (type === 'distance' && !quantity) {
      ctx.warnings.push(`'${rel.phrase}' without a distance was ignored`);
      continue;
    }
    if (type === 'inside' && rel.phrase === 'within' && quantity) type = 'near';
    // "at least 1 m from the curtain": a lower bound on the gap, not an exact distance between centres.
    if (type === 'distance' && quantity?.atLeast) type = 'far';
    if (type === 'aligned' || type === 'parallel' || type === 'perpendicular') {
      const axis = firstAxis(between) ?? firstAxis(items);
      if (axis) parameters.axis = axis;
      delete parameters.distance;
    }
    if (subjects.length === 0) throw new ParseError(`no object for '${rel.phrase}' in ${quote(ctx.source)}`);
    // "Put the big pot and the small pot on the stove, the big one on the left": one of two objects just placed
    // together, put on a side with no reference, is on that side of the other one.
    if (targets.length === 0 && !world && rel.unary && ownSubject && subjects.length === 1 && quantity === undefined && listedBefore.length === 2 && listedBefore.includes(subjects[0]) && PAIR_SIDES.has(type)) {
      targets.push(listedBefore.find((n) => n !== subjects[0])!);
    }
    if (targets.length === 0 && world) {
      // "on the floor", "above the ground": relative to the ground plane.
      for (const s of subjects) add(ctx, type, s, [], parameters);
    } else if (targets.length === 0 && subjects.length > 1 && !rel.unary && MUTUAL_TYPES.has(type)) {
      // "… in front of the armchair so they touch", "the two rails touch": with no reference, a relation that reads
      // the same both ways holds between the subjects themselves, each with the one after it.
      for (let k = 1; k < subjects.length; k++) add(ctx, type, subjects[k - 1], [subjects[k]], { ...parameters });
    } else if (targets.length === 0) {
      // "hurry up", "speed up": with no verb, a bare word the lexicon does not know before a direction particle is
      // no object being moved.
      const subjectItems = items.slice(0, at).filter((it): it is NpItem => it.t === 'np');
      if (rel.unary && !items.some((it) => it.t === 'verb' || it.t === 'pick') && subjectItems.length > 0 &&
        subjectItems.every((it) => it.np.unknownNoun && it.text === it.np.head)) {
        throw new ParseError(`no object to move '${rel.phrase}' in ${quote(ctx.source)} ('${subjectItems[0].text}' is neither an object nor a verb)`);
      }
      if (!WORLD_RELATIONS.has(type) || !rel.unary) {
        if (rel.unary) continue;
        throw new ParseError(`'${rel.phrase}' needs a reference object in ${quote(ctx.source)}`);
      }
      if (quantity === undefined && type !== 'above') parameters.distance = 0.1;
      for (const s of subjects) add(ctx, type, s, [], parameters);
    } else if (type === 'between') {
      if (targets.length < 2) throw new ParseError(`'between' needs two reference objects in ${quote(ctx.source)}`);
      // "between the crates A-C": three named, and 'between' takes two.
      if (targets.length > 2) throw new ParseError(`'between' needs two reference objects; ${targets.length} were named (${targets.join(', ')}) in ${quote(ctx.source)}`);
      for (const s of subjects) {
        // "Place the camera 2 m above the table between the two lamps": over or under something, the subject is
        // between the references seen from above (axis z), never at their height (a lamp was lifted to 2.7 m).
        // References placed nowhere rest on what the subject is over ("the lamps" on the table).
        const over = ctx.constraints.find((c) => c.subject === s && (c.type === 'above' || c.type === 'below') && c.targets.length === 1 && !targets.includes(c.targets[0]));
        add(ctx, 'between', s, targets.slice(0, 2), over ? { ...parameters, axis: 'z' } : parameters);
        const base = over?.type === 'above' ? ctx.registry.get(over.targets[0]) : undefined;
        for (const t of base ? targets.slice(0, 2) : []) {
          if (!restsFreely(ctx, t, base)) continue;
          add(ctx, 'on', t, [base!.name], {});
        }
      }
    } else {
      if (type === 'on' && subjects.length > 1 && targets.length === 1) checkFits(ctx, subjects, targets[0]);
      for (const s of subjects) for (const t of targets) add(ctx, type, s, [t], { ...parameters });
      // "30 cm to the left of the bowl", "15 cm above the plate": the written distance is the gap (not only a
      // least one), so the subject is also within it — directly on that side, level across.
      if (quantity && !quantity.atLeast && EXACT_WITH_DISTANCE.has(type)) {
        // (also "left of the bin, within 10 cm": the bound alone)
        // Between centres, the centres that far apart: with the side's gap, directly on that side (no offset across).
        if (centreDistance !== undefined) add(ctx, 'distance', subjects[0], [targets[0]], { distance: centreDistance });
        else for (const s of subjects) for (const t of targets) add(ctx, 'near', s, [t], { distance: quantity.value });
      }
    }
    for (const s of subjects) addOnce(involved, s);
    for (const t of targets) addOnce(involved, t);
    produced = true;
    ctx.lastSubjects = clauseSubjects.slice();
    // "the picture frame on the shelf between the two candles", "the lamp on the desk left of the monitor": a side
    // relation after the subject's support relation in the same clause puts its movable references (objects with no
    // support yet) on that support too, as "the box next to the cup on the table" does.
    // Two references of "between" so placed stand one on each side of the subject along the support's length (x):
    // the first on its left, the second on its right.
    // A reference is so placed whatever its category unless it stands on the floor ("the tube rack on the bench in
    // front of the centrifuge", "lay it on the bench in front of the vise": the centrifuge and the vise stand on the
    // bench; "the mug on the table next to the chair": the chair stays on the floor), a reference kind only when its
    // footprint fits the support's top ("the cup on the tray next to the sink": the sink is no tray's load); after
    // "inside" the reference
    // goes inside the same container ("the vial in the rack next to the tube").
    // "Place two candles on the shelf with the picture frame between them": a subject put only between two objects
    // that stand on one support, in a clause with no support relation, stands on that support too.
    if (type === 'between' && targets.length === 2 && !rels.some(([r]) => SUPPORT_TYPES.has(r.type))) {
      // An 'on' with no target is "on the floor": two references on the floor put the subject on the floor too.
      const [a, b] = targets.map((n) => supportsOf(ctx, n));
      if (a.length === 1 && b.length === 1 && a[0] === b[0]) {
        for (const s of subjects) {
          const ent = ctx.registry.get(s);
          if (ent && !ent.grounded && ent.category === 'object' && supportsOf(ctx, s).length === 0 && !ctx.constraints.some((c) => c.subject === s && SUPPORT_TYPES.has(c.type))) {
            add(ctx, 'on', s, a[0] === '' ? [] : [a[0]], {});
            // On a support, the two stand one on each side of it as in "put the handle on the lid between hinge 1 and
            // hinge 2" (the order of the words changes nothing), unless a side relation already orders the pair.
            const pairSided = ctx.constraints.some((c) => isSideType(c.type) && c.targets.length === 1 && targets.includes(c.subject) && targets.includes(c.targets[0]));
            if (a[0] !== '' && !pairSided) {
              add(ctx, 'left', targets[0], [s], {});
              add(ctx, 'right', targets[1], [s], {});
            }
          }
        }
      }
    }
    if ((type === 'on' || type === 'inside') && targets.length === 1) {
      clauseSupport = targets[0];
      clauseSupportType = type;
    } else if (clauseSupport !== undefined && LEVEL_TYPES.has(type) && !subjects.includes(clauseSupport)) {
      const placed: string[] = [];
      for (const t of targets) {
        if (t === clauseSupport || !restsFreely(ctx, t, ctx.registry.get(clauseSupport))) continue;
        if (byComma && !fitsBeside(ctx, t, subjects, type, clauseSupport)) continue;
        add(ctx, clauseSupportType, t, [clauseSupport], {});
        if (byComma) (ctx.commaRests ??= new Set()).add(ctx.constraints[ctx.constraints.length - 1]);
        placed.push(t);
      }
      if (type === 'between' && placed.length === 2) {
        for (const s of subjects) {
          add(ctx, 'left', placed[0], [s], {});
          add(ctx, 'right', placed[1], [s], {});
        }
      }
    }
    // A further relation in the same clause: a support relation after a support relation applies to this one's
    // target ("above the cube on the table": the cube is on the table); after a side relation it applies to the
    // subject and its reference ("the box next to the cup on the table": both on it); any other relation applies
    // to the clause's subject ("on the workbench to the left of the drill": the subject is left of the drill).
    const nextType = rels[r + 1]?.[0].type;
    // "place it in the bin behind the press", "the screw in the box next to the drill": a side relation right after
    // "in" a movable container says where the container is (its contents go with it); in a fixed container ("the
    // vial in the rack next to the tube") or on a surface ("the cup on the table left of the lamp") it still places
    // the subject.
    const container = type === 'inside' && targets.length === 1 ? ctx.registry.get(targets[0]) : undefined;
    if (nextType !== undefined && LEVEL_TYPES.has(nextType) && nextType !== 'touching' && container !== undefined && container.category === 'object' && !container.grounded &&
      !ctx.constraints.some((c) => c.subject === container.name && (SUPPORT_TYPES.has(c.type) || LEVEL_TYPES.has(c.type)))) {
      subjects = [container.name];
      locatedContainer = container.name;
    } else if (nextType !== undefined && SUPPORT_TYPES.has(nextType) && targets.length > 0) {
      const liftable = targets.filter((t) => !ctx.registry.get(t)?.grounded);
      // (After a container so located, the container rather than its contents: "the bolt in the bin next to the box on
      // the shelf" puts the bin and the box on the shelf, the bolt stays in the bin.)
      subjects = SUPPORT_TYPES.has(type) ? [targets[targets.length - 1]] : [...(locatedContainer !== undefined ? [locatedContainer] : clauseSubjects), ...liftable];
    } else subjects = clauseSubjects.slice();
  }
  // A distance the grammar could not attach to a relation fails the clause, never dropped with an ok.
  const loose = items.find((it): it is QtyItem => it.t === 'qty' && it.kind === 'length' && it.measure === undefined && !used.includes(it));
  if (produced && loose) throw new ParseError(`cannot tell what the distance ${Number((loose.value * 100).toFixed(1))} cm applies to in ${quote(ctx.source)}`);
  if (produced) {
    if (items.some((it) => it.t === 'aligned')) {
      if (rels.some(([r]) => r.type !== 'on')) refuseEdges(ctx, items);
      // "Arrange the books on the shelf with their edges aligned": the edges of the objects put on it, aligned with
      // each other (never with their support); one object's edges align only with a movable object it is stacked on.
      const edges = items.some((it) => it.t === 'aligned' && it.edges === true);
      const stacked = (n: string) => { const e = ctx.registry.get(n); return e !== undefined && e.category === 'object' && !e.grounded; };
      const subjectsOnly = edges && clauseSubjects.length >= 2;
      if (edges && !subjectsOnly && !involved.every((n) => clauseSubjects.includes(n) || stacked(n))) refuseEdges(ctx, items);
      const names = subjectsOnly ? clauseSubjects.filter((n) => involved.includes(n)) : involved.slice();
      for (let k = 1; k < names.length; k++) add(ctx, 'aligned', names[k], [names[k - 1]], {});
    }
    ctx.lastEntities = involved.slice();
  }
  return produced;
}

/**
 * Spatial words that, when the grammar could not attach them, would change the meaning if dropped ("facing
 * down" was once a note and an `ok`): the clause fails naming them instead.
 */
const UNHONOURED = new Set([
  'down', 'downward', 'downwards', 'sideways', 'diagonal', 'diagonally', 'tilted', 'slanted', 'angled', 'edge', 'edges', 'corner',
  'corners', 'vertically', 'horizontally', 'clockwise', 'counterclockwise', 'anticlockwise', 'facing', 'face', 'north', 'south', 'east',
  'west', 'middle', 'centre', 'center', 'halfway', 'midpoint', 'top', 'bottom', 'end', 'ends', 'side', 'sides', 'perimeter', 'border',
  'rim', 'lip', 'outward', 'inward', 'outwards', 'inwards', 'mirrored', 'flipped', 'staggered', 'offset', 'symmetric', 'symmetrically',
  'radially', 'concentric', 'zigzag', 'spiral', 'arc', 'semicircle', 'crosswise', 'lengthwise', 'across', 'looking', 'pointing',
  'pointed', 'aiming', 'aimed', 'along',
]);

/**
 * "pick up the bolt", "grab the can with the gripper", "the robot takes the mug": the object of the pick verb
 * becomes the focus (what a later "it" means, never the tool); a tool ("with the gripper") or an agent before the
 * verb touches it; a relation later in the clause ("lift the box onto the shelf") applies to the object.
 */
function pickClause(ctx: Context, items: Item[]): boolean {
  const pick = items.findIndex((it) => it.t === 'pick');
  if (pick < 0) return false;
  const agents = items.slice(0, pick).filter((it): it is NpItem => it.t === 'np').flatMap((it) => resolve(ctx, it));
  const objectIndex = items.findIndex((it, k) => k > pick && it.t === 'np' && items[k - 1]?.t !== 'tool');
  const toolIndex = items.findIndex((it, k) => k > pick && it.t === 'np' && items[k - 1]?.t === 'tool');
  const object = objectIndex >= 0 ? resolve(ctx, items[objectIndex] as NpItem) : [...ctx.lastSubjects];
  if (object.length === 0) throw new ParseError(`nothing to pick up in ${quote(ctx.source)}`);
  const tool = toolIndex >= 0 ? resolve(ctx, items[toolIndex] as NpItem) : [];
  const holders = tool.length > 0 ? tool : agents;
  for (const h of holders) for (const o of object) {
    add(ctx, 'touching', h, [o], {});
    (ctx.grips ??= new Set()).add(ctx.constraints[ctx.constraints.length - 1]);
  }
  // A tool takes the object from above, centred on it: the tool is placed to the object (the object stays where
  // its own relations put it, centred on its support), never the object pulled towards the tool.
  if (tool.length > 0 && object.length === 1) {
    for (const h of tool) {
      add(ctx, 'above', h, [object[0]], {});
      (ctx.toolHolds ??= new Set()).add(ctx.constraints[ctx.constraints.length - 1]);
    }
  }
  ctx.lastSubjects = holders.length > 0 ? [...holders] : [...object];
  ctx.lastEntities = [...object, ...holders];
  ctx.focus = [...object];
  if (objectIndex >= 0) {
    const rest = items.filter((it, k) => k > objectIndex && k !== toolIndex && it.t !== 'tool');
    if (rest.some((it) => it.t === 'rel')) {
      const focus: NpItem = { t: 'np', np: { kind: '', pronoun: 'it', plural: false, all: false, other: false, unknownNoun: false }, text: 'it' };
      relationClause(ctx, [focus, ...rest]);
      ctx.lastSubjects = holders.length > 0 ? [...holders] : [...object];
    }
  }
  return true;
}

function interpretMain(ctx: Context, items: Item[]): void {
  const verb = items.find((it): it is Extract<Item, { t: 'verb' }> => it.t === 'verb')?.word;
  if (sequenceClause(ctx, items)) return;
  if (pickClause(ctx, items)) return;
  if (arrangementClause(ctx, items, verb)) return;
  if ((verb && ROTATE_VERBS.has(verb)) || (!items.some((it) => it.t === 'rel') && items.some((it) => it.t === 'qty' && it.kind === 'angle'))) {
    if (angleClause(ctx, items)) return;
  }
  if (verb === 'align' || (!items.some((it) => it.t === 'rel') && items.some((it) => it.t === 'aligned') && items.some((it) => it.t === 'np'))) {
    // "Line up three jars on the counter", "align the bins on the shelf": lined up ON a support is a row there, as
    // "line the jars up on the counter" is (the support was taken for what to align them with).
    const rel = items.find((it): it is Extract<Item, { t: 'rel' }> => it.t === 'rel');
    if (verb === 'align' && rel !== undefined && SUPPORT_TYPES.has(rel.type) && !items.some((it) => it.t === 'shape') &&
      arrangementClause(ctx, [{ t: 'shape', shape: 'row' }, ...items], verb)) return;
    if (alignClause(ctx, items)) return;
  }
  const before = ctx.constraints.length;
  if (relationClause(ctx, items)) {
    // "Place the motor behind the gearbox, in contact", "…, touching": one subject touches the clause's reference.
    if (items.some((it) => it.t === 'group' && it.relation === 'touching') && ctx.lastSubjects.length === 1) {
      const made = ctx.constraints.slice(before).filter((c) => c.subject === ctx.lastSubjects[0] && c.targets.length > 0);
      const last = made[made.length - 1];
      if (last && last.type !== 'on' && !made.some((c) => c.type === 'touching')) add(ctx, 'touching', last.subject, [last.targets[0]], {});
    }
    // "place box on table rotated 45 degrees", "put the crate on the pallet at 90°": an angle in a relation's clause
    // turns the clause's subject (about z unless an axis is named), never dropped.
    const angle = items.find((it): it is QtyItem => it.t === 'qty' && it.kind === 'angle');
    if (angle) for (const s of ctx.lastSubjects) add(ctx, 'angle', s, [], { angle: angle.value, axis: firstAxis(items, true) ?? firstAxis(items) ?? 'z' });
    return;
  }
  // "Put the red cube down, with the blue cube on its left": a verb and its object with no relation name the subject
  // that a following "it"/"its" refers to.
  const object = items.find((it): it is NpItem => it.t === 'np' && it.np.pronoun === undefined);
  if (verb !== undefined && object && !items.some((it) => it.t === 'aligned' || it.t === 'qty')) {
    ctx.lastSubjects = resolve(ctx, object);
    ctx.lastEntities = [...ctx.lastSubjects];
    return;
  }
  if (items.some((it) => it.t === 'aligned' && it.edges === true)) {
    alignStackedEdges(ctx);
    return;
  }
  if (items.some((it) => it.t === 'aligned') && ctx.lastEntities.length >= 2) {
    const names = ctx.lastArrangement ? ctx.lastArrangement.members : ctx.lastEntities;
    for (let k = 1; k < names.length; k++) add(ctx, 'aligned', names[k], [names[k - 1]], {});
  }
}

/**
 * "edges aligned", "with edges flush": the aligned stack (centred, as every stack is, and turned alike). Said of
 * anything but a stack it has no reading here and is refused, never dropped.
 */
function refuseEdges(ctx: Context, items: Item[]): void {
  if (items.some((it) => it.t === 'aligned' && it.edges === true)) {
    throw new ParseError(`cannot honour 'edges' in ${quote(ctx.source)}: edges aligned or flush are read only for a stack (say 'aligned', 'in a row', 'touching')`);
  }
}

/**
 * "Put plate 2 on plate 1, then plate 3 on plate 2, edges aligned", "Stack the plates, edges aligned": the objects
 * just named and those they are stacked on or under (movable objects one on another) are aligned, each with the one
 * it rests on; with no such stack the clause is refused.
 */
function alignStackedEdges(ctx: Context): void {
  const movable = (n: string) => { const e = ctx.registry.get(n); return e !== undefined && !e.grounded; };
  const inStack = new Set(ctx.lastEntities);
  const pairs: Constraint[] = [];
  for (let grown = true; grown;) {
    grown = false;
    for (const c of ctx.constraints) {
      if (c.type !== 'on' || c.targets.length !== 1 || pairs.includes(c) || !movable(c.subject) || !movable(c.targets[0])) continue;
      if (!inStack.has(c.subject) && !inStack.has(c.targets[0])) continue;
      inStack.add(c.subject);
      inStack.add(c.targets[0]);
      pairs.push(c);
      grown = true;
    }
  }
  if (pairs.length === 0) refuseEdges(ctx, [{ t: 'aligned', edges: true }]);
  for (const c of pairs) add(ctx, 'aligned', c.subject, [c.targets[0]], {});
}

/** The yaw (about z) that turns an object's front (−y) towards a reference it stands on this side of. */
const FACING_YAW: Partial<Record<ConstraintType, number>> = { front: Math.PI, behind: 0, left: Math.PI / 2, right: -Math.PI / 2 };

/**
 * "Put the armchair 2 m in front of the TV, facing it", "the lamp left of the sofa facing the sofa": "facing" (or
 * "to face") and an object turns the subject about z so that its front (−y) points at that object. Where the
 * subject has a side relation to that object its side fixes the direction (an angle constraint); otherwise ("Put
 * the baby monitor on the dresser, facing the crib") the turn is set after the solve from the solved centres
 * (SceneSpec.facings), since a turn never changes the world-axis boxes.
 */
function facingAt(tokens: Token[]): { at: number; length: number } | null {
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k].kind === 'word' ? tokens[k].text : undefined;
    const length = w === 'facing' || w === 'faces' ? 1 : w === 'to' && tokens[k + 1]?.kind === 'word' && tokens[k + 1].text === 'face' ? 2 : 0;
    if (length === 0 || matchPose(tokens, k + length - 1) !== null) continue;
    const towards = tokens[k + length]?.kind === 'word' && (tokens[k + length].text === 'towards' || tokens[k + length].text === 'toward') ? 1 : 0;
    const np = readNounPhrase(tokens, k + length + towards, true);
    if (np !== null && np.next === tokens.length) return { at: k, length: length + towards };
  }
  return null;
}

/** Directions of a compass: the scene has no north, so "facing north" is refused, never an object 'north'. */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'northward', 'northwards', 'southward', 'southwards', 'eastward', 'eastwards', 'westward', 'westwards']);
/** Surfaces faced by pointing the front (−y) straight down or up: a turn about x (as "looking down"/"looking up"). */
const FACING_PITCH = new Map<string, number>([['floor', Math.PI / 2], ['ground', Math.PI / 2], ['ceiling', -Math.PI / 2], ['sky', -Math.PI / 2]]);
/** Relations that put the subject straight over (or under) what it faces: its front points down (or up) at it. */
const FACING_VERTICAL: Partial<Record<ConstraintType, number>> = { above: Math.PI / 2, on: Math.PI / 2, below: -Math.PI / 2 };

function interpretFacing(ctx: Context, tokens: Token[], facing: { at: number; length: number }): void {
  const clause = tokens.slice(0, facing.at);
  // "…, and the chair facing the sofa": a clause that is only a noun phrase names the subject that faces.
  const own = clause.length > 0 ? readNounPhrase(clause, 0, true) : null;
  if (own !== null && own.next === clause.length && own.np.pronoun === undefined && own.np.kind !== '') {
    ctx.lastSubjects = resolve(ctx, { t: 'np', np: own.np, text: clause.map((t) => t.text).join(' ') });
    ctx.lastEntities = [...ctx.lastSubjects];
  } else if (clause.length > 0) interpretClause(ctx, clause);
  const at = facing.at + facing.length;
  const text = tokens.slice(at).map((t) => t.text).join(' ');
  const words = tokens.slice(at).filter((t) => t.kind === 'word').map((t) => t.text);
  const subjects = ctx.lastSubjects;
  if (subjects.length === 0) throw new ParseError(`cannot tell what faces what in ${quote(ctx.source)}`);
  const compass = words.find((w) => COMPASS.has(w));
  if (compass !== undefined) throw new ParseError(`cannot honour '${compass}' in ${quote(ctx.source)}: the scene has no compass directions (say 'facing left', 'facing the door', …)`);
  if (words.some((w) => w === 'itself' || w === 'themselves')) throw new ParseError(`'${subjects[0]}' cannot face itself in ${quote(ctx.source)}`);
  const target = readNounPhrase(tokens, at, true)!;
  const pitch = target.np.pronoun === undefined ? FACING_PITCH.get(target.np.kind) : undefined;
  if (pitch !== undefined) {
    // "facing the floor": the front points straight down (there is no floor object to turn towards).
    for (const s of subjects) add(ctx, 'angle', s, [], { angle: pitch, axis: 'x' });
    return;
  }
  const item: NpItem = { t: 'np', np: target.np, text };
  const refs = clause.length > 0 ? ctx.lastRefs : ctx.prevRefs;
  const faced = target.np.pronoun === 'it' ? refs.slice(-1) : resolve(ctx, item);
  if (faced.length !== 1) throw new ParseError(`cannot tell what faces what in ${quote(ctx.source)}`);
  for (const s of subjects) {
    if (s === faced[0]) throw new ParseError(`'${s}' cannot face itself in ${quote(ctx.source)}`);
    const related = ctx.constraints.filter((c) => c.subject === s && c.targets.length === 1 && c.targets[0] === faced[0]);
    const side = related.find((c) => FACING_YAW[c.type] !== undefined);
    // "1 m above the table, facing the table": straight over it, the front points down at it.
    const vertical = side ? undefined : related.find((c) => FACING_VERTICAL[c.type] !== undefined);
    if (side) add(ctx, 'angle', s, [], { angle: FACING_YAW[side.type]!, axis: 'z' });
    else if (vertical) add(ctx, 'angle', s, [], { angle: FACING_VERTICAL[vertical.type]!, axis: 'x' });
    else ctx.facings.push({ subject: s, target: faced[0], source: ctx.source });
  }
}

/**
 * "Move the box to the table, then the cup": an object phrase that no relation places, no relation takes as its
 * reference and no verb takes as its object would vanish from the scene; the clause is refused naming it.
 */
function refuseUnread(ctx: Context, items: Item[]): void {
  // A pick clause reads its own phrases ("take the wrench off the rack": where it came from is no relation).
  // A sequence ("create an assembly sequence where each part is placed above the previous one") names the whole it makes.
  if (ctx.unread !== null || items.some((it) => it.t === 'pick' || (it.t === 'np' && it.np.pronoun === 'previous'))) return;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t !== 'np' || it.np.pronoun !== undefined || it.np.kind === '' || ctx.resolved.has(it.np) || MEASURE_NOUNS.has(it.np.kind)) continue;
    // "with the red box at top" names a member by its role; "the robot places …" is the agent of the verb after it.
    const next = items[k + 1];
    if (next?.t === 'role' || next?.t === 'verb') continue;
    // "in the centrifuge, opposite the balance tube": a word the lexicon does not know, alone before an object phrase,
    // stands where a relation word would; it is refused as the relation it is, not as an object placed nowhere.
    if (it.np.unknownNoun && it.np.label === undefined && !it.text.includes(' ') && next?.t === 'np') {
      ctx.unread = `cannot honour ${quote(it.text)} in ${quote(ctx.source)}: it is no relation word read here (say left of, behind, near, next to, …)`;
      return;
    }
    ctx.unread = `nothing says where ${quote(it.text)} goes in ${quote(ctx.source)}: no relation places it or refers to it`;
    return;
  }
}

/** Nouns that name a measure of a formation or a gap ("with a radius of 40 cm"), not an object. */
const MEASURE_NOUNS = new Set(['radius', 'diameter', 'gap', 'spacing', 'distance', 'clearance', 'pitch', 'height', 'width', 'length', 'depth']);

/**
 * "not facing the sofa", "not on the shelf", "don't put …", "never place …": the parser reads no negated relation, so
 * a negation it does not honour exactly ("not less than 10 cm", "not more than 20 cm" are bounds) is refused naming
 * the word, never dropped (which would turn the instruction into its opposite).
 */
/** "don't", "won’t", "shouldn't": a word ending in n't (either apostrophe); the test /n[’']t$/ makes, without a regular expression. */
function endsWithNt(w: string): boolean {
  const n = w.length;
  if (n < 3 || w.charCodeAt(n - 1) !== 116 || w.charCodeAt(n - 3) !== 110) return false;
  const apostrophe = w.charCodeAt(n - 2);
  return apostrophe === 39 || apostrophe === 0x2019;
}

function refuseNegation(ctx: Context, tokens: Token[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !(t.text === 'not' || t.text === 'never' || t.text === 'dont' || t.text === 'cannot' || endsWithNt(t.text))) continue;
    const next = tokens[k + 1];
    const bound = t.text === 'not' && next?.kind === 'word' && (next.text === 'less' || next.text === 'more') && tokens[k + 2]?.text === 'than';
    if (!bound) throw new ParseError(`cannot honour '${t.text}' in ${quote(ctx.source)}: a negated placement is not read (say where the object goes instead)`);
  }
}

/** Verbs of being somewhere that can follow a fronted place ("Behind the press goes the bin"). */
const INVERSION_VERBS = new Set(['is', 'are', 'go', 'goes', 'sit', 'sits', 'stand', 'stands', 'lie', 'lies', 'hang', 'hangs', 'rest', 'rests', 'belong', 'belongs', 'come', 'comes', 'stay', 'stays']);
const INVERSION_MODALS = new Set(['should', 'must', 'will', 'can', 'shall']);

/**
 * "Between rack 1 and rack 2 goes the ladder", "On the shelf sits the jar", "Behind the press should go the bin": a
 * relation and its reference fronted before a verb of being somewhere, with the subject after the verb to the clause's
 * end, are read in the usual order ("the ladder goes between rack 1 and rack 2"); null when the clause is not so.
 */
function fronted(tokens: Token[]): Token[] | null {
  const rel = matchRelation(tokens, 0);
  if (rel === null || rel.unary) return null;
  for (let v = rel.length + 1; v < tokens.length - 1; v++) {
    const t = tokens[v];
    if (t.kind === 'sep') return null;
    if (t.kind !== 'word' || !INVERSION_VERBS.has(t.text)) continue;
    const start = v > 0 && tokens[v - 1].kind === 'word' && INVERSION_MODALS.has(tokens[v - 1].text) ? v - 1 : v;
    if (readNounPhrase(tokens, rel.length, true) === null) return null;
    const subject = readNounPhrase(tokens, v + 1, true);
    if (subject === null || subject.np.kind === '' || subject.next !== tokens.length) return null;
    return [...tokens.slice(v + 1), ...tokens.slice(start, v + 1), ...tokens.slice(0, start)];
  }
  return null;
}

/** A part's size designation: a letter and a number ("M6", "M10", "A4"; "x4" after a number is a grid's size). */
const DESIGNATION = /^[a-wyz]\d{1,2}$/;

/**
 * "Put 4x M6 bolts on the plate", "2 M5 screws": a designation between a count and its noun says nothing of where or
 * how large: it is left out (with the note a word not read gets, as in "the M6 bolt") and the count kept (it split
 * the count from its noun: 3 bolts assumed).
 */
function withoutDesignations(ctx: Context, tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || tokens[k - 1].kind !== 'num' || tokens[k + 1].kind !== 'word' || !DESIGNATION.test(t.text)) continue;
    out ??= tokens.slice(0, k);
    ctx.warnings.push(`ignored '${t.text}'`);
  }
  if (out === undefined) return tokens;
  for (let k = out.length; k < tokens.length; k++) {
    const t = tokens[k];
    if (!(t.kind === 'word' && tokens[k - 1]?.kind === 'num' && tokens[k + 1]?.kind === 'word' && DESIGNATION.test(t.text))) out.push(t);
  }
  return out;
}

/** Where "opposite each other" ("opposite one another") stands in a clause; -1 when it does not. */
function oppositeEachOtherAt(tokens: Token[]): number {
  return tokens.findIndex((t, k) => t.kind === 'word' && t.text === 'opposite' && tokens[k + 1]?.kind === 'word' && tokens[k + 2]?.kind === 'word' &&
    ((tokens[k + 1].text === 'each' && tokens[k + 2].text === 'other') || (tokens[k + 1].text === 'one' && tokens[k + 2].text === 'another')));
}

/**
 * "Load two tubes opposite each other in the centrifuge", "two cones opposite each other on the mat": two objects
 * put in (or on) one centre object stand on opposite sides of its centre, a ring of two around it: each at the same
 * distance r from the centre in plan and 2r from each other (so the centre is between them), at one height. r is half
 * the room the centre's footprint leaves each member, and at least what keeps 5 cm between the two. Returns false
 * (nothing added: 'opposite' stays ignored, with its warning) when the clause did not so place two objects or the
 * centre's footprint leaves no such room.
 */
function oppositeAroundCentre(ctx: Context, from: number): boolean {
  const placed = ctx.constraints.slice(from).filter((c) => (c.type === 'inside' || c.type === 'on') && c.targets.length === 1);
  const pair = [...new Set(placed.map((c) => c.subject))];
  if (pair.length !== 2 || new Set(placed.map((c) => c.targets[0])).size !== 1 || new Set(placed.map((c) => c.type)).size !== 1) return false;
  const centre = placed[0].targets[0];
  const inside = placed[0].type === 'inside';
  const hc = ctx.registry.get(centre)!.halfExtents;
  const half = pair.map((n) => ctx.registry.get(n)!.halfExtents);
  const room = Math.min(...half.map((h) => Math.min(hc[0] - h[0], hc[1] - h[1])));
  const least = Math.max(...half.map((h) => h[0])) + DEFAULT_FORMATION_GAP_M / 2;
  if (room < least) return false;
  const radius = Math.max(least, room / 2);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  add(ctx, 'distance', pair[1], [pair[0]], { distance: round(2 * radius) });
  add(ctx, 'distance', pair[1], [pair[0]], { distance: round(half[1][2] - half[0][2]), axis: 'z' });
  // Inside, at the centre's height; on it, on its top (the height between centres is the two half-heights).
  for (const [k, n] of pair.entries()) add(ctx, 'distance', n, [centre], { distance: round(Math.hypot(radius, inside ? 0 : half[k][2] + hc[2])) });
  return true;
}

const NEGATION = 1, FACING = 2, FLANK = 4, VIEW = 8;

/**
 * The readers a word can set off (a bit each): refuseNegation ('not', 'never', 'dont', 'cannot', "…n't"), facingAt
 * ('facing', 'faces', the 'to' of "to face"), flankAt ('either', 'each', 'both'), viewpointAt (VIEW_VERBS); cached by
 * word. A word one of them starts with needs its bit here.
 */
function clauseTriggers(w: string): number {
  let bits = CLAUSE_TRIGGERS.get(w);
  if (bits === undefined) {
    bits = (w === 'not' || w === 'never' || w === 'dont' || w === 'cannot' || endsWithNt(w) ? NEGATION : 0) |
      (w === 'facing' || w === 'faces' || w === 'to' ? FACING : 0) | (w === 'either' || w === 'each' || w === 'both' ? FLANK : 0) | (VIEW_VERBS.has(w) ? VIEW : 0);
    if (CLAUSE_TRIGGERS.size >= 10_000) CLAUSE_TRIGGERS.clear();
    CLAUSE_TRIGGERS.set(w, bits);
  }
  return bits;
}
const CLAUSE_TRIGGERS = new Map<string, number>();

function interpretClause(ctx: Context, clause: Token[]): void {
  const tokens = withoutDesignations(ctx, withBackReferences(fronted(clause) ?? clause, ctx.registry.entities, ctx.lastSubjects));
  // Which of the four readers below can find anything, in one pass (each does nothing in a clause without its words).
  let triggers = 0;
  for (let k = 0; k < tokens.length; k++) if (tokens[k].kind === 'word') triggers |= clauseTriggers(tokens[k].text);
  if ((triggers & NEGATION) !== 0) refuseNegation(ctx, tokens);
  const facing = (triggers & FACING) !== 0 ? facingAt(tokens) : null;
  if (facing !== null) return interpretFacing(ctx, tokens, facing);
  const flank = (triggers & FLANK) !== 0 ? flankAt(tokens) : -1;
  if (flank >= 0 && flankClause(ctx, tokens, flank)) return;
  const view = (triggers & VIEW) !== 0 ? viewpointAt(tokens) : null;
  if (view !== null) return interpretViewpoint(ctx, tokens, view);
  const { items, unknown } = readItems(tokens);
  const opposite = unknown.includes('opposite') && oppositeEachOtherAt(tokens) >= 0;
  const ignoredAt = ctx.warnings.length;
  for (const w of unknown) {
    if (UNHONOURED.has(w)) throw new ParseError(`cannot honour '${w}' in ${quote(ctx.source)}: no relation or orientation reads it`);
    if (startsWithLetter(w)) ctx.warnings.push(`ignored '${w}'`);
  }
  const poses = items.filter((it): it is Extract<Item, { t: 'pose' }> => it.t === 'pose');
  const rest = poses.length > 0 ? items.filter((it) => it.t !== 'pose') : items;
  const before = ctx.constraints.length;
  memberOnFloorAsBase(rest);
  if (stackOrderClause(ctx, rest, unknown)) return;
  // "Put 3 boxes on the table and 2 on the shelf": a bare count opening a clause before its relation counts objects
  // the clause does not name (2 of the 3 boxes? 2 more?): refused, never carried over as all of them.
  if (tokens[0]?.kind === 'num' && unknown.includes(tokens[0].text) && matchRelation(tokens, 1) !== null) {
    throw new ParseError(`cannot tell what '${tokens[0].text}' counts in ${quote(ctx.source)}: name the objects it counts`);
  }
  // "Brackets x2: set them side by side on the base plate", "Two brackets: …": a clause of one counted or plural noun
  // phrase alone names the group that the next clause's pronoun refers to.
  if (rest.length === 1 && rest[0].t === 'np' && rest[0].np.pronoun === undefined && isGroup(rest[0]) && unknown.length === 0) {
    const names = resolve(ctx, rest[0]);
    ctx.lastSubjects = [...names];
    ctx.lastEntities = [...names];
    ctx.topics.push({ names, message: `nothing says where ${quote(rest[0].text)} goes in ${quote(ctx.source)}: no relation places it or refers to it` });
    return;
  }
  interpretMain(ctx, rest);
  refuseUnread(ctx, items);
  if (opposite && oppositeAroundCentre(ctx, before)) {
    const at = ctx.warnings.indexOf(`ignored 'opposite'`, ignoredAt);
    if (at >= 0) ctx.warnings.splice(at, 1);
  }
  if (ctx.constraints.length === before && poses.length === 0) {
    // A distance that no relation took is refused, never dropped with an ok.
    const loose = rest.find((it) => it.t === 'qty' && it.kind === 'length');
    if (loose) throw new ParseError(`cannot tell what the distance in ${quote(ctx.source)} applies to`);
    // "Set the table, plate in the middle, fork left of it": a place (the middle, the centre) that no relation took
    // is refused, never dropped with the objects it was said of.
    const role = rest.find((it) => it.t === 'role' && it.role === 'centre');
    if (role) {
      const word = tokens.find((t) => t.kind === 'word' && (t.text === 'middle' || t.text === 'centre' || t.text === 'center'))?.text ?? 'middle';
      throw new ParseError(`cannot honour '${word}' in ${quote(ctx.source)}: say what it is the ${word} of ('in the ${word} of the table')`);
    }
  }
  if (poses.length === 0) return;
  // Orientation modifiers ("upside down", "on its side", "facing left") turn the clause's subject in the world frame.
  const np = rest.find((it): it is NpItem => it.t === 'np');
  const subjects = ctx.constraints.length > before ? ctx.lastSubjects : np ? resolve(ctx, np) : ctx.lastSubjects;
  if (subjects.length === 0) throw new ParseError(`nothing to turn '${poses[0].phrase}' in ${quote(ctx.source)}`);
  if (poses.length > 1) throw new ParseError(`'${poses[0].phrase}' and '${poses[1].phrase}' together cannot be honoured in ${quote(ctx.source)}`);
  for (const s of subjects) add(ctx, 'angle', s, [], { angle: poses[0].angle, axis: poses[0].axis });
  ctx.lastSubjects = [...subjects];
}

const VIEW_VERBS = new Set(['seen', 'viewed', 'looking', 'looked', 'observed']);
/** Where a viewer may look from: above (the default sense of a turn about z) or below (the opposite sense). */
const VIEW_SIDES = new Map<string, boolean>([['above', false], ['top', false], ['overhead', false], ['below', true], ['bottom', true], ['underneath', true], ['beneath', true], ['under', true]]);

/**
 * "seen from above", "as viewed from below", "when looking from the top": where it starts, its length, and whether
 * from below (undefined for another viewpoint, "seen from the door", which is refused).
 */
function viewpointAt(tokens: Token[]): { at: number; length: number; below: boolean | undefined } | null {
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].kind !== 'word' || !VIEW_VERBS.has(tokens[k].text) || tokens[k + 1]?.text !== 'from') continue;
    const the = tokens[k + 2]?.text === 'the' ? 1 : 0;
    const below = VIEW_SIDES.get(tokens[k + 2 + the]?.text ?? '');
    const opener = k > 0 && (tokens[k - 1].text === 'as' || tokens[k - 1].text === 'when') ? 1 : 0;
    return { at: k - opener, length: opener + 3 + the, below };
  }
  return null;
}

/**
 * "Turn the rack 90 degrees counterclockwise, seen from above": a viewpoint says how the sense of a turn about the
 * vertical is seen, of the turn in its own clause or, alone, in the clause before: from above it is the usual sense,
 * from below the opposite one. With no turn about z to qualify it is refused, never dropped.
 */
/** Relations that read the same from any viewpoint: a viewpoint said of them changes nothing. */
const VIEW_FREE = new Set<ConstraintType>(['on', 'inside', 'touching', 'near', 'far', 'distance', 'above', 'below']);

function interpretViewpoint(ctx: Context, tokens: Token[], view: { at: number; length: number; below: boolean | undefined }): void {
  const phrase = tokens.slice(view.at, view.at + view.length).map((t) => t.text).join(' ');
  const rest = [...tokens.slice(0, view.at), ...tokens.slice(view.at + view.length)];
  const before = ctx.constraints.length;
  if (rest.length > 0) interpretClause(ctx, rest);
  // "Put the sofa against the wall, seen from the door", "on the shelf as seen from the front": relations that read
  // the same from anywhere (the clause's own, or alone the clause before's) are unchanged by a viewpoint.
  const lastSource = ctx.constraints[ctx.constraints.length - 1]?.source;
  const scope = rest.length > 0 ? ctx.constraints.slice(before) : ctx.constraints.filter((c) => c.source === lastSource);
  if (scope.length > 0 && scope.every((c) => VIEW_FREE.has(c.type))) return;
  if (view.below === undefined) throw new ParseError(`cannot honour '${phrase}' in ${quote(ctx.source)}: a viewpoint is read only as 'seen from above' or 'seen from below' after a turn`);
  const isTurn = (c: Constraint) => c.type === 'angle' && c.parameters.axis === 'z';
  let turns = ctx.constraints.slice(before).filter(isTurn);
  if (turns.length === 0 && rest.length === 0) {
    const last = ctx.constraints.findLast(isTurn);
    turns = last === undefined ? [] : ctx.constraints.filter((c) => isTurn(c) && c.source === last.source);
  }
  if (turns.length === 0) throw new ParseError(`cannot honour '${phrase}' in ${quote(ctx.source)}: it tells how a turn about the vertical is seen, and no such turn is named`);
  if (view.below) for (const c of turns) c.parameters.angle = -(c.parameters.angle ?? 0);
}

/** "on either side of", "on each side of", "on both sides of", "either side of": where it starts, or −1. */
function flankAt(tokens: Token[]): number {
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k].kind === 'word' ? tokens[k].text : '';
    if (w !== 'either' && w !== 'each' && w !== 'both') continue;
    const side = tokens[k + 1]?.kind === 'word' ? tokens[k + 1].text : '';
    if ((side === 'side' || side === 'sides') && tokens[k + 2]?.kind === 'word' && tokens[k + 2].text === 'of') return k > 0 && tokens[k - 1].kind === 'word' && tokens[k - 1].text === 'on' ? k - 1 : k;
  }
  return -1;
}

/**
 * "Place two lamps on either side of the bed", "the speakers on each side of the TV": two objects, one left of the
 * reference and one right of it (in the order named). Other than two objects is refused; a clause that is not
 * objects, the phrase and one reference is left to the other readers (which refuse 'side').
 */
function flankClause(ctx: Context, tokens: Token[], at: number): boolean {
  const length = tokens[at].kind === 'word' && tokens[at].text === 'on' ? 4 : 3;
  const before = readItems(tokens.slice(0, at)).items;
  const after = readItems(tokens.slice(at + length)).items;
  const subjects = before.filter((it): it is NpItem => it.t === 'np');
  if (subjects.length === 0 || !before.every((it) => it.t === 'np' || it.t === 'verb') || after.length !== 1 || after[0].t !== 'np') return false;
  // ("the speakers", uncounted: two, as for 'between'.)
  const names = subjects.flatMap((it) => resolve(ctx, it, { between: true }));
  const phrase = tokens.slice(at, at + length).map((t) => t.text).join(' ');
  if (names.length !== 2) throw new ParseError(`'${phrase}' needs two objects, one for each side, not ${names.length} (${names.join(', ')}) in ${quote(ctx.source)}`);
  const [reference] = resolve(ctx, after[0]);
  add(ctx, 'left', names[0], [reference], {});
  add(ctx, 'right', names[1], [reference], {});
  // In line across it: the reference between the two.
  add(ctx, 'between', reference, [names[0], names[1]], {});
  ctx.lastSubjects = [...names];
  ctx.lastEntities = [...names, reference];
  ctx.lastTargets = [reference];
  ctx.lastRefs = [reference];
  return true;
}

/**
 * "Stack the plates: plate 1 at the bottom, then plate 2, then plate 3": a clause made only of labelled members of
 * the stack just formed, each named once, orders that stack from the bottom up (from the top down when the first is
 * said to be at the top or the last at the bottom). Every member must be named; one that is no member is refused.
 */
function stackOrderClause(ctx: Context, items: Item[], numbers: readonly string[]): boolean {
  const stack = ctx.lastArrangement;
  if (!stack || stack.members.length < 2 || stack.bottom.length !== 1 || stack.top.length !== 1 || stack.span[0] !== 0 || stack.span[1] !== 0) return false;
  // "…, plate 3 on top", "…, plate 1 at the bottom": one labelled member said to be at the top or the bottom moves
  // there, the others keeping their order.
  const [first, second, third] = items;
  // "…with box 1 at the bottom, then 2, then 3": a clause of bare numbers right after a member put in place names the
  // members of its noun that go on it, in order.
  if (items.length === 0 && numbers.length > 0 && ctx.stackPlaced.length > 0 && numbers.every((w) => /^\d+$/.test(w))) {
    const last = ctx.stackPlaced[ctx.stackPlaced.length - 1];
    const head = last.slice(0, last.lastIndexOf('_'));
    const named = numbers.map((w) => `${head}_${w}`);
    const stranger = named.find((n) => !stack.members.includes(n) || ctx.stackPlaced.includes(n));
    if (stranger !== undefined || new Set(named).size !== named.length) {
      ctx.unread = `nothing says where '${stranger ?? named[0]}' goes in ${quote(ctx.source)}: it is no member of the stack left to place (${stack.members.filter((m) => !ctx.stackPlaced.includes(m)).join(', ')})`;
      return true;
    }
    ctx.stackPlaced.push(...named);
    return reorderPlacedFirst(ctx, stack);
  }
  // "box 1 at the bottom, then 2, then 3": bare numbers after a labelled member name the members of its noun.
  if (numbers.length > 0 && items.length === 2 && first.t === 'np' && first.np.label !== undefined && second.t === 'role' && second.role !== 'centre' &&
    numbers.every((w) => /^\d+$/.test(w))) {
    const head = first.np.head ?? first.np.kind;
    const named = [singularNameAs(first.np, first.np.kind, first.np.head), ...numbers.map((w) => `${head}_${w}`)];
    ctx.resolved.add(first.np);
    if (refuseStackOrder(ctx, stack, named)) return true;
    return reorderStack(ctx, stack, second.role === 'top' ? [...named].reverse() : named);
  }
  const end = oneMemberEnd(items, stack);
  if (end !== null) {
    const [member] = resolve(ctx, end.np);
    if (member === undefined || !stack.members.includes(member)) return false;
    const others = stack.members.filter((m) => m !== member);
    if (end.role === 'base') ctx.stackPlaced = [member];
    return reorderStack(ctx, stack, end.role === 'top' ? [...others, member] : [member, ...others]);
  }
  // "…with box 1 at the bottom, box 2 on it": a labelled member on "it" right after a member put in place goes
  // directly on that one (the others keep their order above).
  if (items.length === 3 && first.t === 'np' && first.np.label !== undefined && second.t === 'rel' && second.type === 'on' && second.phrase === 'on' &&
    third.t === 'np' && third.np.pronoun === 'it' && third.text === 'it' && ctx.stackPlaced.length > 0) {
    const [member] = resolve(ctx, first);
    if (member === undefined || !stack.members.includes(member) || ctx.stackPlaced.includes(member)) return false;
    ctx.resolved.add(third.np);
    ctx.stackPlaced.push(member);
    return reorderPlacedFirst(ctx, stack);
  }
  const nps = items.filter((it): it is NpItem => it.t === 'np');
  // "…with box 1 at the bottom, then box 3, then box 2": after a member put in place, labelled members alone go on it
  // in order.
  if (ctx.stackPlaced.length > 0 && nps.length === items.length && nps.length > 0 && nps.every((it) => it.np.label !== undefined)) {
    const named = nps.map((it) => singularNameAs(it.np, it.np.kind, it.np.head));
    if (named.every((n) => stack.members.includes(n) && !ctx.stackPlaced.includes(n)) && new Set(named).size === named.length) {
      for (const it of nps) ctx.resolved.add(it.np);
      ctx.stackPlaced.push(...named);
      return reorderPlacedFirst(ctx, stack);
    }
  }
  if (nps.length < 2 || !items.every((it) => it.t === 'np' || (it.t === 'role' && it.role !== 'centre')) || nps.some((it) => it.np.label === undefined)) return false;
  const listed = nps.flatMap((it) => resolve(ctx, it));
  if (refuseStackOrder(ctx, stack, listed)) return true;
  const roleAfter = (np: NpItem) => { const k = items.indexOf(np) + 1; const r = items[k]; return r?.t === 'role' ? r.role : undefined; };
  const downward = roleAfter(nps[0]) === 'top' || roleAfter(nps[nps.length - 1]) === 'base';
  return reorderStack(ctx, stack, downward ? [...listed].reverse() : listed);
}

/**
 * "Stack the boxes with box 3 at the bottom", "…with box 1 on top": a labelled member of the stack being formed, said
 * to be at its bottom or top, moves there (the others keep their order); one that is no member is left to the
 * refusal of phrases nothing reads.
 */
function placeLabelledEnds(ctx: Context, items: Item[], subjectIdx: number[], stack: Arrangement): void {
  if (stack.bottom.length !== 1 || stack.top.length !== 1 || stack.span[0] !== 0 || stack.span[1] !== 0) return;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const next = items[k + 1];
    if (it.t !== 'np' || subjectIdx.includes(k) || !namesMember(it, stack) || next?.t !== 'role' || next.role === 'centre') continue;
    const name = singularNameAs(it.np, it.np.kind, it.np.head);
    if (!stack.members.includes(name)) continue;
    ctx.resolved.add(it.np);
    const others = stack.members.filter((m) => m !== name);
    reorderStack(ctx, stack, next.role === 'top' ? [...others, name] : [name, ...others]);
    if (next.role === 'base') ctx.stackPlaced = [name];
  }
}

/** End words before a noun that name a stack's member ("the top crate", "the bottom box"): true for the top. */
const STACK_END_WORDS = new Map<string, boolean>([['top', true], ['topmost', true], ['uppermost', true], ['upper', true], ['bottom', false], ['bottommost', false], ['lowermost', false], ['lower', false]]);

/**
 * "Stack two crates on the pallet, then put the box on the top crate": after a stack of one kind, "the top <kind>"
 * ("the highest <kind>") is its highest member and "the bottom <kind>" ("the lowest") its lowest, unless an object of
 * that compound name exists already (a part called "top plate").
 */
function stackEndOf(ctx: Context, np: NounPhrase, kind: string, head: string): string | undefined {
  const stack = ctx.lastArrangement;
  if (stack === null || stack.members.length < 2 || stack.span[0] !== 0 || stack.span[1] !== 0 || stack.bottom.length !== 1 || stack.top.length !== 1) return undefined;
  if (np.plural || np.count !== undefined || np.label !== undefined || np.pronoun !== undefined) return undefined;
  const cut = head.indexOf('_');
  const top = np.superlative !== undefined ? (np.superlative === 'above' ? true : np.superlative === 'below' ? false : undefined) : cut > 0 ? STACK_END_WORDS.get(head.slice(0, cut)) : undefined;
  if (top === undefined || ctx.registry.get(head) !== undefined) return undefined;
  const base = np.superlative !== undefined ? head : head.slice(cut + 1);
  if (!stack.members.every((m) => ctx.registry.get(m)?.kind === kind && (m === base || m.startsWith(`${base}_`)))) return undefined;
  return top ? stack.top[0] : stack.bottom[0];
}

/**
 * "Stack pallets 1 to 3 with pallet 1 on the floor": in a stack of a numbered group, one of its members said to be on
 * the floor (or the ground) is its bottom, as "with pallet 1 at the bottom" (the stack stands on the floor). The
 * items are rewritten in place.
 */
function memberOnFloorAsBase(items: Item[]): void {
  if (items.length !== 5) return;
  const [shape, group, member, rel, world] = items;
  if (shape.t !== 'shape' || shape.shape !== 'stack' || group.t !== 'np' || member.t !== 'np' || rel.t !== 'rel' || rel.type !== 'on' || world.t !== 'world') return;
  const label = member.np.label === undefined ? NaN : Number(member.np.label);
  if (group.np.numbers === undefined || !group.np.numbers.includes(label) || (member.np.head ?? member.np.kind) !== (group.np.head ?? group.np.kind)) return;
  items.splice(3, 2, { t: 'role', role: 'base' });
}

/**
 * A clause of one labelled noun (or one naming a member of a listed stack: "red box") and 'at the top', 'on top' or
 * 'at the bottom': that noun and the end, or null.
 */
function oneMemberEnd(items: Item[], stack: Arrangement): { np: NpItem; role: 'top' | 'base' } | null {
  const [first, second, third] = items;
  if (first?.t !== 'np' || !namesMember(first, stack)) return null;
  if (items.length === 2 && second.t === 'role' && second.role !== 'centre') return { np: first, role: second.role };
  // "plate 3 on top" closing its clause is read as on(plate 3, it) by the items; after a stack it is the top.
  if (items.length === 3 && second.t === 'rel' && second.phrase === 'on top' && third.t === 'np' && third.np.pronoun !== undefined) return { np: first, role: 'top' };
  return null;
}

/**
 * Whether a noun phrase names one member of a stack: a labelled one ("box 3"), or one whose own name is a member's
 * ("the red box" in a stack of the red, green and blue boxes).
 */
function namesMember(it: NpItem, stack: Arrangement): boolean {
  if (it.np.label !== undefined) return true;
  return it.np.pronoun === undefined && !it.np.plural && it.np.count === undefined && stack.members.includes(singularNameAs(it.np, it.np.kind, it.np.head));
}

/**
 * Whether `named` fails to order the stack (a name that is no member, one named twice, or not every member named):
 * then sets the refusal naming what is wrong and returns true.
 */
function refuseStackOrder(ctx: Context, stack: Arrangement, named: readonly string[]): boolean {
  const stranger = named.find((n) => !stack.members.includes(n));
  if (stranger === undefined && new Set(named).size === named.length && named.length === stack.members.length) return false;
  ctx.unread = stranger !== undefined
    ? `nothing says where '${stranger}' goes in ${quote(ctx.source)}: it is no member of the stack (${stack.members.join(', ')})`
    : `the order of the stack in ${quote(ctx.source)} must name each of its ${stack.members.length} members once (${stack.members.join(', ')})`;
  return true;
}

/** Orders the stack with the members put in place so far at the bottom, in that order, the others above as they were. */
function reorderPlacedFirst(ctx: Context, stack: Arrangement): boolean {
  return reorderStack(ctx, stack, [...ctx.stackPlaced, ...stack.members.filter((m) => !ctx.stackPlaced.includes(m))]);
}

/** Orders the stack just formed as `order` (bottom first). */
function reorderStack(ctx: Context, stack: Arrangement, order: string[]): boolean {
  // The members are alike; the order renames the positions: a simultaneous substitution in every constraint.
  const rename = new Map(stack.members.map((m, k) => [m, order[k]]));
  for (const c of ctx.constraints) {
    c.subject = rename.get(c.subject) ?? c.subject;
    c.targets = c.targets.map((t) => rename.get(t) ?? t);
  }
  stack.members = [...order];
  stack.bottom = [order[0]];
  stack.top = [order[order.length - 1]];
  ctx.lastSubjects = [...order];
  ctx.lastEntities = [...order];
  return true;
}

/** Words that may open a clause made only of a distance or a group relation (", 10 cm apart", ", in contact"). */
const MODIFIER_OPENERS = new Set(['radius', 'diameter', 'edges', 'centres', 'centers', 'touching', 'in', 'by', 'within', 'no', 'not', 'less', 'up', 'max', 'maximum', 'approx', 'approximately', 'about', 'roughly', 'exactly', 'with', 'spaced', 'at', 'keeping', 'all', 'each', 'one', 'a', 'an', 'half', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'thirty', 'forty', 'fifty']);

/**
 * "Arrange the boxes in a line, 10 cm apart", "in front of the rack, 2 ft away", "five boxes on the conveyor, in
 * contact": a clause with no object, relation or verb of its own — only a distance or a group relation — modifies
 * the clause before it, and is read with it.
 */
function withModifiersJoined(clauses: Token[][]): Token[][] {
  const out: Token[][] = [];
  /** A fronted place phrase ("On the shelf, put …") waiting for the clauses it applies to, and its relation. */
  let fronted: { tokens: Token[]; type: ConstraintType } | null = null;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    const first = clause[0];
    // "With the vacuum gripper, pick up the parcel and …": a fronted tool phrase before a clause of taking is read
    // after it, as "pick up the parcel with the vacuum gripper".
    if (first?.kind === 'word' && first.text === 'with' && c + 1 < clauses.length && readNounPhrase(clause, 1, true)?.next === clause.length) {
      const next = clauses[c + 1][0];
      if (next?.kind === 'word' && PICK_VERBS.has(verbBase(next.text) ?? next.text)) {
        clauses[c + 1] = [...clauses[c + 1], ...clause];
        continue;
      }
    }
    const place = frontedPlace(clause);
    if (place !== null && c + 1 < clauses.length && (startsWithVerb(clauses[c + 1]) || startsWithSubject(clauses[c + 1]))) {
      fronted = { tokens: clause, type: place };
      continue;
    }
    if (fronted !== null) {
      // It applies to each clause that follows until one has a relation of its kind ("…, and the lid on the tray").
      if (!hasRelationOf(clause, fronted.type)) {
        out.push([...clause, ...fronted.tokens]);
        continue;
      }
      fronted = null;
    }
    // "Set the box left of the milk, both on the counter": 'both' and a relation, no noun — the relation applies to
    // the clause before it as if it ended there (where a support after a side relation holds both objects).
    if (out.length > 0 && first.kind === 'word' && first.text === 'both') {
      const rel = matchRelation(clause, 1);
      if (rel !== null && !rel.unary) {
        out[out.length - 1] = [...out[out.length - 1], ...clause.slice(1)];
        continue;
      }
    }
    // "Place two stanchions 1.5 m apart, centre to centre, on the floor": the centre words say how the distance just
    // before them is measured; the clause goes on with them.
    if (out.length > 0 && centreToCentre(clause, 0) > 0) {
      const prev = out[out.length - 1];
      const last = prev[prev.length - 1];
      if (last?.kind === 'word' && last.text === 'apart') {
        out[out.length - 1] = [...prev, ...clause];
        continue;
      }
    }
    // "Place the blue mug in front of the kettle, 15 cm away from it": a distance away from "it" after a clause of one
    // side relation is that relation's distance, as ", 15 cm away" (never a separate lower bound).
    if (out.length > 0 && clause.length >= 5 && first.kind === 'num') {
      const q = readQuantity(clause, 0);
      const tail = q?.kind === 'length' ? clause.slice(q.length).map((t) => t.text).join(' ') : '';
      if (tail === 'away from it') {
        const before = readItems(out[out.length - 1]).items.filter((it): it is Extract<Item, { t: 'rel' }> => it.t === 'rel' && !it.unary);
        if (before.length === 1 && isSideType(before[0].type)) {
          out[out.length - 1] = [...out[out.length - 1], ...clause.slice(0, q!.length + 1)];
          continue;
        }
      }
    }
    // "Place the hotplate behind the stirrer, on the bench": a closing clause of 'on' and its support alone after a
    // clause of one side relation and no support is read with it, as without the comma: the support holds the
    // subject and the side relation's reference (a reference on the same support).
    if (out.length > 0 && place === 'on' && c === clauses.length - 1) {
      const before = readItems(out[out.length - 1]).items.filter((it): it is Extract<Item, { t: 'rel' }> => it.t === 'rel' && !it.unary);
      if (before.length === 1 && isSideType(before[0].type)) {
        out[out.length - 1] = [...out[out.length - 1], ...clause];
        continue;
      }
    }
    // "Lay the two brackets side by side on the tray so that they touch": 'they' touching (each other) after a row's
    // clause is that row's contact (a gap of 0), not a second set of relations the row's spacing contradicts.
    const touchWord = clause[1]?.kind === 'word' && ['touch', 'touching'].includes(clause[1].text);
    const eachOther = clause.length === 2 || (clause.length === 4 && ['each', 'one'].includes(clause[2].text) && ['other', 'another'].includes(clause[3].text));
    // "…side by side on the jig, each touching the next": the same contact, said of each member and its neighbour.
    // Any row: a row or column formation ("in a row", "side by side", "a row of") or a verb that lines things up
    // ("line up", "align").
    if ((eachTouchingNext(clause) || (first.kind === 'word' && first.text === 'they' && touchWord && eachOther)) && out.length > 0 && readItems(out[out.length - 1]).items.some((it) => (it.t === 'shape' && (it.shape === 'row' || it.shape === 'column')) || (it.t === 'verb' && it.word === 'align'))) {
      out[out.length - 1] = [...out[out.length - 1], wordToken('touching')];
      continue;
    }
    // "Space the two pins 60 mm apart, centre to centre": how the clause before measures its spacing.
    if (out.length > 0 && centreToCentre(clause, 0) === clause.length) {
      out[out.length - 1] = [...out[out.length - 1], ...clause];
      continue;
    }
    // "Set 3 pallets in a line on the floor, centre-to-centre distance of 1 m" ("with a c/c spacing of 1 m"): the
    // spacing of the formation before, as without the comma.
    if (out.length > 0 && centreDistanceClause(clause) && readItems(out[out.length - 1]).items.some((it) => it.t === 'shape' || (it.t === 'verb' && it.word === 'align'))) {
      out[out.length - 1] = [...out[out.length - 1], ...clause];
      continue;
    }
    // "Put six cups on the tray, in two rows", "Brackets x3 on the base plate, 1 cm apart, in a row": a clause that
    // opens with "in" and a formation, after a clause that names none, is read with it, as without the comma.
    if (out.length > 0 && first.kind === 'word' && (first.text === 'in' || first.text === 'into') && formationFirst(clause) && !readItems(out[out.length - 1]).items.some((it) => it.t === 'shape')) {
      out[out.length - 1] = [...out[out.length - 1], ...clause];
      continue;
    }
    // "Four standoffs in a square, 8 cm per side", "…, side length 50 cm": the side of the formation before.
    if (out.length > 0 && sideLengthClause(clause) && readItems(out[out.length - 1]).items.some((it) => it.t === 'shape' && (it.shape === 'polygon' || it.shape === 'square'))) {
      out[out.length - 1] = [...out[out.length - 1], ...clause];
      continue;
    }
    // "…, leaving a 2 cm gap between neighbouring tubes", "…, keeping 5 cm between them": a participle opens it too.
    const participle = first.kind === 'word' && first.text.endsWith('ing') && (first.classes & VERB_FORM) !== 0 && (first.classes & VERB_BASE) === 0;
    const candidate = out.length > 0 && clause.length <= 10 && (first.kind === 'num' || participle || (first.kind === 'word' && MODIFIER_OPENERS.has(first.text)));
    if (candidate) {
      const { items } = readItems(FILLERS.has(first.text) || participle ? clause.slice(1) : clause);
      const modifier = items.length > 0 && items.every((it) => (it.t === 'qty' && it.kind === 'length') || it.t === 'group') &&
        items.some((it) => it.t === 'qty' || it.t === 'group');
      if (modifier) {
        out[out.length - 1] = [...out[out.length - 1], ...clause];
        continue;
      }
    }
    out.push(clause);
  }
  return out;
}

/** Whether a clause opens with a formation ("in a row", "in two rows", "in a single line along the wall"). */
function formationFirst(clause: Token[]): boolean {
  const { items, unknown } = readItems(clause);
  return items[0]?.t === 'shape' && unknown.length === 0;
}

/** Whether a clause is a centre-to-centre distance alone ("with a centre-to-centre distance of 1 m", "c/c spacing 40 mm"). */
function centreDistanceClause(clause: Token[]): boolean {
  let k = 0;
  while (k < clause.length && clause[k].kind === 'word' && ['with', 'a', 'an', 'the', 'at'].includes(clause[k].text)) k++;
  for (let j = k + 1; j < clause.length; j++) {
    if (clause[j].kind !== 'num') continue;
    const q = readQuantity(clause, j);
    return q?.kind === 'length' && j + q.length === clause.length && centreDistanceEndsAt(clause, j) && [1, 3].includes(centreToCentre(clause, k));
  }
  return false;
}

/**
 * The word at k of a clause, or undefined (a module function: a closure made per call costs a name definition each
 * time under a loader that keeps function names, such as tsx).
 */
function clauseWord(clause: Token[], k: number): string | undefined {
  const t = clause[k];
  return t?.kind === 'word' ? t.text : undefined;
}

/** Whether a clause is "each touching the next" ("each one touches the next one", "each touching the one before", "each touching its neighbour"). */
function eachTouchingNext(clause: Token[]): boolean {
  if (clauseWord(clause, 0) !== 'each') return false;
  let k = clauseWord(clause, 1) === 'one' ? 2 : 1;
  if (clauseWord(clause, k) !== 'touching' && clauseWord(clause, k) !== 'touches') return false;
  k++;
  const rest = clause.slice(k).map((t) => (t.kind === 'word' ? t.text : '\u0000')).join(' ');
  return NEXT_MEMBER.has(rest);
}

/** The neighbour a member of a row touches, in "each touching …". */
const NEXT_MEMBER = new Set(['the next', 'the next one', 'the previous one', 'the one before', 'the one before it', 'its neighbour', 'its neighbor', 'the one next to it']);

/** Words that may stand around a polygon's side length in a clause of its own ("with a side length of", "per side"). */
const SIDE_CLAUSE_WORDS = new Set(['with', 'a', 'an', 'each', 'side', 'sides', 'edge', 'edges', 'length', 'lengths', 'of', 'per', 'on']);

/** Whether a clause is only a polygon's side length: "8 cm per side", "side length 50 cm", "with sides of 1 m". */
function sideLengthClause(clause: Token[]): boolean {
  let sideWord = false;
  let lengths = 0;
  for (let k = 0; k < clause.length;) {
    const t = clause[k];
    if (t.kind === 'word' && SIDE_CLAUSE_WORDS.has(t.text)) {
      sideWord ||= t.text === 'side' || t.text === 'sides' || t.text === 'edge' || t.text === 'edges';
      k++;
      continue;
    }
    const q = readQuantity(clause, k);
    if (q === null || q.kind !== 'length') return false;
    lengths++;
    k += q.length;
  }
  return sideWord && lengths === 1;
}

/**
 * "On the shelf, put bin 4 left of bin 5": a clause made only of a relation and its reference, before a clause
 * that opens with a verb, is a place for that clause's objects: its relation type, or null.
 */
function frontedPlace(clause: Token[]): ConstraintType | null {
  const first = clause[0];
  if (first?.kind !== 'word') return null;
  const rel = matchRelation(clause, 0);
  if (rel === null || rel.unary) return null;
  const np = readNounPhrase(clause, rel.length, true);
  return np !== null && np.next === clause.length && np.np.pronoun === undefined ? rel.type : null;
}

function startsWithVerb(clause: Token[]): boolean {
  const first = clause[0];
  return first?.kind === 'word' && (first.classes & VERB_BASE) !== 0 && matchRelation(clause, 0) === null;
}

/**
 * "On the bench, clamp C goes behind clamp D": a clause that opens with its subject (a noun phrase, no pronoun)
 * and holds a relation with a reference is a declarative a fronted place applies to as well.
 */
function startsWithSubject(clause: Token[]): boolean {
  const np = readNounPhrase(clause, 0, true);
  if (np === null || np.np.pronoun !== undefined) return false;
  for (let i = np.next; i < clause.length; i++) {
    const rel = clause[i].kind === 'word' ? matchRelation(clause, i) : null;
    if (rel !== null && !rel.unary) return true;
  }
  return false;
}

function hasRelationOf(clause: Token[], type: ConstraintType): boolean {
  for (let i = 0; i < clause.length; i++) if (clause[i].kind === 'word' && matchRelation(clause, i)?.type === type) return true;
  return false;
}

/** Words that head a line of a work sheet before a colon ("Note:", "Important:", "Tip:"). */
const HEADING_WORDS = new Set(['note', 'notes', 'nb', 'tip', 'hint', 'important', 'warning', 'caution', 'reminder', 'remark', 'task', 'instruction', 'instructions', 'todo', 'goal', 'then', 'next', 'finally', 'first', 'lastly']);

/**
 * "Pos. 3: motor M1 left of …", "step 2: …": a heading — a word that names no object, a number, a colon — labels
 * the instruction's place in a work sheet; it is no object and is not read.
 */
function withoutHeading(tokens: Token[]): Token[] {
  const [w, dot] = tokens;
  if (w?.kind !== 'word' || isKnownKind(w.text)) return tokens;
  // "Note: the cup goes on the saucer", "Important: …": a heading word and a colon.
  if (HEADING_WORDS.has(w.text) && dot?.kind === 'sep' && dot.text === ':' && tokens.length > 2) return tokens.slice(2);
  // "Tools: hammer, wrench on the bench": a plural word and a colon before a list of words names the list's kind.
  if (dot?.kind === 'sep' && dot.text === ':' && w.text.length > 3 && w.text.endsWith('s') && tokens[2]?.kind === 'word' && tokens.some((t, i) => i > 2 && (t.text === ',' || t.text === 'and'))) return tokens.slice(2);
  const k = dot?.kind === 'sep' && dot.text === '.' ? 2 : 1;
  const n = tokens[k];
  const colon = tokens[k + 1];
  return n?.kind === 'num' && colon?.kind === 'sep' && colon.text === ':' && tokens.length > k + 2 ? tokens.slice(k + 2) : tokens;
}

/** Words that open an address to the robot before its name ("Hey robot, …", "Please arm 2, …"). */
const CALL_WORDS = new Set(['hey', 'hi', 'ok', 'okay', 'please', 'now', 'o.k']);

/**
 * "Robot, grab the cup …", "Arm 2, put …", "Hey robot, …", "Please robot, …": a vocative — at most three words
 * (a call word, a noun, a label) then a comma opening an imperative — addresses the agent; it is no object and is
 * not read. A list ("Box, crate and bin go …") is no vocative: nothing before the comma relates, joins or is a verb,
 * and the verb after it is followed by an object, not by "and", "or", a comma or a pronoun ("The box, put it …" is
 * a topic the pronoun refers to).
 */
function withoutVocative(tokens: Token[]): Token[] {
  const comma = tokens.findIndex((t) => t.kind === 'sep');
  if (comma < 1 || comma > 3 || tokens[comma].text !== ',') return tokens;
  const words = tokens.slice(0, comma);
  let k = 0;
  if (words[0].kind === 'word' && CALL_WORDS.has(words[0].text)) k++;
  if (words[k]?.kind === 'word' && words[k].text === 'the') k++;
  const noun = words[k];
  // "Okay, put …": call words alone address the agent too.
  const callOnly = k === words.length && k > 0 && words[k - 1].text !== 'the';
  if (!callOnly && (noun?.kind !== 'word' || CALL_WORDS.has(noun.text) || (noun.classes & VERB_BASE) !== 0 || matchRelation(tokens, k) !== null)) return tokens;
  // After the noun, a second noun of its compound ("Robot arm,") and its label ("Arm 2", "robot B").
  const label = (t: Token) => t.kind === 'num' || (t.kind === 'word' && /^[a-z]$/.test(t.text));
  const rest = words.slice(k + 1);
  const compoundWord = (t: Token) => t.kind === 'word' && !label(t) && t.text !== 'and' && t.text !== 'or' && (t.classes & VERB_BASE) === 0;
  if (!callOnly && !rest.every((t, n) => (n === rest.length - 1 && label(t)) || (n === 0 && compoundWord(t)))) return tokens;
  let v = comma + 1;
  if (tokens[v]?.kind === 'word' && tokens[v].text === 'please') v++;
  const verb = tokens[v];
  const after = tokens[v + 1];
  if (verb?.kind !== 'word' || (verb.classes & VERB_BASE) === 0 || after === undefined || after.kind === 'sep' || (after.kind === 'word' && ['and', 'or', 'it', 'them', 'this', 'that', 'these', 'those'].includes(after.text))) return tokens;
  return tokens.slice(comma + 1);
}

/**
 * The stack put inside a container that holds n, all of whose members are inside it (module functions here and in
 * supportsOf: under a loader that keeps function names, such as tsx, a named closure made per call costs a
 * definition of its name).
 */
function columnOf(ctx: Context, n: string, inside: string[]): string[] | undefined {
  return ctx.columns.find((col) => col.includes(n) && col.every((m) => inside.includes(m)));
}

/** What n is put on ('' for the floor). */
function supportsOf(ctx: Context, n: string): string[] {
  return ctx.constraints.filter((c) => c.subject === n && c.type === 'on').map((c) => c.targets[0] ?? '');
}

/** Parses an English instruction into a scene. Throws ParseError naming what is wrong. */
/** The place word a clause ends with in "<object> on the left / in the middle / on the right" (a place among the others). */
const ROW_PLACES: readonly { preps: readonly string[]; words: readonly string[]; place: 'left' | 'middle' | 'right' }[] = [
  { preps: ['on', 'at', 'to'], words: ['left'], place: 'left' },
  { preps: ['in', 'at'], words: ['middle', 'centre', 'center'], place: 'middle' },
  { preps: ['on', 'at', 'to'], words: ['right'], place: 'right' },
];

/** The one object a clause names and the place among the others it gives it, or null when the clause is not so. */
function rowPlace(clause: Token[]): { np: NpItem; place: 'left' | 'middle' | 'right' } | null {
  const n = clause.length;
  if (n < 4 || clause.slice(n - 3).some((t) => t.kind !== 'word') || clause[n - 2].text !== 'the') return null;
  const spot = ROW_PLACES.find((p) => p.preps.includes(clause[n - 3].text) && p.words.includes(clause[n - 1].text));
  const read = spot ? readNounPhrase(clause, 0, true) : null;
  if (!spot || read === null || read.next !== n - 3 || read.np.kind === '' || read.np.pronoun !== undefined || read.np.plural || read.np.count !== undefined) return null;
  return { np: { t: 'np', np: read.np, text: sourceText(clause.slice(0, n - 3)) }, place: spot.place };
}

/**
 * "Tote 1 on the left, tote 2 in the middle, tote 3 on the right": three clauses in a row, each placing one object on
 * the left, in the middle or on the right with no reference, place them among one another: a row in that order (the
 * left one left of the middle one, the middle one left of the right one), not each at a side of the world. Returns
 * how many clauses it read (0 when the clauses from c are not so).
 */
function rowOfPlaces(ctx: Context, clauses: Token[][], c: number): number {
  if (c + 2 >= clauses.length) return 0;
  const read = [0, 1, 2].map((k) => rowPlace(clauses[c + k]));
  if (read.some((r) => r === null)) return 0;
  const at = (place: string) => read.findIndex((r) => r!.place === place);
  const order = [at('left'), at('middle'), at('right')];
  if (order.some((k) => k < 0)) return 0;
  const names = read.map((r, k) => {
    ctx.source = sourceText(clauses[c + k]);
    const resolved = resolve(ctx, r!.np);
    if (resolved.length !== 1) throw new ParseError(`${quote(r!.np.text)} must name one object to stand ${r!.place === 'middle' ? 'in the middle' : `on the ${r!.place}`} in ${quote(ctx.source)}`);
    return resolved[0];
  });
  const [left, middle, right] = order.map((k) => names[k]);
  if (new Set([left, middle, right]).size !== 3) throw new ParseError(`${quote(sourceText(clauses[c + order[1]]))} names an object placed on another side too`);
  ctx.source = sourceText(clauses[c + order[1]]);
  add(ctx, 'left', left, [middle], {});
  add(ctx, 'left', middle, [right], {});
  ctx.lastSubjects = [left, middle, right];
  ctx.lastEntities = [left, middle, right];
  return 3;
}

export function parseInstruction(text: string, options: { maxLength?: number } = {}): SceneSpec {
  if (typeof text !== 'string') throw new ParseError(`instruction must be text, got ${text === null ? 'null' : typeof text}`);
  const normalised = normalise(text, options.maxLength ?? MAX_INSTRUCTION_LENGTH);
  if (normalised.length === 0) throw new ParseError('instruction is empty');
  if (!hasAsciiAlnum(normalised) && !/[\p{L}\p{N}]/u.test(normalised)) throw new ParseError(`instruction ${quote(normalised)} has no words`);
  const tokens = withoutVocative(withoutHeading(tokenize(normalised)));
  const registry = new EntityRegistry();
  const ctx: Context = { registry, constraints: [], warnings: [], lastSubjects: [], lastEntities: [], lastTargets: [], prevTargets: [], lastRefs: [], prevRefs: [], prevSubjects: [], formations: undefined, stated: undefined, facings: [], formed: undefined, lastKind: '', lastHead: '', focus: [], lastArrangement: null, stackPlaced: [], possessive: [], prevPossessive: [], toolHolds: undefined, grips: undefined, commaRests: undefined, columns: [], source: '', resolved: new Set(), unread: null, topics: [] };
  const clauses = withModifiersJoined(splitClauses(tokens));
  for (let c = 0; c < clauses.length; c++) {
    const inRow = rowOfPlaces(ctx, clauses, c);
    if (inRow > 0) {
      c += inRow - 1;
      continue;
    }
    const clause = clauses[c];
    ctx.source = sourceText(clause);
    // "…in front of the box, which is on the floor": a clause opened by 'which' is said of the one reference of the
    // side relation just before it, not of that clause's subject; "Carton 12 sits on carton 11, which sits on carton
    // 10": of the one reference of the support relation just before it.
    if (clause[0]?.kind === 'word' && clause[0].text === 'which') {
      if (ctx.lastTargets.length === 1) ctx.lastSubjects = [...ctx.lastTargets];
      else if (ctx.lastRefs.length === 1) ctx.lastSubjects = [...ctx.lastRefs];
    }
    ctx.prevTargets = ctx.lastTargets;
    ctx.lastTargets = [];
    ctx.prevRefs = ctx.lastRefs;
    ctx.lastRefs = [];
    ctx.prevPossessive = ctx.possessive;
    ctx.possessive = [];
    ctx.prevSubjects = [...ctx.lastSubjects];
    interpretClause(ctx, clause);
  }
  if (ctx.constraints.length === 0) {
    throw new ParseError(`no spatial relation found in ${quote(normalised)} (expected words such as above, on, left of, near, between, inside)`);
  }
  if (ctx.unread !== null) throw new ParseError(ctx.unread);
  for (const topic of ctx.topics) {
    if (!topic.names.every((n) => ctx.constraints.some((c) => c.subject === n || c.targets.includes(n)))) throw new ParseError(topic.message);
  }
  const toolHolds = ctx.toolHolds;
  if (toolHolds !== undefined && toolHolds.size > 0) {
    const contained = new Set(ctx.constraints.filter((c) => c.type === 'inside').map((c) => c.subject));
    ctx.constraints = ctx.constraints.filter((c) => !toolHolds.has(c) || !contained.has(c.targets[0]));
  }
  // "…in front of the box, which is on the floor": a support the comma rule gave gives way to one the user states.
  const commaRests = ctx.commaRests;
  if (commaRests !== undefined && commaRests.size > 0) {
    ctx.constraints = ctx.constraints.filter((c) => !commaRests.has(c) || !ctx.constraints.some((d) => d !== c && d.subject === c.subject && SUPPORT_TYPES.has(d.type)));
  }
  restOnLaterSupports(ctx);
  restBesideReferences(ctx);
  hangBetween(ctx);
  // A turn set after the solve ("facing the crib") must be the subject's only orientation: another one on it, or a
  // second object to face, contradicts it.
  for (const f of ctx.facings) {
    const turn = ctx.constraints.find((c) => c.subject === f.subject && (c.type === 'angle' || c.type === 'parallel' || c.type === 'perpendicular' || (c.type === 'aligned' && c.parameters.axis === undefined)));
    if (turn) throw new ParseError(`'${f.subject}' cannot both face '${f.target}' (in ${quote(f.source)}) and keep the orientation ${quote(turn.source)} sets`);
    const other = ctx.facings.find((g) => g.subject === f.subject && g.target !== f.target);
    if (other) throw new ParseError(`'${f.subject}' cannot face both '${f.target}' and '${other.target}'`);
  }
  // Entities referenced by no constraint (a noun read but never related) are dropped; a faced object is kept.
  const used = new Set<string>();
  for (const c of ctx.constraints) {
    used.add(c.subject);
    for (const t of c.targets) used.add(t);
  }
  for (const f of ctx.facings) used.add(f.target);
  const entities = registry.entities.filter((e) => used.has(e.name));
  // A container is sized to hold what the instruction puts in it: one the lexicon does not know (its default 8 cm
  // cube would make "the vial in the holder" impossible) silently, a known one whose default size cannot hold
  // its contents ("insert the pin into the housing": a 30 cm pin, a 10 cm housing) with a warning — default
  // sizes are guesses, and the instruction says the content fits (docs/CONVENTIONS.md).
  let contents: Map<string, string[]> | undefined;
  for (const c of ctx.constraints) {
    if (c.type === 'inside' && c.targets.length > 0) {
      contents ??= new Map();
      contents.set(c.targets[0], [...(contents.get(c.targets[0]) ?? []), c.subject]);
    }
  }
  if (contents !== undefined) for (const [container, inside] of contents) {
    const e = registry.get(container)!;
    const h = e.halfExtents;
    // A stack inside is one column: its members' widest footprint, their heights added.
    const held = inside.filter((n) => { const col = columnOf(ctx, n, inside); return !col || col[0] === n; }).map((n) => {
      const col = columnOf(ctx, n, inside);
      if (!col) return registry.get(n)!.halfExtents;
      const hs = col.map((m) => registry.get(m)!.halfExtents);
      return [Math.max(...hs.map((h) => h[0])), Math.max(...hs.map((h) => h[1])), hs.reduce((sum, h) => sum + h[2], 0)];
    });
    // Several held side by side stand in a grid of about as many columns as rows ("Load 5 parcels into the roll
    // cage": 3 × 2), which the solver can pack; one long single file left members no room to pass each other.
    const cols = Math.ceil(Math.sqrt(held.length));
    const rows = Math.ceil(held.length / cols);
    const need = held.length > 2
      ? [GRID_ROOM * cols * Math.max(...held.map((x) => x[0])), GRID_ROOM * rows * Math.max(...held.map((x) => x[1])), Math.max(...held.map((x) => x[2]))]
      : [held.reduce((sum, x) => sum + x[0], 0), Math.max(...held.map((x) => x[1])), Math.max(...held.map((x) => x[2]))];
    // A formation inside ("in a row in the rack") needs its own footprint along the axes its members spread on.
    const formed = ctx.containedFormations?.get(container);
    if (formed) for (let k = 0; k < 2; k++) need[k] = Math.max(need[k], formed[k]);
    if (isKnownKind(e.kind) && need.every((v, k) => v <= h[k])) continue;
    const before = [...h];
    for (let k = 0; k < 3; k++) h[k] = Math.max(h[k], CONTAINER_ROOM * need[k]);
    if (isKnownKind(e.kind) && h.some((v, k) => v !== before[k])) {
      ctx.warnings.push(`'${container}' enlarged to ${sizeText(h)} to hold ${inside.map((n) => `'${n}'`).join(', ')} (default sizes did not fit)`);
    }
  }
  // Supports grow to hold what is put on them, or refuse it (support-growth.ts).
  growSupports({ registry, constraints: ctx.constraints, formations: ctx.formations ?? NO_FORMATIONS, stated: ctx.stated ?? NO_STATED, formed: ctx.formed ?? NO_FORMED, warnings: ctx.warnings, instruction: normalised });
  // Floor-standing furniture that the instruction puts on, above or inside something is lifted off the floor.
  for (const c of ctx.constraints) {
    if ((c.type === 'on' || c.type === 'above' || c.type === 'inside') && c.targets.length > 0) {
      const e = registry.get(c.subject);
      if (e?.grounded) e.grounded = false;
    }
  }
  // Every relation names objects of this instruction (a fault in a reading is refused here, never left to the solver).
  for (const c of ctx.constraints) {
    for (let k = -1; k < c.targets.length; k++) {
      const n = k < 0 ? c.subject : c.targets[k];
      if (typeof n !== 'string' || !registry.has(n)) throw new ParseError(`cannot read ${quote(normalised)}: its '${c.type}' relation names no object of it`);
    }
  }
  const facings = ctx.facings.length === 0 ? ctx.facings : ctx.facings.filter((f, k) => ctx.facings.findIndex((g) => g.subject === f.subject) === k);
  // The facings assigned after the literal (not spread into it): the same keys in the same order, no spread copy.
  const spec: SceneSpec = { instruction: text, entities, constraints: ctx.constraints, warnings: ctx.warnings.length > 0 ? [...new Set(ctx.warnings)] : [] };
  if (facings.length > 0) spec.facings = facings;
  return spec;
}
