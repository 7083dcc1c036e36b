/**
 * The session: one run of one command — its global options, clock, database, operator and
 * output (lists, books, `show`). Commands get it from the kit's `run`.
 */
import os from 'node:os';
import { systemClock, type Clock } from '../core/clock.js';
import { formatTimestamp, periodOf, shortMoment, type Period } from '../core/dates.js';
import { checkDbPath, openDatabase, writeTx, type DB } from '../core/db.js';
import { usageError } from '../core/errors.js';
import { label, t, wordsText, type Label } from '../core/i18n.js';
import { journalHead, type Ctx } from '../core/journal.js';
import { completeFields, type Field } from '../core/prompts.js';
import { chooseFormat, renderBook, renderRows, shown, type Book, type Column, type Format, type Row } from '../core/output/render.js';
import { renderHtml, type Paper } from '../core/output/html.js';
import { visible } from '../core/output/escape.js';
import { fileOut, type Out } from '../core/output/sink.js';
import { defaultDbPath } from '../core/paths.js';
import { recordReveal } from '../core/reveal.js';
import { getSetting } from '../core/settings.js';
import { checkInputText } from '../core/text.js';
import { linkEnds, type EntryRef } from '../core/links.js';
import type { Registry } from '../core/register.js';

export interface IO {
  stdout: Out;
  stderr: Out;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Where a session comes from: its register (the sheet of an .xlsx is named after it) and its command's options (the period). */
export interface Origin {
  register?: Label;
  opts: PeriodOpts;
}

export interface GlobalOpts {
  db?: string;
  lang?: string;
  by?: string;
  color?: boolean;
  input?: boolean;
}

export interface OutputOpts {
  format?: string;
  output?: string;
  bom?: boolean;
  force?: boolean;
  /** A table on a terminal shows everything, uncut, rather than fitting the terminal. */
  wide?: boolean;
}

export interface PeriodOpts {
  month?: string;
  from?: string;
  to?: string;
}

/** The options of a verb that declares none. */
export type NoOpts = Record<string, never>;

/** `--reveal` (kit.withReveal). */
export interface RevealOpts {
  reveal?: boolean;
}

/** The options of a paper book (print verbs, kit.withBook): `-o`, `--force`, `--bom`/`--no-bom`, `--format`, `--paper`. */
export interface BookOpts {
  output?: string;
  force?: boolean;
  bom?: boolean;
  /** text|html|pdf|csv|tsv|json; the hook of kit.withBook sets it from -o's extension when not given. */
  format?: string;
  /** a4|a4-portrait|a3 (HTML and PDF). */
  paper?: string;
}

/** Colour only on a terminal, never under NO_COLOR, TERM=dumb or --no-color; FORCE_COLOR forces it. */
export function useColor(argv: string[], env: IO['env'], isTTY: boolean): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/** One run of one command. Opens the database only when asked. */
export class Session {
  private handle: DB | undefined;
  private op: string | undefined;
  readonly clock: Clock;

  constructor(
    readonly io: IO,
    readonly globals: GlobalOpts,
    readonly registry: Registry,
    readonly origin: Origin = { opts: {} },
  ) {
    this.clock = systemClock(io.env);
  }

  /** An .xlsx sheet's name: the register and the period asked for (`收文 2026-11`, `收文 2026-11-01~2026-11-15`). */
  sheetName(): string {
    const { register, opts } = this.origin;
    let period = '';
    try {
      const p = periodOf({ month: opts.month, from: opts.from, to: opts.to }, this.clock);
      period = opts.month !== undefined ? (p.from ?? '').slice(0, 7) : p.from || p.to ? `${p.from ?? ''}~${p.to ?? ''}` : '';
    } catch {
      // the command refused its period already; the register's name alone will do
    }
    return [register ? label(register) : '', period].filter(Boolean).join(' ');
  }

  /** The database path and whether it is the default one (which is created on first write). */
  get dbPath(): { path: string; isDefault: boolean } {
    const given = this.globals.db ?? this.io.env.WENMI_DB;
    if (given !== undefined) {
      checkDbPath(given);
      return { path: given, isDefault: false };
    }
    return { path: defaultDbPath(), isDefault: true };
  }

