/**
 * Numbers written in digits, read whole by the tokenizer: fractions ("1/2", "1⁄2" from NFKC "½"), mixed numbers
 * ("1 1/2", "1-1/2", "3½"), decimal commas ("0,5 m"), thousands ("1,000 mm", "1,000.5 mm", "1'000 mm"). A number
 * is read completely and exactly or refused naming its text ("cannot read '1/0 m': division by zero",
 * "cannot read '0,5,7 m'"), never read in part with the rest left over as a name or a second number.
 */
import { ParseError } from '../../errors.js';
import { ANGLE_UNITS, LENGTH_UNITS, NOUN_FORMS } from './lexicon.js';
import { clip } from './number-words.js';

/** Vulgar fraction characters (NFKC turns "3½" into "31⁄2": a space keeps the whole number apart). */
const VULGAR = /[\u00bc-\u00be\u2150-\u215e\u2189]/u;
const VULGAR_RUNS = /(\d?)([\u00bc-\u00be\u2150-\u215e\u2189])(?=([\d\u00bc-\u00be\u2150-\u215e\u2189]?))/gu;

/** Before NFKC: "3½" → "3 ½" (three and a half), "½½" and "½3" refused. */
export function separateVulgarFractions(text: string): string {
  if (!VULGAR.test(text)) return text;
  return text.replace(VULGAR_RUNS, (_all, digit: string, fraction: string, after: string) => {
    if (after) throw new ParseError(`cannot read '${digit}${fraction}${after}'`);
    return digit ? `${digit} ${fraction}` : fraction;
  });
}

