/**
 * Exponential and logarithm maps of SO(3) (rotation vector ↔ unit quaternion) and SE(3) (twist (ρ, ω) ↔ pose),
 * and the inverse right Jacobian of SO(3) used for the derivatives of log terms.
 * References: J. Solà, J. Deray, D. Atchuthan, "A micro Lie theory for state estimation in robotics" (2018),
 * eqs. (143)–(146) for SO(3), (172)–(174) for SE(3); T. Barfoot, "State Estimation for Robotics" §7.1.
 * Small angles use Taylor expansions so that nothing divides by zero.
 */
import type { NumArray } from './quaternion.js';

const SMALL_ANGLE = 1e-4;

/** Writes the unit quaternion exp(ω) = (cos(θ/2), sin(θ/2) ω/θ), θ = |ω|, for the rotation vector (wx, wy, wz). */
export function so3Exp(out: NumArray, o: number, wx: number, wy: number, wz: number): void {
  const t2 = wx * wx + wy * wy + wz * wz;
  const theta = Math.sqrt(t2);
  let s: number;
  let c: number;
  if (theta < SMALL_ANGLE) {
    s = 0.5 - t2 / 48;
    c = 1 - t2 / 8;
  } else {
    s = Math.sin(0.5 * theta) / theta;
    c = Math.cos(0.5 * theta);
  }
  out[o] = c;
  out[o + 1] = s * wx;
  out[o + 2] = s * wy;
  out[o + 3] = s * wz;
}

/**
 * Writes the rotation vector log(q) (3 numbers, angle in [0, π]) of unit quaternion q. q and −q give the same
 * result: the vector part is taken from the representative with w ≥ 0.
 */
export function so3Log(out: NumArray, o: number, q: NumArray, qo: number): void {
  let w = q[qo], x = q[qo + 1], y = q[qo + 2], z = q[qo + 3];
  if (w < 0) {
    w = -w;
    x = -x;
    y = -y;
    z = -z;
  }
  const v = Math.sqrt(x * x + y * y + z * z);
  let k: number;
  if (v < 1e-8) {
    // θ = 2 atan2(v, w) ≈ 2v/w (1 − v²/(3w²)) for small v
    k = w > 0 ? (2 / w) * (1 - (v * v) / (3 * w * w)) : 0;
  } else {
    k = (2 * Math.atan2(v, w)) / v;
  }
  out[o] = k * x;
  out[o + 1] = k * y;
  out[o + 2] = k * z;
}

/**
 * Writes J_r⁻¹(φ), row-major 3×3: log(exp(φ) exp(δ)) ≈ φ + J_r⁻¹(φ) δ for small δ.
 * J_r⁻¹(φ) = I + ½[φ]× + (1/θ² − (1 + cos θ)/(2θ sin θ)) [φ]×².
 */
export function so3RightJacobianInverse(out: NumArray, o: number, px: number, py: number, pz: number): void {
  const t2 = px * px + py * py + pz * pz;
  const theta = Math.sqrt(t2);
  let c: number;
  if (theta < SMALL_ANGLE) c = 1 / 12 + t2 / 720;
  else {
    const s = Math.sin(theta);
    c = Math.abs(s) < 1e-9 ? 1 / t2 : 1 / t2 - (1 + Math.cos(theta)) / (2 * theta * s);
  }
  // [φ]×² = φφᵀ − θ² I
  out[o] = 1 + c * (px * px - t2);
  out[o + 1] = -0.5 * pz + c * px * py;
  out[o + 2] = 0.5 * py + c * px * pz;
  out[o + 3] = 0.5 * pz + c * py * px;
  out[o + 4] = 1 + c * (py * py - t2);
  out[o + 5] = -0.5 * px + c * py * pz;
  out[o + 6] = -0.5 * py + c * pz * px;
  out[o + 7] = 0.5 * px + c * pz * py;
  out[o + 8] = 1 + c * (pz * pz - t2);
}

/** Coefficients (b, c) of V(ω) = I + b[ω]× + c[ω]×², the left Jacobian of SO(3). */
function vCoefficients(t2: number): [number, number] {
  if (t2 < SMALL_ANGLE * SMALL_ANGLE) return [0.5 - t2 / 24, 1 / 6 - t2 / 120];
  const theta = Math.sqrt(t2);
  return [(1 - Math.cos(theta)) / t2, (theta - Math.sin(theta)) / (t2 * theta)];
}

/** out = v + b (ω × v) + c (ω × (ω × v)). */
function applyCross(out: NumArray, o: number, wx: number, wy: number, wz: number, vx: number, vy: number, vz: number, b: number, c: number): void {
  const cx = wy * vz - wz * vy, cy = wz * vx - wx * vz, cz = wx * vy - wy * vx;
  const ccx = wy * cz - wz * cy, ccy = wz * cx - wx * cz, ccz = wx * cy - wy * cx;
  out[o] = vx + b * cx + c * ccx;
  out[o + 1] = vy + b * cy + c * ccy;
  out[o + 2] = vz + b * cz + c * ccz;
}

/**
 * SE(3) exponential of the twist xi = (ρ, ω) at xi[xo..xo+5]: writes the position t = V(ω) ρ at outPos[po..] and
 * the orientation exp(ω) at outQuat[qo..].
 */
export function se3Exp(outPos: NumArray, po: number, outQuat: NumArray, qo: number, xi: NumArray, xo: number): void {
  const rx = xi[xo], ry = xi[xo + 1], rz = xi[xo + 2];
  const wx = xi[xo + 3], wy = xi[xo + 4], wz = xi[xo + 5];
  const [b, c] = vCoefficients(wx * wx + wy * wy + wz * wz);
  applyCross(outPos, po, wx, wy, wz, rx, ry, rz, b, c);
  so3Exp(outQuat, qo, wx, wy, wz);
}

/** SE(3) logarithm of the pose (t, q): writes the twist (ρ, ω) = (V(ω)⁻¹ t, log q) at out[o..o+5]. */
export function se3Log(out: NumArray, o: number, pos: NumArray, po: number, quat: NumArray, qo: number): void {
  so3Log(out, o + 3, quat, qo);
  const wx = out[o + 3], wy = out[o + 4], wz = out[o + 5];
  const t2 = wx * wx + wy * wy + wz * wz;
  let d: number;
  if (t2 < SMALL_ANGLE * SMALL_ANGLE) d = 1 / 12 + t2 / 720;
  else {
    const theta = Math.sqrt(t2);
    d = (1 - (theta * Math.sin(theta)) / (2 * (1 - Math.cos(theta)))) / t2;
  }
  // V⁻¹ = I − ½[ω]× + d[ω]×²
  applyCross(out, o, wx, wy, wz, pos[po], pos[po + 1], pos[po + 2], -0.5, d);
}
