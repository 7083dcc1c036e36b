/**
 * The .xlsx exports as a spreadsheet reads them: registers holding the values CSV loses in
 * LibreOffice (leading zeros, long digit strings, titles that look like dates, numbers, booleans
 * or formulas, a voided seal line) are exported with the built binary, converted to CSV by
 * LibreOffice itself (one soffice call, UTF-8 filter) and compared cell by cell with the same
 * command's JSON (-o FILE.json, which the paper books take too).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/output/csv.js';
import { readZip } from '../../src/core/output/zip.js';
import { BIN, bin, externalTool, NOW, tempDir } from '../helpers.js';

const soffice = externalTool('soffice', 'libreoffice');

let dir: string;
let env: Record<string, string>;
const run = (args: string[]) => bin(args, { env });
const ok = (args: string[]) => {
  const r = run(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

/** Each export: its file name and the command line (the same one gives the JSON). */
const EXPORTS: [string, string[]][] = [
  ['classified', ['incoming', 'export', '--classified', '--reveal']],
  ['incoming', ['incoming', 'export', '--month', '2026-11']],
  ['archive', ['archive', 'list']],
  ['stock', ['supplies', 'stock']],
  ['movements', ['supplies', 'movements']],
  ['seal', ['seal', 'export']],
  ['sealbook', ['seal', 'print']],
];

beforeAll(() => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db'), LANG: 'zh_CN.UTF-8', WENMI_NOW: NOW };
  ok(['init']);
  ok(['config', 'set', 'archive.fonds', 'Z001']);
  ok(['incoming', 'receive', '--sender', '市委办公室', '--title', '=SUM(1,2)', '--secret', '机密★10年', '--copy-no', '000003', '--sender-no', '007', '--cabinet', '机要室']);
  ok(['incoming', 'receive', '--sender', '市委办公室', '--title', '1/2', '--secret', '秘密', '--copy-no', '000012', '--cabinet', '机要室']);
  ok(['incoming', 'receive', '--sender', '1234567890123456789', '--title', '1E5', '--sender-no', 'TRUE']);
  ok(['incoming', 'receive', '--sender', '某局', '--title', '１２３', '--sender-no', '1-2', '--copies', '3']);
  ok(['archive', 'file', '--title', '1-2', '--author', '市某局', '--date', '2026-11-20', '--retention', 'Y', '--org', 'BGS', '--doc-no', '007', '--box', '003']);
  ok(['archive', 'file', '--title', 'TRUE', '--author', '=SUM(1,2)', '--date', '2026-11-21', '--retention', 'D30', '--org', 'BGS', '--doc-no', '1/2', '--box', '003']);
  ok(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '0012345', '--unit', '包', '--price', '12.5', '--reorder', '10']);
  ok(['supplies', 'receive', 'A4纸', '--qty', '20', '--price', '12.50', '--supplier', '1E5', '--unplanned', '--reason', '会议急需']);
  ok(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--location', '机要室', '--since', '2026-01-04']);
  ok(['seal', 'request', '--seal', 'S001', '--doc', '1/2', '--unit', '办公室', '--purpose', '签订合同', '--count', '2', '--requester', '陈经办']);
  ok(['seal', 'approve', 'Y2026-0001', '--approver', '周主任']);
  ok(['seal', 'stamp', 'Y2026-0001', '--count', '1']);
  ok(['seal', 'stamp', 'Y2026-0001', '--count', '1']);
  ok(['seal', 'void-stamp', '1', '--reason', '重复登记', '--approver', '周主任']);
}, 180_000);

/** What the spreadsheet should show for a JSON value: money (a 元 column) in yuan, words as stored, a true flag as its word. */
function matches(cell: string, value: unknown, heading: string): boolean {
  if (value === null) return cell === '';
  if (typeof value === 'number') return cell !== '' && Number(cell) === (heading.endsWith('（元）') ? value / 100 : value);
  if (typeof value === 'boolean') return value ? cell !== '' && !/^(true|TRUE|1)$/.test(cell) : cell === '';
  if (Array.isArray(value)) return cell === value.join('、');
  return cell === value;
}

