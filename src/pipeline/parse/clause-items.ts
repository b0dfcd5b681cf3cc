/**
 * Reads one clause's tokens into a flat list of items — verbs, noun phrases, quantities, relations, axes,
 * spacing, arrangement shapes and roles — that parse-instruction.ts then interprets.
 */
import { ParseError } from '../../errors.js';
import type { Axis, ConstraintType } from '../types.js';
import { COPULAS, FILLERS, NOUN_FORMS, NUMBER_WORDS, verbBase } from './lexicon.js';
import { isCardinalWord } from './number-words.js';
import { readSizeAfterNoun } from './stated-size.js';
import { checkCount, countThenPlural, labelledSubject, nounModifierAt, partsCountAt, readNounPhrase, thirdPersonVerb, type NounPhrase } from './entities.js';
import { readQuantity } from './quantities.js';
import { matchRelation } from './relations.js';
import type { Token } from './tokenize.js';
import { wordToken } from './word-classes.js';

export type Shape = 'row' | 'column' | 'stack' | 'pyramid' | 'grid' | 'circle' | 'polygon' | 'square';

export type Item =
  | { t: 'verb'; word: string }
  | { t: 'np'; np: NounPhrase; text: string }
  | { t: 'qty'; kind: 'length' | 'angle'; value: number; spacing: boolean; atLeast: boolean; measure?: 'radius' | 'diameter'; centres?: boolean; within?: boolean }
  | { t: 'rel'; type: ConstraintType; unary: boolean; phrase: string }
  | { t: 'axis'; axis: Axis; rotational: boolean }
  /** `reverse`: the members go in the opposite order to the one they were named in ("right to left", "top to bottom"). */
  | { t: 'shape'; shape: Shape; rows?: number; cols?: number; sides?: number; count?: number; reverse?: true }
  | { t: 'centre' }
  | { t: 'pick'; word: string }
  | { t: 'tool' }
  | { t: 'group'; relation: 'touching' | 'apart' }
  | { t: 'pose'; angle: number; axis: Axis; phrase: string }
  | { t: 'world' }
  | { t: 'role'; role: 'top' | 'base' | 'centre' }
  | { t: 'all' }
  /** `edges`: said of the objects' edges ("edges aligned", "with their edges flush"): read only for a stack. */
  | { t: 'aligned'; edges?: true };

const SHAPES = new Map<string, Shape>([
  ['row', 'row'], ['rows', 'row'], ['line', 'row'], ['lines', 'row'], ['column', 'column'], ['columns', 'column'],
  ['stack', 'stack'], ['tower', 'stack'], ['pile', 'stack'], ['pyramid', 'pyramid'], ['grid', 'grid'], ['array', 'grid'], ['matrix', 'grid'],
  ['circle', 'circle'], ['ring', 'circle'], ['circular', 'circle'], ['round', 'circle'], ['loop', 'circle'],
  ['triangle', 'polygon'], ['triangular', 'polygon'], ['square', 'square'], ['pentagon', 'polygon'], ['pentagonal', 'polygon'],
  ['hexagon', 'polygon'], ['hexagonal', 'polygon'], ['heptagon', 'polygon'], ['octagon', 'polygon'], ['octagonal', 'polygon'],
  ['polygon', 'polygon'], ['diamond', 'square'], ['quadrilateral', 'square'],
]);
/**
 * Orders said from one end to the other ("left to right", "from front to back", "bottom to top"): the formation and
 * axis the named members go along, first named at the first end; reversed when the first end is the far one.
 */
const ORDERS = new Map<string, { shape: Shape; axis?: Axis; reverse: boolean }>([
  ['left right', { shape: 'row', axis: 'x', reverse: false }], ['right left', { shape: 'row', axis: 'x', reverse: true }],
  ['front back', { shape: 'row', axis: 'y', reverse: false }], ['back front', { shape: 'row', axis: 'y', reverse: true }],
  ['bottom top', { shape: 'stack', reverse: false }], ['top bottom', { shape: 'stack', reverse: true }],
]);
/** Sides of the named polygons; other polygons take their member count. */
const SIDES = new Map<string, number>([
  ['triangle', 3], ['triangular', 3], ['square', 4], ['diamond', 4], ['quadrilateral', 4], ['pentagon', 5], ['pentagonal', 5],
  ['hexagon', 6], ['hexagonal', 6], ['heptagon', 7], ['octagon', 8], ['octagonal', 8],
]);
/** Words that are shapes only after an article or "in"/"form"/"as" (they are also nouns or adjectives). */
const AMBIGUOUS_SHAPES = new Set(['ring', 'round', 'square', 'circular', 'triangular', 'pentagonal', 'hexagonal', 'octagonal', 'loop', 'diamond']);
/** Verbs that take an object into the gripper: their object is what a following "it" means. */
export const PICK_VERBS = new Set(['pick', 'grasp', 'grab', 'take', 'lift', 'hold', 'retrieve', 'fetch', 'collect', 'grip', 'seize', 'clamp']);
/** Orientation modifiers that are honoured as an angle relative to the world: [words, angle, axis]. */
const POSES: [string[], number, Axis][] = [
  [['upside', 'down'], Math.PI, 'x'], [['facing', 'down'], Math.PI, 'x'], [['face', 'down'], Math.PI, 'x'], [['facedown'], Math.PI, 'x'],
  [['inverted'], Math.PI, 'x'], [['on', 'its', 'side'], Math.PI / 2, 'x'], [['on', 'their', 'side'], Math.PI / 2, 'x'],
  [['on', 'their', 'sides'], Math.PI / 2, 'x'], [['lying', 'on', 'its', 'side'], Math.PI / 2, 'x'],
  [['upright'], 0, 'x'], [['facing', 'up'], 0, 'x'], [['face', 'up'], 0, 'x'], [['right', 'side', 'up'], 0, 'x'],
  [['facing', 'forward'], 0, 'z'], [['facing', 'forwards'], 0, 'z'], [['facing', 'the', 'front'], 0, 'z'], [['facing', 'front'], 0, 'z'],
  [['facing', 'right'], Math.PI / 2, 'z'], [['facing', 'the', 'right'], Math.PI / 2, 'z'], [['facing', 'left'], -Math.PI / 2, 'z'],
  [['facing', 'the', 'left'], -Math.PI / 2, 'z'], [['facing', 'backward'], Math.PI, 'z'], [['facing', 'backwards'], Math.PI, 'z'],
  [['facing', 'back'], Math.PI, 'z'], [['facing', 'the', 'back'], Math.PI, 'z'],
  // A view or pointing direction ("looking down", "pointing left", "aimed up") turns the front (−y), the view axis:
  // down (−z) is 90° about x, up (+z) −90°; sideways as "facing".
  ...['looking', 'pointing', 'pointed', 'aiming', 'aimed'].flatMap((v): [string[], number, Axis][] => [
    [[v, 'down'], Math.PI / 2, 'x'], [[v, 'downward'], Math.PI / 2, 'x'], [[v, 'downwards'], Math.PI / 2, 'x'], [[v, 'straight', 'down'], Math.PI / 2, 'x'],
    [[v, 'up'], -Math.PI / 2, 'x'], [[v, 'upward'], -Math.PI / 2, 'x'], [[v, 'upwards'], -Math.PI / 2, 'x'], [[v, 'straight', 'up'], -Math.PI / 2, 'x'],
    [[v, 'forward'], 0, 'z'], [[v, 'forwards'], 0, 'z'], [[v, 'left'], -Math.PI / 2, 'z'], [[v, 'right'], Math.PI / 2, 'z'],
    [[v, 'back'], Math.PI, 'z'], [[v, 'backward'], Math.PI, 'z'], [[v, 'backwards'], Math.PI, 'z'],
  ]),
];
/** Words that say a row or formation is even: it always is (members are evenly placed by construction). */
const EVENNESS = new Set(['space', 'spacing', 'equal', 'even', 'evenly', 'equally', 'uniform', 'uniformly', 'regular', 'regularly', 'straight', 'neat', 'neatly', 'tidy', 'spaced', 'distributed', 'together', 'shape', 'formation', 'pattern', 'arrangement', 'layout']);
/** "in the middle of", "at the centre of", "in the center of": on the reference, centred (the default of on). */
const MIDDLE = new Set(['middle', 'centre', 'center']);
const AXES = new Map<string, Axis>([['x', 'x'], ['y', 'y'], ['z', 'z'], ['x-axis', 'x'], ['y-axis', 'y'], ['z-axis', 'z'], ['horizontal', 'x'], ['vertical', 'z']]);
/** Words that, before a number, label a location on a work sheet ("position 3", "pos. 2"). */
const LOCATION_LABELS = new Set(['position', 'pos', 'location', 'loc']);
const SPACING_AFTER = new Set(['spacing', 'apart', 'gap', 'gaps', 'intervals', 'interval', 'pitch', 'spaced', 'between', 'clearance']);
const SPACING_BEFORE = new Set(['spacing', 'spaced', 'gap', 'gaps', 'pitch', 'intervals', 'separation', 'every', 'clearance']);
/** Nouns of "D of space between them". */
const SPACE_NOUNS = new Set(['space', 'gap', 'clearance', 'room', 'spacing', 'separation']);

const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);
/** Verbs of joining: "to" after them is contact ("attach A to B", "A connects to B", "A is bolted to B"). */
const JOIN_VERBS = new Set(['attach', 'connect', 'join', 'fix', 'fasten', 'clip', 'weld', 'glue', 'mount', 'secure', 'clamp', 'dock', 'bolt', 'screw']);
/** Past forms of nouns that are joining verbs ("bolted", "screwed"): they are no verb forms in the lexicon. */
const JOIN_PARTICIPLES = new Set(['bolted', 'bolts', 'screwed', 'screws', 'taped', 'tapes', 'riveted', 'rivets', 'pinned', 'pins', 'strapped', 'straps', 'coupled', 'couples']);

/** Whether a plural or counted object at k is followed by a distance and "apart" ("the two rails 300 mm apart"). */
function spacedObjectAfter(tokens: Token[], k: number): boolean {
  const np = readNounPhrase(tokens, k, true);
  if (np === null || np.np.pronoun !== undefined || !(np.np.plural || (np.np.count ?? 0) > 1)) return false;
  const qty = readQuantity(tokens, np.next);
  return qty !== null && qty.kind === 'length' && word(tokens, np.next + qty.length) === 'apart';
}

