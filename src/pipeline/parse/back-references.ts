/**
 * Short back-references to objects already named, read as the object's own words before a clause is read:
 * "Bracket A and bracket B both go on the base plate, B to the right of A" (a bare letter or number is the one
 * object named with that label), "the red cushion and the blue cushion on the sofa, the red one left of the blue one"
 * (`the <describing word> one` is the one object with that colour or size word), "the first"/"the second" (the
 * listed objects of the clause before, in order), "the former"/"the latter" (of two listed). A reference that fits
 * no object, or more than one, is left as written (and refused as before), never guessed.
 */
import { ParseError } from '../../errors.js';
import type { Entity } from '../types.js';
import { COPULAS, VERBS, verbBase } from './lexicon.js';
import { matchRelation } from './relations.js';
import type { Token } from './tokenize.js';
import { wordToken } from './word-classes.js';

const ORDINAL_PICKS = new Map<string, number>([['first', 0], ['second', 1], ['third', 2], ['fourth', 3], ['former', 0], ['latter', 1]]);
/** Words after which a label may start a phrase of a list ("A and B"). */
const LIST_LINKS = new Set(['and', 'or', 'with']);

/** The label a bare token may be (one letter, or a whole number), or undefined. */
function labelToken(t: Token | undefined): string | undefined {
  if (t === undefined) return undefined;
  if (t.kind === 'num') return Number.isInteger(t.value) && t.value >= 0 && !t.text.startsWith('-') ? t.text : undefined;
  if (t.kind !== 'word' || t.text.length !== 1) return undefined;
  const c = t.text.charCodeAt(0);
  return c >= 97 && c <= 122 ? t.text : undefined;
}

/** Whether a relation phrase ends right before k ("… to the right of | A"). */
function relationEndsAt(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
    const m = matchRelation(tokens, j);
    if (m !== null && j + m.length === k) return true;
  }
  return false;
}

/** Whether a phrase ending before k is followed by a relation, a list link, a copula ("A should be left of B", "the first goes …") or the clause's end. */
function phraseEndsAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined || t.kind === 'sep') return true;
  if (t.kind === 'word' && (LIST_LINKS.has(t.text) || (COPULAS.has(t.text) && t.text !== 'to'))) return true;
  return matchRelation(tokens, k) !== null;
}

function phraseStartsAt(tokens: Token[], k: number): boolean {
  if (k === 0) return true;
  const t = tokens[k - 1];
  if (t.kind === 'sep' || (t.kind === 'word' && LIST_LINKS.has(t.text))) return true;
  // "then move A left of B": right after the clause's opening verb.
  if (k === 1 && t.kind === 'word' && VERBS.has(verbBase(t.text) ?? t.text)) return true;
  return relationEndsAt(tokens, k);
}

/**
 * The only entity named `<words>_<label>` by a label the user wrote, or undefined. Members numbered by a count
 * ("3 boxes": box_1 …, with an ordinal) are not: in "3 boxes on the table and 2 on the shelf" the 2 is a count.
 */
function byLabel(entities: readonly Entity[], label: string): Entity | undefined {
  let found: Entity | undefined;
  const tail = `_${label}`;
  for (const e of entities) {
    if (!e.name.endsWith(tail) || e.name.length === tail.length || e.ordinal !== undefined) continue;
    if (found !== undefined) return undefined;
    found = e;
  }
  return found;
}

/** The only entity with that colour or size word, or undefined. */
function byModifier(entities: readonly Entity[], word: string): Entity | undefined {
  let found: Entity | undefined;
  for (const e of entities) {
    if (e.color !== word && e.size !== word) continue;
    if (found !== undefined) return undefined;
    found = e;
  }
  return found;
}

/** Whether "the other" follows in the clause. */
function otherLater(tokens: Token[], k: number): boolean {
  for (let j = k; j < tokens.length - 1; j++) if (tokens[j].text === 'the' && tokens[j + 1].text === 'other') return true;
  return false;
}

/** Whether the clause writes the entity's name words outside [from, to) ("the cup left of the other": the cup). */
function namedIn(tokens: Token[], name: string, from: number, to: number): boolean {
  const words = name.split('_');
  for (let j = 0; j + words.length <= tokens.length; j++) {
    if (j + words.length > from && j < to) continue;
    let k = 0;
    while (k < words.length && tokens[j + k].text === words[k]) k++;
    if (k === words.length) return true;
  }
  return false;
}

