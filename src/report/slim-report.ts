/**
 * Bounding the memory of `gasm report` over many reports: long raw sample arrays (per-instruction or per-call
 * latencies: hundreds of thousands of numbers a report) are replaced by their quantiles in 0.1% steps (1,001
 * values, minimum and maximum included). For a flat array, every quantile at a multiple of 0.1% (p1, q1, the
 * median, q3, p90, p99) computed the usual way (type 7) from the kept values equals the one from all of them;
 * means and sample counts are not kept, so the report's own summaries stay the source of those.
 */

/** Arrays longer than this are reduced. */
export const SKETCH_POINTS = 1001;

/** The 0.1%-step quantiles (type 7) of a numeric array, ascending. */
export function quantileSketch(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const out = new Array<number>(SKETCH_POINTS);
  for (let i = 0; i < SKETCH_POINTS; i++) {
    const h = ((n - 1) * i) / (SKETCH_POINTS - 1);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    out[i] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
  return out;
}

function isNumberArray(value: unknown[]): value is number[] {
  return value.every((v) => typeof v === 'number');
}

/**
 * Reduces, in place, every numeric array longer than SKETCH_POINTS found under a key named `samples` (at any
 * depth, arrays of arrays included). Returns how many values were dropped.
 */
export function slimSamples(value: unknown, underSamples = false): number {
  let dropped = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (underSamples && Array.isArray(v) && v.length > SKETCH_POINTS && isNumberArray(v)) {
        dropped += v.length - SKETCH_POINTS;
        value[i] = quantileSketch(v);
      } else dropped += slimSamples(v, underSamples);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      const inside = underSamples || key === 'samples';
      if (inside && Array.isArray(v) && v.length > SKETCH_POINTS && isNumberArray(v)) {
        dropped += v.length - SKETCH_POINTS;
        record[key] = quantileSketch(v);
      } else dropped += slimSamples(v, inside);
    }
  }
  return dropped;
}
