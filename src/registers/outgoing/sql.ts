/** Every query of the outgoing register. */
import type { DB } from '../../core/db.js';
import { cached } from '../../core/db.js';

export interface OutgoingRow {
  id: number;
  draft_no: string;
  year: number;
  serial: number;
  drafted_on: string;
  title: string;
  drafter: string;
  dept: string;
  doc_type: string | null;
  secret_level: string | null;
  secret_period: string | null;
  urgency: string | null;
  /** JSON arrays of names. */
  main_to: string | null;
  cc: string | null;
  pages: number | null;
  attachments: string | null;
  reply_to: string | null;
  note: string | null;
  state: string;
  state_on: string | null;
  reviewer: string | null;
  signer: string | null;
  signed_on: string | null;
  copies: number | null;
  /** The 发文字号 in force (not voided), or null. */
  doc_no: string | null;
}

export interface NumberRow {
  id: number;
  doc_id: number;
  prefix: string;
  year: number;
  serial: number;
  number: string;
  numbered_on: string;
  voided_on: string | null;
  void_reason: string | null;
}

export interface DispatchRow {
  id: number;
  doc_id: number;
  recipient: string;
  via: string;
  on_date: string;
  note: string | null;
  copy_nos: string | null;
  receipt_on: string | null;
}

export function nextDraftSerial(db: DB, year: number): number {
  return ((db.prepare('SELECT max(serial) FROM outgoing_docs WHERE year = ?').pluck().get(year) as number | null) ?? 0) + 1;
}

/** The next serial of a 代字 and year: voided numbers count, so a number is never given twice. */
export function nextNumberSerial(db: DB, prefix: string, year: number): number {
  return ((db.prepare('SELECT max(serial) FROM outgoing_numbers WHERE prefix = ? AND year = ?').pluck().get(prefix, year) as number | null) ?? 0) + 1;
}

export function docByDraftNo(db: DB, draftNo: string): OutgoingRow | undefined {
  return cached(db, 'SELECT * FROM outgoing_current WHERE draft_no = ?').get(draftNo) as OutgoingRow | undefined;
}

export function docById(db: DB, id: number): OutgoingRow {
  return cached(db, 'SELECT * FROM outgoing_current WHERE id = ?').get(id) as OutgoingRow;
}

const NUMBER = `SELECT n.*, v.on_date AS voided_on, v.reason AS void_reason FROM outgoing_numbers n LEFT JOIN outgoing_number_voids v ON v.number_id = n.id`;

export function numberByText(db: DB, number: string): NumberRow | undefined {
  return db.prepare(`${NUMBER} WHERE n.number = ?`).get(number) as NumberRow | undefined;
}

/** Every number given to one document, voided ones too, oldest first. */
export function numbersOf(db: DB, docId: number): NumberRow[] {
  return db.prepare(`${NUMBER} WHERE n.doc_id = ? ORDER BY n.id`).all(docId) as NumberRow[];
}

export interface OutgoingFilter {
  from?: string;
  to?: string;
  state?: string;
  classified?: boolean;
  search?: string;
}

function where(f: OutgoingFilter, dateColumn: string): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) parts.push(`${dateColumn} >= @from`), (params.from = f.from);
  if (f.to) parts.push(`${dateColumn} <= @to`), (params.to = f.to);
  if (f.state) parts.push('d.state = @state'), (params.state = f.state);
  if (f.classified !== undefined) parts.push(f.classified ? 'd.secret_level IS NOT NULL' : 'd.secret_level IS NULL');
  if (f.search) parts.push("d.secret_level IS NULL AND d.title LIKE '%' || @search || '%'"), (params.search = f.search);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Drafts and documents by their draft id, for the list. */
export function listDocs(db: DB, f: OutgoingFilter): OutgoingRow[] {
  const w = where(f, 'd.drafted_on');
  return db.prepare(`SELECT d.* FROM outgoing_current d ${w.sql} ORDER BY d.year, d.serial`).all(w.params) as OutgoingRow[];
}

/** The 发文登记簿: one line per number given (voided ones in place), by 代字, year and serial. */
export function bookLines(db: DB, f: OutgoingFilter): (NumberRow & { doc: OutgoingRow })[] {
  const w = where(f, 'n.numbered_on');
  const rows = db.prepare(`SELECT n.id AS number_id FROM outgoing_numbers n JOIN outgoing_current d ON d.id = n.doc_id ${w.sql} ORDER BY n.prefix, n.year, n.serial`).all(w.params) as { number_id: number }[];
  return rows.map(({ number_id }) => {
    const n = db.prepare(`${NUMBER} WHERE n.id = ?`).get(number_id) as NumberRow;
    return { ...n, doc: docById(db, n.doc_id) };
  });
}

