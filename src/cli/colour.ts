/**
 * Whether the CLI writes colour, decided once per command from the conventions users expect:
 * `--color always|never` wins; otherwise `NO_COLOR` (any non-empty value, no-color.org) turns colour off,
 * `FORCE_COLOR` (any value but '0' or 'false') turns it on, and else colour is used only when the stream is a
 * terminal. Nothing here prints; the commands ask `colourOn(stream)` and style through `paint`.
 */
import { inspect } from 'node:util';

/** Values of the global `--color` option. */
export const COLOUR_MODES = ['auto', 'always', 'never'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

let mode: ColourMode = 'auto';

/** Called once by main with the root program's `--color`. */
export function setColourMode(m: ColourMode): void {
  mode = m;
}

/** The decision for a stream, as a pure function of the mode, the environment and whether it is a terminal. */
export function decideColour(m: ColourMode, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (m === 'always') return true;
  if (m === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY;
}

/** Whether output written to `stream` (stdout by default) may carry colour. */
export function colourOn(stream: { isTTY?: boolean } = process.stdout): boolean {
  return decideColour(mode, process.env, Boolean(stream.isTTY));
}

type Style = 'bold' | 'green' | 'red' | 'yellow' | 'gray';

/**
 * Wraps text in the SGR codes Node's own inspector uses for `style` (util.inspect.colors). Not util.styleText:
 * on some Node 20 releases it drops colour on a non-terminal by itself, which `--color always` must override.
 */
function painter(style: Style): (text: string, stream?: { isTTY?: boolean }) => string {
  const [open, close] = inspect.colors[style] ?? [0, 0];
  return (text, stream) => (colourOn(stream) && open ? `\x1b[${open}m${text}\x1b[${close}m` : text);
}

/**
 * The CLI's few styles. Headers are bold, never red: red is kept for errors and failed checks.
 */
export const paint = {
  header: painter('bold'),
  good: painter('green'),
  bad: painter('red'),
  warn: painter('yellow'),
  dim: painter('gray'),
};

/** cli-table3's `style` for a table written to `stream`: bold headers and grey borders with colour, none without. */
export function tableStyle(stream: { isTTY?: boolean } = process.stdout): { head: string[]; border: string[] } {
  return colourOn(stream) ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
}
