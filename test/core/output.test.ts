import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, parseCsv } from '../../src/core/output/csv.js';
import { layoutTable, renderStream, type Column } from '../../src/core/output/render.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { displayWidth, wrapText } from '../../src/core/output/width.js';

describe('CSV for people', () => {
  it('prefixes cells a spreadsheet would run as a formula, including full-width forms', () => {
    for (const v of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) expect(csvCell(v).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvCell(-2)).toBe('-2'); // numbers stay numbers
    expect(csvCell('000003')).toBe('000003'); // leading zeros survive
    expect(csvCell('123456789012345678')).toBe('123456789012345678');
  });

  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', ' pad', null, 3])).toBe('"a,b","say ""hi""","two\nlines"," pad",,3\r\n');
  });

  it('parses what it writes, strips a BOM, and reports a broken quote with its line', () => {
    const parsed = parseCsv('\ufeffitem,counted\r\n"A4纸, 70g",12\r\n\r\n"say ""x""",3\n');
    expect(parsed.header).toEqual(['item', 'counted']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['A4纸, 70g', '12'] },
      { line: 4, cells: ['say "x"', '3'] },
    ]);
    expect(() => parseCsv('a,b\n"unterminated,1\n')).toThrow(expect.objectContaining({ code: 'csv.unterminated', line: 2 }));
    expect(() => parseCsv('a,b\nx"y,1\n')).toThrow(expect.objectContaining({ code: 'csv.strayQuote', line: 2 }));
  });
});

describe('tables', () => {
  it('measures CJK and full-width text as two columns', () => {
    expect(displayWidth('收文ab')).toBe(6);
    expect(displayWidth('〔2026〕')).toBe(8);
    expect(displayWidth('\u001b[31m红\u001b[39m')).toBe(2);
  });

  it('wraps without losing a character', () => {
    const text = '关于编报2027年部门预算的通知 and a long English tail';
    const lines = wrapText(text, 10);
    expect(lines.every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('lays out columns to fit the terminal, wrapping the widest', () => {
    const cols: Column[] = [
      { key: 'n', label: { zh: '编号', en: 'no' } },
      { key: 't', label: { zh: '标题', en: 'title' } },
    ];
    const { body, widths } = layoutTable(cols, [{ n: '2026-0001', t: '很长的标题'.repeat(10) }], 40);
    expect(widths.reduce((a, b) => a + b, 0) + 7).toBeLessThanOrEqual(40);
    expect(body[0]![1]!.split('\n').join('')).toBe('很长的标题'.repeat(10));
  });

  it('streams JSON with column keys and stops when the reader has gone', () => {
    const out = memoryOut();
    const cols: Column[] = [{ key: 'a', label: { zh: '甲', en: 'a' }, num: true }];
    expect(renderStream(out, cols, [{ a: 1, extra: 'x' }, { a: 2 }], { format: 'json', bom: false })).toBe(2);
    expect(JSON.parse(out.text())).toEqual([{ a: 1 }, { a: 2 }]);
    const closed = { ...memoryOut(), closed: true };
    expect(renderStream(closed, cols, [{ a: 1 }, { a: 2 }], { format: 'tsv', bom: false })).toBe(0);
  });
});
