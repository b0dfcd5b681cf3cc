/**
 * Normalisation and tokenization: NFKC, format characters (zero-width, soft hyphen, bidi controls) removed,
 * line breaks and tabs turned into spaces, any other control character refused, lower case, then one left-to-right
 * pass into words, numbers, separators and symbols: in ASCII text a plain word is read by hand (its characters
 * hashed as they are scanned, a word seen before found in a small table), everything else by one precompiled
 * regular expression (ASCII_TOKEN, or TOKEN for other text). A number glued to letters that are not a unit, an ordinal suffix
 * or a grid size ("0x10", "1_000", "12abc") is refused, never read as something else.
 */
import { ParseError } from '../../errors.js';
import { checkWord, FORMAT_CHARACTERS } from './characters.js';
import { readNumeral, separateVulgarFractions } from './numerals.js';
import { ANGLE_UNITS, LENGTH_UNITS, VOLUME_UNITS } from './lexicon.js';
import { wordClasses, wordToken } from './word-classes.js';

export type Token =
  /** classes: the word's wordClasses bits. */
  | { kind: 'word'; text: string; classes: number }
  | { kind: 'num'; text: string; value: number }
  | { kind: 'sep'; text: string }
  | { kind: 'sym'; text: string };

/** Longest instruction accepted, in characters; checked before any other work. */
export const MAX_INSTRUCTION_LENGTH = 20_000;

/** After "2x": spaces, then the word that may be the noun counted ("2x1", "2x.", "table 2x", "2x 4 board" are no count). */
const COUNT_BEFORE_WORD = /^\s+([a-z]+)/i;
/** Words after "2x" that are no noun counted ("2x as far", "2x larger", "2x the size"): the number stays unread. */
const NOT_COUNTED = new Set([
  'as', 'the', 'a', 'an', 'of', 'to', 'on', 'in', 'at', 'by', 'from', 'and', 'or', 'than', 'times', 'more', 'less', 'bigger',
  'larger', 'smaller', 'longer', 'shorter', 'wider', 'taller', 'higher', 'lower', 'further', 'farther', 'closer', 'nearer',
  'deeper', 'thicker', 'heavier', 'size', 'away', 'apart', 'long', 'wide', 'high', 'deep', 'tall',
]);

/** Line breaks and tabs: spaces between words (an instruction pasted over two lines, a tab-separated cell). */
const CONTROL = /[\t\n\v\f\r\u2028\u2029]/g;
/**
 * Any other control character (ESC, BEL, backspace, NUL, DEL, C1) is refused, never read: turned into a space,
 * `box\x1b[31m above` read "[31m" as 31 metres.
 */
