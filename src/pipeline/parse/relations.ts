/**
 * Relation phrases: every way the parser recognises of writing a spatial relation, matched longest first
 * at a token position.
 */
import type { ConstraintType } from '../types.js';
import { NOUN_FORMS, NUMBER_WORDS } from './lexicon.js';
import type { Token } from './tokenize.js';
import { RELATION_START } from './word-classes.js';

/** A relation as written; `unary` phrases ("move left") take no reference. `outsideAll` = avoid collisions. */
export interface RelationMatch {
  type: ConstraintType;
  length: number;
  /** Written without "of"/"to": may stand without a reference ("move the robot left"). */
  unary: boolean;
}

type Entry = [string, ConstraintType, boolean?];

const PHRASES: Entry[] = [
  ['on top of', 'on'], ['on to', 'on'], ['onto', 'on'], ['atop', 'on'], ['upon', 'on'], ['resting on', 'on'], ['sitting on', 'on'],
  ['standing on', 'on'], ['lying on', 'on'], ['placed on', 'on'], ['on', 'on'],
  ['above', 'above'], ['over', 'above'], ['higher than', 'above'], ['up above', 'above'], ['overhead of', 'above'],
  ['below', 'below'], ['under', 'below'], ['underneath', 'below'], ['beneath', 'below'], ['lower than', 'below'], ['down below', 'below'],
  ['to the left of', 'left'], ['on the left of', 'left'], ['on the left side of', 'left'], ['to the left side of', 'left'],
  ['at the left of', 'left'], ['left of', 'left'], ['left-of', 'left'], ['leftward of', 'left'],
  ['to the right of', 'right'], ['on the right of', 'right'], ['on the right side of', 'right'], ['to the right side of', 'right'],
  ['at the right of', 'right'], ['right of', 'right'], ['right-of', 'right'], ['rightward of', 'right'],
  ['in front of', 'front'], ['at the front of', 'front'], ['ahead of', 'front'], ['to the front of', 'front'], ['to the rear of', 'behind'], ['to the back of', 'behind'],
  ['behind', 'behind'], ['in back of', 'behind'], ['at the back of', 'behind'], ['at the rear of', 'behind'], ['back of', 'behind'],
  ['near to', 'near'], ['near', 'near'], ['nearby', 'near'], ['next to', 'near'], ['close to', 'near'], ['closer to', 'near'],
  ['close by', 'near'], ['by', 'near'], ['at', 'near'], ['beside', 'near'], ['besides', 'near'], ['adjacent to', 'near'], ['by the side of', 'near'], ['alongside', 'near'],
  ['far away from', 'far'], ['far from', 'far'], ['away from', 'far'], ['distant from', 'far'], ['clear of', 'far'], ['apart from', 'far'],
  ['at a distance of', 'distance'], ['from', 'distance'],
  ['in contact with', 'touching'], ['touching', 'touching'], ['touches', 'touching'], ['touch', 'touching'], ['against', 'touching'],
  ['contacting', 'touching'], ['to reach', 'touching'], ['reaching', 'touching'], ['flush with', 'touching'], ['flush against', 'touching'],
  ['at the top of', 'on'], ['on the top of', 'on'], ['on the surface of', 'on'], ['on the top surface of', 'on'], ['resting upon', 'on'],
  ['stacked on', 'on'], ['stacked on top of', 'on'], ['mounted on', 'on'], ['mounted above', 'above'], ['hovering over', 'above'],
  ['suspended above', 'above'], ['hanging over', 'above'], ['directly above', 'above'], ['directly over', 'above'], ['directly below', 'below'],
  ['directly under', 'below'], ['to the left side of', 'left'], ['to the immediate left of', 'left'], ['to the immediate right of', 'right'],
  ['in the front of', 'front'], ['towards the front of', 'front'], ['toward the front of', 'front'], ['behind of', 'behind'],
  ['at the far side of', 'behind'], ['beyond', 'behind'], ['on the far side of', 'behind'], ['on the near side of', 'front'],
  ['centred between', 'between'], ['centered between', 'between'],
  // Common run-together spellings: "ontop of", "infront of", "inbetween", "nextto".
  ['ontop of', 'on'], ['ontop', 'on'], ['infront of', 'front'], ['inbetween', 'between'], ['nextto', 'near'],
  ['close beside', 'near'], ['along', 'near'], ['over to', 'near'], ['up to', 'near'], ['over next to', 'near'], ['right next to', 'near'], ['immediately next to', 'near'], ['neighbouring', 'near'], ['neighboring', 'near'],
  ['well away from', 'far'], ['a long way from', 'far'], ['at a safe distance from', 'far'], ['separate from', 'far'],
  // A place at an end, the foot or the head of the reference is beside it: "at the end of the conveyor", "at the foot of the bed".
  ['at the end of', 'near'], ['at the far end of', 'near'], ['at one end of', 'near'], ['at the foot of', 'near'], ['at the head of', 'near'],
  ['at the side of', 'near'], ['at the near end of', 'near'],
  ['contained in', 'inside'], ['enclosed in', 'inside'],
  ['inside of', 'inside'], ['inside', 'inside'], ['into', 'inside'], ['within', 'inside'], ['in', 'inside'],
  ['outside of', 'outside'], ['outside', 'outside'], ['out of', 'outside'],
  ['avoiding collision with', 'outside'], ['avoiding collisions with', 'outside'], ['avoid collision with', 'outside'],
  ['avoid collisions with', 'outside'], ['avoiding contact with', 'outside'], ['without touching', 'outside'], ['not touching', 'outside'],
  ['avoiding', 'outside'], ['avoid', 'outside'], ['without colliding with', 'outside'], ['not colliding with', 'outside'],
  ['in between', 'between'], ['between', 'between'], ['midway between', 'between'], ['halfway between', 'between'],
  ['parallel to', 'parallel'], ['parallel with', 'parallel'], ['parallel', 'parallel'],
  ['perpendicular to', 'perpendicular'], ['perpendicular', 'perpendicular'], ['at right angles to', 'perpendicular'],
  ['at a right angle to', 'perpendicular'], ['orthogonal to', 'perpendicular'], ['square to', 'perpendicular'],
  ['aligned with', 'aligned'], ['aligned to', 'aligned'], ['in line with', 'aligned'], ['lined up with', 'aligned'], ['level with', 'aligned'],
];

