/**
 * The built binary where a secretary's files are: a folder whose name has spaces and Chinese
 * characters, and a console whose encoding is not UTF-8 (a Chinese Windows console is GBK).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin } from '../helpers.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wenmi-places-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a database in a folder named with spaces and Chinese characters', () => {
  const dir = path.join(root, '办公室 数据');
  const db = path.join(dir, 'w.db');

  it('is created, written, listed and verified through --db', () => {
    expect(bin(['init', '--db', db])).toMatchObject({ code: 0 });
    expect(fs.existsSync(db)).toBe(true);
    expect(bin(['incoming', 'receive', '--db', db, '--sender', '市财政局', '--title', '关于 2026 年预算的通知'])).toMatchObject({ code: 0, stdout: '2026-0001\n' });
    const rows = JSON.parse(bin(['incoming', 'list', '--db', db, '--format', 'json']).stdout) as { number: string; title: string }[];
    expect(rows).toMatchObject([{ number: '2026-0001', title: '关于 2026 年预算的通知' }]);
    expect(bin(['verify', '--db', db]).code).toBe(0);
  });

  it('writes CSV and JSON files as UTF-8 (CSV with a BOM) whatever the console encoding', () => {
    const env = { LANG: 'zh_CN.GB18030', LC_ALL: 'zh_CN.GB18030' };
    const csv = path.join(dir, '收文 登记.csv');
    const json = path.join(dir, '收文 登记.json');
    expect(bin(['incoming', 'list', '--db', db, '-o', csv], { env }).code).toBe(0);
    expect(bin(['incoming', 'list', '--db', db, '-o', json], { env }).code).toBe(0);
    const csvBytes = fs.readFileSync(csv);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.subarray(3).toString('utf8')).toContain('市财政局');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(csvBytes)).toContain('关于 2026 年预算的通知');
    const jsonBytes = fs.readFileSync(json);
    expect(jsonBytes[0]).toBe('['.charCodeAt(0));
    expect(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes))).toMatchObject([{ sender: '市财政局' }]);
  });
});
