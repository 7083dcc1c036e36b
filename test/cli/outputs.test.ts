/** -o writes what its extension names, or is refused (exit 2, no file, nothing journaled). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[]) => cli(args, { env });
const journalEntries = async () => JSON.parse((await run(['verify', '--format', 'json'])).stdout).entries as number;

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await run(['init'])).code).toBe(0);
  expect((await run(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知', '--pages', '3'])).code).toBe(0);
  expect((await run(['incoming', 'receive', '--sender', '市委办公室', '--title', '涉密标题', '--secret', '机密★10年', '--copy-no', '3'])).code).toBe(0);
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('-o FILE', () => {
  it('refuses an extension the command cannot write, writing nothing', async () => {
    for (const args of [
      ['incoming', 'list', '-o', path.join(dir, 'out.ods')],
      ['incoming', 'export', '-o', path.join(dir, 'out.ods')],
      ['incoming', 'list', '--format', 'json', '-o', path.join(dir, 'out.csv')],
      ['incoming', 'print', '-o', path.join(dir, 'out.odt')],
      ['incoming', 'print', '--reveal', '--classified', '-o', path.join(dir, 'out.docx')],
      ['archive', 'remind', '-o', path.join(dir, 'out.xlsx')],
      ['archive', 'print-loans', '-o', path.join(dir, 'out.ods')],
      ['seal', 'print', '-o', path.join(dir, 'out.ods')],
      ['due', '-o', path.join(dir, 'out.ods')],
    ]) {
      const before = await journalEntries();
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/\.csv|does not match/);
      expect(fs.readdirSync(dir)).toEqual(['w.db']);
      expect(await journalEntries()).toBe(before);
    }
  });

  it('writes a list as the extension names: .txt is the ruled table', async () => {
    const txt = path.join(dir, 'list.txt');
    expect((await run(['incoming', 'list', '-o', txt])).code).toBe(0);
    const text = fs.readFileSync(txt, 'utf8');
    expect(text).toMatch(/^┌/);
    expect(text).toContain('关于编报预算的通知');
    const noExt = path.join(dir, 'list');
    expect((await run(['incoming', 'list', '-o', noExt])).code).toBe(0);
    expect(fs.readFileSync(noExt, 'utf8')).toMatch(/^\ufeffnumber,/); // no extension: CSV, as before
  });

  it('print -o: .txt (or no extension) the book as text; .csv/.tsv/.json the book\'s rows', async () => {
    const txt = path.join(dir, 'book.txt');
    expect((await run(['incoming', 'print', '-o', txt])).code).toBe(0);
    expect(fs.readFileSync(txt, 'utf8')).toMatch(/Register of incoming documents[\s\S]*┌[\s\S]*关于编报预算的通知/);
    const csv = path.join(dir, 'book.csv');
    expect((await run(['incoming', 'print', '-o', csv])).code).toBe(0);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe("\ufeffnumber,received,sender,sender's no.,title,classification,copies,pages,handling");
    expect(lines[1]).toMatch(/^2026-0001,2026-11-27,市财政局,,关于编报预算的通知,,1,3,/);
    const json = path.join(dir, 'book.json');
    expect((await run(['incoming', 'print', '-o', json])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual([expect.objectContaining({ number: '2026-0001', title: '关于编报预算的通知', pages: 3 })]);
    const tsv = path.join(dir, 'loans.tsv');
    expect((await run(['archive', 'print-loans', '-o', tsv])).code).toBe(0);
    expect(fs.readFileSync(tsv, 'utf8').split('\n')[0]).toMatch(/^lent\tborrower/);
  });
});