function wordsOf(name: string): Token[] {
  return name.split('_').map((w): Token => (/^\d+$/.test(w) ? { kind: 'num', text: w, value: Number(w) } : wordToken(w)));
}

/**
 * The clause with each short back-reference replaced by the words of the object it names (the clause itself when
 * there is none). `listed` is the clause before's objects in the order written (for "the first", "the latter").
 */
export function withBackReferences(tokens: Token[], entities: readonly Entity[], listed: readonly string[]): Token[] {
  if (entities.length < 2) return tokens;
  let out: Token[] | undefined;
  /** A bare label (or "the <colour> one") standing where an object would that names none ("then put C on A" with no C), quoted. */
  let unmatched: string | undefined;
  /** What 'one' named in "one left of the other". */
  let oneNamed: string | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    let entity: Entity | undefined;
    let length = 1;
    const label = labelToken(t);
    // "…on the table, one left of the other": of two just listed, 'one' is the first (never "one on top of the other",
    // a stack read elsewhere).
    if (t.kind === 'word' && t.text === 'one' && listed.length === 2 && phraseStartsAt(tokens, k) && otherLater(tokens, k + 1)) {
      const rel = matchRelation(tokens, k + 1);
      if (rel !== null && rel.type !== 'on' && rel.type !== 'above') {
        entity = entities.find((e) => e.name === listed[0]);
        oneNamed = entity?.name;
      }
    } else if (label !== undefined) {
      entity = byLabel(entities, label);
      if (entity !== undefined && !(phraseEndsAt(tokens, k + 1) && phraseStartsAt(tokens, k))) entity = undefined;
      else if (entity === undefined && unmatched === undefined && phraseEndsAt(tokens, k + 1) && phraseStartsAt(tokens, k)) unmatched = `'${label.toUpperCase()}'`;
    } else if (t.kind === 'word' && t.text === 'the' && tokens[k + 1]?.kind === 'word') {
      const word = tokens[k + 1].text;
      const one = tokens[k + 2]?.kind === 'word' && tokens[k + 2].text === 'one';
      const pick = ORDINAL_PICKS.get(word);
      if (word === 'other' && listed.length === 2) {
        // "the other (one)": of two just listed, the one this clause names nowhere else.
        length = tokens[k + 2]?.kind === 'word' && tokens[k + 2].text === 'one' ? 3 : 2;
        if (phraseStartsAt(tokens, k) && phraseEndsAt(tokens, k + length)) {
          const rest = listed.filter((n) => n !== oneNamed && !namedIn(tokens, n, k, k + length));
          entity = rest.length === 1 ? entities.find((e) => e.name === rest[0]) : undefined;
        }
      } else if (pick !== undefined || one) {
        length = one ? 3 : 2;
        if (phraseStartsAt(tokens, k) && phraseEndsAt(tokens, k + length)) {
          // "the former"/"the latter" of two; "the first (one)", "the second (one)" of those listed.
          const of = pick === undefined ? [] : word === 'former' || word === 'latter' ? (listed.length === 2 ? listed : []) : listed.length >= 2 ? listed : [];
          const name = pick === undefined ? undefined : of[pick];
          entity = pick === undefined ? byModifier(entities, word) : name === undefined ? undefined : entities.find((e) => e.name === name);
          // "the green one" where no object is green: refused beside a reference that named one.
          if (entity === undefined && one && pick === undefined && unmatched === undefined && !entities.some((e) => e.color === word || e.size === word)) unmatched = `'the ${word} one'`;
        }
      }
    }
    if (entity === undefined) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, k);
    if (label === undefined) out.push(t);
    out.push(...wordsOf(entity.name));
    k += length - 1;
  }
  // Beside a label that named an object, one that names none is refused, never dropped or taken for the clause's subject.
  if (out !== undefined && unmatched !== undefined) {
    throw new ParseError(`${unmatched} names no object named before (${entities.map((e) => e.name).join(', ')}) in '${tokens.map((x) => x.text).join(' ')}'`);
  }
  return out ?? tokens;
}
