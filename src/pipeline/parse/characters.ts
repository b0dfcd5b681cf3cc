/**
 * Characters an instruction may not carry silently: format characters (zero-width, soft hyphen, bidi controls)
 * are removed, and a word that mixes Latin letters with a look-alike from another script ("bоx" with a Cyrillic
 * о) is refused with the character named, so the error does not show two visually identical words.
 */
import { ParseError } from '../../errors.js';

/** Format characters (Unicode category Cf): zero-width space/joiners, soft hyphen, bidi embeddings and isolates, BOM. */
export const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Names of the letters most often mistaken for Latin ones (Cyrillic and Greek look-alikes). */
const NAMES = new Map<string, string>([
  ['\u0430', 'CYRILLIC SMALL LETTER A'], ['\u0435', 'CYRILLIC SMALL LETTER IE'], ['\u043e', 'CYRILLIC SMALL LETTER O'],
  ['\u0440', 'CYRILLIC SMALL LETTER ER'], ['\u0441', 'CYRILLIC SMALL LETTER ES'], ['\u0443', 'CYRILLIC SMALL LETTER U'],
  ['\u0445', 'CYRILLIC SMALL LETTER HA'], ['\u0456', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  ['\u0458', 'CYRILLIC SMALL LETTER JE'], ['\u0455', 'CYRILLIC SMALL LETTER DZE'], ['\u04bb', 'CYRILLIC SMALL LETTER SHHA'],
  ['\u043a', 'CYRILLIC SMALL LETTER KA'], ['\u043c', 'CYRILLIC SMALL LETTER EM'], ['\u043d', 'CYRILLIC SMALL LETTER EN'],
  ['\u0432', 'CYRILLIC SMALL LETTER VE'], ['\u0442', 'CYRILLIC SMALL LETTER TE'],
  ['\u03bf', 'GREEK SMALL LETTER OMICRON'], ['\u03b1', 'GREEK SMALL LETTER ALPHA'], ['\u03b5', 'GREEK SMALL LETTER EPSILON'],
  ['\u03b9', 'GREEK SMALL LETTER IOTA'], ['\u03ba', 'GREEK SMALL LETTER KAPPA'], ['\u03bd', 'GREEK SMALL LETTER NU'],
  ['\u03c1', 'GREEK SMALL LETTER RHO'], ['\u03c4', 'GREEK SMALL LETTER TAU'], ['\u03c5', 'GREEK SMALL LETTER UPSILON'],
  ['\u03c7', 'GREEK SMALL LETTER CHI'], ['\u0131', 'LATIN SMALL LETTER DOTLESS I'],
]);

/** "U+0430 CYRILLIC SMALL LETTER A", or the code point and script when the name is not in the table. */
export function describeCharacter(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES.get(ch);
  if (name) return `${code} ${name}`;
  for (const script of ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Han', 'Arabic', 'Hebrew']) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(ch)) return `${code} (${script} script)`;
  }
  return code;
}

const ASCII = /^[\x00-\x7f]*$/;
const LATIN = /\p{Script=Latin}/u;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** Throws when a word mixes Latin letters with letters of another script. */
export function checkWord(word: string): void {
  if (ASCII.test(word) || !LATIN.test(word)) return;
  const odd = NON_LATIN_LETTER.exec(word);
  if (odd) throw new ParseError(`unexpected character ${describeCharacter(odd[0])} in '${word}'`);
}
