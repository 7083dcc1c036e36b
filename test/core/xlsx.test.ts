/** .xlsx output: typed cells, read back by unzipping what the writer made. */
import { describe, expect, it } from 'vitest';
import { excelDay } from '../../src/core/dates.js';
import { WenmiError } from '../../src/core/errors.js';
import { moneyColumn } from '../../src/core/money.js';
import { renderRows, renderXlsx, sheetCell, type Column, type Row } from '../../src/core/output/render.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { sheetName, writeXlsx } from '../../src/core/output/xlsx.js';
import { readZip } from '../../src/core/output/zip.js';

const columns: Column[] = [
  { key: 'number', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'on', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text' },
  { key: 'copyNo', label: { zh: '份号', en: 'copy no.' }, kind: 'id' },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, kind: 'id', num: true },
  moneyColumn('price', { zh: '单价', en: 'price' }),
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: (v) => `<${String(v)}>` },
];

const rows: Row[] = [
  { number: '2026-0001', on: '2026-11-27', title: '=SUM(1,2)', copyNo: '000003', copies: 3, price: 1250, state: '已登记' },
  { number: '1234567890123456789', on: '2026-02-30', title: '1/2', copyNo: '000012', copies: 12, price: null, state: 'a&b' },
  { number: '007', on: null, title: 'TRUE', copyNo: '1E5', copies: null, price: -5, state: '１２３' },
];

async function sheetOf(cols: Column[], data: Iterable<Row>, name = '收文 2026-11'): Promise<{ files: Map<string, Buffer>; sheet: string; n: number }> {
  const out = memoryOut();
  const n = await renderRows(out, memoryOut(), cols, data, { format: 'xlsx', bom: true, sheet: name });
  const files = readZip(out.bytes());
  return { files, sheet: files.get('xl/worksheets/sheet1.xml')!.toString('utf8'), n };
}

/** The cell at `ref` (A2) as written: its attributes and its content. */
function cell(sheet: string, ref: string): string | undefined {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet)?.[0];
}

