/**
 * Normalisation and tokenization: NFKC, lower case, control characters removed, then one pass of a single
 * precompiled regular expression into words, numbers, separators and symbols.
 */
import { ParseError } from '../../errors.js';

export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'num'; text: string; value: number }
  | { kind: 'sep'; text: string }
  | { kind: 'sym'; text: string };

/** Longest instruction accepted, in characters; checked before any other work. */
export const MAX_INSTRUCTION_LENGTH = 20_000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;
const TOKEN = /((?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)|([\p{L}_][\p{L}\p{N}_']*(?:-[\p{L}\p{N}_]+)*)|([,;.!?:])|\S/gu;
const NON_NUMBERS = new Map([['nan', Number.NaN], ['infinity', Number.POSITIVE_INFINITY], ['inf', Number.POSITIVE_INFINITY]]);

/** Normalised text of an instruction (what error messages quote). */
export function normalise(text: string, maxLength = MAX_INSTRUCTION_LENGTH): string {
  if (text.length > maxLength) {
    throw new ParseError(`instruction is ${text.length.toLocaleString('en-US')} characters long; the limit is ${maxLength.toLocaleString('en-US')}`);
  }
  return text.normalize('NFKC').replace(CONTROL, ' ').replace(/[’‘`]/g, "'").toLowerCase().trim();
}

/** Splits normalised text into tokens; a minus sign directly before a number makes it negative. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const t = match[0];
    if (match[1] !== undefined) {
      const prev = tokens[tokens.length - 1];
      const negative = prev?.kind === 'sym' && (prev.text === '-' || prev.text === '−' || prev.text === '–') && text[match.index! - 1] === prev.text;
      if (negative) tokens.pop();
      tokens.push({ kind: 'num', text: negative ? `-${t}` : t, value: (negative ? -1 : 1) * Number(t) });
    } else if (match[3] !== undefined) {
      tokens.push({ kind: 'sep', text: t });
    } else if (match[2] !== undefined) {
      const special = NON_NUMBERS.get(t);
      if (special !== undefined) tokens.push({ kind: 'num', text: t, value: special });
      else if (t.endsWith("'s")) tokens.push({ kind: 'word', text: t.slice(0, -2) });
      else tokens.push({ kind: 'word', text: t });
    } else {
      tokens.push({ kind: 'sym', text: t });
    }
  }
  return tokens;
}
