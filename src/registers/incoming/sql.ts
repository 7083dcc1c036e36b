/** Every query of the incoming register. */
import { docNoSearchText } from '../../core/docno.js';
import { cached, whereOf, type DB } from '../../core/db.js';

export interface IncomingRow {
  id: number;
  number: string;
  year: number;
  classified: number;
  serial: number;
  revision: number;
  received_at: string;
  received_on: string;
  sender: string;
  sender_no: string | null;
  title: string;
  doc_type: string | null;
  secret_level: string | null;
  secret_period: string | null;
  copy_no: string | null;
  urgency: string | null;
  copies: number;
  pages: number | null;
  attachments: string | null;
  deadline: string | null;
  /** 载体: 纸质 | 电子 (incoming:003). */
  medium: string;
  /** Where a classified document is kept (存放柜), or null. */
  cabinet: string | null;
  note: string | null;
  state: string;
}

export interface IncomingFilter {
  from?: string;
  to?: string;
  /** Part of the sender's name. */
  sender?: string;
  state?: string;
  classified?: boolean;
  /** Text in titles or the sender's 文号 (`[2026]` finds `〔2026〕`); classified titles are searched only when revealed. */
  search?: string;
  searchClassified?: boolean;
  limit?: number;
}

export function nextSerial(db: DB, year: number, classified: boolean): number {
  const max = db.prepare('SELECT max(serial) FROM incoming_docs WHERE year = ? AND classified = ?').pluck().get(year, classified ? 1 : 0) as number | null;
  return (max ?? 0) + 1;
}

export function findByNumber(db: DB, number: string): IncomingRow | undefined {
  return cached(db, 'SELECT * FROM incoming_current WHERE number = ?').get(number) as IncomingRow | undefined;
}

/** The first registration (not void) of a sender's 文号, if any: a second one is a duplicate receipt. */
export function firstWithSenderNo(db: DB, sender: string, senderNo: string): IncomingRow | undefined {
  return cached(db, "SELECT * FROM incoming_current WHERE sender = ? AND sender_no = ? AND state <> '作废' ORDER BY id LIMIT 1").get(sender, senderNo) as IncomingRow | undefined;
}

/** The WHERE clause and parameters of a filter. */
function where(f: IncomingFilter): { sql: string; params: Record<string, unknown> } {
  return whereOf([
    f.from && ['received_on >= @from', { from: f.from }],
    f.to && ['received_on <= @to', { to: f.to }],
    f.sender && ['instr(sender, @sender) > 0', { sender: f.sender }],
    f.state && ['state = @state', { state: f.state }],
    // with a period, `+` keeps SQLite from walking a whole series by its index instead of the period's dates
    f.classified !== undefined && [`${f.from || f.to ? '+' : ''}classified = @classified`, { classified: f.classified ? 1 : 0 }],
    f.search && [
      `(${f.searchClassified ? 'instr(title, @search) > 0' : '(classified = 0 AND instr(title, @search) > 0)'} OR instr(COALESCE(sender_no, ''), @search) > 0 OR instr(COALESCE(sender_no, ''), @searchDocNo) > 0)`,
      { search: f.search, searchDocNo: docNoSearchText(f.search) },
    ],
  ]);
}

/** The LIMIT clause of a filter; a limit past any register's size (`--limit 99999999999999999999`) is no limit. */
function limitOf(f: IncomingFilter): string {
  if (f.limit === undefined || f.limit > Number.MAX_SAFE_INTEGER) return '';
  return ` LIMIT ${Math.trunc(f.limit)}`;
}

/** The register in its order: ordinary before classified, then by year and serial (the number). Streams. */
export function iterateIncoming(db: DB, f: IncomingFilter): IterableIterator<IncomingRow> {
  const { sql, params } = where(f);
  return db.prepare(`SELECT * FROM incoming_current ${sql} ORDER BY classified, year, serial${limitOf(f)}`).iterate(params) as IterableIterator<IncomingRow>;
}

