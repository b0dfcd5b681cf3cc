import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideColour } from '../../src/cli/colour.js';
import { runCli } from '../helpers/run-cli.js';

const ESC = '\x1b[';
const RED = '\x1b[31m';

test('colour: --color wins, then NO_COLOR (non-empty), then FORCE_COLOR, then whether the stream is a terminal', () => {
  assert.equal(decideColour('auto', {}, true), true);
  assert.equal(decideColour('auto', {}, false), false);
  assert.equal(decideColour('auto', { NO_COLOR: '1' }, true), false);
  assert.equal(decideColour('auto', { NO_COLOR: '' }, true), true, 'an empty NO_COLOR is ignored (no-color.org)');
  assert.equal(decideColour('auto', { FORCE_COLOR: '1' }, false), true);
  assert.equal(decideColour('auto', { FORCE_COLOR: '0' }, true), false);
  assert.equal(decideColour('auto', { FORCE_COLOR: 'false' }, true), false);
  assert.equal(decideColour('auto', { NO_COLOR: '1', FORCE_COLOR: '1' }, true), false);
  assert.equal(decideColour('always', { NO_COLOR: '1' }, false), true);
  assert.equal(decideColour('never', { FORCE_COLOR: '1' }, true), false);
});

test('piped output carries no escape codes; NO_COLOR beats FORCE_COLOR; --color always forces colour, with headers that are not red', async () => {
  const instruction = 'stack the three plates';
  const piped = await runCli(['run', instruction]);
  assert.equal(piped.code, 0, piped.stderr);
  assert.ok(piped.stdout.includes('entity'));
  assert.ok(!piped.stdout.includes(ESC) && !piped.stderr.includes(ESC), 'no escape codes in piped output');

  const noColour = await runCli(['run', instruction], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  assert.ok(!noColour.stdout.includes(ESC), 'NO_COLOR disables colour');

  const forced = await runCli(['--color', 'always', 'run', instruction]);
  assert.ok(forced.stdout.includes(ESC), '--color always writes colour to a pipe');
  assert.ok(!forced.stdout.includes(RED), 'headers are not red (red is kept for failures)');
  assert.ok(forced.stdout.startsWith('\x1b[32mok\x1b[39m'), 'a success reads green');

  const never = await runCli(['run', '--color', 'never', instruction], { env: { FORCE_COLOR: '1' } });
  assert.ok(!never.stdout.includes(ESC), '--color never (after the command name too) beats FORCE_COLOR');
});

test('--color refuses an unknown value as bad usage', async () => {
  const r = await runCli(['run', '--color', 'sometimes', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--color.*sometimes.*auto, always, never/);
});
