/**
 * Unit quaternions [w, x, y, z] stored in Float64Array slices (array + offset), so that the solver's inner loop
 * allocates nothing. Hamilton convention: q ⊗ r applies r first, then q; v' = q v q*.
 * Every function reads all its inputs before writing, so `out` may alias an input.
 */

/** A mutable array of numbers addressed by offset (Float64Array in the solver, plain arrays in tests). */
export type NumArray = Float64Array | Float32Array | number[];

/** Writes the identity rotation at out[o..o+3]. */
export function quatIdentity(out: NumArray, o: number): void {
  out[o] = 1;
  out[o + 1] = 0;
  out[o + 2] = 0;
  out[o + 3] = 0;
}

/** out = a ⊗ b. */
export function quatMultiply(out: NumArray, o: number, a: NumArray, ao: number, b: NumArray, bo: number): void {
  const aw = a[ao], ax = a[ao + 1], ay = a[ao + 2], az = a[ao + 3];
  const bw = b[bo], bx = b[bo + 1], by = b[bo + 2], bz = b[bo + 3];
  out[o] = aw * bw - ax * bx - ay * by - az * bz;
  out[o + 1] = aw * bx + ax * bw + ay * bz - az * by;
  out[o + 2] = aw * by - ax * bz + ay * bw + az * bx;
  out[o + 3] = aw * bz + ax * by - ay * bx + az * bw;
}

/** out = a* ⊗ b (the rotation from a to b, expressed in a's frame). */
export function quatConjMultiply(out: NumArray, o: number, a: NumArray, ao: number, b: NumArray, bo: number): void {
  const aw = a[ao], ax = -a[ao + 1], ay = -a[ao + 2], az = -a[ao + 3];
  const bw = b[bo], bx = b[bo + 1], by = b[bo + 2], bz = b[bo + 3];
  out[o] = aw * bw - ax * bx - ay * by - az * bz;
  out[o + 1] = aw * bx + ax * bw + ay * bz - az * by;
  out[o + 2] = aw * by - ax * bz + ay * bw + az * bx;
  out[o + 3] = aw * bz + ax * by - ay * bx + az * bw;
}

/** out = a ⊗ b* . */
export function quatMultiplyConj(out: NumArray, o: number, a: NumArray, ao: number, b: NumArray, bo: number): void {
  const aw = a[ao], ax = a[ao + 1], ay = a[ao + 2], az = a[ao + 3];
  const bw = b[bo], bx = -b[bo + 1], by = -b[bo + 2], bz = -b[bo + 3];
  out[o] = aw * bw - ax * bx - ay * by - az * bz;
  out[o + 1] = aw * bx + ax * bw + ay * bz - az * by;
  out[o + 2] = aw * by - ax * bz + ay * bw + az * bx;
  out[o + 3] = aw * bz + ax * by - ay * bx + az * bw;
}

/** out = q* (the inverse of a unit quaternion). */
export function quatConjugate(out: NumArray, o: number, q: NumArray, qo: number): void {
  out[o] = q[qo];
  out[o + 1] = -q[qo + 1];
  out[o + 2] = -q[qo + 2];
  out[o + 3] = -q[qo + 3];
}

/**
 * out = q/|q| with w ≥ 0 (q and −q are the same rotation). Returns false, writing the identity, when q is not
 * finite or has (near) zero norm.
 */
export function quatNormalize(out: NumArray, o: number, q: NumArray, qo: number): boolean {
  const w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
  const n = Math.sqrt(w * w + x * x + y * y + z * z);
  if (!(n > 1e-12) || !Number.isFinite(n)) {
    quatIdentity(out, o);
    return false;
  }
  const s = w < 0 ? -1 / n : 1 / n;
  // "+ 0" turns −0 into 0, so that flipping the sign never leaves negative zeros in the output.
  out[o] = w * s + 0;
  out[o + 1] = x * s + 0;
  out[o + 2] = y * s + 0;
  out[o + 3] = z * s + 0;
  return true;
}

/** out[o..o+2] = q v q* (rotates the vector (vx, vy, vz) by the unit quaternion q). */
export function quatRotate(out: NumArray, o: number, q: NumArray, qo: number, vx: number, vy: number, vz: number): void {
  const w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
  // t = 2 (q_v × v); v' = v + w t + q_v × t
  const tx = 2 * (y * vz - z * vy);
  const ty = 2 * (z * vx - x * vz);
  const tz = 2 * (x * vy - y * vx);
  out[o] = vx + w * tx + (y * tz - z * ty);
  out[o + 1] = vy + w * ty + (z * tx - x * tz);
  out[o + 2] = vz + w * tz + (x * ty - y * tx);
}

/** out[o..o+8] = the rotation matrix of unit q, row-major. */
export function quatToMatrix(out: NumArray, o: number, q: NumArray, qo: number): void {
  const w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
  const xx = x * x, yy = y * y, zz = z * z;
  const xy = x * y, xz = x * z, yz = y * z, wx = w * x, wy = w * y, wz = w * z;
  out[o] = 1 - 2 * (yy + zz);
  out[o + 1] = 2 * (xy - wz);
  out[o + 2] = 2 * (xz + wy);
  out[o + 3] = 2 * (xy + wz);
  out[o + 4] = 1 - 2 * (xx + zz);
  out[o + 5] = 2 * (yz - wx);
  out[o + 6] = 2 * (xz - wy);
  out[o + 7] = 2 * (yz + wx);
  out[o + 8] = 1 - 2 * (xx + yy);
}

/** Writes the rotation by `angle` radians about world axis `axis` (0 = x, 1 = y, 2 = z). */
export function quatFromAxisAngle(out: NumArray, o: number, axis: number, angle: number): void {
  const h = 0.5 * angle;
  out[o] = Math.cos(h);
  out[o + 1] = axis === 0 ? Math.sin(h) : 0;
  out[o + 2] = axis === 1 ? Math.sin(h) : 0;
  out[o + 3] = axis === 2 ? Math.sin(h) : 0;
}
