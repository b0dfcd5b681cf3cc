/**
 * Legend labels for several reports side by side: each run named by its commit (`0123abcd`, `+dirty` when the
 * tree had changes) and by what differs in its configuration from the others (`batchSize=32`, `model.heads=8`,
 * `backend=cpu`); when that still leaves two labels equal, the creation time tells them apart. Only differences
 * are shown, so a reader sees at once what the comparison is about.
 */
import type { BenchReport } from './types.js';

/** Longest value shown for one differing setting. */
const MAX_VALUE_CHARS = 24;
/** Most differing settings named in one label (the rest are counted). */
const MAX_SETTINGS = 4;

type Flat = Map<string, string>;

/** Deepest nesting of a configuration compared (deeper values are shown as '…'). */
const MAX_DEPTH = 8;

/** A leaf value as text (String() throws on an object without a prototype, as reports are loaded). */
function text(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) ?? '' : String(value);
}

/**
 * Settings as `a.b.c → value` pairs: objects by key, arrays of plain values joined with commas, arrays holding
 * objects (compare's variants) element by element as `variants[1].config.attention`.
 */
function flatten(value: unknown, prefix: string, out: Flat, depth = 0): void {
  if (depth > MAX_DEPTH) {
    out.set(prefix, '…');
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) out.set(prefix, value.map(text).join(','));
    else value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out, depth + 1));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    return;
  }
  out.set(prefix, text(value));
}

/** The settings compared: the run's config (suite options included), backend, CPU and tool version. */
function settingsOf(r: BenchReport): Flat {
  const out: Flat = new Map();
  flatten(r.config, '', out);
  out.set('cpu', r.system.cpuModel);
  out.set('gasm', r.tool.version);
  // config.backend is the request; system.backend what ran.
  out.set('backend', r.system.backend);
  // The suite options are keyed under config.suites.<name>: drop that prefix for readability.
  return new Map([...out].map(([k, v]) => [k.replace(/^suites\./, ''), v]));
}

function commitOf(r: BenchReport): string {
  return r.git ? `${r.git.commit.slice(0, 8)}${r.git.dirty ? '+dirty' : ''}` : 'no git';
}

const short = (v: string) => (v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS - 1)}…` : v);

/** One label per report, in order. `names` (file names) are used only when nothing else tells two runs apart. */
export function comparisonLabels(reports: readonly BenchReport[], names: readonly string[] = []): string[] {
  const settings = reports.map(settingsOf);
  const keys = [...new Set(settings.flatMap((s) => [...s.keys()]))].sort();
  const differing = keys.filter((k) => new Set(settings.map((s) => s.get(k) ?? '(none)')).size > 1);
  const labels = reports.map((r, i) => {
    const diffs = differing.map((k) => `${k}=${short(settings[i].get(k) ?? '(none)')}`);
    const shown = diffs.slice(0, MAX_SETTINGS).join(', ') + (diffs.length > MAX_SETTINGS ? `, +${diffs.length - MAX_SETTINGS} more` : '');
    return shown ? `${commitOf(r)} · ${shown}` : commitOf(r);
  });
  return labels.map((label, i) => {
    if (labels.filter((l) => l === label).length === 1) return label;
    const when = reports[i].createdAt.replace('T', ' ').slice(0, 19);
    return names[i] ? `${label} · ${names[i]} ${when}` : `${label} · ${when}`;
  });
}
