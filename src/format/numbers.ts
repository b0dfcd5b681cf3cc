/**
 * Number formatting, in one place: every table (terminal, Markdown, HTML), chart label and progress line
 * formats figures through these helpers, so a figure reads the same everywhere. Non-finite or missing
 * values print as '-'. A figure and its interval are printed by one helper (`withInterval`) so that a
 * median is never paired with another statistic's interval.
 */

/** Shown for a value that is missing, null or not finite. */
export const MISSING = '-';

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Fixed decimals. */
export function fixed(x: number | null | undefined, digits = 2): string {
  return isNum(x) ? x.toFixed(digits) : MISSING;
}

/** Whole number with thousands separators (23,065). */
export function whole(x: number | null | undefined): string {
  return isNum(x) ? Math.round(x).toLocaleString('en-US') : MISSING;
}

/** Three significant digits below 100 (0.0523, 1.25, 31.2), whole with separators above (312, 23,065). */
export function sig3(x: number | null | undefined): string {
  if (!isNum(x)) return MISSING;
  return Math.abs(x) >= 100 ? whole(x) : Number(x.toPrecision(3)).toString();
}

/** Milliseconds with three significant digits. */
export const ms = sig3;

/** A fraction as a percentage with one decimal (0.923 → 92.3%). */
export function pct(x: number | null | undefined): string {
  return isNum(x) ? `${(x * 100).toFixed(1)}%` : MISSING;
}

/** Bytes in a mebibyte (MiB, 2^20 bytes): the binary unit, labelled MiB, never MB (10^6 bytes). */
export const MIB = 2 ** 20;

/** Bytes as MiB with one decimal ("23.9 MiB" for 25,024,576 bytes). */
export function mib(bytes: number | null | undefined, digits = 1): string {
  return isNum(bytes) ? `${(bytes / MIB).toFixed(digits)} MiB` : MISSING;
}

/** A ratio such as a speedup: two decimals and '×'. */
export function times(x: number | null | undefined): string {
  return isNum(x) ? `${x.toFixed(2)}×` : MISSING;
}

/** An interval as "[lo, hi]" in the figure's own format. */
export function interval(ci: readonly [number, number] | null | undefined, format: (x: number) => string = sig3): string {
  if (!ci || !isNum(ci[0]) || !isNum(ci[1])) return MISSING;
  return `[${format(ci[0])}, ${format(ci[1])}]`;
}

/**
 * A figure beside its own interval, in one format: "23,065 [22,900, 23,310]". The caller passes the
 * interval of the very statistic it prints (a median with ci95Median), never another's.
 */
export function withInterval(value: number | null | undefined, ci: readonly [number, number] | null | undefined, format: (x: number) => string = sig3): string {
  if (!isNum(value)) return MISSING;
  const range = interval(ci, format);
  return range === MISSING ? format(value) : `${format(value)} ${range}`;
}

/** Seconds with one decimal, from milliseconds ("12.3 s"). */
export function seconds(msValue: number | null | undefined): string {
  return isNum(msValue) ? `${(msValue / 1000).toFixed(1)} s` : MISSING;
}
