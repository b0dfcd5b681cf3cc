/**
 * The output folder of `gasm report`, which may be reused run after run. Chart file names come from report
 * data and are made safe here; every path is checked to lie inside the folder. A manifest
 * (`.gasm-report-files.json`) lists the files the last run wrote, so that a new run removes the ones it did not
 * write again (stale charts of an earlier report) — and only those: a file the tool never wrote is never
 * deleted; image and page files the tool did not write are listed as a warning instead, and one that a run would
 * write over (a user's own summary.md in the folder named by --out) stops the run before anything is written.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { readBoundedFile } from '../io/bounded-read.js';
import { safeFileStem, safeJoin } from '../io/safe-path.js';
import { writeFileAtomic } from './atomic-write.js';

/** The manifest's name inside the output folder. */
export const MANIFEST_NAME = '.gasm-report-files.json';

/** Largest manifest read (bytes). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** File types `gasm report` writes; other files are never listed or touched. */
const OUTPUT_EXTENSIONS = ['.png', '.md', '.html'];

/** A chart's file name from its (untrusted) name, with or without '.png': a safe stem plus '.png'. */
export function chartFileName(name: string): string {
  return `${safeFileStem(name.replace(/\.png$/i, ''))}.png`;
}

/** Names the last run recorded in the manifest; [] when there is none or it is unreadable. */
async function readManifest(outDir: string): Promise<string[]> {
  try {
    const bytes = await readBoundedFile(safeJoin(outDir, MANIFEST_NAME), { limit: MAX_MANIFEST_BYTES, what: 'manifest' });
    const value = JSON.parse(bytes.toString('utf8')) as { files?: unknown };
    return Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Throws InputError when a file this run would write (`names`, inside `outDir`) already exists there and the
 * folder's manifest does not list it: a file that `gasm report` did not write is never replaced.
 */
export async function assertOwnedOutputs(outDir: string, names: readonly string[]): Promise<void> {
  const mine = new Set(await readManifest(outDir));
  const foreign: string[] = [];
  for (const name of names) {
    if (mine.has(name)) continue;
    if (await lstat(safeJoin(outDir, name)).then(() => true, () => false)) foreign.push(name);
  }
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
  throw new InputError(
    `${outDir} already holds ${shown}, which gasm report did not write (${MANIFEST_NAME} does not list ${foreign.length === 1 ? 'it' : 'them'}): ` +
      'it would be replaced; choose another --out folder, or move the file away',
  );
}

/**
 * After a run wrote `written` (paths inside `outDir`): removes the files the previous run wrote that this one
 * did not (regular files with an output extension, inside the folder), records the new manifest, and lists
 * output-type files this tool did not write as `unknown` (left alone).
 */
export async function clearStaleOutputs(outDir: string, written: string[]): Promise<{ removed: string[]; unknown: string[] }> {
  const now = new Set(written.map((p) => basename(p)));
  const before = await readManifest(outDir);
  const removed: string[] = [];
  for (const name of before) {
    if (now.has(name) || name !== basename(name) || !OUTPUT_EXTENSIONS.some((e) => name.endsWith(e))) continue;
    let path: string;
    try {
      path = safeJoin(outDir, name);
    } catch {
      continue;
    }
    const isFile = await lstat(path).then((s) => s.isFile(), () => false);
    if (isFile && (await rm(path).then(() => true, () => false))) removed.push(path);
  }
  await writeFileAtomic(safeJoin(outDir, MANIFEST_NAME), JSON.stringify({ tool: 'gasm report', files: [...now].sort() }, null, 2) + '\n');
  const known = new Set([...now, ...before]);
  const names = await readdir(outDir).catch(() => [] as string[]);
  const unknown = names.filter((n) => !known.has(n) && !n.startsWith('.') && OUTPUT_EXTENSIONS.some((e) => n.endsWith(e))).sort();
  return { removed, unknown };
}
