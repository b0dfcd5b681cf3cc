/**
 * Text from files in the Markdown that `gasm report` and the gate write: hostile names (pipes, emphasis,
 * backticks, HTML, links, newlines) stay text, keep their table row whole, and read back unchanged in the HTML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateMarkdown } from '../../src/gate/format.js';
import { compareReports } from '../../src/gate/compare.js';
import { reportHtml } from '../../src/report/html.js';
import { markdownTable, reportMarkdown } from '../../src/report/markdown.js';
import { mdCode, mdText, unescapeMd } from '../../src/report/markdown-text.js';
import type { BenchReport } from '../../src/report/types.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const HOSTILE = [
  'a|b',
  '**bold** _em_ ~~gone~~',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'tick`code`tick',
  'two\nlines\r\nand\u2028more',
  '[click](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '&lt;entity&gt; &amp;',
  'back\\slash\\|pipe',
  '$x^2$',
];

/** The characters a line shows once its escapes are undone; what is left unescaped is markup. */
const unescapedMarkup = (line: string) => line.replace(/\\[!-/:-@[-`{-~]/g, '').match(/[|*_~`<>&$]|\]\(/g) ?? [];

/** Cells of a Markdown table row: split at pipes not escaped. */
const cellsOf = (row: string) => row.replace(/\\\\/g, '\0').split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replace(/\0/g, '\\\\'));

test('mdText: one line, every markup character escaped, and it reads back as written', () => {
  for (const text of HOSTILE) {
    const md = mdText(text);
    assert.ok(!/[\n\r\u2028]/.test(md), JSON.stringify(md));
    assert.deepEqual(unescapedMarkup(md), [], `${JSON.stringify(text)} → ${md}`);
    assert.equal(unescapeMd(md), text.replace(/\r\n|[\n\r\u2028]/g, ' '));
  }
  assert.equal(mdText('1,234 [1,200, 1,300] ms'), '1,234 [1,200, 1,300] ms', 'figures and their intervals are left readable');
  assert.equal(mdText('[x](y)'), '[x\\](y)');
});

test('mdCode: a code span only when it can hold the text unchanged', () => {
  assert.equal(mdCode('throughput.simple.p50'), '`throughput.simple.p50`');
  assert.equal(mdCode('<b>*x*</b>'), '`<b>*x*</b>`', 'a code span shows HTML and emphasis as text');
  for (const text of ['a`b', 'a|b', 'a\\b', 'a\nb']) assert.equal(mdCode(text), mdText(text), JSON.stringify(text));
});

test('markdownTable: a hostile cell stays one cell of its row', () => {
  const table = markdownTable(['name', 'value'], HOSTILE.map((h, k) => [h, k]));
  const rows = table.split('\n');
  assert.equal(rows.length, 2 + HOSTILE.length, 'no cell adds a line');
  for (const [k, row] of rows.slice(2).entries()) {
    assert.deepEqual(cellsOf(row).map(unescapeMd), [HOSTILE[k].replace(/\r\n|[\n\r\u2028]/g, ' '), String(k)]);
  }
});

/** A report whose names, commit, system and warnings are all hostile. */
function hostileReport(): BenchReport {
  const r = makeSampleReport();
  const evil = '<script>x</script>|**b**|`t`\nnext';
  const tp = r.suites.throughput!;
  tp.categories = { [evil]: tp.categories.simple };
  r.config.categories = [evil];
  r.git = { commit: '`|<b>*evil*', dirty: false };
  r.system.cpuModel = 'CPU | <i>fast</i>\n# heading';
  r.warnings = [{ code: 'A`B', message: 'see [here](https://evil.example) *now*\n- injected item' }];
  r.outcomes = { throughput: { status: 'failed', error: 'bad | row\n| fake | row |', durationMs: 1 } };
  return r;
}

test('summary.md: hostile names from the report keep every table row whole and inject no markup', () => {
  const md = reportMarkdown(hostileReport(), 'name|<script>`.json', [{ name: 'throughput.png', title: 'Throughput of <b>|evil|</b>' }]);
  const lines = md.split('\n');
  assert.ok(!lines.some((l) => /^# heading|^- injected item|^\| fake/.test(l)), 'no newline from the report starts a line');
  for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
    const rows = table.split('\n');
    const width = cellsOf(rows[0]).length;
    for (const row of rows) assert.equal(cellsOf(row).length, width, row);
  }
  for (const line of lines) {
    assert.ok(!/(?<!\\)<(script|b|i)>/.test(line), `raw HTML in: ${line}`);
  }
  assert.ok(md.includes('# gasm report: name\\|\\<script\\>\\`.json'));
  assert.ok(md.includes('see [here\\](https://evil.example) \\*now\\* - injected item'));
  assert.ok(md.includes('![Throughput of \\<b\\>\\|evil\\|\\</b\\>](throughput.png)'));
  const row = lines.find((l) => l.startsWith('| \\<script\\>'));
  assert.ok(row, 'the category row');
  assert.equal(unescapeMd(cellsOf(row)[0]), '<script>x</script>|**b**|`t` next');
});

test('report.html from that Markdown shows the names as text, never as tags', () => {
  const md = reportMarkdown(hostileReport(), 'name|<script>.json', [{ name: 'throughput.png', title: 'a <b>|</b> "q"' }]);
  const html = reportHtml('t', [md], new Map([['throughput.png', Buffer.from([0x89, 0x50])]]));
  assert.doesNotMatch(html, /<script|<b>|<i>|href=/);
  assert.ok(html.includes('<td>&lt;script&gt;x&lt;/script&gt;|**b**|`t` next</td>'), 'the category cell, as written');
  assert.ok(html.includes('<h1>gasm report: name|&lt;script&gt;.json</h1>'));
  assert.ok(html.includes('alt="a &lt;b&gt;|&lt;/b&gt; &quot;q&quot;"'));
});

test('gate Markdown: a hostile metric id stays in its cell; the verdict is still bold', () => {
  const base = hostileReport();
  const slow = makeSampleReport({ seed: 2, slowdown: 1.3 });
  slow.suites.throughput!.categories = { [Object.keys(base.suites.throughput!.categories)[0]]: slow.suites.throughput!.categories.simple };
  slow.config.categories = base.config.categories;
  const md = gateMarkdown(compareReports([base], slow, { threshold: 0.05, confidence: 0.95, metrics: ['throughput.'] }));
  const rows = md.split('\n').filter((l) => l.startsWith('| '));
  assert.ok(rows.length >= 2);
  for (const row of rows) assert.equal(cellsOf(row).length, 8, row);
  assert.ok(rows.some((r) => r.includes('| **regression** |')), md);
  assert.doesNotMatch(md, /(?<!\\)<script>/);
});
