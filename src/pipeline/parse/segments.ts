/**
 * Splits an instruction's tokens into clauses: at punctuation, "then", "after that", "while", at "and" when
 * it joins two clauses (not two noun phrases: "between A and B"), and at a verb that starts a new clause
 * ("place A above B place B above C").
 */
import { centreToCentre, joinsAt, MOVE_VERBS, PICK_VERBS } from './clause-items.js';
import { labelAfter, readNounPhrase } from './entities.js';
import { isPluralSurface, NOUN_FORMS, NUMBER_WORDS, verbBase } from './lexicon.js';
import { matchRelation, startsRelation } from './relations.js';
import type { Token } from './tokenize.js';
import { isVerbBase, isVerbForm, VERB_BASE, VERB_FORM, wordToken } from './word-classes.js';

const BREAK_WORDS = new Set(['then', 'afterwards', 'afterward', 'finally', 'while', 'whilst', 'meanwhile']);
/** "the clamp should sit on …": a verb after a modal continues the clause. */
const MODALS = new Set(['should', 'must', 'will', 'shall', 'can', 'could', 'would', 'may', 'might']);
const ANGLE_VERBS = new Set(['rotate', 'turn', 'spin', 'tilt', 'orient', 'align', 'stack', 'arrange']);
/** Words after which a verb form is a noun ("a line", "a straight line", "the stack"). */
const NOUN_CONTEXT = new Set(['a', 'an', 'the', 'straight', 'single', 'neat', 'tidy', 'long', 'short', 'one', 'each', 'every', 'this', 'that', 'its', 'their']);
/** Words that make a clause of their own (a formation or a group relation) although they are not relations. */
/** Prepositions closing a relation phrase: a verb form right after one is a noun ("in front of dock door 2"). */
const PREPOSITIONS = new Set(['of', 'from', 'onto', 'into', 'beside', 'behind', 'above', 'below', 'under', 'over', 'near', 'between', 'atop', 'beneath', 'underneath']);
/** Words after which a verb keeps its object ("… of place the …" is no phrase, but "place the box" is a clause). */
const DETERMINER_AFTER = new Set(['the', 'a', 'an', 'it', 'them', 'this', 'that', 'these', 'those']);
const SHAPE_WORDS = new Set(['circle', 'ring', 'triangle', 'pentagon', 'hexagon', 'octagon', 'polygon', 'apart', 'contact', 'row', 'line', 'grid', 'pyramid', 'upside', 'facing', 'upright']);

/**
 * "place the monitor on the desk with the keyboard in front of it": "with" + a noun phrase + a relation to
 * "it"/"them" is a clause of its own (the pronoun names the previous subject).
 */
function withClause(tokens: Token[], i: number, current: Token[]): boolean {
  const t = tokens[i];
  if (t?.kind !== 'word' || t.text !== 'with' || !(hasRelation(current) || startsWithVerb(current))) return false;
  const det = tokens[i + 1];
  // "Put bins A and B on shelf 1 with bin C between them": a bare labelled noun opens one as an article does.
  const labelled = det?.kind === 'word' ? readNounPhrase(tokens, i + 1, true) : null;
  const bareLabel = labelled !== null && labelled.np.kind !== '' && labelled.np.label !== undefined && labelled.np.count === undefined && labelled.np.pronoun === undefined && !labelled.np.plural;
  if (!bareLabel && (det?.kind !== 'word' || !['the', 'a', 'an', 'its', 'their'].includes(det.text))) return false;
  // "with a 5 cm gap between them": a spacing of the clause's group, not a clause of its own.
  if (!bareLabel && tokens[i + 2]?.kind === 'num') return false;
  for (let k = bareLabel ? labelled.next : i + 3; k < Math.min(tokens.length, i + 8); k++) {
    const w = tokens[k];
    if (w.kind !== 'word' || w.text === 'and' || w.text === 'or' || (w.classes & VERB_BASE) !== 0) return false;
    const owner = tokens[k + 1];
    if ((w.text === 'to' || w.text === 'on' || w.text === 'at') && owner?.kind === 'word' && (owner.text === 'its' || owner.text === 'their')) return true;
    // "… with its lid on top", "with a cherry on top": on the previous subject.
    // A group before it ("stack the plates with the red plate on top") keeps "on top" as its top member's role.
    if (w.text === 'on' && owner?.kind === 'word' && owner.text === 'top' && (tokens[k + 2] === undefined || tokens[k + 2].kind === 'sep')) return !namesGroup(current);
    const rel = matchRelation(tokens, k);
    if (!rel) continue;
    const ref = tokens[k + rel.length];
    // "… in front of it", "… on its left", "… to their right": a relation to the previous subject.
    return ref?.kind === 'word' && (ref.text === 'it' || ref.text === 'them' || ref.text === 'its' || ref.text === 'their');
  }
  return false;
}