/** Direction words that stand alone ("move the robot left"). */
const UNARY: Entry[] = [
  ['to the left', 'left', true], ['leftwards', 'left', true], ['leftward', 'left', true], ['left', 'left', true],
  ['to the right', 'right', true], ['rightwards', 'right', true], ['rightward', 'right', true], ['right', 'right', true],
  ['forward', 'front', true], ['forwards', 'front', true], ['to the front', 'front', true],
  ['backward', 'behind', true], ['backwards', 'behind', true], ['to the back', 'behind', true], ['back', 'behind', true],
  ['up', 'above', true], ['upwards', 'above', true], ['upward', 'above', true], ['aloft', 'above', true],
  // "beside the hot plate, on the left": a side named with no reference (the clause's or the previous one's).
  ['on the left', 'left', true], ['on the right', 'right', true], ['on the left side', 'left', true], ['on the right side', 'right', true],
  ['on the left-hand side', 'left', true], ['on the right-hand side', 'right', true], ['to the rear', 'behind', true], ['at the back', 'behind', true],
  ['at the rear', 'behind', true], ['at the front', 'front', true],
];

interface Node {
  next: Map<string, Node>;
  entry?: Entry;
}
const ROOT: Node = { next: new Map() };
for (const entry of [...PHRASES, ...UNARY]) {
  let node = ROOT;
  for (const word of entry[0].split(' ')) {
    let child = node.next.get(word);
    if (!child) node.next.set(word, (child = { next: new Map() }));
    node = child;
  }
  node.entry ??= entry;
}

/** Words after "in" that make it not a containment ("in a row", "in front", "in line"). */
const NOT_INSIDE_AFTER = new Set(['a', 'an', 'one', 'row', 'line', 'rows', 'lines', 'column', 'columns', 'grid', 'pyramid', 'stack', 'circle', 'order', 'sequence', 'place', 'position', 'front', 'back', 'between', 'contact', 'total', 'the']);
/** Plural words naming the lines of a formation after a count ("two rows", "3 columns", "two layers"). */
const FORMATION_LINES = new Set(['rows', 'columns', 'lines', 'layers', 'tiers']);
const ARRANGEMENT_AFTER_ARTICLE = new Set([
  'row', 'line', 'column', 'grid', 'pyramid', 'stack', 'tower', 'circle', 'sequence', 'pile', 'heap', 'ring', 'triangle', 'square',
  'pentagon', 'hexagon', 'heptagon', 'octagon', 'polygon', 'loop', 'diamond', 'circular', 'triangular', 'pentagonal', 'hexagonal',
  'octagonal', 'array', 'matrix', 'formation', 'pattern', 'arrangement', 'quadrilateral',
]);
/** Adjectives that may stand between the article and the arrangement word: "in a straight line", "in a neat row". */
const ARRANGEMENT_ADJECTIVES = new Set(['straight', 'single', 'neat', 'tidy', 'perfect', 'regular', 'even', 'tight', 'loose', 'long', 'short', 'small', 'large', 'big', 'wide', 'horizontal', 'vertical', 'perfectly', 'evenly', 'equally', 'spaced', 'equilateral', 'equal-sided']);

