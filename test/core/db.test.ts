import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { APPLICATION_ID, openDatabase, READ_CACHE_KIB, whereOf } from '../../src/core/db.js';
import { tempDir } from '../helpers.js';

const { migrations } = buildRegistry();

describe('opening the database', () => {
  it('gives a read-only command a small page cache, and a writing one the driver\'s', () => {
    const file = path.join(tempDir(), 'w.db');
    openDatabase(file, { create: true, mode: 'init', migrations }).close();
    const cacheOf = (mode: 'read' | 'write') => {
      const db = openDatabase(file, { create: false, mode, migrations });
      try {
        return db.pragma('cache_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(READ_CACHE_KIB).toBeLessThanOrEqual(4096);
    expect(cacheOf('read')).toBe(-READ_CACHE_KIB);
    expect(cacheOf('write')).not.toBe(-READ_CACHE_KIB);
  });

  it('leaves no WAL of the migrations it applied behind (a fresh database fits a small disk)', () => {
    const file = path.join(tempDir(), 'w.db');
    const db = openDatabase(file, { create: true, mode: 'init', migrations: buildRegistry().migrations });
    try {
      expect(fs.statSync(`${file}-wal`).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('creates a private file and folder with WAL, synchronous=FULL, foreign keys, and the application id', () => {
    const dir = path.join(tempDir(), 'sub');
    const file = path.join(dir, 'w.db');
    const db = openDatabase(file, { create: true, migrations });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('leaves no write-ahead log of the migrations behind: a new database is in its file', () => {
    const file = path.join(tempDir(), 'w.db');
    const db = openDatabase(file, { create: true, migrations });
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'journal'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(() => openDatabase(path.join(tempDir(), 'nope.db'), { create: false, migrations })).toThrow(/db.notFound/);
  });

  it('refuses paths that are not files', () => {
    expect(() => openDatabase('', { create: true, migrations })).toThrow(/db.emptyPath/);
    expect(() => openDatabase(':memory:', { create: true, migrations })).toThrow(/db.notAFile/);
    expect(() => openDatabase('file:x.db?mode=memory', { create: true, migrations })).toThrow(/db.notAFile/);
  });

  it('refuses a file that is not a wenmi database', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello, this is not SQLite at all, just some text that is long enough');
    expect(() => openDatabase(text, { create: false, migrations })).toThrow(/db.notWenmi/);
    const other = path.join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(() => openDatabase(other, { create: false, migrations })).toThrow(/db.notWenmi/);
  });

  it('refuses a database written by a newer wenmi', () => {
    const file = path.join(tempDir(), 'w.db');
    openDatabase(file, { create: true, migrations }).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (id, position) VALUES ('future:001-something', 99)").run();
    raw.close();
    expect(() => openDatabase(file, { create: false, migrations })).toThrow(/db.newer/);
  });

  it('applies a migration the file lacks, once', () => {
    const file = path.join(tempDir(), 'w.db');
    openDatabase(file, { create: true, migrations: migrations.slice(0, 1) }).close();
    const db = openDatabase(file, { create: false, migrations });
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    db.close();
  });
});

describe('whereOf', () => {
  it('joins the conditions given with AND and merges their parameters', () => {
    const f: { from?: string; state?: string; open?: boolean } = { from: '2026-11-01', open: true };
    expect(whereOf([f.from && ['on >= @from', { from: f.from }], f.state && ['state = @state', { state: f.state }], f.open && ['closed IS NULL']])).toEqual({
      sql: 'WHERE on >= @from AND closed IS NULL',
      params: { from: '2026-11-01' },
    });
    expect(whereOf([undefined, false, '', 0, null])).toEqual({ sql: '', params: {} });
  });
});
