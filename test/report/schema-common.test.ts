/** The report schema's field builders: each gives the one JSON Schema shape its kind of field has everywhere. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { bytes, count, Estimate, inUnit, int, nullable, ms, num, rate, samples, str, share } from '../../src/report/schema-common.js';

const json = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as unknown;

test('described fields: a unit is appended to the description the same way everywhere', () => {
  assert.deepEqual(json(num('mean')), { type: 'number', description: 'mean' });
  assert.deepEqual(json(int('runs')), { type: 'integer', description: 'runs' });
  assert.deepEqual(json(count('requests')), { type: 'integer', minimum: 0, description: 'requests' });
  assert.deepEqual(json(str('name')), { type: 'string', description: 'name' });
  assert.deepEqual(json(ms('median time')), { type: 'number', minimum: 0, description: 'median time, ms' });
  assert.deepEqual(json(bytes('heap')), { type: 'number', description: 'heap, bytes' });
  assert.deepEqual(json(rate('peak')), { type: 'number', minimum: 0, description: 'peak, instructions/s' });
  assert.deepEqual(json(inUnit('mm')('offset')), { type: 'number', description: 'offset, mm' });
  assert.deepEqual(json(samples('per run')), { type: 'array', items: { type: 'number' }, description: 'per run' });
  assert.ok(Value.Check(count('n'), 3) && !Value.Check(count('n'), -1));
  // Durations and rates cannot be negative, shares stay within 0..1: a report claiming otherwise is refused.
  assert.ok(!Value.Check(ms('t'), -5) && !Value.Check(rate('r'), -5000) && Value.Check(bytes('b'), -10));
  assert.ok(Value.Check(share('s'), 1) && !Value.Check(share('s'), 7) && !Value.Check(share('s'), -0.1));
});

test('nullable: the value or null, described when a description is given', () => {
  assert.deepEqual(json(nullable(Type.Number(), 'null: none')), { anyOf: [{ type: 'number' }, { type: 'null' }], description: 'null: none' });
  assert.deepEqual(json(nullable(Type.String())), { anyOf: [{ type: 'string' }, { type: 'null' }] });
  assert.ok(Value.Check(nullable(Type.Number()), null) && !Value.Check(nullable(Type.Number()), undefined));
});

test('Estimate: a figure with its 95% interval, after the fields that say what it compares', () => {
  const gain = Estimate({ extra: { from: Type.Integer(), to: Type.Integer() }, value: 'ratio', ci95: 'bootstrap' }, 'batching gain');
  assert.deepEqual(json(gain), {
    type: 'object',
    description: 'batching gain',
    properties: {
      from: { type: 'integer' },
      to: { type: 'integer' },
      value: { type: 'number', description: 'ratio' },
      ci95: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false, minItems: 2, maxItems: 2, description: 'bootstrap' },
    },
    required: ['from', 'to', 'value', 'ci95'],
  });
  assert.ok(Value.Check(gain, { from: 1, to: 64, value: 3.1, ci95: [2.9, 3.3] }));
  assert.ok(!Value.Check(gain, { from: 1, to: 64, value: 3.1, ci95: [2.9] }));
  assert.ok(!('description' in (json(Estimate({ value: 'v', ci95: 'c' })) as object)), 'no description unless given');
});
