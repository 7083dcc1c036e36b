/**
 * A spreadsheet for people (.xlsx, Office Open XML, one sheet): cells typed as the register
 * means them — text cells for identifiers and free text (leading zeros, long digit strings,
 * `1/2`, `TRUE` and `=SUM(1,2)` stay exactly as typed), numbers for counts and money (two
 * decimals shown), dates as dates. No cell is ever a formula, so nothing needs an apostrophe.
 * The headings are a frozen, bold first row with an autofilter; column widths come from the
 * display width of the headings and the first rows (CJK counts double).
 *
 * Streams: rows are written as they come through zip.ts (memory does not grow with the rows);
 * only the first SAMPLE rows are held, to size the columns. Loaded with import() only when an
 * xlsx is written (render.ts), so nothing else pays for it.
 */
import { dataError } from '../errors.js';
import { visible } from './escape.js';
import { displayWidth } from './width.js';
import { ZipWriter, type ByteSink } from './zip.js';

/** A cell: empty, text, or a number shown as a count, as money (0.00) or as a date (an Excel day serial). */
export type Cell = null | string | { number: number; format?: 'money' | 'date' };

export interface Sheet {
  /** The sheet's name (made legal here: at most 31 characters, none of []:*?/\). */
  name: string;
  headings: string[];
}

/** Rows held to size the columns before the first is written. */
const SAMPLE = 1000;
/** Excel's last row (the headings take the first). */
export const MAX_ROWS = 1_048_576 - 1;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const STYLE = { heading: 1, text: 2, date: 3, money: 4 } as const;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A legal sheet name: none of []:*?/\ (each becomes _), no apostrophe at either end, at most 31 characters, never empty. */
export function sheetName(name: string): string {
  let s = visible(name).replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (s.length > 31) s = s.slice(0, /[\ud800-\udbff]/.test(s[30]!) ? 30 : 31).trimEnd();
  return s === '' ? 'Sheet1' : s;
}

/** Text as XML character data: markup escaped, control characters shown (escape.ts), what XML cannot hold replaced. */
function xmlText(text: string): string {
  return visible(text)
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd');
}

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(ref: string, cell: Cell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr" s="${STYLE.text}"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  const style = cell.format ? ` s="${STYLE[cell.format]}"` : '';
  return `<c r="${ref}"${style}><v>${cell.number}</v></c>`;
}

function cellWidth(cell: Cell): number {
  if (cell === null) return 0;
  if (typeof cell === 'string') return Math.max(0, ...cell.split('\n').map(displayWidth));
  return cell.format === 'date' ? 10 : String(cell.number).length + (cell.format === 'money' ? 3 : 0);
}

/** Column widths from the headings and the sampled rows. */
function widths(headings: string[], sample: Cell[][]): number[] {
  return headings.map((h, i) => {
    const w = sample.reduce((m, r) => Math.max(m, cellWidth(r[i] ?? null)), displayWidth(h) + 2);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1));
  });
}

/**
 * Writes `rows` as one sheet of a workbook to `sink`. Stops early if the reader goes away;
 * returns the number of rows written. More rows than a sheet holds is refused (exit 1).
 */
export function writeXlsx(sink: ByteSink, sheet: Sheet, rows: Iterable<Cell[]>): number {
  const zip = new ZipWriter(sink);
  const name = sheetName(sheet.name);
  const last = columnName(Math.max(0, sheet.headings.length - 1));
  const it = rows[Symbol.iterator]();
  const sample: Cell[][] = [];
  let exhausted = false;
  while (sample.length < SAMPLE) {
    const r = it.next();
    if (r.done) {
      exhausted = true;
      break;
    }
    sample.push(r.value);
  }
  writeParts(zip);
  zip.begin('xl/worksheets/sheet1.xml');
  zip.write(`${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">`);
  zip.write('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>');
  zip.write('<sheetFormatPr defaultRowHeight="15"/><cols>');
  widths(sheet.headings, sample).forEach((w, i) => zip.write(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  zip.write('</cols><sheetData>');
  zip.write(`<row r="1">${sheet.headings.map((h, i) => `<c r="${columnName(i)}1" t="inlineStr" s="${STYLE.heading}"><is><t xml:space="preserve">${xmlText(h)}</t></is></c>`).join('')}</row>`);
  let n = 0;
  const writeRow = (cells: Cell[]) => {
    if (n >= MAX_ROWS) throw dataError('output.xlsxTooManyRows', { max: MAX_ROWS });
    const r = ++n + 1;
    zip.write(`<row r="${r}">${cells.map((c, i) => cellXml(`${columnName(i)}${r}`, c)).join('')}</row>`);
  };
  for (const cells of sample) {
    if (sink.closed) break;
    writeRow(cells);
  }
  sample.length = 0;
  try {
    if (!exhausted) for (let r = it.next(); !r.done && !sink.closed; r = it.next()) writeRow(r.value);
  } finally {
    if (!exhausted) it.return?.();
  }
  zip.write(`</sheetData><autoFilter ref="A1:${last}${n + 1}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  zip.end();
  writeWorkbook(zip, name, `'${name.replace(/'/g, "''")}'!$A$1:$${last}$${n + 1}`);
  zip.finish();
  return n;
}

function partOf(zip: ZipWriter, path: string, xml: string): void {
  zip.begin(path);
  zip.write(XML_HEAD + xml);
  zip.end();
}

/** The parts before the sheet: content types, the package's relationships, the styles. */
function writeParts(zip: ZipWriter): void {
  const part = (path: string, xml: string) => partOf(zip, path, xml);
  const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  part(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${main}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${main}.styles+xml"/></Types>`,
  );
  part('_rels/.rels', `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const xf = (numFmt: number, font = 0) => `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${font ? ' applyFont="1"' : ''}/>`;
  part(
    'xl/styles.xml',
    `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xf(49, 1)}${xf(49)}${xf(164)}${xf(2)}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
}

/** The parts after the sheet, once its rows are counted: the workbook (with the filter's range) and its relationships. */
function writeWorkbook(zip: ZipWriter, name: string, filterRange: string): void {
  const part = (path: string, xml: string) => partOf(zip, path, xml);
  part(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  part(
    'xl/workbook.xml',
    `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(filterRange)}</definedName></definedNames></workbook>`,
  );
}