/** A unit right after a number (after optional spaces): a length or angle unit, or an inch mark. */
const UNIT_AFTER = /\s*([\p{L}°]+|["″])/uy;
function unitAfter(text: string, at: number): string | undefined {
  UNIT_AFTER.lastIndex = at;
  const m = UNIT_AFTER.exec(text);
  if (!m) return undefined;
  const u = m[1];
  return LENGTH_UNITS.has(u) || ANGLE_UNITS.has(u) || u === '"' || u === '″' || u === 'in' || u === 'turn' || u === 'turns' ? u : undefined;
}

/** "3/4 of a metre": 'of a' or 'of an' and a unit after a fraction. */
const OF_A_UNIT = /\s+of\s+an?\s+([\p{L}]+)/uy;
function ofAUnitAfter(text: string, at: number): boolean {
  OF_A_UNIT.lastIndex = at;
  const m = OF_A_UNIT.exec(text);
  return m !== null && LENGTH_UNITS.has(m[1]);
}

function quoted(text: string, from: number, to: number): string {
  const unit = unitAfter(text, to);
  const written = clip(text.slice(from, to));
  return unit === undefined ? written : `${written} ${unit}`;
}

export interface Numeral {
  /** The number as written (digits, separators and slashes), what error messages and names quote. */
  text: string;
  value: number;
  /** Where the number ends in the text. */
  end: number;
  /** Tokens before it that it absorbs (a mixed number's whole part, and its hyphen). */
  absorbs: number;
}

const WORD_AFTER = /\s+(\p{L}+)/uy;
const COMMA_RUN = /((?:,\d+)+)(\.\d+)?/y;
const APOSTROPHE_RUN = /(?:'\d+)+/y;
const SPACE_GROUP = / 0\d\d(?!\d)/y;
const FRACTION_RUN = /(?:[ \t]*[/⁄][ \t]*(?:\d+(?:\.\d+)?|\.\d+))+/y;
const ODD_SEPARATOR = /[٫٬.](?=\d)/y;

/**
 * Reads the number whose leading digits `t` start at `start` (what the tokenizer's number pattern matched), with
 * what is glued to it; `before` says whether the tokens before it are a whole number and a space ("1 1/2") or a
 * whole number and a glued hyphen ("1-1/2"). Returns null when `t` stands alone as matched.
 */
export function readNumeral(text: string, start: number, t: string, before: 'space' | 'hyphen' | null, wholeBefore: string | undefined): Numeral | null {
  const end = start + t.length;
  const digitsOnly = /^\d+$/.test(t);
  // "1.2.3 m", "0٫5 m": a second decimal point or an Arabic separator between digits.
  ODD_SEPARATOR.lastIndex = end;
  if (ODD_SEPARATOR.test(text) && (text[end] !== '.' || t.includes('.'))) {
    const m = /^[\d٫٬.]+/u.exec(text.slice(start, start + 400))![0];
    throw new ParseError(`cannot read '${quoted(text, start, start + m.length)}'`);
  }
  FRACTION_RUN.lastIndex = end;
  const fraction = FRACTION_RUN.exec(text);
  if (fraction) {
    const stop = end + fraction[0].length;
    const parts = fraction[0].trim().slice(1).trim().split(/[ \t]*[/⁄][ \t]*/);
    const shown = quoted(text, start, stop);
    if (parts.length > 1 || !digitsOnly || !/^\d+$/.test(parts[0])) throw new ParseError(`cannot read '${shown}'`);
    const denominator = Number(parts[0]);
    if (denominator === 0) throw new ParseError(`cannot read '${shown}': division by zero`);
    if (unitAfter(text, stop) === undefined && !ofAUnitAfter(text, stop)) throw new ParseError(`cannot read '${shown}': a fraction must be a length with its unit`);
    const value = Number(t) / denominator;
    if (before !== null && wholeBefore !== undefined) {
      // "1 1/2", "1-1/2": a whole number and a proper fraction.
      const whole = `${wholeBefore}${before === 'space' ? ' ' : '-'}${text.slice(start, stop)}`;
      if (value >= 1) throw new ParseError(`cannot read '${whole}${unitAfter(text, stop) ? ` ${unitAfter(text, stop)}` : ''}': the fraction of a mixed number must be less than one`);
      const w = Number(wholeBefore);
      return { text: whole, value: w < 0 || wholeBefore.startsWith('-') ? w - value : w + value, end: stop, absorbs: before === 'space' ? 1 : 2 };
    }
    return { text: text.slice(start, stop), value, end: stop, absorbs: 0 };
  }
  COMMA_RUN.lastIndex = end;
  const commas = COMMA_RUN.exec(text);
  // "0.5,5 m": a comma after a decimal point.
  if (!digitsOnly) {
    if (commas && unitAfter(text, end + commas[0].length) !== undefined) throw new ParseError(`cannot read '${quoted(text, start, end + commas[0].length)}'`);
    return null;
  }
  if (commas) {
    const stop = end + commas[0].length;
    const groups = commas[1].slice(1).split(',');
    const thousands = t.length <= 3 && !t.startsWith('0') && groups.every((g) => g.length === 3);
    // A comma between labels ("bins 1,2 and 3") stays a list: only a number before a unit is read as one, or
    // thousands before a noun ("1,000 boxes").
    if (unitAfter(text, stop) === undefined) {
      WORD_AFTER.lastIndex = stop;
      const word = WORD_AFTER.exec(text)?.[1];
      // ("bins 100,200 on the shelf" stays two labels: the word after must be a noun, known or plural.)
      if (!thousands || commas[2] !== undefined || word === undefined || !(NOUN_FORMS.has(word) || (word.length > 3 && word.endsWith('s')))) return null;
      return { text: text.slice(start, stop), value: Number(`${t}${groups.join('')}`), end: stop, absorbs: 0 };
    }
    const decimal = groups.length === 1 && commas[2] === undefined && groups[0].length <= 2 && (t === '0' || !t.startsWith('0'));
    if (!decimal && !thousands) throw new ParseError(`cannot read '${quoted(text, start, stop)}'`);
    const written = text.slice(start, stop);
    const joined = decimal ? `${t}.${groups[0]}` : `${t}${groups.join('')}${commas[2] ?? ''}`;
    return { text: written, value: Number(joined), end: stop, absorbs: 0 };
  }
  APOSTROPHE_RUN.lastIndex = end;
  const apostrophes = APOSTROPHE_RUN.exec(text);
  if (apostrophes) {
    const stop = end + apostrophes[0].length;
    const groups = apostrophes[0].slice(1).split("'");
    // "1'000 mm": thousands; anything else ("5'6") is refused.
    if (t.length > 3 || t.startsWith('0') || !groups.every((g) => g.length === 3)) throw new ParseError(`cannot read '${quoted(text, start, stop)}'`);
    return { text: text.slice(start, stop), value: Number(`${t}${groups.join('')}`), end: stop, absorbs: 0 };
  }
  // "1 000 mm": digits grouped by spaces are refused (is it 1000, or 1 and 0?).
  SPACE_GROUP.lastIndex = end;
  if (t.length <= 3 && SPACE_GROUP.test(text)) {
    const m = /^\d+(?: \d{3}(?!\d))+/.exec(text.slice(start, start + 400))![0];
    throw new ParseError(`cannot read '${quoted(text, start, start + m.length)}': write the number without spaces`);
  }
  return null;
}
