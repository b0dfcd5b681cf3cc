/**
 * Microseconds per solve of the LM constraint solver for chain scenes of N ∈ {2, 4, 8, 16, 32, 64} entities:
 * entity 2k+1 rests `on` entity 2k, and each stack base is `left` of the next one (N = 2 is the simple case:
 * two entities, one constraint). Initial poses: on a circle resting on the ground with a seeded jitter, as the
 * network proposes them. Each case solves through one reused solver (createSolver) for about MIN_CASE_MS after a
 * warm-up, in batches of BATCH solves; prints the median µs per solve over the batches, the iterations and
 * whether every constraint held. Run: node --import tsx scripts/bench-solve.ts
 */
import { createSolver, type SolveInput } from '../src/pipeline/solve/index.js';
import type { Constraint, Entity } from '../src/pipeline/types.js';

const SIZES = [2, 4, 8, 16, 32, 64];
const WARMUP_MS = 300;
const MIN_CASE_MS = 1000;
const MIN_BATCHES = 5;
const HALF: [number, number, number] = [0.05, 0.05, 0.05];

/** The chain scene of n entities. */
function chainScene(n: number, seed: number): SolveInput {
  const entities: Entity[] = Array.from({ length: n }, (_, i) => ({
    name: `box_${i}`, kind: 'box', category: 'object', halfExtents: HALF, grounded: false,
  }));
  const constraints: Constraint[] = [];
  for (let i = 1; i < n; i++) {
    if (i % 2 === 1) constraints.push({ type: 'on', subject: `box_${i}`, targets: [`box_${i - 1}`], parameters: {}, source: '' });
    else constraints.push({ type: 'left', subject: `box_${i - 2}`, targets: [`box_${i}`], parameters: {}, source: '' });
  }
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const positions = new Float64Array(n * 3);
  const orientations = new Float64Array(n * 4);
  const radius = 0.15 * n;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    positions[i * 3] = radius * Math.cos(t) + 0.02 * (rand() - 0.5);
    positions[i * 3 + 1] = radius * Math.sin(t) + 0.02 * (rand() - 0.5);
    positions[i * 3 + 2] = HALF[2];
    orientations[i * 4] = 1;
  }
  return { entities, constraints, positions, orientations };
}

const solver = createSolver();
process.stdout.write('    N  constraints   µs/solve (median)   iterations   all satisfied   solves\n');
let sink = 0;
for (const n of SIZES) {
  const scene = chainScene(n, 12345 + n);
  const probe = solver.solve(scene);
  const batch = Math.max(1, Math.round(2000 / (n * n)));
  const warmEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmEnd) sink += solver.solve(scene).iterations;
  const perSolve: number[] = [];
  const start = performance.now();
  let solves = 0;
  while (perSolve.length < MIN_BATCHES || performance.now() - start < MIN_CASE_MS) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) sink += solver.solve(scene).iterations;
    perSolve.push(((performance.now() - t0) * 1000) / batch);
    solves += batch;
  }
  perSolve.sort((a, b) => a - b);
  const median = perSolve[Math.floor(perSolve.length / 2)];
  const ok = probe.constraints.every((c) => c.satisfied);
  process.stdout.write(
    `${String(n).padStart(5)}  ${String(scene.constraints.length).padStart(11)}   ${median.toFixed(1).padStart(17)}   ` +
      `${String(probe.iterations).padStart(10)}   ${String(ok).padStart(13)}   ${String(solves).padStart(6)}\n`,
  );
}
if (sink < 0) process.stdout.write('unreachable\n');
