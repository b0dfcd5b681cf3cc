/** `gasm export`: a report in the JSON formats of github-action-benchmark and Bencher. */
import type { Command } from 'commander';
import { DEFAULT_BASELINE_DIR } from '../../gate/baseline-store.js';
import { assertNotAnInput, assertReplaceable } from '../../io/output-guard.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { exportBencher, exportGithubBenchmark } from '../../report/export.js';
import { loadReport } from '../../report/load.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { parseChoice } from '../parse-options.js';

const FORMATS = ['github-bigger', 'github-smaller', 'bencher'] as const;

/** Adds `gasm export <report> --format github-bigger|github-smaller|bencher [--out FILE]` to the program. */
export function register(program: Command): void {
  program
    .command('export')
    .description('convert a report for github-action-benchmark (customBiggerIsBetter / customSmallerIsBetter) or Bencher (BMF)')
    .argument('<report>', 'report JSON file')
    .requiredOption('-f, --format <name>', FORMATS.join(' | '))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\ngithub-bigger / github-smaller: JSON for benchmark-action/github-action-benchmark with tool\ncustomBiggerIsBetter / customSmallerIsBetter. bencher: Bencher Metric Format for `bencher run --adapter json`.\n--out never replaces the report read, a stored baseline, another gasm report, a database (the history store) or\na device, pipe or symbolic link.\nExit status: 0 written; 2 unreadable or invalid report, unknown format, --out naming an input; 3 the file could not be written.\n\nExamples:\n  gasm export reports/latest.json -f github-bigger -o bench-bigger.json\n  gasm export reports/latest.json -f bencher -o bmf.json')
    .action(
      action(async (path: string, flags: { format: string; out?: string }) => {
        const format = parseChoice('--format', flags.format, FORMATS);
        if (flags.out) {
          await assertNotAnInput('--out', flags.out, [{ path, what: 'the report being exported' }, { path: DEFAULT_BASELINE_DIR, what: 'the stored baselines' }]);
          await assertReplaceable('--out', flags.out);
        }
        const report = await loadReport(path);
        const data = format === 'bencher' ? exportBencher(report) : exportGithubBenchmark(report, format === 'github-bigger' ? 'bigger' : 'smaller');
        const text = JSON.stringify(data, null, 2) + '\n';
        if (flags.out) {
          await writeFileAtomic(flags.out, text);
          process.stdout.write(`${flags.out}\n`);
        } else process.stdout.write(text);
        return EXIT.ok;
      }),
    );
}
