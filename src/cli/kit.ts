/**
 * The toolkit every command is built with: the session (global options, clock, database,
 * operator, output), shared option sets, argument parsers, and the action wrapper.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import os from 'node:os';
import { systemClock, type Clock } from '../core/clock.js';
import { formatTimestamp, periodOf, shortMoment, type Period } from '../core/dates.js';
import { checkDbPath, openDatabase, writeTx, type DB } from '../core/db.js';
import { usageError } from '../core/errors.js';
import { getLang, label, t, wordsText, type Label } from '../core/i18n.js';
import { journalHead, type Ctx } from '../core/journal.js';
import { completeFields, type Field } from '../core/prompts.js';
import { chooseFormat, formatOfExtension, LIST_EXTENSIONS, renderBook, renderRows, renderStream, shown, type Column, type Format, type Row } from '../core/output/render.js';
import { visible } from '../core/output/escape.js';
import { fileOut, type Out } from '../core/output/sink.js';
import { defaultDbPath } from '../core/paths.js';
import { recordReveal } from '../core/reveal.js';
import { getSetting } from '../core/settings.js';
import { checkInputText } from '../core/text.js';
import { englishWord, foldTyped, splitList, storedWord } from '../core/typed.js';
import type { Register, RegisterModule, Registry } from '../core/register.js';

export interface IO {
  stdout: Out;
  stderr: Out;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
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
    readonly registry: CliRegistry,
  ) {
    this.clock = systemClock(io.env);
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
  reveal(asked: boolean, register: string, command: string, refs: () => string[]): boolean {
    if (!asked) return false;
    const list = refs();
    if (list.length > 0) this.tx((ctx) => recordReveal(ctx, register, command, list));
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
    const bom = o.bom ?? (toFile && format === 'csv');
    const fitWidth = !toFile && this.io.stdout.isTTY ? (o.wide === true ? Infinity : this.io.stdout.columns ?? 80) : undefined;
    await this.toOutput(o, (out) => renderRows(out, this.io.stderr, columns, rows, { format, bom, fitWidth, wrapText: fit === 'wrap' }).then(() => undefined));
  }

  /**
   * Prints a register as its paper book: the unit's name (setting unit.name) over the meta
   * lines, and a footer message given the print stamp {at, operator, head} — when it was
   * printed, by whom, and the journal head that `verify --against` can prove later.
   * `-o` writes the book as text (`.txt` or no extension), or its rows as `.csv`/`.tsv`/`.json`;
   * any other extension is refused.
   */
  async printBook(o: OutputOpts, book: BookSpec): Promise<void> {
    const db = this.db();
    const head = journalHead(db);
    const stamp = { at: shortMoment(formatTimestamp(this.clock.now())), operator: this.operator(), head: `${head.seq}:${head.hash}` };
    const unit = getSetting(db, this.registry.settings, 'unit.name');
    const format = o.output !== undefined && o.output !== '-' ? formatOfExtension(o.output, BOOK_EXTENSIONS) ?? 'book' : 'book';
    if (format !== 'book') return this.toOutput(o, (out) => void renderStream(out, book.columns, book.rows, { format, bom: o.bom ?? format === 'csv' }));
    await this.toOutput(o, (out) =>
      renderBook(out, {
        title: label(book.title),
        meta: [unit, ...book.meta].filter((m): m is string => Boolean(m)).map((m) => visible(m)),
        columns: book.columns,
        rows: book.rows,
        footer: [visible(t(book.footer, { ...book.footerParams, ...stamp }))],
      }),
    );
  }

  /** `show`: one entry as a two-column table of its fields; `skipEmpty` leaves out empty ones. */
  async showFields(columns: Column[], entry: Row, opts: { skipEmpty?: boolean } = {}): Promise<void> {
    const rows = columns
      .filter((c) => !opts.skipEmpty || (entry[c.key] !== null && entry[c.key] !== undefined))
      .map((c) => ({ field: label(c.label), value: shown(c, entry) ?? '' }));
    await this.output(FIELD_COLUMNS, rows, { format: 'table' }, 'wrap');
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
}

/** A period as a book's subtitle: `2026-11-01 — 2026-11-30`, or "all dates". */
export function periodLine(p: Period): string {
  return p.from || p.to ? `${p.from ?? '…'} — ${p.to ?? '…'}` : label({ zh: '全部', en: 'all dates' });
}

/** What a paper book writes for each file extension: the book as text, or its rows. */
const BOOK_EXTENSIONS: Record<string, Format | 'book'> = { txt: 'book', csv: 'csv', tsv: 'tsv', json: 'json' };