/** A line of the paper book and its export: just the columns they write, and what the handling note needs. */
export interface BookLine {
  id: number;
  number: string;
  received_on: string;
  sender: string;
  sender_no: string | null;
  title: string;
  secret_level: string | null;
  secret_period: string | null;
  copy_no: string | null;
  copies: number;
  pages: number | null;
  state: string;
  /** The data of the latest `answered` event (the outgoing document that answered it), or null. */
  answered: string | null;
  /** What the state's note names: a void's or return's reason, an assignment's data; else null. */
  state_detail: string | null;
}

/**
 * The statement of the book's lines in the register's order: one statement whose per-line look-ups
 * (the answer, the state's detail) SQLite makes by index, rather than a query per line. Its columns
 * are BookLine's keys in that order. Exported so the benchmark times `sqlite3` on this very statement.
 */
export function bookStatement(f: IncomingFilter): { sql: string; params: Record<string, unknown> } {
  const { sql, params } = where(f);
  const last = (column: string, kind: string) =>
    `(SELECT e.${column} FROM incoming_events e WHERE e.kind = '${kind}' AND e.doc_id = c.id ORDER BY e.id DESC LIMIT 1)`;
  return {
    sql: `SELECT c.id, c.number, c.received_on, c.sender, c.sender_no, c.title, c.secret_level, c.secret_period, c.copy_no, c.copies, c.pages, c.state,
              ${last('data', 'answered')} AS answered,
              CASE c.state WHEN '作废' THEN ${last('reason', 'void')} WHEN '退回' THEN ${last('reason', 'return')} WHEN '承办中' THEN ${last('data', 'assign')} END AS state_detail
       FROM incoming_current c ${sql} ORDER BY c.classified, c.year, c.serial${limitOf(f)}`,
    params,
  };
}

/**
 * The book's lines in the register's order, streamed as SQLite steps them (`.raw()`: an array of
 * values per line, no object): `at` gives each BookLine key's index in that array (bookStatement).
 */
export function bookLines(db: DB, f: IncomingFilter): { at: Record<keyof BookLine, number>; lines: IterableIterator<unknown[]> } {
  const { sql, params } = bookStatement(f);
  const statement = db.prepare(sql).raw(true);
  const at = Object.fromEntries(statement.columns().map((c, i) => [c.name, i])) as Record<keyof BookLine, number>;
  return { at, lines: statement.iterate(params) as IterableIterator<unknown[]> };
}

/** Numbers of the classified entries among those a filter selects (to record a reveal before showing them): exactly the ones iterateIncoming gives. */
export function classifiedNumbers(db: DB, f: IncomingFilter): string[] {
  const { sql, params } = where(f);
  return db.prepare(`SELECT number FROM (SELECT * FROM incoming_current ${sql} ORDER BY classified, year, serial${limitOf(f)}) WHERE classified = 1`).pluck().all(params) as string[];
}

export interface RevisionRow extends Omit<IncomingRow, 'number' | 'year' | 'classified' | 'serial' | 'revision' | 'state'> {
  doc_id: number;
  corrects: number | null;
}

export function revisionsOf(db: DB, docId: number): RevisionRow[] {
  return cached(db, 'SELECT * FROM incoming_revisions WHERE doc_id = ? ORDER BY id').all(docId) as RevisionRow[];
}

export interface EventRow {
  id: number;
  doc_id: number;
  kind: string;
  state: string | null;
  data: string | null;
  reason: string | null;
}

