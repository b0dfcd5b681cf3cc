/**
 * Empirical complexity: ordinary least squares of ln y on ln x, giving y = a·x^b (the log-log fit used by
 * e.g. Goldsmith, Aiken & Wilkerson 2007, "Measuring empirical computational complexity"). R² is that of
 * the fit on the log scale.
 */
import type { ComplexityFit } from './types.js';
import { ConfigError } from '../errors.js';
import { assertFiniteSamples } from './validate.js';

function assertPositive(values: readonly number[], what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] > 0)) throw new ConfigError(`fitPowerLaw: ${what} at index ${i} is ${values[i]}; a power-law fit needs positive values`);
  }
}

/**
 * Fits y = coefficient · x^exponent. Needs xs and ys of equal length ≥ 2, all finite and positive, with at
 * least two distinct x values; otherwise throws ConfigError naming the problem. r2 is 1 when every ln y is equal.
 */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): ComplexityFit {
  if (xs.length !== ys.length) throw new ConfigError(`fitPowerLaw: ${xs.length} x values but ${ys.length} y values`);
  if (xs.length < 2) throw new ConfigError(`fitPowerLaw: needs at least 2 points, got ${xs.length}`);
  assertFiniteSamples(xs, 'fitPowerLaw x');
  assertFiniteSamples(ys, 'fitPowerLaw y');
  assertPositive(xs, 'x');
  assertPositive(ys, 'y');
  const n = xs.length;
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += lx[i];
    my += ly[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = lx[i] - mx;
    const dy = ly[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new ConfigError('fitPowerLaw: all x values are equal; the exponent is undefined');
  const exponent = sxy / sxx;
  const intercept = my - exponent * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = ly[i] - (intercept + exponent * lx[i]);
    ssRes += r * r;
  }
  const r2 = syy === 0 ? 1 : Math.max(0, 1 - ssRes / syy);
  return { exponent, coefficient: Math.exp(intercept), r2 };
}
