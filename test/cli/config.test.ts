import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, cli, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(args, { ...opts, env: { ...env, ...opts.env } });
const zh = (args: string[]) => run(args, { env: { LANG: 'zh_CN.UTF-8' } });
const get = async (key: string) => (await run(['config', 'get', key])).stdout.trim();
const journalSize = async () => (await run(['verify'])).stderr;

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('config set', () => {
  it('says what is wrong with a register setting in words, not its message key', async () => {
    for (const [key, value, zhText, enText] of [
      ['archive.loan-days', 'abc', '须为 1 至 999 的天数', 'must be a number of days from 1 to 999'],
      ['archive.fonds', 'Z0', '须为 4 位字母或数字', 'must be 4 letters or digits'],
      ['archive.category', 'W1', '须为 2 个字母', 'must be 2 letters'],
    ]) {
      const z = await zh(['config', 'set', key!, value!]);
      expect(z.code).toBe(2);
      expect(z.stderr).toContain(zhText);
      expect(z.stderr).not.toMatch(/archive\.setting\./);
      expect((await run(['config', 'set', key!, value!])).stderr).toContain(enText);
    }
    // the built program, which (unlike these in-process runs, see test/setup.ts) loads no register for `config`
    const built = bin(['config', 'set', 'archive.loan-days', 'abc'], { env });
    expect([built.code, built.stderr]).toEqual([2, 'error: the value "abc" of archive.loan-days must be a number of days from 1 to 999.\n']);
  });

  it('refuses a default loan term longer than the longest, from either side, and writes nothing', async () => {
    const before = await journalSize();
    for (const [key, value, text] of [
      ['archive.loan-days', '40', 'archive.loan-days cannot be 40: it may not exceed archive.max-loan-days (now 30)'],
      ['archive.max-loan-days', '10', 'archive.max-loan-days cannot be 10: it may not be less than archive.loan-days (now 14)'],
      ['archive.secret-loan-days', '8', 'may not exceed archive.secret-max-loan-days (now 7)'],
      ['archive.secret-max-loan-days', '6', 'may not be less than archive.secret-loan-days (now 7)'],
    ]) {
      const r = await run(['config', 'set', key!, value!]);
      expect(r.code, key).toBe(2);
      expect(r.stderr, key).toContain(text);
    }
    expect(await get('archive.loan-days')).toBe('14');
    expect(await get('archive.max-loan-days')).toBe('30');
    expect(await journalSize()).toBe(before);
    const zhText = await zh(['config', 'set', 'archive.loan-days', '40']);
    expect(zhText.stderr).toContain('archive.loan-days 不能设为 40：不得大于 archive.max-loan-days（现为 30）');
    // raising the longest first makes room; equal is fine
    expect((await run(['config', 'set', 'archive.max-loan-days', '60'])).code).toBe(0);
    expect((await run(['config', 'set', 'archive.loan-days', '40'])).code).toBe(0);
    expect((await run(['config', 'set', 'archive.max-loan-days', '40'])).code).toBe(0);
  });
});

describe('config list', () => {
  it('shows whether a value is the default as 是/否 or yes/no; JSON keeps the boolean', async () => {
    await run(['config', 'set', 'unit.name', '某局办公室']);
    const rows = (await zh(['config', 'list'])).stdout.split('\n');
    expect(rows.find((l) => l.startsWith('unit.name'))!.split('\t').at(-1)).toBe('否');
    expect(rows.find((l) => l.startsWith('archive.loan-days'))!.split('\t').at(-1)).toBe('是');
    expect((await run(['config', 'list'])).stdout).not.toMatch(/\b(true|false)\b/);
    expect((await run(['config', 'list'])).stdout.split('\n').find((l) => l.startsWith('unit.name'))!.split('\t').at(-1)).toBe('no');
    const json = JSON.parse((await run(['config', 'list', '--format', 'json'])).stdout) as { key: string; default: boolean }[];
    expect(json.find((r) => r.key === 'unit.name')!.default).toBe(false);
  });
});

describe('show', () => {
  it("lists an entry's journal with actions as words and times as people read them", async () => {
    await run(['incoming', 'receive', '--sender', '市财政局', '--title', '通知', '--received', '2026-11-27 09:30']);
    await run(['incoming', 'correct', '2026-0001', '--title', '关于编报预算的通知', '--reason', '标题录入有误']);
    const z = (await zh(['incoming', 'show', '2026-0001'])).stdout;
    const journal = z.slice(z.lastIndexOf('日志序号'));
    expect(journal).toMatch(/│ 2026-11-27 09:30 +│ 王秘书 +│ 签收登记 +│/);
    expect(journal).toMatch(/│ 更正 +│ 标题录入有误/);
    expect(z).not.toMatch(/T\d\d:\d\d:\d\d|\breceive\b|\bcorrect\b/);
    const en = (await run(['incoming', 'show', '2026-0001'])).stdout;
    expect(en.slice(en.lastIndexOf('seq'))).toMatch(/│ received +│[\s\S]*│ corrected +│/);
    const json = JSON.parse((await run(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout) as { history: { action: string; at: string }[] };
    expect(json.history[0]).toMatchObject({ action: 'receive', at: expect.stringMatching(/^2026-11-27T09:30:00[+-]\d\d:\d\d$/) });
  });

  it("shows an archive item's journal the same way", async () => {
    await run(['config', 'set', 'archive.fonds', 'Z001']);
    const filed = await run(['archive', 'file', '--title', '年度工作总结', '--author', '办公室', '--date', '2026-11-20', '--retention', 'D10', '--org', 'BGS']);
    expect(filed.code, filed.stderr).toBe(0);
    const z = (await zh(['archive', 'show', filed.stdout.trim()])).stdout;
    expect(z.slice(z.lastIndexOf('日志序号'))).toMatch(/│ 2026-11-27 09:30 +│ 王秘书 +│ 归档 +│/);
  });
});