/** Whether tokens[i] is "to" after a verb of joining earlier in the tokens ("connect the cable to the camera"). */
export function joinsAt(tokens: Token[], i: number): boolean {
  if (word(tokens, i) !== 'to' || matchRelation(tokens, i) !== null) return false;
  for (let k = i - 1; k >= 0; k--) {
    const w = word(tokens, k);
    if (w === undefined) continue;
    if (JOIN_PARTICIPLES.has(w) || JOIN_VERBS.has(verbBase(w) ?? '') || (k === 0 && JOIN_VERBS.has(w))) return true;
  }
  return false;
}

/** Whether the clause's last verb (or a joining participle among the last words) is a verb of joining. */
function lastVerbJoins(items: Item[]): boolean {
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    if (it.t === 'verb') return JOIN_VERBS.has(it.word) || JOIN_PARTICIPLES.has(it.word);
    if (it.t === 'rel') return false;
  }
  return false;
}

/** Kinds and words that hold what "of" names after them ("the box of screws", "a bag of flour", "a tray of samples"). */
const HOLDER_KINDS = new Set(['box', 'bin', 'crate', 'tray', 'basket', 'bottle', 'cup', 'mug', 'bowl', 'plate', 'can', 'glass', 'package', 'parcel', 'pallet',
  'bag', 'sack', 'pack', 'packet', 'roll', 'tub', 'jug', 'bundle', 'kit', 'jar', 'bucket', 'carton', 'case', 'pot', 'flask', 'beaker', 'vial', 'tube', 'tote']);

/** Verbs of moving an object somewhere: "to" + an object after them is its destination ("move the box to the shelf"). */
export const MOVE_VERBS = new Set(['move', 'bring', 'take', 'return', 'send', 'carry', 'transfer', 'deliver', 'shift', 'relocate', 'transport', 'ship', 'convey', 'hand', 'pass', 'slide', 'push', 'drag', 'lift', 'put', 'place', 'set']);
/** Head nouns of places, not things: what is moved "to" them stands beside them ("move the cart to dock 2"). */
const PLACE_HEADS = new Set(['dock', 'station', 'door', 'wall', 'area', 'zone', 'bay', 'corner', 'window', 'entrance', 'exit', 'gate', 'aisle', 'room', 'lane', 'spot', 'doorway', 'hallway', 'garage', 'office', 'kitchen', 'bathroom', 'bedroom', 'lab', 'warehouse', 'cell', 'line']);
/** Kinds that hold what is brought to them: the destination is inside them ("bring the cup to the sink"). */
const CONTAINER_KINDS = new Set(['bin', 'basket', 'bowl', 'sink', 'cup', 'mug', 'container', 'crate', 'tube_rack', 'rotor', 'fridge', 'oven', 'microwave', 'dishwasher', 'incubator', 'centrifuge']);

/** Whether the clause's last verb (or pick verb) is a verb of moving, with no relation since. */
function lastVerbMoves(items: Item[]): boolean {
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    if (it.t === 'verb' || it.t === 'pick') return MOVE_VERBS.has(it.word);
    if (it.t === 'rel') return false;
  }
  return false;
}

/** Nouns that are also verbs of putting away ("box the cups", "crate 4 bins"). */
const NOUN_VERBS = new Set(['box', 'crate', 'file', 'stock', 'bag', 'bin', 'bottle', 'can', 'shelve', 'rack', 'tray', 'pallet']);

/** Nouns of a small amount that, after 'a' and before a relation, hedge it ("a bit left of", "a tad behind"). */
const HEDGE_NOUNS = new Set(['bit', 'tad']);

/** Parts of an object that "along" may name before "of": the object itself ("along the edge of the bench"). */
const ALONG_PARTS = new Set(['edge', 'length', 'side', 'front', 'back', 'rear', 'top', 'middle', 'centre', 'center', 'surface']);
/** Kinds with a top that things are set out along: "along the shelf" is on it. */
const SURFACE_KINDS = new Set(['table', 'workbench', 'desk', 'conveyor', 'shelf', 'rack', 'pallet', 'cart', 'trolley', 'dolly', 'base_plate', 'base_frame', 'tray', 'board', 'plank', 'beam', 'bed', 'sofa']);

/** Hedges before a length ("within about 40 cm"): the length is read as written. */
const APPROXIMATELY = new Set(['about', 'approximately', 'approx', 'roughly', 'around', 'some', 'circa', 'ca']);

/** Words that may start a quantity ("a", "half", "two" …): readQuantity is tried at them. */
const QUANTITY_WORDS = new Set(['a', 'an', 'half', 'quarter', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'thirty', 'forty', 'fifty']);

/** The texts of tokens[from, to) joined by single spaces. */
function joinText(tokens: Token[], from: number, to: number): string {
  let out = tokens[from].text;
  for (let k = from + 1; k < to; k++) out += ` ${tokens[k].text}`;
  return out;
}

/** "(with) (their|the) edges" at i: where the words after it start, or null. */
function edgesAt(tokens: Token[], i: number): { next: number } | null {
  let k = i;
  if (word(tokens, k) === 'with') k++;
  const owner = word(tokens, k);
  if (owner === 'their' || owner === 'the') k++;
  const w = word(tokens, k);
  return w === 'edges' || w === 'edge' ? { next: k + 1 } : null;
}

/** The objects just named, as "they" reads. */
const THEY = readNounPhrase([wordToken('they')], 0, true)!;

function word(tokens: Token[], i: number): string | undefined {
  // A negative index is no element: V8 reads it as a named property, up the prototype chain (many times slower).
  if (i < 0) return undefined;
  const t = tokens[i];
  return t?.kind === 'word' || t?.kind === 'sym' ? t.text : undefined;
}

/** Reads an axis at i ("the x-axis", "x axis", "z"), returning it and the tokens consumed. */
function readAxis(tokens: Token[], i: number): { axis: Axis; next: number } | null {
  let j = i;
  if (word(tokens, j) === 'the') j++;
  const w = word(tokens, j);
  const axis = w ? AXES.get(w) : undefined;
  if (!axis) return null;
  j++;
  if (word(tokens, j) === 'axis' || word(tokens, j) === 'direction') j++;
  return { axis, next: j };
}

/** Adjectives that may stand before an arrangement word ("a straight line", "a neat row"). */
const SHAPE_ADJECTIVES = new Set(['straight', 'single', 'neat', 'tidy', 'perfect', 'regular', 'even', 'tight', 'long', 'short', 'small', 'large', 'big', 'wide', 'evenly', 'equally', 'spaced', 'circular', 'horizontal', 'equilateral', 'equal-sided']);

/** The index of the shape word at k after describing words of arrangements ("an equilateral triangle"), or -1. */
function shapeAfterAdjectives(tokens: Token[], k: number): number {
  let j = k;
  while (SHAPE_ADJECTIVES.has(word(tokens, j) ?? '') && !SHAPES.has(word(tokens, j) ?? '')) j++;
  return SHAPES.has(word(tokens, j) ?? '') ? j : -1;
}

/** Words naming a polygon's corners ("at the corners of a square"). */
const CORNER_WORDS = new Set(['corners', 'vertices', 'points', 'apexes', 'apices', 'tips']);

/** The word before i, skipping adjectives of arrangements. */
function wordBefore(tokens: Token[], i: number): string | undefined {
  let k = i - 1;
  while (k >= 0 && SHAPE_ADJECTIVES.has(word(tokens, k) ?? '')) k--;
  return word(tokens, k);
}

/** Sides named after a possessive ("to its left", "on their right", "to its rear"). */
/**
 * "the left side of the cabinet", "the back of the rack", "the right-hand side of X" at i (after a contact
 * relation): the side, where its reference begins, and the reference's noun phrase; or null.
 */
function sideFaceOf(tokens: Token[], i: number): { side: ConstraintType; at: number; np: { np: NounPhrase; next: number } } | null {
  let k = i;
  if (word(tokens, k) === 'the') k++;
  const side = POSSESSIVE_SIDES.get((word(tokens, k) ?? '').replace(/-hand$/, ''));
  if (side === undefined) return null;
  k++;
  if (word(tokens, k) === 'hand') k++;
  if (['side', 'face', 'end', 'edge', 'wall', 'panel'].includes(word(tokens, k) ?? '')) k++;
  if (word(tokens, k) !== 'of') return null;
  const np = readNounPhrase(tokens, k + 1, true);
  // "the left side of it": a pronoun is resolved once per mention, so it is not read twice here (the clause fails).
  return np === null || np.np.pronoun !== undefined ? null : { side, at: k + 1, np };
}

const POSSESSIVE_SIDES = new Map<string, ConstraintType>([['left', 'left'], ['right', 'right'], ['front', 'front'], ['rear', 'behind'], ['back', 'behind']]);

/** "each other", "one another" at i. */
function isEachOther(tokens: Token[], i: number): boolean {
  return (word(tokens, i) === 'each' && word(tokens, i + 1) === 'other') || (word(tokens, i) === 'one' && word(tokens, i + 1) === 'another');
}

/** Words before a plural noun after "between" that name a group's neighbours ("between neighbouring tubes"). */
const NEIGHBOUR_WORDS = new Set(['neighbouring', 'neighboring', 'adjacent', 'consecutive', 'successive', 'each', 'every']);

/**
 * How many words at k name the members of the clause's own group after "between" (0 when none): "them", "each
 * other", "one another", "each one", "neighbours", "neighbouring tubes", "adjacent bins", "each tube" ("between the two
 * brackets" names references of their own: "leave 2 cm between the two brackets").
 */
function groupAfterBetween(tokens: Token[], k: number): number {
  const w = word(tokens, k);
  // "with 50 cm between each" (nothing after it): each of them.
  const end = tokens[k + 1] === undefined || tokens[k + 1].kind === 'sep';
  if (w === 'them' || w === 'neighbours' || w === 'neighbors' || (w === 'each' && end)) return 1;
  if (isEachOther(tokens, k) || (w === 'each' && word(tokens, k + 1) === 'one')) return 2;
  // "between each pair (of tubes)": the neighbours.
  if (w === 'each' && word(tokens, k + 1) === 'pair') {
    if (word(tokens, k + 2) !== 'of') return 2;
    const of = readNounPhrase(tokens, k + 3, true);
    return of !== null && of.np.plural ? of.next - k : 2;
  }
  // "between one bin and the next".
  if (w === 'one') {
    const one = readNounPhrase(tokens, k + 1, true);
    const at = one !== null && !one.np.plural && one.np.pronoun === undefined ? one.next : -1;
    if (at > 0 && word(tokens, at) === 'and' && word(tokens, at + 1) === 'the' && word(tokens, at + 2) === 'next') {
      const again = readNounPhrase(tokens, at + 3, true);
      return (again !== null && again.np.kind === one!.np.kind ? again.next : at + 3) - k;
    }
  }
  if (!NEIGHBOUR_WORDS.has(w ?? '')) return 0;
  const np = readNounPhrase(tokens, k + 1, true);
  if (np === null || np.np.pronoun !== undefined || np.np.label !== undefined || np.np.numbers !== undefined) return 0;
  // A plural noun ("the tubes", "neighbouring bins"), or a singular after "each"/"every" ("each tube").
  const each = w === 'each' || w === 'every';
  return np.np.plural || each ? np.next - k : 0;
}

