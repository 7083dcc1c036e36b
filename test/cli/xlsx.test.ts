/** --format xlsx and -o FILE.xlsx through the commands: refused on a terminal before anything is done; the sheet named after the register and period. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readZip } from '../../src/core/output/zip.js';
import { cli, tempDir, type CliOptions } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: CliOptions = {}) => cli(args, { env, ...opts });
const journalEntries = async () => JSON.parse((await run(['verify', '--format', 'json'])).stdout).entries as number;
const partsOf = (file: string) => readZip(fs.readFileSync(file));

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
  expect((await run(['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密标题', '--secret', '机密★10年', '--copy-no', '000003'])).code).toBe(0);
});

describe('xlsx through the commands', () => {
  it('is refused on a terminal (exit 2, says to use -o), before a --reveal is journaled; nothing is written', async () => {
    const before = await journalEntries();
    for (const lang of ['en', 'zh'] as const) {
      const r = await run(['incoming', 'export', '--classified', '--reveal', '--format', 'xlsx'], { tty: true, lang, env: { ...env, LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('-o');
      expect(r.stderr).toContain(lang === 'zh' ? '不能输出到终端' : 'cannot be written to a terminal');
    }
    expect((await run(['incoming', 'list', '--format', 'xlsx', '-o', '-'], { tty: true })).code).toBe(2);
    expect(await journalEntries()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['w.db']);
  });

  it('writes -o FILE.xlsx: the classified book revealed keeps 份号 000003 as text, the sheet is named after the register and period', async () => {
    const file = path.join(dir, 'x.xlsx');
    const r = await run(['incoming', 'export', '--classified', '--reveal', '--month', '2026-11', '-o', file], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect([r.code, r.stderr]).toEqual([0, `已写入 ${file}\n`]);
    const parts = partsOf(file);
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('<sheet name="收文 2026-11"');
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toContain('<t xml:space="preserve">份号</t>');
    expect(sheet).toContain('<t xml:space="preserve">000003</t>');
    expect(sheet).toContain('<t xml:space="preserve">涉密标题</t>');
    const masked = path.join(dir, 'masked.xlsx');
    expect((await run(['incoming', 'export', '--classified', '--from', '2026-11-01', '--to', '2026-11-30', '-o', masked])).code).toBe(0);
    expect(partsOf(masked).get('xl/worksheets/sheet1.xml')!.toString()).not.toContain('涉密标题');
    expect(partsOf(masked).get('xl/workbook.xml')!.toString()).toContain('<sheet name="incoming 2026-11-01~2026-11-30"');
  });

  it('writes a paper book’s rows and a money column: yuan numbers shown with two decimals', async () => {
    expect((await run(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '0012345', '--unit', '包', '--price', '12.5'])).code).toBe(0);
    expect((await run(['supplies', 'receive', 'A4纸', '--qty', '3', '--price', '12.50', '--unplanned', '--reason', '急需'])).code).toBe(0);
    const stock = path.join(dir, 'stock.xlsx');
    expect((await run(['supplies', 'stock', '-o', stock])).code).toBe(0);
    const sheet = partsOf(stock).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toMatch(/<c r="C2" t="inlineStr" s="2"><is><t xml:space="preserve">0012345<\/t><\/is><\/c>/);
    expect(sheet).toMatch(/<c r="[A-Z]2" s="4"><v>37.5<\/v><\/c>/);
    const book = path.join(dir, 'book.xlsx');
    expect((await run(['incoming', 'print', '-o', book])).code).toBe(0);
    expect(partsOf(book).get('xl/workbook.xml')!.toString()).toContain('<sheet name="incoming"');
  });
});
