/**
 * `verify`: recompute the hash chain, replay it against the register tables, compare the
 * schema with what the code's migrations make, run SQLite's own checks, and optionally prove
 * that the history up to an earlier head is unchanged, or trust it (`from`) and check only what
 * came after. Bad data is reported, never thrown.
 */
import type { DB, Migration } from './db.js';
import { openMemoryDatabase } from './db.js';
import { GENESIS, hashedTextSql, hashOf, hashText, isJsonBlobError, type JournalRow } from './journal.js';
import { rowMatchSql } from './verify-match.js';

export interface Head {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  /** A head recorded earlier up to which the history is trusted: only the entries after it, and their rows, are checked. */
  from?: Head;
  /** SQLite's full `integrity_check` (it reads every index entry) rather than `quick_check`. */
  full?: boolean;
}

export interface Problem {
  /** The journal sequence the problem belongs to, or null (a register row, the schema, the file). */
  seq: number | null;
  code: string;
  params: Record<string, unknown>;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  firstBadSeq: number | null;
  problems: Problem[];
  /** Sequences of the entries written under a fixed clock (WENMI_NOW): not a failure, listed for review. */
  fixedClock: number[];
  /** Migrations of the code the file has not applied yet (a read never applies them). */
  pending: string[];
  /** The entries up to this sequence were trusted (`from`), not re-checked; 0 when none was. */
  trusted: number;
  /**
   * Entries SQLite could not settle, checked again here the exact way: their hash (SQLite's text
   * of it differed), their row (SQLite's JSON of it differed). None on data the tool wrote.
   */
  rechecked: { hashes: number; rows: number };
}

