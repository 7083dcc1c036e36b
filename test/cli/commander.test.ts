import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/output/width.js';
import { cli, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(args, { ...opts, env: { ...env, ...opts.env } });
const zh = (args: string[], opts: Parameters<typeof cli>[1] = {}) => run(args, { ...opts, env: { LANG: 'zh_CN.UTF-8', ...opts.env } });
const entries = async () => JSON.parse((await run(['incoming', 'list', '--format', 'json'])).stdout) as { sender: string }[];

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an option whose value is missing', () => {
  it('is a usage error naming the option when the next word is another flag, and nothing is written', async () => {
    const swallowed = await run(['incoming', 'receive', '--title', '测试', '--sender', '--note', 'x']);
    expect(swallowed.code).toBe(2);
    expect(swallowed.stderr).toContain("option '--sender <name>' needs a value");
    const before = await run(['incoming', 'receive', '--sender', '--title', '测试']);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('--sender <name>');
    expect(before.stderr).not.toContain('too many arguments');
    const zhText = await zh(['incoming', 'receive', '--sender', '--title', '测试']);
    expect(zhText.stderr).toMatch(/^错误：选项 --sender <name> 缺少值/);
    expect(await entries()).toEqual([]);
  });

  it('applies to every command and to the global options, and to a short flag of the program', async () => {
    for (const args of [
      ['--by', '--db', 'x.db', 'incoming', 'list'],
      ['incoming', 'list', '--sender', '-o', 'x.csv'],
      ['seal', 'list', '--format', '--reveal'],
      ['config', 'set', 'unit.name', 'X', '--reason', '--lang'],
      ['incoming', 'receive', '--title', 'T', '--sender', '--'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/needs a value/);
    }
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('still takes values with one dash that are not flags: relative dates, negative-looking text', async () => {
    expect((await run(['incoming', 'list', '--from', '-2w', '--to', 'today'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender', '-x 单位', '--title', '-1 标题'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender=--甲', '--title', 'T'])).code).toBe(0);
    expect((await entries()).map((e) => e.sender)).toEqual(['-x 单位', '--甲']);
  });
});

describe('commander in Chinese', () => {
  it("says its own messages in Chinese under zh, and stays commander's English under en", async () => {
    const cases: [string[], RegExp, RegExp][] = [
      [['nosuch'], /^错误：没有命令“nosuch”。/, /^error: unknown command 'nosuch'/],
      [['incoming', 'lsit'], /^错误：没有命令“lsit”。\n（是否要用 list？）/, /^error: unknown command 'lsit'\n\(Did you mean list\?\)/],
      [['incoming', 'list', '--sttae', 'x'], /^错误：没有选项 --sttae。\n（是否要用 --state？）/, /^error: unknown option '--sttae'/],
      [['incoming', 'show', '2026-0001', 'x'], /^错误：show 的参数过多：应有 1 个，给了 2 个。/, /^error: too many arguments for 'show'\. Expected 1 argument but got 2\./],
      [['config', 'get'], /^错误：缺少参数 key。/, /^error: missing required argument 'key'/],
      [['incoming', 'receive', '--title', 'T', '--note'], /^错误：选项 --note <text> 缺少值。/, /^error: option '--note <text>' argument missing/],
      [['incoming', 'receive', '--sender', 'A', '--title', 'T', '--urgency', '很急'], /^错误：选项 --urgency <level> 的值“很急”无效，可选：特急、加急。/, /Allowed choices are extra-urgent, urgent\./],
      [['incoming', 'receive', '--sender', 'A', '--title', 'T', '--copies', 'x'], /^错误：选项 --copies <n> 的值“x”无效：须为/, /^error: option '--copies <n>' argument 'x' is invalid\. must be/],
    ];
    for (const [args, zhText, enText] of cases) {
      const z = await zh(args);
      expect(z.code, args.join(' ')).toBe(2);
      expect(z.stderr, args.join(' ')).toMatch(zhText);
      expect(z.stderr).toContain('查看用法');
      expect((await run(args)).stderr, args.join(' ')).toMatch(enText);
    }
  });

  it('prints help headings, choices, defaults and the help command in Chinese', async () => {
    const root = (await zh(['--help'])).stdout;
    expect(root).toMatch(/^用法：wenmi \[选项\] \[命令\]\n/);
    for (const heading of ['用法：', '选项：', '命令：', '示例：']) expect(root).toContain(heading);
    expect(root).toMatch(/--lang <lang> +语言（可选：zh、en）/);
    expect(root).toMatch(/help \[command\] +显示命令的帮助/);
    expect(root).not.toMatch(/Usage|Options|Commands|choices|display help/);
    expect((await zh(['due', '--help'])).stdout.replace(/\n +/g, '')).toContain('（默认：7d）');
    expect((await zh(['due', '--help'])).stdout).toContain('# 每天早上的定时任务');
    const en = (await run(['--help'])).stdout;
    expect(en).toMatch(/^Usage: wenmi \[options\] \[command\]/);
    expect(en).toContain('(choices: "zh", "en")');
    expect((await run(['due', '--help'])).stdout).toContain('(default: "7d")');
  });

  it('wraps help at the terminal width by display width, continuing under the description', async () => {
    for (const args of [['--help'], ['incoming', '--help'], ['incoming', 'receive', '--help'], ['archive', 'borrow', '--help']]) {
      const r = await zh(args, { tty: true, columns: 80 });
      const lines = r.stdout.split('\n').filter((l) => !l.startsWith('  $ '));
      for (const line of lines) expect(displayWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
      // a wrapped description goes on under its column, not at column 0
      const options = r.stdout.slice(r.stdout.indexOf('选项：'), r.stdout.indexOf('示例：'));
      for (const line of options.split('\n')) if (line !== '' && !line.endsWith('：')) expect(line, line).toMatch(/^  /);
    }
    const narrow = await zh(['incoming', '--help'], { tty: true, columns: 60 });
    expect(Math.max(...narrow.stdout.split('\n').filter((l) => !l.startsWith('  $ ')).map(displayWidth))).toBeLessThanOrEqual(60);
  });

  it("writes the usage line's placeholders in the current language", async () => {
    expect((await zh(['incoming', '--help'])).stdout.split('\n')[0]).toBe('用法：wenmi incoming [选项] [命令]');
    expect((await run(['--lang', 'en', 'incoming', '--help'])).stdout.split('\n')[0]).toBe('Usage: wenmi incoming [options] [command]');
  });
});
