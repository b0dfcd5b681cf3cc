/**
 * Entities of a scene being parsed: noun phrases are read into references, and references are resolved to
 * named entities (coreference by name, ordinals, counted plurals, pronouns, "other"/"leftmost").
 */
import { ParseError } from '../../errors.js';
import type { Entity } from '../types.js';
import { COLOURS, isKnownKind, isPluralSurface as isPluralForm, kindFacts, NOUN_FORMS, nounForm, NUMBER_WORDS, ORDINALS, PLAIN_ADJECTIVES, singularSurface, SIZES, verbBase, VOLUME_UNITS } from './lexicon.js';
import { DENOMINATORS, isCardinalWord, ONES, readCardinalWords, readFractionWords } from './number-words.js';
import { readQuantity } from './quantities.js';
import { readStatedSize, type StatedSize } from './stated-size.js';
import { matchRelation } from './relations.js';
import type { Token } from './tokenize.js';
import { VERB_FORM } from './word-classes.js';
import { COPULAS, FILLERS } from './lexicon.js';

/** Largest count of one noun phrase ("arrange 1000 boxes"); more is refused, never substituted. */
export const MAX_COUNT = 1000;

/** What a noun phrase said, before it is resolved to entities. */
export interface NounPhrase {
  /** Lexicon kind (size class): `can` for "tin". */
  kind: string;
  /** The noun as the user wrote it, singular, spaces as underscores: `tin`, `robot_arm`, `manipulator`; names come from it. */
  head?: string;
  /** A letter or number naming one object: "crate A" → `a`, "plate 2" → `2`, "bolt3" → `3`. */
  label?: string;
  colour?: string;
  size?: string;
  ordinal?: number;
  /** Explicit index written in the name (`object_3`, `box_0`): the name is kept as written. */
  explicitName?: string;
  /** Numbers or letters naming a group's members: "bolts 1–4" → 1…4 (`bolt_1` … `bolt_4`), "crates A, B and C" → a, b, c. */
  numbers?: (number | string)[];
  /** Sizes written before the noun ("the 60 cm plate", "a 1 m tall lamp", "the 2 x 1 m table"): the object's stated size. */
  stated?: StatedSize;
  count?: number;
  plural: boolean;
  all: boolean;
  other: boolean;
  superlative?: 'left' | 'right' | 'front' | 'behind' | 'above' | 'below';
  pronoun?: 'it' | 'them' | 'previous';
  unknownNoun: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'some', 'any', 'my', 'your', 'our', 'another', 'one', 'several', 'few', 'many', 'multiple', 'various']);
const SUPERLATIVES = new Map<string, NounPhrase['superlative']>([
  ['leftmost', 'left'], ['left-most', 'left'], ['rightmost', 'right'], ['right-most', 'right'], ['frontmost', 'front'],
  ['rearmost', 'behind'], ['backmost', 'behind'], ['topmost', 'above'], ['highest', 'above'], ['uppermost', 'above'],
  ['lowest', 'below'], ['bottommost', 'below'], ['bottom', 'below'],
]);
/** Words that are never nouns, so an unknown-word noun is not invented from them. */
const NOT_NOUNS = new Set([
  'centre-to-centre', 'center-to-center', 'and', 'or', 'but', 'with', 'to', 'of', 'for', 'at', 'by', 'as', 'is', 'are', 'be', 'it', 'them', 'they', 'then', 'while',
  'each', 'every', 'all', 'both', 'other', 'others', 'rest', 'same', 'way', 'so', 'that', 'which', 'where', 'when', 'there', 'here',
  'not', 'no', 'very', 'more', 'less', 'least', 'most', 'than', 'about', 'around', 'along', 'axis', 'spacing', 'apart', 'distance',
  'gap', 'degrees', 'degree', 'radians', 'top', 'side', 'up', 'down', 'out', 'off', 'away', 'over', 'back', 'upside', 'upright', 'facing', 'looking', 'pointing', 'pointed', 'aiming', 'aimed', 'end', 'middle', 'center', 'centre', 'previous', 'next', 'one', 'ones',
  'row', 'line', 'grid', 'pyramid', 'stack', 'tower', 'sequence', 'order', 'forming', 'form', 'precise', 'orientation', 'alignment',
  'collision', 'collisions', 'position', 'again', 'corner', 'corners', 'edge', 'edges', 'perimeter', 'border', 'rim', 'sides', 'ends',
  'circle', 'triangle', 'pentagon', 'hexagon', 'octagon', 'polygon', 'formation', 'pattern', 'arrangement', 'layout', 'shape', 'spacing',
  'rows', 'lines', 'columns', 'circles', 'stacks', 'piles', 'towers', 'grids', 'layers', 'layer', 'tiers', 'tier', 'own', 'high', 'deep', 'wide',
  'clockwise', 'counterclockwise', 'anticlockwise', 'neat', 'neatly', 'tidy', 'space', 'spaced', 'together', 'equal', 'even', 'evenly', 'equally', 'uniform', 'uniformly', 'regular', 'regularly', 'straight', 'contact', 'each', 'another', 'also', 'please', 'now', 'firmly', 'neatly', 'carefully', 'x-axis', 'y-axis', 'z-axis',
]);

const EXPLICIT = /^([\p{L}]+(?:_[\p{L}]+)*)_([\p{L}\d]+)$/u;
/** A noun with a number glued on: "bolt3", "plate12". */
const GLUED_LABEL = /^(\p{L}+?)(\d+)$/u;
/** A noun and its label joined by a hyphen: "bin-3", "rack-b", "tote-12a". */
const DASHED_LABEL = /^(\p{L}{2,})-(\d+[a-z]?|[a-z])$/u;
/** Words after which a lone "a" is a name ("crate a is on crate b"), not an article. */
const AFTER_NAME = new Set(['and', 'or', 'is', 'are', 'should', 'must', 'sits', 'goes', 'then', 'with', 'to', 'from', 'at', 'by', 'so', 'but', 'onto', 'on', 'in', 'into', 'inside', 'between', 'beside', 'near', 'next', 'under', 'over', 'above', 'below', 'behind', 'left', 'right', 'against']);

/** Whether a parts list's count ("x2", "x 4", "×3") is at j: after a verb's -s form it makes that form a plural noun ("clips x2"). */
export function partsCountAt(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t === undefined || (t.kind !== 'word' && t.kind !== 'sym')) return false;
  const w = t.text;
  if ((w.charCodeAt(0) === 120 || w.charCodeAt(0) === 215) && w.length > 1) return /^[x×]\d+$/.test(w);
  return (w === 'x' || w === '×') && tokens[j + 1]?.kind === 'num';
}

/**
 * Reads a letter or number name after a singular noun ("crate A", "plate 2", "station #3", "rack number 4"):
 * the entity is named `crate_a`, `plate_2`. A number followed by a unit is a quantity, not a name; a lone "a"
 * is an article unless what follows cannot start a noun phrase or a quantity.
 */
function withLabel(tokens: Token[], j: number, np: NounPhrase): { np: NounPhrase; next: number } {
  const numbered = np.count === undefined ? (np.plural ? readNumberList(tokens, j) : readRange(tokens, j)) : null;
  if (numbered) return { np: { ...np, numbers: numbered.numbers, count: numbered.numbers.length, plural: true }, next: numbered.next };
  // "small bins x2", "washers x 4", "spacers ×3" (a parts list's quantity after a plural): the count.
  if (np.plural && np.count === undefined) {
    const glued = wordAt(tokens, j)?.match(/^[x×](\d+)$/);
    const n = glued ? Number(glued[1]) : (wordAt(tokens, j) === 'x' || tokens[j]?.text === '×') && tokens[j + 1]?.kind === 'num' && !readQuantity(tokens, j + 1) ? (tokens[j + 1] as { value: number }).value : undefined;
    if (n !== undefined) {
      checkCount(String(n), n, wordAt(tokens, j - 1) ?? '');
      return { np: { ...np, count: n }, next: j + (glued ? 1 : 2) };
    }
  }
  if (np.plural || np.count !== undefined) return { np, next: j };
  let k = j;
  if (NUMBER_MARKS.has(wordAt(tokens, k) ?? '') || (tokens[k]?.kind === 'sym' && tokens[k].text === '#')) k++;
  if (k > j && tokens[k]?.kind === 'sym' && tokens[k].text === '#') k++;
  const t = tokens[k];
  if (t?.kind === 'num' && VOLUME_UNITS.has(wordAt(tokens, k + 1) ?? '')) throw capacityError(tokens, k);
  if (t?.kind === 'num' && Number.isInteger(t.value) && t.value >= 0 && !t.text.startsWith('-') && !readQuantity(tokens, k)) {
    const after = tokens[k + 1];
    const next = after?.kind === 'word' ? after.text : '';
    // "2 by 3" is a grid's size; "press 2 by 90 degrees" names press 2.
    if (!((next === 'by' && readQuantity(tokens, k + 2) === null) || next === 'x' || /^x\d+$/.test(next))) {
      return { np: { ...np, label: String(t.value) }, next: k + 1 };
    }
  }
  // "bracket B2", "motor M1", "valve V12a": an alphanumeric code names the object.
  if (k === j && t?.kind === 'word' && isCode(t.text)) return { np: { ...np, label: t.text }, next: k + 1 };
  if (k === j && t?.kind === 'word' && t.text.length === 1 && t.text >= 'a' && t.text <= 'z') {
    const after = tokens[k + 1];
    // "bolt A, bolt B and bolt C": a letter followed by the same noun with a name of its own is a name too.
    const sibling = after?.kind === 'word' && after.text === wordAt(tokens, j - 1) && /^([a-z]|\d+)$/.test(tokens[k + 2]?.text ?? '');
    const free = sibling || after === undefined || after.kind === 'sep' || (after.kind === 'word' && (AFTER_NAME.has(after.text) || (after.classes & VERB_FORM) !== 0 || matchRelation(tokens, k + 1) !== null));
    const axisWord = (t.text === 'x' || t.text === 'y' || t.text === 'z') && (isWord(after, 'axis') || isWord(after, 'direction'));
    // "the crate a half turn": 'a' before a fraction of a turn is the article of "a half turn", not a name.
    const measured = readQuantity(tokens, k + 1) !== null && !(t.text === 'a' && (isWord(after, 'half') || isWord(after, 'quarter')));
    if (!axisWord && (t.text !== 'a' || ((free || measured) && !readQuantity(tokens, k)))) return { np: { ...np, label: t.text }, next: k + 1 };
  }
  return { np, next: j };
}

