/**
 * A paper book as a printable page set: one self-contained HTML file (inline CSS, no scripts, no
 * network) fed by the same `Book` as the text book. The page says its size and margins (`@page`),
 * repeats the column headings on every page, never splits a row, keeps identifiers on one line
 * and wraps free text, numbers the pages in the margin (第 N 页 共 M 页), marks a classified book
 * on every page, and ends with the footer (the print stamp with the journal head) and the
 * signature block. Every text is escaped: a title holding `<script>` prints as text.
 */
import { getLang, label as labelOf, t } from '../i18n.js';
import { visible } from './escape.js';
import { shown, type Book, type Column, type Row } from './render.js';
import { displayWidth } from './width.js';

/** The paper sizes a book prints on: A4 landscape (the default), A4 portrait, A3 landscape. */
export const PAPERS = ['a4', 'a4-portrait', 'a3'] as const;
export type Paper = (typeof PAPERS)[number];

const PAGE_SIZE: Record<Paper, string> = { a4: 'A4 landscape', 'a4-portrait': 'A4 portrait', a3: 'A3 landscape' };

/**
 * Serif CJK faces first (宋体, as registers are printed), as named on Linux (Noto, Source Han),
 * macOS (Songti) and Windows (SimSun); then the sans faces of the same systems; then the
 * browser's own serif, which always exists.
 */
export const FONT_STACK = [
  'Noto Serif CJK SC',
  'Source Han Serif SC',
  'Source Han Serif CN',
  'Songti SC',
  'STSong',
  'SimSun',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
  'serif',
]
  .map((f) => (f === 'serif' ? f : `"${f}"`))
  .join(', ');

/** Text as HTML: `& < > " '` escaped, control characters shown as escapes (as in every output). */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS string literal: quotes, backslashes and line breaks escaped, `<` too (the style sits in HTML). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `).replace(/\n/g, '\\a ')}"`;
}

/** The page counter in the margin as CSS `content`, from the message `book.pageOf` ({page} {pages} become counters). */
function pageCounter(): string {
  const text = t('book.pageOf', { page: '\u0000page\u0000', pages: '\u0000pages\u0000' });
  return text
    .split('\u0000')
    .filter((part) => part !== '')
    .map((part) => (part === 'page' || part === 'pages' ? `counter(${part})` : cssString(part)))
    .join(' ');
}

function text(c: Column, row: Row): string {
  const v = shown(c, row);
  return v === null || v === undefined ? '' : String(v);
}

function classes(c: Column): string {
  return [c.kind, c.num ? 'num' : ''].filter(Boolean).join(' ');
}

/**
 * A heading cell. A free-text column is kept at least as wide as the text book wraps it (`wrap`,
 * in display columns: two to a Chinese character, so half as many em, and an em to spare for
 * Latin letters and digits, which are wider than half an em), or its longest line if
 * shorter, so a short 文号 stays on one line while long titles wrap; never more than MAX_MIN_EM,
 * so a book still fits A4 portrait.
 */
const MAX_MIN_EM = 10;

function headCell(c: Column, rows: Row[]): string {
  let width = 0;
  if (c.kind === 'text' && c.wrap) for (const r of rows) for (const line of text(c, r).split('\n')) width = Math.max(width, Math.min(c.wrap, displayWidth(line)));
  const min = width > 0 ? ` style="min-width: ${Math.min(width / 2 + 1, MAX_MIN_EM)}em"` : '';
  return `<th class="${classes(c)}"${min}>${escapeHtml(labelOf(c.label))}</th>`;
}

function cell(c: Column, row: Row): string {
  return `<td class="${classes(c)}">${escapeHtml(text(c, row)).replace(/\n/g, '<br>')}</td>`;
}

function style(paper: Paper, classified: boolean): string {
  const mark = classified ? `@top-right { content: ${cssString(t('book.classified'))}; font-weight: bold; font-size: 12pt; }` : '';
  return `@page { size: ${PAGE_SIZE[paper]}; margin: 14mm 12mm 16mm 12mm;
  @bottom-center { content: ${pageCounter()}; font-family: ${FONT_STACK}; font-size: 9pt; }
  ${mark} }
html { font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
header { text-align: center; margin-bottom: 4mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; letter-spacing: 0.1em; }
header p { margin: 0.5mm 0; }
.classified { text-align: center; font-weight: bold; border: 1.5pt solid #000; padding: 1mm; margin-bottom: 3mm; }
table.book { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 0.6mm 1.2mm; vertical-align: top; text-align: left; }
th { font-weight: bold; background: #eee; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td.id { white-space: nowrap; }
td.text { overflow-wrap: anywhere; }
td.num { text-align: right; }
footer { margin-top: 4mm; break-inside: avoid; }
footer p { margin: 1mm 0; }
.stamp { font-size: 9pt; }
.signatures { display: flex; justify-content: space-between; gap: 8mm; margin-top: 10mm; }
.signatures div { flex: 1; border-bottom: 0.75pt solid #000; padding-bottom: 8mm; }`;
}

/** The book as one HTML document on `paper`. The rows are shown as the text book shows them (already masked unless revealed). */
export function renderHtml(book: Book, paper: Paper = 'a4'): string {
  const heading = book.unit ? t('book.heading', { unit: book.unit, title: book.title }) : book.title;
  const lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  const head = book.columns.map((c) => headCell(c, book.rows)).join('');
  const body = book.rows.map((r) => `<tr>${book.columns.map((c) => cell(c, r)).join('')}</tr>`).join('\n');
  const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const signatures = book.signatures?.length ? `<div class="signatures">${book.signatures.map((s) => `<div>${escapeHtml(t('book.signatureField', { label: s }))}</div>`).join('')}</div>` : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="wenmi">
${book.head ? `<meta name="journal-head" content="${escapeHtml(book.head)}">\n` : ''}<title>${escapeHtml(heading)}</title>
<style>
${style(paper, book.classified === true)}
</style>
</head>
<body>
${book.classified ? `<div class="classified">${escapeHtml(t('book.classified'))}</div>\n` : ''}<header>
<h1>${escapeHtml(heading)}</h1>
${book.meta.map((m) => p(m)).join('\n')}
</header>
<table class="book">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<footer>
${book.footer.map((f) => p(f, 'stamp')).join('\n')}
${signatures}
</footer>
</body>
</html>
`;
}