  /**
   * Opens the database. A read opens it as it is (refusing one that is not a wenmi database or
   * lacks a migration); `write` applies missing migrations; `init` may also make an empty file a
   * database; `create` makes a missing file (init, or a writing command on the default path).
   */
  db(opts: { create?: boolean; mode?: 'init' | 'write' | 'read' | 'verify' } = {}): DB {
    if (!this.handle) {
      this.handle = openDatabase(this.dbPath.path, { create: opts.create === true, mode: opts.mode ?? 'read', migrations: this.registry.migrations });
    }
    return this.handle;
  }

  /** The database for a writing command: the default one is created on first use. */
  writableDb(): DB {
    return this.db({ create: this.dbPath.isDefault, mode: 'write' });
  }

  /** The operator: --by, WENMI_OPERATOR, the configured default, or the login name. */
  operator(): string {
    if (this.op === undefined) {
      const given = this.globals.by ?? this.io.env.WENMI_OPERATOR;
      if (given !== undefined && given.trim() === '') throw usageError('operator.empty');
      if (given !== undefined) checkInputText(given, 'by', this.globals.by !== undefined ? '--by' : 'WENMI_OPERATOR');
      this.op = given?.trim() ?? getSetting(this.db(), this.registry.settings, 'operator.default') ?? os.userInfo().username;
    }
    return this.op;
  }

  /** The rule context for a writing command. */
  ctx(): Ctx {
    return { db: this.writableDb(), clock: this.clock, operator: this.operator() };
  }

  /** Runs fn in one IMMEDIATE write transaction with the rule context. */
  tx<T>(fn: (ctx: Ctx) => T): T {
    const ctx = this.ctx();
    return writeTx(ctx.db, () => fn(ctx));
  }

  get interactive(): boolean {
    return this.globals.input !== false && this.io.stdinIsTTY && this.io.stdout.isTTY;
  }

  /** Fills in missing fields by asking on a terminal, or fails naming every missing flag. Answers are checked as options are. */
  async complete(values: Record<string, unknown>, fields: Field[]): Promise<void> {
    const color = this.globals.color !== false && useColor([], this.io.env, this.io.stderr.isTTY);
    // an answer is held to the text rules as it is typed, like the flag's own value (kit.run)
    const checked = fields.map((f) => ({
      ...f,
      check: (v: string) => {
        checkInputText(v, f.flag.replace(/^--/, ''), f.flag);
        f.check?.(v);
      },
    }));
    await completeFields(values, checked, this.interactive, color, (line) => this.info(line));
  }

  /**
   * --reveal: records who is shown which classified entries, before they are shown.
   * Returns whether to show them. `refs` lists the numbers of the classified entries to be shown.
   */
  /** Whether this command has shown classified entries (--reveal): a book printed after it is marked 涉密. */
  private revealedClassified = false;

  reveal(asked: boolean, register: string, command: string, refs: () => string[]): boolean {
    if (!asked) return false;
    const list = refs();
    if (list.length > 0) {
      this.tx((ctx) => recordReveal(ctx, register, command, list));
      this.revealedClassified = true;
    }
    return true;
  }

  period(opts: PeriodOpts): Period {
    return periodOf(opts, this.clock);
  }

  /** Data to stdout; control characters shown escaped (a newline stays one). */
  print(text: string): void {
    this.io.stdout.write(visible(text));
    this.io.stdout.flush();
  }

  /** Messages to stderr; control characters shown escaped (a newline stays one). */
  info(text: string): void {
    this.io.stderr.write(visible(text) + '\n');
    this.io.stderr.flush();
  }

  private protectedPaths(): string[] {
    const given = this.globals.db ?? this.io.env.WENMI_DB;
    const db = given && given.trim() !== '' ? given : defaultDbPath();
    return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
  }

  /** Opens where -o points (a file, or stdout for none or `-`), and gives the writer a target. */
  async toOutput(o: OutputOpts, write: (out: Out) => Promise<void> | void): Promise<void> {
    if (o.output === undefined || o.output === '-') return void (await write(this.io.stdout));
    const file = fileOut(o.output, { force: o.force === true, protect: this.protectedPaths() });
    try {
      await write(file);
      file.commit();
    } catch (e) {
      file.abort();
      throw e;
    }
    this.info(t('output.written', { path: o.output }));
  }

