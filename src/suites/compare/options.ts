/** Options of the compare suite, validated before anything runs. */
import { parseInteger, parseNumber } from '../../cli/parse-options.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { batchSizeOf, text } from '../shared-options.js';
import { parseVariants, VARIANT_KEYS, type Variant } from './variant-spec.js';

export const DEFAULT_ROUNDS = 20;
export const DEFAULT_ROUND_TIME_MS = 200;
export const DEFAULT_COMPARE_SEED = 1;

export interface CompareOptions {
  variants: Variant[];
  /** Interleaved rounds; every variant runs once per round, in a shuffled order. */
  rounds: number;
  /** About how long the first variant's share of a round takes (sets the instructions per round). */
  roundTimeMs: number;
  /** Seed of the round orders and of the workload. */
  seed: number;
  /** Share of repeated instructions in the workload, or null for the instruction sets cycled. */
  repeatRatio: number | null;
  /** Batch size of variants that set none. */
  batchSize: number;
}

export const COMPARE_OPTIONS: OptionSpec[] = [
  { flags: '--variant <specs...>', description: `a variant NAME:KEY=VALUE[,KEY=VALUE…] (repeatable; empty after the colon = the run's configuration); keys: ${VARIANT_KEYS.join(', ')}` },
  { flags: '--variants <file>', description: 'variants from a JSON file: [{ "name": "fused", "config": { "attention": "fused" } }, …]' },
  { flags: '--rounds <n>', description: 'interleaved rounds of the comparison (every variant once per round, shuffled order)', defaultValue: String(DEFAULT_ROUNDS) },
  { flags: '--round-time <ms>', description: "about how long one variant's share of a round takes (sets the instructions per round)", defaultValue: String(DEFAULT_ROUND_TIME_MS) },
  { flags: '--repeat-ratio <r>', description: 'share of repeated instructions in the compare workload (0 to 0.99; e.g. 0.8 to measure a cache)' },
  { flags: '--compare-seed <n>', description: 'seed of the round orders and the workload', defaultValue: String(DEFAULT_COMPARE_SEED) },
];

export function parseCompareOptions(flags: RawFlags): CompareOptions {
  const raw = flags.variant;
  const specs = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const file = flags.variants === undefined ? undefined : String(flags.variants);
  const repeat = flags.repeatRatio;
  const options: CompareOptions = {
    variants: parseVariants(specs, file),
    rounds: parseInteger('--rounds', text(flags, 'rounds', String(DEFAULT_ROUNDS)), 3, 10_000),
    roundTimeMs: parseNumber('--round-time', text(flags, 'roundTime', String(DEFAULT_ROUND_TIME_MS)), 1, 600_000),
    seed: parseInteger('--compare-seed', text(flags, 'compareSeed', String(DEFAULT_COMPARE_SEED)), 0, 2 ** 31 - 1),
    repeatRatio: repeat === undefined ? null : parseNumber('--repeat-ratio', String(repeat), 0, 0.99),
    batchSize: batchSizeOf(flags),
  };
  return options;
}