/** Determiners after which "by" names a place next to an object ("by the door", "by its bowl"). */
const BY_OBJECT = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'my', 'your', 'our']);

/** Whether a relation phrase can start with this word (matchRelation is null at any other word). */
export function startsRelation(word: string): boolean {
  return ROOT.next.has(word);
}

/** Longest relation phrase starting at token i, or null. */
export function matchRelation(tokens: Token[], i: number): RelationMatch | null {
  // A word no relation starts with (its class bit, with no lookup) is no relation.
  const first = tokens[i];
  if (first?.kind === 'word' && (first.classes & RELATION_START) === 0) return null;
  let node: Node | undefined = ROOT;
  let best: Entry | undefined;
  let bestLength = 0;
  let shorter: Entry | undefined;
  let shorterLength = 0;
  for (let j = i; j < tokens.length && node; j++) {
    const t = tokens[j];
    if (t.kind !== 'word') break;
    node = node.next.get(t.text);
    if (node?.entry) {
      shorter = best;
      shorterLength = bestLength;
      best = node.entry;
      bestLength = j - i + 1;
    }
  }
  if (!best) return null;
  // "on the left shelf", "at the back door": a side word that goes on into a noun is that noun's modifier, and the
  // shorter relation ("on", "at") takes the noun.
  if (best[2] === true && bestLength > 2 && continuesIntoNoun(tokens, i + bestLength)) {
    if (shorter === undefined) return null;
    best = shorter;
    bestLength = shorterLength;
  }
  const [phrase, type, unary] = best;
  // "by the door" is near it; "by 15 cm", "by 45 degrees", "2 by 3" are no relation.
  if (phrase === 'by' && !BY_OBJECT.has(tokens[i + 1]?.kind === 'word' ? tokens[i + 1].text : '')) return null;
  // "at the packing station", "at dock 2", "at its charging station": a place at an object is beside it; "at 30
  // degrees", "at least", "at the same time", "at position 3", "at the centre of" are no such place.
  if (phrase === 'at' && !atObject(tokens, i + 1)) return null;
  // "into a column", "into two rows": like "in", a formation is no container.
  if (phrase === 'in' || phrase === 'into') {
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    // "in square on table", "in pentagon around pole" (terse, no article): a formation, unless a noun follows the
    // shape word ("in square bins").
    if (next?.kind === 'word' && ARRANGEMENT_AFTER_ARTICLE.has(next.text) && !(after?.kind === 'word' && NOUN_FORMS.has(after.text))) return null;
    // "in two rows of three", "in 3 columns", "in two layers": a grid or stack formation's lines, no container.
    if ((next?.kind === 'num' || (next?.kind === 'word' && NUMBER_WORDS.has(next.text))) && after?.kind === 'word' && FORMATION_LINES.has(after.text)) return null;
    // "in equilateral triangle", "in straight line" (no article): describing words, then the arrangement word.
    if (next?.kind === 'word' && ARRANGEMENT_ADJECTIVES.has(next.text)) {
      let k = i + 1;
      while (tokens[k]?.kind === 'word' && ARRANGEMENT_ADJECTIVES.has(tokens[k].text)) k++;
      const head = tokens[k];
      if (head?.kind === 'word' && ARRANGEMENT_AFTER_ARTICLE.has(head.text) && !(tokens[k + 1]?.kind === 'word' && NOUN_FORMS.has(tokens[k + 1].text))) return null;
    }
    if (next?.kind === 'word' && NOT_INSIDE_AFTER.has(next.text)) {
      // "in the bin" is containment; "in the row", "in a pyramid" are arrangements.
      if (next.text !== 'the' && next.text !== 'a' && next.text !== 'an') return null;
      let k = i + 2;
      while (tokens[k]?.kind === 'word' && ARRANGEMENT_ADJECTIVES.has(tokens[k].text)) k++;
      const head = tokens[k];
      if (head?.kind === 'word' && (ARRANGEMENT_AFTER_ARTICLE.has(head.text) || /^\d+-?gon$/.test(head.text))) return null;
      if (head?.kind === 'num' && tokens[k + 1]?.kind === 'sym') return null;
      if (after?.kind === 'num' || (after?.kind === 'word' && /^\d/.test(after.text))) return null;
    }
  }
  // "onto the top of the enclosure", "above the upper surface of the plate", "under the underside of the shelf": a
  // face of the reference named after a vertical relation is the reference itself.
  const face = unary === true ? 0 : faceOf(tokens, i + bestLength, type);
  return { type, length: bestLength + face, unary: unary === true };
}

