/**
 * `verify`: recompute the hash chain, replay it against the register tables, run SQLite's
 * own checks, and optionally prove that the history up to an earlier head is unchanged.
 */
import type { DB } from './db.js';
import { GENESIS, hashOf, journalHead, type JournalRow } from './journal.js';

export interface Problem {
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
}

export function parseHead(text: string): { seq: number; hash: string } | null {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/** Checks everything; never throws on bad data, reports it. `tables` are the journaled tables. */
export function verifyDatabase(db: DB, tables: string[], against?: { seq: number; hash: string }): VerifyReport {
  const problems: Problem[] = [];
  const add = (seq: number | null, code: string, params: Record<string, unknown> = {}) => problems.push({ seq, code, params });
  const known = new Set(tables);
  const readRow = new Map(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} WHERE rowid = ?`)]));

  let prevHash = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  let againstSeen = false;
  for (const r of db.prepare('SELECT * FROM journal ORDER BY seq').iterate() as IterableIterator<JournalRow>) {
    entries++;
    if (r.seq !== expectedSeq) add(r.seq, 'verify.gap', { expected: expectedSeq });
    if (r.prev_hash !== prevHash) add(r.seq, 'verify.chain');
    if (hashOf(r) !== r.hash) add(r.seq, 'verify.hash');
    if (!known.has(r.tbl)) add(r.seq, 'verify.unknownTable', { table: r.tbl });
    else {
      const row = readRow.get(r.tbl)!.get(r.row_id);
      if (row === undefined) add(r.seq, 'verify.rowMissing', { table: r.tbl, row: r.row_id });
      else if (JSON.stringify(row) !== r.content) add(r.seq, 'verify.rowChanged', { table: r.tbl, row: r.row_id });
    }
    if (against && r.seq === against.seq) {
      againstSeen = true;
      if (r.hash !== against.hash) add(r.seq, 'verify.againstMismatch', { head: `${against.seq}:${against.hash}` });
    }
    prevHash = r.hash;
    expectedSeq = r.seq + 1;
  }
  if (against && !againstSeen && against.seq !== 0) add(null, 'verify.againstMissing', { head: `${against.seq}:${against.hash}` });

  for (const t of tables) {
    const orphans = db
      .prepare(`SELECT rowid FROM ${t} WHERE rowid NOT IN (SELECT row_id FROM journal WHERE tbl = ?) LIMIT 5`)
      .pluck()
      .all(t) as number[];
    for (const id of orphans) add(null, 'verify.unjournaled', { table: t, row: id });
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') add(null, 'verify.integrity', { detail: String(integrity) });
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) add(null, 'verify.foreignKeys', { count: fk.length });

  const seqs = problems.map((p) => p.seq).filter((s): s is number => s !== null);
  return {
    ok: problems.length === 0,
    entries,
    head: journalHead(db),
    firstBadSeq: seqs.length ? Math.min(...seqs) : null,
    problems,
  };
}
