/** `gasm info`: the machine, the tfjs backends that load here, and GPUs. */
import type { Command } from 'commander';
import Table from 'cli-table3';
import { collectSystemInfo } from '../../bench/system-info.js';
import { probeBackends } from '../../pipeline/model/backend.js';
import { TOOL } from '../../version.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { tableStyle } from '../colour.js';

export function register(program: Command): void {
  program
    .command('info')
    .description('show CPU, memory, OS, Node, available tfjs backends and GPUs')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  gasm info\n  gasm info --json > machine.json')
    .action(
      action(async (flags: { json?: boolean }) => {
        const backends = await probeBackends();
        const system = await collectSystemInfo(backends.find((b) => b.available)?.name ?? 'none');
        if (flags.json) {
          process.stdout.write(JSON.stringify({ tool: TOOL, system, backends }, null, 2) + '\n');
          return EXIT.ok;
        }
        const table = new Table({ style: tableStyle() });
        table.push(
          { gasm: TOOL.version },
          { CPU: `${system.cpuModel} (${system.cores} cores)` },
          { memory: `${(system.memoryBytes / 2 ** 30).toFixed(1)} GiB` },
          { OS: system.os },
          { Node: system.node },
          { GPUs: system.gpus.length > 0 ? system.gpus.map((g) => `${g.vendor} ${g.model}${g.memoryMb ? ` (${g.memoryMb} MiB)` : ''}`).join('\n') : 'none found' },
        );
        const backendTable = new Table({ style: tableStyle(), head: ['backend', 'available', 'detail'] });
        for (const b of backends) backendTable.push([b.name, b.available ? 'yes' : 'no', b.detail]);
        process.stdout.write(table.toString() + '\n' + backendTable.toString() + '\n');
        return EXIT.ok;
      }),
    );
}
