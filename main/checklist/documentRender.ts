import { redactText } from '../../shared/redaction/patterns';
import type { ChecklistDocument, DocBlock } from '../../shared/steps/document';
import { escapeHtml } from '../base/escapeHtml';

/**
 * Renders the checklist document. Every text node is redacted here, in main, whatever the
 * renderer sent: exports are always masked, even if a value slipped in unmasked.
 */
const clean = (text: string) => redactText(text);

const mdEscape = (text: string) => clean(text).replace(/([\\`*_[\]|<>])/g, '\\$1');

function blockToMarkdown(block: DocBlock): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${mdEscape(block.text)}`;
    case 'paragraph':
      return mdEscape(block.text);
    case 'checklist':
      return block.items.map((i) => `- [${i.checked ? 'x' : ' '}] ${mdEscape(i.text)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
      return [
        row(block.header),
        `|${block.header.map(() => ' --- |').join('')}`,
        ...block.rows.map(row),
      ].join('\n');
    }
  }
}

export function renderMarkdown(doc: ChecklistDocument): string {
  return `${doc.blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

const htmlEscape = (text: string) => escapeHtml(clean(text));

function blockToHtml(block: DocBlock): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${htmlEscape(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${htmlEscape(block.text)}</p>`;
    case 'checklist':
      return `<ul class="checks">${block.items
        .map((i) => `<li>${i.checked ? '☑' : '☐'} ${htmlEscape(i.text)}</li>`)
        .join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.header.map((h) => `<th>${htmlEscape(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((r) => `<tr>${r.map((c) => `<td>${htmlEscape(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

const PRINT_CSS = `
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif;
         font-size: 10.5pt; line-height: 1.5; color: #111; margin: 0; }
  h1 { font-size: 18pt; margin: 0 0 8pt; }
  h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; break-inside: avoid; }
  th, td { border: 1px solid #999; padding: 2pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eee; }
  ul.checks { list-style: none; padding-left: 0; margin: 4pt 0; }
  p { margin: 3pt 0; }`;

/** A self-contained page (no scripts, no external resources) for printing to PDF. */
export function renderHtml(doc: ChecklistDocument): string {
  return `<!doctype html><html lang="${htmlEscape(doc.language)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${htmlEscape(doc.title)}</title><style>${PRINT_CSS}</style></head><body>${doc.blocks.map(blockToHtml).join('\n')}</body></html>`;
}
