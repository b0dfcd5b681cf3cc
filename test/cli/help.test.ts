import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_LIST } from '../../src/suites/registry.js';
import { runCli } from '../helpers/run-cli.js';

const COMMANDS = [['run'], ['bench'], ['report'], ['export'], ['gate'], ['baseline', 'save'], ['baseline', 'show'], ['profile'], ['info']];

async function helpOf(command: string[]): Promise<string> {
  const r = await runCli([...command, '--help']);
  assert.equal(r.code, 0, `${command.join(' ')} --help: ${r.stderr}`);
  return r.stdout;
}

test('every command’s --help has examples, shows the global --color, and prints defaults one way', async () => {
  for (const command of COMMANDS) {
    const help = await helpOf(command);
    const name = command.join(' ');
    assert.match(help, /\nExamples:\n {2}gasm /, `${name} has examples`);
    assert.match(help, /--color <when>/, `${name} shows --color`);
    assert.doesNotMatch(help.replace(/\s+/g, ' '), /\(default [^:]/, `${name}: defaults read "(default: X)"`);
  }
});

test('a short flag means one thing in every command (-c is --category, -f is --format)', async () => {
  const meaning = new Map<string, Set<string>>();
  for (const command of [...COMMANDS, ['history', 'show']]) {
    for (const m of (await helpOf(command)).matchAll(/^\s+(-[A-Za-z]), (--[a-z-]+)/gm)) {
      if (!meaning.has(m[1])) meaning.set(m[1], new Set());
      meaning.get(m[1])!.add(m[2]);
    }
  }
  for (const [short, longs] of meaning) assert.equal(longs.size, 1, `${short} means ${[...longs].join(' and ')}`);
  assert.deepEqual([...meaning.get('-c')!], ['--category']);
  assert.deepEqual([...meaning.get('-f')!], ['--format']);
});

test('bench --help says what every registered suite measures', async () => {
  const help = await helpOf(['bench']);
  for (const s of SUITE_LIST) assert.ok(help.replace(/\s+/g, ' ').includes(`${s.name} ${s.describe}`.replace(/\s+/g, ' ')), `${s.name} described`);
});
