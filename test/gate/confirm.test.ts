import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GateOptions } from '../../src/gate/compare.js';
import { gateWithConfirmation } from '../../src/gate/confirm.js';
import { gateVerdict } from '../../src/gate/verdict.js';
import type { BenchReport } from '../../src/report/types.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const options: GateOptions = { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple'] };
const ID = 'throughput.simple.instructionsPerSecond';

/** A fake rerun that returns the given reports in turn and counts its calls. */
function fakeRerun(...reports: BenchReport[]) {
  const calls: BenchReport[] = [];
  return { calls, rerun: async (current: BenchReport) => { calls.push(current); return reports[calls.length - 1]; } };
}

test('a regression the rerun does not see again is not confirmed: inconclusive, with what each attempt saw', async () => {
  const slow = makeSampleReport({ seed: 2, slowdown: 1.2 });
  const fake = fakeRerun(makeSampleReport({ seed: 3 }));
  const gate = await gateWithConfirmation([makeSampleReport({ seed: 1 })], slow, options, fake.rerun);
  assert.equal(fake.calls.length, 1);
  assert.equal(fake.calls[0], slow, 'the rerun is asked for the current report’s benchmark');
  assert.deepEqual(gate.attempts.map((a) => [a.attempt, a.source, a.verdict]), [[1, 'report', 'regression'], [2, 'rerun', 'pass']]);
  const c = gate.result.comparisons.find((x) => x.id === ID)!;
  assert.equal(c.verdict, 'inconclusive');
  assert.equal(c.inconclusiveCause, 'unconfirmed');
  assert.match(c.reason, /^inconclusive: regression not confirmed: attempt 1 regression -1\d\.\d% .* attempt 2 no-change/);
  assert.equal(gate.result.passed, true);
  assert.equal(gateVerdict(gate.result), 'inconclusive');
});

test('a regression seen again fails, and says it was confirmed', async () => {
  const fake = fakeRerun(makeSampleReport({ seed: 4, slowdown: 1.2 }));
  const gate = await gateWithConfirmation([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2, slowdown: 1.2 }), options, fake.rerun);
  const c = gate.result.comparisons.find((x) => x.id === ID)!;
  assert.equal(c.verdict, 'regression');
  assert.match(c.reason, /confirmed: attempt 1 regression -1\d\.\d% \[.*\], attempt 2 regression/);
  assert.equal(gateVerdict(gate.result), 'regression');
});

test('no rerun when nothing regressed', async () => {
  const fake = fakeRerun();
  const gate = await gateWithConfirmation([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2 }), options, fake.rerun);
  assert.equal(fake.calls.length, 0);
  assert.equal(gate.attempts.length, 1);
  assert.equal(gateVerdict(gate.result), 'pass');
});

test('a rerun that cannot run leaves the regression standing, with the reason as a warning', async () => {
  const gate = await gateWithConfirmation([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2, slowdown: 1.2 }), options, async () => {
    throw new Error('cannot rerun suite x');
  });
  assert.equal(gateVerdict(gate.result), 'regression');
  assert.equal(gate.rerunError, 'cannot rerun suite x');
  assert.ok(gate.result.warnings.includes('could not confirm: cannot rerun suite x'));
});
