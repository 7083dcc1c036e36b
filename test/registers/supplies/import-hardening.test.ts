/** Imports cannot exhaust the machine or slip bad rows through: regular files only, a size limit, short refusals, strict rows. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../../src/core/input.js';
import { bin, cli, tempDir } from '../../helpers.js';

let env: Record<string, string>;
let dir: string;
const run = (args: string[]) => cli(['supplies', ...args], { env });
const entries = async () => JSON.parse((await cli(['verify', '--format', 'json'], { env })).stdout).entries as number;
const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await cli(['init'], { env })).code).toBe(0);
  await run(['item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包']);
  await run(['item', 'add', '--name', '签字笔', '--spec', '0.5mm 黑', '--unit', '支']);
  expect((await run(['stocktake', 'start', '--counter', '李四', '--witness', '张三'])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stocktake import refuses, changing nothing', () => {
  it('devices, named pipes and folders (not read at all), and files over the size limit', async () => {
    const before = await entries();
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const f of ['/dev/zero', fifo, dir]) {
      const r = await run(['stocktake', 'import', f]);
      expect(r.code, f).toBe(1);
      expect(r.stderr).toContain('not a regular file');
    }
    const big = file('big.csv', 'item,counted\n' + 'A4纸,1\n'.repeat(Math.ceil(MAX_INPUT_BYTES / 8) + 10));
    const r = await run(['stocktake', 'import', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('larger than 20 MB');
    expect(await entries()).toBe(before);
  });

  it('standard input over the size limit (it is read only that far)', () => {
    const r = bin(['supplies', 'stocktake', 'import', '-'], { env, input: 'item,counted\n' + 'x'.repeat(MAX_INPUT_BYTES) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin is larger than 20 MB');
  });

  it('lists at most the first 50 bad lines and counts the rest', async () => {
    const before = await entries();
    const rows = Array.from({ length: 500 }, (_, i) => `无此物品${i},1`).join('\n');
    const r = await run(['stocktake', 'import', file('bad.csv', `item,counted\n${rows}\n`)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('500 bad rows');
    expect(r.stderr.match(/^line \d+:/gm)).toHaveLength(50);
    expect(r.stderr).toContain('line 51:');
    expect(r.stderr).not.toContain('line 52:');
    expect(r.stderr).toContain('… and 450 more bad lines not listed');
    expect(await entries()).toBe(before);
  });

  it('a row of NUL bytes, or any control character, naming the line (not skipped as blank)', async () => {
    const before = await entries();
    const nul = await run(['stocktake', 'import', file('nul.csv', 'item,counted\nA4纸,3\n\u0000\u0000\u0000\n')]);
    expect(nul.code).toBe(2);
    expect(nul.stderr).toContain('line 3: holds the control character U+0000');
    const esc = await run(['stocktake', 'import', file('esc.csv', 'item,counted\nA4纸\u001b[2J,3\n')]);
    expect(esc.code).toBe(2);
    expect(esc.stderr).toContain('line 2: holds the control character U+001B');
    expect(esc.stderr).not.toContain('\u001b');
    expect(await entries()).toBe(before);
  });

  it('extra cells in a row, naming the file and the line; trailing empty cells (spreadsheet padding) are fine', async () => {
    const before = await entries();
    const f = file('extra.csv', 'item,counted\nA4纸,3\n签字笔,4,oops\n');
    const r = await run(['stocktake', 'import', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f} line 3: more cells than the header has (2 columns)`);
    expect(await entries()).toBe(before);
    expect((await run(['stocktake', 'import', file('pad.csv', 'item,counted\nA4纸,3,,\n')])).code).toBe(0);
  });

  it('quote errors name the file', async () => {
    const f = file('quote.csv', 'item,counted\n"A4纸,3\n');
    const r = await run(['stocktake', 'import', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f} line 2: a quote is never closed`);
  });
});

describe('stocktake import reads', () => {
  it('full-width digits in counts and item numbers as flags do', async () => {
    expect((await run(['stocktake', 'import', file('wide.csv', 'item,counted\n１,２１\n＃２,０\n')])).code).toBe(0);
    const diff = JSON.parse((await run(['stocktake', 'diff', '--format', 'json'])).stdout) as { counted: number }[];
    expect(diff.map((l) => l.counted).sort()).toEqual([0, 21]);
    expect((await run(['stocktake', 'count', 'A4纸', '１９'])).code).toBe(0);
  });
});