const DISPATCH = `SELECT p.*, (SELECT group_concat(c.copy_no, ',') FROM (SELECT x.copy_no FROM outgoing_dispatch_copies x WHERE x.dispatch_id = p.id ORDER BY x.copy_no) c) AS copy_nos,
       r.on_date AS receipt_on
FROM outgoing_dispatches p LEFT JOIN outgoing_receipts r ON r.dispatch_id = p.id`;

export function dispatchesOf(db: DB, docId: number): DispatchRow[] {
  return db.prepare(`${DISPATCH} WHERE p.doc_id = ? ORDER BY p.id`).all(docId) as DispatchRow[];
}

/** Dispatch lines still waiting for their 回执. */
export function dispatchesWithoutReceipt(db: DB): (DispatchRow & { draft_no: string; doc_no: string | null; title: string; secret_level: string | null })[] {
  return db
    .prepare(`SELECT q.*, d.draft_no, d.doc_no, d.title, d.secret_level FROM (${DISPATCH}) q JOIN outgoing_current d ON d.id = q.doc_id WHERE q.receipt_on IS NULL ORDER BY q.on_date, q.id`)
    .all() as (DispatchRow & { draft_no: string; doc_no: string | null; title: string; secret_level: string | null })[];
}

export function dispatchedCopies(db: DB, docId: number): string[] {
  return db.prepare('SELECT copy_no FROM outgoing_dispatch_copies WHERE doc_id = ? ORDER BY copy_no').pluck().all(docId) as string[];
}

/** Drafts waiting for review (拟稿, 退回修改) or sign-off (已审核). */
export function docsAwaiting(db: DB): OutgoingRow[] {
  return db.prepare("SELECT * FROM outgoing_current WHERE state IN ('拟稿', '退回修改', '已审核') ORDER BY year, serial").all() as OutgoingRow[];
}

/**
 * Every journal entry about one document, oldest first. A number given or voided and the first
 * dispatch are journaled twice (their own row, and the step event that moves the state): the
 * history shows one line for each — the event of a number, the row of a dispatch.
 */
export function journalOf(db: DB, docId: number) {
  return db
    .prepare(
      `SELECT j.seq, j.at, j.operator, j.action, j.reason FROM journal j
       WHERE (j.tbl = 'outgoing_docs' AND j.row_id = @id)
          OR (j.tbl = 'outgoing_events' AND j.row_id IN (SELECT id FROM outgoing_events WHERE doc_id = @id AND kind <> '分发'))
          OR (j.tbl = 'outgoing_dispatches' AND j.row_id IN (SELECT id FROM outgoing_dispatches WHERE doc_id = @id))
          OR (j.tbl = 'outgoing_receipts' AND j.row_id IN (SELECT r.id FROM outgoing_receipts r JOIN outgoing_dispatches p ON p.id = r.dispatch_id WHERE p.doc_id = @id))
       ORDER BY j.seq`,
    )
    .all({ id: docId }) as { seq: number; at: string; operator: string; action: string; reason: string | null }[];
}

export interface ReportCount {
  by: 'prefix' | 'type' | 'state';
  key: string | null;
  count: number;
}

/**
 * `report`: the numbers given in a period by 代字 (voided ones apart), and the documents numbered
 * in it by 文种 and by state.
 */
export function reportCounts(db: DB, from: string | undefined, to: string | undefined): ReportCount[] {
  const params = { from: from ?? '0000-01-01', to: to ?? '9999-12-31' };
  const inPeriod = 'n.numbered_on >= @from AND n.numbered_on <= @to';
  const live = 'NOT EXISTS (SELECT 1 FROM outgoing_number_voids v WHERE v.number_id = n.id)';
  const rows = (by: ReportCount['by'], sql: string) => (db.prepare(sql).all(params) as { key: string | null; count: number }[]).map((r) => ({ by, ...r }));
  return [
    ...rows('prefix', `SELECT n.prefix AS key, count(*) AS count FROM outgoing_numbers n WHERE ${inPeriod} AND ${live} GROUP BY n.prefix ORDER BY n.prefix`),
    ...rows('type', `SELECT d.doc_type AS key, count(*) AS count FROM outgoing_numbers n JOIN outgoing_docs d ON d.id = n.doc_id WHERE ${inPeriod} AND ${live} GROUP BY d.doc_type ORDER BY d.doc_type`),
    ...rows('state', `SELECT d.state AS key, count(*) AS count FROM outgoing_numbers n JOIN outgoing_current d ON d.id = n.doc_id WHERE ${inPeriod} AND ${live} GROUP BY d.state ORDER BY d.state`),
  ];
}

/** The numbers voided in a period, with their reasons. */
export function voidedNumbers(db: DB, from: string | undefined, to: string | undefined): NumberRow[] {
  return db
    .prepare(`${NUMBER} WHERE v.id IS NOT NULL AND v.on_date >= @from AND v.on_date <= @to ORDER BY n.prefix, n.year, n.serial`)
    .all({ from: from ?? '0000-01-01', to: to ?? '9999-12-31' }) as NumberRow[];
}