/** Words after which a capacity is an object's contents ("the beaker with 50 ml of water"). */
const CONTENTS_OPENERS = new Set(['with', 'containing', 'holding']);

/** "'50 ml of water' is a capacity, not an object to place": a number and a unit of capacity where an object or a name would be. */
function capacityError(tokens: Token[], k: number): ParseError {
  const substance = isWord(tokens[k + 2], 'of') && isWord(tokens[k + 3]) ? ` of ${tokens[k + 3].text}` : '';
  return new ParseError(`'${tokens[k].text} ${wordAt(tokens, k + 1)}${substance}' is a capacity, not an object to place or a distance`);
}

/** An alphanumeric part code: one to three letters, then digits, optionally a letter ("b2", "m1", "ps12", "v3a"). */
const CODE = /^[a-z]{1,3}\d{1,5}[a-z]?$/;

/** CODE.test, with no regular expression run on a word that has no digit where a code's first one stands (most words). */
function isCode(w: string): boolean {
  const d1 = w.charCodeAt(1), d2 = w.charCodeAt(2), d3 = w.charCodeAt(3);
  if (!((d1 >= 48 && d1 <= 57) || (d2 >= 48 && d2 <= 57) || (d3 >= 48 && d3 <= 57))) return false;
  return CODE.test(w);
}

/** Words that say a number after a noun is its name: "rack number 4", "part no. 3" (the tokenizer drops the dot). */
const NUMBER_MARKS = new Set(['number', 'no', 'nr', 'num']);
const RANGE_WORDS = new Set(['to', 'through', 'thru', 'till', 'until']);

/** tokens[k], or undefined before the first (a negative index is read as a named property: many times slower). */
function tokenAt(tokens: Token[], k: number): Token | undefined {
  return k < 0 ? undefined : tokens[k];
}

function wordAt(tokens: Token[], i: number): string | undefined {
  // A negative index is no element: V8 reads it as a named property, up the prototype chain (many times slower).
  if (i < 0) return undefined;
  const t = tokens[i];
  return t?.kind === 'word' ? t.text : undefined;
}

/**
 * A numbered range after a noun: "bolts 1–4", "tubes 1-4", "plates 1 to 3", "1 through 3" (a minus glued to the
 * second number is the dash); the second number must be larger and not followed by a unit.
 */
function readRange(tokens: Token[], j: number): { numbers: number[]; next: number } | null {
  const a = numberToken(tokens[j]);
  if (a?.kind !== 'num' || !Number.isInteger(a.value) || a.value < 0 || a.text.startsWith('-')) return null;
  let k = j + 1;
  const mid = tokens[k];
  let b: Token | undefined = mid;
  if (mid?.kind === 'num' && mid.text.startsWith('-')) {
    b = { kind: 'num', text: mid.text.slice(1), value: -mid.value };
  } else if ((mid?.kind === 'word' && RANGE_WORDS.has(mid.text)) || (mid?.kind === 'sym' && (mid.text === '-' || mid.text === '–' || mid.text === '—'))) {
    k++;
    b = numberToken(tokens[k]);
  } else return null;
  if (b?.kind !== 'num' || !Number.isInteger(b.value) || b.value < 0) return null;
  const unitAfter = readQuantity([b, ...tokens.slice(k + 1, k + 3)], 0);
  if (unitAfter) return null;
  // "crates 5-3", "bins 4 to 4": a range that does not count up is refused naming it.
  if (b.value <= a.value) throw new ParseError(`cannot read the range '${a.text}${mid?.kind === 'word' ? ` ${mid.text} ` : '-'}${b.text}': it must count up (1-4)`);
  if (b.value - a.value + 1 > MAX_COUNT) return null;
  return { numbers: Array.from({ length: b.value - a.value + 1 }, (_, n) => a.value + n), next: k + 1 };
}

/**
 * A range of letters or part codes after a plural noun: "crates A-C", "bins A to D", "totes B through E" (at most
 * 26 members), "vials A1 to A8", "wells A1-A3" (one letter prefix, the numbers counting up). A range that does not
 * count up ("Z-A", "A8-A1"), spans prefixes ("A1-H12", a plate block) or is not single letters ("AA-AC", "A-ZZ")
 * is refused naming it.
 */
function readLetterRange(tokens: Token[], j: number): { numbers: string[]; next: number } | null {
  const t = tokens[j];
  if (t?.kind !== 'word') return null;
  let from: string, to: string, next: number, written: string;
  const glued = /^([a-z]{1,2}|[a-z]{1,3}\d{1,5})[-–—:]([a-z]{1,2}|[a-z]{1,3}\d{1,5})$/.exec(t.text);
  if (glued) [from, to, next, written] = [glued[1], glued[2], j + 1, t.text];
  else {
    const mid = tokens[j + 1];
    const last = wordAt(tokens, j + 2);
    if (!rangeEnd(t.text) || !rangeEnd(last) || !((mid?.kind === 'word' && RANGE_WORDS.has(mid.text)) || (mid?.kind === 'sym' && (mid.text === '-' || mid.text === '–' || mid.text === '—')))) return null;
    [from, to, next, written] = [t.text, last!, j + 3, `${t.text} ${mid.text} ${last}`];
  }
  const refuse = (why: string) => new ParseError(`cannot read the range '${written}': ${why}`);
  const a = /^([a-z]+)(\d*)$/.exec(from)!;
  const b = /^([a-z]+)(\d*)$/.exec(to)!;
  if (a[2] === '' && b[2] === '') {
    if (from.length > 1 || to.length > 1) throw refuse('a range of letters goes from one letter to a later one (A-C)');
    if (to <= from) throw refuse('it must count up (A-C)');
    return { numbers: Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, n) => String.fromCharCode(from.charCodeAt(0) + n)), next };
  }
  if (a[2] === '' || b[2] === '') throw refuse('write both ends as codes (A1 to A8)');
  if (a[1] !== b[1]) throw refuse('a range of codes keeps one letter prefix (A1 to A8); list the members of a block');
  const [first, last] = [Number(a[2]), Number(b[2])];
  if (last <= first) throw refuse('it must count up (A1 to A8)');
  if (last - first + 1 > MAX_COUNT) throw refuse(`more than ${MAX_COUNT} members`);
  return { numbers: Array.from({ length: last - first + 1 }, (_, n) => `${a[1]}${first + n}`), next };
}

/** Whether a word may end a range of letters or codes ("A", "a1"). */
function rangeEnd(w: string | undefined): boolean {
  return w !== undefined && (/^[a-z]$/.test(w) || isCode(w));
}

/** A part code at k ("a1", "b12"), or undefined. */
function codeAt(tokens: Token[], k: number): string | undefined {
  const w = wordAt(tokens, k);
  return w !== undefined && isCode(w) ? w : undefined;
}

/** A number written as a word counts in a range ("plates one through three"); "a", "an", "half" do not. */
function numberToken(t: Token | undefined): Token | undefined {
  if (t?.kind !== 'word') return t;
  const v = NUMBER_WORDS.get(t.text);
  return v !== undefined && Number.isInteger(v) && v >= 1 && t.text !== 'a' && t.text !== 'an' ? { kind: 'num', text: t.text, value: v } : t;
}

/** A single letter naming an object ("crates A, B and C"); "a" only where another letter follows in the list. */
function letterAt(tokens: Token[], k: number): string | undefined {
  const t = tokens[k];
  if (t?.kind !== 'word' || t.text.length !== 1 || t.text < 'a' || t.text > 'z') return undefined;
  if (t.text === 'a') {
    const after = wordAt(tokens, k + 1);
    const then = after === 'and' || after === 'or' ? wordAt(tokens, k + 2) : after;
    if (then === undefined || then.length !== 1 || then < 'b' || then > 'z') return undefined;
  }
  return t.text;
}

/**
 * Numbers or letters listed after a plural noun: "bins 1, 2 and 3", "crates A, B and C" (the commas are gone by
 * now), at least two, distinct, all numbers or all letters.
 */
