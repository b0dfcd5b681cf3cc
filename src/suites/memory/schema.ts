/** The memory suite's result, as stored at `report.suites.memory`. */
import { Type, type Static } from '@sinclair/typebox';
import { bytes, int, NamedRecord, num, samples, str } from '../../report/schema-common.js';

export const MemoryPointSchema = Type.Object(
  {
    t: num('ms since the category started'),
    instructions: int('instructions processed so far (measured repetitions)'),
    heapUsed: bytes('JS heap used (no GC forced at this point)'),
    rss: bytes('resident set size'),
    tensors: int('live tfjs tensors'),
  },
  { description: 'one point after a batch' },
);

export const MemoryCategorySchema = Type.Object(
  {
    instructions: int('instructions per repetition'),
    repetitions: int('measured repetitions (one retained-bytes sample each)'),
    gcExposed: Type.Boolean({ description: 'whether a full GC could be forced before each snapshot' }),
    heapUsedBefore: bytes('heap after GC before the first measured repetition'),
    heapUsedAfter: bytes('heap after GC after the last repetition'),
    heapUsedPeak: bytes('highest heap seen between batches'),
    rssBefore: bytes('RSS before'),
    rssAfter: bytes('RSS after'),
    rssPeak: bytes('highest RSS seen'),
    externalBytes: bytes('memory of C++ objects bound to JS, after'),
    arrayBuffersBytes: bytes('ArrayBuffer memory, after'),
    tensorsBefore: int('live tensors before'),
    tensorsAfter: int('live tensors after'),
    tensorBytesBefore: bytes('tensor memory before'),
    tensorBytesAfter: bytes('tensor memory after'),
    leakedTensors: int('tensorsAfter − tensorsBefore'),
    retainedBytesPerInstruction: num('median over repetitions of (heap after GC − heap before, after GC) / instructions, bytes'),
    samples: samples('retained bytes per instruction, one per repetition'),
    leak: Type.Boolean({ description: 'tensors left behind, or retained bytes above the limit' }),
    verdict: str('the leak verdict in words'),
    timeline: Type.Array(MemoryPointSchema, { description: 'memory after each batch of the measured repetitions' }),
  },
  { description: 'one instruction category' },
);
export type MemoryCategory = Static<typeof MemoryCategorySchema>;
export type MemoryPoint = Static<typeof MemoryPointSchema>;

export const MemorySchema = Type.Object(
  {
    batchSize: int('instructions per processBatch call'),
    categories: NamedRecord(MemoryCategorySchema, 'results per instruction category'),
  },
  { description: 'memory suite: heap, RSS and tensors over repeated runs, retained bytes per instruction, leak verdict' },
);
export type MemoryResult = Static<typeof MemorySchema>;
