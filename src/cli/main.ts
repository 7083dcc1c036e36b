/**
 * The program: root command, global options, and the one place where errors become exit codes.
 * Exit codes: 0 ok, 1 runtime/data failure, 2 usage or missing input, 3 a check failed, 130 interrupted.
 */
import { CommanderError, Option, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import tty from 'node:tty';
import { EXIT, WenmiError } from '../core/errors.js';
import { detectLang, setLang, t, type Lang } from '../core/i18n.js';
import { visible } from '../core/output/escape.js';
import { fdOut } from '../core/output/sink.js';
import { addCoreCommands } from './commands/index.js';
import { commanderMessage, WenmiCommand } from './commander.js';
import { describe, makeKit, useColor, type IO, type Session } from './kit.js';
import { buildRegistry, loadRegister } from './registry.js';
import { VERSION } from './version.js';

/** --lang from the arguments (before parsing, so help is in the right language), else the locale. */
function langOf(argv: string[], env: IO['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return detectLang(env);
}

const GLOBAL_WITH_VALUE = new Set(['--db', '--lang', '--by']);

/** The words of the command line that are not options: `incoming`, `list`, … (`help X` names X). */
export function commandWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (GLOBAL_WITH_VALUE.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  return words[0] === 'help' ? words.slice(1) : words;
}

/** Whether the folder of any database the command opened has (almost) no space left. */
function diskFull(sessions: Session[]): boolean {
  return sessions.some((s) => {
    try {
      const st = fs.statfsSync(path.dirname(path.resolve(s.dbPath.path)));
      return st.bavail * st.bsize < 1024 * 1024;
    } catch {
      return false;
    }
  });
}

/** The one place an error becomes a message and an exit code: typed errors by their kind, SQLite and system errors by their code. */
export function errorText(e: unknown, debug: boolean, sessions: Session[] = []): { text: string; code: number } {
  if (e instanceof WenmiError) {
    const hint = t(`${e.code}.hint`, e.params);
    return { text: t(e.code, e.params) + (hint !== `${e.code}.hint` ? `\n${hint}` : ''), code: e.exitCode };
  }
  const err = e as { code?: string; message?: string; name?: string; stack?: string };
  if (err?.name === 'ExitPromptError') return { text: '', code: EXIT.interrupted };
  if (err?.code === 'SQLITE_BUSY') return { text: `${t('error.busy')}\n${t('error.busy.hint')}`, code: EXIT.data };
  if (err?.code === 'SQLITE_READONLY_DIRECTORY') return { text: `${t('error.readOnlyFolder')}\n${t('error.readOnlyFolder.hint')}`, code: EXIT.data };
  if (err?.code?.startsWith('SQLITE_READONLY')) return { text: `${t('error.readOnly')}\n${t('error.readOnly.hint')}`, code: EXIT.data };
  // a full disk shows as SQLITE_FULL, or as an I/O error when SQLite cannot grow its shared-memory file
  const full = err?.code === 'SQLITE_FULL' || err?.code === 'ENOSPC' || (err?.code?.startsWith('SQLITE_IOERR') === true && diskFull(sessions));
  if (full) return { text: `${t('error.diskFull')}\n${t('error.diskFull.hint')}`, code: EXIT.data };
  if (err?.code === 'SQLITE_CORRUPT' || err?.code === 'SQLITE_NOTADB') return { text: `${t('error.corrupt', { message: err.message })}\n${t('error.corrupt.hint')}`, code: EXIT.data };
  if (err?.code === 'SQLITE_CONSTRAINT_TRIGGER') {
    // a trigger's RAISE(ABORT, …): the append-only ones, or a register's business rule the database enforces itself
    const key = /append-only/.test(err.message ?? '') ? 'error.appendOnly' : 'error.rule';
    return { text: `${t(key, { detail: err.message })}\n${t(`${key}.hint`)}`, code: EXIT.data };
  }
  return { text: t('error.internal', { message: err?.message ?? String(e) }) + (debug && err?.stack ? `\n${err.stack}` : ''), code: EXIT.data };
}

/**
 * The root command. Only the register the command line names is loaded in full; the others
 * appear by name and description, for the root help.
 */
export async function buildProgram(argv: string[], io: IO, onExit: (code: number) => void, sessions: Session[]): Promise<Command> {
  const registry = buildRegistry();
  const program = new WenmiCommand('wenmi');
  program
    .description(describe({ zh: '文秘：收文、发文、印章、办公用品、档案、会务、信息上传下达登记簿', en: 'wenmi (文秘): the secretariat\'s registers — incoming and outgoing documents, seals, office supplies, archives, meetings, information passed down and up' }))
    .version(VERSION, '-V, --version', describe({ zh: '显示版本', en: 'show the version' }))
    .helpOption('-h, --help', describe({ zh: '显示帮助', en: 'show help' }))
    .helpCommand('help [command]', t('help.helpCommand'))
    .option('--db <path>', describe({ zh: '数据库文件（或环境变量 WENMI_DB）', en: 'the database file (or env WENMI_DB)' }))
    .addOption(new Option('--lang <lang>', describe({ zh: '语言', en: 'language' })).choices(['zh', 'en']))
    .option('--by <name>', describe({ zh: '经办人（或 WENMI_OPERATOR，或设置 operator.default）', en: 'the operator (or WENMI_OPERATOR, or the setting operator.default)' }))
    .option('--no-color', describe({ zh: '不用颜色', en: 'no colour' }))
    .option('--no-input', describe({ zh: '从不提问；缺项即报错', en: 'never prompt; a missing field is an error' }))
    .showHelpAfterError(t('hint.help', { command: 'wenmi' }))
    .exitOverride()
    .configureOutput({
      outputError: (s, write) => write(commanderMessage(s)),
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) ?? 80,
      writeOut: (s) => {
        io.stdout.write(s);
        io.stdout.flush();
      },
      writeErr: (s) => {
        io.stderr.write(visible(s));
        io.stderr.flush();
      },
    })
    .addHelpText('after', `\n${t('help.examples')}\n  $ wenmi init\n  $ wenmi incoming receive --sender 市财政局 --title 关于编报预算的通知 --sender-no 财预〔2026〕12号\n  $ wenmi incoming list --month this-month\n  $ wenmi verify\n`);
  const kit = makeKit(registry, io, onExit, sessions);
  addCoreCommands(program, kit);
  const [word] = commandWords(argv);
  for (const r of registry.registers) {
    if (r.name === word) (await loadRegister(r)).commands(program, kit, r);
    else program.command(r.name).description(describe(r.summary));
  }
  return program;
}

/** Runs one command line; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: IO): Promise<number> {
  setLang(langOf(argv, io.env));
  const sessions: Session[] = [];
  let code = EXIT.ok as number;
  try {
    const program = await buildProgram(argv, io, (c) => (code = c), sessions);
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      code = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    } else {
      const { text, code: c } = errorText(e, io.env.WENMI_DEBUG === '1', sessions);
      if (text) {
        // chalk is loaded only to colour an error on a terminal
        const prefix = useColor(argv, io.env, io.stderr.isTTY) ? new (await import('chalk')).Chalk({ level: 1 }).red(t('error.prefix')) : t('error.prefix');
        io.stderr.write(prefix + visible(text) + '\n');
      }
      code = c;
    }
  } finally {
    for (const s of sessions) s.close();
    io.stdout.flush();
    io.stderr.flush();
  }
  return code;
}

/** The process's own streams. */
export function processIO(): IO {
  // tty.isatty, not process.stdin/stdout: those streams are never created, so a pipe is never read or held open.
  const outTTY = tty.isatty(1);
  return {
    stdout: fdOut(1, outTTY, outTTY ? process.stdout.columns : undefined),
    stderr: fdOut(2, tty.isatty(2), tty.isatty(2) ? process.stderr.columns : undefined),
    stdinIsTTY: tty.isatty(0),
    env: process.env,
  };
}

export async function runProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIO());
}
