import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportHtml } from '../../src/report/html.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

test('html is one self-contained page: inline style, images as data URIs, tables from the Markdown', () => {
  const md = reportMarkdown(makeSampleReport(), 'r.json', [{ name: 'throughput.png', title: 'Throughput per category' }]);
  const html = reportHtml('gasm report: r.json', [md], new Map([['throughput.png', png]]));
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<style>[^<]+<\/style>/);
  assert.ok(html.includes(`<img alt="Throughput per category" src="data:image/png;base64,${png.toString('base64')}">`));
  assert.doesNotMatch(html, /(src|href)="https?:/);
  assert.doesNotMatch(html, /<link|<script/);
  assert.match(html, /<h1>gasm report: r\.json<\/h1>/);
  assert.match(html, /<th>category<\/th><th>instr\/s median \[95% CI\]<\/th>/);
  assert.match(html, /<td>simple<\/td>/);
  assert.ok(!html.includes('| ---'), 'separator rows are not shown');
});

test('text is escaped and escaped pipes come back as pipes', () => {
  const html = reportHtml('<t>', ['# a <b> & c\n\n| h |\n| --- |\n| x\\|y |\n'], new Map());
  assert.match(html, /<title>&lt;t&gt;<\/title>/);
  assert.match(html, /<h1>a &lt;b&gt; &amp; c<\/h1>/);
  assert.match(html, /<td>x\|y<\/td>/);
});

test('an image link with no PNG is left out rather than pointing nowhere', () => {
  const html = reportHtml('t', ['![Missing](missing.png)'], new Map());
  assert.doesNotMatch(html, /<img/);
});