/** Whether tokens name a group: a count, a plural noun or a formation word ("stack 3 boxes", "the plates"). */
function namesGroup(tokens: Token[]): boolean {
  // (A number is a count before a noun, "3 boxes"; after one it is a label, "pallet 2".)
  return tokens.some((t, k) => (t.kind === 'num' && tokens[k + 1]?.kind === 'word' && /s$/.test(tokens[k + 1].text)) || (t.kind === 'word' && (SHAPE_WORDS.has(t.text) || t.text === 'stack' || t.text === 'pile' || t.text === 'tower' ||
    (NUMBER_WORDS.get(t.text) ?? 0) >= 2 || (NOUN_FORMS.has(t.text) && isPluralSurface(t.text, NOUN_FORMS.get(t.text)!)))));
}

/** Words that open the object of a purpose clause's verb ("to free the floor", "to get some sun", "to make room"). */
const OBJECT_OPENERS = new Set([...DETERMINER_AFTER, 'some', 'any', 'my', 'your', 'our', 'his', 'her', 'its', 'their', 'more', 'up', 'room', 'space']);
/** Words that open the subject of a purpose clause after "so" ("so I can mop", "so that the door closes"). */
const PURPOSE_SUBJECTS = new Set(['i', 'we', 'you', 'it', 'they', 'he', 'she', 'there', 'that', 'the', 'my', 'our', 'your', 'its', 'their', 'nobody', 'no', 'people', 'everyone']);

/**
 * Length of the words that open a purpose clause at i ("so I can mop", "so that …", "so as to …", "in order to …",
 * "to free the floor"), after a clause that already has a relation; 0 when none starts there. A bare "to" opens one
 * only before a verb's base form that is no noun and takes an object or ends the clause, never when it closes a
 * relation ("next to") or follows a verb of joining ("attach … to …").
 */
function purposeAt(tokens: Token[], i: number, current: Token[]): number {
  const w = word(tokens, i);
  // Only "so", "in" and "to" can open one: the other words are passed before the clause is searched for a relation.
  if ((w !== 'so' && w !== 'in' && w !== 'to') || !hasRelation(current)) return 0;
  if (w === 'so') {
    const next = word(tokens, i + 1);
    if (next === 'as' && word(tokens, i + 2) === 'to') return 3;
    if (next === 'that') return 2;
    if (next !== undefined && PURPOSE_SUBJECTS.has(next)) return 1;
    // "so forklifts can pass", "so the door will close": a short subject, then a modal.
    for (let k = i + 2; k < Math.min(tokens.length, i + 5); k++) {
      const v = word(tokens, k);
      if (v === undefined || matchRelation(tokens, k) !== null) return 0;
      if (MODALS.has(v) || v === 'cannot') return 1;
    }
    return 0;
  }
  if (w === 'in' && word(tokens, i + 1) === 'order' && (word(tokens, i + 2) === 'to' || word(tokens, i + 2) === 'that')) return 3;
  // "to face it" turns the subject (read with its clause), it says no purpose.
  if (w !== 'to' || joinsAt(tokens, i) || matchRelation(tokens, i) !== null || word(tokens, i + 1) === 'face') return 0;
  // "40 cm apart centre to centre": the 'to' of a spacing's "centre to centre" opens no purpose ('to centre').
  if (centreToCentre(tokens, i - 1) === 3) return 0;
  for (let k = Math.max(0, i - 4); k < i; k++) {
    const rel = matchRelation(tokens, k);
    if (rel !== null && k + rel.length > i) return 0;
  }
  const verb = word(tokens, i + 1);
  const after = tokens[i + 2];
  const takesObject = after === undefined || after.kind === 'sep' || (after.kind === 'word' && OBJECT_OPENERS.has(after.text));
  if (verb === undefined || NOUN_FORMS.has(verb) || DETERMINER_AFTER.has(verb) || !takesObject) return 0;
  // "to free the floor": a word the lexicon does not know is a verb when an object follows it.
  return verbBase(verb) === verb || (verbBase(verb) === undefined && after?.kind === 'word' && OBJECT_OPENERS.has(after.text)) ? 1 : 0;
}

