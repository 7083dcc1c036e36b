/** Every query of the seal register. */
import { cached, whereOf, type DB } from '../../core/db.js';

export interface SealRow {
  id: number;
  code: string;
  serial: number;
  name: string;
  type: string;
  since: string;
  note: string | null;
  state: string;
  last_kind: string;
  last_on: string;
  custodian: string | null;
  location: string | null;
  /** The borrower while 外借; who held it when it was lost while 遗失. */
  holder: string | null;
  due: string | null;
  lent_on: string | null;
  lost_on: string | null;
  lost_reason: string | null;
}

export interface SealEventRow {
  id: number;
  seal_id: number;
  kind: string;
  state: string;
  on_date: string;
  custodian: string | null;
  location: string | null;
  counterpart: string | null;
  witnesses: string | null;
  approver: string | null;
  due: string | null;
  reason: string | null;
  note: string | null;
}

export interface RequestRow {
  id: number;
  number: string;
  year: number;
  serial: number;
  seal_id: number;
  requested_on: string;
  doc: string;
  unit: string;
  purpose: string;
  count: number;
  requester: string | null;
  note: string | null;
  /** 1: an important document, approved only by a leader (seal:003). */
  important: number;
  seal_code: string;
  seal_name: string;
  approver: string | null;
  approved: number | null;
  approved_on: string | null;
  decision_reason: string | null;
  /** Copies on lines still standing; a voided line no longer counts. */
  stamped: number;
  /** Copies on voided lines. */
  voided: number;
  state: string;
}

export interface StampLine {
  id: number;
  /** The line's number, year and serial: 2026-0012 (lines before seal:006: year of date, row id). */
  no: string;
  year: number;
  serial: number;
  request_id: number;
  number: string;
  stamped_on: string;
  seal_code: string;
  seal_name: string;
  doc: string;
  unit: string;
  purpose: string;
  count: number;
  approver: string;
  handler: string;
  custodian: string | null;
  note: string | null;
  /** Set when the line was voided (作废): when, why, on whose approval. */
  voided_on: string | null;
  void_reason: string | null;
  void_approver: string | null;
}

export function nextSealSerial(db: DB): number {
  return ((db.prepare('SELECT max(serial) FROM seals').pluck().get() as number | null) ?? 0) + 1;
}

export function nextRequestSerial(db: DB, year: number): number {
  return ((db.prepare('SELECT max(serial) FROM seal_requests WHERE year = ?').pluck().get(year) as number | null) ?? 0) + 1;
}

export function sealByCode(db: DB, code: string): SealRow | undefined {
  return db.prepare('SELECT * FROM seal_current WHERE code = ?').get(code) as SealRow | undefined;
}

export function sealsByName(db: DB, name: string): SealRow[] {
  return db.prepare('SELECT * FROM seal_current WHERE name = ? ORDER BY serial').all(name) as SealRow[];
}

export function sealsNameContains(db: DB, text: string): SealRow[] {
  return db.prepare('SELECT * FROM seal_current WHERE instr(name, ?) > 0 ORDER BY serial').all(text) as SealRow[];
}

export function listSeals(db: DB, f: { state?: string; out?: boolean } = {}): SealRow[] {
  const { sql, params } = whereOf([f.state && ['state = @state', { state: f.state }], f.out && ["state = '外借'"]]);
  return db.prepare(`SELECT * FROM seal_current ${sql} ORDER BY serial`).all(params) as SealRow[];
}

/** The date of the seal's latest line in the usage register, if any. */
export function lastStampOn(db: DB, sealId: number): string | null {
  return db.prepare('SELECT max(stamped_on) FROM seal_stamps WHERE seal_id = ?').pluck().get(sealId) as string | null;
}

export function eventsOf(db: DB, sealId: number): SealEventRow[] {
  return db.prepare('SELECT * FROM seal_events WHERE seal_id = ? ORDER BY id').all(sealId) as SealEventRow[];
}

export function requestByNumber(db: DB, number: string): RequestRow | undefined {
  return db.prepare('SELECT * FROM seal_request_current WHERE number = ?').get(number) as RequestRow | undefined;
}

export interface RequestFilter {
  from?: string;
  to?: string;
  sealId?: number;
  pending?: boolean;
  state?: string;
}

export function listRequests(db: DB, f: RequestFilter): RequestRow[] {
  const { sql, params } = whereOf([
    f.from && ['requested_on >= @from', { from: f.from }],
    f.to && ['requested_on <= @to', { to: f.to }],
    f.sealId !== undefined && ['seal_id = @seal', { seal: f.sealId }],
    f.pending && ["state IN ('待批准', '已批准', '部分用印')"],
    f.state && ['state = @state', { state: f.state }],
  ]);
  // with a period, `+year` has SQLite find the period's rows by their date and sort them, rather than walk every request in number order
  const order = f.from || f.to ? '+year, serial' : 'year, serial';
  return db.prepare(`SELECT * FROM seal_request_current ${sql} ORDER BY ${order}`).all(params) as RequestRow[];
}

/** A line's year and serial; a line written before seal:006 has the year of its date and its row id. */
const LINE_YEAR = 'COALESCE(st.year, CAST(substr(st.stamped_on, 1, 4) AS INTEGER))';
const LINE_SERIAL = 'COALESCE(st.serial, st.id)';

/** A line's number as people write it: 2026-0012. */
export function lineNumber(year: number, serial: number): string {
  return `${year}-${String(serial).padStart(4, '0')}`;
}

const numbered = (l: Omit<StampLine, 'no'> | undefined): StampLine | undefined => l && { ...l, no: lineNumber(l.year, l.serial) };

