/**
 * Reads one clause's tokens into a flat list of items — verbs, noun phrases, quantities, relations, axes,
 * spacing, arrangement shapes and roles — that parse-instruction.ts then interprets.
 */
import type { Axis, ConstraintType } from '../types.js';
import { COPULAS, FILLERS, VERBS } from './lexicon.js';
import { readNounPhrase, type NounPhrase } from './entities.js';
import { readQuantity } from './quantities.js';
import { matchRelation } from './relations.js';
import type { Token } from './tokenize.js';

export type Shape = 'row' | 'column' | 'stack' | 'pyramid' | 'grid';

export type Item =
  | { t: 'verb'; word: string }
  | { t: 'np'; np: NounPhrase; text: string }
  | { t: 'qty'; kind: 'length' | 'angle'; value: number; spacing: boolean; atLeast: boolean }
  | { t: 'rel'; type: ConstraintType; unary: boolean; phrase: string }
  | { t: 'axis'; axis: Axis; rotational: boolean }
  | { t: 'shape'; shape: Shape; rows?: number; cols?: number }
  | { t: 'role'; role: 'top' | 'base' }
  | { t: 'all' }
  | { t: 'aligned' };

const SHAPES = new Map<string, Shape>([
  ['row', 'row'], ['rows', 'row'], ['line', 'row'], ['lines', 'row'], ['column', 'column'], ['columns', 'column'],
  ['stack', 'stack'], ['tower', 'stack'], ['pile', 'stack'], ['pyramid', 'pyramid'], ['grid', 'grid'], ['array', 'grid'], ['matrix', 'grid'],
]);
const AXES = new Map<string, Axis>([['x', 'x'], ['y', 'y'], ['z', 'z'], ['x-axis', 'x'], ['y-axis', 'y'], ['z-axis', 'z'], ['horizontal', 'x'], ['vertical', 'z']]);
const SPACING_AFTER = new Set(['spacing', 'apart', 'gap', 'gaps', 'intervals', 'interval', 'pitch', 'spaced', 'between']);
const SPACING_BEFORE = new Set(['spacing', 'spaced', 'gap', 'pitch', 'intervals', 'separation', 'every']);

function word(tokens: Token[], i: number): string | undefined {
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

/** Items of a clause; `unknown` collects words that were passed over. */
export function readItems(tokens: Token[]): { items: Item[]; unknown: string[] } {
  const items: Item[] = [];
  const unknown: string[] = [];
  let i = 0;
  let atLeast = false;
  while (i < tokens.length) {
    const t = tokens[i];
    const w = word(tokens, i);
    const prev = items[items.length - 1];

    // Quantities (and "R by C" grid sizes).
    if (t.kind === 'num' || (w && /^(a|an|half|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)$/.test(w))) {
      const q = readQuantity(tokens, i);
      if (q) {
        const before = word(tokens, i - 1);
        const after = word(tokens, i + q.length);
        const spacing = q.kind === 'length' && ((after !== undefined && SPACING_AFTER.has(after) && after !== 'between') || (before !== undefined && SPACING_BEFORE.has(before)) || (word(tokens, i - 2) !== undefined && SPACING_BEFORE.has(word(tokens, i - 2)!) && before === 'of'));
        items.push({ t: 'qty', kind: q.kind, value: q.value, spacing, atLeast });
        atLeast = false;
        i += q.length;
        if (spacing && after && SPACING_AFTER.has(after)) i++;
        continue;
      }
      if (t.kind === 'num' && (word(tokens, i + 1) === 'by' || word(tokens, i + 1) === 'x') && tokens[i + 2]?.kind === 'num') {
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
    if (!w) {
      i++;
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
    if (w === 'within' && readQuantity(tokens, i + 1)) {
      items.push({ t: 'rel', type: 'near', unary: false, phrase: 'within' });
      i++;
      continue;
    }
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
    if ((w === 'a' || w === 'an' || w === 'the') && SHAPES.has(word(tokens, i + 1) ?? '')) {
      i++;
      continue;
    }
    // Arrangement shapes: "in a row", "a pyramid", "as a stack".
    if (SHAPES.has(w) && (prev?.t !== 'np' || ['a', 'an', 'the'].includes(word(tokens, i - 1) ?? ''))) {
      const shape = SHAPES.get(w)!;
      items.push({ t: 'shape', shape });
      i++;
      continue;
    }
    // Roles in arrangements.
    if ((w === 'at' || w === 'on') && (word(tokens, i + 1) === 'top' || (word(tokens, i + 1) === 'the' && word(tokens, i + 2) === 'top')) && word(tokens, i + (word(tokens, i + 1) === 'the' ? 3 : 2)) !== 'of') {
      items.push({ t: 'role', role: 'top' });
      i += word(tokens, i + 1) === 'the' ? 3 : 2;
      continue;
    }
    if ((w === 'forming' || w === 'form' || w === 'as' || w === 'at') && (word(tokens, i + 1) === 'the') && (word(tokens, i + 2) === 'base' || word(tokens, i + 2) === 'bottom' || word(tokens, i + 2) === 'foundation')) {
      items.push({ t: 'role', role: 'base' });
      i += 3;
      continue;
    }
    if (w === 'all' || w === 'everything' || w === 'everyone' || w === 'each') {
      const np = readNounPhrase(tokens, i, false);
      if (!np) {
        items.push({ t: 'all' });
        i++;
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
    // Relations (a standalone direction word directly before another relation is an adverb: "right above").
    const rel = matchRelation(tokens, i);
    if (rel) {
      const following = rel.unary ? matchRelation(tokens, i + rel.length) : null;
      if (rel.unary && following && !following.unary) {
        i += rel.length;
        continue;
      }
      if (rel.unary && readNounPhrase(tokens, i + rel.length, false) && w !== 'up' && w !== 'back') {
        // "right box": a direction word used as an adjective is not a relation.
      } else {
        items.push({ t: 'rel', type: rel.type, unary: rel.unary, phrase: tokens.slice(i, i + rel.length).map((x) => (x as { text: string }).text).join(' ') });
        i += rel.length;
        continue;
      }
    }
    if (VERBS.has(w) && !(prev?.t === 'np' && w === 'position')) {
      items.push({ t: 'verb', word: w });
      i++;
      if (w === 'pick' && word(tokens, i) === 'up') i++;
      if (w === 'line' && word(tokens, i) === 'up') {
        items[items.length - 1] = { t: 'verb', word: 'align' };
        i++;
      }
      continue;
    }
    const bare = prev === undefined || prev.t === 'verb' || prev.t === 'rel' || prev.t === 'qty';
    const np = readNounPhrase(tokens, i, bare);
    if (np && np.next > i) {
      items.push({ t: 'np', np: np.np, text: tokens.slice(i, np.next).map((x) => (x as { text: string }).text).join(' ') });
      i = np.next;
      continue;
    }
    if (!FILLERS.has(w) && !COPULAS.has(w) && !['and', 'or', 'with', 'by', 'for', 'as', 'at', 'from', 'of', 'using', 'into', 'in', 'precise', 'precisely', 'sequence', 'orientation'].includes(w)) unknown.push(w);
    i++;
  }
  return { items, unknown };
}