function readNumberList(tokens: Token[], j: number): { numbers: (number | string)[]; next: number } | null {
  const numbers: (number | string)[] = [];
  // "vials A1 and A2", "bins B2, B3 and B4": part codes listed like letters; "crates A-C and E", "bolts 1, 2 and
  // 4-6", "vials A1-A3 and B1-B2": ranges are members too.
  // (Module functions, no closures made per call: under a loader that keeps function names, such as tsx, each
  // named closure costs a definition of its name.)
  const letters = codeAt(tokens, j) !== undefined || letterAt(tokens, j) !== undefined || readLetterRange(tokens, j) !== null;
  let k = j;
  let next = j;
  let ranges = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    const range = letters ? readLetterRange(tokens, k) : readRange(tokens, k);
    const label = range !== null ? undefined : letters ? letterAt(tokens, k) ?? codeAt(tokens, k) : t.kind === 'num' && Number.isInteger(t.value) && t.value >= 0 && !t.text.startsWith('-') && !readQuantity(tokens, k) ? t.value : undefined;
    if (range !== null || label !== undefined) {
      for (const member of range?.numbers ?? [label!]) {
        // "vials A1 and A1", "bolts 1-4 and 3": a member named twice is refused.
        if (numbers.includes(member)) throw new ParseError(`'${member}' is listed twice`);
        numbers.push(member);
      }
      if (range !== null) ranges++;
      next = k = range?.next ?? k + 1;
      continue;
    }
    const more = letters ? (letterAt(tokens, k + 1) ?? codeAt(tokens, k + 1)) !== undefined || readLetterRange(tokens, k + 1) !== null : tokens[k + 1]?.kind === 'num';
    if (numbers.length > 0 && t.kind === 'word' && (t.text === 'and' || t.text === 'or') && more) {
      k++;
      continue;
    }
    break;
  }
  // "bins 1 and 2 and … 1199": listed members are a count like any other.
  if (numbers.length > MAX_COUNT) checkCount(String(numbers.length), numbers.length, 'listed objects');
  return numbers.length >= 2 || ranges > 0 ? { numbers, next } : null;
}

function isWord(t: Token | undefined, text?: string): t is Token & { kind: 'word' } {
  return t?.kind === 'word' && (text === undefined || t.text === text);
}

/**
 * Whether the word at k continues a compound noun (a further noun after a noun): a lexicon noun or an unknown word
 * that could be a noun, not a relation, adjective, adverb or a number mark ("rack number 4"); "can" before a verb
 * is the modal ("the box can go …"); a verb's base form only at the end of the phrase ("the microscope stage").
 */
function nounContinues(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t?.kind !== 'word') return false;
  const w = t.text;
  if (thirdPersonVerb(tokens, k)) return false;
  // "the cup twenty-five centimetres left of …": a hyphenated number word starts a quantity, not a compound.
  if (w.includes('-') && NUMBER_WORDS.has(w.slice(0, w.indexOf('-'))) && readQuantity(tokens, k) !== null) return false;
  const kind = compoundClass(w);
  if (kind === NEVER) return false;
  const next = tokens[k + 1];
  if (kind === KNOWN) {
    // "the box can go …": the modal.
    return !(w === 'can' && next?.kind === 'word' && modalBefore(next.text));
  }
  // "the arm grips the part": an unknown word before a determiner is a verb taking an object, not a noun.
  if (next?.kind === 'word' && DETERMINERS.has(next.text)) return false;
  if (matchRelation(tokens, k) !== null) return false;
  if (kind === UNKNOWN) return true;
  if (next === undefined || next.kind === 'sep') return true;
  // "charging dock 4": a verb's base form inside a compound, before the number that names it.
  if (next.kind === 'num' && Number.isInteger(next.value) && next.value >= 0 && readQuantity(tokens, k + 1) === null &&
    (tokens[k + 2]?.kind !== 'word' || COPULAS.has(tokens[k + 2].text) || matchRelation(tokens, k + 2) !== null || thirdPersonVerb(tokens, k + 2))) return true;
  // "in front of the loading dock, 3 m apart", "near the test stand, 2 m away": after a singular noun, a verb's base
  // form before a quantity that closes the phrase (apart, away, the end) is the compound's head, not a verb.
  if (next.kind === 'num' && quantityCloses(tokens, k + 1) && !pluralBefore(tokens, k)) return true;
  // "the loading dock sensor": a verb's base form inside a compound, before a further noun.
  return next.kind === 'word' && (matchRelation(tokens, k + 1) !== null || COPULAS.has(next.text) || next.text === 'and' || next.text === 'or' ||
    (compoundClass(next.text) !== NEVER && compoundClass(next.text) !== VERB && nounContinues(tokens, k + 1)));
}

/** Words that end a phrase after its quantity ("3 m apart", "2 m away"). */
const QUANTITY_CLOSERS = new Set(['apart', 'away']);

/** Whether a length at k closes the phrase: "apart", "away", a separator or the end follows it. */
function quantityCloses(tokens: Token[], k: number): boolean {
  const q = readQuantity(tokens, k);
  if (q === null || q.kind !== 'length') return false;
  const after = tokens[k + q.length];
  return after === undefined || after.kind === 'sep' || (after.kind === 'word' && QUANTITY_CLOSERS.has(after.text));
}

/** Whether the word before k is a plural noun ("the cones stand 3 m apart": then k's base form is their verb). */
function pluralBefore(tokens: Token[], k: number): boolean {
  const prev = tokenAt(tokens, k - 1);
  return prev?.kind === 'word' && !SINGULAR_IN_S.has(prev.text) && isPluralForm(prev.text, '');
}

/** Words that open a declarative clause's subject ("The motor mounts …", "Each bracket clips …"). */
const SUBJECT_OPENERS = new Set(['the', 'this', 'that', 'a', 'an', 'each', 'every', 'its', 'their', 'our', 'your', 'my']);

/**
 * Whether the word at k is a declarative clause's verb in the third person ("the sensor slots into the bracket",
 * "the pump bolts onto the frame", "the cover clips firmly onto …"): an -s form right after a singular noun, in a
 * clause that opens with a determiner and has no verb before it, directly followed by a relation (or an -ly adverb
 * and a relation). "Put the pump bolts on the tray" (a verb before it) keeps the plural noun.
 */
export function thirdPersonVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokenAt(tokens, k - 1);
  if (t?.kind !== 'word' || before?.kind !== 'word' || !/[^s]s$/.test(t.text) || t.text.length < 4 || k < 2) return false;
  if (!SUBJECT_OPENERS.has(wordAt(tokens, 0) ?? '')) return false;
  const prevKind = NOUN_FORMS.get(before.text);
  if (prevKind !== undefined ? isPluralForm(before.text, prevKind) : !couldBeNoun(before.text) || /[^s]s$/.test(before.text)) return false;
  const after = /ly$/.test(wordAt(tokens, k + 1) ?? '') ? k + 2 : k + 1;
  const rel = matchRelation(tokens, after);
  // "the hose connects to the pump": "to" and an object after it.
  const toObject = rel === null && wordAt(tokens, after) === 'to' && tokens[after + 1]?.kind === 'word';
  if (!toObject && (rel === null || rel.unary)) return false;
  for (let j = 0; j < k; j++) {
    const w = wordAt(tokens, j);
    if (w !== undefined && (verbBase(w) !== undefined || COPULAS.has(w))) return false;
  }
  return true;
}

/**
 * Whether "can" before this word is the modal ("the box can go …", "can be", "cannot"): a verb or a copula follows.
 * "to" is no verb: "trash can to the right of the fridge" is the noun before a relation.
 */
function modalBefore(next: string): boolean {
  // A modal takes a base form: "the trash can goes …", "the watering can should …", "the oil can is …" keep the noun.
  if (FINITE.has(next) || (/[^s]s$/.test(next) && (COPULAS.has(next) || (verbBase(next) !== undefined && verbBase(next) !== next)))) return false;
  return next !== 'to' && (verbBase(next) !== undefined || COPULAS.has(next) || next === 'not');
}
/** Finite forms that never follow a modal ("can is", "can should"). */
const FINITE = new Set(['is', 'are', 'should', 'must', 'will', 'shall', 'can', 'could', 'would', 'has', 'was', 'were', "it's", 'being', 'been']);

/** Whether a word is a verb form (the clause's verb before its object, unless an article makes it a noun). */
function base0(w: string | undefined): boolean {
  return w !== undefined && verbBase(w) !== undefined;
}

/** A number or a single letter naming an object at k ("slide 3", "press B"), not a quantity with a unit. */
/** Whether the word w at j follows "w <label>", then maybe a comma, "and" or "or" ("slide 1, slide 2", "stage 1 and stage 2"). */
function repeatsLabelled(tokens: Token[], j: number, w: string): boolean {
  let p = j - 1;
  if (wordAt(tokens, p) === 'and' || wordAt(tokens, p) === 'or') p--;
  if (tokenAt(tokens, p)?.kind === 'sep' && tokens[p].text === ',') p--;
  const label = tokenAt(tokens, p);
  const isLabel = label?.kind === 'num' || (label?.kind === 'word' && /^[a-z]$/.test(label.text));
  return isLabel && (wordAt(tokens, p - 1) === w || (wordAt(tokens, p - 1) === '#' && wordAt(tokens, p - 2) === w));
}

/**
 * Whether the verb's base form w at j, named by a label and opening its clause, is the subject of the copula, verb
 * or relation after the label ("Clamp 1 goes left of the frame", "press 2 sits behind it", "…, clamp 2 right of it").
 */
