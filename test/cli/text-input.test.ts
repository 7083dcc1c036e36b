/** Text from users is data: control characters refused at input and escaped at output; lengths limited. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { fixedClock } from '../../src/core/clock.js';
import { openDatabase } from '../../src/core/db.js';
import { TEXT_LIMITS } from '../../src/core/text.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { cli, NOW, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(args, { ...opts, env: { ...env, ...opts.env } });
/** Any C0/C1 control or DEL except a newline: what must never reach a terminal raw. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** The same, less the tab and CR that TSV and CSV use as separators. */
const RAW_IN_ROWS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entries = async () => JSON.parse((await run(['incoming', 'list', '--format', 'json'])).stdout) as unknown[];

describe('control characters at input', () => {
  it('are refused in options, arguments and global options, naming the flag (exit 2, nothing written)', async () => {
    const cases: [string[], string][] = [
      [['incoming', 'receive', '--sender', 'A', '--title', 'x\u001b]0;PWNED\u0007'], '--title'],
      [['incoming', 'receive', '--sender', 'A\u0085', '--title', 'x'], '--sender'],
      [['incoming', 'receive', '--sender', 'A', '--title', 'x\ny'], '--title'], // a title is one line
      [['incoming', 'receive', '--sender', 'A', '--title', 'x', '--note', 'a\u0000b'], '--note'],
      [['--by', 'x\u007f', 'incoming', 'receive', '--sender', 'A', '--title', 'x'], '--by'],
      [['incoming', 'show', '\u001b]0;PWNED\u0007'], '<number>'],
    ];
    for (const [args, flag] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(r.stderr).not.toMatch(RAW);
    }
    const r = await run(['incoming', 'receive', '--sender', 'A', '--title', 'x'], { env: { WENMI_OPERATOR: 'op\u001b[2J' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('WENMI_OPERATOR');
    expect(await entries()).toEqual([]);
  });

  it('a note may hold several lines', async () => {
    expect((await run(['incoming', 'receive', '--sender', 'A', '--title', 'x', '--note', '第一行\n第二行'])).code).toBe(0);
    expect(await entries()).toHaveLength(1);
  });

  it('echoed in an error message (an environment variable, a bad choice) are shown escaped', async () => {
    const clock = await run(['incoming', 'list'], { env: { WENMI_NOW: '\u001b]0;PWNED\u0007' } });
    expect(clock.code).toBe(2);
    expect(clock.stderr).toContain('\\x1b]0;PWNED\\x07');
    expect(clock.stderr).not.toMatch(RAW);
    const lang = await run(['--lang', 'x\u001b[2J', 'incoming', 'list']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('\\x1b[2J');
    expect(lang.stderr).not.toMatch(RAW);
  });
});

describe('control characters already stored (an older version wrote them)', () => {
  beforeEach(() => {
    const db = openDatabase(env.WENMI_DB!, { create: false, migrations: buildRegistry().migrations });
    const ctx = { db, clock: fixedClock(NOW), operator: '王秘书' };
    receiveIncoming(ctx, { receivedAt: '2026-11-27T09:00:00+00:00', sender: '市\u009b31m财政局', title: '标题\u001b]0;PWNED\u0007尾', note: '备注\u0085' });
    db.close();
  });

  it('are shown escaped in every human format: table, TSV, CSV, print, show', async () => {
    const outputs = [
      await run(['incoming', 'list', '--format', 'table']),
      await run(['incoming', 'list']),
      await run(['incoming', 'list', '--format', 'csv']),
      await run(['incoming', 'export', '-o', '-']),
      await run(['incoming', 'print', '--month', '2026-11']),
      await run(['incoming', 'show', '2026-0001']),
    ];
    for (const r of outputs) {
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_IN_ROWS);
      expect(r.stdout).toContain('\\x1b]0;PWNED\\x07');
    }
    const file = path.join(dir, 'out.tsv');
    expect((await run(['incoming', 'export', '-o', file])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('市\\u009b31m财政局');
  });

  it('JSON keeps the text, with U+0080–U+009F escaped as well', async () => {
    for (const args of [['incoming', 'list', '--format', 'json'], ['incoming', 'show', '2026-0001', '--format', 'json']]) {
      const r = await run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).toContain('\\u009b');
    }
    const [entry] = (await entries()) as { sender: string }[];
    expect(entry!.sender).toBe('市\u009b31m财政局');
  });
});

describe('the longest text a field takes', () => {
  it('is refused past its limit, naming the flag and the limit (exit 2, nothing written)', async () => {
    const long = (n: number) => '文'.repeat(n);
    const over = [
      ['--title', long(TEXT_LIMITS.title! + 1), String(TEXT_LIMITS.title)],
      ['--note', long(TEXT_LIMITS.note! + 1), String(TEXT_LIMITS.note)],
      ['--sender-no', long(101), '100'],
    ];
    for (const [flag, value, max] of over) {
      const args = ['incoming', 'receive', '--sender', 'A', ...(flag === '--title' ? [] : ['--title', 'x']), flag!, value!];
      const r = await run(args);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain(flag!);
      expect(r.stderr).toContain(max!);
    }
    expect(await entries()).toEqual([]);
    expect((await run(['incoming', 'receive', '--sender', 'A', '--title', long(TEXT_LIMITS.title!), '--note', long(TEXT_LIMITS.note!)])).code).toBe(0);
  });
});
