/**
 * The branch a run is recorded under when its report does not name one: GASM_BRANCH when set, else the CI
 * system's branch variable (a CI checkout is usually a detached HEAD), else the branch HEAD points at, read
 * from the repository's HEAD file (no git process: recording must stay within its time budget, and no program
 * the repository configures runs); null when none is known.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** CI variables that name the branch, in the order they are read. */
const CI_BRANCH_VARIABLES = ['GITHUB_HEAD_REF', 'GITHUB_REF_NAME', 'CI_COMMIT_REF_NAME', 'BUILDKITE_BRANCH', 'CIRCLE_BRANCH', 'BRANCH_NAME'];

/** Folders walked up from the working folder looking for `.git`. */
const MAX_DEPTH = 64;
/** Largest HEAD or `.git` file read. */
const MAX_HEAD_BYTES = 4096;

async function readSmall(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_HEAD_BYTES) return null;
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** The git folder of the repository holding `cwd` (a `.git` folder, or the one a `.git` file points to). */
async function gitDirOf(cwd: string): Promise<string | null> {
  let dir = resolve(cwd);
  for (let i = 0; i < MAX_DEPTH; i++) {
    const candidate = join(dir, '.git');
    const info = await stat(candidate).catch(() => null);
    if (info?.isDirectory()) return candidate;
    if (info?.isFile()) {
      // A worktree or submodule: "gitdir: <path>".
      const m = /^gitdir:\s*(.+?)\s*$/m.exec((await readSmall(candidate)) ?? '');
      return m ? (isAbsolute(m[1]) ? m[1] : resolve(dir, m[1])) : null;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

/** The branch HEAD names in the repository holding `cwd`; null for a detached HEAD or outside a repository. */
export async function headBranch(cwd: string): Promise<string | null> {
  const gitDir = await gitDirOf(cwd);
  if (!gitDir) return null;
  const head = await readSmall(join(gitDir, 'HEAD'));
  const m = head ? /^ref:\s*refs\/heads\/(\S+)\s*$/.exec(head.trim()) : null;
  return m ? m[1] : null;
}

/** The branch of the working folder, or null (detached HEAD with no CI variable, or not a repository). */
export async function readBranch(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.GASM_BRANCH?.trim()) return env.GASM_BRANCH.trim();
  for (const name of CI_BRANCH_VARIABLES) if (env[name]?.trim()) return env[name]!.trim();
  return headBranch(cwd);
}
