/**
 * GitHub Actions' job summary: when GITHUB_STEP_SUMMARY names a file, Markdown is appended to it. A summary
 * that cannot be written is a warning, never a failure: the command's exit code keeps its meaning (a passing
 * gate stays a pass).
 */
import { appendFile } from 'node:fs/promises';
import { describeFsError } from '../io/fs-errors.js';

/** Appends `markdown` to $GITHUB_STEP_SUMMARY when set; returns a warning when it could not, else null. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return null;
  try {
    await appendFile(file, markdown + '\n');
    return null;
  } catch (error) {
    return `cannot append to the GITHUB_STEP_SUMMARY file ${file}: ${describeFsError(error)}; the job summary is left out`;
  }
}
