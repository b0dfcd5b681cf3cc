/** Options of the scalability suite, validated before anything runs. */
import { DEFAULT_BATCH_SIZES, DEFAULT_OBJECT_COUNTS } from '../../bench/constants.js';
import { parseChoice } from '../../cli/parse-options.js';
import { CATEGORIES } from '../../bench/instruction-files.js';
import type { OptionSpec, RawFlags } from '../contract.js';
import { distinctIntegerList, MAX_BATCH_SIZE, PIPELINE_CATEGORY_OPTION, text } from '../shared-options.js';

/** Largest scene of the sweep: 256 objects take about 40 ms per instruction on a 2-core VM (wasm). */
export const MAX_OBJECTS = 256;

export interface ScalabilityOptions {
  category: string;
  batchSizes: number[];
  objects: number[];
}

export const SCALABILITY_OPTIONS: OptionSpec[] = [
  PIPELINE_CATEGORY_OPTION,
  { flags: '--batch-sizes <list>', description: 'batch sizes of the scalability sweep (distinct)', defaultValue: DEFAULT_BATCH_SIZES.join(',') },
  { flags: '--objects <list>', description: 'scene sizes (objects) of the scalability sweep (distinct)', defaultValue: DEFAULT_OBJECT_COUNTS.join(',') },
];

export function parseScalabilityOptions(flags: RawFlags): ScalabilityOptions {
  return {
    category: parseChoice('--scalability-category', text(flags, 'scalabilityCategory', 'medium'), CATEGORIES),
    batchSizes: distinctIntegerList('--batch-sizes', text(flags, 'batchSizes', DEFAULT_BATCH_SIZES.join(',')), 1, MAX_BATCH_SIZE),
    objects: distinctIntegerList('--objects', text(flags, 'objects', DEFAULT_OBJECT_COUNTS.join(',')), 1, MAX_OBJECTS),
  };
}
