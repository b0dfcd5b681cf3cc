/**
 * Report types, all `Static<>` of the TypeBox schemas (schema.ts, schema-common.ts and each suite's
 * schema.ts): re-exported here under the names the rest of the code uses.
 */
import type { Static } from '@sinclair/typebox';
import type { ConfigSchema, SystemSchema, TimelineSampleSchema, TimelineSchema } from './schema-common.js';

export { SCHEMA_VERSION, type BenchReport, type SuiteResults } from './schema.js';
export type { CaseMarkData as CaseMark, OutcomeData as SuiteOutcomeRecord, QualityData as QualityFigures, ReportWarningData as ReportWarning, StageBreakdownData as StageBreakdownMs } from './schema-common.js';
export type { ComplexityFit, Summary } from '../stats/types.js';
export type { ThroughputCategory, ThroughputResult as ThroughputSuite } from '../suites/throughput/schema.js';

export type BenchConfig = Static<typeof ConfigSchema>;
export type SystemInfo = Static<typeof SystemSchema>;
export type GpuInfo = SystemInfo['gpus'][number];
export type Timeline = Static<typeof TimelineSchema>;
export type TimelineSample = Static<typeof TimelineSampleSchema>;