/** A shape word that is also a noun or adjective ("ring", "square") is a shape after an article, "in", "form", "as". */
function shapeContext(tokens: Token[], i: number): boolean {
  let b = i - 1;
  while (b >= 0 && SHAPE_ADJECTIVES.has(word(tokens, b) ?? '') && word(tokens, b) !== word(tokens, i)) b--;
  const before = word(tokens, b);
  const before2 = word(tokens, b - 1);
  const after = word(tokens, i + 1);
  if (after === 'of' || after === 'shape' || after === 'formation' || after === 'pattern' || after === 'arrangement' || after === 'layout') return true;
  return (before === 'a' || before === 'an') && (before2 === 'in' || before2 === 'into' || before2 === 'form' || before2 === 'forming' || before2 === 'as' || before2 === 'make' || before2 === 'making' || (before2 === 'of' && CORNER_WORDS.has(word(tokens, b - 2) ?? '')))
    || before === 'in' || before === 'into' || before === 'form' || before === 'forming';
}

/**
 * POSES by their first word, in POSES' order: only the poses that start with the word read are tried (a word such as
 * "on" or "right" opens a few of them; trying all of them cost more than the rest of the clause's reading).
 */
const POSES_BY_START = new Map<string, [string[], number, Axis][]>();
for (const pose of POSES) {
  const list = POSES_BY_START.get(pose[0][0]);
  if (list === undefined) POSES_BY_START.set(pose[0][0], [pose]);
  else list.push(pose);
}
const POSE_STARTS: ReadonlySet<string> = new Set(POSES_BY_START.keys());

/** Whether the words of a pose stand at i. */
function poseAt(tokens: Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (word(tokens, i + k) !== words[k]) return false;
  return true;
}

/** An orientation modifier at i ("upside down", "facing left", "on its side"), or null. */
export function matchPose(tokens: Token[], i: number): { angle: number; axis: Axis; phrase: string; length: number } | null {
  const first = word(tokens, i);
  const poses = first === undefined ? undefined : POSES_BY_START.get(first);
  if (poses === undefined) return null;
  for (let p = 0; p < poses.length; p++) {
    const [words, angle, axis] = poses[p];
    if (poseAt(tokens, i, words)) return { angle, axis, phrase: words.join(' '), length: words.length };
  }
  return null;
}

const CENTRE_WORDS = new Set(['centre', 'center', 'centres', 'centers']);

/** Nouns naming a polygon formation's side ("per side", "side length", "sides of 8 cm"). */
const SIDE_NOUNS = new Set(['side', 'sides', 'edge', 'edges']);

/** Tokens after a length that name it a polygon's side: "per side", "a side", "on a side", "each side", "on each side", "sides" ("50 cm sides"). */
function sideWordsAfter(tokens: Token[], k: number): number {
  const a = word(tokens, k);
  if (a === 'sides' || (a === 'side' && word(tokens, k + 1) !== 'by')) return a === 'side' && word(tokens, k + 1) === 'length' ? 2 : 1;
  if ((a === 'per' || a === 'a' || a === 'each') && word(tokens, k + 1) === 'side') return 2;
  if (a === 'on' && (word(tokens, k + 1) === 'a' || word(tokens, k + 1) === 'each') && word(tokens, k + 2) === 'side') return 3;
  return 0;
}

/** How many words at i say "centre to centre" ("centre to centre", "center-to-center", "c/c", "on centres"), or 0. */
export function centreToCentre(tokens: Token[], i: number): number {
  const w = word(tokens, i);
  if (w === 'centre-to-centre' || w === 'center-to-center') return 1;
  if (CENTRE_WORDS.has(w ?? '') && word(tokens, i + 1) === 'to' && CENTRE_WORDS.has(word(tokens, i + 2) ?? '')) return 3;
  if (w === 'on' && CENTRE_WORDS.has(word(tokens, i + 1) ?? '')) return 2;
  if (w === 'c' && tokens[i + 1]?.text === '/' && word(tokens, i + 2) === 'c') return 3;
  // "25 mm between centres"; "on 30 mm centres", "at 40 mm centers" (the plural alone after the length).
  if (w === 'between' && (word(tokens, i + 1) === 'centres' || word(tokens, i + 1) === 'centers')) return 2;
  // "1 m between their centres", "between the centres", "between the centers".
  if (w === 'between' && ['their', 'the'].includes(word(tokens, i + 1) ?? '') && (word(tokens, i + 2) === 'centres' || word(tokens, i + 2) === 'centers')) return 3;
  if (w === 'centres' || w === 'centers') return 1;
  return 0;
}

/** Whether "centre-to-centre distance (of)" ("centre to centre spacing", "c/c distance of") ends just before i. */
export function centreDistanceEndsAt(tokens: Token[], i: number): boolean {
  let k = word(tokens, i - 1) === 'of' ? i - 2 : i - 1;
  if (!['distance', 'spacing', 'separation', 'gap'].includes(word(tokens, k) ?? '')) return false;
  for (const n of [1, 3]) if (k - n >= 0 && centreToCentre(tokens, k - n) === n) return true;
  return false;
}

/** Whether the tokens from i name a noun (after optional adjectives): the number before them is a count. */
function countsNoun(tokens: Token[], i: number): boolean {
  const r = readNounPhrase(tokens, i, true);
  return r !== null && r.np.pronoun === undefined && r.np.kind !== '';
}

function nounAfter(tokens: Token[], i: number): string {
  const r = readNounPhrase(tokens, i, true);
  return r ? tokens.slice(i, r.next).map((x) => x.text).join(' ') : '';
}

/** Words after "or" that make a length a lower bound ("30 cm or more") or an upper bound ("10 cm or less"). */
const OR_MORE = new Set(['more', 'further', 'farther', 'greater', 'longer']);
const OR_LESS = new Set(['less', 'closer', 'nearer', 'shorter']);

const ARTICLES = new Set(['a', 'an', 'the']);
/** Link words a clause passes over without calling them unknown. */
const PASSED_OVER = new Set(['and', 'or', 'with', 'by', 'for', 'as', 'at', 'from', 'of', 'using', 'into', 'in', 'precise', 'precisely', 'sequence', 'orientation', 'radius', 'diameter']);

/** Particles a verb of placing or lining up takes after it ("line up", "set down", "spread out"), and those verbs. */
const VERB_PARTICLES = new Set(['up', 'out', 'down', 'off']);
const PARTICLE_VERBS = new Set(['line', 'stand', 'set', 'lay', 'put', 'spread', 'space']);

/** Whether a word may start a quantity ("five", "twenty-one", "half", a unit word …), cached by word (the lexicon is fixed). */
function startsQuantity(w: string): boolean {
  let starts = STARTS_QUANTITY.get(w);
  if (starts === undefined) {
    starts = QUANTITY_WORDS.has(w) || NUMBER_WORDS.has(w) || isCardinalWord(w) || (w.includes('-') && NUMBER_WORDS.has(w.slice(0, w.indexOf('-'))));
    if (STARTS_QUANTITY.size >= 10_000) STARTS_QUANTITY.clear();
    STARTS_QUANTITY.set(w, starts);
  }
  return starts;
}
const STARTS_QUANTITY = new Map<string, boolean>();

/**
 * The groups of readItems' phrases before its relations, each with the words that may start one of its phrases
 * (compared with the word itself, or a set it must be in; verb forms, quantity words and "-gon" words are added in
 * wordGroups): a group none of whose words is the one read is passed over whole.
 */
const GROUP_TRIGGERS: ReadonlySet<string>[] = [
  // turns: a noun verb opening the clause, clockwise words, "centres", side nouns.
  new Set(['clockwise', 'cw', 'counterclockwise', 'anticlockwise', 'ccw', 'centres', 'centers', ...NOUN_VERBS, ...SIDE_NOUNS]),
  // quantities: quantity words, number words (numbers and other tokens take every group).
  new Set(NUMBER_WORDS.keys()),
  // places: location labels, "down", poses, floor, middles, centred, around.
  new Set([...LOCATION_LABELS, 'down', ...POSE_STARTS, 'floor', 'ground', 'in', 'at', 'centred', 'centered', 'around', 'round', 'surrounding', 'encircling']),
  // groups: "one on top of the other", edges, contact, orders ("from the left to the right"), side by side, apart, each other.
  new Set(['one', 'with', 'their', 'the', 'edges', 'edge', 'in', 'touching', 'touch', 'from', 'left', 'right', 'front', 'back', 'bottom', 'top', 'side',
    'apart', 'separated', 'spread', 'each']),
  // picks: verbs of joining opening the clause (verb forms are added).
  new Set(JOIN_VERBS),
  // measures: tools, centre to centre, radius, bounds, angles, within.
  new Set(['with', 'using', 'by', 'centre-to-centre', 'center-to-center', ...CENTRE_WORDS, 'on', 'c', 'between', 'radius', 'diameter', 'at', 'no', 'not',
    'angle', ...ARTICLES, 'up', 'less', 'fewer', 'max', 'maximum', 'within']),
  // shapes: axes, formations, shape words and their adjectives, tops and bases.
  new Set(['along', 'about', 'around', 'on', 'in', ...AXES.keys(), ...ARTICLES, 'at', ...SHAPE_ADJECTIVES, ...SHAPES.keys(), 'forming', 'form', 'as']),
  // links: all, aligned, possessive sides, joining, sources and destinations, where, frames, along, hedges, centres.
  new Set(['all', 'everything', 'everyone', 'each', 'aligned', 'alignment', 'level', 'to', 'on', 'at', ...JOIN_VERBS, ...JOIN_PARTICIPLES, 'from', 'over',
    'back', 'across', 'down', 'where', 'make', 'check', 'verify', 'confirm', 'ensure', 'along', 'a']),
];
const QUANTITY_GROUP = 1 << 1;
const GROUPS_OF_VERBS = (1 << 3) | (1 << 4);
const SHAPE_GROUP = 1 << 6;
const ALL_GROUPS = (1 << GROUP_TRIGGERS.length) - 1;

