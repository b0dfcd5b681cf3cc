/** Deterministic test samples for the statistics tests. */
import { createRng } from '../../src/stats/rng.js';

/** n draws from Normal(mu, sigma) by Box–Muller over mulberry32(seed). */
export function normalSample(n: number, mu: number, sigma: number, seed: number): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const theta = 2 * Math.PI * rng();
    out.push(mu + sigma * r * Math.cos(theta));
    if (out.length < n) out.push(mu + sigma * r * Math.sin(theta));
  }
  return out;
}