/**
 * The next serial of a year's lines (inside the write transaction): after the year's newest, or after
 * the highest number the year's lines written before seal:006 carry (their row id).
 */
export function nextStampSerial(db: DB, year: number): number {
  // `serial IS NOT NULL` lets SQLite use the partial index (year, serial) rather than scan the table
  const last = db.prepare('SELECT max(serial) FROM seal_stamps WHERE year = ? AND serial IS NOT NULL').pluck().get(year) as number | null;
  if (last !== null) return last + 1;
  const old = db
    .prepare('SELECT max(id) FROM seal_stamps WHERE serial IS NULL AND stamped_on >= @from AND stamped_on <= @to')
    .pluck()
    .get({ from: `${year}-01-01`, to: `${year}-12-31` }) as number | null;
  return (old ?? 0) + 1;
}

const STAMP_LINE = `
SELECT st.id, ${LINE_YEAR} AS year, ${LINE_SERIAL} AS serial, st.request_id, r.number, st.stamped_on, sl.code AS seal_code, sl.name AS seal_name, r.doc, r.unit, r.purpose,
       st.count, a.approver, st.handler, st.custodian, st.note,
       v.on_date AS voided_on, v.reason AS void_reason, v.approver AS void_approver
FROM seal_stamps st
JOIN seal_requests r ON r.id = st.request_id
JOIN seals sl ON sl.id = st.seal_id
JOIN seal_request_events a ON a.request_id = r.id AND a.kind = '批准'
LEFT JOIN seal_stamp_voids v ON v.stamp_id = st.id`;

/** The usage register in its order: by stamping date, then entry. */
export function stampLines(db: DB, f: { from?: string; to?: string; sealId?: number; requestId?: number }): StampLine[] {
  const { sql, params } = whereOf([
    f.from && ['st.stamped_on >= @from', { from: f.from }],
    f.to && ['st.stamped_on <= @to', { to: f.to }],
    f.sealId !== undefined && ['st.seal_id = @seal', { seal: f.sealId }],
    f.requestId !== undefined && ['st.request_id = @request', { request: f.requestId }],
  ]);
  return (db.prepare(`${STAMP_LINE} ${sql} ORDER BY st.stamped_on, st.id`).all(params) as Omit<StampLine, 'no'>[]).map((l) => numbered(l)!);
}

/** One line of the usage register by its row id. */
export function stampLine(db: DB, id: number): StampLine | undefined {
  return numbered(db.prepare(`${STAMP_LINE} WHERE st.id = ?`).get(id) as Omit<StampLine, 'no'> | undefined);
}

/** One line of the usage register by its number (序号): year and serial. */
export function stampLineByNumber(db: DB, year: number, serial: number): StampLine | undefined {
  const found = db
    .prepare(
      `${STAMP_LINE} WHERE (st.year = @year AND st.serial = @serial)
         OR (st.serial IS NULL AND st.id = @serial AND st.stamped_on >= @from AND st.stamped_on <= @to)`,
    )
    .get({ year, serial, from: `${year}-01-01`, to: `${year}-12-31` }) as Omit<StampLine, 'no'> | undefined;
  return numbered(found);
}

/** The line numbers (2026-0012) of one request, standing and voided, in the order written (found by the request's index). */
export function linesOfRequest(db: DB, requestId: number): { lines: string[]; voidedLines: string[] } {
  const rows = cached(db, `SELECT ${LINE_YEAR} AS year, ${LINE_SERIAL} AS serial, v.id IS NOT NULL AS voided FROM seal_stamps st LEFT JOIN seal_stamp_voids v ON v.stamp_id = st.id WHERE st.request_id = ? ORDER BY st.id`)
    .all(requestId) as { year: number; serial: number; voided: number }[];
  const number = (r: { year: number; serial: number }) => lineNumber(r.year, r.serial);
  return { lines: rows.filter((r) => !r.voided).map(number), voidedLines: rows.filter((r) => r.voided).map(number) };
}

/** Seals out on loan or lost: the open custody items for the deadline engine. */
export function sealsOutOrLost(db: DB): SealRow[] {
  return db.prepare("SELECT * FROM seal_current WHERE state IN ('外借', '遗失') ORDER BY serial").all() as SealRow[];
}

/** Every journal entry about one seal (its identity, custody events, requests, decisions and stamps), oldest first. */
export function journalOf(db: DB, sealId: number) {
  return db
    .prepare(
      `SELECT j.seq, j.at, j.operator, j.action, j.tbl, j.row_id, j.content, j.reason FROM journal j
       WHERE (j.tbl = 'seals' AND j.row_id = @id)
          OR (j.tbl = 'seal_events' AND j.row_id IN (SELECT id FROM seal_events WHERE seal_id = @id))
          OR (j.tbl = 'seal_requests' AND j.row_id IN (SELECT id FROM seal_requests WHERE seal_id = @id))
          OR (j.tbl = 'seal_request_events' AND j.row_id IN (SELECT e.id FROM seal_request_events e JOIN seal_requests r ON r.id = e.request_id WHERE r.seal_id = @id))
          OR (j.tbl = 'seal_stamps' AND j.row_id IN (SELECT id FROM seal_stamps WHERE seal_id = @id))
          OR (j.tbl = 'seal_stamp_voids' AND j.row_id IN (SELECT v.id FROM seal_stamp_voids v JOIN seal_stamps st ON st.id = v.stamp_id WHERE st.seal_id = @id))
       ORDER BY j.seq`,
    )
    .all({ id: sealId }) as { seq: number; at: string; operator: string; action: string; tbl: string; row_id: number; content: string; reason: string | null }[];
}
