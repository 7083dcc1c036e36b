/**
 * The option sets and argument parsers commands are built with: `-o` for lists and books,
 * `--clear`, whole numbers, stored words, repeatable options, and the checks every option
 * passes before a handler runs (text rules, no option given twice).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { usageError } from '../core/errors.js';
import { getLang, label, t, type Label } from '../core/i18n.js';
import { formatOfExtension } from '../core/output/render.js';
import { checkInputText } from '../core/text.js';
import { englishWord, foldTyped, splitList, storedWord } from '../core/typed.js';
import { BOOK_EXTENSIONS } from './session.js';

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

