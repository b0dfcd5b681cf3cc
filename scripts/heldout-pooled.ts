/**
 * Several held-out sets at the current commit, one line each (read · relations true · renamed · support margin of
 * the responses that succeeded · refusals), then the figures pooled over all of them with 95 % intervals over the
 * unit of independence: the share read by a Wilson interval over instructions; the share of relations true by a
 * bootstrap over instructions (an instruction's labels share its reading, so they are resampled together, never
 * one by one), seeded, 4,000 resamples.
 *
 * Run: node --import tsx scripts/heldout-pooled.ts fixtures/heldout18 fixtures/heldout19 …
 */
import { basename, resolve } from 'node:path';
import { checkCorpus, labelledNames, loadCorpus, type ResponseLike } from '../test/pipeline/corpus-check.js';
import { createBridge } from '../src/pipeline/bridge.js';
import { wilsonInterval } from '../src/stats/proportions.js';
import { createRng } from '../src/stats/rng.js';

const folders = process.argv.slice(2).map((f) => resolve(f));
if (folders.length === 0) {
  process.stderr.write('usage: heldout-pooled.ts <folder> [<folder> …]\n');
  process.exit(2);
}

const bridge = await createBridge({ backend: 'wasm' });
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
/** Per labelled instruction: labels and labels true. */
const units: { labels: number; good: number }[] = [];
let read = 0, instructions = 0, renamedAll = 0, namesAll = 0, marginLow = 0, marginAll = 0;
for (const folder of folders) {
  const entries = loadCorpus(folder);
  const responses = bridge.processBatch(entries.map((e) => e.instruction)) as unknown as ResponseLike[];
  const f = checkCorpus(entries, responses);
  let renamed = 0, names = 0;
  const margins: number[] = [];
  entries.forEach((e, i) => {
    const r = responses[i];
    if (e.labels.every((l) => l.relation === 'error')) return;
    const one = checkCorpus([e], [r]);
    units.push({ labels: one.labels, good: one.labelsTrue });
    if (!r.success) return;
    const m = (r as { metrics?: { supportMargin?: unknown } }).metrics?.supportMargin;
    if (typeof m === 'number') margins.push(m);
    const wanted = labelledNames(e);
    for (const n of wanted) {
      names++;
      if (!r.targetPoses[n]) renamed++;
    }
  });
  const low = margins.filter((m) => m < 0.25).length;
  read += f.covered;
  instructions += f.instructions;
  renamedAll += renamed;
  namesAll += names;
  marginLow += low;
  marginAll += margins.length;
  console.log(
    `${basename(folder)}: read ${pct(f.covered / f.instructions)} · relations true ${pct(f.labelsTrue / f.labels)} of ${f.labels} · renamed ${renamed} · ` +
      `margin >= 0.25 ${margins.length - low}/${margins.length} (min ${margins.length ? Math.min(...margins).toFixed(2) : '-'}) · refusals ${f.refusalsRight}/${f.refusals}`,
  );
}
bridge.dispose();

const labels = units.reduce((s, u) => s + u.labels, 0);
const good = units.reduce((s, u) => s + u.good, 0);
const rng = createRng(20261125);
const replicates: number[] = [];
for (let b = 0; b < 4000; b++) {
  let l = 0, g = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[Math.floor(rng() * units.length)];
    l += u.labels;
    g += u.good;
  }
  replicates.push(l === 0 ? 0 : g / l);
}
replicates.sort((a, b) => a - b);
const [rlo, rhi] = wilsonInterval(read, instructions);
console.log(`pooled over ${folders.length} sets (${instructions} instructions):`);
console.log(`  read ${pct(read / instructions)} [${pct(rlo)}, ${pct(rhi)}] (Wilson, over instructions)`);
console.log(`  relations true ${pct(good / labels)} of ${labels} [${pct(replicates[100])}, ${pct(replicates[3899])}] (bootstrap over instructions)`);
console.log(`  renamed ${renamedAll} of ${namesAll} names checked; support margin >= 0.25 on ${marginAll - marginLow} of ${marginAll} successes that support something`);
