/** Checks that leave a record (issue #12): archive check / incoming check record each run; --dry-run records nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

async function fresh() {
  const dir = tempDir();
  const db = path.join(dir, 'w.db');
  let clock = Date.parse('2026-11-20T09:00:00Z');
  const run = (args: string[]) => {
    clock += 60_000;
    return cli(args, { env: { WENMI_DB: db, WENMI_NOW: new Date(clock).toISOString().slice(0, 16) } });
  };
  const ok = async (args: string[]) => {
    const r = await run(args);
    if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
    return r;
  };
  expect((await cli(['init', '--db', db])).code).toBe(0);
  const head = async () => (await ok(['verify'])).stdout;
  const checks = async (register: string) => JSON.parse((await ok([register, 'checks', '--format', 'json'])).stdout) as Record<string, unknown>[];
  return { dir, run, ok, head, checks };
}

describe('archive check leaves a record', () => {
  it('records each check, also one that exits 3; --dry-run records nothing and says so', async () => {
    const { dir, run, ok, head, checks } = await fresh();
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['archive', 'file', '--title', 'T', '--author', 'A', '--date', '2026-11-01', '--retention', 'Y']);
    await ok(['archive', 'file', '--title', 'U', '--author', 'A', '--date', '2026-11-01', '--retention', 'Y']);
    const list = path.join(dir, 'shelf.txt');
    fs.writeFileSync(list, 'Z001-WS·2026-Y-0001\n');
    const before = await head();
    const dry = await run(['archive', 'check', '--found', list, '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.stderr).toContain('dry run (--dry-run): this check was not recorded.');
    expect(await head()).toBe(before);
    expect(await checks('archive')).toEqual([]);
    const real = await run(['archive', 'check', '--found', list]);
    expect(real.code).toBe(3);
    expect(real.stderr).toContain('this check is recorded as no. 1; see wenmi archive checks.');
    fs.writeFileSync(list, 'Z001-WS·2026-Y-0001\nZ001-WS·2026-Y-0002\n');
    expect((await run(['archive', 'check', '--found', list])).code).toBe(0);
    expect(await checks('archive')).toEqual([
      { no: 1, date: '2026-11-20', checker: '王秘书', examined: 2, differences: 1, findings: 'Z001-WS·2026-Y-0002 缺失' },
      { no: 2, date: '2026-11-20', checker: '王秘书', examined: 2, differences: 0, findings: '' },
    ]);
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('incoming check leaves a record', () => {
  it('records each count of classified copies; --dry-run records nothing', async () => {
    const { run, ok, head, checks } = await fresh();
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--secret', '秘密', '--copy-no', '1', '--circle', '李明']);
    const before = await head();
    const dry = await run(['incoming', 'check', '--dry-run']);
    expect([dry.code, dry.stderr]).toEqual([0, expect.stringContaining('this check was not recorded')]);
    expect(await head()).toBe(before);
    expect((await run(['incoming', 'check'])).code).toBe(0);
    expect(await checks('incoming')).toMatchObject([{ no: 1, checker: '王秘书', examined: 1, differences: 0 }]);
    expect((await run(['verify'])).code).toBe(0);
  });
});
