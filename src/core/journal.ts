/**
 * The hash-chained journal. Every posted change inserts one row into an append-only register
 * table and appends one journal row carrying that row's full content; each journal row's
 * SHA-256 hash chains to the previous one. Rules post through `post` and nothing else.
 */
import { hash as digest } from 'node:crypto';
import type { Clock } from './clock.js';
import { formatTimestamp } from './dates.js';
import { dataError } from './errors.js';
import type { DB, Migration } from './db.js';
import { appendOnly, cached as stmt } from './db.js';

/** What every rule receives: the database, the clock and the operator. No I/O beyond the database. */
export interface Ctx {
  db: DB;
  clock: Clock;
  operator: string;
}

export const GENESIS = '0'.repeat(64);

export const journalMigration: Migration = {
  id: 'core:001-journal',
  up(db) {
    db.exec(`
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  register TEXT NOT NULL,
  action TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  content TEXT NOT NULL,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX journal_row ON journal (tbl, row_id);
${appendOnly('journal')}`);
  },
};

/**
 * Each entry records whether its time came from a fixed clock (WENMI_NOW): 1 fixed, 0 the
 * system's. Entries written before this migration keep NULL, and their hashes are unchanged.
 */
export const journalClockMigration: Migration = {
  id: 'core:004-journal-clock',
  up(db) {
    db.exec('ALTER TABLE journal ADD COLUMN clock_fixed INTEGER CHECK (clock_fixed IN (0, 1))');
  },
};

export interface JournalRow {
  seq: number;
  at: string;
  operator: string;
  register: string;
  action: string;
  tbl: string;
  row_id: number;
  content: string;
  reason: string | null;
  prev_hash: string;
  /** 1 if the time was fixed by WENMI_NOW, 0 if read from the system, null for entries older than the column. */
  clock_fixed: number | null;
  hash: string;
}

/** The hash of a journal row: SHA-256 over its fields and the previous hash, in a fixed order. */
export function hashOf(r: Omit<JournalRow, 'hash'>): string {
  const fields: unknown[] = [r.seq, r.at, r.operator, r.register, r.action, r.tbl, r.row_id, r.content, r.reason, r.prev_hash];
  if (r.clock_fixed !== null && r.clock_fixed !== undefined) fields.push(r.clock_fixed);
  // the one-shot digest: verify hashes every entry, and a Hash object per entry costs more than the hashing
  return digest('sha256', JSON.stringify(fields), 'hex');
}

/**
 * An SQL expression over a journal row giving the very text `hashOf` hashes (the same fields in
 * the same order, JSON as JSON.stringify writes it), so `verify` hashes it without building an
 * object per entry. `clock` is the clock_fixed column, or NULL for a file older than it. SQLite's
 * JSON cannot hold a BLOB: unguarded, a BLOB in a field fails the statement; `guarded`, the text is
 * NULL for that entry instead (each field's type tested: slower). SQLite writes a few values
 * differently from JavaScript (a REAL as `1.0`, integers beyond 2^53 exactly): such a text hashes
 * differently, so a hash that does not match must be recomputed with `hashOf` before it is
 * reported.
 */
export function hashedTextSql(clock: 'clock_fixed' | 'NULL', guarded: boolean): string {
  const fields = 'seq, at, operator, register, action, tbl, row_id, content, reason, prev_hash';
  const text = `CASE WHEN ${clock} IS NULL THEN json_array(${fields}) ELSE json_array(${fields}, ${clock}) END`;
  if (!guarded) return text;
  const types = `${fields.replace(/(\w+)/g, 'typeof($1)')}, typeof(${clock})`;
  return `CASE WHEN 'blob' IN (${types}) THEN NULL ELSE ${text} END`;
}

/** Whether an error is SQLite refusing a BLOB in JSON (see hashedTextSql). */
export function isJsonBlobError(e: unknown): boolean {
  return e instanceof Error && /JSON cannot hold BLOB values/.test(e.message);
}

/** The SHA-256 of a text as hex: what `hashOf` does once the fields are serialised. */
export function hashText(text: string | Buffer): string {
  return digest('sha256', text, 'hex');
}

export interface PostInput {
  register: string;
  /** What happened, in the register's words: `receive`, `correct`, `void`, `issue`, … */
  action: string;
  table: string;
  values: Record<string, unknown>;
  reason?: string | null;
}

export interface Posted {
  id: number;
  seq: number;
  row: Record<string, unknown>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function sqlValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** Inserts one register row and journals it. Must run inside a write transaction (see writeTx). */
export function post(ctx: Ctx, input: PostInput): Posted {
  const { db } = ctx;
  if (!db.inTransaction) throw new Error(`post(${input.table}) outside a write transaction`);
  const cols = Object.keys(input.values).filter((k) => input.values[k] !== undefined);
  for (const name of [input.table, ...cols]) if (!IDENT.test(name)) throw new Error(`bad identifier ${name}`);
  const sql = cols.length
    ? `INSERT INTO ${input.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
    : `INSERT INTO ${input.table} DEFAULT VALUES`;
  const id = Number(stmt(db, sql).run(...cols.map((c) => sqlValue(input.values[c]))).lastInsertRowid);
  const row = stmt(db, `SELECT * FROM ${input.table} WHERE rowid = ?`).get(id) as Record<string, unknown>;
  const last = stmt(db, 'SELECT seq, at, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string; hash: string } | undefined;
  const now = ctx.clock.now();
  // the journal's own time never goes back; a past business date is a field of the entry (--on, --received)
  if (last && now.getTime() < Date.parse(last.at)) throw dataError('clock.backwards', { now: formatTimestamp(now), head: last.at });
  const entry: Omit<JournalRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: formatTimestamp(now),
    operator: ctx.operator,
    register: input.register,
    action: input.action,
    tbl: input.table,
    row_id: id,
    content: JSON.stringify(row),
    reason: input.reason ?? null,
    prev_hash: last?.hash ?? GENESIS,
    clock_fixed: ctx.clock.fixed ? 1 : 0,
  };
  const hash = hashOf(entry);
  stmt(
    db,
    'INSERT INTO journal (seq, at, operator, register, action, tbl, row_id, content, reason, prev_hash, clock_fixed, hash) VALUES (@seq, @at, @operator, @register, @action, @tbl, @row_id, @content, @reason, @prev_hash, @clock_fixed, @hash)',
  ).run({ ...entry, hash });
  return { id, seq: entry.seq, row };
}

/** The journal rows of one register row, oldest first: its history. */
export function historyOf(db: DB, table: string, rowId: number): JournalRow[] {
  return stmt(db, 'SELECT * FROM journal WHERE tbl = ? AND row_id = ? ORDER BY seq').all(table, rowId) as JournalRow[];
}

export function journalHead(db: DB): { seq: number; hash: string } {
  const last = stmt(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return last ?? { seq: 0, hash: GENESIS };
}
