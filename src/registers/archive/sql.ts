/** Every query of the archive register. */
import { docNoSearchText } from '../../core/docno.js';
import { linkedFrom } from '../../core/links.js';
import { FILED_FROM } from './schema.js';
import { cached, whereOf, type DB } from '../../core/db.js';
import { normalizeArchiveNo } from './normalize.js';

export interface ItemRow {
  id: number;
  archive_no: string;
  fonds: string;
  category: string;
  year: number;
  retention: string;
  org: string;
  serial: number;
  title: string;
  own_title: number;
  author: string;
  doc_no: string | null;
  doc_date: string;
  secret_level: string | null;
  secret_period: string | null;
  pages: number | null;
  box: string | null;
  location: string | null;
  note: string | null;
  incoming_no: string | null;
  filed_on: string;
  /** The latest correction (archive_revisions id), or null: the entry as filed. */
  revision: number | null;
  /** 作废: when and why, or null. */
  voided_on: string | null;
  void_reason: string | null;
  /** 附件, 载体 and the leaders' instructions carried from an incoming document (archive:004). */
  attachments: string | null;
  medium: string;
  instruction: string | null;
  /** The open loan, when the item is out. */
  loan_no: string | null;
  /** The condition recorded at the latest return. */
  last_condition: string | null;
}

export interface LoanRow {
  id: number;
  loan_no: string;
  year: number;
  serial: number;
  item_id: number;
  borrower: string;
  dept: string;
  purpose: string;
  approver: string;
  lent_on: string;
  first_due: string;
  onsite: number;
  copy_allowed: number;
  copy_approver: string | null;
  note: string | null;
  archive_no: string;
  title: string;
  own_title: number;
  secret_level: string | null;
  secret_period: string | null;
  /** The current due date (after renewals). */
  due: string;
  renewals: number;
  renew_approvers: string | null;
  returned_on: string | null;
  return_condition: string | null;
  return_note: string | null;
  reminders: number;
  last_reminder: string | null;
}

export interface ItemFilter {
  from?: string;
  to?: string;
  year?: number;
  retention?: string;
  box?: string;
  /** Text in title, 文号, author or 档号; classified titles are searched only when revealed. */
  search?: string;
  searchClassified?: boolean;
  classified?: boolean;
  onLoan?: boolean;
  limit?: number;
}

/** The next 件号 in the series of fonds, category, year, retention period and org code. */
export function nextItemSerial(db: DB, s: { fonds: string; category: string; year: number; retention: string; org: string }): number {
  const max = db
    .prepare('SELECT max(serial) FROM archive_items WHERE fonds = @fonds AND category = @category AND year = @year AND retention = @retention AND org = @org')
    .pluck()
    .get(s) as number | null;
  return (max ?? 0) + 1;
}

export function nextLoanSerial(db: DB, year: number): number {
  const max = db.prepare('SELECT max(serial) FROM archive_loans WHERE year = ?').pluck().get(year) as number | null;
  return (max ?? 0) + 1;
}

export function findItem(db: DB, archiveNo: string): ItemRow | undefined {
  return cached(db, 'SELECT * FROM archive_current WHERE archive_no = ?').get(archiveNo) as ItemRow | undefined;
}

/** The item an incoming document was filed as: the item whose link 归档自 names it (core/links.ts). */
export function findItemByIncoming(db: DB, incomingNo: string): ItemRow | undefined {
  const item = linkedFrom(db, FILED_FROM, { register: 'incoming', ref: incomingNo })[0];
  return item && findItem(db, item.ref);
}

export function findLoan(db: DB, loanNo: string): LoanRow | undefined {
  return cached(db, 'SELECT * FROM archive_loans_current WHERE loan_no = ?').get(loanNo) as LoanRow | undefined;
}

/** The catalogue order: year, retention (Y, D30, D10), org code, 件号. */
const ORDER = "year, CASE retention WHEN 'Y' THEN 0 WHEN 'D30' THEN 1 ELSE 2 END, org, serial";

/**
 * Items whose current 文件日期 is in the period, found by the date index of the row that carries it:
 * the item as filed when it has no correction, else its latest correction (archive:006).
 */
function datedIn(f: ItemFilter): string {
  const range = (col: string) => [f.from && `${col} >= @from`, f.to && `${col} <= @to`].filter(Boolean).join(' AND ');
  return `id IN (SELECT i.id FROM archive_items i WHERE ${range('i.doc_date')} AND NOT EXISTS (SELECT 1 FROM archive_revisions x WHERE x.item_id = i.id)
    UNION ALL SELECT r.item_id FROM archive_revisions r WHERE ${range('r.doc_date')} AND r.id = (SELECT max(x.id) FROM archive_revisions x WHERE x.item_id = r.item_id))`;
}

function where(f: ItemFilter): { sql: string; params: Record<string, unknown> } {
  const title = f.searchClassified ? 'instr(title, @search) > 0' : '(secret_level IS NULL AND instr(title, @search) > 0)';
  return whereOf([
    (f.from || f.to) && [datedIn(f), { from: f.from ?? null, to: f.to ?? null }],
    f.year !== undefined && ['year = @year', { year: f.year }],
    f.retention && ['retention = @retention', { retention: f.retention }],
    f.box && ['box = @box', { box: f.box }],
    f.classified !== undefined && [f.classified ? 'secret_level IS NOT NULL' : 'secret_level IS NULL'],
    f.onLoan !== undefined && [f.onLoan ? 'loan_no IS NOT NULL' : 'loan_no IS NULL AND voided_on IS NULL'],
    f.search && [
      `(${title} OR instr(COALESCE(doc_no, ''), @search) > 0 OR instr(COALESCE(doc_no, ''), @searchDocNo) > 0 OR instr(author, @search) > 0 OR instr(archive_no, @searchNo) > 0)`,
      { search: f.search, searchNo: normalizeArchiveNo(f.search), searchDocNo: docNoSearchText(f.search) },
    ],
  ]);
}

