/**
 * One set of renderers for every register: a list, a print and an export differ only in
 * the renderer they hand rows to. Rows are plain objects keyed by column keys.
 */
import { label as labelOf, t, type Label } from '../i18n.js';
import { usageError } from '../errors.js';
import { BOM, csvCell, csvLine, tsvCell, tsvLine } from './csv.js';
import { jsonText, visible } from './escape.js';
import type { Out } from './sink.js';
import { fitLayout, fullLayout, type ColumnKind, type Grid, type Laid } from './layout.js';
import { displayWidth } from './width.js';
import type { Cell } from './xlsx.js';
import { excelDay } from '../dates.js';

export type Format = 'table' | 'csv' | 'tsv' | 'json' | 'xlsx';
export const FORMATS: Format[] = ['table', 'csv', 'tsv', 'json', 'xlsx'];

export interface Column {
  /** The JSON key; stable across releases. */
  key: string;
  label: Label;
  /** Numbers stay numbers in CSV and JSON, and align right in tables. */
  num?: boolean;
  /**
   * `id`: a number, date, code, state or count — never broken or cut. `text`: free text (titles,
   * names, notes, reasons) — cut with `…` to fit a terminal, wrapped in a book.
   */
  kind: ColumnKind;
  /** Text only: the width a book (and a full table) wraps it at; without it, it keeps its width. */
  wrap?: number;
  /** A terminal too narrow for every column leaves these out first (--wide shows them). */
  spare?: boolean;
  /** How tables, CSV and TSV show a value (e.g. a state code in the current language, a time as `11-27 09:30`); JSON keeps the value. */
  text?: (value: unknown) => string;
  /**
   * How a value is written in a format where that differs from the above: money kept in fen is
   * `text` (yuan with two decimals) in tables and TSV, `as: { csv: yuan number }` in CSV, fen in JSON.
   */
  as?: Partial<Record<Format, (value: unknown) => unknown>>;
  /**
   * What an .xlsx cell holds, where the rule in `sheetCell` cannot tell: `money` (fen shown as yuan,
   * 0.00), `text` (an identifier shaped like a date), `date`, `number`.
   */
  cell?: 'money' | 'text' | 'date' | 'number';
}

/**
 * A cell as `format` writes it: the column's hook for that format, else `text` (JSON: the stored
 * value). An empty value stays empty (null in JSON).
 */
export function written(c: Column, row: Row, format: Format): unknown {
  return writtenValue(c, row[c.key], format);
}

/** A value as `format` writes it in column `c` (written, given the value rather than its row). */
function writtenValue(c: Column, v: unknown, format: Format): unknown {
  if (v === null || v === undefined) return format === 'json' ? null : v;
  const hook = c.as?.[format];
  if (hook) return hook(v);
  return c.text && format !== 'json' ? c.text(v) : v;
}

/** A cell as people read it (a table, a book, `show`). */
export function shown(c: Column, row: Row): unknown {
  return written(c, row, 'table');
}

export type Row = Record<string, unknown>;

/** Beyond this a number loses digits in a spreadsheet: it is written as text. */
const EXACT = 1e15;

/**
 * A cell as an .xlsx holds it. By default a `num` column's numbers are numbers, an `id` column's
 * stored dates (yyyy-MM-dd) are dates, and everything else is text as a table shows it (words in
 * the current language); a column's `cell` says otherwise (money: fen → yuan, two decimals).
 */
export function sheetCell(c: Column, row: Row): Cell {
  const v = row[c.key];
  if (v === null || v === undefined) return null;
  const as = c.cell ?? (c.num ? 'number' : c.kind === 'id' ? 'date' : 'text');
  const value = c.as?.xlsx ? c.as.xlsx(v) : v;
  if (as === 'money' && typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < EXACT) return { number: value / 100, format: 'money' };
  if (as === 'number' && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < EXACT) return { number: value };
  if (as === 'date' && typeof value === 'string') {
    const day = excelDay(value);
    if (day !== undefined) return { number: day, format: 'date' };
  }
  const text = written(c, row, 'xlsx');
  return text === null || text === undefined ? null : String(text);
}

