/**
 * Cardinal numbers written in English words, read whole: "twenty-one", "forty five", "a hundred", "eleven hundred",
 * "nine hundred and ninety nine", "two thousand five hundred", up to 999,999,999. Used for counts and lengths
 * alike, so "two thousand boxes" is a count of 2000 (then refused as too many), never two boxes named thousand.
 */

import { ParseError } from '../../errors.js';

/** A long number's text, cut for an error message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Number words below twenty, and the tens: the lexicon's count words are built from these (lexicon.ts). */
export const ONES: ReadonlyMap<string, number> = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const TENS: ReadonlyMap<string, number> = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
/** "and a half", "and a quarter" after a whole number. */
const PARTS = new Map<string, number>([['half', 0.5], ['quarter', 0.25]]);
const SCALES = new Map<string, number>([['thousand', 1e3], ['million', 1e6]]);

/** Whether a word can start or continue a cardinal number ("twenty-one", "hundred", "thousand"). */
export function isCardinalWord(word: string): boolean {
  return ONES.has(word) || TENS.has(word) || word === 'hundred' || SCALES.has(word) || hyphenated(word) !== undefined;
}

/** "twenty-one", "forty-five": tens and a unit joined by a hyphen. */
function hyphenated(word: string): number | undefined {
  const dash = word.indexOf('-');
  if (dash <= 0) return undefined;
  const tens = TENS.get(word.slice(0, dash));
  const unit = ONES.get(word.slice(dash + 1));
  return tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? tens + unit : undefined;
}

/** The word at a position (lower case), undefined where the token is not a word. */
export type Words = (k: number) => string | undefined;

export interface CardinalWords {
  value: number;
  /** The words as written, joined by spaces. */
  text: string;
  /** Words read. */
  length: number;
}

/** Reads 1–99 at k: "seven", "seventeen", "seventy", "seventy-seven", "seventy seven"; or null. */
function belowHundred(words: Words, k: number): { value: number; length: number } | null {
  const w = words(k);
  if (w === undefined) return null;
  const h = hyphenated(w);
  if (h !== undefined) return { value: h, length: 1 };
  const one = ONES.get(w);
  if (one !== undefined) return { value: one, length: 1 };
  const tens = TENS.get(w);
  if (tens === undefined) return null;
  const unit = words(k + 1) !== undefined ? ONES.get(words(k + 1)!) : undefined;
  return unit !== undefined && unit >= 1 && unit <= 9 ? { value: tens + unit, length: 2 } : { value: tens, length: 1 };
}

/**
 * Reads 1–999 at k: "nine hundred and ninety nine", "eleven hundred" (1100), "a hundred", "hundred"; `article`
 * allows "a"/"an" before "hundred".
 */
function belowThousand(words: Words, k: number): { value: number; length: number } | null {
  let j = k;
  let hundreds = 0;
  const first = words(j) === 'a' || words(j) === 'an' ? (words(j + 1) === 'hundred' ? { value: 1, length: 1 } : null) : belowHundred(words, j);
  if (words(j) === 'hundred') {
    hundreds = 100;
    j++;
  } else if (first === null) {
    return null;
  } else if (words(j + first.length) === 'hundred' && first.value >= 1) {
    hundreds = first.value * 100;
    j += first.length + 1;
  } else {
    return { value: first.value, length: first.length };
  }
  // "hundred and five", "hundred five".
  const and = words(j) === 'and' && belowHundred(words, j + 1) !== null ? 1 : 0;
  const rest = belowHundred(words, j + and);
  if (rest !== null && rest.value >= 1) return { value: hundreds + rest.value, length: j + and + rest.length - k };
  return { value: hundreds, length: j - k };
}

/** Reads a cardinal number in words at i, or null. */
export function readCardinalWords(words: Words, i: number): CardinalWords | null {
  const w = words(i);
  if (w === undefined || (!isCardinalWord(w) && !((w === 'a' || w === 'an') && (words(i + 1) === 'hundred' || SCALES.has(words(i + 1) ?? ''))))) return null;
  let j = i;
  let total = 0;
  let lastScale = Infinity;
  for (;;) {
    // "a thousand", "a million".
    const article = (words(j) === 'a' || words(j) === 'an') && SCALES.has(words(j + 1) ?? '');
    const group = article ? { value: 1, length: 1 } : SCALES.has(words(j) ?? '') && j === i ? { value: 1, length: 0 } : belowThousand(words, j);
    if (group === null) break;
    const scale = SCALES.get(words(j + group.length) ?? '');
    if (scale !== undefined && scale < lastScale && group.value >= 1) {
      total += group.value * scale;
      lastScale = scale;
      j += group.length + 1;
      // "two thousand and five", "one thousand, five hundred" (the comma is gone by now).
      if (words(j) === 'and' && belowThousand(words, j + 1) !== null) j++;
      continue;
    }
    if (j > i && group.value >= lastScale) break;
    total += group.value;
    j += group.length;
    break;
  }
  if (j === i) return null;
  // "nine hundred and nine hundred", "two thousand three thousand", "forty five forty five": a number word right
  // after a whole number is refused, never read as a second number or a name.
  if (isCardinalWord(words(j) ?? '')) {
    throw new ParseError(`cannot read the number '${clip(Array.from({ length: j + 1 - i }, (_, n) => words(i + n)).join(' '))}'`);
  }
  // A trailing "and" is not part of the number.
  while (j > i && words(j - 1) === 'and') j--;
  // "three and a half metres", "one and a quarter turns".
  const part = words(j) === 'and' && (words(j + 1) === 'a' || words(j + 1) === 'an') ? PARTS.get(words(j + 2) ?? '') : undefined;
  if (part !== undefined && total >= 1) {
    total += part;
    j += 3;
  }
  return { value: total, text: Array.from({ length: j - i }, (_, n) => words(i + n)).join(' '), length: j - i };
}

/** Denominators of fractions in words ("a quarter", "two thirds", "three-quarters"). */
export const DENOMINATORS = new Map<string, number>([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4], ['fourths', 4],
]);

/**
 * Reads a fraction in words at i, for lengths: "a quarter", "one half", "two thirds", "three quarters",
 * "three-quarters", "one-half" (a hyphen or a space between its words); or null. "half" alone and "a half turn"
 * are read elsewhere.
 */
export function readFractionWords(words: Words, i: number): CardinalWords | null {
  const w = words(i);
  if (w === undefined) return null;
  const dash = w.indexOf('-');
  // The numerator first: most words are none, and then nothing else is read.
  const top = dash > 0 ? w.slice(0, dash) : w;
  const numerator = top === 'a' || top === 'an' ? 1 : ONES.get(top);
  if (numerator === undefined || numerator < 1) return null;
  const bottom = dash > 0 ? w.slice(dash + 1) : words(i + 1);
  const length = dash > 0 ? 1 : 2;
  const denominator = DENOMINATORS.get(bottom ?? '');
  if (denominator === undefined || (dash < 0 && length === 2 && bottom === undefined)) return null;
  // "one half", "a quarter": a singular denominator takes one; "two thirds": a plural one takes more.
  if ((numerator === 1) !== !/s$/.test(bottom!)) return null;
  return { value: numerator / denominator, text: dash > 0 ? w : `${top} ${bottom}`, length };
}
