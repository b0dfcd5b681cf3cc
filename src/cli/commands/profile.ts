/** `gasm profile "<instruction>"`: where one instruction's time goes, per tfjs kernel and per solver phase. */
import { visibleControls } from '../../format/control-chars.js';
import { join } from 'node:path';
import type { Command } from 'commander';
import Table from 'cli-table3';
import { whole, sig3 } from '../../format/numbers.js';
import { createBridge } from '../../pipeline/bridge.js';
import { profileChart } from '../../profile/chart.js';
import { DEFAULT_PROFILE_RUNS, MAX_PROFILE_RUNS, profileInstruction, type ProfileResult } from '../../profile/profile.js';
import { assertWritableDir, writeFileAtomic } from '../../report/atomic-write.js';
import { ConfigError } from '../../errors.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { addModelOptions, bridgeConfigFrom, type ModelFlags } from '../model-options.js';
import { parseInteger } from '../parse-options.js';
import { tableStyle } from '../colour.js';

interface ProfileFlags extends ModelFlags {
  runs: string;
  out: string;
  chart: boolean;
  json?: boolean;
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function tables(p: ProfileResult): string {
  const perRun = (ms: number) => sig3((ms * 1000) / p.runs);
  const stages = new Table({ style: tableStyle(), head: [`stage (${p.runs} plain runs after ${p.warmupRuns} warm-up)`, 'ms per run (median)'] });
  stages.push(
    ['parse + encode', sig3(p.stagesMs.preprocessingMs)],
    ['network', sig3(p.stagesMs.inferenceMs)],
    ['solve', sig3(p.stagesMs.constraintSolvingMs)],
    ['respond', sig3(p.stagesMs.postprocessingMs)],
    ['wall time', `${sig3(p.wallMs)} (runs ${sig3(p.wallRangeMs[0])}–${sig3(p.wallRangeMs[1])})`],
  );
  const kernels = new Table({ style: tableStyle(), head: ['tfjs kernel', 'calls per run', 'total ms', 'µs per run', 'bytes per run', 'input shapes'] });
  for (const k of p.kernels) kernels.push([k.name, sig3(k.calls / p.runs), sig3(k.totalMs), perRun(k.totalMs), whole(k.bytes / p.runs), k.shapes.join('\n')]);
  const phases = new Table({ style: tableStyle(), head: ['solver phase', 'calls per run', 'total ms', 'µs per run'] });
  for (const ph of p.phases) phases.push([ph.phase, sig3(ph.calls / p.runs), sig3(ph.totalMs), perRun(ph.totalMs)]);
  return [stages.toString(), kernels.toString(), phases.toString()].join('\n');
}

export function register(program: Command): void {
  const command = program
    .command('profile')
    .description('profile one instruction: time per tfjs kernel (tf.profile) and per solver phase, as tables and a PNG chart')
    .argument('<instruction>', 'the instruction, quoted')
    .option('--runs <n>', 'profiled runs (after a warm-up of at least 300 ms)', String(DEFAULT_PROFILE_RUNS))
    .option('--out <dir>', 'folder for the chart (profile-<time>.png)', 'reports')
    .option('--no-chart', 'do not write the chart')
    .option('--json', 'print the profile as JSON')
    .addHelpText(
      'after',
      '\nKernel times are what the backend reports per kernel; solver phases come from the solver\'s phase observer, which\n' +
        're-evaluates residuals to time them. Both add their own cost, so the stage table is taken from plain runs (medians).\n' +
        'Compare kernels with kernels and stages with stages: tf.profile adds its own cost to every kernel it times.\n\nExamples:\n  gasm profile "place the red box above the blue cube"\n  gasm profile "stack the three plates" --runs 20 --no-chart --json > profile.json',
    );
  addModelOptions(command).action(
    action(async (instruction: string, flags: ProfileFlags) => {
      const runs = parseInteger('--runs', flags.runs, 1, MAX_PROFILE_RUNS);
      const config = bridgeConfigFrom(flags);
      if (config.cache !== undefined) throw new ConfigError('--cache cannot be used with profile: cached runs would skip the work being profiled');
      // A chart folder that cannot be written is bad usage, found before anything is profiled.
      if (flags.chart) await assertWritableDir(flags.out);
      const bridge = await createBridge(config);
      let result: ProfileResult;
      try {
        for (const w of [...bridge.backend.warnings, ...bridge.describe().warnings]) process.stderr.write(`gasm: warning: ${w}\n`);
        result = await profileInstruction(bridge, instruction, runs);
      } finally {
        bridge.dispose();
      }
      let chartPath: string | undefined;
      if (flags.chart) {
        chartPath = join(flags.out, `profile-${stamp()}.png`);
        await writeFileAtomic(chartPath, profileChart(result));
      }
      if (flags.json) process.stdout.write(JSON.stringify({ ...result, chart: chartPath ?? null }, null, 2) + '\n');
      else {
        process.stdout.write(`${result.success ? 'ok ' : 'failed'} "${visibleControls(instruction)}"${result.error ? `: ${visibleControls(result.error)}` : ''}\n`);
        process.stdout.write(tables(result) + '\n');
        if (chartPath) process.stdout.write(`chart: ${chartPath}\n`);
      }
      // As gasm run: an instruction that failed is exit 1 (its profile is still printed).
      return result.success ? EXIT.ok : EXIT.failure;
    }),
  );
}