export interface RenderOptions {
  format: Format;
  /** CSV only: start with a byte-order mark (on by default for files, so Excel reads UTF-8). */
  bom: boolean;
  /** xlsx only: the sheet's name (the register and period). */
  sheet?: string;
}

/** What a list writes for each file extension: `.txt` is the table as text. */
export const LIST_EXTENSIONS: Record<string, Format> = { csv: 'csv', tsv: 'tsv', json: 'json', xlsx: 'xlsx', txt: 'table' };

/**
 * The format a file's extension names, among those a command writes (`known`: extension → format).
 * Undefined when the name has no extension; any other extension is refused, so `out.xlsx` never gets CSV.
 */
export function formatOfExtension<F extends string>(file: string, known: Record<string, F>): F | undefined {
  const ext = /\.([A-Za-z][A-Za-z0-9]{0,9})$/.exec(file)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  if (!Object.hasOwn(known, ext)) throw usageError('output.extension', { path: file, ext, choices: Object.keys(known).map((e) => `.${e}`).join(' ') });
  return known[ext];
}

/** The format to use: --format, else the file's extension (which must agree with --format), else a table on a terminal and TSV in a pipe. */
export function chooseFormat(given: string | undefined, outputFile: string | undefined, isTTY: boolean): Format {
  if (given !== undefined && !FORMATS.includes(given as Format)) throw usageError('format.invalid', { value: given, choices: FORMATS.join('|') });
  if (outputFile && outputFile !== '-') {
    const named = formatOfExtension(outputFile, LIST_EXTENSIONS);
    if (given !== undefined && named !== undefined && named !== given) throw usageError('output.extensionFormat', { path: outputFile, format: given });
    return (given as Format | undefined) ?? named ?? 'csv';
  }
  if (given !== undefined) return given as Format;
  return isTTY ? 'table' : 'tsv';
}

function cellText(c: Column, row: Row): string {
  const v = shown(c, row);
  return v === null || v === undefined ? '' : visible(String(v));
}

/** Streams rows to `out` in a machine format. Stops early if the reader goes away. Returns the row count. */
export function renderStream(out: Out, columns: Column[], rows: Iterable<Row>, opts: RenderOptions): number {
  let n = 0;
  const { format } = opts;
  if (format === 'json') {
    out.write('[');
    for (const row of rows) {
      if (out.closed) break;
      const obj: Row = {};
      for (const c of columns) obj[c.key] = written(c, row, 'json');
      out.write((n++ ? ',\n' : '\n') + jsonText(obj));
    }
    out.write(n ? '\n]\n' : ']\n');
  } else {
    const csv = format === 'csv';
    if (csv && opts.bom) out.write(BOM);
    out.write((csv ? csvLine : tsvLine)(columns.map((c) => labelOf(c.label))));
    // each line built as one string, cell by cell (what csvLine/tsvLine give, without an array per row)
    const cell = csv ? csvCell : tsvCell;
    const [sep, end] = csv ? [',', '\r\n'] : ['\t', '\n'];
    for (const row of rows) {
      if (out.closed) break;
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        line += (i === 0 ? '' : sep) + cell(writtenValue(c, row[c.key], format));
      }
      out.write(line + end);
      n++;
    }
  }
  out.flush();
  return n;
}

function gridOf(columns: Column[], rows: Row[]): Grid {
  return {
    head: columns.map((c) => labelOf(c.label)),
    body: rows.map((r) => columns.map((c) => cellText(c, r))),
    kinds: columns.map((c) => c.kind),
    wraps: columns.map((c) => (c.kind === 'text' ? c.wrap : undefined)),
    ranks: columns.map((c) => (c.spare ? 0 : 1)),
  };
}

