/** `gasm run`: instructions through the pipeline, printed as tables or JSON Lines. */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { readInstructionFile } from '../../bench/instruction-files.js';
import { createBridge } from '../../pipeline/bridge.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { formatResponse } from '../format-response.js';
import { addModelOptions, bridgeConfigFrom, type ModelFlags } from '../model-options.js';

interface RunFlags extends ModelFlags {
  file?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('run')
    .description('run instructions through the GASM pipeline and print the target poses')
    .argument('[instructions...]', 'instructions, each one quoted')
    .option('--file <path>', 'read instructions from a file, one a line (# comments and blank lines skipped)')
    .option('--json', 'print one JSON response a line (JSON Lines)')
    .addHelpText('after', '\nExit status: 0 every instruction succeeded, 1 any failed, 2 bad usage or unreadable file.\n\nExamples:\n  gasm run "place the red box above the blue cube"\n  gasm run --file suites/simple.txt --json > responses.jsonl\n  gasm run --preset seed --color never "stack the three plates"');
  addModelOptions(command).action(
    action(async (instructions: string[], flags: RunFlags) => {
      const config = bridgeConfigFrom(flags);
      // concat, not push(...lines): a file of 400,000 lines would overflow the call stack as arguments.
      const texts = flags.file ? instructions.concat(await readInstructionFile(flags.file)) : [...instructions];
      if (texts.length === 0) throw new ConfigError('no instruction given: pass one in quotes or use --file <path>');
      const bridge = await createBridge(config);
      try {
        for (const w of [...bridge.backend.warnings, ...bridge.describe().warnings]) process.stderr.write(`gasm: warning: ${w}\n`);
        let failed = 0;
        // One instruction at a time: each line's timings are its own latency, and output streams. Between
        // instructions the event loop runs, so that a closed stdout (`| head -1`: EPIPE) stops the run at once.
        for (const text of texts) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          const response = bridge.process(text);
          if (!response.success) failed++;
          process.stdout.write((flags.json ? JSON.stringify(response) : formatResponse(response) + '\n') + '\n');
        }
        if (!flags.json && texts.length > 1) process.stdout.write(`${texts.length - failed} of ${texts.length} instructions succeeded\n`);
        return failed > 0 ? EXIT.failure : EXIT.ok;
      } finally {
        bridge.dispose();
      }
    }),
  );
}
