/**
 * The gate's metric definitions live in the Suite contract (src/suites/contract.ts): every suite declares
 * its metrics with their unit of independence. Re-exported here for the gate's modules.
 */
export type { Direction, Metric, ProportionMetric, SampleMetric, Statistic, UnitOfIndependence } from '../suites/contract.js';
