/**
 * CSV for people (Excel, LibreOffice) and TSV for scripts.
 * CSV: RFC 4180 quoting, CRLF. In both, text cells that a spreadsheet would run as a formula
 * (beginning with = + - @, tab, CR, or their full-width forms) are prefixed with ' (a TSV file
 * opens in a spreadsheet as readily as a CSV one), except a plain negative number (`-75.00`,
 * which is no formula), and control characters are shown escaped.
 */
import { MAX_CELL_LENGTH } from '../text.js';
import { visible } from './escape.js';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
/** A negative amount or count written as text (`-75.00`): a spreadsheet reads it as a number, never a formula, and a script sums it. */
const PLAIN_NUMBER = /^-\d+(?:\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Text that none of the rules below changes (no formula start, control, quote, comma or edge space): written as it is, in one test. */
const PLAIN_CSV = /^(?![\s=+\-@＝＋－＠])[^\u0000-\u001f\u007f-\u009f",]*(?<!\s)$/;
const PLAIN_TSV = /^(?![=+\-@＝＋－＠])[^\u0000-\u001f\u007f-\u009f]*$/;

/** One CSV cell. Numbers stay numbers; text keeps its leading zeros. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' && PLAIN_CSV.test(value)) return value;
  const text = visible(neutralised(String(value)));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A text cell a spreadsheet would run as a formula, prefixed with ' so it stays text. */
function neutralised(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One TSV cell: tabs and line breaks inside a value become spaces, so each row stays one line. Numbers stay numbers. */
export function tsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' && PLAIN_TSV.test(value)) return value;
  return visible(neutralised(String(value).replace(/[\t\r\n]+/g, ' ')));
}

export function tsvLine(values: unknown[]): string {
  return values.map(tsvCell).join('\t') + '\n';
}

export const BOM = '\ufeff';

export interface ParsedCsv {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Parses CSV text (RFC 4180; a BOM is stripped; CRLF or LF). Blank lines are skipped.
 * Throws { line, code } for an unterminated quote or a stray quote, a cell longer than
 * MAX_CELL_LENGTH, or a row with more non-empty cells than the header (empty trailing cells,
 * which spreadsheets pad rows with, are fine), with the line number.
 */
export function parseCsv(text: string): ParsedCsv {
  if (text.startsWith(BOM)) text = text.slice(1);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== '' || wasQuoted) throw Object.assign(new Error('csv.strayQuote'), { line, code: 'csv.strayQuote' });
      quoted = wasQuoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      wasQuoted = false;
      line++;
      recordLine = line;
    } else {
      if (wasQuoted) throw Object.assign(new Error('csv.strayQuote'), { line, code: 'csv.strayQuote' });
      cell += ch;
    }
  }
  if (quoted) throw Object.assign(new Error('csv.unterminated'), { line: recordLine, code: 'csv.unterminated' });
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
  const [head, ...rows] = records;
  for (const r of records) {
    if (r.cells.some((c) => c.length > MAX_CELL_LENGTH)) throw Object.assign(new Error('csv.cellTooLong'), { line: r.line, code: 'csv.cellTooLong', max: MAX_CELL_LENGTH });
    if (r !== head && r.cells.slice(head!.cells.length).some((c) => c.trim() !== ''))
      throw Object.assign(new Error('csv.extraCells'), { line: r.line, code: 'csv.extraCells', columns: head!.cells.length });
  }
  return { header: head ? head.cells.map((h) => h.trim()) : [], rows };
}
