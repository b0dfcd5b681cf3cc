/**
 * The report format, from one definition: the shared fields (schema-common.ts) plus `suites`, built from the
 * registry's result schemas. `BenchReport` is `Static<>` of it, and the loader validates against it, so the
 * type, the JSON Schema and their documentation cannot drift apart. The schema is code and ships in the
 * package; `gasm schema`-style consumers can print `JSON.stringify(ReportSchema)`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { ResultOf } from '../suites/contract.js';
import { SUITE_LIST, SUITES } from '../suites/registry.js';
import { ConfigSchema, nullable, num, OutcomeSchema, str, SystemSchema, TimelineSchema, WarningSchema } from './schema-common.js';

/** Version of the report format. 2: suites on the Suite contract, single-stream latency, outcomes per suite. */
export const SCHEMA_VERSION = 2;

type Registered = (typeof SUITES)[number];
/** Each registered suite's result, keyed by its name; absent when the suite did not run. */
export type SuiteResults = { [S in Registered as S['name']]?: ResultOf<S> };

const suiteProperties: Record<string, TSchema> = Object.fromEntries(SUITE_LIST.map((s) => [s.name, Type.Optional(s.schema)]));

export const SuitesSchema = Type.Object(suiteProperties, { description: 'results per suite, keyed by suite name (see src/suites/registry.ts)', additionalProperties: false });

export const ReportSchema = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION, { description: 'version of this format' }),
    complete: Type.Boolean({ description: 'false when the run was interrupted; what was measured so far is kept' }),
    tool: Type.Object({ name: str('package name'), version: str('package version') }, { description: 'the tool that wrote the report' }),
    createdAt: str('when the run started, ISO 8601'),
    durationMs: num('wall time of the whole run, ms'),
    process: Type.Object(
      {
        startupMs: num('ms from process start to the benchmark start: Node start-up and module loading'),
        backendInitMs: num('ms to initialise the tfjs backend and build the network'),
        totalMs: num('ms from process start to the report being assembled'),
      },
      { description: 'where the process’s time went, so an outside timer (hyperfine) can be reconciled with the measured time' },
    ),
    git: nullable(Type.Object({ commit: str('commit hash'), branch: Type.Optional(nullable(Type.String(), 'branch checked out (or the CI job\'s branch on a detached HEAD); null when unknown')), dirty: Type.Boolean({ description: 'uncommitted changes present' }) }), 'the checkout measured, or null outside git'),
    system: SystemSchema,
    config: ConfigSchema,
    suites: SuitesSchema,
    outcomes: Type.Record(Type.String(), OutcomeSchema, { description: 'how each requested suite ended, keyed by suite name' }),
    timeline: TimelineSchema,
    warnings: Type.Array(WarningSchema, { description: 'warnings about the run and the measurement' }),
  },
  { description: 'a gasm benchmark report: one JSON document per `gasm bench` run', $id: 'https://gasm-bench/report.schema.json' },
);

type ReportStatic = Static<typeof ReportSchema>;
/** A report, with `suites` typed per registered suite. */
export type BenchReport = Omit<ReportStatic, 'suites'> & { suites: SuiteResults };
