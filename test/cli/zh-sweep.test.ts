/**
 * Under LANG=zh_CN.UTF-8, every help page and every kind of usage error is Chinese: the only
 * Latin words are flags, command names, placeholders, example command lines, and a short list
 * of things a user types or reads as they are (formats, setting keys, codes, env names).
 */
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { setLang } from '../../src/core/i18n.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { registers } from '../../src/registers/index.js';
import { cli, tempDir } from '../helpers.js';

const ZH = { LANG: 'zh_CN.UTF-8' };

/** Every command path of the program, each register loaded: ['incoming', 'receive'], …; and the names of commands and arguments. */
async function commandPaths(): Promise<{ paths: string[][]; names: Set<string>; commands: Map<string, Command> }> {
  const paths: string[][] = [[]];
  const commands = new Map<string, Command>();
  const names = new Set<string>(['help']);
  const io = { stdout: memoryOut(), stderr: memoryOut(), stdinIsTTY: false, env: {}, home: '/' };
  const walk = (cmd: Command, at: string[]) => {
    for (const sub of cmd.commands) {
      const here = [...at, sub.name()];
      names.add(sub.name());
      for (const a of sub.registeredArguments) names.add(a.name()); // shown under 参数： as placeholders
      if (!commands.has(here.join(' ')) || sub.commands.length > 0 || sub.options.length > 0) commands.set(here.join(' '), sub);
      if (!paths.some((p) => p.join(' ') === here.join(' '))) paths.push(here);
      walk(sub, here);
    }
  };
  setLang('zh');
  for (const r of registers) walk(await buildProgram([r.name], io, () => {}, []), []);
  setLang('en');
  return { paths, names, commands };
}

/** The Latin words of a text that are not flags, placeholders or example commands. */
export function latinWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split('\n')) {
    // an example is a command line; only its comment is prose
    const line = raw.startsWith('  $ ') ? (raw.split(' # ')[1] ?? '') : raw;
    const prose = line
      .replace(/`[^`]*`/g, ' ') // a command quoted in a hint
      .replace(/“[^”]*”/g, ' ') // what the user typed, quoted back
      .replace(/<[^<>]*>|\[[^[\]]*\]/g, ' ') // placeholders: <date>, [options]
      .replace(/(^|[\s（(，、：;；,'"])--?[A-Za-z][\w-]*/g, '$1 '); // flags
    for (const m of prose.matchAll(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_.'’-]*/g)) words.push(m[0].replace(/[.'’-]+$/, ''));
  }
  return words;
}

/** Words a user types or reads as they are, in any language. */
const VERBATIM = new Set([
  ...['wenmi', 'CSV', 'TSV', 'JSON', 'BOM', 'Excel', 'table', 'csv', 'tsv', 'json', 'xlsx', 'txt', 'text', 'zh', 'en'], // formats, languages
  ...['utf-8', 'gb18030'], // encodings
  ...['today', 'yesterday', 'tomorrow', 'som', 'eom', 'this-month', 'last-month'], // date words
  'counted', // a CSV column a stocktake sheet may use
  ...['html', 'pdf', 'HTML', 'PDF', 'a4', 'a4-portrait', 'a3'], // a paper book's pages and paper sizes
]);
const CODE = /^[A-Z0-9][A-Z0-9_-]*$/; // Z001, WS, D10, Y2026-0001, WENMI_DB
const KEY_OR_FILE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z0-9-]+$/; // archive.loan-days, out.csv

function english(text: string, names: Set<string>): string[] {
  return latinWords(text).filter((w) => !VERBATIM.has(w) && !names.has(w) && !CODE.test(w) && !KEY_OR_FILE.test(w));
}

let dir: string;
let env: Record<string, string>;
let tree: Awaited<ReturnType<typeof commandPaths>>;

beforeAll(async () => {
  dir = tempDir();
  env = { ...ZH, WENMI_DB: path.join(dir, 'w.db') };
  tree = await commandPaths();
  expect((await cli(['init'], { env })).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Chinese throughout under zh', () => {
  it('finds English where there is some (the sweep itself works)', () => {
    const names = new Set(['list']);
    expect(english('用法： wenmi list [options]\n  --limit <n>  最多列出条数', names)).toEqual([]);
    expect(english('  -h, --help  display help for command', names)).toEqual(['display', 'help', 'for', 'command']);
    expect(english('错误：unknown option', names)).toEqual(['unknown', 'option']);
    expect(english('错误：没有命令“nosuch”。\n（运行 `wenmi incoming --help` 查看用法）', names)).toEqual([]);
    expect(english("error: option '--copies <n>' argument 'x' is invalid.", names)).toEqual(['error', 'option', 'argument', 'x', 'is', 'invalid']);
    expect(english('  $ wenmi due --format json   # a morning cron job', names)).toEqual(['a', 'morning', 'cron', 'job']);
    expect(english('  $ wenmi due --format json   # 每天早上', names)).toEqual([]);
  });

  it('prints every help page with no English words', async () => {
    expect(tree.paths.length).toBeGreaterThan(60);
    const found: string[] = [];
    for (const p of tree.paths) {
      const r = await cli([...p, '--help'], { env });
      expect(r.code, p.join(' ')).toBe(0);
      const words = english(r.stdout + r.stderr, tree.names);
      if (words.length) found.push(`wenmi ${p.join(' ')} --help: ${[...new Set(words)].join(' ')}`);
    }
    const help = await cli(['help'], { env });
    found.push(...english(help.stdout, tree.names));
    expect(found).toEqual([]);
  });

  it('says every usage error of every command in Chinese', async () => {
    const lines: string[][] = [['nosuch'], ['--lang', 'fr', 'due'], ['--by'], ['--db', '--lang', 'zh', 'due'], ['incoming', 'receive', '--copies', '0'], ['incoming', 'list', '--limit', 'x']];
    for (const [at, cmd] of tree.commands) {
      const p = at.split(' ');
      if (cmd.commands.length > 0) {
        lines.push([...p, 'nosuch'], p);
        continue;
      }
      lines.push([...p, '--nosuch'], [...p, '--stat']);
      const args = cmd.registeredArguments;
      if (args.some((a) => a.required)) lines.push(p);
      if (!args.some((a) => a.variadic)) lines.push([...p, ...args.map(() => 'X'), 'extra', 'more']);
      const valued = cmd.options.find((o) => o.required);
      if (valued) lines.push([...p, ...args.map(() => 'X'), valued.long!], [...p, ...args.map(() => 'X'), valued.long!, '--sender']);
      for (const o of cmd.options.filter((o) => o.argChoices)) lines.push([...p, ...args.map(() => 'X'), o.long!, 'x']);
    }
    expect(lines.length).toBeGreaterThan(300);
    const found: string[] = [];
    for (const line of lines) {
      const r = await cli(line, { env });
      expect(r.code, line.join(' ')).toBe(2);
      expect(r.stderr, line.join(' ')).not.toBe('');
      const words = english(r.stderr + r.stdout, tree.names);
      if (words.length) found.push(`wenmi ${line.join(' ')}: ${[...new Set(words)].join(' ')}`);
    }
    expect(found).toEqual([]);
  });
});