/** The groups of readItems' phrases that a word may start (a bit each; 0: none), cached by word (the lexicon is fixed). */
function wordGroups(w: string): number {
  let groups = WORD_GROUPS.get(w);
  if (groups === undefined) {
    groups = 0;
    for (let g = 0; g < GROUP_TRIGGERS.length; g++) if (GROUP_TRIGGERS[g].has(w)) groups |= 1 << g;
    if (startsQuantity(w)) groups |= QUANTITY_GROUP;
    if (verbBase(w) !== undefined) groups |= GROUPS_OF_VERBS;
    if (w.endsWith('gon')) groups |= SHAPE_GROUP;
    if (WORD_GROUPS.size >= 10_000) WORD_GROUPS.clear();
    WORD_GROUPS.set(w, groups);
  }
  return groups;
}
const WORD_GROUPS = new Map<string, number>();

/**
 * The words after "the" that let it start one of the phrases before relations (it starts none otherwise, and is
 * passed over to noun phrases at once): an edge ("the edges aligned"), an angle ("the angle of 30 degrees"), an
 * order's first end ("the left to the right") or a shape ("the row", "in the circle"). A phrase added to the groups
 * that "the" may start needs its second word here.
 */
const THE_OPENS: ReadonlySet<string> = new Set(['edges', 'edge', 'angle', ...[...ORDERS.keys()].map((k) => k.split(' ')[0]), ...SHAPES.keys()]);

/** "slide 1", "stage A", "press #3": whether a label follows position i. */
function labelNext(tokens: Token[], i: number): boolean {
  return tokens[i + 1]?.kind === 'num' || /^[a-z]$/.test(word(tokens, i + 1) ?? '') || (tokens[i + 1]?.kind === 'sym' && tokens[i + 1].text === '#');
}

