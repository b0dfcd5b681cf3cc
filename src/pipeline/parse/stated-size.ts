/**
 * Sizes written before a noun, right after its determiner: "the 60 cm plate", "a 1 m long shelf", "the 1 m tall
 * lamp", "a 2 m long 50 cm wide board", "the 2 x 1 m table", "the 2 m by 1 m table", "a 1.2 x 0.8 x 0.75 m bench".
 * Read into the dimensions they state, each checked (a positive length of at least 1 mm, at most the 100 m scene
 * limit) with an error naming the size words, and applied to an entity's half extents.
 */
import { ParseError } from '../../errors.js';
import { LENGTH_UNITS } from './lexicon.js';
import { MAX_LENGTH_M } from './quantities.js';
import type { Token } from './tokenize.js';

/** Smallest stated size, metres: below a millimetre a box has no extent the solver or the checks can hold. */
export const MIN_SIZE_M = 1e-3;

export interface StatedSize {
  /** The longer horizontal side, metres: a length with no dimension word, `long`, `wide` with no `long`, the larger of `A x B`. */
  length?: number;
  /** The shorter horizontal side: `deep`, `wide` beside a `long`, the smaller of `A x B`. */
  width?: number;
  /** The height: `tall`, `high`, `thick`, the third of `A x B x C`. */
  height?: number;
  /** The size words as written ("2 x 1 m", "1 m tall"). */
  text: string;
}

/** Dimension words after a length and the side they name ('wide' is the width only beside a 'long'). */
const DIMENSION_WORDS = new Map<string, 'length' | 'wide' | 'width' | 'height'>([
  ['long', 'length'], ['wide', 'wide'], ['broad', 'wide'], ['deep', 'width'], ['tall', 'height'], ['high', 'height'], ['thick', 'height'],
]);

/** Words joining the numbers of `A x B`. */
const TIMES = new Set(['x', '×', '*', 'by']);

const textAt = (tokens: Token[], k: number): string | undefined => tokens[k]?.text;

const FOOT_M = 0.3048;
const INCH_M = 0.0254;

/** Metres per unit of the unit word at k ('in' is inches only before a dimension word or a joining word). */
function unitAt(tokens: Token[], k: number): number | undefined {
  const t = tokens[k];
  if (!t || (t.kind !== 'word' && t.kind !== 'sym')) return undefined;
  if (t.text === 'in') return DIMENSION_WORDS.has(textAt(tokens, k + 1) ?? '') || TIMES.has(textAt(tokens, k + 1) ?? '') ? INCH_M : undefined;
  return LENGTH_UNITS.get(t.text);
}

/** A number at k, or "x1" (the tokenizer's reading of "2x1": the joining x glued to the next number). */
function numberAt(tokens: Token[], k: number): { value: number; text: string; glued: boolean } | null {
  const t = tokens[k];
  if (t?.kind === 'num') return { value: t.value, text: t.text, glued: false };
  const m = t?.kind === 'word' ? /^x(\d+(?:\.\d+)?)$/.exec(t.text) : null;
  return m ? { value: Number(m[1]), text: m[1], glued: true } : null;
}

/** Checks one stated length (metres) and returns it; `words` are the size words, `noun` the object's noun. */
function checked(value: number, words: string, noun: string): number {
  if (!(value > 0)) throw new ParseError(`size '${words}' of the ${noun} must be a positive length`);
  if (value < MIN_SIZE_M) throw new ParseError(`size '${words}' of the ${noun} is under 1 mm; a stated size must be at least 1 mm`);
  if (value > MAX_LENGTH_M) throw new ParseError(`size '${words}' of the ${noun} is over the ${MAX_LENGTH_M} m limit`);
  return value;
}

/**
 * "A x B [x C] unit", "A unit x B unit", "A by B unit": the numbers joined by x or by, in metres when their units
 * can be read (each number's own, or the last one's for all); null when no number has a unit ("a 3 x 3 grid").
 */
function readDimensionList(tokens: Token[], j: number): { values: number[] | null; text: string; next: number } | null {
  const parts: { value: number; unit?: number; written: string }[] = [];
  let k = j;
  for (;;) {
    const n = numberAt(tokens, k);
    if (!n || (parts.length === 0 && n.glued)) return null;
    k++;
    const unit = unitAt(tokens, k);
    let written = n.glued ? `x${n.text}` : n.text;
    if (unit !== undefined) written += ` ${tokens[k].text}`;
    parts.push({ value: n.value, unit, written });
    if (unit !== undefined) k++;
    const next = numberAt(tokens, k);
    if (next?.glued) continue;
    if (!TIMES.has(textAt(tokens, k) ?? '') || !numberAt(tokens, k + 1) || numberAt(tokens, k + 1)!.glued) break;
    parts[parts.length - 1].written += ` ${tokens[k].text}`;
    k++;
  }
  if (parts.length < 2 || parts.every((p) => p.unit === undefined)) return null;
  const text = parts.map((p) => p.written).join(' ').replace(/ x(\d)/g, 'x$1');
  const last = parts[parts.length - 1].unit;
  // Each number has its unit, or only the last one has and the others share it ("2 x 1 m"); at most three sides.
  const shared = last !== undefined && parts.slice(0, -1).every((p) => p.unit === undefined);
  if (parts.length > 3 || (!shared && parts.some((p) => p.unit === undefined))) return { values: null, text, next: k };
  return { values: parts.map((p) => p.value * (p.unit ?? last!)), text, next: k };
}

