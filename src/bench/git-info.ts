/**
 * Git facts of the working folder (commit, branch, dirty) for reports and history, read without running any
 * program the repository configures: a checkout is untrusted, and `git status` would otherwise run its
 * `core.fsmonitor` command, its clean/process filters (via .gitattributes), hooks and submodules' own config.
 * So git runs with fsmonitor off, hooks pointed at /dev/null, every configured filter driver emptied,
 * submodules ignored, no optional locks (no index write, so no post-index-change hook), no system config,
 * no pager and no terminal prompt.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a report's numbers came from in git. */
export interface GitInfo {
  commit: string;
  /** Branch checked out; on a detached HEAD, the CI's branch (GITHUB_HEAD_REF, GITHUB_REF_NAME) or null. */
  branch: string | null;
  /** Tracked files differ from the commit (untracked files do not count). */
  dirty: boolean;
}

/** Longest any git call may take before the facts are given up on. */
const GIT_TIMEOUT_MS = 5000;

/** Environment for git: no system config, no pager, no prompt, no optional locks, no inherited repo paths. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_EXTERNAL_DIFF']) delete env[key];
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_ASKPASS: '', SSH_ASKPASS: '' };
}

/** Options that switch off every repository-configured program git could run while reading status. */
const SAFE_OPTIONS = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '--no-optional-locks'];

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', [...SAFE_OPTIONS, ...args], { cwd, timeout: GIT_TIMEOUT_MS, env: gitEnv(), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** `-c filter.<name>.clean= …` for every filter driver configured anywhere (repository, includes, global). */
async function filterOverrides(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['config', '--name-only', '--get-regexp', '^filter\\.']).catch(() => '');
  const drivers = new Set<string>();
  for (const key of out.split('\n')) {
    const m = /^filter\.(.+)\.[^.]+$/.exec(key.trim());
    if (m) drivers.add(m[1]);
  }
  return [...drivers].flatMap((d) => ['-c', `filter.${d}.clean=`, '-c', `filter.${d}.smudge=`, '-c', `filter.${d}.process=`, '-c', `filter.${d}.required=false`]);
}

/** The branch name from the environment of a CI job on a detached HEAD. */
function ciBranch(): string | null {
  return process.env.GITHUB_HEAD_REF || process.env.GITHUB_REF_NAME || null;
}

/** null outside a repository, where git is absent, or where git refuses the folder (another owner). */
export async function readGitInfo(cwd = process.cwd()): Promise<GitInfo | null> {
  try {
    const commit = (await git(cwd, ['rev-parse', '--verify', '-q', 'HEAD'])).trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return null;
    const branch = (await git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']).catch(() => '')).trim() || ciBranch();
    const filters = await filterOverrides(cwd);
    const status = await git(cwd, [...filters, 'status', '--porcelain', '--untracked-files=no', '--ignore-submodules=all']);
    return { commit, branch, dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}
