import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/errors.js';
import { parseVariants, parseVariantSpec } from '../../../src/suites/compare/variant-spec.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gasm-variants-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('NAME:KEY=VALUE specs become bridge overrides parsed like the flags; empty means the run configuration', () => {
  assert.deepEqual(parseVariantSpec('base:'), { name: 'base', config: {}, overrides: {}, batchSize: null });
  assert.deepEqual(parseVariantSpec('big:preset=seed,attention=folded,weights=int8,cache=memory,batch=64,hidden-dim=128,heads=8'), {
    name: 'big',
    config: { preset: 'seed', attention: 'folded', weights: 'int8', cache: 'memory', batch: '64', hiddenDim: '128', heads: '8' },
    overrides: { preset: 'seed', attention: 'folded', weights: 'int8', cache: { mode: 'memory', dir: undefined }, model: { hiddenDim: 128, heads: 8 } },
    batchSize: 64,
  });
  assert.deepEqual(parseVariantSpec('d:cache=disk,cacheDir=/tmp/c').overrides, { cache: { mode: 'disk', dir: '/tmp/c' } });
  assert.deepEqual(parseVariantSpec('o:cache=off').overrides, { cache: 'off' });
  assert.deepEqual(parseVariantSpec('padded:packing=off').overrides, { packing: false });
  assert.deepEqual(parseVariantSpec('packed:packing=on').overrides, { packing: true });
});

test('bad specs are ConfigErrors naming the spec and what is wrong', () => {
  const bad: [string, RegExp][] = [
    ['nocolon', /expected NAME:KEY=VALUE/],
    [':attention=fused', /variant name must be/],
    ['../evil:', /variant name must be/],
    ['a:speed=fast', /unknown key 'speed'/],
    ['a:attention', /'attention' is not KEY=VALUE/],
    ['a:attention=sparse', /attention must be one of fused, folded/],
    ['a:packing=maybe', /packing must be one of on, off/],
    ['a:batch=0', /batch must be a whole number from 1/],
    ['a:heads=2,heads=4', /heads is set twice/],
    ['a:cache=disk', /cache=disk needs cacheDir/],
    ['a:cache=memory,cacheDir=/tmp/x', /cacheDir is for cache=disk/],
  ];
  for (const [spec, message] of bad) {
    assert.throws(() => parseVariantSpec(spec), (e: unknown) => e instanceof ConfigError && message.test(e.message), spec);
  }
});

test('a variants file is read bounded and validated; names must be distinct; at least two variants', async () => {
  const file = join(dir, 'variants.json');
  await writeFile(file, JSON.stringify([{ name: 'fused', config: { attention: 'fused' } }, { name: 'b64', config: { batch: 64 } }]));
  const vs = parseVariants(['base:'], file);
  assert.deepEqual(vs.map((v) => v.name), ['base', 'fused', 'b64']);
  assert.equal(vs[2].batchSize, 64);
  assert.throws(() => parseVariants(['a:'], undefined), /at least two variants/);
  assert.throws(() => parseVariants(['a:', 'a:heads=2'], undefined), /variant name 'a' is used twice/);
  const cases: [string, string | Buffer, RegExp][] = [
    ['not-json.json', '[{', /not valid JSON/],
    ['object.json', '{"name": "x"}', /expected a list/],
    ['extra.json', '[{"name": "x", "config": {}, "speed": 1}]', /unknown field 'speed'/],
    ['bad-value.json', '[{"name": "x", "config": {"heads": [4]}}]', /heads must be a string or a number/],
    ['huge.json', Buffer.alloc(70 * 1024, 32), /larger than 65536 bytes/],
    ['writes-etc.json', '[{"name": "x", "config": {"cache": "disk", "cacheDir": "/etc"}}]', /cacheDir cannot be set in a variants file/],
    ['writes-etc-kebab.json', '[{"name": "x", "config": {"cache": "disk", "cache-dir": "/etc"}}]', /cacheDir cannot be set in a variants file/],
  ];
  for (const [name, content, message] of cases) {
    await writeFile(join(dir, name), content);
    assert.throws(() => parseVariants(['a:'], join(dir, name)), (e: unknown) => e instanceof ConfigError && message.test(e.message), name);
  }
  await mkdir(join(dir, 'folder.json'));
  assert.throws(() => parseVariants(['a:'], join(dir, 'folder.json')), /not a regular file/);
  assert.throws(() => parseVariants(['a:'], join(dir, 'missing.json')), /cannot read variants file .*ENOENT/);
});
