/**
 * Entities of a scene being parsed: noun phrases are read into references, and references are resolved to
 * named entities (coreference by name, ordinals, counted plurals, pronouns, "other"/"leftmost").
 */
import type { Entity } from '../types.js';
import { COLOURS, isKnownKind, isPluralForm, NOUN_FORMS, nounInfo, NUMBER_WORDS, ORDINALS, PLAIN_ADJECTIVES, SIZES } from './lexicon.js';
import { matchRelation } from './relations.js';
import type { Token } from './tokenize.js';
import { COPULAS, VERBS } from './lexicon.js';

/** What a noun phrase said, before it is resolved to entities. */
export interface NounPhrase {
  kind: string;
  colour?: string;
  size?: string;
  ordinal?: number;
  /** Explicit index written in the name (`object_3`, `box_0`): the name is kept as written. */
  explicitName?: string;
  count?: number;
  plural: boolean;
  all: boolean;
  other: boolean;
  superlative?: 'left' | 'right' | 'front' | 'behind' | 'above' | 'below';
  pronoun?: 'it' | 'them' | 'previous';
  unknownNoun: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'some', 'any', 'my', 'your', 'our', 'another', 'one']);
const SUPERLATIVES = new Map<string, NounPhrase['superlative']>([
  ['leftmost', 'left'], ['left-most', 'left'], ['rightmost', 'right'], ['right-most', 'right'], ['frontmost', 'front'],
  ['rearmost', 'behind'], ['backmost', 'behind'], ['topmost', 'above'], ['highest', 'above'], ['uppermost', 'above'],
  ['lowest', 'below'], ['bottommost', 'below'], ['bottom', 'below'],
]);
/** Words that are never nouns, so an unknown-word noun is not invented from them. */
const NOT_NOUNS = new Set([
  'and', 'or', 'but', 'with', 'to', 'of', 'for', 'at', 'by', 'as', 'is', 'are', 'be', 'it', 'them', 'they', 'then', 'while',
  'each', 'every', 'all', 'both', 'other', 'others', 'rest', 'same', 'way', 'so', 'that', 'which', 'where', 'when', 'there', 'here',
  'not', 'no', 'very', 'more', 'less', 'least', 'most', 'than', 'about', 'around', 'along', 'axis', 'spacing', 'apart', 'distance',
  'gap', 'degrees', 'degree', 'radians', 'top', 'base', 'side', 'end', 'middle', 'center', 'centre', 'previous', 'next', 'one', 'ones',
  'row', 'line', 'grid', 'pyramid', 'stack', 'tower', 'sequence', 'order', 'forming', 'form', 'precise', 'orientation', 'alignment',
  'collision', 'collisions', 'position', 'again', 'also', 'please', 'now', 'firmly', 'neatly', 'carefully', 'x-axis', 'y-axis', 'z-axis',
]);

const EXPLICIT = /^([\p{L}]+(?:_[\p{L}]+)*)_(\d+)$/u;

function isWord(t: Token | undefined, text?: string): t is Token & { kind: 'word' } {
  return t?.kind === 'word' && (text === undefined || t.text === text);
}

