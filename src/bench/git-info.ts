/** Git commit and dirty flag of the working folder, when it is a git repository. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** null outside a repository or where git is absent. */
export async function readGitInfo(cwd = process.cwd()): Promise<{ commit: string; dirty: boolean } | null> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000 });
    const { stdout: status } = await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, timeout: 5000 });
    return { commit: commit.trim(), dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}
