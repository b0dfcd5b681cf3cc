/**
 * Figures of a held-out instruction set (default fixtures/heldout; same file format and label language as the
 * corpus, test/pipeline/corpus-check.ts): coverage (share read into at least one constraint), geometry (share of
 * hand-labelled relations true from the returned positions), renamed entities (a labelled name, i.e. the user's
 * noun, missing from targetPoses of a response that succeeded) and support margins (metrics.supportMargin of every
 * response that supports something; the target is >= 0.25). All instructions go through one bridge in one batch.
 *
 * Run: node --import tsx scripts/heldout-report.ts [folder] [--failures]
 */
import { join, resolve } from 'node:path';
import { checkCorpus, labelledNames, loadCorpus, type ResponseLike } from '../test/pipeline/corpus-check.js';
import { createBridge } from '../src/pipeline/bridge.js';

const args = process.argv.slice(2);
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '..', 'fixtures', 'heldout'));
const showFailures = args.includes('--failures');

const entries = loadCorpus(folder);
const bridge = await createBridge({ backend: 'wasm' });
const responses = bridge.processBatch(entries.map((e) => e.instruction)) as unknown as ResponseLike[];
bridge.dispose();

const figures = checkCorpus(entries, responses);
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} % (${n}/${d})`;

/** Labelled names (the user's nouns) that a successful response does not carry. */
const renamed: string[] = [];
let namesSeen = 0;
entries.forEach((e, i) => {
  const r = responses[i];
  if (!r.success) return;
  const names = labelledNames(e);
  for (const n of names) {
    namesSeen++;
    if (!r.targetPoses[n]) renamed.push(`${e.file}:${e.line} '${n}' missing; got [${Object.keys(r.targetPoses).join(', ')}] in '${e.instruction}'`);
  }
});

const margins: { m: number; at: string }[] = [];
responses.forEach((r, i) => {
  const m = r.metrics?.supportMargin;
  if (typeof m === 'number') margins.push({ m, at: `${entries[i].file}:${entries[i].line} '${entries[i].instruction}'` });
});
margins.sort((a, b) => a.m - b.m);
const footprintAt: { m: number; at: string }[] = [];
responses.forEach((r, i) => {
  const m = (r.metrics as { footprintMargin?: unknown } | undefined)?.footprintMargin;
  if (typeof m === 'number') footprintAt.push({ m, at: `${entries[i].file}:${entries[i].line} '${entries[i].instruction}'` });
});
footprintAt.sort((a, b) => a.m - b.m);
const footprints = footprintAt.map((x) => x.m);
const failed = responses.filter((r) => !r.success).length;

console.log(`set: ${folder}`);
console.log(`instructions: ${figures.instructions} (+ ${figures.refusals} that must be refused); responses that failed: ${failed}`);
console.log(`coverage: ${pct(figures.covered, figures.instructions)} read into at least one constraint`);
console.log(`geometry: ${pct(figures.labelsTrue, figures.labels)} of labelled relations true from positions`);
console.log(`renamed: ${renamed.length} labelled names missing from successful responses (of ${namesSeen} checked)`);
console.log(`support margin >= 0.25: ${pct(margins.filter((x) => x.m >= 0.25).length, margins.length)} of responses that support something; min ${(margins[0]?.m ?? NaN).toFixed(3)}`);
if (footprints.length > 0) console.log(`footprint margin >= 0 (footprint on its support's top): ${pct(footprints.filter((m) => m >= 0).length, footprints.length)}; min ${Math.min(...footprints).toFixed(3)}`);
if (showFailures) {
  console.log('failed responses:');
  responses.forEach((r, i) => { if (!r.success) console.log(`  ${entries[i].file}:${entries[i].line} '${entries[i].instruction}': ${r.error}`); });
  console.log('labels not holding:');
  for (const f of figures.failures) console.log(`  ${f}`);
  console.log('renamed:');
  for (const x of renamed) console.log(`  ${x}`);
  console.log('margins < 0.25:');
  for (const x of margins.filter((y) => y.m < 0.25)) console.log(`  ${x.m.toFixed(3)} ${x.at}`);
  console.log('footprints over their support\'s edge (a subject wider than its support, or placed at its edge):');
  for (const x of footprintAt.filter((y) => y.m < 0)) console.log(`  ${x.m.toFixed(3)} ${x.at}`);
}
