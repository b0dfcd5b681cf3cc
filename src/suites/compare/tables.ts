/** Tables of the compare suite: one presentation model for the terminal, Markdown and HTML. */
import { fixed, ms, pct, sig3, whole, withInterval } from '../../format/numbers.js';
import type { ReportView, Table } from '../contract.js';
import type { CompareResult, CompareVariantResult } from './schema.js';

function settings(config: Record<string, string>): string {
  const keys = Object.keys(config);
  return keys.length === 0 ? '(run configuration)' : keys.map((k) => `${k}=${config[k]}`).join(', ');
}

/** Success: of the distinct instructions when the report counts them (each once), else of every response. */
function successCell(q: CompareVariantResult['quality']): string {
  if (q.instructions === undefined || q.instructionSuccesses === undefined) return `${pct(q.successRate)} (${q.successes}/${q.responses} answers)`;
  const rate = q.instructions === 0 ? 0 : q.instructionSuccesses / q.instructions;
  return `${pct(rate)} of ${q.instructions} instructions (${q.responses} answers)`;
}

export function compareTables(c: CompareResult, view: ReportView): Table[] {
  const base = c.variants[0]?.name ?? '-';
  const tables: Table[] = [
    {
      title: `Compare (${view.backend}): ${c.rounds} interleaved rounds of ${whole(c.instructionsPerRound)} instructions`,
      head: ['variant', 'settings', 'batch', 'instr/s median [95% CI]', `vs ${base}`, 'batch latency ms', 'CPU ms/instr', 'success', 'constraints met', 'max Δ position mm'],
      rows: c.variants.map((v) => [
        v.name,
        settings(v.config),
        String(v.batchSize),
        withInterval(v.instructionsPerSecond, v.throughputCi95, whole),
        v.verdict,
        ms(v.batchLatencyMs),
        sig3(v.cpuMsPerInstruction),
        successCell(v.quality),
        pct(v.quality.satisfactionRate),
        v.quality.maxPositionDiffMm === null ? '-' : fixed(v.quality.maxPositionDiffMm, 3),
      ]),
      notes: [
        `Each round runs every variant once on the same instructions, in a shuffled order; "vs ${base}" is the median over rounds of the paired ratio of instr/s, with its distribution-free 95% interval over rounds (order statistics of the round ratios).`,
        'Max Δ position: the largest position difference from the first variant on the first 50 instructions of the set, after solving.',
      ],
    },
  ];
  const models = c.variants.map((v) => [v.name, v.pipeline.preset ?? '-', `${v.pipeline.model.featureDim}/${v.pipeline.model.hiddenDim}/${v.pipeline.model.heads}/${v.pipeline.model.iterations}`, v.pipeline.attention, v.pipeline.packing === undefined ? '-' : v.pipeline.packing ? 'on' : 'off', v.pipeline.weights.precision, whole(v.pipeline.weights.bytes), v.pipeline.cache]);
  tables.push({ title: 'Variant pipelines', head: ['variant', 'preset', 'feature/hidden/heads/iterations', 'attention', 'packing', 'weights', 'weight bytes', 'cache'], rows: models });
  if (c.cache) {
    tables.push({
      title: `Result cache (repeat ratio ${c.repeatRatio === null ? 'none: the sets cycled' : pct(c.repeatRatio)}; measured ${pct(c.measuredRepeatShare)})`,
      head: ['variant', 'hits', 'misses', 'hit rate'],
      rows: c.variants.filter((v) => v.cache).map((v) => [v.name, whole(v.cache!.hits), whole(v.cache!.misses), pct(v.cache!.hitRate)]),
    });
  }
  return tables;
}