function word(tokens: Token[], i: number): string | undefined {
  // A negative index is no element: V8 reads it as a named property, up the prototype chain (many times slower).
  if (i < 0) return undefined;
  const t = tokens[i];
  return t?.kind === 'word' ? t.text : undefined;
}

/**
 * Whether the verb form at i, with a label after it and no noun after the label, names an object ("clamp 1 and
 * clamp 2 sit on …", "press A"): it picks nothing ("grab 2 boxes" does).
 */
function labelledNoun(tokens: Token[], i: number): boolean {
  if (!labelAfter(tokens, i + 1)) return false;
  const after = word(tokens, i + 2);
  return after === undefined || !NOUN_FORMS.has(after);
}

/** Whether the token before the verb form at i closes a list member with the same labelled noun ("clamp 1 and clamp 2"). */
function repeatsLabelledNoun(tokens: Token[], i: number): boolean {
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const joined = prev?.kind === 'sep' || prev?.text === 'and' || prev?.text === 'or';
  const head = i - 2 - (joined ? 1 : 0);
  return labelAfter(tokens, i + 1) && labelAfter(tokens, head + 1) && tokens[head]?.text === tokens[i].text;
}

/**
 * Whether a word can make hasRelation true at all: it starts a relation phrase, is an angle verb, a form of a pick
 * verb, a shape word, or 'to' (joinsAt); cached by word (the lexicon is fixed), so every other word costs one lookup.
 */
function mayRelate(w: string): boolean {
  let may = MAY_RELATE.get(w);
  if (may === undefined) {
    may = startsRelation(w) || ANGLE_VERBS.has(w) || PICK_VERBS.has(verbBase(w) ?? '') || SHAPE_WORDS.has(w) || w === 'to';
    if (MAY_RELATE.size >= 10_000) MAY_RELATE.clear();
    MAY_RELATE.set(w, may);
  }
  return may;
}
const MAY_RELATE = new Map<string, boolean>();

function hasRelation(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word' && mayRelate(t.text) && (matchRelation(tokens, i) || ANGLE_VERBS.has(t.text) || (PICK_VERBS.has(verbBase(t.text) ?? '') && !labelledNoun(tokens, i)) || SHAPE_WORDS.has(t.text) || joinsAt(tokens, i))) return true;
  }
  return false;
}

/** Verbs of a group that may open a list of its members ("stack the red box, the green box and the blue box …"). */
const GROUP_VERBS = new Set(['stack', 'arrange', 'align']);

/**
 * Whether tokens are a group verb and a list of single objects alone ("stack the red box", "arrange the cup and the
 * plate", "line up shim 1"; never a group: "stack the bowls"): the head of a list the next piece goes on with, its
 * relation to come.
 */
function groupVerbList(tokens: Token[]): boolean {
  // "line up shim 1, shim 2 and shim 3": the particle verb is 'align'.
  const lineUp = word(tokens, 0) === 'line' && word(tokens, 1) === 'up';
  if (!lineUp && !GROUP_VERBS.has(word(tokens, 0) ?? '')) return false;
  const start = lineUp ? 2 : 1;
  let k = start;
  while (k < tokens.length) {
    const np = readNounPhrase(tokens, k, true);
    if (np === null || np.np.pronoun !== undefined || np.np.plural || np.np.count !== undefined || np.np.numbers !== undefined || np.next <= k) return false;
    k = np.next;
    if (word(tokens, k) === 'and') k++;
  }
  return k > start;
}

function startsClause(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.kind === 'word');
  return isVerbBase(first) || hasRelation(tokens);
}

function startsWithVerb(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.kind === 'word');
  return isVerbBase(first);
}

const LABEL = /^([a-z]|\d+)$/;

/**
 * Whether `after` starts with the labelled noun that ends `before`: "valve A, valve B and valve C" is one list
 * (the same noun, each with a letter or number of its own, and no relation before them).
 */
