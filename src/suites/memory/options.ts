/** Options of the memory suite. */
import { DEFAULT_MEMORY_INSTRUCTIONS, DEFAULT_MEMORY_REPETITIONS } from '../../bench/constants.js';
import { parseInteger } from '../../cli/parse-options.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { BATCH_SIZE_OPTION, batchSizeOf, text } from '../shared-options.js';

export interface MemoryOptions {
  instructions: number;
  repetitions: number;
  batchSize: number;
  /** Retained heap per instruction above which a category is called a leak, bytes. */
  leakBytesPerInstruction?: number;
}

export const MEMORY_OPTIONS: OptionSpec[] = [
  BATCH_SIZE_OPTION,
  { flags: '--memory-instructions <n>', description: 'instructions per memory repetition', defaultValue: String(DEFAULT_MEMORY_INSTRUCTIONS) },
  { flags: '--memory-repetitions <n>', description: 'memory repetitions (retained-bytes samples)', defaultValue: String(DEFAULT_MEMORY_REPETITIONS) },
];

export function parseMemoryOptions(flags: RawFlags): MemoryOptions {
  return {
    instructions: parseInteger('--memory-instructions', text(flags, 'memoryInstructions', String(DEFAULT_MEMORY_INSTRUCTIONS)), 1, 10_000_000),
    repetitions: parseInteger('--memory-repetitions', text(flags, 'memoryRepetitions', String(DEFAULT_MEMORY_REPETITIONS)), 1, 1000),
    batchSize: batchSizeOf(flags),
  };
}
