/**
 * gasm-bench as a library: the pipeline bridge, the suite registry and contract, the report format, loading
 * and comparing reports. The CLI (src/cli) is built on exactly these.
 */
export { createBridge, type BridgeConfig, type GasmBridge } from './pipeline/bridge.js';
export type { GasmResponse, SceneSpec } from './pipeline/types.js';
export { SUITES, SUITE_LIST, findSuite, type SuiteName } from './suites/registry.js';
export { defineSuite } from './suites/contract.js';
export type { AnySuite, ChartSpec, ExportFigure, Metric, ProgressEvent, RunContext, Suite, SuiteOutcome, Table } from './suites/contract.js';
export { runBenchmark, type BenchOptions } from './bench/run-bench.js';
export { ReportSchema, SCHEMA_VERSION, type BenchReport } from './report/schema.js';
export { validateReport } from './report/validate.js';
export { loadReport, loadReports } from './report/load.js';
export { extractMetrics } from './gate/extract.js';
export { compareReports, type GateOptions, type GateResult } from './gate/compare.js';
/** The statistics the tool uses (pure functions over number[]: summaries, bootstrap intervals, tests, fits). */
export * as stats from './stats/index.js';