/**
 * Reads the size words at j (a number after a determiner) up to a noun; `nounAt(k)` gives the index of the noun
 * head that starts at k (after colours), or −1. Returns null when the words are not a size before a noun (a
 * distance, a count, "a 3 x 3 grid"); throws ParseError naming the size words when they state a size that cannot
 * be (negative, under 1 mm, over 100 m) or that cannot be read (a side stated twice, a length with no word
 * saying which side beside others that have one).
 */
export function readStatedSize(tokens: Token[], j: number, nounAt: (k: number) => number): { size: StatedSize; next: number } | null {
  const list = readDimensionList(tokens, j);
  if (list) {
    const head = nounAt(list.next);
    if (head < 0) return null;
    const noun = tokens[head].text;
    if (list.values === null) {
      throw new ParseError(`cannot read the size '${list.text}' of the ${noun}: write at most three sides, each with its unit or one unit after the last ('2 x 1 m', '1.2 x 0.8 x 0.75 m')`);
    }
    const [a, b, c] = list.values.map((v) => checked(v, list.text, noun));
    const size: StatedSize = { length: Math.max(a, b), width: Math.min(a, b), text: list.text };
    if (c !== undefined) size.height = c;
    return { size, next: list.next };
  }
  const { segments, next: k } = readSegments(tokens, j);
  if (segments.length === 0) return null;
  const head = nounAt(k);
  if (head < 0) return null;
  return { size: sizeOf(segments, tokens[head].text), next: k };
}

type Segment = { value: number; written: string; dimension?: 'length' | 'wide' | 'width' | 'height' };

/** "30 cm", "1 m tall and 40 cm wide", "2 m long, 50 cm wide": lengths, each with the dimension word after it if any. */
function readSegments(tokens: Token[], j: number): { segments: Segment[]; next: number } {
  const segments: Segment[] = [];
  let k = j;
  while (tokens[k]?.kind === 'num') {
    const unit = unitAt(tokens, k + 1);
    if (unit === undefined) break;
    const t = tokens[k] as Extract<Token, { kind: 'num' }>;
    let value = t.value * unit;
    let written = `${t.text} ${tokens[k + 1].text}`;
    k += 2;
    // "2 ft 6 in wide": feet and then inches under a foot are one length, as quantities.ts reads them.
    const inches = tokens[k];
    if (unit === FOOT_M && inches?.kind === 'num' && inches.value > 0 && inches.value < 12 && unitAt(tokens, k + 1) === INCH_M) {
      value += inches.value * INCH_M;
      written += ` ${inches.text} ${tokens[k + 1].text}`;
      k += 2;
    }
    const dimension = DIMENSION_WORDS.get(textAt(tokens, k) ?? '');
    segments.push({ value, written: `${written}${dimension ? ` ${tokens[k].text}` : ''}`, dimension });
    if (dimension) k++;
    if (!dimension) break;
    // "1 m tall and 40 cm wide", "2 m long, 50 cm wide"
    if ((textAt(tokens, k) === 'and' || textAt(tokens, k) === ',') && tokens[k + 1]?.kind === 'num' && unitAt(tokens, k + 2) !== undefined) k++;
  }
  return { segments, next: k };
}

/**
 * "a box 30 cm wide", "the bench 2 m long and 60 cm deep": sizes written right after a noun, each with a dimension
 * word (a bare length there is a distance, and 'high' may be a height above the floor), or null.
 */
export function readSizeAfterNoun(tokens: Token[], j: number, noun: string): { size: StatedSize; next: number } | null {
  const { segments, next } = readSegments(tokens, j);
  if (segments.length === 0 || segments.some((s) => s.dimension === undefined || s.written.endsWith(' high'))) return null;
  return { size: sizeOf(segments, noun), next };
}

/** The stated size of these segments, checked, for the named noun. */
function sizeOf(segments: Segment[], noun: string): StatedSize {
  const text = segments.map((s) => s.written).join(' ');
  const size: StatedSize = { text };
  const hasLong = segments.some((s) => s.dimension === 'length');
  for (const s of segments) {
    if (s.dimension === undefined && segments.length > 1) {
      throw new ParseError(`cannot read the size '${text}' of the ${noun}: '${s.written}' has no word saying which side it measures (long, wide, deep, tall)`);
    }
    const side = s.dimension === 'wide' ? (hasLong ? 'width' : 'length') : s.dimension === 'width' ? 'width' : s.dimension === 'height' ? 'height' : 'length';
    if (size[side] !== undefined) throw new ParseError(`cannot read the size '${text}' of the ${noun}: it states the ${side === 'length' ? 'length' : side} twice`);
    size[side] = checked(s.value, s.written, noun);
  }
  return size;
}

/**
 * Sets the half extents `h` (x, y, z) to a stated size: the length on the longer horizontal side (both sides of a
 * square footprint when no width is stated), the width on the other, the height on z.
 */
export function applyStatedSize(h: number[], size: StatedSize): void {
  const square = Math.abs(h[0] - h[1]) < 1e-9;
  const k = h[0] >= h[1] ? 0 : 1;
  if (size.length !== undefined) {
    h[k] = size.length / 2;
    if (square && size.width === undefined) h[1 - k] = size.length / 2;
  }
  if (size.width !== undefined) h[1 - k] = size.width / 2;
  if (size.height !== undefined) h[2] = size.height / 2;
}

/** The side two stated sizes of one object give different lengths for, or undefined when they agree. */
export function conflictingSide(a: StatedSize, b: StatedSize): 'length' | 'width' | 'height' | undefined {
  for (const side of ['length', 'width', 'height'] as const) {
    const x = a[side], y = b[side];
    if (x !== undefined && y !== undefined && Math.abs(x - y) > 1e-9) return side;
  }
  return undefined;
}