function continuesList(before: Token[], after: Token[]): boolean {
  // "washer #1, washer #2": the number sign is no part of the label.
  const strip = (tokens: Token[]) => tokens.filter((t) => !(t.kind === 'sym' && t.text === '#'));
  const b = before.some((t) => t.kind === 'sym') ? strip(before) : before;
  const a = after.some((t) => t.kind === 'sym') ? strip(after) : after;
  const [noun, label] = a;
  const [lastNoun, lastLabel] = b.slice(-2);
  // "crates A, B and C", "bins 1, 2 and 3": a label after a label continues the list.
  const labels = LABEL.test(noun?.text ?? '') && LABEL.test(lastLabel?.text ?? '') && noun.text !== lastLabel.text && !LABEL.test(label?.text ?? '');
  // (The noun may also be a verb: "slide 1, slide 2 and slide 3" repeats the noun with a new label.)
  if (!labels && !(noun?.kind === 'word' && lastNoun?.kind === 'word' && noun.text === lastNoun.text &&
    LABEL.test(label?.text ?? '') && LABEL.test(lastLabel?.text ?? '') && label.text !== lastLabel.text)) return false;
  // Only a list of subjects: "box 1 on box 2, box 3 on box 4" is two clauses.
  for (let i = 0; i < before.length; i++) if (before[i].kind === 'word' && matchRelation(before, i) !== null) return false;
  return true;
}

function splitAtAnd(tokens: Token[]): Token[][] {
  // (The list is made only when the tokens split: most stay one clause.)
  let out: Token[][] | undefined;
  let start = 0;
  // "Send the crate to pallet 4 and the box to the cart": the verb of moving, elided from the clauses after it.
  const mover = movesTo(tokens) ? tokens[0] : undefined;
  let prefix: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || (t.text !== 'and' && t.text !== 'or')) continue;
    const before = tokens.slice(start, i);
    const after = tokens.slice(i + 1);
    // Split only when both sides are clauses; the right side must have its own relation or verb.
    let nextAnd = after.findIndex((x) => x.kind === 'word' && x.text === 'and');
    if (nextAnd < 0) nextAnd = after.length;
    const rightPart = after.slice(0, nextAnd);
    const elided = mover !== undefined && destinationAfterNoun(rightPart);
    // "stack the box and the crate on the table": a group verb's list goes on past 'and' unless a verb follows.
    const listGoesOn = groupVerbList(before) && !startsWithVerb(rightPart);
    if ((hasRelation(before) || (mover !== undefined && movesTo([mover, ...before]))) && (startsClause(rightPart) || elided) && !continuesList(before, after) && !listGoesOn) {
      (out ??= []).push(prefix ? [prefix, ...before] : before);
      prefix = elided && !startsClause(rightPart) ? mover : undefined;
      start = i + 1;
    }
  }
  // (No copy when nothing was split off: token lists are never changed in place.)
  const last = start === 0 ? tokens : tokens.slice(start);
  const lastClause = prefix ? [prefix, ...last] : last;
  if (out === undefined) return [lastClause];
  out.push(lastClause);
  return out;
}

/** Whether a clause opens with a verb of moving and holds "to" + an object after it ("send the crate to pallet 4"). */
function movesTo(tokens: Token[]): boolean {
  const first = word(tokens, 0);
  if (first === undefined || !MOVE_VERBS.has(verbBase(first) ?? '')) return false;
  for (let k = 1; k < tokens.length; k++) if (word(tokens, k) === 'to' && matchRelation(tokens, k) === null && readNounPhrase(tokens, k + 1, true) !== null) return true;
  return false;
}

/** Whether tokens are a noun phrase, then "to" + an object, and nothing else of a clause ("the box to the cart"). */
function destinationAfterNoun(tokens: Token[]): boolean {
  const np = readNounPhrase(tokens, 0, true);
  if (np === null || np.np.pronoun !== undefined) return false;
  let k = np.next;
  // "… and the tube from rack 2 to the bin": where it comes from, then where it goes.
  const source = word(tokens, k) === 'from' ? readNounPhrase(tokens, k + 1, true) : null;
  if (source !== null) k = source.next;
  if (word(tokens, k) !== 'to' || matchRelation(tokens, k) !== null) return false;
  const target = readNounPhrase(tokens, k + 1, true);
  return target !== null && target.np.kind !== '' && target.next === tokens.length;
}

/**
 * "Transfer the vial from rack 1 to rack 2, then the tube from rack 2 to the bin": a clause of an object and its
 * destination, with no verb, after a clause that opens with a verb of moving and has a destination, takes that verb.
 */