describe('xlsx', () => {
  it('writes identifiers and text as text cells, counts and money as numbers, stored dates as dates, no formula anywhere', async () => {
    const { files, sheet, n } = await sheetOf(columns, rows);
    expect(n).toBe(3);
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const text = (s: string) => new RegExp(`t="inlineStr" s="2"><is><t xml:space="preserve">${s}</t></is></c>$`);
    expect(cell(sheet, 'A2')).toMatch(text('2026-0001'));
    expect(cell(sheet, 'B2')).toBe('<c r="B2" s="3"><v>46353</v></c>'); // 2026-11-27 as a day, shown yyyy-mm-dd
    expect(cell(sheet, 'C2')).toMatch(text('=SUM\\(1,2\\)')); // as typed: no apostrophe, not a formula
    expect(cell(sheet, 'D2')).toMatch(text('000003'));
    expect(cell(sheet, 'E2')).toBe('<c r="E2"><v>3</v></c>');
    expect(cell(sheet, 'F2')).toBe('<c r="F2" s="4"><v>12.5</v></c>'); // fen → yuan, 0.00
    expect(cell(sheet, 'G2')).toMatch(text('&lt;已登记&gt;')); // as a table shows it, escaped
    expect(cell(sheet, 'A3')).toMatch(text('1234567890123456789'));
    expect(cell(sheet, 'B3')).toMatch(text('2026-02-30')); // not a day: text as stored
    expect(cell(sheet, 'C3')).toMatch(text('1/2'));
    expect(cell(sheet, 'D3')).toMatch(text('000012'));
    expect(cell(sheet, 'G3')).toMatch(text('&lt;a&amp;b&gt;'));
    expect(cell(sheet, 'A4')).toMatch(text('007'));
    expect(cell(sheet, 'B4')).toBeUndefined(); // empty cells are left out
    expect(cell(sheet, 'C4')).toMatch(text('TRUE'));
    expect(cell(sheet, 'D4')).toMatch(text('1E5'));
    expect(cell(sheet, 'F4')).toBe('<c r="F4" s="4"><v>-0.05</v></c>');
    expect(cell(sheet, 'G4')).toMatch(text('&lt;１２３&gt;'));
    for (const [name, body] of files) expect(body.toString('utf8'), name).not.toMatch(/<f[ >]/);
    const styles = files.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(styles).toMatch(/<cellXfs count="5">.*<xf numFmtId="49" fontId="1"[^>]*\/><xf numFmtId="49"[^>]*\/><xf numFmtId="164"[^>]*\/><xf numFmtId="2"[^>]*\/><\/cellXfs>/);
    expect(styles).toContain('<font><b/>');
  });

  it('heads the sheet with the labels in a frozen bold row under an autofilter, and sizes columns by display width', async () => {
    const cols: Column[] = [
      { key: 'a', label: { zh: '来文单位', en: 'sender' }, kind: 'text' },
      { key: 'b', label: { zh: 'x', en: 'x' }, kind: 'id' },
    ];
    const { files, sheet } = await sheetOf(cols, [{ a: '某某市人民政府办公室某某科', b: 'abcdefghijklmnopqrstuvwxyz' }]);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">sender</t></is></c>');
    expect(sheet).toContain('<autoFilter ref="A1:B2"/>');
    // 13 CJK characters are 26 columns wide, 26 letters 26: both get the same width
    expect(sheet).toContain('<col min="1" max="1" width="27" customWidth="1"/><col min="2" max="2" width="27" customWidth="1"/>');
    const workbook = files.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('<sheet name="收文 2026-11" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'收文 2026-11'!$A$1:$B$2</definedName>`);
  });

  it('names a sheet legally: at most 31 characters, none of []:*?/\\, never empty', () => {
    expect(sheetName('收文 2026-11-01~2026-11-30')).toBe('收文 2026-11-01~2026-11-30');
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(sheetName("'office supplies 2026-11-01~2026-11-30'")).toBe('office supplies 2026-11-01~2026');
    expect(sheetName('')).toBe('Sheet1');
    expect(sheetName('x'.repeat(30) + '😀')).toBe('x'.repeat(30)); // never half a character
  });

  it('counts days as a spreadsheet does, and only real days from 1900-03-01', () => {
    expect(excelDay('1900-03-01')).toBe(61);
    expect(excelDay('2026-11-27')).toBe(46353);
    expect(excelDay('2024-02-29')).toBe(45351);
    expect([excelDay('2026-02-29'), excelDay('1900-02-28'), excelDay('2026-1-2'), excelDay('1/2')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps what a column marks as text as text, and numbers too long to be exact as text', () => {
    const cols: Column[] = [
      { key: 'code', label: { zh: '编号', en: 'code' }, kind: 'id', cell: 'text' },
      { key: 'n', label: { zh: '数', en: 'n' }, kind: 'id', num: true },
    ];
    expect(sheetCell(cols[0]!, { code: '2026-11-27' })).toBe('2026-11-27');
    expect(sheetCell(cols[1]!, { n: 1234567890123456 })).toBe('1234567890123456');
    expect(sheetCell(cols[1]!, { n: 42 })).toEqual({ number: 42 });
    expect(sheetCell(cols[1]!, { n: '3' })).toBe('3');
  });

  it('is refused on a terminal (exit 2), before writing anything', async () => {
    const out = memoryOut({ isTTY: true });
    const e = await renderXlsx(out, columns, rows, 'x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(WenmiError);
    expect((e as WenmiError).code).toBe('output.xlsxTerminal');
    expect((e as WenmiError).exitCode).toBe(2);
    expect(out.bytes().length).toBe(0);
  });

  it('streams: rows after the first thousand are written as they come, and a reader that goes away stops it', async () => {
    const out = memoryOut();
    const seen: number[] = [];
    function* many() {
      for (let i = 0; i < 30_000; i++) {
        if (i % 10_000 === 0) seen.push(out.bytes().length);
        yield { number: String(i).padStart(6, '0'), on: '2026-11-27', title: `第${i}号`, copyNo: null, copies: i, price: i, state: 'x' };
      }
    }
    const n = await renderRows(out, memoryOut(), columns, many(), { format: 'xlsx', bom: false });
    expect(n).toBe(30_000);
    expect(seen[1]).toBeGreaterThan(seen[0]!); // bytes were out before the rows ran out
    expect(seen[2]).toBeGreaterThan(seen[1]!);
    const sheet = readZip(out.bytes()).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<c r="A30001" t="inlineStr" s="2"><is><t xml:space="preserve">029999</t></is></c>');
    expect(sheet).toContain('<autoFilter ref="A1:G30001"/>');

    let closed = false;
    let returned = false;
    const sink = { writeBytes: () => void 0, get closed() {
      return closed;
    } };
    function* endless() {
      try {
        for (let i = 0; ; i++) {
          if (i === 5000) closed = true;
          yield [String(i)];
        }
      } finally {
        returned = true;
      }
    }
    expect(writeXlsx(sink, { name: 'x', headings: ['n'] }, endless())).toBe(5000);
    expect(returned).toBe(true);
  });
});