/** Items in catalogue order. Streams. */
export function iterateItems(db: DB, f: ItemFilter): IterableIterator<ItemRow> {
  const { sql, params } = where(f);
  const limit = f.limit !== undefined ? ` LIMIT ${Math.trunc(f.limit)}` : '';
  return db.prepare(`SELECT * FROM archive_current ${sql} ORDER BY ${ORDER}${limit}`).iterate(params) as IterableIterator<ItemRow>;
}

/** 档号 of the classified items a filter selects (to record a reveal before showing them). */
export function classifiedItemNumbers(db: DB, f: ItemFilter): string[] {
  const { sql, params } = where(f);
  const limit = f.limit !== undefined ? ` LIMIT ${Math.trunc(f.limit)}` : '';
  return db.prepare(`SELECT archive_no FROM (SELECT * FROM archive_current ${sql} ORDER BY ${ORDER}${limit}) WHERE secret_level IS NOT NULL`).pluck().all(params) as string[];
}

/** Every item's 档号, whether it is out and whether it is void: for the shelf check. */
export function allItems(db: DB): { archive_no: string; loan_no: string | null; voided_on: string | null }[] {
  return db.prepare(`SELECT archive_no, loan_no, voided_on FROM archive_current ORDER BY ${ORDER}`).all() as { archive_no: string; loan_no: string | null; voided_on: string | null }[];
}

/** The catalogue fields an 更正 can change (the 档号 and what forms it cannot). */
export const REVISED_FIELDS = ['title', 'own_title', 'author', 'doc_no', 'doc_date', 'secret_level', 'secret_period', 'pages', 'box', 'location', 'note'] as const;
export type RevisedField = (typeof REVISED_FIELDS)[number];
export type RevisionValues = { [K in RevisedField]: ItemRow[K] };

/** An item's catalogue fields as filed, before any correction. */
export function filedValues(db: DB, itemId: number): RevisionValues {
  return db.prepare(`SELECT ${REVISED_FIELDS.join(', ')} FROM archive_items WHERE id = ?`).get(itemId) as RevisionValues;
}

/** An item's corrections, oldest first. */
export function revisionsOf(db: DB, itemId: number): (RevisionValues & { id: number; corrects: number | null; reason: string })[] {
  return db.prepare('SELECT * FROM archive_revisions WHERE item_id = ? ORDER BY id').all(itemId) as (RevisionValues & { id: number; corrects: number | null; reason: string })[];
}

export interface LoanFilter {
  /** Only loans not yet returned. */
  open?: boolean;
  /** Only open loans whose due date is before this day. */
  dueBefore?: string;
  borrower?: string;
  /** Loans made in this period. */
  from?: string;
  to?: string;
  itemId?: number;
}

export function loans(db: DB, f: LoanFilter): LoanRow[] {
  const { sql, params } = whereOf([
    f.open && ['returned_on IS NULL'],
    f.dueBefore && ['returned_on IS NULL AND due < @dueBefore', { dueBefore: f.dueBefore }],
    f.borrower && ['instr(borrower, @borrower) > 0', { borrower: f.borrower }],
    f.from && ['lent_on >= @from', { from: f.from }],
    f.to && ['lent_on <= @to', { to: f.to }],
    f.itemId !== undefined && ['item_id = @itemId', { itemId: f.itemId }],
  ]);
  return db.prepare(`SELECT * FROM archive_loans_current ${sql} ORDER BY lent_on, year, serial`).all(params) as LoanRow[];
}

export function loanEvents(db: DB, loanId: number) {
  return db.prepare('SELECT * FROM archive_loan_events WHERE loan_id = ? ORDER BY id').all(loanId) as {
    id: number;
    kind: string;
    on_date: string;
    due: string | null;
    approver: string | null;
    condition: string | null;
    note: string | null;
  }[];
}

/** Every journal entry about one item (its filing, its loans and their events and reminders), oldest first. */
export function journalOfItem(db: DB, itemId: number) {
  return db
    .prepare(
      `SELECT j.seq, j.at, j.operator, j.action, j.tbl, j.row_id, j.reason FROM journal j
       WHERE (j.tbl = 'archive_items' AND j.row_id = @id)
          OR (j.tbl = 'archive_revisions' AND j.row_id IN (SELECT id FROM archive_revisions WHERE item_id = @id))
          OR (j.tbl = 'archive_voids' AND j.row_id IN (SELECT id FROM archive_voids WHERE item_id = @id))
          OR (j.tbl = 'archive_loans' AND j.row_id IN (SELECT id FROM archive_loans WHERE item_id = @id))
          OR (j.tbl = 'archive_loan_events' AND j.row_id IN (SELECT e.id FROM archive_loan_events e JOIN archive_loans l ON l.id = e.loan_id WHERE l.item_id = @id))
          OR (j.tbl = 'archive_reminders' AND j.row_id IN (SELECT m.id FROM archive_reminders m JOIN archive_loans l ON l.id = m.loan_id WHERE l.item_id = @id))
       ORDER BY j.seq`,
    )
    .all({ id: itemId }) as { seq: number; at: string; operator: string; action: string; tbl: string; row_id: number; reason: string | null }[];
}
