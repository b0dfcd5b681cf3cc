/**
 * The suite registry: every benchmark suite, one line each. The bench command, the report schema, the gate,
 * the exporters, Markdown/HTML, the charts and the terminal tables iterate this list; adding a suite is its
 * folder plus one line here. Order is the order `gasm bench all` runs them and reports show them.
 */
import type { AnySuite } from './contract.js';
import { compareSuite } from './compare/index.js';
import { memorySuite } from './memory/index.js';
import { parallelSuite } from './parallel/index.js';
import { scalabilitySuite } from './scalability/index.js';
import { serverSuite } from './server/index.js';
import { throughputSuite } from './throughput/index.js';

export const SUITES = [
  throughputSuite,
  scalabilitySuite,
  memorySuite,
  parallelSuite,
  serverSuite,
  compareSuite,
] as const;

/** A registered suite's name. */
export type SuiteName = (typeof SUITES)[number]['name'];

/** Every registered suite, as the loosely typed list the generic code iterates. */
export const SUITE_LIST: readonly AnySuite[] = SUITES;

/** The suite of that name, or undefined (own lookup: no prototype names). */
export function findSuite(name: string): AnySuite | undefined {
  return SUITE_LIST.find((s) => s.name === name);
}

/** Names `gasm bench` accepts: every suite and `all` (the suites with inAll). */
export function benchTargets(): string[] {
  return [...SUITE_LIST.map((s) => s.name), 'all'];
}