export function labelledSubject(tokens: Token[], j: number, w: string, listed = false): boolean {
  const before = tokenAt(tokens, j - 1);
  // "behind clamp D", "left of press 2 on the bench": right after a relation's phrase, a labelled verb form is its
  // reference (unless a noun follows the label: "… then clamp 2 parts").
  if (before?.kind === 'word' && verbBase(w) === w && labelAfter(tokens, j + 1) && relationEndsAt(tokens, j)) {
    const after = tokens[j + 2];
    return after === undefined || after.kind !== 'word' || !NOUN_FORMS.has(after.text);
  }
  // The last member of a list of the same labelled noun ("clamp 1 and clamp 2 sit") takes the plural verb too.
  const joined = before?.kind === 'sep' || wordAt(tokens, j - 1) === 'and' || wordAt(tokens, j - 1) === 'or';
  if (wordAt(tokens, j - (joined ? 3 : 2)) === w && labelAfter(tokens, j - (joined ? 2 : 1))) listed = true;
  if (!(listed || j === 0 || before?.kind === 'sep' || wordAt(tokens, j - 1) === 'and') || verbBase(w) !== w || !labelAfter(tokens, j + 1)) return false;
  // "Lay 3 slides side by side on the tray", "Stack 2 presses on the cart": a verb of placing opening its clause before a
  // count and a plural that is no copula is the verb and a count, whatever follows ("stack 2 sits on …" stays a subject).
  if (!listed && PLACING_VERBS.has(w) && countThenPlural(tokens, j + 1)) return false;
  // "Press 2 and press 3 go on the bench", "slide A, slide B and slide C sit …": a list of the same labelled verb form
  // is a subject when its last member is.
  const joiner = tokens[j + 2];
  if (wordAt(tokens, j + 3) === w && (joiner?.kind === 'sep' ? joiner.text === ',' : joiner?.text === 'and' || joiner?.text === 'or')) return labelledSubject(tokens, j + 3, w, true);
  // (The clause's commas may be gone: "slide 1 slide 2 and slide 3".)
  if (wordAt(tokens, j + 2) === w && labelAfter(tokens, j + 3)) return labelledSubject(tokens, j + 2, w, true);
  const next = wordAt(tokens, j + 2);
  if (next === undefined) return false;
  if (COPULAS.has(next) && next !== 'to') return true;
  const rel = matchRelation(tokens, j + 2);
  // A list takes the plural verb: "… and slide C sit on the tray".
  return (next !== w && verbBase(next) !== undefined && (/[^s]s$/.test(next) || (listed && verbBase(next) === next && !labelAfter(tokens, j + 3)))) || (rel !== null && !rel.unary);
}

/** Verbs of placing: opening a clause before a count and a plural noun, they are the verb ("lay 3 slides …"). */
const PLACING_VERBS = new Set(['lay', 'set', 'put', 'place', 'stand', 'stack', 'line', 'load', 'mount', 'hang', 'rest', 'slide', 'press',
  'insert', 'position', 'seat', 'pile', 'install', 'drop', 'store', 'park', 'arrange', 'move', 'stage', 'fit', 'fix', 'pack', 'stow',
  'lift', 'lower', 'push', 'bring', 'carry', 'transfer', 'keep', 'leave', 'attach', 'ship', 'shelve', 'rack']);
/** Describing words: colours, sizes and plain adjectives, in one set (one lookup; the lexicon's sets are fixed). */
const DESCRIBING_WORDS: ReadonlySet<string> = new Set([...COLOURS, ...SIZES.keys(), ...PLAIN_ADJECTIVES]);
const DESCRIBING = (w: string) => DESCRIBING_WORDS.has(w);

/**
 * Whether a whole number of at least 2 at k is followed (after describing words: "3 blue slides") by a plural in -s
 * that is no copula ("3 slides", not "2 sits").
 */
export function countThenPlural(tokens: Token[], k: number): boolean {
  const n = tokens[k];
  let m = k + 1;
  while (isWord(tokens[m]) && DESCRIBING(tokens[m].text) && isWord(tokens[m + 1])) m++;
  const next = wordAt(tokens, m);
  return n?.kind === 'num' && Number.isInteger(n.value) && n.value >= 2 && next !== undefined && /[^s]s$/.test(next) && !COPULAS.has(next);
}

export function labelAfter(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t?.kind === 'num') return Number.isInteger(t.value) && t.value >= 0 && readQuantity(tokens, k) === null;
  // (A one-letter test before the regular expression: most words are longer.)
  return t?.kind === 'word' && ((t.text.length === 1 && /^[b-z]$/.test(t.text)) || isCode(t.text) || t.text === '#' || NUMBER_MARKS.has(t.text) || (t.text === 'a' && letterAEndsPhrase(tokens, k + 1)));
}

/**
 * Whether "a" before tokens[k] is a letter name, not an article: "press A goes left of press B", "put press A on
 * the bench", "behind press A" (nothing of a noun phrase follows it: the end, a separator, "and"/"or", a copula or
 * a relation), never "press a button".
 */
function letterAEndsPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined || t.kind === 'sep') return true;
  if (t.kind !== 'word') return false;
  if (t.text === 'and' || t.text === 'or' || (COPULAS.has(t.text) && t.text !== 'to')) return true;
  // "slide A, slide B" (its comma gone): the labelled noun repeated with a label of its own.
  if (t.text === wordAt(tokens, k - 2) && labelAfter(tokens, k + 1)) return true;
  const rel = matchRelation(tokens, k);
  return rel !== null && !rel.unary && !NOUN_FORMS.has(t.text);
}

const NEVER = 0, KNOWN = 1, UNKNOWN = 2, VERB = 3;
/** What a word can be inside a compound, by the word alone (cached: the parse's hot path). */
const COMPOUND_CLASS = new Map<string, number>();

function compoundClass(w: string): number {
  let c = COMPOUND_CLASS.get(w);
  if (c !== undefined) return c;
  if (w.length < 2 || NUMBER_MARKS.has(w) || DETERMINERS.has(w) || NOT_IN_COMPOUNDS.has(w) || (FILLERS.has(w) || PLAIN_ADJECTIVES.has(w) && !HEAD_ADJECTIVES.has(w) || /ly$/.test(w)) && !NOUN_FORMS.has(w)) c = NEVER;
  else if (NOUN_FORMS.has(w)) c = KNOWN;
  else if (couldBeNoun(w)) c = UNKNOWN;
  else if (verbBase(w) === w && !NOT_NOUNS.has(w)) c = VERB;
  else c = NEVER;
  if (COMPOUND_CLASS.size < 50_000) COMPOUND_CLASS.set(w, c);
  return c;
}

/** A compound's name: its modifiers and head joined by underscores ("trash_can", "robot_arm"). */
function joinHead(modifiers: string, head: string): string {
  const h = head.includes(' ') ? head.replace(/ /g, '_') : head;
  return modifiers ? `${modifiers}_${h}` : h;
}

/** Formation words that, closing a relation's reference after a determiner, name an object ("left of the stack"). */
const FORMATION_REFERENCES = new Set(['stack', 'pile', 'tower', 'heap']);
/** Singular nouns ending in "-s" that the "-us/-is/-as/-os/-ss" rule misses ("the lens", not three "len"s). */
const SINGULAR_IN_S = new Set(['lens', 'series', 'species', 'news', 'means', 'thermos', 'mumps', 'innards']);
/**
 * Verb or formation words that end a compound after a noun as its head ("the paper stack", "the tool rest", "the
 * wood pile", "the production line", "the tool set"), when the noun phrase ends with them (a relation, a copula,
 * "and"/"or", a separator or the end follows); alone after a determiner they stay formations ("in a stack").
 */
const COMPOUND_TAILS = new Set(['stack', 'pile', 'tower', 'row', 'line', 'rest', 'set', 'rack', 'stand', 'hold', 'store', 'feed', 'drop', 'lift', 'press', 'stage', 'dock', 'clamp', 'guard', 'mount']);

/** Whether the word at k ends a compound as its head (see COMPOUND_TAILS), after a noun part at k − 1. */
function compoundTailAt(tokens: Token[], k: number, counted = false): boolean {
  const w = wordAt(tokens, k);
  // "two drill presses", "4 tool stands": after a count, a tail's plural ends the compound too ("the tool rests on …"
  // uncounted keeps its verb).
  if (w === undefined || !(COMPOUND_TAILS.has(w) || (counted && /s$/.test(w) && (COMPOUND_TAILS.has(w.slice(0, -1)) || (w.endsWith('es') && COMPOUND_TAILS.has(w.slice(0, -2))))))) return false;
  const next = tokens[k + 1];
  if (next === undefined || next.kind === 'sep') return true;
  if (!counted && next.kind === 'sym' && next.text === '#') return true;
  if (next.kind !== 'word') return false;
  if (next.text === 'and' || next.text === 'or' || (COPULAS.has(next.text) && next.text !== 'to')) return true;
  // A label naming the compound: "the red drill press no. 4", "the drill press B12".
  if (!counted && labelAfter(tokens, k + 1)) return true;
  // A counted group's formation after it: "3 drill presses in a row", "two tool stands side by side".
  if (counted && ((next.text === 'in' && (wordAt(tokens, k + 2) === 'a' || wordAt(tokens, k + 2) === 'an')) || (next.text === 'side' && wordAt(tokens, k + 2) === 'by'))) return true;
  const rel = matchRelation(tokens, k + 1);
  return rel !== null && !rel.unary;
}

/** Words after a comparative that show it is one ("nearer the door", "closer to", "further from", "wider than"). */
const AFTER_COMPARATIVE = new Set(['from', 'to', 'than', 'the', 'of']);

/** Whether the word at k is one of degree: a superlative in -est, or a comparative in -er before from/to/than/the. */
function degreeAt(tokens: Token[], k: number): boolean {
  const w = wordAt(tokens, k);
  if (w === undefined || NOUN_FORMS.has(w)) return false;
  return w.endsWith('est') || (w.endsWith('er') && AFTER_COMPARATIVE.has(wordAt(tokens, k + 1) ?? ''));
}

/** Nouns plural in form that name one object ("the scissors"): one entity, named as written, unless counted. */
const PLURALIA_TANTUM = new Set([
  'scissors', 'pliers', 'tweezers', 'tongs', 'shears', 'goggles', 'headphones', 'binoculars', 'clippers', 'forceps', 'calipers',
  'callipers', 'snips', 'pincers', 'spectacles', 'trousers', 'jeans', 'shorts', 'pants', 'earphones', 'earbuds',
]);
const PLACE_MODIFIERS = new Set(['side', 'end', 'corner']);
/**
 * Words that are adjectives or place words but also nouns that start compounds ("the light curtain", "the space
 * heater", "the top cover", "the bottom shelf"): right after a determiner and directly before a noun they are the
 * compound's first word (the name keeps it), not a weight, a spacing or an orientation.
 */