  /**
   * Hands rows to the renderer the options ask for: a table on a terminal (fitted to its width;
   * with --wide one uncut line per row), TSV in a pipe, CSV/JSON on request or by the file's
   * extension; a table in a pipe or a file is ruled and keeps everything.
   */
  async output(columns: Column[], rows: Iterable<Row>, o: OutputOpts, fit: 'cut' | 'wrap' = 'cut'): Promise<void> {
    const toFile = o.output !== undefined && o.output !== '-';
    const format = chooseFormat(o.format, o.output, !toFile && this.io.stdout.isTTY);
    await this.toOutput(o, (out) => this.writeRows(out, columns, rows, o, format, fit));
  }

  /**
   * Writes rows in `format` to an output `toOutput` opened: each column's value as that format
   * writes it; CSV in a file starts with a BOM unless --no-bom (--bom adds one on stdout); a table
   * on a terminal fits its width (text cut, or wrapped with `fit: 'wrap'`) unless --wide.
   */
  async writeRows(out: Out, columns: Column[], rows: Iterable<Row>, o: OutputOpts, format: Format, fit: 'cut' | 'wrap' = 'cut'): Promise<void> {
    const toFile = o.output !== undefined && o.output !== '-';
    const bom = o.bom ?? (toFile && format === 'csv');
    const fitWidth = !toFile && out === this.io.stdout && this.io.stdout.isTTY ? (o.wide === true ? Infinity : this.io.stdout.columns ?? 80) : undefined;
    await renderRows(out, this.io.stderr, columns, rows, { format, bom, fitWidth, wrapText: fit === 'wrap', sheet: format === 'xlsx' ? this.sheetName() : undefined });
  }

  /**
   * Prints a register as its paper book: the unit's name (setting unit.name) with the title and
   * meta lines, and a footer message given the print stamp {at, operator, head} — when it was
   * printed, by whom, and the journal head that `verify --against` can prove later — then the
   * signature block. The format (kit.withBook): the book as text, a printable HTML page set, that
   * page set printed to PDF by a browser on the machine, or the book's rows as CSV/TSV/JSON.
   */
  async printBook(o: BookOpts, book: BookSpec): Promise<void> {
    const db = this.db();
    const head = journalHead(db);
    const stamp = { at: shortMoment(formatTimestamp(this.clock.now())), operator: this.operator(), head: `${head.seq}:${head.hash}` };
    const unit = getSetting(db, this.registry.settings, 'unit.name');
    const format = (o.format ?? 'text') as BookFormat; // kit.withBook's hook has checked it and taken it from -o's extension
    if (format !== 'text' && format !== 'html' && format !== 'pdf') return this.toOutput(o, (out) => this.writeRows(out, book.columns, book.rows, o, format));
    const page: Book = {
      title: label(book.title),
      unit: unit ? visible(unit) : undefined,
      meta: book.meta.filter((m): m is string => Boolean(m)).map((m) => visible(m)),
      columns: book.columns,
      rows: book.rows,
      footer: [visible(t(book.footer, { ...book.footerParams, ...stamp }))],
      signatures: book.signatures?.map(label),
      head: stamp.head,
      classified: book.classified === true || this.revealedClassified,
    };
    const paper = (o.paper ?? 'a4') as Paper;
    if (format === 'text') return this.toOutput(o, (out) => renderBook(out, page));
    if (format === 'html') return this.toOutput(o, (out) => out.write(renderHtml(page, paper)));
    // a PDF: the page set printed by a browser (loaded only here), then moved into place like any file
    if (o.output === undefined || o.output === '-') throw usageError('book.pdfNeedsFile');
    const { findBrowser, printPdf } = await import('../core/output/pdf.js');
    const browser = findBrowser(this.io.env);
    const file = fileOut(o.output, { force: o.force === true, protect: this.protectedPaths() });
    try {
      file.bytes(await printPdf(renderHtml(page, paper), browser));
      file.commit();
    } catch (e) {
      file.abort();
      throw e;
    }
    this.info(t('output.written', { path: o.output }));
  }

