/** Which files a command accepts as its database, what verify says about bad ones, and the journal's clock. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const receive = ['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知'];

function emptyFiles(): { zero: string; emptySqlite: string; other: string } {
  const dir = tempDir();
  const zero = path.join(dir, 'zero.db');
  fs.writeFileSync(zero, '');
  const emptySqlite = path.join(dir, 'empty-sqlite.db');
  new Database(emptySqlite).pragma('user_version = 0');
  const other = path.join(dir, 'other.db');
  const o = new Database(other);
  o.exec('CREATE TABLE contacts (name TEXT)');
  o.close();
  return { zero, emptySqlite, other };
}

const snapshot = (file: string) => ({ size: fs.statSync(file).size, bytes: fs.readFileSync(file).toString('hex'), siblings: fs.readdirSync(path.dirname(file)).sort() });

describe('only init makes a file a wenmi database', () => {
  it('a read or a write on a zero-byte or empty SQLite file is refused (exit 1) saying to run init, and the file is untouched', async () => {
    for (const file of Object.values(emptyFiles()).slice(0, 2)) {
      const before = snapshot(file);
      for (const args of [['incoming', 'list'], receive, ['config', 'list']]) {
        const r = await cli(['--db', file, ...args]);
        expect([r.code, r.stderr]).toEqual([1, `error: ${file} is an empty file, not yet a wenmi database.\nTo make it a database, run: wenmi init --db ${file}\n`]);
      }
      expect(snapshot(file)).toEqual(before);
    }
  });

  it("another program's SQLite file is refused by every command, init included", async () => {
    const { other } = emptyFiles();
    for (const args of [['incoming', 'list'], receive, ['init']]) {
      const r = await cli(['--db', other, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${other} is not a wenmi database.`);
    }
  });

  it('verify refuses all three with exit 3 and a clear message, writing nothing', async () => {
    const files = emptyFiles();
    for (const file of Object.values(files)) {
      const before = snapshot(file);
      const r = await cli(['--db', file, 'verify']);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^verification failed: 1 problem\n {2}.*(empty file|not a wenmi database)/);
      expect(r.stderr).not.toContain('verified');
      expect(snapshot(file)).toEqual(before);
    }
  });

  it('init makes a zero-byte file a database, private, and verify passes on it', async () => {
    const { zero } = emptyFiles();
    fs.chmodSync(zero, 0o644);
    expect((await cli(['--db', zero, 'init'])).code).toBe(0);
    expect((await cli(['--db', zero, ...receive])).code).toBe(0);
    expect((await cli(['--db', zero, 'verify'])).code).toBe(0);
  });

  it('a missing named file stays an error for reads and writes', async () => {
    const file = path.join(tempDir(), 'missing.db');
    expect((await cli(['--db', file, 'incoming', 'list'])).code).toBe(1);
    expect((await cli(['--db', file, ...receive])).code).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    expect((await cli(['--db', file, 'verify'])).code).toBe(3);
  });
});

describe('verify on a damaged file', () => {
  it('exits 3 with a clear message, not an internal error', async () => {
    const file = path.join(tempDir(), 'w.db');
    await cli(['--db', file, 'init']);
    for (let i = 0; i < 30; i++) await cli(['--db', file, ...receive]);
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const bytes = fs.readFileSync(file);
    for (let p = 4096; p < bytes.length; p += 4096) bytes.fill(0x5a, p + 100, p + 2000);
    fs.writeFileSync(file, bytes);
    const r = await cli(['--db', file, 'verify']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^verification failed/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe('verify output names rows and entries', () => {
  it('an unjournaled row is shown with its table and row, with no sequence "-"', async () => {
    const file = path.join(tempDir(), 'w.db');
    await cli(['--db', file, 'init']);
    await cli(['--db', file, ...receive]);
    const raw = new Database(file);
    raw.prepare("INSERT INTO settings (key, value) VALUES ('unit.name', 'sneaky')").run();
    raw.close();
    const r = await cli(['--db', file, 'verify']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('  settings row 1 has no journal entry\n');
    expect(r.stderr).not.toMatch(/ -: /);
  });
});

describe('the journal clock', () => {
  it('refuses a write dated before the journal head (exit 1), naming both times; a back-dated --received is fine', async () => {
    const file = path.join(tempDir(), 'w.db');
    await cli(['--db', file, 'init']);
    expect((await cli(['--db', file, ...receive], { env: { WENMI_NOW: '2026-11-27T09:30' } })).code).toBe(0);
    const r = await cli(['--db', file, '--by', '张三', ...receive], { env: { WENMI_NOW: '2001-01-01T09:00' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the clock went backwards: now is 2001-01-01T09:00:00.*earlier than the last journal entry at 2026-11-27T09:30:00/);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(2);
    raw.close();
    const back = await cli(['--db', file, ...receive, '--received', '2026-10-02'], { env: { WENMI_NOW: '2026-11-28T09:00' } });
    expect(back.code).toBe(0);
  });

  it('verify lists the entries written under WENMI_NOW (text and JSON)', async () => {
    const file = path.join(tempDir(), 'w.db');
    await cli(['--db', file, 'init']);
    await cli(['--db', file, ...receive]);
    const text = await cli(['--db', file, 'verify']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('note: 2 journal entries were written under a fixed clock (WENMI_NOW): entries 1–2');
    const json = JSON.parse((await cli(['--db', file, 'verify', '--format', 'json'])).stdout);
    expect(json.fixedClock).toEqual([1, 2]);
  });
});
