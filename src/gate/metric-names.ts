/**
 * How the gate's flags name metrics (`--metric`, `--threshold-for`): a metric id, a prefix of one, or a pattern
 * with `*` for one dotted segment (`latency.*.p99`). A name that matches no metric is refused, never ignored.
 */
import { ConfigError } from '../errors.js';

/** Ids shown when a name matches nothing. */
const SHOWN_IDS = 12;

/** Whether a metric id is named by a key: equal, a prefix, or a pattern with `*` for one dotted segment. */
export function namesMetric(key: string, id: string): boolean {
  if (key.includes('*')) return new RegExp(`^${key.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`).test(id);
  return id === key || id.startsWith(key);
}

/** ConfigError for keys of `flag` that name none of `ids`, naming them and listing the metric ids there are. */
export function assertKnownMetrics(flag: string, keys: readonly string[], ids: readonly string[], where = 'compared here'): void {
  const unknown = keys.filter((k) => !ids.some((id) => namesMetric(k, id)));
  if (unknown.length === 0) return;
  const families = [...new Set(ids.map((id) => id.split('.')[0]))].sort();
  const shown = ids.length <= SHOWN_IDS ? ids.join(', ') : `${ids.slice(0, SHOWN_IDS).join(', ')}, … (${ids.length} in all)`;
  throw new ConfigError(`${flag} names no metric ${where}: ${unknown.map((k) => `'${k}'`).join(', ')}; metric ids start with ${families.join(', ')} — e.g. ${shown}`);
}