const NOUN_MODIFIERS = new Set(['light', 'space', 'top', 'bottom']);
/** Adjectives that are also nouns and end compounds ("the pendant light", "the desk light"): after a noun, the noun. */
const HEAD_ADJECTIVES = new Set(['light']);

/** Whether the word at j starts a compound as a noun modifier ("the top cover"), not as an adjective or place word. */
export function nounModifierAt(tokens: Token[], j: number): boolean {
  const w = wordAt(tokens, j);
  return w !== undefined && NOUN_MODIFIERS.has(w) && DETERMINERS.has(wordAt(tokens, j - 1) ?? '') && !COLOURS.has(wordAt(tokens, j + 1) ?? '') &&
    wordAt(tokens, j + 1) !== 'of' && nounContinues(tokens, j + 1);
}
const DEPTH_MODIFIERS = new Set(['deep', 'shallow']);

/** Whether a relation phrase with a reference ("in front of", "next to", "above") ends right before token j. */
function relationEndsAt(tokens: Token[], j: number): boolean {
  for (let k = Math.max(0, j - 5); k < j; k++) {
    const rel = matchRelation(tokens, k);
    if (rel !== null && !rel.unary && k + rel.length === j) return true;
  }
  return false;
}
const DIRECTION_MODIFIERS = new Set(['left', 'right', 'center', 'centre', 'middle', 'front', 'back', 'rear']);

/** Prepositions and orientation words that never continue a compound ("the beam across …", "the cup face down"). */
const NOT_IN_COMPOUNDS = new Set([
  'across', 'through', 'thru', 'via', 'toward', 'towards', 'before', 'after', 'until', 'till', 'per', 'like', 'face', 'facedown', 'faceup',
  'inverted', 'sideways', 'diagonal', 'tilted', 'slanted', 'angled', 'mirrored', 'flipped', 'staggered', 'offset', 'halfway', 'midpoint',
  'north', 'south', 'east', 'west', 'lengthwise', 'crosswise', 'first', 'last', 'next', 'instead', 'too', 'either', 'neither', 'nor',
  'in', 'on', 'at', 'by', 'contact', 'clockwise', 'counterclockwise', 'anticlockwise', 'cw', 'ccw', 'max', 'maximum', 'min', 'minimum',
  'radius', 'diameter',
]);

/** The word at each position of these tokens, as the number readers take it (an unnamed function: no per-call naming under a keep-names transform). */
function wordReader(tokens: Token[]): (k: number) => string | undefined {
  return (k) => wordAt(tokens, k);
}

/**
 * First words of the lexicon's nouns of several words ("robot arm", "test tube"): a two-word form can start only at one
 * of them, so no pair of words is joined and looked up elsewhere. (The lexicon is complete once its module has loaded.)
 */
const COMPOUND_STARTS = new Set([...NOUN_FORMS.keys()].filter((form) => form.includes(' ')).map((form) => form.slice(0, form.indexOf(' '))));

/** Could this word stand as an unknown noun? */
function couldBeNoun(word: string): boolean {
  let known = COULD_BE_NOUN.get(word);
  if (known === undefined) {
    known = readCouldBeNoun(word);
    if (COULD_BE_NOUN.size >= COULD_BE_NOUN_LIMIT) COULD_BE_NOUN.clear();
    COULD_BE_NOUN.set(word, known);
  }
  return known;
}

/** couldBeNoun's answers by word (it depends on the word alone); emptied when full, so untrusted text cannot grow it without bound. */
const COULD_BE_NOUN = new Map<string, boolean>();
const COULD_BE_NOUN_LIMIT = 10_000;

