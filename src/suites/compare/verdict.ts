/** The words of a ratio and its interval: "1.31× faster [1.27, 1.35]", "1.25× slower [1.20, 1.31]", "no clear difference …". */
import { fixed } from '../../format/numbers.js';

export function verdictOf(value: number, ci: readonly [number, number]): string {
  const [lo, hi] = ci;
  if (!Number.isFinite(value) || !Number.isFinite(lo) || !Number.isFinite(hi)) return 'no verdict (too few rounds)';
  if (lo > 1) return `${fixed(value)}× faster [${fixed(lo)}, ${fixed(hi)}]`;
  if (hi < 1) return `${fixed(1 / value)}× slower [${fixed(1 / hi)}, ${fixed(1 / lo)}]`;
  return `no clear difference: ${fixed(value)}× [${fixed(lo)}, ${fixed(hi)}]`;
}
