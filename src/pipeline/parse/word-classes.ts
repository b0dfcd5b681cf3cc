/**
 * Word classes that the parser's hot paths test on word tokens, as bits computed once per word (cached by word, and
 * kept beside the tokenizer's table of words read): testing a bit on the token replaces a Map or Set lookup by the
 * word each time a reader asks.
 */
import { verbBase } from './lexicon.js';
import { startsRelation } from './relations.js';
import type { Token } from './tokenize.js';

/** A verb form (verbBase(word) !== undefined). */
export const VERB_FORM = 1;
/** A verb's base form (verbBase(word) === word). */
export const VERB_BASE = 2;
/** A word a relation phrase can start with (startsRelation(word)): matchRelation finds nothing at any other word. */
export const RELATION_START = 4;

/** The classes of a word, as bits; cached by word (the lexicon is fixed), emptied when full. */
export function wordClasses(word: string): number {
  let classes = CLASSES.get(word);
  if (classes === undefined) {
    const base = verbBase(word);
    classes = (base !== undefined ? VERB_FORM : 0) | (base === word ? VERB_BASE : 0) | (startsRelation(word) ? RELATION_START : 0);
    if (CLASSES.size >= 10_000) CLASSES.clear();
    CLASSES.set(word, classes);
  }
  return classes;
}
const CLASSES = new Map<string, number>();

/** A word token, its classes attached (every word token is made here or by the tokenizer with wordClasses' bits). */
export function wordToken(text: string): { kind: 'word'; text: string; classes: number } {
  return { kind: 'word', text, classes: wordClasses(text) };
}

/** Whether a token is a word that is a verb's base form (verbBase(text) === text). */
export function isVerbBase(t: Token | undefined): boolean {
  return t?.kind === 'word' && (t.classes & VERB_BASE) !== 0;
}

/** Whether a token is a word that is a verb form (verbBase(text) !== undefined). */
export function isVerbForm(t: Token | undefined): boolean {
  return t?.kind === 'word' && (t.classes & VERB_FORM) !== 0;
}