/** Items of a clause; `unknown` collects words that were passed over. */
export function readItems(tokens: Token[]): { items: Item[]; unknown: string[] } {
  const items: Item[] = [];
  const unknown: string[] = [];
  let i = 0;
  let atLeast = false;
  /** "at most", "no more than", "up to", "less than", "max" before a length: an upper bound (the qty's `within`). */
  let atMost = false;
  /** "clockwise" before its angle ("clockwise by 90 degrees"): the sign the next angle takes. */
  let sense: { sign: number; word: string } | undefined;
  /** The row that "along the shelf" lines a group up in, unless the clause names a formation of its own. */
  let alongRow: Item | undefined;
  while (i < tokens.length) {
    const t = tokens[i];
    const w = word(tokens, i);
    const prev = items.length > 0 ? items[items.length - 1] : undefined;
    // The phrases before relations, in groups: a word goes only through the groups it may start (wordGroups); one
    // that starts none goes straight to relations and noun phrases. A phrase added to a group needs the words that
    // start it in that group's GROUP_TRIGGERS, or it is never tried. "the" (the commonest word) starts one only before
    // a word of THE_OPENS.
    let pickBase: string | undefined;
    let objectOfVerb = false;
    special: {
      const groups = t.kind !== 'word' ? ALL_GROUPS : t.text === 'the' && !THE_OPENS.has(word(tokens, i + 1) ?? '') ? 0 : wordGroups(t.text);
      if (groups === 0) break special;
      turns: {
        if ((groups & 1) === 0) break turns;
        // "Box 2 cups on the tray", "Crate 4 bins on the pallet", "File 3 boxes on the shelf": a noun that is also a verb
        // of putting away, opening the clause before a count of at least 2 and a plural that is no verb ("Crate 3 holds
        // 2 bins" keeps crate 3), is the verb and the count.
        if (i === 0 && w !== undefined && NOUN_VERBS.has(w) && countThenPlural(tokens, 1) && !thirdPersonVerb(tokens, 2) && (NOUN_FORMS.has(word(tokens, 2) ?? '') || verbBase(word(tokens, 2) ?? '') === undefined)) {
          items.push({ t: 'verb', word: w });
          i++;
          continue;
        }
        // "90° clockwise" (seen from the axis' positive end, from above for z): a negative rotation; "anticlockwise",
        // "counterclockwise": positive. With no angle in the clause the word is not honoured (the clause fails).
        const turn = w === undefined ? undefined : w === 'clockwise' || w === 'cw' ? -1 : w === 'counterclockwise' || w === 'anticlockwise' || w === 'ccw' ? 1 : undefined;
        if (turn !== undefined) {
          if (prev?.t === 'qty' && prev.kind === 'angle') prev.value = turn * Math.abs(prev.value);
          else sense = { sign: turn, word: w! };
          i++;
          continue;
        }

        // "centres 3 cm apart", "with centers 40 mm apart": the spacing after the word is measured between centres.
        if ((w === 'centres' || w === 'centers') && readQuantity(tokens, i + 1)?.kind === 'length') {
          i++;
          continue;
        }

        // "side length 8 cm", "with sides of 50 cm", "each side 8 cm": after a polygon or square formation, the words
        // naming the side before its length (read with the length below).
        if (SIDE_NOUNS.has(w ?? '') && items.some((it) => it.t === 'shape' && (it.shape === 'polygon' || it.shape === 'square'))) {
          let k = i + 1;
          if (word(tokens, k) === 'length' || word(tokens, k) === 'lengths') k++;
          if (word(tokens, k) === 'of') k++;
          if (readQuantity(tokens, k)?.kind === 'length') {
            i = k;
            continue;
          }
        }
      }
      quantities: {
        if ((groups & 2) === 0) break quantities;
        // Quantities (and "R by C" grid sizes).
        if (t.kind === 'num' || (w && startsQuantity(w))) {
          const q = readQuantity(tokens, i);
          if (q) {
            const before = word(tokens, i - 1);
            // "4 cm of space between them", "5 mm of clearance": the words after "of" name the spacing.
            const ofSpace = q.kind === 'length' && word(tokens, i + q.length) === 'of' && SPACE_NOUNS.has(word(tokens, i + q.length + 1) ?? '');
            // "20 cm of clearance from the fridge": a clearance from a reference is a lower bound on the gap to it.
            if (ofSpace && word(tokens, i + q.length + 2) === 'from') {
              items.push({ t: 'qty', kind: q.kind, value: q.value, spacing: false, atLeast: true });
              atLeast = false;
              atMost = false;
              i += q.length + 2;
              continue;
            }
            // Tokens of the quantity; "of space" then counts as its spacing word (passed over below like "gap").
            // "30 cm or more from", "2 m or further", "20 cm or more apart": a lower bound; "10 cm or less", "or closer":
            // an upper bound (the words are read with the quantity).
            const orBound = q.kind === 'length' && !ofSpace && word(tokens, i + q.length) === 'or' ? word(tokens, i + q.length + 1) ?? '' : '';
            const orMore = OR_MORE.has(orBound);
            const orLess = OR_LESS.has(orBound);
            const qLen = ofSpace ? q.length + 1 : orMore || orLess ? q.length + 2 : q.length;
            const after = ofSpace ? 'gap' : word(tokens, i + qLen);
            const betweenThem = after === 'between' && groupAfterBetween(tokens, i + qLen + 1) > 0;
            // "20 mm centre to centre", "25 mm c/c", "30 cm on centres", "a 15 mm pitch": the spacing between centres.
            // "8 cm per side", "8 cm on a side", "with 50 cm sides", "side length 8 cm", "sides of 8 cm": after a polygon or
            // square formation, the side, i.e. the spacing between neighbouring members' centres.
            const polygonal = q.kind === 'length' && items.some((it) => it.t === 'shape' && (it.shape === 'polygon' || it.shape === 'square'));
            const sideAfter = polygonal ? sideWordsAfter(tokens, i + qLen) : 0;
            const sideBefore = polygonal && sideAfter === 0 && (((before === 'length' || before === 'lengths') && SIDE_NOUNS.has(word(tokens, i - 2) ?? ''))
              || SIDE_NOUNS.has(before ?? '') || (before === 'of' && (SIDE_NOUNS.has(word(tokens, i - 2) ?? '') || ((word(tokens, i - 2) === 'length' || word(tokens, i - 2) === 'lengths') && SIDE_NOUNS.has(word(tokens, i - 3) ?? '')))));
            const centreWords = q.kind === 'length' ? (sideAfter || centreToCentre(tokens, i + qLen)) : 0;
            // "1.5 m apart, centre to centre": the words after "apart" (passed over below with it).
            const apartCentres = q.kind === 'length' && centreWords === 0 && after === 'apart' ? centreToCentre(tokens, i + qLen + 1) : 0;
            const centresBefore = q.kind === 'length' && (before === 'centres' || before === 'centers');
            const centreDistance = q.kind === 'length' && centreDistanceEndsAt(tokens, i);
            const pitchWord = q.kind === 'length' && (after === 'pitch' || before === 'pitch' || (before === 'of' && word(tokens, i - 2) === 'pitch'));
            const spacing = q.kind === 'length' && (centreWords > 0 || centreDistance || sideBefore || betweenThem || (centresBefore && after !== undefined && SPACING_AFTER.has(after)) || (after !== undefined && SPACING_AFTER.has(after) && after !== 'between') || (before !== undefined && SPACING_BEFORE.has(before)) || (word(tokens, i - 2) !== undefined && SPACING_BEFORE.has(word(tokens, i - 2)!) && before === 'of'));
            // "a ring around the pillar, one metre out" ("out from it", "at 1 m"): after a ring or polygon, the radius.
            const ringed = items.some((it) => it.t === 'shape' && (it.shape === 'circle' || it.shape === 'polygon' || it.shape === 'square'));
            const outward = q.kind === 'length' && ringed && (after === 'out' || (before === 'at' && (after === undefined || tokens[i + qLen]?.kind === 'sep')));
            const measure = q.kind !== 'length' ? undefined : outward || before === 'radius' || after === 'radius' || (before === 'of' && word(tokens, i - 2) === 'radius') ? 'radius'
              : before === 'diameter' || after === 'diameter' || (before === 'of' && word(tokens, i - 2) === 'diameter') ? 'diameter' : undefined;
            const signed = q.kind === 'angle' && sense ? sense.sign * Math.abs(q.value) : q.value;
            if (q.kind === 'angle') sense = undefined;
            // "leaving 50 cm clear": a clearance, at least that much.
            const clear = q.kind === 'length' && !spacing && after === 'clear' && word(tokens, i + qLen + 1) !== 'of';
            items.push({ t: 'qty', kind: q.kind, value: signed, spacing: spacing && measure === undefined, atLeast: atLeast || orMore || clear, ...(measure ? { measure } : {}), ...(centreWords > 0 || centreDistance || sideBefore || apartCentres > 0 || pitchWord || (centresBefore && spacing) ? { centres: true } : {}), ...((atMost || orLess) && q.kind === 'length' && !spacing ? { within: true } : {}) });
            atLeast = false;
            atMost = false;
            i += qLen + centreWords;
            if (spacing && after && SPACING_AFTER.has(after)) {
              i++;
              // "50 cm apart from each other", "from one another": the group's own members, no reference.
              if (after === 'apart' && word(tokens, i) === 'from' && isEachOther(tokens, i + 1)) i += 3;
              i += apartCentres;
              // "a 5 cm gap between them", "10 mm spacing between each other", "a 2 cm gap between neighbouring
              // tubes": the group's own spacing.
              const group = after !== 'between' && word(tokens, i) === 'between' ? groupAfterBetween(tokens, i + 1) : 0;
              if (group > 0) i += 1 + group;
            }
            // ("between" itself was passed over with the spacing words above.)
            if (betweenThem) i += groupAfterBetween(tokens, i);
            if (measure && after === measure) i++;
            if (outward && after === 'out') {
              i++;
              // "one metre out from the pillar", "out from it": the ring's own centre, named again.
              const centre = word(tokens, i) === 'from' ? readNounPhrase(tokens, i + 1, true) : null;
              if (centre !== null) i = centre.next;
            }
            // "2 ft away", "30 cm off", "leaving 50 cm clear": the distance of the clause's relation.
            if (clear || (!spacing && q.kind === 'length' && (after === 'away' || after === 'off') && word(tokens, i + 1) !== 'from')) i++;
            continue;
          }
          if (t.kind === 'num' && (word(tokens, i + 1) === 'by' || word(tokens, i + 1) === 'x') && tokens[i + 2]?.kind === 'num' && readQuantity(tokens, i + 2) === null) {
            const rows = (t as { value: number }).value;
            const cols = (tokens[i + 2] as { value: number }).value;
            let j = i + 3;
            while (word(tokens, j) && !SHAPES.has(word(tokens, j)!) && j < i + 5) j++;
            const shape = SHAPES.get(word(tokens, j) ?? '') ?? 'grid';
            items.push({ t: 'shape', shape: shape === 'row' ? 'grid' : shape, rows, cols });
            i = j + 1;
            continue;
          }
          if (t.kind === 'num' && /^x\d+$/.test(word(tokens, i + 1) ?? '')) {
            const rows = (t as { value: number }).value;
            const cols = Number(word(tokens, i + 1)!.slice(1));
            items.push({ t: 'shape', shape: 'grid', rows, cols });
            i += 2;
            if (SHAPES.has(word(tokens, i) ?? '')) i++;
            continue;
          }
        }
        if (t.kind === 'num' && (word(tokens, i + 1) === 'gon' || (word(tokens, i + 1) === '-' && word(tokens, i + 2) === 'gon'))) {
          items.push({ t: 'shape', shape: 'polygon', sides: t.value });
          i += word(tokens, i + 1) === 'gon' ? 2 : 3;
          continue;
        }
        const lines = NUMBER_WORDS.get(w ?? '') ?? (t.kind === 'num' ? t.value : undefined);
        if (lines !== undefined && ['rows', 'columns', 'lines', 'layers', 'tiers'].includes(word(tokens, i + 1) ?? '')) {
          checkCount(String(lines), lines, word(tokens, i + 1)!);
          const along = word(tokens, i + 1) === 'columns' ? { cols: lines } : word(tokens, i + 1) === 'layers' || word(tokens, i + 1) === 'tiers' ? null : { rows: lines };
          if (along === null) items.push({ t: 'shape', shape: 'stack' });
          else items.push({ t: 'shape', shape: 'grid', ...along });
          i += 2;
          continue;
        }
        if (t.kind === 'num' && countsNoun(tokens, i + 1)) checkCount(t.text, t.value, nounAfter(tokens, i + 1));
        if (t.kind === 'num' && Number.isInteger(t.value)) {
          const counted = readNounPhrase(tokens, i, true);
          if (counted && counted.next > i) {
            items.push({ t: 'np', np: counted.np, text: tokens.slice(i, counted.next).map((x) => (x as { text: string }).text).join(' ') });
            i = counted.next;
            continue;
          }
        }
        if (t.kind === 'num') {
          // A bare non-integer that is neither a count nor a quantity with a unit.
          unknown.push(t.text);
          i++;
          continue;
        }
      }
      if (!w) {
        i++;
        continue;
      }
      places: {
        if ((groups & 4) === 0) break places;
        // "at position 3", "in pos. 2": a location of a work sheet that the scene does not know; refused, never an object.
        if (LOCATION_LABELS.has(w) && (prev?.t === 'rel' || prev === undefined || word(tokens, i - 1) === 'at' || word(tokens, i - 1) === 'in') && ((tokens[i + 1]?.kind === 'num' && !countsNoun(tokens, i + 2)) || (word(tokens, i + 1) === '#' && tokens[i + 2]?.kind === 'num'))) {
          const n = tokens[i + 1]?.kind === 'num' ? tokens[i + 1].text : `#${tokens[i + 2].text}`;
          throw new ParseError(`'${w} ${n}' is a location label the scene does not know; say where it is relative to an object (e.g. 'left of the press')`);
        }
        // "set it down", "put the box down": a particle of the verb, not a direction.
        if (w === 'down' && prev?.t === 'np' && items[items.length - 2]?.t === 'verb' && ['set', 'put', 'lay', 'place'].includes((items[items.length - 2] as { word: string }).word)) {
          i++;
          continue;
        }
        const pose = matchPose(tokens, i);
        if (pose) {
          items.push({ t: 'pose', angle: pose.angle, axis: pose.axis, phrase: pose.phrase });
          i += pose.length;
          continue;
        }
        // "on the floor", "on the ground": the world's ground plane, not an object.
        if ((w === 'floor' || w === 'ground') && prev?.t === 'rel') {
          items.push({ t: 'world' });
          i++;
          continue;
        }
        // "in the middle of the table", "at the centre of the tray": on it (centred is what on means by default).
        if ((w === 'in' || w === 'at') && word(tokens, i + 1) === 'the' && MIDDLE.has(word(tokens, i + 2) ?? '') && word(tokens, i + 3) === 'of') {
          items.push({ t: 'rel', type: 'on', unary: false, phrase: tokens.slice(i, i + 4).map((x) => x.text).join(' ') });
          i += 4;
          continue;
        }
        // "with the lamp in the middle", "the plate at the centre": the preceding noun phrase is a formation's centre.
        if ((w === 'in' || w === 'at') && word(tokens, i + 1) === 'the' && MIDDLE.has(word(tokens, i + 2) ?? '') && prev?.t === 'np') {
          items.push({ t: 'role', role: 'centre' });
          i += 3;
          continue;
        }
        // "the cover plate rests centred on the frame", "the lamp hangs centered over the table": one object and no
        // formation in the clause, so 'centred' describes its placement on (over: above) the reference, centred being
        // what on means by default; with a group or a formation it names the formation's centre (below).
        if ((w === 'centred' || w === 'centered') && (word(tokens, i + 1) === 'on' || word(tokens, i + 1) === 'over') && !readAxis(tokens, i + 1) &&
          !items.some((it) => it.t === 'shape' || (it.t === 'np' && (it.np.plural || (it.np.count ?? 1) > 1 || it.np.numbers !== undefined)))) {
          const over = word(tokens, i + 1) === 'over';
          items.push({ t: 'rel', type: over ? 'above' : 'on', unary: false, phrase: `${w} ${over ? 'over' : 'on'}` });
          i += 2;
          continue;
        }
        // "around the table", "surrounding the post", "centred on the hub": the centre of a formation.
        if ((w === 'around' || w === 'round' || w === 'surrounding' || w === 'encircling' || ((w === 'centred' || w === 'centered') && (word(tokens, i + 1) === 'on' || word(tokens, i + 1) === 'at' || word(tokens, i + 1) === 'around'))) && !readAxis(tokens, i + 1)) {
          const skip = w === 'centred' || w === 'centered' ? 2 : 1;
          const centre = readNounPhrase(tokens, i + skip, true);
          if (centre) {
            // What follows is the centre object, even when its noun is also a formation word ("around the column").
            items.push({ t: 'centre' });
            i += skip;
            if (centre.next > i && !centre.np.count && !centre.np.plural && SHAPES.has(word(tokens, centre.next - 1) ?? '')) {
              items.push({ t: 'np', np: centre.np, text: tokens.slice(i, centre.next).map((x) => (x as { text: string }).text).join(' ') });
              i = centre.next;
            }
            continue;
          }
        }
      }
      groups: {
        if ((groups & 8) === 0) break groups;
        // "Clips x2 on the base plate", "put clamps ×2 left of the vise": a verb's -s form before a parts list's count is
        // a plural noun, never a verb or a pick.
        if (t.kind === 'word' && partsCountAt(tokens, i + 1) && verbBase(w!) !== undefined && verbBase(w!) !== w) {
          const counted = readNounPhrase(tokens, i, true);
          if (counted !== null && counted.next > i + 1) {
            items.push({ t: 'np', np: counted.np, text: joinText(tokens, i, counted.next) });
            i = counted.next;
            continue;
          }
        }
        // "one on top of the other", "one above another": the subjects stacked, each on the one before.
        const stacked = w === 'one' ? matchRelation(tokens, i + 1) : null;
        if (stacked !== null && !stacked.unary && (stacked.type === 'on' || stacked.type === 'above')) {
          const k = i + 1 + stacked.length;
          const other = word(tokens, k) === 'the' && word(tokens, k + 1) === 'other' ? 2 : word(tokens, k) === 'another' ? 1 : 0;
          if (other > 0) {
            items.push({ t: 'shape', shape: 'stack' });
            i = k + other;
            continue;
          }
        }
        // "edges aligned", "with their edges flush", "so their edges touch", "edges touching": said of the edges of the
        // objects just named. Aligned or flush: an alignment said of edges; touching: as "they touch".
        const edges = edgesAt(tokens, i);
        if (edges !== null) {
          const after = word(tokens, edges.next);
          if (after === 'aligned' || after === 'flush') {
            items.push({ t: 'aligned', edges: true });
            i = edges.next + 1;
            continue;
          }
          if (after === 'touch' || after === 'touching') {
            if (after === 'touch') items.push({ t: 'np', np: { ...THEY.np }, text: 'they' });
            i = edges.next;
            continue;
          }
        }
        // Group relations: "in contact (with each other)", "touching each other", "side by side", "apart".
        // "…, touching." (nothing after it): the group's members touch each other.
        const lastWord = i + 1 >= tokens.length || tokens[i + 1].kind === 'sep';
        if ((w === 'in' && word(tokens, i + 1) === 'contact' && !readNounPhrase(tokens, i + 3, true)) || ((w === 'touching' || w === 'touch') && (isEachOther(tokens, i + 1) || (w === 'touching' && lastWord)))) {
          items.push({ t: 'group', relation: 'touching' });
          i += w === 'in' ? 2 : 1;
          if (word(tokens, i) === 'with' && isEachOther(tokens, i + 1)) i++;
          if (isEachOther(tokens, i)) i += 2;
          continue;
        }
        // "left to right", "from right to left", "from the front to the back", "bottom to top": a row (or a stack) in that
        // order; never a relation of each member to the world ("left of" and "right of" nothing).
        {
          let k = w === 'from' ? i + 1 : i;
          if (word(tokens, k) === 'the') k++;
          const first = word(tokens, k);
          let k2 = k + 2;
          if (word(tokens, k2) === 'the') k2++;
          const order = first !== undefined && word(tokens, k + 1) === 'to' ? ORDERS.get(`${first} ${word(tokens, k2) ?? ''}`) : undefined;
          if (order && word(tokens, k2 + 1) !== 'of') {
            items.push({ t: 'shape', shape: order.shape, ...(order.reverse ? { reverse: true as const } : {}) });
            if (order.axis) items.push({ t: 'axis', axis: order.axis, rotational: false });
            i = k2 + 1;
            continue;
          }
        }
        if (w === 'side' && word(tokens, i + 1) === 'by' && word(tokens, i + 2) === 'side') {
          items.push({ t: 'shape', shape: 'row' });
          i += 3;
          continue;
        }
        if (w === 'apart' || w === 'separated' || (w === 'spread' && word(tokens, i + 1) === 'out')) {
          items.push({ t: 'group', relation: 'apart' });
          i += w === 'spread' ? 2 : 1;
          if (word(tokens, i) === 'from' && isEachOther(tokens, i + 1)) i++;
          if (isEachOther(tokens, i)) i += 2;
          continue;
        }
        if (isEachOther(tokens, i)) {
          i += 2;
          continue;
        }
      }
      picks: {
        if ((groups & 16) === 0) break picks;
        // "Clamp the two rails 300 mm apart", "Bolt the brackets 20 cm apart": a verb of holding or joining opening the
        // clause, whose plural object is followed by a distance and "apart", sets the group's spacing (a verb of placing).
        if (i === 0 && (PICK_VERBS.has(verbBase(w) ?? '') || JOIN_VERBS.has(w)) && spacedObjectAfter(tokens, i + 1)) {
          items.push({ t: 'verb', word: verbBase(w) ?? w });
          i++;
          continue;
        }
        // Pick verbs ("pick up", "grasp", "the robot takes"): their object is the focus of a following "it".
        pickBase = verbBase(w);
        objectOfVerb = (prev?.t === 'verb' || prev?.t === 'pick') && verbBase(word(tokens, i - 1) ?? '') !== undefined;
        // "the fixture clamps onto the workbench": after its subject and straight before a relation, a pick verb takes no
        // object: it is the clause's verb.
        const intransitive = prev?.t === 'np' && pickBase !== undefined && (() => { const r = matchRelation(tokens, i + 1); return r !== null && !r.unary; })();
        if (pickBase !== undefined && PICK_VERBS.has(pickBase) && !intransitive && !labelledSubject(tokens, i, w) && !(pickBase === 'lift' && readNounPhrase(tokens, i + 1, true) === null) && !(objectOfVerb && pickBase === w && readNounPhrase(tokens, i, true) !== null)) {
          items.push({ t: 'pick', word: pickBase });
          i++;
          if (word(tokens, i) === 'up') i++;
          continue;
        }
      }
      measures: {
        if ((groups & 32) === 0) break measures;
        if ((w === 'with' || w === 'using' || w === 'by') && items.some((it) => it.t === 'pick') && readNounPhrase(tokens, i + 1, true)) {
          items.push({ t: 'tool' });
          i++;
          continue;
        }
        // "a centre-to-centre distance of 1 m", "c/c spacing 40 mm": the words name the length after them (read with it).
        const centreNoun = centreToCentre(tokens, i);
        if (centreNoun > 0 && ['distance', 'spacing', 'separation', 'gap'].includes(word(tokens, i + centreNoun) ?? '')) {
          const at = i + centreNoun + (word(tokens, i + centreNoun + 1) === 'of' ? 2 : 1);
          if (readQuantity(tokens, at)?.kind === 'length') {
            i = at;
            continue;
          }
        }
        // "60 mm apart, centre to centre", "20 cm apart on centres": said after the spacing's own words, the spacing is
        // still measured between centres.
        const centresAfter = centreToCentre(tokens, i);
        if (centresAfter > 0) {
          const spacingQty = items.findLast((it): it is Extract<Item, { t: 'qty' }> => it.t === 'qty' && it.kind === 'length' && it.spacing);
          if (spacingQty) {
            spacingQty.centres = true;
            i += centresAfter;
            continue;
          }
        }
        // "…, radius 1.5 m", "a diameter of 2 m": the measure word names the length after it (read with it), no object.
        if ((w === 'radius' || w === 'diameter') && (readQuantity(tokens, i + 1)?.kind === 'length' || (word(tokens, i + 1) === 'of' && readQuantity(tokens, i + 2)?.kind === 'length'))) {
          i += word(tokens, i + 1) === 'of' ? 2 : 1;
          continue;
        }
        if (w === 'at' && (word(tokens, i + 1) === 'least' || word(tokens, i + 1) === 'minimum')) {
          atLeast = true;
          i += 2;
          continue;
        }
        if ((w === 'no' || w === 'not') && word(tokens, i + 1) === 'less' && word(tokens, i + 2) === 'than') {
          atLeast = true;
          i += 3;
          continue;
        }
        // "at an angle of 45 degrees", "a 30 degree angle": the word "angle" beside an angle is no object.
        if (w === 'angle' && prev?.t === 'qty' && prev.kind === 'angle') {
          i++;
          continue;
        }
        let angleAt = w === 'at' ? i + 1 : i;
        if (ARTICLES.has(word(tokens, angleAt) ?? '')) angleAt++;
        if (word(tokens, angleAt) === 'angle' && word(tokens, angleAt + 1) === 'of' && readQuantity(tokens, angleAt + 2)?.kind === 'angle') {
          i = angleAt + 2;
          continue;
        }
        // "at most 10 cm away", "no more than 20 cm from it", "up to 5 cm", "less than 30 cm from", "max 5 cm": the
        // next length is an upper bound on the gap.
        const upper = (w === 'at' && (word(tokens, i + 1) === 'most' || word(tokens, i + 1) === 'maximum')) || (w === 'up' && word(tokens, i + 1) === 'to') ? 2
          : (w === 'no' || w === 'not') && word(tokens, i + 1) === 'more' && word(tokens, i + 2) === 'than' ? 3
          : (w === 'less' || w === 'fewer') && word(tokens, i + 1) === 'than' ? 2 : w === 'max' || w === 'maximum' ? 1 : 0;
        if (upper > 0 && readQuantity(tokens, i + upper + (APPROXIMATELY.has(word(tokens, i + upper) ?? '') ? 1 : 0))?.kind === 'length') {
          atMost = true;
          i += upper;
          continue;
        }
        // "within 20 cm", "within about 40 cm".
        const withinAt = w === 'within' ? i + 1 + (APPROXIMATELY.has(word(tokens, i + 1) ?? '') ? 1 : 0) : i + 1;
        const withinQty = w === 'within' ? readQuantity(tokens, withinAt) : null;
        // "in front of the rack, within 20 cm": with no reference of its own, an upper bound on the gap to the clause's
        // reference (the relation it follows).
        if (withinQty?.kind === 'length' && (tokens[withinAt + withinQty.length] === undefined || tokens[withinAt + withinQty.length].kind === 'sep' ||
          (word(tokens, withinAt + withinQty.length) === 'away' && (tokens[withinAt + withinQty.length + 1] === undefined || tokens[withinAt + withinQty.length + 1].kind === 'sep')))) {
          items.push({ t: 'qty', kind: 'length', value: withinQty.value, spacing: false, atLeast: false, within: true });
          i = withinAt + withinQty.length;
          if (word(tokens, i) === 'away') i++;
          continue;
        }
        if (withinQty) {
          items.push({ t: 'rel', type: 'near', unary: false, phrase: 'within' });
          i++;
          continue;
        }
      }
      shapes: {
        if ((groups & 64) === 0) break shapes;
        if ((w === 'along' || w === 'about' || w === 'around' || w === 'on' || w === 'in') && readAxis(tokens, i + 1)) {
          const a = readAxis(tokens, i + 1)!;
          items.push({ t: 'axis', axis: a.axis, rotational: w === 'about' || w === 'around' });
          i = a.next;
          continue;
        }
        if (AXES.has(w) && w.includes('-axis')) {
          items.push({ t: 'axis', axis: AXES.get(w)!, rotational: false });
          i++;
          if (word(tokens, i) === 'axis') i++;
          continue;
        }
        // "to the left of the stack", "on top of the pile": a formation word closing a relation's reference is an object.
        const formationObject = w === 'the' && prev?.t === 'rel' && !prev.unary && SHAPES.has(word(tokens, i + 1) ?? '') ? readNounPhrase(tokens, i, false) : null;
        if (formationObject && formationObject.np.kind === word(tokens, i + 1)) {
          items.push({ t: 'np', np: formationObject.np, text: joinText(tokens, i, formationObject.next) });
          i = formationObject.next;
          continue;
        }
        if ((w === 'a' || w === 'an' || w === 'the') && SHAPES.has(word(tokens, i + 1) ?? '') && (w !== 'the' || !NOUN_FORMS.has(word(tokens, i + 1) ?? ''))) {
          i++;
          continue;
        }
        // "in an equilateral triangle", "a regular hexagon": describing words between the article and the shape.
        if ((w === 'a' || w === 'an') && !SHAPES.has(word(tokens, i + 1) ?? '') && shapeAfterAdjectives(tokens, i + 1) > i + 1) {
          i = shapeAfterAdjectives(tokens, i + 1);
          continue;
        }
        // "at the corners of a square", "at the vertices of a triangle": the polygon formation.
        if (w === 'at' && word(tokens, i + 1) === 'the' && CORNER_WORDS.has(word(tokens, i + 2) ?? '') && word(tokens, i + 3) === 'of' && (word(tokens, i + 4) === 'a' || word(tokens, i + 4) === 'an') && shapeAfterAdjectives(tokens, i + 5) >= 0) {
          i += 4;
          continue;
        }
        if (SHAPE_ADJECTIVES.has(w) && SHAPES.has(word(tokens, i + 1) ?? '') && !AMBIGUOUS_SHAPES.has(w)) {
          i++;
          continue;
        }
        // Arrangement shapes: "in a row", "a pyramid", "as a stack", "in a circle", "a pentagon", "a 6-gon".
        const gon = w.endsWith('gon') ? /^(\d+)-?gon$/.exec(w) : null;
        if (gon || (SHAPES.has(w) && !(w === 'line' && word(tokens, i + 1) === 'up') && (prev?.t !== 'np' || ['a', 'an', 'the', 'in', 'into', 'as', 'form', 'forming'].includes(wordBefore(tokens, i) ?? '')) && (!AMBIGUOUS_SHAPES.has(w) || shapeContext(tokens, i)))) {
          const shape = gon ? 'polygon' : SHAPES.get(w)!;
          const sides = gon ? Number(gon[1]) : SIDES.get(w);
          const shapeItem: Extract<Item, { t: 'shape' }> = { t: 'shape', shape, ...(sides !== undefined ? { sides } : {}) };
          items.push(shapeItem);
          i++;
          while (['shape', 'formation', 'pattern', 'arrangement', 'layout', 'configuration', 'shaped'].includes(word(tokens, i) ?? '')) i++;
          // "a tower of five", "a ring of 8" (no noun after the number): the member count.
          const n = word(tokens, i) === 'of' ? tokens[i + 1] : undefined;
          const count = n?.kind === 'num' ? n.value : n?.kind === 'word' ? NUMBER_WORDS.get(n.text) : undefined;
          if (count !== undefined && !countsNoun(tokens, i + 2)) {
            checkCount(n!.text, count, 'members');
            shapeItem.count = count;
            i += 2;
          }
          continue;
        }

        // "… with its lid on top", "with a cherry on top": a single object and "on top" closing the clause is on the
        // previous subject ("it"), not the top role of an arrangement.
        if (w === 'on' && word(tokens, i + 1) === 'top' && (tokens[i + 2] === undefined || tokens[i + 2].kind === 'sep') && items.length === 1 && prev?.t === 'np' &&
          prev.np.count === undefined && !prev.np.plural && prev.np.superlative === undefined && prev.np.pronoun === undefined) {
          items.push({ t: 'rel', type: 'on', unary: false, phrase: 'on top' });
          items.push({ t: 'np', np: readNounPhrase([wordToken('it')], 0, false)!.np, text: 'it' });
          i += 2;
          continue;
        }
        // Roles in arrangements.
        // "on the top cover", "on the top shelf": 'top' starting a compound names the reference, no role.
        if ((w === 'at' || w === 'on') && (word(tokens, i + 1) === 'top' || (word(tokens, i + 1) === 'the' && word(tokens, i + 2) === 'top' && !nounModifierAt(tokens, i + 2))) && word(tokens, i + (word(tokens, i + 1) === 'the' ? 3 : 2)) !== 'of') {
          items.push({ t: 'role', role: 'top' });
          i += word(tokens, i + 1) === 'the' ? 3 : 2;
          continue;
        }
        if ((w === 'forming' || w === 'form' || w === 'as' || w === 'at') && (word(tokens, i + 1) === 'the') && (word(tokens, i + 2) === 'base' || word(tokens, i + 2) === 'bottom' || word(tokens, i + 2) === 'foundation')) {
          items.push({ t: 'role', role: 'base' });
          i += 3;
          continue;
        }
      }
      links: {
        if ((groups & 128) === 0) break links;
        if (w === 'all' || w === 'everything' || w === 'everyone' || w === 'each') {
          const np = readNounPhrase(tokens, i, false);
          if (!np) {
            items.push({ t: 'all' });
            // "each one centred on the one below": 'one' is the member itself.
            i += w === 'each' && word(tokens, i + 1) === 'one' && word(tokens, i + 2) !== 'of' ? 2 : 1;
            continue;
          }
        }
        if (w === 'aligned' || w === 'alignment' || w === 'level') {
          const rel = matchRelation(tokens, i);
          if (!rel) {
            items.push({ t: 'aligned' });
            i++;
            continue;
          }
        }
        // "to its left", "on its right", "to their left": a side of the previous clause's subject (its = that subject).
        const side = (w === 'to' || w === 'on' || w === 'at') && (word(tokens, i + 1) === 'its' || word(tokens, i + 1) === 'their') ? POSSESSIVE_SIDES.get(word(tokens, i + 2) ?? '') : undefined;
        if (side !== undefined) {
          const owner = word(tokens, i + 1)!;
          items.push({ t: 'rel', type: side, unary: false, phrase: tokens.slice(i, i + 3).map((x) => x.text).join(' ') });
          items.push({ t: 'np', np: readNounPhrase([wordToken(owner === 'its' ? 'it' : 'them')], 0, false)!.np, text: owner });
          i += 3;
          if (word(tokens, i) === 'side' || word(tokens, i) === 'hand') i++;
          continue;
        }
        // "attach the bracket to the frame", "the hose connects to the pump", "is bolted to the base": after a verb of
        // joining, "to" + an object is contact with it ("to the left of" stays a side relation).
        // "Bolt the bracket to the frame", "Screw the cap to …": a joining noun opening the clause before an article is its verb.
        if (i === 0 && JOIN_VERBS.has(w) && verbBase(w) === undefined && DETERMINER_WORDS.has(word(tokens, 1) ?? '') && tokens.some((x, k) => k > 1 && joinsAt(tokens, k))) {
          items.push({ t: 'verb', word: w });
          i++;
          continue;
        }
        if (JOIN_PARTICIPLES.has(w) && prev?.t === 'np' && (word(tokens, i + 1) === 'to' || (/ly$/.test(word(tokens, i + 1) ?? '') && word(tokens, i + 2) === 'to'))) {
          items.push({ t: 'verb', word: w });
          i++;
          continue;
        }
        if (w === 'to' && matchRelation(tokens, i) === null && lastVerbJoins(items) && readNounPhrase(tokens, i + 1, true) !== null) {
          items.push({ t: 'rel', type: 'touching', unary: false, phrase: 'to' });
          i++;
          continue;
        }
        // "move the plate from the reader to the incubator", "move pallet 3 from dock 1 to dock 2": where the object comes
        // from is no relation of where it goes; the destination after "to" is.
        const source = w === 'from' && lastVerbMoves(items) ? readNounPhrase(tokens, i + 1, true) : null;
        if (source && source.np.kind !== '' && word(tokens, source.next) === 'to' && matchRelation(tokens, source.next) === null && readNounPhrase(tokens, source.next + 1, true) !== null) {
          i = source.next;
          continue;
        }
        // "move the box to the shelf", "bring the mug over to the sink", "return the tote back to rack 2": after a verb of
        // moving, "to" (or "over/back/across to") + an object is its destination: into it for a container, else on it.
        const toAt = w === 'to' ? i : (w === 'over' || w === 'back' || w === 'across' || w === 'down') && word(tokens, i + 1) === 'to' ? i + 1 : -1;
        const destination = toAt >= 0 && lastVerbMoves(items) && matchRelation(tokens, toAt) === null && matchRelation(tokens, toAt + 1) === null ? readNounPhrase(tokens, toAt + 1, true) : null;
        // "move the box to the floor": on the world's ground plane (read as "on the floor" next).
        if (destination && (destination.np.kind === 'floor' || destination.np.kind === 'ground') && destination.np.label === undefined) {
          items.push({ t: 'rel', type: 'on', unary: false, phrase: joinText(tokens, i, toAt + 1) });
          i = toAt + 1;
          continue;
        }
        if (destination && destination.np.kind !== '' && destination.np.kind !== 'floor' && destination.np.kind !== 'ground') {
          // A place rather than a thing ("to dock 2", "to the packing station", "to the door") is beside it.
          const head = (destination.np.head ?? destination.np.kind).split('_').pop()!;
          const place = PLACE_HEADS.has(head) || (destination.np.unknownNoun && destination.np.label !== undefined);
          items.push({ t: 'rel', type: CONTAINER_KINDS.has(destination.np.kind) ? 'inside' : place ? 'near' : 'on', unary: false, phrase: joinText(tokens, i, toAt + 1) });
          i = toAt + 1;
          continue;
        }
        // "put the mug on the table where the lamp is": at the place of that object, beside it (never on it).
        const where = w === 'where' ? readNounPhrase(tokens, i + 1, true) : null;
        if (where && where.np.kind !== '' && where.np.pronoun === undefined && ['is', 'are', 'was', 'stands', 'sits', 'used'].includes(word(tokens, where.next) ?? '') &&
          (tokens[where.next + 1] === undefined || tokens[where.next + 1].kind === 'sep' || word(tokens, where.next) === 'used')) {
          items.push({ t: 'rel', type: 'near', unary: false, phrase: 'where' });
          items.push({ t: 'np', np: where.np, text: joinText(tokens, i + 1, where.next) });
          i = where.next + 1;
          if (word(tokens, i - 1) === 'used' && word(tokens, i) === 'to') i += 2;
          continue;
        }
        // "make sure (that) the lid is on the jar", "check that …", "verify that …": a frame around a statement, no object.
        if ((w === 'make' && (word(tokens, i + 1) === 'sure' || word(tokens, i + 1) === 'certain')) || ((w === 'check' || w === 'verify' || w === 'confirm' || w === 'ensure') && word(tokens, i + 1) === 'that')) {
          i += 2;
          if (word(tokens, i) === 'that') i++;
          continue;
        }
        // "along shelf 2", "along the edge of the bench", "along the wall": on a surface, in a row along its length (a
        // group with no formation of its own lines up); beside anything else ("the wall"), still in a row. "the edge of",
        // "the length of", "the side of" name the object itself.
        if (w === 'along') {
          const part = word(tokens, i + 1) === 'the' && ALONG_PARTS.has(word(tokens, i + 2) ?? '') && word(tokens, i + 3) === 'of' ? 3 : 0;
          const np = readNounPhrase(tokens, i + 1 + part, true);
          if (np && np.np.kind !== '' && np.np.pronoun === undefined) {
            if (!items.some((it) => it.t === 'shape') && items.some((it) => it.t === 'np' && (it.np.plural || (it.np.count ?? 0) >= 2))) {
              alongRow = { t: 'shape', shape: 'row' };
              items.push(alongRow);
            }
            items.push({ t: 'rel', type: SURFACE_KINDS.has(np.np.kind) ? 'on' : 'near', unary: false, phrase: joinText(tokens, i, i + 1 + part) });
            i += 1 + part;
            continue;
          }
          // "Put the boxes along", "along the", "along it": no object to line up along; the word is refused, never read as near.
          unknown.push(w);
          i++;
          continue;
        }
        // "a bit left of the bowl", "a tad behind the crate": a hedge before a relation, as "slightly" is; no
        // object ("the drill bit", "a bit on the tray" with no relation after 'bit' keep it).
        if (w === 'a' && HEDGE_NOUNS.has(word(tokens, i + 1) ?? '') && items.some((it) => it.t === 'np') && matchRelation(tokens, i + 2) !== null) {
          i += 2;
          continue;
        }
        // "in a row on 40 mm centres": "on" opens the centre-to-centre spacing (read with its length), no relation.
        const onCentres = w === 'on' ? readQuantity(tokens, i + 1) : null;
        if (onCentres?.kind === 'length' && ['centres', 'centers'].includes(word(tokens, i + 1 + onCentres.length) ?? '')) {
          i++;
          continue;
        }
      }
    }
    // (Only words come here: the checks above pass over other tokens.)
    if (w === undefined) {
      i++;
      continue;
    }
    // Relations (a standalone direction word directly before another relation is an adverb: "right above").
    const rel = matchRelation(tokens, i);
    // "next to each other", "beside one another", "against each other": a group relation among the subjects.
    if (rel && !rel.unary && (rel.type === 'near' || rel.type === 'touching') && isEachOther(tokens, i + rel.length)) {
      items.push(rel.type === 'near' ? { t: 'shape', shape: 'row' } : { t: 'group', relation: 'touching' });
      i += rel.length + 2;
      continue;
    }
    // "flush against the left side of the cabinet", "against the back of the rack": contact on a named side of the
    // reference is that side relation and touching, both to the reference.
    const sideFace = rel && !rel.unary && rel.type === 'touching' ? sideFaceOf(tokens, i + rel.length) : null;
    if (rel && sideFace) {
      const np = { t: 'np' as const, np: sideFace.np.np, text: joinText(tokens, sideFace.at, sideFace.np.next) };
      items.push({ t: 'rel', type: sideFace.side, unary: false, phrase: joinText(tokens, i, sideFace.at) }, np);
      items.push({ t: 'rel', type: 'touching', unary: false, phrase: joinText(tokens, i, i + rel.length) }, np);
      i = sideFace.np.next;
      continue;
    }
    if (rel) {
      const following = rel.unary ? matchRelation(tokens, i + rel.length) : null;
      if (rel.unary && following && !following.unary) {
        i += rel.length;
        continue;
      }
      if (rel.unary && readNounPhrase(tokens, i + rel.length, false) && w !== 'up' && w !== 'back') {
        // "right box": a direction word used as an adjective is not a relation.
      } else {
        items.push({ t: 'rel', type: rel.type, unary: rel.unary, phrase: joinText(tokens, i, i + rel.length) });
        i += rel.length;
        continue;
      }
    }
    // "the sensor slots into the bracket": a declarative's verb in the third person, never a plural noun.
    if (prev?.t === 'np' && thirdPersonVerb(tokens, i)) {
      items.push({ t: 'verb', word: verbBase(w) ?? w });
      i++;
      continue;
    }
    const base = pickBase;
    const nounAfterRelation = base !== undefined && prev?.t === 'rel' ? readNounPhrase(tokens, i, true) : null;
    // "Loading door 2 is behind the crate": an "-ing" form opening the clause before a noun, the phrase followed by a
    // copula, a verb or a relation, is a modifier of the subject.
    const openingSubject = base !== undefined && base !== w && w.endsWith('ing') && i === 0 ? readNounPhrase(tokens, i, true) : null;
    const subjectAtStart = openingSubject !== null && openingSubject.next > i + 1 &&
      (COPULAS.has(word(tokens, openingSubject.next) ?? '') || verbBase(word(tokens, openingSubject.next) ?? '') !== undefined || matchRelation(tokens, openingSubject.next) !== null);
    // "set slide 3 on the stage", "lift press 4 onto the pallet": a verb's base form right after the verb is its object.
    const nounAfterVerb = base !== undefined && objectOfVerb ? readNounPhrase(tokens, i, true) : null;
    const endsClause = tokens[i + 1] === undefined || tokens[i + 1].kind === 'sep';
    // "slide 1, slide 2 and slide 3", "stage 1 and stage 2": a verb form that repeats the head of a labelled noun just
    // before it, with a label of its own, is the next member of that list.
    // "Clamp 1 goes left of the frame": a labelled verb form opening its clause before a copula, verb or relation is its subject.
    const listed = base !== undefined && ((prev?.t === 'np' && prev.np.label !== undefined && (prev.np.head ?? prev.np.kind) === w && labelNext(tokens, i)) || labelledSubject(tokens, i, w));
    if (base !== undefined && !listed && !subjectAtStart && !(prev?.t === 'np' && w === 'position') && !(nounAfterRelation && (nounAfterRelation.next > i + 1 || endsClause)) && !(nounAfterVerb && nounAfterVerb.next > i)) {
      items.push({ t: 'verb', word: base });
      i++;
      if (word(tokens, i) === 'up' && base === 'line') items[items.length - 1] = { t: 'verb', word: 'align' };
      if (VERB_PARTICLES.has(word(tokens, i) ?? '') && PARTICLE_VERBS.has(base)) i++;
      continue;
    }
    // "Put the small vase inside the big box for the move", "the cushion on the chair for the baby": a phrase of 'for'
    // after a relation's reference says why or for whom; it names no object to place (ignored, with a warning).
    if (w === 'for' && prev?.t === 'np' && items.some((it, k) => it.t === 'rel' && !it.unary && k < items.length - 1)) {
      const purpose = readNounPhrase(tokens, i + 1, true);
      if (purpose && purpose.next > i + 1 && purpose.np.pronoun === undefined && purpose.np.label === undefined && purpose.np.numbers === undefined && purpose.np.explicitName === undefined &&
        (tokens[purpose.next] === undefined || tokens[purpose.next].kind === 'sep')) {
        unknown.push(joinText(tokens, i, purpose.next));
        i = purpose.next;
        continue;
      }
    }
    // "…, in a row, 1 cm apart", "…, in two rows", "1 cm apart in a row": "in" before a formation is no object; nor
    // after a subject's own verb ("Four tubes stand in a square on the rack": the verb takes no object).
    if ((w === 'in' || w === 'into') && (prev === undefined || prev.t === 'qty' || (prev.t === 'verb' && items[items.length - 2]?.t === 'np')) && ((['a', 'an'].includes(word(tokens, i + 1) ?? '') && shapeAfterAdjectives(tokens, i + 2) >= 0) ||
      (NUMBER_WORDS.has(word(tokens, i + 1) ?? '') || tokens[i + 1]?.kind === 'num') && ['rows', 'columns', 'lines'].includes(word(tokens, i + 2) ?? ''))) {
      i++;
      continue;
    }
    // "stack reagent plate 2 on …": a formation word opening the clause is its verb, and a noun may follow it bare;
    // so may one after a verb of taking ("pick up pouch 12").
    const bare = prev === undefined || prev.t === 'verb' || prev.t === 'pick' || prev.t === 'rel' || prev.t === 'qty' || (prev.t === 'shape' && items.length === 1 && i === 1) || (prev.t === 'np' && (word(tokens, i - 1) === 'and' || word(tokens, i - 1) === 'or' || prev.np.head === w));
    const np = readNounPhrase(tokens, i, bare);
    if (np && np.next > i && prev?.t === 'rel' && (np.np.kind === 'floor' || np.np.kind === 'ground') && np.np.label === undefined) {
      items.push({ t: 'world' });
      i = np.next;
      continue;
    }
    if (np && np.next > i) {
      const start = i;
      i = np.next;
      // "a box 30 cm wide", "the bench 2 m long": a size after the noun, each length with its dimension word.
      const sizeAfter = tokens[i]?.kind === 'num' && np.np.stated === undefined && np.np.kind !== '' && np.np.pronoun === undefined ? readSizeAfterNoun(tokens, i, np.np.head ?? np.np.kind) : null;
      if (sizeAfter !== null) {
        np.np.stated = sizeAfter.size;
        i = sizeAfter.next;
      }
      items.push({ t: 'np', np: np.np, text: joinText(tokens, start, i) });
      // "the box of screws", "a crate of apples", "a glass of water": the holder is the object; its contents are no
      // objects of their own.
      const contents = word(tokens, i) === 'of' && (HOLDER_KINDS.has(np.np.kind) || HOLDER_KINDS.has(np.np.head ?? '')) && np.np.count === undefined && !np.np.plural &&
        matchRelation(tokens, i) === null ? readNounPhrase(tokens, i + 1, true) : null;
      if (contents && contents.np.kind !== '' && contents.np.pronoun === undefined && contents.np.label === undefined && contents.np.numbers === undefined &&
        !DETERMINER_WORDS.has(word(tokens, i + 1) ?? '')) i = contents.next;
      continue;
    }
    if (!FILLERS.has(w) && !COPULAS.has(w) && !EVENNESS.has(w) && !PASSED_OVER.has(w)) unknown.push(w);
    i++;
  }
  if (sense) unknown.push(sense.word);
  // "along the shelf in a circle": a shape written later in the clause is the formation (on the support), not a row.
  if (alongRow !== undefined && items.some((it) => it.t === 'shape' && it !== alongRow)) items.splice(items.indexOf(alongRow), 1);
  return { items, unknown };
}