function withMoverElided(clauses: Token[][]): Token[][] {
  let mover: Token | undefined;
  return clauses.map((clause) => {
    // "Put the box near the table, then the cup to the shelf": a verb of moving with any relation is carried too.
    if (movesTo(clause) || (MOVE_VERBS.has(verbBase(word(clause, 0) ?? '') ?? '') && hasRelation(clause))) {
      mover = clause[0];
      return clause;
    }
    if (mover !== undefined && !startsWithVerb(clause) && destinationAfterNoun(clause)) return [mover, ...clause];
    if (startsWithVerb(clause)) mover = undefined;
    return clause;
  });
}

function splitAtVerbs(tokens: Token[]): Token[][] {
  let out: Token[][] | undefined;
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    // Only an imperative (a verb's base form) starts a new clause: "forming", "placed" continue this one.
    // A verb form that ends the clause is a noun ("on the microscope stage"): a new clause needs more than its verb.
    if (t.kind === 'word' && (t.classes & VERB_BASE) !== 0 && i + 1 < tokens.length && !matchRelation(tokens, i) && hasRelation(tokens.slice(start, i))) {
      const prev = tokens[i - 1];
      // "to grasp", "is placed": a verb after "to" or a copula continues the clause.
      // "rotate slide 2 by 90 degrees": a verb right after a verb is its object, no new clause.
      if (prev.kind === 'word' && (prev.classes & VERB_FORM) !== 0) continue;
      if (prev.kind === 'word' && (prev.text === 'to' || prev.text === 'is' || prev.text === 'are' || prev.text === 'be' || MODALS.has(prev.text))) continue;
      // "in a line", "a straight line", "the pile": after an article or an adjective the word is a noun.
      if (prev.kind === 'word' && NOUN_CONTEXT.has(prev.text)) continue;
      // "align 4 cubes in line on table 5cm apart": a formation word after "in" or "into" is the formation, no verb.
      if (prev.kind === 'word' && (prev.text === 'in' || prev.text === 'into') && SHAPE_WORDS.has(t.text)) continue;
      // "a quarter turn about z", "a half turn": after a fraction of a turn, 'turn' is its unit.
      if (prev.kind === 'word' && (prev.text === 'quarter' || prev.text === 'half')) continue;
      // "in front of dock door 2", "next to stage 3": right after a relation's preposition the word is a noun.
      if (prev.kind === 'word' && PREPOSITIONS.has(prev.text) && (!DETERMINER_AFTER.has(tokens[i + 1]?.text ?? '') || labelAfter(tokens, i + 1))) continue;
      // "clamp 1 and clamp 2 sit …", "press A, press B": a verb form repeating the labelled noun before it, with a label
      // of its own, is the next member of that list.
      if (repeatsLabelledNoun(tokens, i)) continue;
      // "Behind the drill press sits the bin": a verb form right before a verb of being somewhere in the third person
      // ends a noun; an imperative is never followed by a finite verb.
      if (['sits', 'stands', 'goes', 'lies', 'hangs', 'rests', 'belongs', 'comes', 'stays'].includes(tokens[i + 1]?.text ?? '')) continue;
      // "charging dock 4.": a verb form followed only by a number names an object ("dock 4"), it starts no clause.
      if (tokens[i + 1]?.kind === 'num' && (tokens[i + 2] === undefined || tokens[i + 2].kind === 'sep')) continue;
      (out ??= []).push(tokens.slice(start, i));
      start = i;
    }
  }
  if (out === undefined) return [tokens];
  out.push(tokens.slice(start));
  return out;
}

/** Words that open a clause before a verb's -ing form ("before placing", "after setting", "while holding"). */
const TIME_WORDS = new Set(['before', 'after', 'while', 'when']);

/** The comma between two bare nouns of a list, kept as the 'and' it stands for. */
const LIST_AND: Token = wordToken('and');

/**
 * "Cup, plate and bowl go on the table": a comma between two lexicon nouns, the piece before it having no relation, is
 * kept as 'and', or the two nouns would be read as one compound ('cup_plate').
 */
function bareListComma(before: Token[], after: Token[], continues: boolean): boolean {
  const last = before[before.length - 1];
  const first = after[0];
  return !continues && last?.kind === 'word' && first?.kind === 'word' && NOUN_FORMS.has(last.text) && NOUN_FORMS.has(first.text) && !hasRelation(before);
}