function readCouldBeNoun(word: string): boolean {
  // "-ly" makes adverbs ("mounts directly behind", "slightly left of"); the few nouns ending so ("supply",
  // "assembly", "dolly") are in the lexicon.
  if (word === '3d' || word === '2d') return true;
  return /^[\p{L}][\p{L}'-]*$/u.test(word) && word.length > 1 && !/ly$/.test(word) && !NOT_NOUNS.has(word) && verbBase(word) === undefined && !COPULAS.has(word) &&
    !COLOURS.has(word) && !SIZES.has(word) && !ORDINALS.has(word) && !NUMBER_WORDS.has(word) && !isCardinalWord(word);
}

/** The noun head of a phrase starting at k after stated size words (colours skipped), or −1. */
function statedNounAt(tokens: Token[], k: number): number {
  let head = k;
  while (COLOURS.has(wordAt(tokens, head) ?? '')) head++;
  const t = tokens[head];
  if (!isWord(t)) return -1;
  const noun = NOUN_FORMS.has(t.text) || NOUN_FORMS.has(`${t.text} ${wordAt(tokens, head + 1) ?? ''}`) || (couldBeNoun(t.text) && matchRelation(tokens, head + 1) !== null);
  return noun ? head : -1;
}

/** Words after "the one" that make it the previous member of a sequence ("each on the one below"). */
const BEFORE_WORDS = new Set(['below', 'beneath', 'underneath', 'under', 'before']);

/** Verbs after "the two", "the pair" standing for the two objects just named ("so the two are touching"). */
const PAIR_VERBS = new Set(['are', 'is', 'stay', 'remain', 'touch', 'meet', 'sit', 'stand', 'lie', 'should', 'must']);

/** Words that open or describe a noun phrase before its noun (pronouns, determiners, quantifiers, counts, parts). */
const MODIFIER_WORDS = new Set([
  'it', 'itself', 'that', 'them', 'they', 'themselves', 'two', 'pair', 'previous', 'preceding', 'last', 'one', 'both', 'each', 'all',
  'every', 'other', 'others', 'remaining', 'zero', 'minus', 'negative', 'half', 'a', 'an', ...DETERMINERS, ...DENOMINATORS.keys(),
  ...ONES.keys(), ...NUMBER_WORDS.keys(), ...ORDINALS.keys(), ...SUPERLATIVES.keys(), ...COLOURS, ...SIZES.keys(), ...PLAIN_ADJECTIVES,
]);

/** modifierBits: which of readNounPhrase's word sets before the noun a word is in (one bit each). */
const MODIFIER_WORD = 1;
const DETERMINER = 2;
const CARDINAL = 4;
const NUMBER_WORD = 8;
const ORDINAL = 16;
const SUPERLATIVE = 32;
const COLOUR = 64;
const SIZE = 128;
const ADJECTIVE = 256;
/** readFractionWords can read a numerator at the word ('a', 'an', or a unit of ONES from one up, before any hyphen). */
const NUMERATOR = 512;
const DENOMINATOR = 1024;

/**
 * The sets a word is in that readNounPhrase tests before the noun, as bits, in one lookup cached by word (the lexicon
 * is fixed). MODIFIER_WORD: a pronoun, a determiner, a count, a part, an ordinal, a superlative, a colour, a size, a
 * describing word, or any hyphenated word (which may be a number or a fraction); every other bit implies it.
 */
function modifierBits(w: string): number {
  let bits = MODIFIER.get(w);
  if (bits === undefined) {
    const dash = w.indexOf('-');
    const top = dash > 0 ? w.slice(0, dash) : w;
    const numerator = top === 'a' || top === 'an' ? 1 : ONES.get(top);
    bits = (MODIFIER_WORDS.has(w) || dash >= 0 || isCardinalWord(w) ? MODIFIER_WORD : 0) | (DETERMINERS.has(w) ? DETERMINER : 0) | (isCardinalWord(w) ? CARDINAL : 0) |
      (NUMBER_WORDS.has(w) ? NUMBER_WORD : 0) | (ORDINALS.has(w) ? ORDINAL : 0) | (SUPERLATIVES.has(w) ? SUPERLATIVE : 0) | (COLOURS.has(w) ? COLOUR : 0) |
      (SIZES.has(w) ? SIZE : 0) | (PLAIN_ADJECTIVES.has(w) ? ADJECTIVE : 0) | (numerator !== undefined && numerator >= 1 ? NUMERATOR : 0) | (DENOMINATORS.has(w) ? DENOMINATOR : 0);
    if (MODIFIER.size >= 10_000) MODIFIER.clear();
    MODIFIER.set(w, bits);
  }
  return bits;
}
const MODIFIER = new Map<string, number>();

/**
 * Reads a noun phrase at i. `bare` allows an unknown word with no determiner before it to be a noun
 * (used in subject and object positions). Returns null when no noun phrase starts there.
 */
export function readNounPhrase(tokens: Token[], i: number, bare: boolean): { np: NounPhrase; next: number } | null {
  let j = i;
  // Every field present from the start, in one order: noun phrases then share one object shape (monomorphic
  // property access in the parser's hot paths).
  const np: NounPhrase = {
    kind: '', head: undefined, label: undefined, colour: undefined, size: undefined, ordinal: undefined, explicitName: undefined, numbers: undefined,
    stated: undefined, count: undefined, plural: false, all: false, other: false, superlative: undefined, pronoun: undefined, unknownNoun: false,
  };
  let sawModifier = false;
  // The number readers' view of the tokens, made when a number word is first read (most phrases have none).
  let words: ((k: number) => string | undefined) | undefined;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'num') {
      // "with a 5 cm gap", "a 40 mm pitch": a number with a unit is a quantity, never a count; right after a
      // determiner and before a noun ("the 60 cm plate", "a 1 m long shelf") it is the object's stated size.
      // ("the 10 mm socket": an unknown noun that ends the phrase, before a relation, takes it too.)
      // After a count ("two 1 m shelves", "3 60 cm trays") it is each member's.
      const counted = np.count !== undefined && (tokenAt(tokens, j - 1)?.kind === 'num' || NUMBER_WORDS.has(wordAt(tokens, j - 1) ?? ''));
      const sized = j > i && (DETERMINERS.has(wordAt(tokens, j - 1) ?? '') || counted) ? readStatedSize(tokens, j, (k) => statedNounAt(tokens, k)) : null;
      if (sized !== null) {
        np.stated = sized.size;
        j = sized.next - 1;
        sawModifier = true;
        continue;
      }
      if (j > i && readQuantity(tokens, j) !== null) return null;
      // "the 50 ml tube", "a 250 mL beaker", "the 2 L bottle": a capacity before a noun describes it, it counts nothing.
      if (VOLUME_UNITS.has(wordAt(tokens, j + 1) ?? '') && isWord(tokens[j + 2]) && !VOLUME_UNITS.has(wordAt(tokens, j + 2) ?? '') && readQuantity(tokens, j + 2) === null &&
        (NOUN_FORMS.has(tokens[j + 2].text) || couldBeNoun(tokens[j + 2].text))) {
        j++;
        sawModifier = true;
        continue;
      }
      // "50 ml of water", "pour 50 ml into …": a capacity is never objects, a count or a distance.
      // ("the beaker with 50 ml of water", "the flask containing 100 ml of ethanol", "…, 50 ml each": the contents
      // of an object named before it are no noun phrase.)
      if (VOLUME_UNITS.has(wordAt(tokens, j + 1) ?? '')) {
        if (j === i && (CONTENTS_OPENERS.has(wordAt(tokens, j - 1) ?? '') || isWord(tokens[j + 2], 'each'))) return null;
        throw capacityError(tokens, j);
      }
      if (Number.isInteger(t.value) && t.value > 0 && t.value <= MAX_COUNT) np.count = t.value;
      else return null;
      sawModifier = true;
      continue;
    }
    if (t.kind !== 'word') return null;
    const w = t.text;
    // The words of a phrase's pronouns, determiners, counts and describing words; a word none of them can start (nor
    // an ordinal before it) is the noun (modifierBits). A check added here needs its words in MODIFIER_WORDS.
    modifiers: {
      const bits = modifierBits(w);
      if (np.ordinal === undefined && (bits & MODIFIER_WORD) === 0) break modifiers;
      if (w === 'it' || w === 'itself') return { np: { ...np, kind: '', pronoun: 'it' }, next: j + 1 };
      // "…and the small box on top of that": 'that' alone closing the phrase stands for what was just placed, as "it".
      if (w === 'that' && j === i && (tokens[j + 1] === undefined || tokens[j + 1].kind === 'sep')) return { np: { ...np, kind: '', pronoun: 'it' }, next: j + 1 };
      if (w === 'them' || w === 'they' || w === 'themselves') return { np: { ...np, kind: '', pronoun: 'them', plural: true }, next: j + 1 };
      // "so the two are touching", "the pair are in contact": the two objects just named, as "they" (only before a verb
      // of being, never "the two boxes").
      if (j === i + 1 && wordAt(tokens, i) === 'the' && (w === 'two' || w === 'pair') && PAIR_VERBS.has(wordAt(tokens, j + 1) ?? '')) {
        return { np: { ...np, kind: '', pronoun: 'them', plural: true, count: 2 }, next: j + 1 };
      }
      if ((w === 'previous' || w === 'preceding' || w === 'last') && (isWord(tokens[j + 1], 'one') || isWord(tokens[j + 1], 'ones'))) {
        return { np: { ...np, kind: '', pronoun: 'previous' }, next: j + 2 };
      }
      // "each one on the one below", "the one before": the previous member of a sequence (closing the phrase).
      if (w === 'one' && j === i + 1 && wordAt(tokens, i) === 'the' && BEFORE_WORDS.has(wordAt(tokens, j + 1) ?? '') && (tokens[j + 2] === undefined || tokens[j + 2].kind === 'sep' || isWord(tokens[j + 2], 'it'))) {
        return { np: { ...np, kind: '', pronoun: 'previous' }, next: isWord(tokens[j + 2], 'it') ? j + 3 : j + 2 };
      }
      // "so it touches both", "touching each": 'both' or 'each' alone, closing the phrase, stands for the objects just
      // named, as "them" does (never after "between": "2 cm between each" is the group's own spacing).
      if ((w === 'both' || w === 'each') && j === i && wordAt(tokens, j - 1) !== 'between' && (tokens[j + 1] === undefined || tokens[j + 1].kind === 'sep')) {
        return { np: { ...np, kind: '', pronoun: 'them', plural: true }, next: j + 1 };
      }
      if (w === 'all' || w === 'every' || w === 'each' || w === 'both') {
        np.all = true;
        if (w === 'both') np.count = 2;
        sawModifier = true;
        if (isWord(tokens[j + 1], 'of')) j++;
        continue;
      }
      if (w === 'other' || w === 'others' || w === 'remaining') {
        np.other = true;
        sawModifier = true;
        if (w === 'others') return { np: { ...np, kind: 'object', plural: true }, next: j + 1 };
        continue;
      }
      if (np.ordinal !== undefined && (w === 'one' || !isWord(tokens[j + 1]) && !NOUN_FORMS.has(w) && !EXPLICIT.test(w) && !couldBeNoun(w))) {
        // "the second one", "the first": an ordinal of the kind last mentioned.
        return { np: { ...np, kind: '' }, next: w === 'one' ? j + 1 : j };
      }
      if ((bits & DETERMINER) !== 0) {
        sawModifier = true;
        continue;
      }
      // "zero crates": a count, refused like "0 crates", never a name.
      if (w === 'zero' && isWord(tokens[j + 1]) && readQuantity(tokens, j) === null) checkCount(w, 0, tokens[j + 1].text);
      // "minus three cones", "negative 2 boxes": a negative count, refused like "-3 cones", never an object 'minus'.
      if (w === 'minus' || w === 'negative') {
        const next = tokens[j + 1];
        const signed = next?.kind === 'num' ? { text: next.text, value: next.value, length: 1 } : isCardinalWord(wordAt(tokens, j + 1) ?? '') ? readCardinalWords((words ??= wordReader(tokens)), j + 1) : null;
        if (signed !== null && isWord(tokens[j + 1 + signed.length]) && readQuantity(tokens, j + 1) === null) checkCount(`${w} ${signed.text}`, -signed.value, tokens[j + 1 + signed.length].text);
      }
      // "twenty-one boxes", "nine hundred and ninety nine boxes", "two thousand boxes": the whole number in words.
      // "half of the boxes", "a quarter of the crates", "two thirds of the bins": a part of a group is no count.
      // (readFractionWords finds nothing at a word with no numerator, nor after 'a' at a word that is no denominator.)
      const part = w === 'half' ? { text: 'half', length: 1, from: j } : ((bits & DENOMINATOR) !== 0 && isWord(tokenAt(tokens, j - 1), 'a') ? withFrom(readFractionWords((words ??= wordReader(tokens)), j - 1), j - 1) : null) ??
        ((bits & NUMERATOR) !== 0 ? withFrom(readFractionWords((words ??= wordReader(tokens)), j), j) : null);
      if (part !== null && (wordAt(tokens, part.from + part.length) === 'of' || wordAt(tokens, part.from + part.length) === 'the')) {
        throw new ParseError(`cannot place ${tokens.slice(part.from, part.from + part.length + (wordAt(tokens, part.from + part.length) === 'of' ? 3 : 2)).map((x) => x.text).join(' ')}: a count must be a whole number from 1 to ${MAX_COUNT}`);
      }
      const cardinal = (bits & CARDINAL) !== 0 ? readCardinalWords((words ??= wordReader(tokens)), j) : null;
      if (cardinal !== null && cardinal.value >= 2) {
        if (isWord(tokens[j + cardinal.length])) checkCount(cardinal.text, cardinal.value, tokens[j + cardinal.length].text);
        np.count = cardinal.value;
        j += cardinal.length - 1;
        sawModifier = true;
        if (isWord(tokens[j + 1], 'of') && !isWord(tokens[j + 2], 'them')) j++;
        continue;
      }
      const number = (bits & NUMBER_WORD) !== 0 ? NUMBER_WORDS.get(w) : undefined;
      if (number !== undefined && Number.isInteger(number) && number >= 2) {
        np.count = number;
        sawModifier = true;
        // "a pair of gloves", "a dozen of the cups", "a couple of boxes": the count, then the noun.
        if (isWord(tokens[j + 1], 'of') && !isWord(tokens[j + 2], 'them')) j++;
        continue;
      }
      const ordinal = (bits & ORDINAL) !== 0 ? ORDINALS.get(w) : undefined;
      if (ordinal !== undefined) {
        np.ordinal = ordinal;
        sawModifier = true;
        continue;
      }
      const superlative = (bits & SUPERLATIVE) !== 0 ? SUPERLATIVES.get(w) : undefined;
      if (superlative !== undefined && w !== 'bottom') {
        np.superlative = superlative;
        sawModifier = true;
        continue;
      }
      if ((bits & COLOUR) !== 0) {
        // The user's spelling names the object: `grey` stays `grey_cushion` (the model reads grey and gray alike).
        np.colour = w;
        sawModifier = true;
        continue;
      }
      if ((bits & SIZE) !== 0) {
        np.size = w;
        sawModifier = true;
        continue;
      }
      // "the glass beaker", "a cardboard box": a material word that is also a noun, right before a noun, is the
      // material (no part of the name: `beaker`); alone or counted it is the object ("the glass", "two glasses").
      if ((bits & ADJECTIVE) !== 0 && NOUN_FORMS.has(w) && nounContinues(tokens, j + 1) && !isWord(tokens[j + 2], 'of') && !labelAfter(tokens, j + 1)) {
        sawModifier = true;
        continue;
      }
      if ((bits & ADJECTIVE) !== 0 && !NOUN_FORMS.has(w) && !nounModifierAt(tokens, j)) {
        // "the light 2 m above …", "the spare on the shelf": a describing word right after a determiner, with no
        // noun after it (a quantity, a relation, the end), is the noun.
        const next = tokens[j + 1];
        // So is one after a determiner or a count and other describing words, or one a label names ("the red light
        // behind the plant", "the small light B12 behind the stand", "the light A near the cone").
        // Or, for a word that is also a noun ("light"), one that opens the phrase with no article ("position light
        // above the table", "mount light 2 m above the floor").
        const opened = DETERMINERS.has(wordAt(tokens, j - 1) ?? '') || describedAfter(tokens, j) !== null || (j === i && HEAD_ADJECTIVES.has(w));
        if (opened && (labelAfter(tokens, j + 1) || (next?.kind === 'sym' && next.text === '#')) && (wordAt(tokens, j + 1) !== 'a' || !isWord(tokens[j + 2]) || matchRelation(tokens, j + 2) !== null)) {
          return withLabel(tokens, j + 1, { ...np, kind: w, head: w, unknownNoun: true });
        }
        if (opened && (next === undefined || next.kind !== 'word' || readQuantity(tokens, j + 1) !== null || matchRelation(tokens, j + 1) !== null || (COPULAS.has(next.text) && next.text !== 'to'))) {
          return { np: { ...np, kind: w, head: w, unknownNoun: true }, next: j + 1 };
        }
        sawModifier = true;
        continue;
      }
    }
    // Noun: explicit name, lexicon (two-word forms first), or an unknown word in noun position.
    const explicit = w.includes('_') ? EXPLICIT.exec(w) : null;
    if (explicit) {
      const kind = NOUN_FORMS.get(explicit[1].replace(/_/g, ' ')) ?? explicit[1];
      return { np: { ...np, kind, head: explicit[1], explicitName: w }, next: j + 1 };
    }
    const last = w.charCodeAt(w.length - 1);
    const glued = last >= 48 && last <= 57 ? GLUED_LABEL.exec(w) : null;
    if (glued && NOUN_FORMS.has(glued[1])) {
      // "bolt3", "crateB2": the user's word is the name.
      const kind = NOUN_FORMS.get(glued[1])!;
      return { np: { ...np, kind, head: glued[1], explicitName: w }, next: j + 1 };
    }
    // "Bin-3", "tote-12", "rack-B": a noun and its label joined by a hyphen name one object, as "bin 3" does.
    const dashed = w.includes('-') ? DASHED_LABEL.exec(w) : null;
    if (dashed && (NOUN_FORMS.has(dashed[1]) || couldBeNoun(dashed[1]) || verbBase(dashed[1]) === dashed[1]) && !NUMBER_WORDS.has(dashed[1])) {
      const kind = NOUN_FORMS.get(dashed[1]) ?? dashed[1];
      return { np: { ...np, kind, head: dashed[1], label: dashed[2], unknownNoun: !NOUN_FORMS.has(dashed[1]) }, next: j + 1 };
    }
    // "the mug can go on the shelf": the modal, not a noun.
    if (w === 'can' && isWord(tokens[j + 1]) && modalBefore(tokens[j + 1].text)) return null;
    const two = isWord(tokens[j + 1]) && COMPOUND_STARTS.has(w) ? `${w} ${tokens[j + 1].text}` : '';
    if (two && NOUN_FORMS.has(two) && !nounContinues(tokens, j + 2)) {
      const kind = NOUN_FORMS.get(two)!;
      return withLabel(tokens, j + 2, { ...np, kind, head: singularSurface(two, kind).replace(/ /g, '_'), plural: isPluralForm(two, kind) });
    }
    // A noun, or a verb's base form right after a determiner ("the clamp", "a slide", "the stage"), or an "-ing"
    // modifier before a noun ("the washing machine"): it may start a compound.
    const afterDeterminer = DETERMINERS.has(wordAt(tokens, j - 1) ?? '');
    // "in front of dock door 2": right after a relation's closing preposition, a verb's base form that starts a
    // compound is a noun too.
    // ("to dock 2" after a verb of moving: the destination's preposition.)
    const afterPreposition = j === i && (relationEndsAt(tokens, j) || (wordAt(tokens, j - 1) === 'to' && labelAfter(tokens, j + 1))) && (nounContinues(tokens, j + 1) || (tokens[j + 1]?.kind === 'num' && Number.isInteger((tokens[j + 1] as { value: number }).value)) ||
      tokens[j + 1] === undefined || tokens[j + 1].kind === 'sep');
    // "set slide 3 on the stage", "rotate press 2 by 90 degrees", "set slide on stage": right after the clause's
    // verb (no article between), a verb's base form named by a number or a letter, starting a compound or followed
    // by a relation is its object (two imperatives do not follow each other unjoined).
    const afterVerb = j === i && base0(wordAt(tokens, j - 1)) && !DETERMINERS.has(wordAt(tokens, j - 2) ?? '') && (nounContinues(tokens, j + 1) || labelAfter(tokens, j + 1) || matchRelation(tokens, j + 1) !== null);
    // "slide 1, slide 2 and slide 3": a verb's base form named by a label, repeating the labelled noun just before it
    // (a comma, "and" or "or" between), is the next member of that list.
    const listMember = j === i && labelAfter(tokens, j + 1) && (repeatsLabelled(tokens, j, w) || labelledSubject(tokens, j, w));
    // "the two clamps", "3 presses", "the clamps": a verb's -s form after a count or a determiner is a plural noun.
    // "the blue press #3", "two red stands": after a determiner or a count and describing words, a verb form is a noun.
    const described = describedAfter(tokens, j);
    const base = verbBase(w);
    const pluralVerbNoun = base !== undefined && base !== w && (w === `${base}s` || w === `${base}es`) && !NOT_NOUNS.has(base) &&
      (afterDeterminer || (np.count !== undefined && (tokenAt(tokens, j - 1)?.kind === 'num' || NUMBER_WORDS.has(wordAt(tokens, j - 1) ?? '') || described === 'count')) || partsCountAt(tokens, j + 1));
    const verbNoun = ((afterDeterminer || afterPreposition || afterVerb || listMember || described !== null) && base === w && !NOT_NOUNS.has(w) && !FILLERS.has(w) && w.length > 1) || pluralVerbNoun;
    // "in front of loading door 2", "to loading dock 1", "Loading dock 1 is …": with no determiner, an "-ing" form
    // right after a relation's closing preposition or "to", or opening the clause, before a noun, is a modifier too.
    const ingModifier = (sawModifier || (bare && j === i && ((j === 0 && !isPluralForm(wordAt(tokens, j + 1) ?? '', NOUN_FORMS.get(wordAt(tokens, j + 1) ?? '') ?? '')) || relationEndsAt(tokens, j) || wordAt(tokens, j - 1) === 'to'))) && w.endsWith('ing') && base !== undefined && base !== w && nounContinues(tokens, j + 1);
    const form = nounForm(w);
    const known = form !== undefined;
    // "the deep well plate", "a shallow tray": a depth word directly before a noun names a kind of it (its name keeps it).
    const depthModifier = (sawModifier || bare) && DEPTH_MODIFIERS.has(w) && nounContinues(tokens, j + 1);
    // "the side table", "the end cap": a place word directly before a lexicon noun names a kind of it.
    // "the end stop", "the corner post": before a word the lexicon does not know, too, when that word goes on into the noun.
    // Not before a word of degree ("the end farthest from the door", "the corner closest to the window": a place).
    const placeModifier = sawModifier && PLACE_MODIFIERS.has(w) && (NOUN_FORMS.has(wordAt(tokens, j + 1) ?? '') || (nounContinues(tokens, j + 1) && !degreeAt(tokens, j + 1))) && wordAt(tokens, j + 2) !== 'of';
    // "the left panel", "the back door", "the center rail": a direction word directly between a determiner and a
    // noun is a modifier of that noun (its name keeps it), not a relation.
    const directionModifier = afterDeterminer && DIRECTION_MODIFIERS.has(w) && nounContinues(tokens, j + 1) && wordAt(tokens, j + 2) !== 'of';
    // "to the left of the stack", "behind the pile": a formation word closing a relation's reference is an object.
    const formationReference = afterDeterminer && FORMATION_REFERENCES.has(w) && relationEndsAt(tokens, j - 1) && (tokens[j + 1] === undefined || tokens[j + 1].kind === 'sep' || isWord(tokens[j + 1], 'and'));
    if (known || verbNoun || ingModifier || formationReference || nounModifierAt(tokens, j) || placeModifier || directionModifier || depthModifier || ((sawModifier || bare) && couldBeNoun(w) && !matchRelation(tokens, j))) {
      // Noun-noun compounds: "the trash can", "the heater shaker", "the packing table", "the base plate". The last
      // noun is the head: its lexicon kind sizes the entity; the name is the user's words joined.
      const parts = [w];
      let k = j + 1;
      // A plural noun ends the phrase ("the boxes on …"), unless an uncounted singular lexicon noun follows it:
      // "the parts bin", "the tools cart".
      const pluralFirst = known && form.plural;
      const next = wordAt(tokens, j + 1);
      const nextForm = next !== undefined ? nounForm(next) : undefined;
      if (!pluralFirst || (np.count === undefined && !np.all && nextForm !== undefined && !nextForm.plural && nounContinues(tokens, j + 1))) {
        while (nounContinues(tokens, k) || (compoundTailAt(tokens, k, (np.count ?? 0) > 1) && !isPluralForm(parts[parts.length - 1], NOUN_FORMS.get(parts[parts.length - 1]) ?? parts[parts.length - 1]))) {
          const pair = isWord(tokens[k + 1]) && COMPOUND_STARTS.has(wordAt(tokens, k) ?? '') ? `${wordAt(tokens, k)} ${wordAt(tokens, k + 1)}` : '';
          if (pair && NOUN_FORMS.has(pair)) {
            parts.push(pair);
            k += 2;
            break;
          }
          parts.push(wordAt(tokens, k)!);
          k++;
          if (nounForm(parts[parts.length - 1])?.plural === true) break;
        }
      }
      const last = parts[parts.length - 1];
      const lastForm = parts.length === 1 ? form : nounForm(last);
      const modifiers = parts.length > 1 ? parts.slice(0, -1).join('_') : '';
      if (lastForm !== undefined) {
        const kind = lastForm.kind;
        // "the pliers", "the scissors": one object unless counted ("two pliers").
        if (PLURALIA_TANTUM.has(last) && np.count === undefined && !np.all) return withLabel(tokens, k, { ...np, kind, head: joinHead(modifiers, last) });
        // (np is this call's own object, read by nothing else yet: it is filled in place rather than copied.)
        np.kind = kind;
        np.head = joinHead(modifiers, lastForm.singular);
        np.plural = lastForm.plural;
        return withLabel(tokens, k, np);
      }
      // "2 buses", "3 cacti", "two knives": an irregular English plural is named by its singular.
      const irregular = IRREGULAR_PLURALS.get(last);
      if (irregular !== undefined) {
        const head = joinHead(modifiers, irregular);
        return withLabel(tokens, k, { ...np, kind: head, head, plural: true, unknownNoun: true });
      }
      const plural = /s$/.test(last) && !/(ss|us|is|as|os)$/.test(last) && !SINGULAR_IN_S.has(last) && last.length > 3 && ((np.count ?? 0) > 1 || np.all || np.other || np.count === undefined) &&
        !(PLURALIA_TANTUM.has(last) && np.count === undefined && !np.all);
      // "presses" → press: a plural whose singular is a verb's base form takes that form.
      const asVerb = plural ? verbBase(last) : undefined;
      const head = joinHead(modifiers, plural ? (asVerb !== undefined && asVerb !== last && (last === `${asVerb}es` || last === `${asVerb}s`) ? asVerb : unknownSingular(last)) : last);
      np.kind = head;
      np.head = head;
      np.plural = plural;
      np.unknownNoun = true;
      return withLabel(tokens, k, np);
    }
    return colourAsNoun(tokens, j, np);
  }
  if (np.ordinal !== undefined) return { np: { ...np, kind: '' }, next: j };
  return colourAsNoun(tokens, j, np);
}

