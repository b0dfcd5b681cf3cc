/**
 * Records keyed by user-given names (category names from a suite file, report keys): built and read as own
 * properties only, so names such as `__proto__` or `constructor` are data, never Object.prototype.
 */

/** A plain record from a Map; `Object.fromEntries` defines own properties, so `__proto__` stays a key. */
export function toRecord<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries(map);
}

/** The record's own [key, value] pairs (never inherited ones). */
export function ownEntries<T>(record: Record<string, T> | undefined | null): [string, T][] {
  if (!record) return [];
  return Object.keys(record).map((k) => [k, record[k]] as [string, T]);
}

/** The value of an own property, or undefined (never an inherited one such as `constructor`). */
export function ownGet<T>(record: Record<string, T> | undefined | null, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
