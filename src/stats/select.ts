/**
 * Selection of the k-th smallest value in place, in expected O(n): Hoare's FIND / quickselect with a
 * median-of-three pivot (Numerical Recipes, 3rd ed., §8.5 `select`). Used by the bootstrap so that the
 * median of a resample costs O(n) instead of a sort.
 */

function swap(a: number[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Reorders the first `length` elements of `a` so that a[k] holds the k-th smallest (0-based), everything
 * before it is ≤ a[k] and everything after it is ≥ a[k]; returns a[k]. Values must not be NaN.
 */
export function selectInPlace(a: number[], k: number, length: number = a.length): number {
  let l = 0;
  let ir = length - 1;
  for (;;) {
    if (ir <= l + 1) {
      if (ir === l + 1 && a[ir] < a[l]) swap(a, l, ir);
      return a[k];
    }
    const mid = (l + ir) >>> 1;
    swap(a, mid, l + 1);
    if (a[l] > a[ir]) swap(a, l, ir);
    if (a[l + 1] > a[ir]) swap(a, l + 1, ir);
    if (a[l] > a[l + 1]) swap(a, l, l + 1);
    let i = l + 1;
    let j = ir;
    const pivot = a[l + 1];
    for (;;) {
      do i++; while (a[i] < pivot);
      do j--; while (a[j] > pivot);
      if (j < i) break;
      swap(a, i, j);
    }
    a[l + 1] = a[j];
    a[j] = pivot;
    if (j >= k) ir = j - 1;
    if (j <= k) l = i;
  }
}

/**
 * Median (Hyndman–Fan type 7: mean of the two middle values for even length) of the first `length`
 * elements of `a`, reordering them. NaN when length is 0.
 */
export function medianInPlace(a: number[], length: number = a.length): number {
  if (length === 0) return NaN;
  const half = length >>> 1;
  if (length % 2 === 1) return selectInPlace(a, half, length);
  const lower = selectInPlace(a, half - 1, length);
  let upper = a[half];
  for (let i = half + 1; i < length; i++) if (a[i] < upper) upper = a[i];
  return (lower + upper) / 2;
}
