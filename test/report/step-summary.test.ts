import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendStepSummary } from '../../src/report/step-summary.js';

test('a job summary in a missing folder is a warning, not an error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-summary-'));
  const warning = await appendStepSummary('# x', { GITHUB_STEP_SUMMARY: join(dir, 'missing', 'summary.md') });
  assert.match(warning ?? '', /cannot append to the GITHUB_STEP_SUMMARY file .*missing.*: no such file or folder/);
  assert.equal(await appendStepSummary('# x', { GITHUB_STEP_SUMMARY: join(dir, 'ok.md') }), null);
  assert.equal(await readFile(join(dir, 'ok.md'), 'utf8'), '# x\n');
  assert.equal(await appendStepSummary('# x', {}), null);
});
