/**
 * A/A calibration of `gasm bench compare`: RUNS comparisons of two identical variants (a: and b:), each in its
 * own seeded interleaving; the ratio interval of b against a should contain 1.0 in at least 19 of 20 runs (the
 * issue's target). Prints every run's ratio and interval and the count.
 * Run: node --import tsx scripts/compare-calibration.ts [runs=20] [rounds=10] [round-ms=50] [category=simple]
 */
import { readCategory } from '../src/bench/instruction-files.js';
import { createBridge } from '../src/pipeline/bridge.js';
import { compareSuite } from '../src/suites/compare/index.js';
import type { RunContext } from '../src/suites/contract.js';

const [runs = 20, rounds = 10, roundMs = 50] = process.argv.slice(2, 5).map(Number);
const category = process.argv[5] ?? 'simple';
const instructions = await readCategory(category);
const bridge = await createBridge({ backend: 'wasm' });
const ctx: RunContext = {
  bridge,
  bridgeConfig: { backend: 'wasm' },
  createBridge: (overrides = {}) => createBridge({ backend: 'wasm', ...overrides }),
  policy: { warmup: 1, warmupTimeMs: 100, runs: null, minRuns: 3, minTimeMs: 100 },
  sets: [{ name: category, instructions }],
  signal: new AbortController().signal,
  progress: () => undefined,
  sampler: { publishHeap: () => undefined, markCase: () => undefined },
  warn: (code, message) => process.stderr.write(`warning ${code}: ${message}\n`),
};
let contained = 0;
process.stdout.write(`A/A: ${runs} comparisons of two identical variants, ${rounds} rounds of ~${roundMs} ms, ${category}, wasm\n`);
for (let i = 0; i < runs; i++) {
  const options = compareSuite.parseOptions({ variant: ['a:', 'b:'], rounds: String(rounds), roundTime: String(roundMs), compareSeed: String(i + 1) });
  const outcome = await compareSuite.run(ctx, options);
  if (outcome.status !== 'ok') throw new Error(`run ${i + 1}: ${outcome.status === 'failed' ? outcome.error : 'aborted'}`);
  const b = outcome.result.variants[1];
  const inside = b.ratio.ci95[0] <= 1 && 1 <= b.ratio.ci95[1];
  if (inside) contained++;
  process.stdout.write(`run ${String(i + 1).padStart(2)}: ratio ${b.ratio.value.toFixed(3)} [${b.ratio.ci95[0].toFixed(3)}, ${b.ratio.ci95[1].toFixed(3)}] ${inside ? 'contains 1' : 'EXCLUDES 1'}\n`);
}
process.stdout.write(`interval contains 1.0 in ${contained} of ${runs} runs (target: at least ${Math.ceil(runs * 0.95)} of ${runs})\n`);
bridge.dispose();