const FIELD_COLUMNS: Column[] = [
  { key: 'field', label: { zh: '项目', en: 'field' }, kind: 'id' },
  { key: 'value', label: { zh: '内容', en: 'value' }, kind: 'text', wrap: 60 },
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

export type Handler = (s: Session, opts: Record<string, any>, args: string[]) => Promise<number | void> | number | void;

/** A register as the CLI loads it: its `commands()` are built with this kit. */
export type CliRegister = Register<Kit>;
export type CliRegisterModule = RegisterModule<Kit>;
export type CliRegistry = Registry<Kit>;

export interface Kit {
  registry: CliRegistry;
  /** A subcommand with a description, examples, and a hint after usage errors. */
  verb(parent: Command, name: string, description: Label, examples: string[]): Command;
  /** The action: builds the session, runs the handler, records its exit code. */
  run(handler: Handler): (...args: any[]) => Promise<void>;
  withOutput(cmd: Command): Command;
  withPeriod(cmd: Command): Command;
  /** --reveal: show classified titles (see Session.reveal). */
  withReveal(cmd: Command): Command;
}

export function describe(l: Label): string {
  return label(l);
}

/** The parser of a repeatable option: collects every value given (`--witness A --witness B`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--clear FIELD` on a correct verb: empties an optional field (repeat it, or `a,b`); FIELD is the field's flag without `--`. */
export function withClear(cmd: Command, fields: readonly string[]): Command {
  return cmd.option(
    '--clear <field>',
    describe({ zh: `清空一个可选项（可写多次，或逗号分隔）：${fields.map((f) => `--${f}`).join('、')}`, en: `empty an optional field (repeat the option, or comma-separated): ${fields.map((f) => `--${f}`).join(', ')}` }),
    collect,
  );
}

/**
 * Sets to null each field that `--clear` names (`keys`: flag name → field). A name that cannot be
 * cleared, or a field both cleared and given a value, is a usage error. Returns `values`.
 */
export function applyClear<T extends object>(values: T, clear: string[] | undefined, keys: Record<string, keyof T>): T {
  for (const name of splitList(clear)) {
    const key = keys[name.replace(/^--/, '')];
    if (key === undefined) throw usageError('correct.clearUnknown', { value: name, choices: Object.keys(keys).join('|') });
    if (values[key] !== undefined) throw usageError('correct.clearAndSet', { flag: `--${name.replace(/^--/, '')}` });
    values[key] = null as T[keyof T];
  }
  return values;
}

/**
 * Refuses an option that takes one value but was given twice (commander would keep the last
 * silently, and a script's mistake would pass unnoticed). Repeatable options use `collect`.
 */
export function refuseRepeats(cmd: Command, argv: string[]): void {
  const end = argv.indexOf('--');
  const args = end >= 0 ? argv.slice(0, end) : argv;
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const opt of c.options) {
      if (!(opt.required || opt.optional) || opt.variadic || opt.parseArg === collect) continue;
      const given = args.filter((a) => a === opt.long || (opt.long !== undefined && a.startsWith(`${opt.long}=`)) || (opt.short !== undefined && a === opt.short));
      if (given.length > 1) throw usageError('arg.repeated', { flag: opt.long ?? opt.short });
    }
  }
}

/** The largest number an option takes when no rule sets one: every 15-digit number is exact. */
const MAX_DIGITS = 15;

/**
 * Parses a whole number from `min` to `max` (an option's argument); full-width digits are fine.
 * Give `max` whenever a rule has one, so the message states the range the rule enforces; with
 * none, the message says "at least min, at most 15 digits" (never a machine number).
 */
export function intArg(min = 0, max?: number): (value: string) => number {
  return (value) => {
    const text = foldTyped(value);
    const n = Number(text);
    if (!/^-?\d+$/.test(text) || n < min || n > (max ?? 10 ** MAX_DIGITS - 1)) {
      throw new InvalidArgumentError(max === undefined ? t('arg.intAtLeast', { min, digits: MAX_DIGITS }) : t('arg.int', { min, max }));
    }
    return n;
  };
}

export function choiceOption(flags: string, description: Label, choices: readonly string[]): Option {
  return new Option(flags, describe(description)).choices(choices);
}

/**
 * Refuses any text option or argument (of the command or its parents, the global ones included)
 * that holds a control character or is longer than its field takes (core/text.ts), naming it.
 */
export function checkTextInputs(cmd: Command, positional: unknown[]): void {
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const opt of c.options) {
      const v = c.getOptionValue(opt.attributeName());
      const field = (opt.long ?? opt.short ?? '').replace(/^-+/, '');
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') checkInputText(x, field, opt.long ?? opt.short ?? field);
    }
  }
  cmd.registeredArguments.forEach((arg, i) => {
    const v = positional[i];
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') checkInputText(x, arg.name(), `<${arg.name()}>`);
  });
}

