/**
 * The option sets and argument parsers commands are built with: file output (`-o`, `--bom`,
 * `--force`) and a format with a default, `--clear`, whole numbers, dates, stored words,
 * repeatable options, and the checks every option passes before a handler runs (text rules,
 * no option given twice).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Clock } from '../core/clock.js';
import { parseDate } from '../core/dates.js';
import { usageError } from '../core/errors.js';
import { getLang, label, t, type Label } from '../core/i18n.js';
import { formatOfExtension } from '../core/output/render.js';
import { checkInputText } from '../core/text.js';
import { englishWord, foldTyped, splitList, storedWord } from '../core/typed.js';
import { PAPERS } from '../core/output/html.js';
import { BOOK_EXTENSIONS, BOOK_FORMATS } from './session.js';

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
 * What a command writes with `-o FILE`: the format each extension names (`out.ods` is refused
 * as the command line is read, before anything is done or journaled), and how -o's help says so
 * (by default "format from the extension: .csv .tsv …").
 */
export interface FileFormats {
  extensions: Record<string, string>;
  help?: Label;
}

/**
 * The option set of every command that writes a file: `-o FILE` (`-` is stdout; a name without
 * an extension takes the command's default), `--bom/--no-bom` and `--force`. Lists, exports, the
 * paper books and the reminders all take it, each with its own extension table.
 */
export function withFileOutput(cmd: Command, files: FileFormats): Command {
  const exts = Object.keys(files.extensions).map((e) => `.${e}`).join(' ');
  const help = files.help ?? { zh: `格式按扩展名 ${exts}`, en: `format from the extension: ${exts}` };
  return cmd
    .addOption(
      new Option('-o, --output <file>', describe({ zh: `写入文件（- 为标准输出）；${help.zh}`, en: `write to a file (- for stdout); ${help.en}` })).argParser((file: string) => {
        if (file !== '-') formatOfExtension(file, files.extensions);
        return file;
      }),
    )
    .option('--bom', describe({ zh: 'CSV 加 BOM（写文件时默认加）', en: 'start CSV with a BOM (default when writing a file)' }))
    .option('--no-bom', describe({ zh: 'CSV 不加 BOM', en: 'no BOM in CSV' }))
    .option('--force', describe({ zh: '覆盖已存在的输出文件', en: 'overwrite an existing output file' }));
}

/**
 * `--format` of a command whose output has a fixed default (an export's CSV, a reminder's
 * text): a value not in `formats` is refused as the command line is read, and when neither
 * `--format` nor the extension of `-o` names one, the handler gets `fallback` in `o.format`.
 */
export function withDefaultFormat(cmd: Command, help: Label, formats: readonly string[], files: FileFormats, fallback: string): Command {
  cmd.addOption(
    new Option('--format <format>', describe(help)).argParser((value: string) => {
      if (!formats.includes(value)) throw usageError('format.invalid', { value, choices: formats.join('|') });
      return value;
    }),
  );
  return cmd.hook('preAction', (_, action) => {
    if (action.getOptionValue('format') !== undefined) return;
    const file: unknown = action.getOptionValue('output');
    const named = typeof file === 'string' && file !== '-' ? formatOfExtension(file, files.extensions) : undefined;
    action.setOptionValue('format', named ?? fallback);
  });
}

/** What a paper book writes for each extension of `-o`: the book as text, a printable page set, or its rows. */
export const BOOK_FILES: FileFormats = {
  extensions: BOOK_EXTENSIONS,
  help: { zh: '.txt 为登记簿文本，.html .pdf 为可打印的页面，.csv .tsv .json .xlsx 为其各行', en: '.txt the book as text, .html .pdf printable pages, .csv .tsv .json .xlsx its rows' },
};

/**
 * A paper book's `--format text|html|pdf|csv|tsv|json|xlsx` and `--paper a4|a4-portrait|a3`. Before the
 * handler runs (so a refused book writes and journals nothing): --format and the extension of -o
 * must agree, and the handler gets the format in `o.format`; a PDF needs -o and a browser on the
 * machine (`env`: WENMI_BROWSER, PATH), looked for here, the PDF printer loaded only then.
 */
export function withBookFormat(cmd: Command, env: Record<string, string | undefined>): Command {
  cmd.addOption(
    new Option('--format <format>', describe({ zh: '格式：text（默认，登记簿文本）|html|pdf（可打印的页面）|csv|tsv|json|xlsx（各行）', en: 'format: text (default, the book as text)|html|pdf (printable pages)|csv|tsv|json|xlsx (its rows)' })).argParser((value: string) => {
      if (!(BOOK_FORMATS as string[]).includes(value)) throw usageError('format.invalid', { value, choices: BOOK_FORMATS.join('|') });
      return value;
    }),
  );
  cmd.addOption(choiceOption('--paper <size>', { zh: '纸张（html、pdf）：a4（默认，横向）|a4-portrait（纵向）|a3（横向）', en: 'paper (html, pdf): a4 (default, landscape)|a4-portrait|a3 (landscape)' }, PAPERS));
  return cmd.hook('preAction', async (_, action) => {
    const given = action.getOptionValue('format') as string | undefined;
    const file = action.getOptionValue('output') as string | undefined;
    const named = file !== undefined && file !== '-' ? formatOfExtension(file, BOOK_EXTENSIONS) : undefined;
    if (given !== undefined && named !== undefined && named !== given) throw usageError('output.extensionFormat', { path: file, format: given });
    const format = given ?? named ?? 'text';
    if (action.getOptionValue('paper') !== undefined && format !== 'html' && format !== 'pdf') throw usageError('book.paperWithoutPage', { format });
    if (format === 'pdf') {
      if (file === undefined || file === '-') throw usageError('book.pdfNeedsFile');
      const { findBrowser } = await import('../core/output/pdf.js');
      findBrowser(env);
    }
    action.setOptionValue('format', format);
  });
}

/**
 * Refuses, before anything is done or journaled, an .xlsx asked for on a terminal (`--format xlsx`
 * without -o): a spreadsheet is bytes for a file or a pipe.
 */
export function refuseXlsxOnTerminal(opts: { format?: unknown; output?: unknown }, stdoutIsTTY: boolean): void {
  if (opts.format === 'xlsx' && (opts.output === undefined || opts.output === '-') && stdoutIsTTY) throw usageError('output.xlsxTerminal');
}

/** An optional date option (`--date`, `--on`) as stored, or undefined when not given. */
export function dateOpt(s: { clock: Clock }, value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseDate(value, s.clock);
}

/** The command's full name for hints: `wenmi incoming list`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

