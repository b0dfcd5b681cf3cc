/**
 * Figures of the instruction corpus (fixtures/corpus): coverage (share of instructions read into at least one
 * constraint), geometry (share of hand-labelled relations true from the returned positions), refusals that fail
 * as they should, and the support margin of every response that supports something (metrics.supportMargin:
 * how far inside its support each supported object's centre lies, 1 = centred, 0 = on the edge): median, minimum
 * and share ≥ 0.25. All instructions go through one bridge in one batch.
 *
 * Run: node --import tsx scripts/corpus-report.ts [--failures] [--src <folder>]
 * `--src` loads the pipeline from another checkout's src/ (e.g. an older commit extracted with `git archive`)
 * to measure its margins; sizes missing from its responses are taken from its own parser.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCorpus, loadCorpus, type ResponseLike } from '../test/pipeline/corpus-check.js';
import { supportMargin } from '../src/pipeline/support-margin.js';
import type { Entity } from '../src/pipeline/types.js';

const args = process.argv.slice(2);
const srcAt = args.indexOf('--src');
const src = resolve(srcAt >= 0 ? args[srcAt + 1] : join(import.meta.dirname, '..', 'src'));
const showFailures = args.includes('--failures');

const { createBridge } = (await import(pathToFileURL(join(src, 'pipeline', 'bridge.ts')).href)) as typeof import('../src/pipeline/bridge.js');
const { parseInstruction } = (await import(pathToFileURL(join(src, 'pipeline', 'parse', 'index.ts')).href)) as typeof import('../src/pipeline/parse/index.js');

const entries = loadCorpus(join(import.meta.dirname, '..', 'fixtures', 'corpus'));
const bridge = await createBridge({ backend: 'wasm' });
const responses = bridge.processBatch(entries.map((e) => e.instruction)) as unknown as ResponseLike[];
bridge.dispose();

/** Entities as the (possibly older) parser read them, for sizes an older response does not carry. */
function parsedEntities(i: number): Entity[] {
  try {
    return parseInstruction(entries[i].instruction).entities;
  } catch {
    return [];
  }
}

const figures = checkCorpus(entries, responses, (i) => {
  const byName = new Map(parsedEntities(i).map((e) => [e.name, e.halfExtents as number[]]));
  return (name) => byName.get(name);
});

const margins: number[] = [];
responses.forEach((r, i) => {
  if (Object.keys(r.targetPoses).length === 0) return;
  let m = r.metrics.supportMargin;
  if (m === undefined) {
    const entities = parsedEntities(i).filter((e) => r.targetPoses[e.name]);
    const positions = entities.flatMap((e) => r.targetPoses[e.name].position);
    m = supportMargin(entities, r.constraints as never, positions);
  }
  if (m !== null && m !== undefined) margins.push(m);
});
margins.sort((a, b) => a - b);
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} % (${n}/${d})`;
const median = margins.length === 0 ? NaN : margins.length % 2 ? margins[(margins.length - 1) / 2] : (margins[margins.length / 2 - 1] + margins[margins.length / 2]) / 2;

console.log(`pipeline: ${src}`);
console.log(`instructions: ${figures.instructions} (+ ${figures.refusals} that must be refused)`);
console.log(`coverage: ${pct(figures.covered, figures.instructions)} read into at least one constraint`);
console.log(`geometry: ${pct(figures.labelsTrue, figures.labels)} of labelled relations true from positions`);
console.log(`refusals: ${pct(figures.refusalsRight, figures.refusals)} fail with the expected error`);
console.log(`support margin over ${margins.length} responses that support something: median ${median.toFixed(3)}, min ${(margins[0] ?? NaN).toFixed(3)}, share >= 0.25: ${pct(margins.filter((m) => m >= 0.25).length, margins.length)}`);
const footprints = responses.map((r) => (r.metrics as { footprintMargin?: unknown }).footprintMargin).filter((m): m is number => typeof m === 'number');
if (footprints.length > 0) console.log(`footprint margin >= 0 (footprint on its support's top): ${pct(footprints.filter((m) => m >= 0).length, footprints.length)}; min ${Math.min(...footprints).toFixed(3)}`);
if (showFailures) for (const f of figures.failures) console.log(`  ${f}`);