/**
 * Whether the words right before `j` are describing words (colour, size, material …) opened by a determiner
 * (`the blue press`) or a count (`two red stands`, `3 small clamps`): which of the two, or null.
 */
function describedAfter(tokens: Token[], j: number): 'determiner' | 'count' | null {
  let k = j - 1;
  while (k >= 0 && tokens[k].kind === 'word' && DESCRIBING_WORDS.has(tokens[k].text)) k--;
  if (k === j - 1 || k < 0) return null;
  const t = tokens[k];
  if (t.kind === 'num') return Number.isInteger(t.value) ? 'count' : null;
  if (t.kind !== 'word') return null;
  if (DETERMINERS.has(t.text)) return 'determiner';
  return NUMBER_WORDS.has(t.text) || isCardinalWord(t.text) ? 'count' : null;
}

/** Irregular plurals of nouns the lexicon does not know, and their singulars (the spelling rules below would mangle them). */
const IRREGULAR_PLURALS = new Map([
  ['buses', 'bus'], ['axes', 'axe'], ['cacti', 'cactus'], ['fungi', 'fungus'], ['knives', 'knife'], ['mice', 'mouse'],
  ['geese', 'goose'], ['teeth', 'tooth'], ['leaves', 'leaf'], ['loaves', 'loaf'], ['wolves', 'wolf'], ['calves', 'calf'],
  ['nuclei', 'nucleus'], ['indices', 'index'], ['matrices', 'matrix'], ['vertices', 'vertex'], ['thieves', 'thief'],
]);