describe('xlsx exports', () => {
  it('go to a pipe as bytes, and a file is written private', () => {
    const r = spawnSync(process.execPath, [BIN, 'incoming', 'export', '--format', 'xlsx'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    expect(r.status, r.stderr.toString()).toBe(0);
    const sheet = readZip(r.stdout).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<t xml:space="preserve">1234567890123456789</t>');
    const file = path.join(dir, 'private.xlsx');
    ok(['incoming', 'export', '-o', file]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.rmSync(file);
  });

  it('load the xlsx writer only when an xlsx is written: not for --version, a write or a CSV export', () => {
    // a module hook that names the xlsx chunk when it is loaded
    fs.writeFileSync(path.join(dir, 'hook.mjs'), "export async function resolve(s, c, next) { const r = await next(s, c); if (/\\/dist\\/xlsx-[^/]*\\.js$/.test(r.url)) console.error('LOADED xlsx'); return r; }\n");
    fs.writeFileSync(path.join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister(new URL('./hook.mjs', import.meta.url));\n");
    const own = { ...env, WENMI_DB: path.join(dir, 'load.db') };
    const loads = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...own } });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr.includes('LOADED xlsx');
    };
    expect(loads(['--version'])).toBe(false);
    expect(loads(['init'])).toBe(false);
    expect(loads(['incoming', 'receive', '--sender', '某局', '--title', '启动测试'])).toBe(false);
    expect(loads(['incoming', 'export', '--format', 'csv'])).toBe(false);
    expect(loads(['incoming', 'export', '--format', 'xlsx'])).toBe(true);
  });

  it.skipIf(!soffice)('keep every cell as the register says in LibreOffice (skipped without soffice)', { timeout: 300_000 }, () => {
    const files = EXPORTS.map(([name, args]) => {
      const file = path.join(dir, `${name}.xlsx`);
      ok([...args, '-o', file]);
      const xml = [...readZip(fs.readFileSync(file)).values()].map((b) => b.toString('utf8')).join('');
      expect(xml, name).not.toMatch(/<f[ >]/);
      return file;
    });
    const out = path.join(dir, 'csv');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const conv = spawnSync(
      soffice!,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', '--outdir', out, ...files],
      { encoding: 'utf8', timeout: 280_000, env: { ...process.env, HOME: dir } },
    );
    expect(conv.status, conv.stderr).toBe(0);
    for (const [name, args] of EXPORTS) {
      const jsonFile = path.join(dir, `${name}.json`);
      ok([...args, '-o', jsonFile]);
      const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Record<string, unknown>[];
      const { header, rows } = parseCsv(fs.readFileSync(path.join(out, `${name}.csv`), 'utf8'));
      const keys = Object.keys(json[0]!);
      expect(header.length, name).toBe(keys.length);
      expect(rows.length, name).toBe(json.length);
      json.forEach((entry, i) => {
        const cells = rows[i]!.cells;
        keys.forEach((key, j) => {
          const cell = cells[j] ?? '';
          expect(matches(cell, entry[key], header[j]!), `${name} row ${i + 1} ${key}: ${JSON.stringify(cell)} for ${JSON.stringify(entry[key])}`).toBe(true);
        });
      });
    }
    const classified = parseCsv(fs.readFileSync(path.join(out, 'classified.csv'), 'utf8'));
    const copyNo = classified.header.indexOf('份号');
    expect(classified.rows.map((r) => r.cells[copyNo])).toEqual(['000003', '000012']);
    const titles = parseCsv(fs.readFileSync(path.join(out, 'incoming.csv'), 'utf8')).rows.map((r) => r.cells.slice(2, 5));
    expect(titles).toEqual([
      ['1234567890123456789', 'TRUE', '1E5'],
      ['某局', '1-2', '１２３'],
    ]);
    const seal = parseCsv(fs.readFileSync(path.join(out, 'seal.csv'), 'utf8'));
    expect(seal.header.slice(6, 8)).toEqual(['用印数量', '作废']);
    expect(seal.rows.map((r) => r.cells.slice(6, 8))).toEqual([['1', '作废'], ['1', '']]);
  });
});