const UNREADABLE_CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
const ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;
const GRID_SIZE = /^x\d+$/;
const TOKEN = /((?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)|([\p{L}_][\p{L}\p{N}_']*(?:-[\p{L}\p{N}_]+)*)|([,;.!?:])|\S/gu;
/** TOKEN for text of ASCII characters only, where \p{L} is [A-Za-z] and \p{N} is [0-9]: the same tokens, faster. */
const ASCII_TOKEN = /((?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_']*(?:-[A-Za-z0-9_]+)*)|([,;.!?:])|\S/g;
const ASCII_TEXT = /^[\x00-\x7f]*$/;
/** Printable ASCII except the backtick (which normalise turns into an apostrophe). */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;
/** PLAIN_ASCII text with no capital letter and no space at either end: already normalised (returned as it is). */
const PLAIN_NORMAL = /^(?:[\x21-\x40\x5b-\x5f\x61-\x7e](?:[\x20-\x40\x5b-\x5f\x61-\x7e]*[\x21-\x40\x5b-\x5f\x61-\x7e])?)?$/;
/** Abbreviated number marks whose dot is not a full stop ("no. 3", "nr. 4"). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nr', 'num', 'pos', 'loc']);

/** A spreadsheet cell or part code ("a1", "h12"), before and after the colon of a range "A1:A8". */
const CODE_CELL = /^[a-z]{1,3}\d{1,5}$/;
const CODE_AFTER = /[a-z]{1,3}\d{1,5}(?![\p{L}\p{N}_])/uy;

/**
 * One shared copy of each word, made a property key once (V8 keeps such strings unique, their hash computed), so
 * every later lookup and comparison of the word is by identity; cached by word, cleared when it grows large.
 */
function interned(w: string): string {
  let s = INTERNED.get(w);
  if (s === undefined) {
    s = Object.keys({ [w]: 0 })[0];
    if (INTERNED.size >= 10_000) INTERNED.clear();
    INTERNED.set(s, s);
  }
  return s;
}
const INTERNED = new Map<string, string>();

/** Normalised text of an instruction (what error messages quote). */
export function normalise(text: string, maxLength = MAX_INSTRUCTION_LENGTH): string {
  if (text.length > maxLength) {
    throw new ParseError(`instruction is ${text.length.toLocaleString('en-US')} characters long; the limit is ${maxLength.toLocaleString('en-US')}`);
  }
  // Printable ASCII without a backtick is unchanged by NFKC and holds no format, control or quote character.
  if (PLAIN_NORMAL.test(text)) return text;
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().trim();
  const control = UNREADABLE_CONTROL.exec(text);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ParseError(`instruction has a control character U+${code} at position ${control.index + 1}; remove it (it is not text)`);
  }
  return separateVulgarFractions(text).normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(CONTROL, ' ').replace(/[’‘`]/g, "'").toLowerCase().trim();
}

function digitAt(text: string, k: number): boolean {
  return text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
}

/**
 * A word token (or the number a word names: 'nan', 'inf', 'infinity'); a possessive "'s" is dropped. `classes`: t is
 * already interned's copy and these are its wordClasses (-1: neither).
 */
function pushWord(tokens: Token[], t: string, ascii: boolean, classes = -1): void {
  // An ASCII word mixes no scripts (checkWord would return at once).
  if (!ascii) checkWord(t);
  // 'nan', 'inf', 'infinity' are numbers (compared as text: a lookup would hash every fresh word once more).
  const special = t === 'nan' ? Number.NaN : t === 'inf' || t === 'infinity' ? Number.POSITIVE_INFINITY : undefined;
  if (special !== undefined) tokens.push({ kind: 'num', text: t, value: special });
  // A possessive "'s" (its last two characters, read as codes).
  else if (t.charCodeAt(t.length - 1) === 115 && t.charCodeAt(t.length - 2) === 39) tokens.push(wordToken(t.slice(0, -2)));
  else if (classes >= 0) tokens.push({ kind: 'word', text: t, classes });
  else tokens.push(wordToken(interned(t)));
}

/** Whether a character code is an ASCII letter, digit or '_' ([A-Za-z0-9_]). */
function wordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where a word starts after the ASCII white space at k ([A-Za-z_]), -1 when something else comes first, or -2 when
 * nothing does (the text ends).
 */
function wordStartAfterSpaces(text: string, k: number): number {
  let p = k;
  for (let c = text.charCodeAt(p); c === 32 || (c >= 9 && c <= 13); c = text.charCodeAt(p)) p++;
  if (p >= text.length) return -2;
  const c = text.charCodeAt(p);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 ? p : -1;
}

/** The hash of the characters of the word asciiWordEnd last read (wordAt's key). */
let wordHash = 0;

/**
 * The end of the ASCII word at k: [A-Za-z_][A-Za-z0-9_']*(?:-[A-Za-z0-9_]+)*, as ASCII_TOKEN reads it; its
 * characters' hash is left in wordHash (read in the same pass).
 */
function asciiWordEnd(text: string, k: number): number {
  let h = text.charCodeAt(k);
  let p = k + 1;
  for (let c = text.charCodeAt(p); wordCode(c) || c === 39; c = text.charCodeAt(p)) {
    h = (Math.imul(h, 31) + c) | 0;
    p++;
  }
  while (text.charCodeAt(p) === 45 && wordCode(text.charCodeAt(p + 1))) {
    h = (Math.imul(h, 31) + 45) | 0;
    p++;
    for (let c = text.charCodeAt(p); wordCode(c); c = text.charCodeAt(p)) {
      h = (Math.imul(h, 31) + c) | 0;
      p++;
    }
  }
  wordHash = h;
  return p;
}

/**
 * Words already read, by a hash of their characters (open addressing): a word seen before is found by comparing
 * characters in place, with no substring made and no Map lookup hashing a fresh string; cleared when half full.
 */
const WORD_SLOTS = 1 << 12;
const WORD_TABLE: (string | undefined)[] = new Array<string | undefined>(WORD_SLOTS).fill(undefined);
/** The wordClasses of the word in each slot of WORD_TABLE. */
const WORD_CLASSES = new Int32Array(WORD_SLOTS);
let wordsInTable = 0;
/** The wordClasses of the word wordAt last returned. */
let foundClasses = 0;

/** Whether text[start, end) holds exactly the characters of w. */
function sameWord(text: string, start: number, end: number, w: string): boolean {
  if (w.length !== end - start) return false;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The word text[start, end) as one shared copy (interned's), looked up by its characters' hash h. */
function wordAt(text: string, start: number, end: number, h: number): string {
  let slot = h & (WORD_SLOTS - 1);
  for (let w = WORD_TABLE[slot]; w !== undefined; w = WORD_TABLE[slot]) {
    if (sameWord(text, start, end, w)) {
      foundClasses = WORD_CLASSES[slot];
      return w;
    }
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  const w = interned(text.slice(start, end));
  foundClasses = wordClasses(w);
  if (wordsInTable >= WORD_SLOTS >> 1) {
    WORD_TABLE.fill(undefined);
    wordsInTable = 0;
    slot = h & (WORD_SLOTS - 1);
  }
  WORD_TABLE[slot] = w;
  WORD_CLASSES[slot] = foundClasses;
  wordsInTable++;
  return w;
}

/** Splits normalised text into tokens; a minus sign directly before a number makes it negative. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const ascii = ASCII_TEXT.test(text);
  const TOKEN_RE = ascii ? ASCII_TOKEN : TOKEN;
  TOKEN_RE.lastIndex = 0;
  for (;;) {
    // An ASCII word is read by hand (no match object to make): the characters ASCII_TOKEN's word alternative takes.
    const start = ascii ? wordStartAfterSpaces(text, TOKEN_RE.lastIndex) : -1;
    if (start >= 0) {
      const end = asciiWordEnd(text, start);
      const w = wordAt(text, start, end, wordHash);
      pushWord(tokens, w, true, foundClasses);
      TOKEN_RE.lastIndex = end;
      continue;
    }
    // Only white space left: no token (the expression would find none).
    if (start === -2) break;
    const match = TOKEN_RE.exec(text);
    if (match === null) break;
    const t = match[0];
    if (match[1] !== undefined) {
      const before = tokens[tokens.length - 1];
      if (t.startsWith('.') && before?.kind === 'word' && NUMBER_ABBREVIATIONS.has(before.text) && /\p{L}/u.test(text[match.index - 1] ?? '') && /^\.\d+$/.test(t)) {
        // "item No.3": the dot of the mark, then the number.
        tokens.push({ kind: 'num', text: t.slice(1), value: Number(t.slice(1)) });
        continue;
      }
      let end = match.index + t.length;
      // "1/2", "1 1/2", "1-1/2", "0,5 m", "1,000 mm", "1'000 mm": the whole number, or a refusal naming it.
      const prevNum = tokens[tokens.length - 1];
      let back = match.index - 1;
      while (text[back] === ' ' || text[back] === '\t') back--;
      const hyphenBefore = prevNum?.kind === 'sym' && prevNum.text === '-' && text[match.index - 1] === '-' && tokens[tokens.length - 2]?.kind === 'num' && digitAt(text, match.index - 2);
      const spaceBefore = prevNum?.kind === 'num' && back < match.index - 1 && digitAt(text, back);
      const wholeToken = hyphenBefore ? tokens[tokens.length - 2] : spaceBefore ? prevNum : undefined;
      const whole = wholeToken?.kind === 'num' && /^-?\d+$/.test(wholeToken.text) ? wholeToken.text : undefined;
      const numeral = readNumeral(text, match.index, t, whole === undefined ? null : hyphenBefore ? 'hyphen' : 'space', whole);
      if (numeral !== null) {
        for (let k = 0; k < numeral.absorbs; k++) tokens.pop();
        const prev = tokens[tokens.length - 1];
        const negative = numeral.absorbs === 0 && prev?.kind === 'sym' && (prev.text === '-' || prev.text === '−' || prev.text === '–') && text[match.index - 1] === prev.text;
        if (negative) tokens.pop();
        tokens.push({ kind: 'num', text: negative ? `-${numeral.text}` : numeral.text, value: (negative ? -1 : 1) * numeral.value });
        end = numeral.end;
        TOKEN_RE.lastIndex = end;
        continue;
      }
      const glued = /^[\p{L}\p{N}_]+/u.exec(text.slice(end, end + 40))?.[0];
      if (glued !== undefined && ORDINAL_SUFFIX.test(glued)) {
        // "3rd", "10th": one ordinal word.
        tokens.push(wordToken(`${t}${glued}`));
        TOKEN_RE.lastIndex = end + glued.length;
        continue;
      }
      if ((glued === 'd' || glued === 'D') && (t === '2' || t === '3')) {
        // "a 3D printer", "2D barcode": one word.
        tokens.push(wordToken(`${t}d`));
        TOKEN_RE.lastIndex = end + glued.length;
        continue;
      }
      if (glued === 'in') {
        // "3in": inches (glued to its number, "in" cannot be the preposition).
        const minus = before?.kind === 'sym' && (before.text === '-' || before.text === '−' || before.text === '–') && text[match.index - 1] === before.text;
        if (minus) tokens.pop();
        tokens.push({ kind: 'num', text: minus ? `-${t}` : t, value: (minus ? -1 : 1) * Number(t) }, wordToken('inch'));
        TOKEN_RE.lastIndex = end + glued.length;
        continue;
      }
      const counted = glued === 'x' || glued === 'X' ? COUNT_BEFORE_WORD.exec(text.slice(end + 1, end + 40))?.[1] : undefined;
      if (counted !== undefined && /^[1-9]\d*$/.test(t) && !NOT_COUNTED.has(counted.toLowerCase())) {
        // "2x clips", "4x M6 bolts": a parts list's count before the noun.
        tokens.push({ kind: 'num', text: t, value: Number(t) });
        TOKEN_RE.lastIndex = end + 1;
        continue;
      }
      if (glued !== undefined && !LENGTH_UNITS.has(glued) && !ANGLE_UNITS.has(glued) && !VOLUME_UNITS.has(glued) && !(GRID_SIZE.test(glued) && Number(t) > 0 && !t.startsWith('0'))) {
        throw new ParseError(`cannot read the number '${t}${glued}' (write plain decimal numbers such as 1000 or 2.5)`);
      }
      const prev = tokens[tokens.length - 1];
      const negative = prev?.kind === 'sym' && (prev.text === '-' || prev.text === '−' || prev.text === '–') && text[match.index - 1] === prev.text;
      if (negative) tokens.pop();
      tokens.push({ kind: 'num', text: negative ? `-${t}` : t, value: (negative ? -1 : 1) * Number(t) });
    } else if (match[3] !== undefined) {
      const prev = tokens[tokens.length - 1];
      // "A1:A8": a spreadsheet range of codes is one word, read as the range A1-A8 (its colon ends no clause).
      if (t === ':' && prev?.kind === 'word' && CODE_CELL.test(prev.text) && text[match.index - 1] !== ' ') {
        CODE_AFTER.lastIndex = match.index + 1;
        const cell = CODE_AFTER.exec(text);
        if (cell) {
          tokens[tokens.length - 1] = wordToken(`${prev.text}:${cell[0]}`);
          TOKEN_RE.lastIndex = match.index + 1 + cell[0].length;
          continue;
        }
      }
      // "part no. 3", "fixture No. 1": the dot of an abbreviated number mark ends no sentence.
      if (t === '.' && prev?.kind === 'word' && NUMBER_ABBREVIATIONS.has(prev.text) && /^\s*[#\d]/.test(text.slice(match.index + 1, match.index + 4))) continue;
      // "4 in.": inches, when the dot is glued to "in" after a number.
      if (t === '.' && prev?.kind === 'word' && prev.text === 'in' && text[match.index - 1] === 'n' && tokens[tokens.length - 2]?.kind === 'num') {
        tokens[tokens.length - 1] = wordToken('inch');
        continue;
      }
      tokens.push({ kind: 'sep', text: t });
    } else if (match[2] !== undefined) {
      pushWord(tokens, t, ascii);
    } else if ((t === '"' || t === '″') && tokens[tokens.length - 1]?.kind === 'num' && /\d/.test(text[match.index - 1] ?? '')) {
      // 4": inches.
      tokens.push(wordToken('inch'));
    } else {
      tokens.push({ kind: 'sym', text: t });
    }
  }
  return tokens;
}
