/** Quantities with units: lengths to metres, angles to radians, validated (finite, positive, bounded). */
import { ParseError } from '../../errors.js';
import { ANGLE_UNITS, LENGTH_UNITS, NUMBER_WORDS } from './lexicon.js';
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

function numberAt(tokens: Token[], i: number): { value: number; text: string; length: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'num') return { value: t.value, text: t.text, length: 1 };
  if (t.kind === 'word') {
    const v = NUMBER_WORDS.get(t.text);
    // "a"/"an" count only before a unit ("a metre"); "half a metre" handled by the caller reading on.
    if (v !== undefined) return { value: v, text: t.text, length: 1 };
  }
  return null;
}

/** Reads a quantity (number + unit) at i, or null. Throws ParseError for a bad number with a unit. */
export function readQuantity(tokens: Token[], i: number): Quantity | null {
  const n = numberAt(tokens, i);
  if (!n) return null;
  let j = i + n.length;
  let value = n.value;
  // "half a metre", "a half metre"
  if (n.text === 'half' && (tokens[j]?.text === 'a' || tokens[j]?.text === 'an')) j++;
  const unit = tokens[j];
  if (!unit || (unit.kind !== 'word' && unit.kind !== 'sym')) return null;
  const length = LENGTH_UNITS.get(unit.text);
  const angle = ANGLE_UNITS.get(unit.text);
  if (length === undefined && angle === undefined) return null;
  if (unit.text === 'm' && tokens[j + 1]?.text === '²') return null;
  const written = `${n.text} ${unit.text}`;
  if (!Number.isFinite(value)) throw new ParseError(`quantity '${written}' is not a finite number`);
  if (length !== undefined) {
    if (value < 0) throw new ParseError(`distance '${written}' must be a positive finite length`);
    value *= length;
    if (value > MAX_LENGTH_M) throw new ParseError(`distance '${written}' is over the ${MAX_LENGTH_M} m limit`);
    return { kind: 'length', value, length: j + 1 - i };
  }
  if (Math.abs(value) > 1e6) throw new ParseError(`angle '${written}' is out of range`);
  return { kind: 'angle', value: value * angle!, length: j + 1 - i };
}