export function lastEvent(db: DB, docId: number, kind: string): EventRow | undefined {
  return cached(db, 'SELECT * FROM incoming_events WHERE doc_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(docId, kind) as EventRow | undefined;
}

/** A document's assignments and instructions (where a deadline in force is set), newest first; `+kind` keeps the (doc_id, id) index, so no sort. */
export function deadlineEvents(db: DB, docId: number): { id: number; data: string | null }[] {
  return cached(db, "SELECT id, data FROM incoming_events WHERE doc_id = ? AND +kind IN ('assign', 'instruct') ORDER BY id DESC").all(docId) as { id: number; data: string | null }[];
}

/** Every journal entry about one document, oldest first. */
export function journalOf(db: DB, docId: number) {
  return cached(
      db,
      `SELECT j.seq, j.at, j.operator, j.action, j.tbl, j.row_id, j.content, j.reason FROM journal j
       WHERE (j.tbl = 'incoming_docs' AND j.row_id = @id)
          OR (j.tbl = 'incoming_revisions' AND j.row_id IN (SELECT id FROM incoming_revisions WHERE doc_id = @id))
          OR (j.tbl = 'incoming_events' AND j.row_id IN (SELECT id FROM incoming_events WHERE doc_id = @id))
          OR (j.tbl = 'incoming_custody' AND j.row_id IN (SELECT id FROM incoming_custody WHERE doc_id = @id))
       ORDER BY j.seq`,
    )
    .all({ id: docId }) as { seq: number; at: string; operator: string; action: string; tbl: string; row_id: number; content: string; reason: string | null }[];
}

/** An event with the time and operator its journal entry gives it. */
export interface TimedEvent extends EventRow {
  at: string;
  operator: string;
  seq: number;
}

// CROSS JOIN keeps incoming_events as the outer loop (found by doc_id), then one journal lookup
// per event; a plain JOIN lets SQLite walk every journal row of the table instead.
const TIMED = `SELECT e.*, j.at, j.operator, j.seq FROM incoming_events e
  CROSS JOIN journal j ON j.tbl = 'incoming_events' AND j.row_id = e.id`;

/** The events of one document, oldest first, with their times. */
export function eventsOf(db: DB, docId: number, kind?: string): TimedEvent[] {
  if (kind === undefined) return cached(db, `${TIMED} WHERE e.doc_id = ? ORDER BY e.id`).all(docId) as TimedEvent[];
  return cached(db, `${TIMED} WHERE e.doc_id = ? AND e.kind = ? ORDER BY e.id`).all(docId, kind) as TimedEvent[];
}

/** How many reminders a document has had and when the last was. */
export function reminderStats(db: DB, docId: number): { count: number; last: string | null } {
  return cached(db,
    `SELECT count(*) AS count, max(j.at) AS last FROM incoming_events e CROSS JOIN journal j ON j.tbl = 'incoming_events' AND j.row_id = e.id WHERE e.doc_id = ? AND e.kind = 'remind'`)
    .get(docId) as { count: number; last: string | null };
}

export interface CustodyRow {
  id: number;
  doc_id: number;
  event_id: number;
  copy: string;
  kind: string;
  from_holder: string;
  to_holder: string | null;
  to_secretariat: number;
  at: string;
}

/** Every movement of a document's copies, oldest first. */
export function custodyOf(db: DB, docId: number): CustodyRow[] {
  return cached(db, 'SELECT * FROM incoming_custody WHERE doc_id = ? ORDER BY id').all(docId) as CustodyRow[];
}

export function hasCustody(db: DB, docId: number): boolean {
  return cached(db, 'SELECT 1 FROM incoming_custody WHERE doc_id = ? LIMIT 1').get(docId) !== undefined;
}

/** Every classified document, in number order (for the 清点核对 check). */
export function classifiedDocs(db: DB): IncomingRow[] {
  return cached(db, 'SELECT * FROM incoming_current WHERE classified = 1 ORDER BY year, serial').all() as IncomingRow[];
}

/** Documents still open (not void, returned, closed or filed), in number order. */
export function openDocs(db: DB): IncomingRow[] {
  return cached(db,
    "SELECT * FROM incoming_current WHERE state NOT IN ('作废', '退回', '已办结', '已归档') ORDER BY classified, year, serial")
    .all() as IncomingRow[];
}
