import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceWork, timeReferenceCpuMs } from '../../src/bench/reference-workload.js';

test('the reference workload is fixed: the same checksum on every call, and it takes measurable CPU time', () => {
  const first = referenceWork();
  assert.ok(Number.isFinite(first) && first !== 0);
  for (let i = 0; i < 5; i++) assert.equal(referenceWork(), first);
  const t = timeReferenceCpuMs();
  assert.equal(t.checksum, first);
  assert.ok(t.cpuMs > 0, `took ${t.cpuMs} ms of CPU`);
});
