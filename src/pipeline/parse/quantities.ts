/** Quantities with units: lengths to metres, angles to radians, validated (finite, positive, bounded). */
import { ParseError } from '../../errors.js';
import { ANGLE_UNITS, LENGTH_UNITS, NUMBER_WORDS } from './lexicon.js';
import { readCardinalWords, readFractionWords } from './number-words.js';
import type { Token } from './tokenize.js';

/** Largest length accepted, metres. */
export const MAX_LENGTH_M = 100;

export interface Quantity {
  kind: 'length' | 'angle';
  /** Metres or radians. */
  value: number;
  /** Tokens consumed. */
  length: number;
}

/** The word at each position of these tokens, as the number-word readers take it. */
function tokenWords(tokens: Token[]): (k: number) => string | undefined {
  return (k) => (tokens[k]?.kind === 'word' ? tokens[k].text : undefined);
}

function numberAt(tokens: Token[], i: number): { value: number; text: string; length: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num') {
    // Fractions, mixed numbers and grouped digits arrive whole from the tokenizer (numerals.ts).
    return { value: t.value, text: t.text, length: 1 };
  }
  if (t.kind === 'word') {
    // "forty-five", "forty five degrees", "a hundred", "one hundred and eighty", "two thousand five hundred": the
    // whole cardinal number.
    // (An unnamed function from a module one: a named closure made per call costs a definition of its name under a
    // loader that keeps function names, such as tsx.)
    const words = tokenWords(tokens);
    // "a quarter of a metre", "three-quarters of an inch", "two thirds m".
    const fraction = readFractionWords(words, i);
    if (fraction !== null) return fraction;
    const cardinal = readCardinalWords(words, i);
    if (cardinal !== null) return cardinal;
    const v = NUMBER_WORDS.get(t.text);
    if (v === undefined) return null;
    // "a"/"an" count only before a unit ("a metre"); "half a metre" handled by the caller reading on.
    return { value: v, text: t.text, length: 1 };
  }
  return null;
}

/** Words after which "in" (after a number) is inches: a direction or distance word, not the start of a noun phrase. */
const AFTER_INCHES = new Set(['left', 'right', 'from', 'away', 'apart', 'to', 'of', 'above', 'below', 'behind', 'beside', 'spacing', 'gap', 'between', 'long', 'wide', 'high', 'tall', 'deep', 'forward', 'back', 'backward', 'up', 'clearance', 'and', 'or']);

/** "4 in left of", "3 in apart", "2 in" at the end: "in" names inches when no noun phrase is its object. */
function inchesAfter(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  // ("6 in in front of": the relation's own 'in' follows.)
  return t === undefined || t.kind === 'sep' || (t.kind === 'word' && (AFTER_INCHES.has(t.text) || (t.text === 'in' && tokens[k + 1]?.text === 'front')));
}

/** Reads a quantity (number + unit) at i, or null. Throws ParseError for a bad number with a unit. */
export function readQuantity(tokens: Token[], i: number): Quantity | null {
  const turn = turnFraction(tokens, i);
  if (turn !== null) return turn;
  const n = numberAt(tokens, i);
  if (!n) return null;
  let j = i + n.length;
  let value = n.value;
  // "half a metre", "a half metre"
  if (n.text === 'half' && (tokens[j]?.text === 'a' || tokens[j]?.text === 'an')) j++;
  // "3/4 of a metre", "0.5 of an inch": a fraction of one unit.
  else if (value > 0 && value < 1 && tokens[j]?.text === 'of' && (tokens[j + 1]?.text === 'a' || tokens[j + 1]?.text === 'an') && LENGTH_UNITS.has(tokens[j + 2]?.text ?? '')) j += 2;
  const unit = tokens[j];
  if (!unit || (unit.kind !== 'word' && unit.kind !== 'sym')) return null;
  const length = LENGTH_UNITS.get(unit.text) ?? (unit.text === 'in' && inchesAfter(tokens, j + 1) ? 0.0254 : undefined);
  // "1/4 turn", "2 turns": whole turns.
  const angle = ANGLE_UNITS.get(unit.text) ?? (unit.text === 'turn' || unit.text === 'turns' ? 2 * Math.PI : undefined);
  if (length === undefined && angle === undefined) return null;
  if (unit.text === 'm' && tokens[j + 1]?.text === '²') return null;
  const written = `${n.text} ${unit.text}`;
  if (!Number.isFinite(value)) throw new ParseError(`quantity '${written}' is not a finite number`);
  if (length !== undefined) {
    if (value < 0) throw new ParseError(`distance '${written}' must be a positive finite length`);
    // "a metre and a half", "2 feet and a half": half a unit more.
    const andAHalf = Number.isInteger(value) && tokens[j + 1]?.text === 'and' && (tokens[j + 2]?.text === 'a' || tokens[j + 2]?.text === 'an') && tokens[j + 3]?.text === 'half' && tokens[j + 4]?.text !== 'turn';
    if (andAHalf) value += 0.5;
    value *= length;
    // "2 ft 6 in", "3 feet 4 inches": feet and then inches under a foot, one length.
    const inches = !andAHalf && length === FOOT_M ? inchesPart(tokens, j + 1) : 0;
    if (inches > 0) value += inches * INCH_M;
    if (value > MAX_LENGTH_M) throw new ParseError(`distance '${written}' is over the ${MAX_LENGTH_M} m limit`);
    return { kind: 'length', value, length: j + 1 - i + (andAHalf ? 3 : 0) + (inches > 0 ? 2 : 0) };
  }
  if (Math.abs(value) > 1e6) throw new ParseError(`angle '${written}' is out of range`);
  return { kind: 'angle', value: value * angle!, length: j + 1 - i };
}

const FOOT_M = 0.3048;
const INCH_M = 0.0254;

/** The inches (a number above 0 and under 12 with an inch unit) at k right after a length in feet, or 0. */
function inchesPart(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (t?.kind !== 'num' || !(t.value > 0 && t.value < 12)) return 0;
  const unit = tokens[k + 1];
  if (unit === undefined || (unit.kind !== 'word' && unit.kind !== 'sym')) return 0;
  const inch = unit.text === 'in' ? inchesAfter(tokens, k + 2) : LENGTH_UNITS.get(unit.text) === INCH_M;
  return inch ? t.value : 0;
}

/** Fractions of a turn: "quarter" a quarter turn (90°), "half" a half turn (180°). */
const TURN_FRACTIONS = new Map<string, number>([['quarter', Math.PI / 2], ['half', Math.PI]]);

/**
 * "a quarter turn", "a half turn", "half a turn", "a quarter of a turn", "quarter-turn": an angle written as a
 * fraction of a full turn, or null.
 */
function turnFraction(tokens: Token[], i: number): Quantity | null {
  const article = tokens[i]?.text === 'a' || tokens[i]?.text === 'an' ? 1 : 0;
  const t = tokens[i + article];
  if (t?.kind !== 'word') return null;
  if (t.text === 'quarter-turn' || t.text === 'half-turn') return { kind: 'angle', value: TURN_FRACTIONS.get(t.text.slice(0, -5))!, length: article + 1 };
  const angle = TURN_FRACTIONS.get(t.text);
  if (angle === undefined) return null;
  let j = i + article + 1;
  if (tokens[j]?.text === '-') j++;
  if (tokens[j]?.text === 'of') j++;
  if (tokens[j]?.text === 'a' || tokens[j]?.text === 'an') j++;
  const unit = tokens[j]?.text;
  return unit === 'turn' || unit === 'turns' ? { kind: 'angle', value: angle, length: j + 1 - i } : null;
}
