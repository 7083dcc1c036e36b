/**
 * One set of renderers for every register: a list, a print and an export differ only in
 * the renderer they hand rows to. Rows are plain objects keyed by column keys.
 */
import { label as labelOf, t, type Label } from '../i18n.js';
import { usageError } from '../errors.js';
import { BOM, csvLine, tsvLine } from './csv.js';
import { jsonText, visible } from './escape.js';
import type { Out } from './sink.js';
import { displayWidth, wrapText } from './width.js';

export type Format = 'table' | 'csv' | 'tsv' | 'json';
export const FORMATS: Format[] = ['table', 'csv', 'tsv', 'json'];

export interface Column {
  /** The JSON key; stable across releases. */
  key: string;
  label: Label;
  /** Numbers stay numbers in CSV and JSON, and align right in tables. */
  num?: boolean;
  /** The widest a table lets this column grow before wrapping it. */
  wrap?: number;
  /** How tables, CSV and TSV show a value (e.g. a state code in the current language); JSON keeps the value. */
  text?: (value: unknown) => string;
}

/** A cell as people read it. */
export function shown(c: Column, row: Row): unknown {
  const v = row[c.key];
  return c.text && v !== null && v !== undefined ? c.text(v) : v;
}

export type Row = Record<string, unknown>;

export interface RenderOptions {
  format: Format;
  /** CSV only: start with a byte-order mark (on by default for files, so Excel reads UTF-8). */
  bom: boolean;
}

/** The format to use when none is given: from the file's extension, else a table on a terminal and TSV in a pipe. */
export function chooseFormat(given: string | undefined, outputFile: string | undefined, isTTY: boolean): Format {
  if (given !== undefined) {
    if (!FORMATS.includes(given as Format)) throw usageError('format.invalid', { value: given, choices: FORMATS.join('|') });
    return given as Format;
  }
  if (outputFile && outputFile !== '-') {
    const ext = /\.(csv|tsv|json)$/i.exec(outputFile)?.[1]?.toLowerCase();
    return (ext as Format | undefined) ?? 'csv';
  }
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
      for (const c of columns) obj[c.key] = row[c.key] ?? null;
      out.write((n++ ? ',\n' : '\n') + jsonText(obj));
    }
    out.write(n ? '\n]\n' : ']\n');
  } else {
    const line = format === 'csv' ? csvLine : tsvLine;
    if (format === 'csv' && opts.bom) out.write(BOM);
    out.write(line(columns.map((c) => labelOf(c.label))));
    for (const row of rows) {
      if (out.closed) break;
      out.write(line(columns.map((c) => shown(c, row))));
      n++;
    }
  }
  out.flush();
  return n;
}

/**
 * Lays out a table: column widths from the content, the widest text columns wrapped to fit
 * `maxWidth`, every character kept. Returns cells already broken into lines.
 */
export function layoutTable(columns: Column[], rows: Row[], maxWidth: number | undefined) {
  const head = columns.map((c) => labelOf(c.label));
  const body = rows.map((r) => columns.map((c) => cellText(c, r)));
  const natural = columns.map((c, i) => {
    let w = displayWidth(head[i]!);
    for (const cells of body) for (const l of cells[i]!.split('\n')) w = Math.max(w, displayWidth(l));
    return c.wrap ? Math.min(w, Math.max(c.wrap, displayWidth(head[i]!))) : w;
  });
  const widths = [...natural];
  if (maxWidth !== undefined) {
    const frame = 3 * columns.length + 1;
    let excess = widths.reduce((a, b) => a + b, 0) + frame - maxWidth;
    while (excess > 0) {
      const i = widths.indexOf(Math.max(...widths));
      if (widths[i]! <= 4) break; // every column is down to two CJK characters: let it overflow
      widths[i]!--;
      excess--;
    }
  }
  const wrap = (text: string, i: number) => wrapText(text, widths[i]!).join('\n');
  return { head: head.map(wrap), body: body.map((cells) => cells.map(wrap)), widths };
}

/** Renders a table with cli-table3 (loaded only here); no colour codes, nothing cut. */
export async function renderTable(out: Out, columns: Column[], rows: Row[], opts: { maxWidth?: number; title?: string } = {}): Promise<void> {
  const { default: Table } = await import('cli-table3');
  const { head, body } = layoutTable(columns, rows, opts.maxWidth);
  const table = new Table({
    head,
    style: { head: [], border: [], compact: false },
    colAligns: columns.map((c) => (c.num ? 'right' : 'left')),
    wordWrap: false,
  });
  table.push(...body);
  if (opts.title) out.write(opts.title + '\n');
  out.write(table.toString() + '\n');
  out.flush();
}

/** Renders rows in the chosen format; for a table an empty result says so on stderr. */
export async function renderRows(out: Out, err: Out, columns: Column[], rows: Iterable<Row>, opts: RenderOptions): Promise<number> {
  if (opts.format !== 'table') return renderStream(out, columns, rows, opts);
  const all = [...rows];
  if (all.length === 0) {
    err.write(t('output.noRows') + '\n');
    err.flush();
    return 0;
  }
  await renderTable(out, columns, all, { maxWidth: out.isTTY ? out.columns ?? 120 : undefined });
  return all.length;
}

export interface Book {
  /** The register's paper name: 收文登记簿. */
  title: string;
  /** Lines under the title: the unit, the period. */
  meta: string[];
  columns: Column[];
  rows: Row[];
  /** Lines under the table: the count, when printed, by whom, the journal head. */
  footer: string[];
}

/** Prints a register as the paper book it replaces: title, meta lines, a ruled table, footer. No terminal width limit. */
export async function renderBook(out: Out, book: Book): Promise<void> {
  const { head, body } = layoutTable(book.columns, book.rows, undefined);
  const { default: Table } = await import('cli-table3');
  const table = new Table({ head, style: { head: [], border: [] }, colAligns: book.columns.map((c) => (c.num ? 'right' : 'left')), wordWrap: false });
  table.push(...body);
  const text = table.toString();
  const width = displayWidth(text.split('\n')[0] ?? '');
  const center = (s: string) => ' '.repeat(Math.max(0, Math.floor((width - displayWidth(s)) / 2))) + s;
  out.write([center(book.title), ...book.meta.map(center), text, ...book.footer].join('\n') + '\n');
  out.flush();
}