  /**
   * `show`: one entry as a two-column table of its fields (`skipEmpty` leaves out empty ones),
   * then each section that has rows (its corrections, loans, history, …), then its links to
   * and from other registers' entries. `--format json` prints the same data:
   * `{ entry, <section key>: rows, …, links }`.
   */
  async show(spec: ShowSpec, format: string | undefined): Promise<void> {
    const links = spec.links ? await this.linksOf(spec.links) : undefined;
    if (format === 'json') {
      const json: Record<string, unknown> = { [spec.entryKey ?? 'entry']: spec.entry };
      for (const section of spec.sections ?? []) json[section.key] = section.rows;
      if (links) json.links = links;
      return this.print(JSON.stringify(json, null, 2) + '\n');
    }
    const rows = spec.fields
      .filter((c) => !spec.skipEmpty || (spec.entry[c.key] !== null && spec.entry[c.key] !== undefined))
      .map((c) => ({ field: label(c.label), value: shown(c, spec.entry) ?? '' }));
    await this.output(FIELD_COLUMNS, rows, { format: 'table' }, 'wrap');
    const linkRows = (links ?? []).map((l) => {
      const kind = this.registry.linkKinds[l.kind];
      const other = this.registry.registers.find((r) => r.name === l.register);
      return { word: kind ? label(l.direction === 'to' ? kind.forward : kind.backward) : l.kind, register: other ? label(other.label) : l.register, ref: l.ref, summary: l.summary };
    });
    const sections = [...(spec.sections ?? []), { key: 'links', columns: LINK_COLUMNS, rows: linkRows }];
    for (const section of sections) {
      if (!section.columns || section.rows.length === 0) continue;
      this.print('\n');
      await this.output(section.columns, section.rows, { format: 'table' });
    }
  }

  /** An entry's links (core/links.ts), each with the other entry's register, number and summary line from its face. */
  async linksOf(end: EntryRef): Promise<LinkShown[]> {
    const db = this.db();
    const shownLinks: LinkShown[] = [];
    for (const l of linkEnds(db, end)) {
      const face = await this.registry.face(l.other.register);
      shownLinks.push({
        kind: l.kind,
        direction: l.direction,
        register: l.other.register,
        ref: l.other.ref,
        summary: face ? face.summary(db, l.other.ref) : '',
      });
    }
    return shownLinks;
  }

  /**
   * The entry a typed reference names, through its register's face: `收文 2026-0001`,
   * `incoming 2026-1`, or a bare number when the option says the register
   * (`--from-incoming 2026-0001`, `expected`). An unknown register word, or one that is not
   * the expected register, is a usage error; an unknown number is refused by the register (exit 1).
   */
  async resolveRef(typed: string, expected?: string): Promise<EntryRef> {
    const text = typed.trim();
    if (text === '') throw usageError('link.empty');
    const words = (r: { name: string; label: Label }) => [r.name, r.label.zh, r.label.en].map((w) => w.toLowerCase());
    let register: string | undefined;
    let ref = text;
    const spaced = /^(\S+)\s+(\S.*)$/.exec(text);
    const named = spaced ? this.registry.registers.find((r) => words(r).includes(spaced[1]!.toLowerCase())) : undefined;
    // `收文2026-0001` as the registers print it: a Chinese register word straight before the number
    const joined = named ? undefined : this.registry.registers.find((r) => text.startsWith(r.label.zh) && text.length > r.label.zh.length);
    if (named) [register, ref] = [named.name, spaced![2]!.trim()];
    else if (joined) [register, ref] = [joined.name, text.slice(joined.label.zh.length).trim()];
    const want = expected === undefined ? undefined : this.registry.registers.find((r) => r.name === expected);
    if (register !== undefined && want && register !== want.name)
      throw usageError('link.wrongRegister', { typed: text, register: label(want.label) });
    register ??= want?.name;
    if (register === undefined) throw usageError('link.whichRegister', { typed: text, words: this.registry.registers.filter((r) => r.face).map((r) => `${label(r.label)} …`).join('、') });
    const face = await this.registry.face(register);
    if (!face) throw usageError('link.noFace', { typed: text });
    return { register, ref: face.find(this.db(), ref) };
  }