/** How a table is laid out: everything (`full`), or fitted to a terminal's width, text cut to one line per row or wrapped. */
export type TableFit = { width: number; mode: 'cut' | 'wrap' } | undefined;

/** The columns a fitted table left out for want of width (empty columns are not counted). */
export function layoutTable(columns: Column[], rows: Row[], fit: TableFit): Laid & { columns: Column[] } {
  const grid = gridOf(columns, rows);
  const laid = fit ? fitLayout(grid, fit.width, PLAIN_GAP.length, fit.mode) : fullLayout(grid);
  return { ...laid, columns: laid.keep.map((i) => columns[i]!) };
}

const PLAIN_GAP = '  ';
const PLAIN_CHARS = Object.fromEntries(
  ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right', 'left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid'].map((k) => [k, '']),
);

/** Lines of a table handed to cli-table3 at once: its layout step grows with the square of its rows. */
const CHUNK_LINES = 64;

/**
 * Draws finished cells with cli-table3 (loaded only here), which only aligns and rules them.
 * `plain`: aligned columns without rules, for a terminal. `ruled`: the book's grid. Each line of a
 * cell goes to cli-table3 as a row of its own, a few dozen rows at a time (its cost grows with the
 * square of a cell's lines and of a table's rows); the first row of each batch is padded to the
 * column widths so the batches align, and the rules between rows are put back here.
 */
async function drawTable(columns: Column[], laid: Laid, style: 'plain' | 'ruled'): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const right = columns.map((c) => c.num === true);
  const split = (cells: string[]) => cells.map((c) => c.split('\n'));
  const head = split(laid.head);
  const body = laid.body.map(split);
  const widths = columns.map((_, i) => Math.max(...head[i]!.map(displayWidth), ...body.map((cells) => Math.max(...cells[i]!.map(displayWidth)))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return right[i] ? fill + text : text + fill;
  };
  const options =
    style === 'plain'
      ? { chars: { ...PLAIN_CHARS, middle: PLAIN_GAP }, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 } }
      : { style: { head: [], border: [], compact: true } };
  /** Draws physical lines (each an array of one line per column); ruled tables come back with their top and bottom rules. */
  const draw = (lines: string[][]): string[] => {
    const table = new Table({ ...options, colAligns: right.map((r) => (r ? 'right' : 'left')), wordWrap: false });
    table.push(...lines.map((l, k) => (k === 0 ? l.map(pad) : l)));
    return table.toString().split('\n');
  };
  const physical = (cells: string[][]) => Array.from({ length: Math.max(1, ...cells.map((l) => l.length)) }, (_, k) => cells.map((l) => l[k] ?? ''));
  const rowsOf = (cells: string[][]): string[] => {
    const lines = physical(cells);
    const out: string[] = [];
    for (let k = 0; k < lines.length; k += CHUNK_LINES) {
      const drawn = draw(lines.slice(k, k + CHUNK_LINES));
      out.push(...(style === 'ruled' ? drawn.slice(1, -1) : drawn));
    }
    return out;
  };
  if (style === 'plain') return [...rowsOf(head), ...body.flatMap(rowsOf)].map((l) => l.trimEnd()).join('\n');
  const top = draw(physical(head));
  const rule = top[0]!.replace('┌', '├').replace('┐', '┤').replaceAll('┬', '┼');
  const out = top.slice(0, -1);
  body.forEach((cells) => out.push(rule, ...rowsOf(cells)));
  out.push(top[top.length - 1]!);
  return out.join('\n');
}

/**
 * Renders a table. With `fit`, it fits a terminal's width without rules (`hidden` names the columns
 * it had to leave out); without, it is ruled and keeps everything.
 */
export async function renderTable(out: Out, columns: Column[], rows: Row[], opts: { fit?: TableFit; title?: string } = {}): Promise<{ hidden: Column[] }> {
  const laid = layoutTable(columns, rows, opts.fit);
  const text = await drawTable(laid.columns, laid, opts.fit ? 'plain' : 'ruled');
  if (opts.title) out.write(opts.title + '\n');
  out.write(text + '\n');
  out.flush();
  return { hidden: laid.hidden.map((i) => columns[i]!) };
}

