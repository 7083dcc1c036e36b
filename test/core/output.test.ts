import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, parseCsv } from '../../src/core/output/csv.js';
import { layoutTable, renderStream, renderTable, written, type Column } from '../../src/core/output/render.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { fitLayout, fullLayout, type Grid } from '../../src/core/output/layout.js';
import { displayWidth, truncateText, wrapText } from '../../src/core/output/width.js';

describe('CSV for people', () => {
  it('prefixes cells a spreadsheet would run as a formula, including full-width forms', () => {
    for (const v of ['=1+1', '+86', '-2+3', '-2 ', '-1e3', '-A1', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) expect(csvCell(v).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvCell(-2)).toBe('-2'); // numbers stay numbers
    for (const v of ['-2', '-75.00']) expect(csvCell(v)).toBe(v); // and so does a negative amount written as text: no formula
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

  it('wraps text to fit the terminal when asked to (one entry\'s fields), keeping every character', () => {
    const cols: Column[] = [
      { key: 'n', label: { zh: '编号', en: 'no' }, kind: 'id' },
      { key: 't', label: { zh: '标题', en: 'title' }, kind: 'text' },
    ];
    const { body } = layoutTable(cols, [{ n: '2026-0001', t: '很长的标题'.repeat(10) }], { width: 40, mode: 'wrap' });
    const lines = body[0]![1]!.split('\n');
    expect(Math.max(...lines.map(displayWidth)) + 2 + 9).toBeLessThanOrEqual(40);
    expect(lines.join('')).toBe('很长的标题'.repeat(10));
  });

  it('cuts text to a display width with …, keeping what fits', () => {
    expect(truncateText('关于编报预算', 7)).toBe('关于编…');
    expect(truncateText('关于编报预算', 12)).toBe('关于编报预算');
    expect(truncateText('abc关于', 6)).toBe('abc关…');
    expect(truncateText('abc关于', 5)).toBe('abc…');
    expect(displayWidth(truncateText('关'.repeat(10_000), 9))).toBeLessThanOrEqual(9);
  });

  it('fits a width: identifiers whole, text shares the rest, empty columns and then spare ones left out', () => {
    const grid: Grid = {
      head: ['编号', '标题', '备注', '文号', '状态'],
      body: [
        ['2026-0001', '关于编报2027年部门预算的通知'.repeat(3), '', '财预〔2026〕12号', '已登记'],
        ['2026-0002', '短', '', '', '作废'],
      ],
      kinds: ['id', 'text', 'text', 'id', 'id'],
      wraps: [undefined, 28, undefined, undefined, undefined],
      ranks: [1, 1, 1, 0, 1],
    };
    const wide = fitLayout(grid, 200, 2, 'cut');
    expect(wide.keep).toEqual([0, 1, 3, 4]); // 备注 is empty in every row
    expect(wide.body[0]![1]).toBe(grid.body[0]![1]);
    const narrow = fitLayout(grid, 40, 2, 'cut');
    expect(narrow.hidden).toEqual([3]); // 文号 is spare
    expect(narrow.body[0]![0]).toBe('2026-0001');
    expect(narrow.body[0]![1]).toMatch(/…$/);
    const used = narrow.keep.reduce((w, i, k) => w + Math.max(displayWidth(narrow.head[k]!), ...narrow.body.map((r) => displayWidth(r[k]!))), 0);
    expect(used + 2 * (narrow.keep.length - 1)).toBeLessThanOrEqual(40);
  });

  it('in full (books, pipes) wraps only text, at its hint or its label when wider, never an identifier', () => {
    const grid: Grid = {
      head: ['no.', 'condition on return'],
      body: [['Z001-WS·2026-D30-BGS-0001', 'pages 3 to 5 torn and stained']],
      kinds: ['id', 'text'],
      wraps: [10, 10],
      ranks: [1, 1],
    };
    const laid = fullLayout(grid);
    expect(laid.body[0]![0]).toBe('Z001-WS·2026-D30-BGS-0001');
    expect(laid.body[0]![1]!.split('\n')).toEqual(['pages 3 to 5 torn', 'and stained']);
  });

  it('streams JSON with column keys and stops when the reader has gone', () => {
    const out = memoryOut();
    const cols: Column[] = [{ key: 'a', label: { zh: '甲', en: 'a' }, kind: 'id', num: true }];
    expect(renderStream(out, cols, [{ a: 1, extra: 'x' }, { a: 2 }], { format: 'json', bom: false })).toBe(2);
    expect(JSON.parse(out.text())).toEqual([{ a: 1 }, { a: 2 }]);
    const closed = { ...memoryOut(), closed: true };
    expect(renderStream(closed, cols, [{ a: 1 }, { a: 2 }], { format: 'tsv', bom: false })).toBe(0);
  });
});

describe('a column writes its value as each format asks', () => {
  // money kept in fen: yuan text in tables and TSV, a yuan number in CSV, fen in JSON; a state word in the current language, stored in JSON
  const columns: Column[] = [
    { key: 'priceFen', label: { zh: '单价（元）', en: 'price (yuan)' }, kind: 'id', num: true, text: (v) => (Number(v) / 100).toFixed(2), as: { csv: (v) => Number(v) / 100 } },
    { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: (v) => (v === '在用' ? 'in use' : String(v)) },
    { key: 'note', label: { zh: '备注', en: 'note' }, kind: 'text' },
  ];
  const rows = [
    { priceFen: -1250, state: '在用', note: null },
    { priceFen: 300, state: '停用', note: 'x' },
  ];
  const rendered = (format: 'csv' | 'tsv' | 'json') => {
    const out = memoryOut();
    renderStream(out, columns, rows, { format, bom: false });
    return out.text();
  };

  it('each format through the same hook', async () => {
    expect(written(columns[0]!, rows[0]!, 'table')).toBe('-12.50');
    expect(written(columns[0]!, rows[0]!, 'tsv')).toBe('-12.50');
    expect(written(columns[0]!, rows[0]!, 'csv')).toBe(-12.5);
    expect(written(columns[0]!, rows[0]!, 'json')).toBe(-1250);
    expect(written(columns[2]!, rows[0]!, 'json')).toBeNull();
    expect(written(columns[2]!, rows[0]!, 'csv')).toBeNull();
    expect(rendered('csv')).toBe('price (yuan),state,note\r\n-12.5,in use,\r\n3,停用,x\r\n'); // a number: no formula guard
    expect(rendered('tsv')).toBe('price (yuan)\tstate\tnote\n-12.50\tin use\t\n3.00\t停用\tx\n'); // a script sums it as it is
    expect(JSON.parse(rendered('json'))).toEqual([
      { priceFen: -1250, state: '在用', note: null },
      { priceFen: 300, state: '停用', note: 'x' },
    ]);
    const table = memoryOut();
    await renderTable(table, columns, rows);
    expect(table.text()).toMatch(/-12\.50 │ in use/);
    expect(table.text()).not.toContain('-12.5 ');
  });
});
