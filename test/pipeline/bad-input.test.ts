/**
 * Bad instructions: each gets a failed (or partially satisfied) response with a clear error — never a throw,
 * never NaN or Infinity in a pose — and the rest of the batch goes on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import type { GasmResponse } from '../../src/pipeline/types.js';
import { ROOT } from '../helpers/run-cli.js';

const cases = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'bad-instructions.json'), 'utf8')) as { label: string; input: string; error: string }[];

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'wasm' });
});
after(() => bridge.dispose());

function assertFinite(r: GasmResponse): void {
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(r, 'response');
  for (const pose of Object.values(r.targetPoses)) {
    assert.ok([...pose.position, ...pose.orientation, pose.confidence].every(Number.isFinite));
  }
}

for (const c of cases) {
  test(`bad instruction (${c.label}) fails alone with a clear error`, () => {
    const [before, bad, after] = bridge.processBatch(['put the cup on the table', c.input, 'place the cube left of the sphere']);
    assert.equal(bad.success, false);
    assert.ok(bad.error && bad.error.length > 0);
    assert.ok(bad.error.toLowerCase().includes(c.error.toLowerCase()), `error "${bad.error}" should mention "${c.error}"`);
    assertFinite(bad);
    assert.equal(before.success, true, before.error);
    assert.equal(after.success, true, after.error);
  });
}

test('a 1 MB instruction is refused before parsing, naming the limit', () => {
  const huge = 'place box above table '.repeat(48_000);
  const r = bridge.process(huge);
  assert.equal(r.success, false);
  assert.match(r.error ?? '', /20,?000/);
  assert.equal(r.constraints.length, 0);
});

test('line breaks and tabs are spaces, emoji tolerated; any other control character is refused by name, never read', () => {
  for (const text of ['place the box\nabove\tthe table', 'place the 📦 box above the table 🙂', 'ＰＬＡＣＥ the box above the table']) {
    const r = bridge.process(text);
    assert.equal(r.success, true, `${JSON.stringify(text)}: ${r.error}`);
    assertFinite(r);
  }
  // A terminal colour code read as text was '[31m': 31 metres above.
  for (const [text, code] of [['place the red box\u001b[31m above the blue cube', '001B'], ['place the box\u0000 above\u0007 the table', '0000'], ['put the cup\u009b2m left of the plate', '009B']]) {
    const r = bridge.process(text);
    assert.equal(r.success, false, text);
    assert.match(r.error ?? '', new RegExp(`control character U\\+${code} at position \\d+`));
    assert.deepEqual(r.targetPoses, {});
  }
});

test('contradictory constraints: best effort, finite poses, unsatisfied constraints reported', () => {
  const r = bridge.process('place the red box above the blue box and the blue box above the red box');
  assert.equal(r.success, false);
  assertFinite(r);
  assert.equal(r.constraints.length, 2);
  assert.ok(r.constraints.some((c) => !c.satisfied));
  assert.match(r.error ?? '', /could not be satisfied/);
  assert.ok(Object.keys(r.targetPoses).length === 2, 'best-effort poses are kept');
});

test('non-string input in a batch does not throw', () => {
  const responses = bridge.processBatch([undefined as unknown as string, 42 as unknown as string, 'put the cup on the table']);
  assert.equal(responses.length, 3);
  assert.equal(responses[0].success, false);
  assert.equal(responses[2].success, true);
});
