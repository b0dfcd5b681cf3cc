/** report.html: one self-contained page (inline CSS, charts as data: URIs, the Markdown tables as HTML). */
import { MD_ESCAPE, unescapeMd } from './markdown-text.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Inline Markdown: bold, code spans and backslash escapes. Escaped characters are set aside before the bold and
 * code patterns run, so text from files never becomes markup, and put back (HTML-escaped) at the end.
 */
function inline(text: string): string {
  const kept: string[] = [];
  const marked = text.replace(/\0/g, '\uFFFD').replace(MD_ESCAPE, (_, c: string) => `\0${kept.push(c) - 1}\0`);
  return escape(marked)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\0(\d+)\0/g, (_, k: string) => escape(kept[Number(k)]));
}

/** Converts the small Markdown subset that markdown.ts writes (headings, tables, lists, paragraphs). */
function markdownToHtml(md: string, images: Map<string, Buffer>): string {
  const out: string[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith('|')) {
        if (!/^\|[-:|]+$/.test(lines[i].replace(/\s/g, ''))) rows.push(lines[i].slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
        i++;
      }
      i--;
      const [head, ...body] = rows;
      out.push(`<table><thead><tr>${head.map((h) => `<th>${inline(h)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (line.startsWith('!')) {
      const m = /^!\[(.*)\]\((.*)\)$/.exec(line);
      const png = m ? images.get(m[2]) : undefined;
      const alt = m ? escape(unescapeMd(m[1])) : '';
      if (m && png) out.push(`<figure><img alt="${alt}" src="data:image/png;base64,${png.toString('base64')}"><figcaption>${alt}</figcaption></figure>`);
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(' ');
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (line.startsWith('- ')) {
      out.push(`<p class="warning">${inline(line.slice(2))}</p>`);
    } else if (line.trim()) {
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  return out.join('\n');
}

const STYLE = `body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:1250px;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}
table{border-collapse:collapse;margin:1rem 0;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f2f2f2}img{max-width:100%;border:1px solid #ddd}
figure{margin:1.5rem 0}figcaption{color:#555;font-size:13px}.warning{color:#8a4b00}`;

/** The whole page (no external requests: styles inline, images as data: URIs) for one or more Markdown sections and their charts. */
export function reportHtml(title: string, markdownSections: string[], images: Map<string, Buffer>): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>\n<body>\n${markdownSections.map((md) => markdownToHtml(md, images)).join('\n<hr>\n')}\n</body></html>\n`;
}