/** Words after "at the" that name no object ("at the same time", "at the centre of", "at the moment"). */
const AT_NOT_OBJECT = new Set(['same', 'moment', 'time', 'start', 'beginning', 'end', 'ends', 'top', 'bottom', 'base', 'centre', 'center', 'middle', 'front',
  'back', 'rear', 'left', 'right', 'edge', 'edges', 'corner', 'corners', 'side', 'sides', 'height', 'level', 'angle', 'distance', 'foot', 'head', 'far',
  'near', 'position', 'location', 'spot', 'point', 'rate', 'speed', 'origin', 'lowest', 'highest', 'least', 'most', 'intersection', 'junction', 'midpoint',
  'about', 'approximately', 'approx', 'around', 'roughly', 'exactly', 'max', 'min', 'maximum', 'minimum', 'intervals', 'once', 'first', 'last', 'step', 'stage']);

/** Place words that may start a compound after "at the" ("the front door", "the side gate", "the far wall"). */
const PLACE_MODIFIERS_AT = new Set(['front', 'back', 'rear', 'left', 'right', 'side', 'far', 'near', 'top', 'bottom', 'middle', 'centre', 'center', 'end', 'corner']);

/** Whether "at" before tokens[k] names a place at an object: a determiner and a noun word, or a labelled noun ("dock 2"). */
function atObject(tokens: Token[], k: number): boolean {
  const w = tokens[k]?.kind === 'word' ? tokens[k].text : undefined;
  if (w === undefined) return false;
  if (BY_OBJECT.has(w) && w !== 'a' && w !== 'an') {
    const next = tokens[k + 1];
    if (next?.kind !== 'word') return false;
    // "at the front door", "at the back gate": a place word starting a compound is the noun's modifier.
    const after = tokens[k + 2];
    if (AT_NOT_OBJECT.has(next.text) && PLACE_MODIFIERS_AT.has(next.text)) return after?.kind === 'word' && after.text !== 'of' && !ROOT.next.has(after.text) && !['and', 'or', 'then'].includes(after.text);
    return !AT_NOT_OBJECT.has(next.text) && !ROOT.next.has(next.text);
  }
  const label = tokens[k + 1];
  return /^[a-z][a-z-]+$/.test(w) && !AT_NOT_OBJECT.has(w) && !ROOT.next.has(w) && (label?.kind === 'num' || (label?.kind === 'word' && /^[a-z]$/.test(label.text))) &&
    !(tokens[k + 2]?.kind === 'word' && NOUN_FORMS.has(tokens[k + 2].text));
}

/** Whether the word at k goes on into a noun phrase (a word that is no clause link, separator or relation). */
function continuesIntoNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t?.kind === 'word' && !['and', 'or', 'then', 'of', 'with', 'while', 'so', 'but'].includes(t.text) && !ROOT.next.has(t.text);
}

/** Faces that a vertical relation may name before "of": the top (on, above) or the bottom (below). */
const TOP_FACES = new Set(['top', 'upper', 'surface', 'top-side', 'topside', 'stage', 'deck']);
const BOTTOM_FACES = new Set(['bottom', 'underside', 'lower', 'base']);
const FACE_NOUNS = new Set(['surface', 'face', 'side']);

/** Tokens of "the top of", "the top surface of", "the surface of", "the underside of" … at i, or 0. */
function faceOf(tokens: Token[], i: number, type: ConstraintType): number {
  const faces = type === 'on' || type === 'above' ? TOP_FACES : type === 'below' ? BOTTOM_FACES : undefined;
  if (!faces) return 0;
  let k = i;
  if (wordOf(tokens, k) === 'the') k++;
  if (!faces.has(wordOf(tokens, k) ?? '')) return 0;
  k++;
  if (FACE_NOUNS.has(wordOf(tokens, k) ?? '') && wordOf(tokens, k - 1) !== 'surface') k++;
  return wordOf(tokens, k) === 'of' ? k + 1 - i : 0;
}

function wordOf(tokens: Token[], k: number): string | undefined {
  if (k < 0) return undefined;
  return tokens[k]?.kind === 'word' ? tokens[k].text : undefined;
}
