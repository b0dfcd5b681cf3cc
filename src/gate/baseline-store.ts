/**
 * Saved baselines: a validated copy of a report under `.gasm/baselines/<name>.json`. A save creates the file
 * exclusively (two saves at once: one wins, the other is told the baseline exists); only `force` replaces an
 * existing baseline, atomically.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { createExclusive } from '../io/exclusive-create.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { loadReport } from '../report/load.js';

export const DEFAULT_BASELINE_DIR = join('.gasm', 'baselines');
export const DEFAULT_BASELINE_NAME = 'default';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Path of a named baseline. */
export function baselinePath(name = DEFAULT_BASELINE_NAME, dir = DEFAULT_BASELINE_DIR): string {
  if (!NAME.test(name)) throw new InputError(`baseline name '${name}' must be letters, digits, '.', '_' or '-' (at most 64)`);
  return join(dir, `${name}.json`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** Saves a report as a baseline; refuses to replace an existing one unless `force`. Returns the path. */
export async function saveBaseline(reportPath: string, options: { dir?: string; name?: string; force?: boolean } = {}): Promise<string> {
  const report = await loadReport(reportPath);
  const target = baselinePath(options.name, options.dir);
  const text = JSON.stringify(report, null, 2) + '\n';
  if (options.force) await writeFileAtomic(target, text);
  else if (!(await createExclusive(target, text))) {
    throw new InputError(`baseline ${target} already exists; use --force to replace it`);
  }
  return target;
}

/** Path of a saved baseline; InputError when none is saved under that name. */
export async function findBaseline(name = DEFAULT_BASELINE_NAME, dir = DEFAULT_BASELINE_DIR): Promise<string> {
  const path = baselinePath(name, dir);
  if (!(await exists(path))) {
    throw new InputError(`no baseline '${name}' saved (looked for ${path}); save one with: gasm baseline save <report.json>`);
  }
  return path;
}
