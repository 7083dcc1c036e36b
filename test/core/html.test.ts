/**
 * The printable page set of a paper book (core/output/html.ts): escaping, the page structure
 * (paper, headings on every page, rows never split, page numbers in the margin), the signature
 * block, the journal head stamp and the classified mark; and `--format html|pdf` on the books.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/core/i18n.js';
import { escapeHtml, FONT_STACK, renderHtml } from '../../src/core/output/html.js';
import type { Book } from '../../src/core/output/render.js';
import { cli, tempDir } from '../helpers.js';

const book = (over: Partial<Book> = {}): Book => ({
  title: '收文登记簿',
  unit: '某市某局办公室',
  meta: ['2026-11-01 — 2026-11-30'],
  columns: [
    { key: 'number', label: { zh: '收文编号', en: 'number' }, kind: 'id' },
    { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 28 },
    { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id', num: true },
  ],
  rows: [
    { number: '2026-0001', title: '关于<script>alert(1)</script>的通知', pages: 3 },
    { number: '2026-0002', title: 'A & B </td></tr></table><p onclick="x">', pages: 12 },
  ],
  footer: ['共 2 件。打印于 2026-11-27 09:30，经办人 王秘书。日志链头 9:abc'],
  signatures: ['经办人（签字）', '审核人（签字）', '日期'],
  head: '9:abc',
  ...over,
});

describe('renderHtml', () => {
  beforeEach(() => setLang('zh'));
  afterEach(() => setLang('en'));

  it('escapes every text: a title holding <script> or </td> is text, and a control character is shown escaped', () => {
    const html = renderHtml(book({ unit: '某局<b>', meta: ['"引号"\u001b[31m'] }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</td></tr></table><p');
    expect(html).toContain('关于&#60;script&#62;alert(1)&#60;/script&#62;的通知');
    expect(html).toContain('A &#38; B &#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;&#60;p onclick=&#34;x&#34;&#62;');
    expect(html).toContain('某局&#60;b&#62;');
    expect(html).toContain('&#34;引号&#34;\\x1b[31m');
    // the only elements are ours: no script, no link, nothing fetched
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b|https?:|url\(/i);
    expect(escapeHtml(`<'&">`)).toBe('&#60;&#39;&#38;&#34;&#62;');
  });

  it('is one self-contained page set: A4 landscape by default, headings repeated, rows kept whole, numbered pages', () => {
    const html = renderHtml(book());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid;');
    expect(html).toContain('td.id { white-space: nowrap; }');
    expect(html).toContain('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";');
    expect(html).toContain(`font-family: ${FONT_STACK};`);
    for (const face of ['"Noto Serif CJK SC"', '"Source Han Serif SC"', '"Songti SC"', '"SimSun"', '"Noto Sans CJK SC"']) expect(FONT_STACK).toContain(face);
    expect(FONT_STACK).toMatch(/, serif$/);
    expect(html).toContain('<title>某市某局办公室收文登记簿</title>');
    expect(html).toContain('<h1>某市某局办公室收文登记簿</h1>');
    expect(html).toContain('<p>2026-11-01 — 2026-11-30</p>');
    expect(html).toContain('<thead><tr><th class="id">收文编号</th><th class="text" style="min-width: 10em">标题</th><th class="id num">页数</th></tr></thead>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('<td class="id">2026-0001</td>');
    expect(html).toContain('<td class="id num">12</td>');
    expect(renderHtml(book(), 'a4-portrait')).toContain('@page { size: A4 portrait;');
    expect(renderHtml(book(), 'a3')).toContain('@page { size: A3 landscape;');
  });

  it('numbers the pages in English under en', () => {
    setLang('en');
    const html = renderHtml(book({ unit: 'City Office', title: 'Register of incoming documents' }));
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages);');
    expect(html).toContain('<h1>City Office: Register of incoming documents</h1>');
    expect(html).toMatch(/<html lang="en">/);
  });

  it('ends with the footer (the print stamp with the journal head) and the signature block', () => {
    const html = renderHtml(book());
    expect(html).toContain('<meta name="journal-head" content="9:abc">');
    const footer = html.slice(html.indexOf('</table>'));
    expect(footer).toContain('<p class="stamp">共 2 件。打印于 2026-11-27 09:30，经办人 王秘书。日志链头 9:abc</p>');
    expect(footer).toContain('<div class="signatures"><div>经办人（签字）：</div><div>审核人（签字）：</div><div>日期：</div></div>');
    expect(renderHtml(book({ signatures: undefined }))).not.toContain('class="signatures"');
  });

  it('marks a classified book on every page (the page margin) and at its top; an ordinary book has no mark', () => {
    const html = renderHtml(book({ classified: true }));
    expect(html).toContain('@top-right { content: "涉密";');
    expect(html).toContain('<div class="classified">涉密</div>');
    const plain = renderHtml(book());
    expect(plain).not.toContain('@top-right');
    expect(plain).not.toContain('涉密');
  });
});

describe('--format html|pdf on the books', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (args: string[], extra: Record<string, string> = {}) => cli(args, { env: { ...env, ...extra } });
  const entries = async () => JSON.parse((await run(['verify', '--format', 'json'])).stdout).entries as number;

  beforeEach(async () => {
    dir = tempDir();
    env = { WENMI_DB: path.join(dir, 'w.db') };
    expect((await run(['init'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender', '市财政局', '--title', '关于<script>的通知'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender', '市委办公室', '--title', '绝密事项', '--secret', '机密★10年', '--copy-no', '3'])).code).toBe(0);
  });

  it('writes the page set to stdout or, private, to a file named .html', async () => {
    const out = await run(['incoming', 'print', '--format', 'html', '--paper', 'a4-portrait']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('@page { size: A4 portrait;');
    expect(out.stdout).toContain('关于&#60;script&#62;的通知');
    expect(out.stdout).toMatch(/Journal head \d+:[0-9a-f]{64}/);
    const file = path.join(dir, '收文.html');
    expect((await run(['incoming', 'print', '-o', file])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('<h1>Register of incoming documents</h1>');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('masks a classified book unless --reveal, and marks it', async () => {
    const masked = await run(['incoming', 'print', '--classified', '--format', 'html']);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toContain('<div class="classified">CLASSIFIED</div>');
    expect(masked.stdout).not.toContain('绝密事项');
    const shown = await run(['incoming', 'print', '--classified', '--reveal', '--format', 'html']);
    expect(shown.stdout).toContain('绝密事项');
  });

  it('refuses, writing and journaling nothing: a PDF without -o, --format at odds with -o, an unknown paper, no browser', async () => {
    const before = await entries();
    const pdf = path.join(dir, 'x.pdf');
    const noFile = await run(['incoming', 'print', '--format', 'pdf']);
    expect(noFile).toMatchObject({ code: 2 });
    expect(noFile.stderr).toContain('-o NAME.pdf');
    expect((await run(['incoming', 'print', '--format', 'html', '-o', pdf])).code).toBe(2);
    expect((await run(['incoming', 'print', '--paper', 'b5', '--format', 'html'])).code).toBe(2);
    const paperText = await run(['incoming', 'print', '--paper', 'a3']);
    expect([paperText.code, paperText.stderr.split('\n')[0]]).toEqual([2, 'error: --paper is for html and pdf pages; the format text has no paper: add --format html or -o NAME.pdf.']);
    expect((await run(['incoming', 'print', '--paper', 'a4-portrait', '-o', path.join(dir, 'x.csv')])).code).toBe(2);
    expect((await run(['incoming', 'print', '--format', 'docx'])).code).toBe(2);
    const none = await run(['incoming', 'print', '--classified', '--reveal', '-o', pdf], { PATH: path.join(dir, 'nothing') });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--format html');
    const named = await run(['incoming', 'print', '-o', pdf], { WENMI_BROWSER: path.join(dir, 'no-such-browser') });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('WENMI_BROWSER');
    expect(fs.readdirSync(dir)).toEqual(['w.db']);
    expect(await entries()).toBe(before);
  });

  it('reports a browser that prints nothing, leaving no file and no temporary folder', async () => {
    if (process.platform === 'win32') return; // a shell script stands in for the browser
    const fake = path.join(dir, 'fake-browser');
    fs.writeFileSync(fake, '#!/bin/sh\necho "ERROR: cannot print" >&2\nexit 3\n', { mode: 0o700 });
    const pdf = path.join(dir, 'x.pdf');
    const r = await run(['incoming', 'print', '-o', pdf], { WENMI_BROWSER: fake });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR: cannot print');
    expect(fs.readdirSync(dir).sort()).toEqual(['fake-browser', 'w.db']);
  });

  it('says in Chinese what went wrong when the browser says nothing or takes too long', async () => {
    if (process.platform === 'win32') return; // a shell script stands in for the browser
    const silent = path.join(dir, 'silent-browser');
    fs.writeFileSync(silent, '#!/bin/sh\nexit 3\n', { mode: 0o700 });
    const r = await run(['--lang', 'zh', 'incoming', 'print', '-o', path.join(dir, 'x.pdf')], { WENMI_BROWSER: silent });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([1, '错误：浏览器未能打印 PDF（退出码 3，未说明原因）。']);
    const slow = path.join(dir, 'slow-browser');
    fs.writeFileSync(slow, '#!/bin/sh\nexec sleep 5\n', { mode: 0o700 });
    const { printPdf } = await import('../../src/core/output/pdf.js');
    await expect(printPdf('<p>x</p>', slow, 300)).rejects.toMatchObject({ code: 'book.pdfTimedOut', params: { seconds: 1 } });
    fs.rmSync(silent);
    fs.rmSync(slow);
    expect(fs.readdirSync(dir)).toEqual(['w.db']);
  });
});