export interface TableRenderOptions extends RenderOptions {
  /** A table on a terminal: fit this width (one line per row, text cut; Infinity for --wide). */
  fitWidth?: number;
  /** Wrap text rather than cut it when fitting (one entry's fields). */
  wrapText?: boolean;
}

/** Streams rows as one sheet of an .xlsx (xlsx.ts, loaded only here); never to a terminal. Returns the row count. */
export async function renderXlsx(out: Out, columns: Column[], rows: Iterable<Row>, sheet: string): Promise<number> {
  if (out.isTTY) throw usageError('output.xlsxTerminal');
  const { writeXlsx } = await import('./xlsx.js');
  const cells = function* () {
    for (const row of rows) yield columns.map((c) => sheetCell(c, row));
  };
  const n = writeXlsx(out, { name: sheet, headings: columns.map((c) => labelOf(c.label)) }, cells());
  out.flush();
  return n;
}

/** Renders rows in the chosen format; for a table an empty result says so on stderr, and so do columns a terminal had no room for. */
export async function renderRows(out: Out, err: Out, columns: Column[], rows: Iterable<Row>, opts: TableRenderOptions): Promise<number> {
  if (opts.format === 'xlsx') return renderXlsx(out, columns, rows, opts.sheet ?? '');
  if (opts.format !== 'table') return renderStream(out, columns, rows, opts);
  const all = [...rows];
  if (all.length === 0) {
    err.write(t('output.noRows') + '\n');
    err.flush();
    return 0;
  }
  const fit: TableFit = opts.fitWidth === undefined ? undefined : { width: opts.fitWidth, mode: opts.wrapText ? 'wrap' : 'cut' };
  const { hidden } = await renderTable(out, columns, all, { fit });
  if (hidden.length > 0) {
    err.write(t('output.hiddenColumns', { count: hidden.length, columns: hidden.map((c) => labelOf(c.label)).join(labelOf({ zh: '、', en: ', ' })) }) + '\n');
    err.flush();
  }
  return all.length;
}

export interface Book {
  /** The register's paper name: 收文登记簿. */
  title: string;
  /** The unit's name (setting unit.name): the text book prints it under the title, a page over it (某某局收文登记簿). */
  unit?: string;
  /** Lines under the title: the period, the seal, … */
  meta: string[];
  columns: Column[];
  rows: Row[];
  /** Lines under the table: the count, when printed, by whom, the journal head. */
  footer: string[];
  /** Who signs the sheet, in order (经办人（签字）、审核人（签字）、日期): a line to sign each, after the footer. */
  signatures?: string[];
  /** The journal head when printed (`SEQ:HASH`), which the footer states and `verify --against` proves. */
  head?: string;
  /** A classified book (涉密): every printed page says so. */
  classified?: boolean;
}

/** The signature block as one line of text: `经办人（签字）：__________　　日期：__________`. */
export function signatureLine(labels: string[]): string {
  return labels.map((l) => t('book.signature', { label: l })).join(t('book.signatureGap'));
}

/** Prints a register as the paper book it replaces: title, unit, meta lines, a ruled table, footer, signatures. Full text; only free text wraps. */
export async function renderBook(out: Out, book: Book): Promise<void> {
  const laid = layoutTable(book.columns, book.rows, undefined);
  const text = await drawTable(laid.columns, laid, 'ruled');
  const width = displayWidth(text.split('\n')[0] ?? '');
  const center = (s: string) => ' '.repeat(Math.max(0, Math.floor((width - displayWidth(s)) / 2))) + s;
  const heading = [book.title, ...(book.unit ? [book.unit] : []), ...book.meta];
  const signatures = book.signatures?.length ? ['', signatureLine(book.signatures)] : [];
  out.write([...heading.map(center), text, ...book.footer, ...signatures].join('\n') + '\n');
  out.flush();
}