export function parseHead(text: string): Head | null {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/** At most this many unjournaled rows are named per table; the rest are counted. */
const NAMED_ORPHANS = 5;

/**
 * Checks everything. `tables` are the journaled tables; `against` a head recorded earlier that the
 * history up to it must still end in (the chain is recomputed from the start); with `migrations`,
 * the schema is compared with what those of them the file records having applied produce on a
 * fresh database.
 */
export function verifyDatabase(db: DB, tables: string[], against?: Head, migrations?: Migration[], options: VerifyOptions = {}): VerifyReport {
  const { from, full } = options;
  const problems: Problem[] = [];
  const add = (seq: number | null, code: string, params: Record<string, unknown> = {}) => problems.push({ seq, code, params });
  /** Runs one phase; a failure to read (a damaged file) is a problem of the report, and the next phase still runs. */
  const phase = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      add(null, 'verify.unreadable', { detail: (e as Error).message });
    }
  };
  const fixedClock: number[] = [];
  let pending: string[] = [];
  let entries = 0;
  let head = { seq: 0, hash: GENESIS };
  let trusted = 0;
  const rechecked = { hashes: 0, rows: 0 };
  /** Per table, the highest row journaled up to the trusted head: rows up to it are not looked for again. */
  const trustedRows = new Map<string, number>();

  phase(() => {
    if (migrations) pending = compareSchema(db, migrations, add);
  });
  phase(() => {
    const known = new Set(tables);
    // one prepared statement per table (prepared when first needed: a table the schema lost fails only its rows)
    const readRow: Record<string, ReturnType<DB['prepare']>> = Object.create(null);
    const defaults = new Map<string, Map<string, unknown>>();
    const defaultsOf = (t: string) => {
      if (!defaults.has(t)) defaults.set(t, columnDefaults(db, t));
      return defaults.get(t)!;
    };
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let againstSeen = false;
    if (from && from.seq > 0) {
      const at = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(from.seq) as string | undefined;
      if (at === undefined) add(null, 'verify.fromMissing', { head: `${from.seq}:${from.hash}` });
      else {
        if (at !== from.hash) add(from.seq, 'verify.fromMismatch', { head: `${from.seq}:${from.hash}` });
        trusted = from.seq;
        prevHash = at;
        expectedSeq = from.seq + 1;
        head = { seq: from.seq, hash: at };
        const last = db.prepare('SELECT max(row_id) FROM journal WHERE tbl = ? AND seq <= ?').pluck();
        for (const t of tables) trustedRows.set(t, (last.get(t, from.seq) as number | null) ?? 0);
      }
    }
    const whole = db.prepare('SELECT * FROM journal WHERE seq = ?');
    // a file older than core:004-journal-clock has no clock_fixed column (its entries hashed without one)
    const clock = db.prepare("SELECT 1 FROM pragma_table_info('journal') WHERE name = 'clock_fixed'").get() ? 'clock_fixed' : 'NULL';
    const start = { problems: problems.length, prevHash, expectedSeq, head };
    /** One pass over the entries after the trusted head; `guarded` when a BLOB stopped the plain one. */
    const walk = (guarded: boolean) => {
      // rows as arrays; SQLite builds the hashed text (as bytes) and compares each entry with its row (verify-match.ts):
      // no object per entry, nothing serialised again here, and only what SQLite could not match is checked exactly
      const rows = db
        .prepare(`SELECT seq, prev_hash, hash, ${clock}, CAST(${hashedTextSql(clock, guarded)} AS BLOB), ${rowMatchSql(db, tables, guarded)} FROM journal AS j WHERE seq > ? ORDER BY seq`)
        .raw()
        .iterate(trusted) as IterableIterator<[number, string, string, number | null, Buffer | null, number | null]>;
      for (const [seq, prev_hash, hash, clock_fixed, hashed, matched] of rows) {
        entries++;
        if (seq !== expectedSeq) {
          // deleted entries: name them; the chain break that follows is their consequence, not another problem
          if (seq === expectedSeq + 1) add(expectedSeq, 'verify.missingOne', { seq: expectedSeq });
          else add(expectedSeq, 'verify.missing', { from: expectedSeq, to: seq - 1, count: seq - expectedSeq });
        } else if (prev_hash !== prevHash) add(seq, 'verify.chain');
        // SQLite's text may differ from JavaScript's for odd values: a mismatch is recomputed exactly before it is reported
        if (hashed === null || hashText(hashed) !== hash) {
          rechecked.hashes++;
          if (hashOf(whole.get(seq) as JournalRow) !== hash) add(seq, 'verify.hash');
        }
        if (clock_fixed === 1) fixedClock.push(seq);
        // a match is of a known table's row; anything else is looked at whole
        if (matched !== 1) {
          const { tbl, row_id, content } = whole.get(seq) as JournalRow;
          if (!known.has(tbl)) add(seq, 'verify.unknownTable', { table: tbl });
          else {
            rechecked.rows++;
            const row = (readRow[tbl] ??= db.prepare(`SELECT * FROM ${tbl} WHERE rowid = ?`)).get(row_id);
            if (row === undefined) add(seq, 'verify.rowMissing', { table: tbl, row: row_id });
            else if (!sameAsRecorded(row as Record<string, unknown>, content, () => defaultsOf(tbl))) add(seq, 'verify.rowChanged', { table: tbl, row: row_id });
          }
        }
        if (against && seq === against.seq) {
          againstSeen = true;
          if (hash !== against.hash) add(seq, 'verify.againstMismatch', { head: `${against.seq}:${against.hash}` });
        }
        prevHash = hash;
        expectedSeq = seq + 1;
      }
      if (entries > 0) head = { seq: expectedSeq - 1, hash: prevHash };
    };
    try {
      walk(false);
    } catch (e) {
      if (!isJsonBlobError(e)) throw e;
      // a BLOB where the tool writes text or numbers: the same pass again, with each value's type tested
      problems.length = start.problems;
      fixedClock.length = 0;
      entries = rechecked.hashes = rechecked.rows = 0;
      ({ prevHash, expectedSeq, head } = start);
      againstSeen = false;
      walk(true);
    }
    if (against && !againstSeen && against.seq !== 0) add(null, 'verify.againstMissing', { head: `${against.seq}:${against.hash}` });
  });
  for (const t of tables) {
    phase(() => {
      // each row's entry is found through the journal's (tbl, row_id) index; rows up to the trusted head are not looked for
      const orphans = db
        .prepare(`SELECT rowid FROM ${t} AS r WHERE rowid > ? AND NOT EXISTS (SELECT 1 FROM journal AS j WHERE j.tbl = ? AND j.row_id = r.rowid) ORDER BY rowid`)
        .pluck()
        .all(trustedRows.get(t) ?? 0, t) as number[];
      for (const id of orphans.slice(0, NAMED_ORPHANS)) add(null, 'verify.unjournaled', { table: t, row: id });
      if (orphans.length > NAMED_ORPHANS) add(null, 'verify.unjournaledMore', { table: t, count: orphans.length - NAMED_ORPHANS });
    });
  }
  phase(() => {
    const integrity = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
    if (integrity !== 'ok') add(null, 'verify.integrity', { detail: String(integrity) });
  });
  phase(() => {
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) add(null, 'verify.foreignKeys', { count: fk.length });
  });

  const seqs = problems.map((p) => p.seq).filter((s): s is number => s !== null);
  return { ok: problems.length === 0, entries, head, firstBadSeq: seqs.length ? Math.min(...seqs) : null, problems, fixedClock, pending, trusted, rechecked };
}

