/**
 * "facing <object>" with no side relation to it ("Put the baby monitor on the dresser, facing the crib"): after
 * the solve the subject's front (local −y) points at the faced object's returned position, seen from above.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import { facingYaw, yawQuaternion } from '../../src/pipeline/facing.js';
import type { Quat } from '../../src/pipeline/types.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'auto' });
});
after(() => bridge.dispose());

/** The local −y axis (the front) of quaternion q [w, x, y, z] in world coordinates. */
function front(q: Quat): number[] {
  const [w, x, y, z] = q;
  // −(second column of the rotation matrix).
  return [-(2 * (x * y - w * z)), -(1 - 2 * (x * x + z * z)), -(2 * (y * z + w * x))];
}

/** Angle in degrees between the subject's front and the horizontal direction to the faced object. */
function facingError(text: string, subject: string, faced: string): number {
  const r = bridge.process(text);
  assert.equal(r.success, true, `${text}: ${r.error}`);
  const a = r.targetPoses[subject], b = r.targetPoses[faced];
  assert.ok(a && b, `${text}: poses for ${subject} and ${faced}`);
  const f = front(a.orientation);
  assert.ok(Math.abs(f[2]) < 1e-5, `${text}: the front stays horizontal`);
  const d = [b.position[0] - a.position[0], b.position[1] - a.position[1]];
  const cos = (f[0] * d[0] + f[1] * d[1]) / (Math.hypot(f[0], f[1]) * Math.hypot(d[0], d[1]));
  return (Math.acos(Math.min(1, Math.max(-1, cos))) * 180) / Math.PI;
}

test('the yaw turns the front (−y) towards a direction: the side-relation convention', () => {
  // In front of a reference (at −y of it) the object faces +y: a half turn, as FACING_YAW's 'front'.
  assert.ok(Math.abs(facingYaw(0, 1)! - Math.PI) < 1e-12);
  assert.ok(Math.abs(facingYaw(1, 0)! - Math.PI / 2) < 1e-12);
  assert.ok(Math.abs(facingYaw(-1, 0)! + Math.PI / 2) < 1e-12);
  assert.equal(facingYaw(0, -1), 0);
  assert.equal(facingYaw(0, 0), null);
  const f = front(yawQuaternion(facingYaw(3, 4)!));
  assert.ok(Math.abs(f[0] - 0.6) < 1e-12 && Math.abs(f[1] - 0.8) < 1e-12);
});

test('"facing <object>" with only an on relation: the front points at the faced object within 1°, for several layouts', () => {
  for (const [text, subject, faced] of [
    ['Put the baby monitor on the dresser, facing the crib.', 'baby_monitor', 'crib'],
    ['Put the lamp on the desk facing the window.', 'lamp', 'window'],
    ['Set the speaker on the shelf, facing the sofa.', 'speaker', 'sofa'],
    ['Place the robot on the platform facing the workbench.', 'robot', 'workbench'],
    ['Put the scanner on the cart, facing the rack.', 'scanner', 'rack'],
    ['Put the camera 1 m left of the conveyor and the light behind it, facing the camera.', 'light', 'camera'],
  ] as const) {
    const error = facingError(text, subject, faced);
    assert.ok(error <= 1, `${text}: the front is ${error.toFixed(3)}° off the direction to ${faced}`);
  }
});

test('the side-relation facing keeps its exact turn, and an object on or above what it faces points its front down at it', () => {
  const r = bridge.process('Place the fan left of the desk facing the desk.');
  assert.equal(r.success, true, r.error);
  const f = front(r.targetPoses.fan.orientation);
  assert.ok(Math.abs(f[0] - 1) < 1e-5, `front ${f}`);
  for (const text of ['Put the lamp on the desk facing the desk.', 'Place the camera 1 m above the table, facing the table']) {
    const above = bridge.process(text);
    assert.equal(above.success, true, `${text}: ${above.error}`);
    const down = front(above.targetPoses[text.includes('lamp') ? 'lamp' : 'camera'].orientation);
    assert.ok(Math.abs(down[2] + 1) < 1e-5, `${text}: front ${down}`);
  }
});

test('each facing set after the solve is listed with the constraints: type facing, its yaw about z, satisfied', () => {
  const r = bridge.process('Put the baby monitor on the dresser, facing the crib');
  assert.equal(r.success, true, r.error);
  const entry = r.constraints.find((c) => c.type === 'facing');
  assert.ok(entry, JSON.stringify(r.constraints));
  assert.deepEqual([entry.subject, entry.targets, entry.satisfied, entry.parameters.axis], ['baby_monitor', ['crib'], true, 'z']);
  const q = r.targetPoses.baby_monitor.orientation;
  assert.ok(Math.abs((entry.parameters.angle ?? NaN) - 2 * Math.atan2(q[3], q[0])) < 1e-5, `angle ${entry.parameters.angle}, orientation ${q}`);
});

test('a camera 2 m above the table between the two lamps: the lamps stay on the table, the camera between them seen from above', () => {
  const r = bridge.process('Place the camera 2 m above the table between the two lamps');
  assert.equal(r.success, true, r.error);
  const [a, b, c] = [r.targetPoses.lamp_1.position, r.targetPoses.lamp_2.position, r.targetPoses.camera.position];
  assert.ok(Math.abs(a[2] - b[2]) < 1e-3 && a[2] < 1.5, `lamps at ${a[2]}, ${b[2]}`);
  assert.ok(Math.min(a[0], b[0]) <= c[0] + 1e-6 && c[0] <= Math.max(a[0], b[0]) + 1e-6 || Math.min(a[1], b[1]) <= c[1] + 1e-6 && c[1] <= Math.max(a[1], b[1]) + 1e-6, `camera ${c}`);
});
