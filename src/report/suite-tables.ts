/** Every table of every suite a report holds, from the registry, in registry order (terminal, Markdown, HTML share it). */
import type { Table } from '../suites/contract.js';
import { ownGet } from '../suites/records.js';
import { SUITE_LIST } from '../suites/registry.js';
import { viewOf } from './charts/theme.js';
import type { BenchReport } from './types.js';

export function suiteTables(report: BenchReport): Table[] {
  const view = viewOf(report);
  const suites = report.suites as Record<string, unknown>;
  return SUITE_LIST.flatMap((s) => {
    const result = ownGet(suites, s.name);
    return result === undefined ? [] : s.tables(result, view);
  });
}
