/**
 * The `gasm` program: commander wiring only. Commands live in src/cli/commands, one file each;
 * this is (with them) the only code that prints or sets the exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { TOOL } from '../version.js';
import { setVerbose } from './action.js';
import { COLOUR_MODES, setColourMode, type ColourMode } from './colour.js';
import { EXIT } from './exit-codes.js';
import { register as registerBaseline } from './commands/baseline.js';
import { register as registerBench } from './commands/bench.js';
import { register as registerExport } from './commands/export.js';
import { register as registerGate } from './commands/gate.js';
import { register as registerHistory } from './commands/history.js';
import { register as registerInfo } from './commands/info.js';
import { register as registerProfile } from './commands/profile.js';
import { register as registerReport } from './commands/report.js';
import { register as registerRun } from './commands/run.js';

// `gasm run --json | head`: a closed pipe ends the output quietly instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const program = new Command();
program
  .name('gasm')
  .description('Benchmark the GASM spatial-reasoning pipeline: instructions → constraints → SE(3) attention → solver → poses')
  .version(TOOL.version, '-V, --version')
  .option('--verbose', 'show stack traces with errors')
  .addOption(new Option('--color <when>', 'colour in tables and messages: auto (only on a terminal; NO_COLOR turns it off, FORCE_COLOR on), always, never').choices(COLOUR_MODES).default('auto'))
  .configureHelp({ showGlobalOptions: true })
  .addHelpText('after', ['', 'Examples:', '  gasm run "place the red box above the blue cube"', '  gasm bench all --out reports', '  gasm report reports/latest.json', '  gasm gate --current reports/latest.json', '', 'Every command takes --color auto|always|never (auto: colour only on a terminal; NO_COLOR / FORCE_COLOR honoured).'].join('\n'))
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .hook('preAction', (root) => {
    setVerbose(Boolean(root.opts().verbose));
    setColourMode(root.opts().color as ColourMode);
  });

registerRun(program);
registerBench(program);
registerReport(program);
registerExport(program);
registerGate(program);
registerBaseline(program);
registerHistory(program);
registerProfile(program);
registerInfo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; every other commander error is bad usage.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`gasm: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failure;
  }
}
