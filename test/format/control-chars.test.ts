import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleControls } from '../../src/format/control-chars.js';
import { mdCode, mdText } from '../../src/report/markdown-text.js';
import { formatResponse } from '../../src/cli/format-response.js';
import { buildFailedResponse } from '../../src/pipeline/respond.js';
import { formatError } from '../../src/cli/action.js';
import { ReportError } from '../../src/errors.js';

const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

test('control characters become visible escapes; other text, Unicode included, is unchanged', () => {
  assert.equal(visibleControls('red\u001b[31m box'), 'red\\u001b[31m box');
  assert.equal(visibleControls('a\nb\rc\td\be\u007ff\u009bg'), 'a\\u000ab\\u000dc\\u0009d\\u0008e\\u007ff\\u009bg');
  assert.equal(visibleControls('crate Ä · 20 °C ✓'), 'crate Ä · 20 °C ✓');
});

test('Markdown from untrusted text carries no raw control character', () => {
  const md = mdText('simple\u001b]0;pwned\u0007 | x');
  assert.doesNotMatch(md, RAW_CONTROL);
  assert.match(md, /\\\\u001b/);
  assert.doesNotMatch(mdCode('a\u001bb'), RAW_CONTROL);
});

test('gasm run output shows an instruction\'s escape sequences instead of sending them to the terminal', () => {
  const text = 'place the box\u001b]0;pwned\u0007 above\b\b\b\b\b the cube';
  const out = formatResponse(buildFailedResponse(text, `cannot read "${text}"`, 'wasm'));
  // The only control characters left are the tool's own line ends and colours (ESC [ … m).
  assert.doesNotMatch(out.replace(/\u001b\[[0-9;]*m/g, '').replace(/\n/g, ' '), RAW_CONTROL);
  assert.match(out, /box\\u001b\]0;pwned\\u0007 above\\u0008/);
});

test('an error message quoting a name from a file shows its control characters', () => {
  const line = formatError(new ReportError('REPORT_INVALID', 'r.json does not match the report schema: /suites/throughput/categories/x\u001b]0;PWNED\u0007y/runs must be >= 0'));
  assert.doesNotMatch(line, RAW_CONTROL);
  assert.match(line, /x\\u001b\]0;PWNED\\u0007y/);
});
