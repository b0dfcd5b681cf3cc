/** `gasm baseline save|show`: keep a report where `gasm gate` finds it by default. */
import type { Command } from 'commander';
import { DEFAULT_BASELINE_NAME, findBaseline, saveBaseline } from '../../gate/baseline-store.js';
import { loadReport } from '../../report/load.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';

export function register(program: Command): void {
  const baseline = program.command('baseline').description('save or show the baseline report that `gasm gate` compares against');
  baseline
    .command('save')
    .description('save a report as a baseline (validated, written atomically; never replaced without --force)')
    .argument('<report>', 'report to keep')
    .option('-n, --name <name>', 'baseline name', DEFAULT_BASELINE_NAME)
    .option('--force', 'replace an existing baseline of that name')
    .addHelpText('after', '\nExamples:\n  gasm baseline save reports/latest.json\n  gasm baseline save reports/latest.json --name nightly --force')
    .action(
      action(async (report: string, flags: { name: string; force?: boolean }) => {
        const path = await saveBaseline(report, { name: flags.name, force: flags.force });
        process.stdout.write(`baseline '${flags.name}' saved: ${path}\n`);
        return EXIT.ok;
      }),
    );
  baseline
    .command('show')
    .description('show where a baseline is and what it measured')
    .addHelpText('after', '\nExamples:\n  gasm baseline show\n  gasm baseline show --name nightly')
    .option('-n, --name <name>', 'baseline name', DEFAULT_BASELINE_NAME)
    .action(
      action(async (flags: { name: string }) => {
        const path = await findBaseline(flags.name);
        const r = await loadReport(path);
        const suites = Object.keys(r.suites).join(', ');
        process.stdout.write(`${path}\n  ${r.config.suite} run of ${r.createdAt}, gasm ${r.tool.version}, backend ${r.config.backend}, suites: ${suites}\n  git ${r.git ? r.git.commit.slice(0, 12) + (r.git.dirty ? ' (dirty)' : '') : 'n/a'}, ${r.system.cpuModel}\n`);
        return EXIT.ok;
      }),
    );
}
