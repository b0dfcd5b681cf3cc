/**
 * The branch a run is recorded under when its report does not name one: GASM_BRANCH when set, else the CI
 * system's branch variable (a CI checkout is usually a detached HEAD), else `git rev-parse --abbrev-ref HEAD`;
 * null when none is known.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** CI variables that name the branch, in the order they are read. */
const CI_BRANCH_VARIABLES = ['GITHUB_HEAD_REF', 'GITHUB_REF_NAME', 'CI_COMMIT_REF_NAME', 'BUILDKITE_BRANCH', 'CIRCLE_BRANCH', 'BRANCH_NAME'];

/** The branch of the working folder, or null (detached HEAD with no CI variable, or not a repository). */
export async function readBranch(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.GASM_BRANCH?.trim()) return env.GASM_BRANCH.trim();
  for (const name of CI_BRANCH_VARIABLES) if (env[name]?.trim()) return env[name]!.trim();
  try {
    // Only reads HEAD; the repository's configured programs (fsmonitor, hooks) are switched off all the same.
    const { stdout } = await run('git', ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-optional-locks', 'rev-parse', '--abbrev-ref', 'HEAD'], {
      cwd,
      timeout: 5000,
      env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
    const branch = stdout.trim();
    return branch && branch !== 'HEAD' ? branch : null;
  } catch {
    return null;
  }
}