/** Could this word stand as an unknown noun? */
function couldBeNoun(word: string): boolean {
  return /^[\p{L}][\p{L}'-]*$/u.test(word) && word.length > 1 && !NOT_NOUNS.has(word) && !VERBS.has(word) && !COPULAS.has(word) &&
    !COLOURS.has(word) && !SIZES.has(word) && !ORDINALS.has(word) && !NUMBER_WORDS.has(word);
}

/**
 * Reads a noun phrase at i. `bare` allows an unknown word with no determiner before it to be a noun
 * (used in subject and object positions). Returns null when no noun phrase starts there.
 */
export function readNounPhrase(tokens: Token[], i: number, bare: boolean): { np: NounPhrase; next: number } | null {
  let j = i;
  const np: NounPhrase = { kind: '', plural: false, all: false, other: false, unknownNoun: false };
  let sawModifier = false;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'num') {
      if (Number.isInteger(t.value) && t.value > 0 && t.value <= 1000) np.count = t.value;
      else return null;
      sawModifier = true;
      continue;
    }
    if (t.kind !== 'word') return null;
    const w = t.text;
    if (w === 'it' || w === 'itself') return { np: { ...np, kind: '', pronoun: 'it' }, next: j + 1 };
    if (w === 'them' || w === 'they' || w === 'themselves') return { np: { ...np, kind: '', pronoun: 'them', plural: true }, next: j + 1 };
    if ((w === 'previous' || w === 'preceding' || w === 'last') && (isWord(tokens[j + 1], 'one') || isWord(tokens[j + 1], 'ones'))) {
      return { np: { ...np, kind: '', pronoun: 'previous' }, next: j + 2 };
    }
    if (w === 'all' || w === 'every' || w === 'each' || w === 'both') {
      np.all = true;
      if (w === 'both') np.count = 2;
      sawModifier = true;
      if (isWord(tokens[j + 1], 'of')) j++;
      continue;
    }
    if (w === 'other' || w === 'others' || w === 'remaining') {
      np.other = true;
      sawModifier = true;
      if (w === 'others') return { np: { ...np, kind: 'object', plural: true }, next: j + 1 };
      continue;
    }
    if (np.ordinal !== undefined && (w === 'one' || !isWord(tokens[j + 1]) && !NOUN_FORMS.has(w) && !EXPLICIT.test(w) && !couldBeNoun(w))) {
      // "the second one", "the first": an ordinal of the kind last mentioned.
      return { np: { ...np, kind: '' }, next: w === 'one' ? j + 1 : j };
    }
    if (DETERMINERS.has(w)) {
      sawModifier = true;
      continue;
    }
    const number = NUMBER_WORDS.get(w);
    if (number !== undefined && Number.isInteger(number) && number >= 2) {
      np.count = number;
      sawModifier = true;
      continue;
    }
    const ordinal = ORDINALS.get(w);
    if (ordinal !== undefined) {
      np.ordinal = ordinal;
      sawModifier = true;
      continue;
    }
    const superlative = SUPERLATIVES.get(w);
    if (superlative !== undefined && w !== 'bottom') {
      np.superlative = superlative;
      sawModifier = true;
      continue;
    }
    if (COLOURS.has(w)) {
      np.colour = w === 'grey' ? 'gray' : w;
      sawModifier = true;
      continue;
    }
    if (SIZES.has(w) && w !== 'medium') {
      np.size = w;
      sawModifier = true;
      continue;
    }
    if (PLAIN_ADJECTIVES.has(w) && !NOUN_FORMS.has(w)) {
      sawModifier = true;
      continue;
    }
    // Noun: explicit name, lexicon (two-word forms first), or an unknown word in noun position.
    const explicit = w.includes('_') ? EXPLICIT.exec(w) : null;
    if (explicit) {
      const kind = NOUN_FORMS.get(explicit[1].replace(/_/g, ' ')) ?? explicit[1];
      return { np: { ...np, kind, explicitName: w }, next: j + 1 };
    }
    const two = isWord(tokens[j + 1]) ? `${w} ${tokens[j + 1].text}` : '';
    if (two && NOUN_FORMS.has(two)) {
      const kind = NOUN_FORMS.get(two)!;
      return { np: { ...np, kind, plural: isPluralForm(two, kind) }, next: j + 2 };
    }
    const kind = NOUN_FORMS.get(w);
    if (kind) {
      // "the one", "a row": articles before arrangement words are not nouns.
      return { np: { ...np, kind, plural: isPluralForm(w, kind) }, next: j + 1 };
    }
    if ((sawModifier || bare) && couldBeNoun(w) && !matchRelation(tokens, j)) {
      const plural = /[^s]s$/.test(w) && (np.count ?? 0) > 1;
      return { np: { ...np, kind: plural ? w.slice(0, -1) : w, plural, unknownNoun: true }, next: j + 1 };
    }
    return null;
  }
  if (np.ordinal !== undefined) return { np: { ...np, kind: '' }, next: j };
  return null;
}

/** The entities of a scene being built, with name-based coreference. */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  private readonly byName = new Map<string, Entity>();
  /** Groups made by counted plurals, by kind (most recent last). */
  private readonly groups = new Map<string, string[]>();
  readonly warnings: string[] = [];

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Entity | undefined {
    return this.byName.get(name);
  }

  /** Adds (or returns) the entity of that name. */
  ensure(name: string, kind: string, colour?: string, size?: string, ordinal?: number): string {
    if (this.byName.has(name)) return name;
    const info = nounInfo(kind);
    const factor = size ? SIZES.get(size) ?? 1 : 1;
    const entity: Entity = {
      name,
      kind,
      category: info.category,
      halfExtents: [info.halfExtents[0] * factor, info.halfExtents[1] * factor, info.halfExtents[2] * factor],
      grounded: info.grounded,
    };
    if (colour) entity.color = colour;
    if (size) entity.size = size;
    if (ordinal !== undefined) entity.ordinal = ordinal;
    this.entities.push(entity);
    this.byName.set(name, entity);
    return name;
  }

  /** Renames an entity (roles in arrangements: "the red box at the top"). */
  rename(from: string, to: string, colour?: string): string {
    const e = this.byName.get(from);
    if (!e || this.byName.has(to)) return from;
    this.byName.delete(from);
    e.name = to;
    if (colour) e.color = colour;
    this.byName.set(to, e);
    for (const members of this.groups.values()) {
      const k = members.indexOf(from);
      if (k >= 0) members[k] = to;
    }
    return to;
  }

  /** Creates `count` entities of a kind as a group: box_1..box_N (red_box_1… with a colour). */
  createGroup(kind: string, count: number, colour?: string, size?: string): string[] {
    const base = [colour, kind].filter(Boolean).join('_');
    let offset = 0;
    while (this.byName.has(`${base}_${offset + 1}`)) offset++;
    const names = Array.from({ length: count }, (_, k) => this.ensure(`${base}_${offset + k + 1}`, kind, colour, size, offset + k + 1));
    this.groups.set(kind, names);
    return names;
  }

  group(kind: string): string[] | undefined {
    return this.groups.get(kind);
  }

  /** Every entity name of a kind, in order of creation. */
  ofKind(kind: string): string[] {
    return this.entities.filter((e) => e.kind === kind).map((e) => e.name);
  }
}

/** Name of a singular noun phrase: explicit, ordinal (box_2), colour/size + kind (red_box, small_box), or kind. */
export function singularName(np: NounPhrase): string {
  if (np.explicitName) return np.explicitName;
  const base = [np.colour ?? (np.size && !np.colour ? np.size : undefined), np.kind].filter(Boolean).join('_');
  return np.ordinal !== undefined ? `${base}_${np.ordinal}` : base;
}

export { isKnownKind };
