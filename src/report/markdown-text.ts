/**
 * Text from files (report and file names, case names, commit messages, warnings, store labels) placed into the
 * Markdown that `gasm report` and the gate write (summary.md, GitHub job summaries) and that report.html is
 * made from. Such text is untrusted: a `|` would split a table row, `*`, `_`, `~` and backticks would start
 * emphasis or code, `<tag>` would be raw HTML, `[x](url)` a link, a newline would end the row or paragraph, and
 * a control character (ESC) would reach a terminal that prints the file.
 * Every such piece goes through {@link mdText} (or {@link mdCode}), once; {@link unescapeMd} reads it back.
 *
 * Escapes are CommonMark backslash escapes (spec §2.4: any ASCII punctuation may be escaped), which GitHub
 * honours in tables too (a `\|` stays inside its cell), so the text renders as written.
 */

import { visibleControls } from '../format/control-chars.js';

/** Punctuation that can start markup anywhere in a line: escaped wherever it stands. */
const INLINE_MARKUP = /[\\`*_~<>|&$]/g;

/** A `]` that would close a link, an image or a reference (`](`, `][`, `]:`). */
const LINK_CLOSE = /\](?=[([:])/g;

/** Any line break, including the ones JavaScript and CommonMark count beyond \n. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f]/g;

/**
 * Untrusted text as inline Markdown (a table cell, a heading, a list item, alt text): on one line, with every
 * character that could start markup escaped, so it renders exactly as written.
 */
export function mdText(value: string | number): string {
  return visibleControls(String(value).replace(LINE_BREAK, ' ')).replace(INLINE_MARKUP, (c) => `\\${c}`).replace(LINK_CLOSE, '\\]');
}

/** Text a code span may hold as it is: no backtick (it would close the span), no line break, no `|` or `\`. */
const CODE_SAFE = /^[^`\\|\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;

/**
 * Untrusted text as inline code (`x`) when a code span can hold it unchanged; otherwise as escaped plain text,
 * which renders the same characters without the code font.
 */
export function mdCode(value: string): string {
  return CODE_SAFE.test(value) ? `\`${value}\`` : mdText(value);
}

/** A backslash escape: a backslash and the ASCII punctuation character it stands for (group 1). */
export const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** The text of a Markdown fragment with its backslash escapes undone (for alt text and the HTML page). */
export function unescapeMd(markdown: string): string {
  return markdown.replace(MD_ESCAPE, '$1');
}
