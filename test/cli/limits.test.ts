import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], lang = 'en_US.UTF-8') => cli(args, { env: { ...env, LANG: lang } });

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const receive = (...more: string[]) => ['incoming', 'receive', '--sender', 'A', '--title', 'T', ...more];

describe('limits', () => {
  it('--copies 0 and --copies 10000 state the same range, the one the register enforces', async () => {
    for (const lang of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const low = await run(receive('--copies', '0'), lang);
      const high = await run(receive('--copies', '10000'), lang);
      expect([low.code, high.code]).toEqual([2, 2]);
      const range = (text: string) => /1 (?:to|至) (\d+)/.exec(text)?.[1];
      expect(range(low.stderr)).toBe('9999');
      expect(range(high.stderr)).toBe('9999');
    }
    expect((await run(receive('--copies', '9999'))).code).toBe(0);
  });

  it('states the real range of pages, and of copies handed on', async () => {
    expect((await run(receive('--pages', '100000'))).stderr).toContain('from 1 to 99999');
    expect((await run(receive('--pages', '0'))).stderr).toContain('from 1 to 99999');
    expect((await run(['incoming', 'hand', '2026-0001', '--to', '张三', '--copies', '0'])).stderr).toContain('from 1 to 9999');
    expect((await run(['archive', 'file', '--title', 'T', '--pages', '0'])).stderr).toContain('from 1 to 99999');
  });

  it('--limit 0 asks for at least 1 without naming a machine number; a huge limit is no limit', async () => {
    for (const args of [['incoming', 'list', '--limit', '0'], ['archive', 'list', '--limit', '0']]) {
      const en = await run(args);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain('must be a whole number of at least 1 (at most 15 digits)');
      expect(en.stderr).not.toMatch(/9007199254740991|999999/);
      expect((await run(args, 'zh_CN.UTF-8')).stderr).toContain('须为不小于 1 的整数（至多 15 位）');
    }
    await run(receive());
    expect((await run(['incoming', 'list', '--limit', '999999999999999'])).code).toBe(0);
    expect((await run(['archive', 'list', '--limit', '999999999999999'])).code).toBe(0);
    const huge = await run(['incoming', 'list', '--limit', '99999999999999999999']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('at least 1 (at most 15 digits)');
  });
});