/**
 * The singular of a plural noun the lexicon does not know, by English spelling: `switches` → `switch`, `brushes` →
 * `brush`, `boxes` → `box`, `glasses` → `glass`, `batteries` → `battery`; otherwise the `-s` dropped (`stamps`).
 */
function unknownSingular(word: string): string {
  if (/(ch|sh|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}

function withFrom<T extends object>(found: T | null, from: number): (T & { from: number }) | null {
  return found === null ? null : { ...found, from };
}

/** "the orange", "the red and the blue": a colour word with no noun after it is the noun. */
function colourAsNoun(tokens: Token[], j: number, np: NounPhrase): { np: NounPhrase; next: number } | null {
  const prev = tokenAt(tokens, j - 1);
  if (np.colour === undefined || prev?.kind !== 'word' || !COLOURS.has(prev.text)) return null;
  return { np: { ...np, kind: prev.text, head: prev.text, colour: undefined, unknownNoun: true }, next: j };
}

/** The entities of a scene being built, with name-based coreference. */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  private readonly byName = new Map<string, Entity>();
  /** Groups made by counted plurals, by kind (most recent last); made with the first group (most scenes have none). */
  private groups: Map<string, string[]> | undefined;
  readonly warnings: string[] = [];

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Entity | undefined {
    return this.byName.get(name);
  }

  /** Adds (or returns) the entity of that name. */
  ensure(name: string, kind: string, colour?: string, size?: string, ordinal?: number): string {
    if (this.byName.has(name)) return name;
    const info = kindFacts(kind);
    const factor = size ? SIZES.get(size) ?? 1 : 1;
    const entity: Entity = {
      name,
      kind,
      category: info.category,
      halfExtents: [info.halfExtents[0] * factor, info.halfExtents[1] * factor, info.halfExtents[2] * factor],
      grounded: info.grounded,
    };
    if (colour) entity.color = colour;
    if (size) entity.size = size;
    if (ordinal !== undefined) entity.ordinal = ordinal;
    this.entities.push(entity);
    this.byName.set(name, entity);
    return name;
  }

  /** Renames an entity (roles in arrangements: "the red box at the top"). */
  rename(from: string, to: string, colour?: string): string {
    const e = this.byName.get(from);
    if (!e || this.byName.has(to)) return from;
    this.byName.delete(from);
    e.name = to;
    if (colour) e.color = colour;
    this.byName.set(to, e);
    for (const members of this.groups?.values() ?? []) {
      const k = members.indexOf(from);
      if (k >= 0) members[k] = to;
    }
    return to;
  }

  /**
   * Creates `count` entities of a kind as a group: box_1..box_N, with the describing word a singular name keeps
   * (singularName: the colour, else the size word): red_box_1…, small_bin_1….
   */
  createGroup(kind: string, count: number, colour?: string, size?: string, head: string = kind): string[] {
    const modifier = colour ?? size;
    const base = modifier ? `${modifier}_${head}` : head;
    let offset = 0;
    while (this.byName.has(`${base}_${offset + 1}`)) offset++;
    // A plain loop: Array.from over a { length } object takes V8's slow generic path.
    const names: string[] = [];
    for (let k = 0; k < count; k++) names.push(this.ensure(`${base}_${offset + k + 1}`, kind, colour, size, offset + k + 1));
    (this.groups ??= new Map()).set(kind, names);
    return names;
  }

  /** Records named members as the most recent group of their kind ("bolts 1–4"). */
  setGroup(kind: string, names: string[]): void {
    (this.groups ??= new Map()).set(kind, names);
  }

  group(kind: string): string[] | undefined {
    return this.groups?.get(kind);
  }

  /** Every entity name of a kind, in order of creation. */
  ofKind(kind: string): string[] {
    return this.entities.filter((e) => e.kind === kind).map((e) => e.name);
  }
}

/**
 * Name of a singular noun phrase, from the user's words: explicit (object_3, bolt3), labelled (crate_a, plate_2),
 * ordinal (box_2), colour/size + noun (red_box, small_box, tin), or the noun alone.
 */
export function singularName(np: NounPhrase): string {
  return singularNameAs(np, np.kind, np.head);
}

/** singularName of the phrase read as this kind and head (no copy of the phrase made to change them). */
export function singularNameAs(np: NounPhrase, kind: string, head: string | undefined): string {
  if (np.explicitName) return np.explicitName;
  head = head ?? kind;
  if (np.label !== undefined) return `${head}_${np.label}`;
  // The colour (or size) and the head joined by '_', empty ones left out (no array, filter and join per name).
  const modifier = np.colour ?? (np.size && !np.colour ? np.size : undefined);
  const base = modifier ? (head ? `${modifier}_${head}` : modifier) : head || '';
  return np.ordinal !== undefined ? `${base}_${np.ordinal}` : base;
}

/** Refuses a count that is not a whole number from 1 to MAX_COUNT ("0 boxes", "-3 boxes", "2.5 boxes", "1001 boxes"). */
export function checkCount(text: string, value: number, noun: string): void {
  if (Number.isInteger(value) && value >= 1 && value <= MAX_COUNT) return;
  throw new ParseError(`cannot place ${text} ${noun}: a count must be a whole number from 1 to ${MAX_COUNT}`);
}

export { isKnownKind };
