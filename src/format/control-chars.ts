/**
 * Control characters in untrusted text (instructions, names and messages read from reports) shown, never obeyed:
 * an ESC would start a terminal escape sequence (colours, a window title, cursor moves), a backspace or carriage
 * return would hide what came before, a newline would fake a line of a table. Each becomes a visible `\u001b`.
 */

/** C0 controls (tab, newline and carriage return included), DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with every control character written as a visible `\uXXXX` escape. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