/**
 * A filter by a register's stored word (a state, a kind): typed as stored (`已登记`) or in English
 * (`registered`, `in-use`) under either language; the value handed on is the stored word.
 */
export function wordOption(flags: string, description: Label, stored: readonly string[], words: Record<string, Label>): Option {
  // help and errors list the words of the current language; either language is accepted
  const english = stored.flatMap((w) => (words[w] ? [englishWord(words[w]!)] : []));
  const opt = new Option(flags, describe(description)).choices(getLang() === 'en' ? english : stored);
  const refuse = opt.parseArg!;
  return opt.argParser((value: string, previous: unknown) => storedWord(value, stored, words) ?? refuse(value, previous));
}

/**
 * `-o FILE` of a command that writes the formats `extensions` names (extension → format): an
 * extension it cannot write (`out.xlsx`) is refused as the command line is read, before anything
 * is done or journaled. `-` is stdout; a name without an extension takes the command's default.
 */
export function outputOption(description: Label, extensions: Record<string, string>): Option {
  return new Option('-o, --output <file>', describe(description)).argParser((file: string) => {
    if (file !== '-') formatOfExtension(file, extensions);
    return file;
  });
}

/** `-o FILE` of a print command: `.txt` the book as text, `.csv .tsv .json` its rows. */
export function bookOutputOption(): Option {
  return outputOption({ zh: '写入文件：.txt 为登记簿文本，.csv .tsv .json 为其各行', en: 'write to a file: .txt the book as text, .csv .tsv .json its rows' }, BOOK_EXTENSIONS);
}

/** The command's full name for hints: `wenmi incoming list`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function makeKit(registry: CliRegistry, io: IO, onExit: (code: number) => void, sessions: Session[]): Kit {
  return {
    registry,
    verb(parent, name, description, examples) {
      const cmd = parent.command(name).description(describe(description));
      const path = `${commandPath(parent)} ${name}`;
      cmd.showHelpAfterError(t('hint.help', { command: path }));
      if (examples.length) cmd.addHelpText('after', `\n${t('help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
      return cmd;
    },
    run(handler) {
      return async (...args: any[]) => {
        const cmd = args[args.length - 1] as Command;
        let root = cmd;
        while (root.parent) root = root.parent;
        refuseRepeats(cmd, (root as unknown as { rawArgs: string[] }).rawArgs);
        checkTextInputs(cmd, args.slice(0, -2));
        const opts = cmd.opts();
        const positional = args.slice(0, -2).flat().filter((a) => typeof a === 'string') as string[];
        const session = new Session(io, cmd.optsWithGlobals() as GlobalOpts, registry);
        sessions.push(session);
        const code = await handler(session, opts, positional);
        onExit(typeof code === 'number' ? code : 0);
      };
    },
    withOutput(cmd) {
      return cmd
        .option('--format <format>', describe({ zh: '输出格式：table|csv|tsv|json（终端默认 table，管道默认 tsv）', en: 'output format: table|csv|tsv|json (table on a terminal, tsv in a pipe)' }))
        .addOption(outputOption({ zh: '写入文件（- 为标准输出）；格式按扩展名 .csv .tsv .json .txt', en: 'write to a file (- for stdout); format from the extension: .csv .tsv .json .txt' }, LIST_EXTENSIONS))
        .option('--bom', describe({ zh: 'CSV 加 BOM（写文件时默认加）', en: 'start CSV with a BOM (default when writing a file)' }))
        .option('--no-bom', describe({ zh: 'CSV 不加 BOM', en: 'no BOM in CSV' }))
        .option('--force', describe({ zh: '覆盖已存在的输出文件', en: 'overwrite an existing output file' }))
        .option('--wide', describe({ zh: '终端上显示全部列和全文，不按终端宽度截断', en: 'on a terminal, show every column in full rather than fitting its width' }));
    },
    withReveal(cmd) {
      return cmd.option('--reveal', describe({ zh: '显示涉密标题（记入日志）', en: 'show classified titles (journaled)' }));
    },
    withPeriod(cmd) {
      return cmd
        .option('--month <month>', describe({ zh: '月份，如 2026-11、this-month、last-month', en: 'a month: 2026-11, this-month, last-month' }))
        .option('--from <date>', describe({ zh: '起始日期（含）', en: 'first day (inclusive)' }))
        .option('--to <date>', describe({ zh: '截止日期（含）', en: 'last day (inclusive)' }));
    },
  };
}
