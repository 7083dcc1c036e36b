/**
 * commander in the current language, through its supported hooks: a Command subclass (so every
 * subcommand is one too) whose help is a Help subclass, and `outputError`, which rewrites
 * commander's own English messages. The subclass also refuses an option whose value is a flag
 * (`--sender --title 测试` would otherwise register a document from "--title").
 */
import { Command, Help, type Argument, type Option } from 'commander';
import { getLang, t } from '../core/i18n.js';
import { displayWidth } from '../core/output/width.js';

/** The options of a command and of its parents: the ones a word after it may be. */
function chainOptions(cmd: Command): Option[] {
  const all: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) all.push(...c.options);
  return all;
}

/**
 * Refuses `--sender --note x`: an option that takes a value, followed by a flag — one starting
 * with `--`, or any flag of the command or its parents (`-o`, `-h`). `-2w`, `-1` and other values
 * with one dash stay values; `--sender=--x` is an explicit value. One pass over the whole command
 * line from the root, following the subcommands it names, so a global option after a verb's
 * option (`--reason --lang en`) is caught too.
 */
export function refuseFlagAsValue(root: Command, args: string[]): void {
  let cmd = root;
  let options = chainOptions(cmd);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return;
    const opt = options.find((o) => o.long === a || o.short === a);
    if (opt?.required) {
      const next = args[i + 1];
      if (next !== undefined && (next.startsWith('--') || next === '-h' || options.some((o) => o.short === next))) {
        cmd.error(t('error.prefix') + t('cli.flagAsValue', { flags: opt.flags, next }), { exitCode: 2, code: 'wenmi.flagAsValue' });
      }
      i++;
      continue;
    }
    const sub = a.startsWith('-') ? undefined : cmd.commands.find((c) => c.name() === a);
    if (sub) {
      cmd = sub;
      options = chainOptions(cmd);
    }
  }
}

export class WenmiCommand extends Command {
  override createCommand(name?: string): Command {
    return new WenmiCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new WenmiHelp(), this.configureHelp());
  }

  /** Called for the root first, with the whole command line. */
  override parseOptions(argv: string[]) {
    if (!this.parent) refuseFlagAsValue(this, argv);
    return super.parseOptions(argv);
  }
}

/** What help text wraps by: a word, or one CJK character, with its spaces before and punctuation that may not be parted from it. */
const UNIT = /\s*[（《「『“‘]*(?:[^\s\u2e80-\uffef]+|[\u2e80-\uffef])[，。、；：）》」』！？”’…]*/gu;

const HEADINGS: Record<string, string> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
};

/** Choices as help lists them: quoted in English (as commander does), bare in Chinese. */
const quoted = (values: readonly string[]) => values.map((v) => (getLang() === 'en' ? JSON.stringify(v) : v)).join(t('help.listSeparator'));

/** The help in the current language, measured and wrapped by display width (a CJK character takes two columns). */
export class WenmiHelp extends Help {
  constructor() {
    super();
    // commander gives up wrapping below 40 columns; CJK text can wrap in far less
    this.minWidthToWrap = 16;
  }

  override styleTitle(title: string): string {
    const key = HEADINGS[title];
    return key ? t(key) : title;
  }

  /** `用法：wenmi …`: no space after a full-width colon. */
  override formatHelp(cmd: Command, helper: Help): string {
    return super.formatHelp(cmd, helper).replace(/^(\S*：) /, '$1');
  }

  /** `wenmi incoming [选项] [命令]` under zh: the placeholders commander writes in English. */
  override commandUsage(cmd: Command): string {
    const usage = super.commandUsage(cmd);
    return getLang() === 'en' ? usage : usage.replace('[options]', '[选项]').replace('[command]', '[命令]');
  }

  override displayWidth(str: string): number {
    return displayWidth(str);
  }

  /**
   * Wraps at spaces and between CJK characters (commander's own wraps only at spaces, so Chinese
   * ran past the edge); closing punctuation stays with the character before it, opening with the one after.
   */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    return str
      .split(/\r\n|\n/)
      .map((line) => {
        const lines: string[] = [];
        let current = '';
        for (const unit of line.match(UNIT) ?? []) {
          if (current !== '' && displayWidth(current + unit) > width) {
            lines.push(current);
            current = unit.trimStart();
          } else current += unit;
        }
        lines.push(current);
        return lines.join('\n');
      })
      .join('\n');
  }

  private extras(description: string, choices: readonly string[] | undefined, value: unknown, valueText: string | undefined): string {
    const extra: string[] = [];
    if (choices) extra.push(t('help.choices', { choices: quoted(choices) }));
    if (value !== undefined) extra.push(t('help.default', { value: valueText || (getLang() === 'en' ? JSON.stringify(value) : String(value)) }));
    if (extra.length === 0) return description;
    const extras = extra.join(t('help.listSeparator'));
    return description ? t('help.withExtras', { description, extras }) : t('help.extras', { extras });
  }

  override optionDescription(option: Option): string {
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    return this.extras(option.description, option.argChoices, showDefault ? option.defaultValue : undefined, option.defaultValueDescription);
  }

  override argumentDescription(argument: Argument): string {
    return this.extras(argument.description, argument.argChoices, argument.defaultValue, argument.defaultValueDescription);
  }
}

/** commander's messages (14.x), each with the message key that says it in the current language. */
const MESSAGES: [RegExp, string, string[]][] = [
  [/^error: unknown option '(.*)'$/s, 'cli.unknownOption', ['flag']],
  [/^error: unknown command '(.*)'$/s, 'cli.unknownCommand', ['name']],
  [/^error: missing required argument '(.*)'$/s, 'cli.missingArgument', ['name']],
  [/^error: option '(.*)' argument missing$/s, 'cli.optionMissingArgument', ['flags']],
  [/^error: required option '(.*)' not specified$/s, 'cli.missingMandatoryOption', ['flags']],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s, 'cli.excessArgumentsFor', ['command', 'expected', 'got']],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/s, 'cli.excessArguments', ['expected', 'got']],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, 'cli.invalidChoice', ['flags', 'value', 'choices']],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s, 'cli.invalidOptionValue', ['flags', 'value', 'detail']],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/s, 'cli.invalidArgumentChoice', ['value', 'name', 'choices']],
  [/^error: command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s, 'cli.invalidArgumentValue', ['value', 'name', 'detail']],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/s, 'cli.conflictingOption', ['flags', 'other']],
];

/**
 * One of commander's error messages in the current language. English passes unchanged (the
 * English catalogue holds the same sentences); so does a message this table does not know.
 */
export function commanderMessage(str: string): string {
  if (getLang() === 'en') return str;
  let text = str.replace(/\n$/, '');
  let suggestion = '';
  const similar = /\n\(Did you mean (one of )?(.+)\?\)$/s.exec(text);
  if (similar) {
    suggestion = '\n' + t(similar[1] ? 'cli.didYouMeanOneOf' : 'cli.didYouMean', { names: similar[2] });
    text = text.slice(0, similar.index);
  }
  for (const [pattern, key, names] of MESSAGES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const params: Record<string, string> = Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
    if (params.choices !== undefined) params.choices = params.choices.split(', ').join(t('help.listSeparator'));
    text = t('error.prefix') + t(key, params);
    break;
  }
  return text + suggestion + '\n';
}