/** The words at which splitClauses' loop may do more than keep the token: breaks, time words, 'with', purpose openers. */
const SPLIT_WORDS: ReadonlySet<string> = new Set([...BREAK_WORDS, 'after', ...TIME_WORDS, 'with', 'so', 'in', 'to']);

/** Clauses of an instruction, each a non-empty token list. */
export function splitClauses(tokens: Token[]): Token[][] {
  const pieces: Token[][] = [];
  /** Pieces that a "with" clause starts ("…, with the blue cube on its left"): never joined to the one before. */
  let withStarts: Set<Token[]> | undefined;
  let startedByWith = false;
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A word that can neither break the clause nor open a purpose clause is kept at once (one lookup).
    if (t.kind === 'word' && !SPLIT_WORDS.has(t.text)) {
      current.push(t);
      continue;
    }
    const isBreak =
      t.kind === 'sep' ||
      (t.kind === 'word' && BREAK_WORDS.has(t.text)) ||
      (t.kind === 'word' && t.text === 'after' && tokens[i + 1]?.kind === 'word' && (tokens[i + 1].text === 'that' || tokens[i + 1].text === 'this')) ||
      // "rotate the plate 90° before placing it on the reader", "after setting it down": a time word before a verb's
      // -ing form opens a clause of its own.
      (t.kind === 'word' && TIME_WORDS.has(t.text) && tokens[i + 1]?.kind === 'word' && tokens[i + 1].text.endsWith('ing') && isVerbForm(tokens[i + 1])) ||
      withClause(tokens, i, current);
    // "put the stool on the table so I can mop": a purpose clause says why, not where; it is dropped unless it
    // has a relation of its own ("…, so that it sits above the tray"), which is then a clause.
    const purpose = isBreak ? 0 : purposeAt(tokens, i, current);
    if (purpose > 0) {
      let end = i + purpose;
      while (end < tokens.length && tokens[end].kind !== 'sep') end++;
      const said = tokens.slice(i + purpose, end);
      pieces.push(current);
      if (startedByWith) (withStarts ??= new Set()).add(current);
      startedByWith = false;
      current = hasRelation(said) ? said : [];
      i = end - 1;
      continue;
    }
    if (isBreak) {
      if (current.length > 0) {
        pieces.push(current);
        if (startedByWith) (withStarts ??= new Set()).add(current);
      }
      startedByWith = t.kind === 'word' && t.text === 'with' || (t.kind === 'sep' && withClause(tokens, i + 1, current));
      current = [];
      if (t.kind === 'word' && t.text === 'after') i++;
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) {
    pieces.push(current);
    if (startedByWith) (withStarts ??= new Set()).add(current);
  }
  // A piece with neither a relation nor a verb of its own continues a list into the next one ("put vial 1,
  // vial 2 and vial 3 in a row", "assemble: base on the pallet").
  for (let k = pieces.length - 2; k >= 0; k--) {
    // "arrange valve A, valve B and valve C in a row": a piece that starts with the noun the previous one ended on
    // continues its list too.
    const continues = continuesList(pieces[k], pieces[k + 1]);
    // "…, then the cup to the table, then the lid to the cup": an object and its destination is a clause of its own
    // (its verb elided), never the head of a list the next piece continues.
    if (destinationAfterNoun(pieces[k]) && !continues) continue;
    if (((!hasRelation(pieces[k]) && !movesTo(pieces[k])) || continues || groupVerbList(pieces[k])) && (!startsWithVerb(pieces[k + 1]) || continues) && !withStarts?.has(pieces[k + 1]) && !withClause(pieces[k + 1], 0, pieces[k])) {
      pieces.splice(k, 2, bareListComma(pieces[k], pieces[k + 1], continues) ? [...pieces[k], LIST_AND, ...pieces[k + 1]] : [...pieces[k], ...pieces[k + 1]]);
    }
  }
  const clauses: Token[][] = [];
  for (const piece of pieces) {
    for (const byAnd of splitAtAnd(piece)) {
      for (const clause of splitAtVerbs(byAnd)) {
        let k = 0;
        while (k < clause.length && clause[k].kind === 'word' && (clause[k].text === 'and' || clause[k].text === 'or')) k++;
        const trimmed = k === 0 ? clause : clause.slice(k);
        if (trimmed.length > 0) clauses.push(trimmed);
      }
    }
  }
  return withMoverElided(clauses);
}