  close(): void {
    this.handle?.close();
    this.handle = undefined;
  }
}

export interface BookSpec {
  title: Label;
  /** Lines under the title (after the unit's name): the period, the seal, … */
  meta: (string | undefined)[];
  columns: Column[];
  rows: Row[];
  /** A message key; its text gets {at} {operator} {head} and footerParams. */
  footer: string;
  footerParams?: Record<string, unknown>;
  /** Who signs the sheet (BOOK_SIGNATURES for a register's book); none for a sheet signed row by row. */
  signatures?: Label[];
  /** A classified book: marked on every printed page. */
  classified?: boolean;
}

/** The signature block of a register's paper book: 经办人、审核人、日期. */
export const BOOK_SIGNATURES: Label[] = [
  { zh: '经办人（签字）', en: 'Clerk (signature)' },
  { zh: '审核人（签字）', en: 'Reviewer (signature)' },
  { zh: '日期', en: 'Date' },
];

/** A period as a book's subtitle: `2026-11-01 — 2026-11-30`, or "all dates". */
export function periodLine(p: Period): string {
  return p.from || p.to ? `${p.from ?? '…'} — ${p.to ?? '…'}` : label({ zh: '全部', en: 'all dates' });
}

/** What a paper book is written as: the book as text, a printable page set (HTML, or PDF through a browser), or its rows. */
export type BookFormat = 'text' | 'html' | 'pdf' | Format;
export const BOOK_FORMATS: BookFormat[] = ['text', 'html', 'pdf', 'csv', 'tsv', 'json', 'xlsx'];

/** What a paper book writes for each file extension. */
export const BOOK_EXTENSIONS: Record<string, BookFormat> = { txt: 'text', html: 'html', pdf: 'pdf', csv: 'csv', tsv: 'tsv', json: 'json', xlsx: 'xlsx' };

/** One section of `show` after the fields: `key` names it in JSON. */
export interface ShowSection {
  key: string;
  /** Without columns, a section is given in JSON only (the stored events behind a history, …). */
  columns?: Column[];
  rows: Row[];
}

export interface ShowSpec {
  fields: Column[];
  entry: Row;
  /** The entry's key in JSON: `entry` unless the register's JSON has always said otherwise (`seal`). */
  entryKey?: string;
  skipEmpty?: boolean;
  sections?: ShowSection[];
  /** The entry itself (its register and number), to list its links. */
  links?: EntryRef;
}

/** A link as `show --format json` lists it (stored words); the table shows the kind's word at this end (归档为) and the register's label. */
export interface LinkShown extends Row {
  kind: string;
  direction: 'to' | 'from';
  register: string;
  ref: string;
  summary: string;
}

const FIELD_COLUMNS: Column[] = [
  { key: 'field', label: { zh: '项目', en: 'field' }, kind: 'id' },
  { key: 'value', label: { zh: '内容', en: 'value' }, kind: 'text', wrap: 60 },
];

/** The links section of `show` on a terminal. */
const LINK_COLUMNS: Column[] = [
  { key: 'word', label: { zh: '关联', en: 'link' }, kind: 'id' },
  { key: 'register', label: { zh: '登记簿', en: 'register' }, kind: 'id' },
  { key: 'ref', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'summary', label: { zh: '摘要', en: 'summary' }, kind: 'text' },
];

/**
 * The journal entries of one entry, as `show` prints them (rows from the journal: seq, at,
 * operator, action, reason): times as people read them and actions as words of the register
 * (`actions`); JSON keeps the stored forms.
 */
export function journalColumns(actions: Record<string, Label>): Column[] {
  return [
    { key: 'seq', label: { zh: '日志序号', en: 'seq' }, kind: 'id', num: true },
    { key: 'at', label: { zh: '时间', en: 'at' }, kind: 'id', text: (v) => shortMoment(String(v)) },
    { key: 'operator', label: { zh: '经办人', en: 'operator' }, kind: 'text' },
    { key: 'action', label: { zh: '操作', en: 'action' }, kind: 'id', text: wordsText(actions) },
    { key: 'reason', label: { zh: '原因', en: 'reason' }, kind: 'text', wrap: 40 },
  ];
}

