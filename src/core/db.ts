/**
 * Opening the one SQLite file: path rules, pragmas, application id, migrations.
 * Every connection: WAL, synchronous=FULL (checked), foreign keys, busy timeout.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDriver } from './driver.js';
import { dataError, usageError } from './errors.js';

export type DB = Database.Database;

/** 'WNMI': marks a file as a wenmi database. */
export const APPLICATION_ID = 0x574e4d49;
const BUSY_TIMEOUT_MS = 10_000;
/** The page cache of a read-only command, in KiB. */
export const READ_CACHE_KIB = 2048;

export interface Migration {
  /** `register:NNN-name`, applied in list order, recorded in schema_migrations. */
  id: string;
  up(db: DB): void;
}

/** Refuses paths that are not a plain file path: empty, :memory:, file: URIs. */
export function checkDbPath(p: string): void {
  if (p.trim() === '') throw usageError('db.emptyPath');
  if (p === ':memory:' || /^file:/i.test(p)) throw usageError('db.notAFile', { path: p });
}

export interface OpenOptions {
  /** Create the file (and its folder, 0700) when missing. Otherwise a missing file is an error. */
  create: boolean;
  /**
   * What the command may do to the file. `init` may make an existing empty file a wenmi database;
   * `write` (the default) applies the migrations a wenmi database lacks; `read` changes nothing
   * and refuses a database that lacks a migration; `verify` is `read` that accepts one.
   */
  mode?: 'init' | 'write' | 'read' | 'verify';
  migrations: Migration[];
}

export function openDatabase(file: string, opts: OpenOptions): DB {
  checkDbPath(file);
  const abs = path.resolve(file);
  let created = false;
  if (!fs.existsSync(abs)) {
    if (!opts.create) throw dataError('db.notFound', { path: file });
    fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(abs, 'wx', 0o600));
    created = true;
  } else if (!fs.statSync(abs).isFile()) {
    throw dataError('db.notWenmi', { path: file });
  }
  let db: DB | undefined;
  try {
    db = openDriver(abs, { fileMustExist: true });
    prepare(db, opts.migrations, file, created ? 'init' : (opts.mode ?? 'write'));
  } catch (e) {
    db?.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw dataError('db.notWenmi', { path: file });
    if (code === 'SQLITE_CORRUPT') throw dataError('db.corrupt', { path: file, detail: (e as Error).message });
    throw e;
  }
  return db;
}

/** A fresh in-memory database with every migration: for tests. */
export function openMemoryDatabase(migrations: Migration[]): DB {
  const db = openDriver(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, ':memory:');
  return db;
}

/**
 * Whether the file is a wenmi database. Only `init` (or the open that created the file) makes an
 * empty file one; any other command refuses it, before anything is written.
 */
function checkWenmi(db: DB, file: string, mode: NonNullable<OpenOptions['mode']>): void {
  if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return;
  const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  if (objects > 0 || db.pragma('user_version', { simple: true }) !== 0) throw dataError('db.notWenmi', { path: file });
  if (mode !== 'init') throw dataError('db.empty', { path: file });
}

function prepare(db: DB, migrations: Migration[], file: string, mode: NonNullable<OpenOptions['mode']>): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  checkWenmi(db, file, mode);
  const reading = mode === 'read' || mode === 'verify';
  if (!reading) {
    // a reader leaves the file's journal mode alone (a restored backup is in rollback mode until the first write)
    const journal = db.pragma('journal_mode = WAL', { simple: true });
    if (journal !== 'wal') throw dataError('db.pragma', { pragma: 'journal_mode', value: journal });
  }
  db.pragma('synchronous = FULL');
  const sync = db.pragma('synchronous', { simple: true });
  if (sync !== 2) throw dataError('db.pragma', { pragma: 'synchronous', value: sync });
  db.pragma('foreign_keys = ON');
  if (mode === 'verify') return;
  if (mode === 'read') {
    const pending = pendingMigrations(db, migrations, file);
    if (pending.length > 0) throw dataError('db.outdated', { path: file, migration: pending[0] });
    // a reader steps through rows once: a small page cache (2 MiB, not the driver's 16) keeps an export's memory flat
    db.pragma(`cache_size = -${READ_CACHE_KIB}`);
    return;
  }
  migrate(db, migrations, file);
}

/** The ids of the code's migrations that the file has not applied; refuses a file newer than the code. */
export function pendingMigrations(db: DB, migrations: Migration[], file: string): string[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const applied = new Set(hasTable ? (db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]) : []);
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) throw dataError('db.newer', { path: file, migration: unknown[0] });
  return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
}

/** Applies the migrations the file lacks, each in its own IMMEDIATE transaction; refuses a file newer than the code. */
export function migrate(db: DB, migrations: Migration[], file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, position INTEGER NOT NULL)');
  const known = new Set(migrations.map((m) => m.id));
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) throw dataError('db.newer', { path: file, migration: unknown[0] });
  let count = 0;
  migrations.forEach((m, i) => {
    if (applied.has(m.id)) return;
    count++;
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(m.id)) return; // another process was first
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (id, position) VALUES (?, ?)').run(m.id, i + 1);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number}`);
    }).immediate();
    db.pragma('wal_checkpoint(PASSIVE)');
  });
  // each migration's pages go into the file as it is applied (the next one reuses the WAL) and the WAL
  // is emptied at the end: a new database (init) neither needs nor keeps a WAL as large as every
  // register's schema, which grows with the number of registers
  if (count > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  appliedCounts.set(db, (appliedCounts.get(db) ?? 0) + count);
}

const appliedCounts = new WeakMap<DB, number>();

/** How many migrations this connection applied when it opened the file (init reports it). */
export function migrationsApplied(db: DB): number {
  return appliedCounts.get(db) ?? 0;
}

/** SQL for triggers that make a table append-only: posted rows are never updated or deleted. */
export function appendOnly(table: string): string {
  return `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: post a correction instead'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: post a void instead'); END;`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = ReturnType<DB['prepare']> & { run(...p: any[]): { lastInsertRowid: number | bigint }; get(...p: any[]): any; all(...p: any[]): any[]; iterate(...p: any[]): IterableIterator<any> };
const statements = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement, prepared once per connection: for queries run once per row of a list. */
export function cached(db: DB, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql) as Statement));
  return s;
}

/** Runs fn in an IMMEDIATE write transaction (the writer lock is taken at BEGIN, so reads inside see the latest data). */
export function writeTx<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** One condition of a filter: SQL with `@name` parameters and their values; a falsy entry is a filter not given. */
export type Condition = readonly [sql: string, params?: Record<string, unknown>] | false | undefined | null | '' | 0;

/**
 * The WHERE clause of a list's filter: the conditions given, joined with AND, and their
 * parameters (`{ sql: '', params: {} }` when none is given). Write each as
 * `f.from && ['received_on >= @from', { from: f.from }]`.
 */
export function whereOf(conditions: Condition[]): { sql: string; params: Record<string, unknown> } {
  const given = conditions.filter((c): c is Exclude<Condition, false | undefined | null | '' | 0> => Boolean(c));
  return { sql: given.length ? `WHERE ${given.map(([sql]) => sql).join(' AND ')}` : '', params: Object.assign({}, ...given.map(([, params]) => params ?? {})) };
}
