import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { createBridge, type GasmBridge } from '../../../src/pipeline/bridge.js';
import { compareSuite } from '../../../src/suites/compare/index.js';
import { CompareSchema } from '../../../src/suites/compare/schema.js';
import { findSuite } from '../../../src/suites/registry.js';
import { testContext } from '../../helpers/run-context.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'cpu' });
});
after(() => bridge.dispose());

const SETS = [{ name: 'simple', instructions: ['place the red box above the blue cube', 'put the cup on the table', 'place the cube left of the sphere'] }];

test('compare runs every variant in each round on the same instructions, in shuffled orders, and reports paired ratios', async () => {
  const ctx = testContext(bridge, { sets: SETS, bridgeConfig: { backend: 'cpu' } });
  const options = compareSuite.parseOptions({ variant: ['base:', 'folded:attention=folded', 'cached:cache=memory,batch=8'], rounds: '4', roundTime: '5', repeatRatio: '0.8', batchSize: '4' });
  const outcome = await compareSuite.run(ctx, options);
  assert.equal(outcome.status, 'ok');
  const r = outcome.result!;
  assert.ok(Value.Check(CompareSchema, r), JSON.stringify([...Value.Errors(CompareSchema, r)].slice(0, 3)));
  assert.equal(r.rounds, 4);
  assert.equal(r.orders.length, 4);
  for (const order of r.orders) assert.deepEqual([...order].sort(), ['base', 'cached', 'folded']);
  assert.equal(r.instructionsPerRound % 8, 0, 'a whole number of the largest batch');
  const [base, folded, cached] = r.variants;
  assert.deepEqual(base.ratio, { value: 1, ci95: [1, 1] });
  assert.equal(base.verdict, 'baseline');
  assert.equal(folded.roundRatios.length, 4);
  folded.roundRatios.forEach((x, i) => assert.ok(Math.abs(x - folded.samples[i] / base.samples[i]) < 1e-12));
  assert.ok(folded.ratio.ci95[0] <= folded.ratio.value && folded.ratio.value <= folded.ratio.ci95[1]);
  assert.equal(folded.pipeline.attention, 'folded');
  assert.equal(folded.quality.maxPositionDiffMm !== null && folded.quality.maxPositionDiffMm < 0.1, true, 'same maths: same poses');
  assert.equal(cached.batchSize, 8);
  assert.ok(cached.cache && cached.cache.hits > 0);
  assert.deepEqual(r.cache, { hits: cached.cache!.hits, misses: cached.cache!.misses, hitRate: cached.cache!.hitRate });
  assert.equal(base.quality.responses, 4 * r.instructionsPerRound);
  // A success rate's trials are the distinct instructions, not their repeats over rounds.
  assert.ok(base.quality.instructions! > 0 && base.quality.instructions! < base.quality.responses);
  const success = compareSuite.metrics(r).find((m) => m.id === 'compare.base.success');
  assert.ok(success?.kind === 'proportion' && success.trials === base.quality.instructions && success.successes === base.quality.instructionSuccesses);
  const ids = compareSuite.metrics(r).map((m) => m.id);
  assert.deepEqual(ids.filter((id) => id.endsWith('.ratio')), ['compare.folded.ratio', 'compare.cached.ratio']);
  assert.ok(compareSuite.metrics(r).every((m) => m.kind === 'proportion' || m.unitOfIndependence === 'round'));
  const view = { backend: 'cpu', subtitle: 'test', cores: 2 };
  assert.equal(compareSuite.tables(r, view).length, 3);
  const png = compareSuite.charts(r, view)[0].render();
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok(compareSuite.exports(r, view).some((e) => e.benchmark === 'compare/cached' && e.measure === 'ratio'));
  assert.equal(findSuite('compare'), compareSuite);
});

test('an abort between rounds keeps the rounds measured; a variant that cannot be built fails the suite as a value', async () => {
  const controller = new AbortController();
  const ctx = testContext(bridge, { sets: SETS, bridgeConfig: { backend: 'cpu' }, signal: controller.signal });
  ctx.progress = (e) => {
    if (e.run === 2) controller.abort();
  };
  const options = compareSuite.parseOptions({ variant: ['a:', 'b:'], rounds: '10', roundTime: '2' });
  const outcome = await compareSuite.run(ctx, options);
  assert.equal(outcome.status, 'aborted');
  assert.equal(outcome.result?.rounds, 2);
  // An abort from the event loop (a signal handler, here a timer) is seen between rounds, not after the last one.
  const timed = new AbortController();
  const timer = setTimeout(() => timed.abort(), 300);
  const t0 = performance.now();
  const long = await compareSuite.run(testContext(bridge, { sets: SETS, bridgeConfig: { backend: 'cpu' }, signal: timed.signal }), compareSuite.parseOptions({ variant: ['a:', 'b:'], rounds: '400', roundTime: '20' }));
  clearTimeout(timer);
  assert.equal(long.status, 'aborted');
  assert.ok((long.result?.rounds ?? 0) < 400, 'stopped before the last round');
  assert.ok(performance.now() - t0 < 8000, 'stopped soon after the abort');
  // The same during a long warm-up.
  const warming = new AbortController();
  const warmTimer = setTimeout(() => warming.abort(), 300);
  const t1 = performance.now();
  const early = await compareSuite.run(testContext(bridge, { sets: SETS, bridgeConfig: { backend: 'cpu' }, signal: warming.signal, policy: { warmupTimeMs: 60_000 } }), compareSuite.parseOptions({ variant: ['a:', 'b:'], rounds: '3', roundTime: '20' }));
  clearTimeout(warmTimer);
  assert.equal(early.status, 'aborted');
  assert.ok(performance.now() - t1 < 8000, 'stopped during the warm-up');
  const failing = compareSuite.parseOptions({ variant: ['a:', 'b:hidden-dim=1024,heads=256,iterations=16,attention=folded'] });
  const failed = await compareSuite.run(testContext(bridge, { sets: SETS, bridgeConfig: { backend: 'cpu' } }), failing);
  assert.equal(failed.status, 'failed');
  assert.match(failed.status === 'failed' ? failed.error : '', /cannot build variant b: .*GiB/);
});