/**
 * Whether a register row still holds what its journal entry recorded. Only the columns the entry
 * recorded are compared, so a column added by a later migration does not make older rows look
 * altered; a column the entry did not record must still hold that column's default (NULL if it
 * has none), the value every older row received when the column was added.
 */
function sameAsRecorded(row: Record<string, unknown>, content: string, defaults: () => Map<string, unknown>): boolean {
  const whole = JSON.stringify(row);
  if (whole === content) return true;
  let recorded: Record<string, unknown>;
  try {
    recorded = JSON.parse(content) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (recorded === null || typeof recorded !== 'object' || Array.isArray(recorded)) return false;
  for (const [column, value] of Object.entries(recorded)) {
    if (!(column in row) || JSON.stringify(row[column]) !== JSON.stringify(value)) return false;
  }
  for (const column of Object.keys(row)) {
    if (!(column in recorded) && JSON.stringify(row[column]) !== JSON.stringify(defaults().get(column) ?? null)) return false;
  }
  return true;
}

/** Each column's default value (evaluated from its declared SQL), or null for a column without one. */
function columnDefaults(db: DB, table: string): Map<string, unknown> {
  const columns = db.prepare(`SELECT name, dflt_value FROM pragma_table_info(?)`).all(table) as { name: string; dflt_value: string | null }[];
  return new Map(columns.map((c) => [c.name, c.dflt_value === null ? null : db.prepare(`SELECT ${c.dflt_value}`).pluck().get()]));
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/** The file's own objects (tables, views, triggers, indexes), SQL with whitespace collapsed. */
function schemaOf(db: DB): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { type: r.type, name: r.name, sql: (r.sql ?? '').replace(/\s+/g, ' ').trim() }]));
}

/**
 * Compares the file's schema with what the migrations it records produce on a fresh database;
 * reports each object missing, added or changed. Returns the code's migrations not yet applied.
 */
function compareSchema(db: DB, migrations: Migration[], add: (seq: number | null, code: string, params?: Record<string, unknown>) => void): string[] {
  const hasLog = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const applied = new Set(hasLog ? (db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]) : []);
  const known = new Set(migrations.map((m) => m.id));
  for (const id of applied) if (!known.has(id)) add(null, 'verify.unknownMigration', { migration: id });
  const reference = openMemoryDatabase(migrations.filter((m) => applied.has(m.id)));
  try {
    const want = schemaOf(reference);
    const have = schemaOf(db);
    for (const [key, w] of want) {
      const h = have.get(key);
      if (!h) add(null, 'verify.schemaMissing', { type: w.type, name: w.name });
      else if (h.sql !== w.sql) add(null, 'verify.schemaChanged', { type: w.type, name: w.name });
    }
    for (const [key, h] of have) if (!want.has(key)) add(null, 'verify.schemaExtra', { type: h.type, name: h.name });
  } finally {
    reference.close();
  }
  return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
}

/** Sequences as short ranges: `3, 5–9, 12`. */
export function seqRanges(seqs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1) j++;
    parts.push(i === j ? `${seqs[i]}` : `${seqs[i]}–${seqs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
