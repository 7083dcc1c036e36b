/**
 * The toolkit every command is built with: the action wrapper and the option sets on the kit,
 * the session (session.ts) and the option parsers (options.ts). Registers import the CLI
 * through this file only.
 */
import type { Command } from 'commander';
import { t, type Label } from '../core/i18n.js';
import { FORMATS, LIST_EXTENSIONS } from '../core/output/render.js';
import type { Register, RegisterModule, Registry } from '../core/register.js';
import { BOOK_FILES, checkTextInputs, commandPath, describe, refuseRepeats, refuseXlsxOnTerminal, withBookFormat, withDefaultFormat, withFileOutput, type FileFormats } from './options.js';
import { Session, type GlobalOpts, type IO } from './session.js';

export * from './options.js';
export * from './session.js';

/**
 * A verb's handler: the session, the verb's own options (a typed object: declare an interface
 * of the options the verb defines and write `kit.run<ListOpts>(…)`; `NoOpts` for a verb that
 * declares none), and its arguments. There is no default: a handler that reads options it has
 * not declared does not compile.
 */
export type Handler<O extends object> = (s: Session, opts: O, args: string[]) => Promise<number | void> | number | void;

/** A register as the CLI loads it: its `commands()` are built with this kit. */
export type CliRegister = Register<Kit>;
export type CliRegisterModule = RegisterModule<Kit>;
export type CliRegistry = Registry<Kit>;

export interface Kit {
  registry: CliRegistry;
  /** A subcommand with a description, examples, and a hint after usage errors. */
  verb(parent: Command, name: string, description: Label, examples: string[]): Command;
  /** The action: builds the session, runs the handler, records its exit code. */
  run<O extends object>(handler: Handler<O>): (...args: any[]) => Promise<void>;
  /** A list: --format (a table on a terminal, TSV in a pipe), the file output set (-o .csv .tsv .json .txt, --bom, --force), --wide. */
  withOutput(cmd: Command): Command;
  /** An export: as a list, but CSV unless --format or the extension of -o says otherwise. */
  withExport(cmd: Command): Command;
  /** A paper book (`print`): the file output set, --format text|html|pdf|csv|tsv|json (or by the extension of -o), --paper. */
  withBook(cmd: Command): Command;
  /**
   * A command with its own formats (a reminder's notices): --format among `formats`, defaulting
   * to `fallback` (the handler gets the format in `o.format`), and the file output set for `files`.
   */
  withFormats(cmd: Command, help: Label, formats: readonly string[], files: FileFormats, fallback: string): Command;
  withPeriod(cmd: Command): Command;
  /** --reveal: show classified titles (see Session.reveal). */
  withReveal(cmd: Command): Command;
}

const LIST_FILES: FileFormats = { extensions: LIST_EXTENSIONS };
const WIDE: Label = { zh: '终端上显示全部列和全文，不按终端宽度截断', en: 'on a terminal, show every column in full rather than fitting its width' };

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
        refuseXlsxOnTerminal(opts, io.stdout.isTTY);
        const positional = args.slice(0, -2).flat().filter((a) => typeof a === 'string') as string[];
        let top = cmd;
        while (top.parent?.parent) top = top.parent;
        const register = registry.registers.find((r) => r.name === top.name())?.label;
        const session = new Session(io, cmd.optsWithGlobals() as GlobalOpts, registry, { register, opts });
        sessions.push(session);
        const code = await handler(session, opts as never, positional);
        onExit(typeof code === 'number' ? code : 0);
      };
    },
    withOutput(cmd) {
      cmd.option('--format <format>', describe({ zh: '输出格式：table|csv|tsv|json|xlsx（终端默认 table，管道默认 tsv）', en: 'output format: table|csv|tsv|json|xlsx (table on a terminal, tsv in a pipe)' }));
      return withFileOutput(cmd, LIST_FILES).option('--wide', describe(WIDE));
    },
    withExport(cmd) {
      const help = { zh: '输出格式：table|csv|tsv|json|xlsx（默认 csv，或按 -o 的扩展名）', en: 'output format: table|csv|tsv|json|xlsx (csv unless the extension of -o names one)' };
      return withFileOutput(withDefaultFormat(cmd, help, FORMATS, LIST_FILES, 'csv'), LIST_FILES).option('--wide', describe(WIDE));
    },
    withBook(cmd) {
      return withBookFormat(withFileOutput(cmd, BOOK_FILES), io.env);
    },
    withFormats(cmd, help, formats, files, fallback) {
      return withFileOutput(withDefaultFormat(cmd, help, formats, files, fallback), files);
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
