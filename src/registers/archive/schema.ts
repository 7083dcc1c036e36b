/**
 * 档案. An item's identity, 档号 and catalogue fields as filed live in archive_items (one row per 件);
 * loans in archive_loans, what happens to a loan (续借, 归还) in archive_loan_events, and each
 * 催还 notice in archive_reminders. Migration 002 adds archive_revisions (更正: the catalogue
 * fields as corrected, each naming the revision it corrects, with a reason; the 档号 stays) and
 * archive_voids (作废: the number stays in the register, with its reason). All append-only;
 * the current entry and state are derived in the views.
 */
import { appendOnly, type Migration } from '../../core/db.js';
import { addLink } from '../../core/links.js';

/** The link an item filed from an incoming document makes to it (core/links.ts): 归档自 at the item, 归档为 at the document. */
export const FILED_FROM = 'filed-from';

export const tables = ['archive_items', 'archive_loans', 'archive_loan_events', 'archive_reminders', 'archive_revisions', 'archive_voids'];

export const migrations: Migration[] = [
  {
    id: 'archive:001-register',
    up(db) {
      db.exec(`
CREATE TABLE archive_items (
  id INTEGER PRIMARY KEY,
  archive_no TEXT NOT NULL UNIQUE,
  fonds TEXT NOT NULL,
  category TEXT NOT NULL,
  year INTEGER NOT NULL,
  retention TEXT NOT NULL CHECK (retention IN ('Y', 'D30', 'D10')),
  org TEXT NOT NULL DEFAULT '',
  serial INTEGER NOT NULL CHECK (serial BETWEEN 1 AND 9999),
  title TEXT NOT NULL CHECK (title <> ''),
  own_title INTEGER NOT NULL DEFAULT 0 CHECK (own_title IN (0, 1)),
  author TEXT NOT NULL CHECK (author <> ''),
  doc_no TEXT,
  doc_date TEXT NOT NULL,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  pages INTEGER CHECK (pages >= 1),
  box TEXT,
  location TEXT,
  note TEXT,
  incoming_no TEXT,
  filed_on TEXT NOT NULL,
  UNIQUE (fonds, category, year, retention, org, serial)
);
CREATE UNIQUE INDEX archive_items_incoming ON archive_items (incoming_no) WHERE incoming_no IS NOT NULL;
CREATE TABLE archive_loans (
  id INTEGER PRIMARY KEY,
  loan_no TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  item_id INTEGER NOT NULL REFERENCES archive_items (id),
  borrower TEXT NOT NULL CHECK (borrower <> ''),
  dept TEXT NOT NULL CHECK (dept <> ''),
  purpose TEXT NOT NULL CHECK (purpose <> ''),
  approver TEXT NOT NULL CHECK (approver <> ''),
  lent_on TEXT NOT NULL,
  due TEXT NOT NULL,
  onsite INTEGER NOT NULL CHECK (onsite IN (0, 1)),
  copy_allowed INTEGER NOT NULL CHECK (copy_allowed IN (0, 1)),
  copy_approver TEXT,
  note TEXT,
  UNIQUE (year, serial)
);
CREATE INDEX archive_loans_item ON archive_loans (item_id, id);
CREATE TABLE archive_loan_events (
  id INTEGER PRIMARY KEY,
  loan_id INTEGER NOT NULL REFERENCES archive_loans (id),
  kind TEXT NOT NULL CHECK (kind IN ('renew', 'return')),
  on_date TEXT NOT NULL,
  due TEXT,
  approver TEXT,
  condition TEXT CHECK (condition IN ('完好', '破损', '缺页')),
  note TEXT,
  CHECK ((kind = 'renew' AND due IS NOT NULL AND approver IS NOT NULL) OR (kind = 'return' AND condition IS NOT NULL))
);
CREATE INDEX archive_loan_events_loan ON archive_loan_events (loan_id, id);
-- a loan is returned once: a second return cannot be stored
CREATE UNIQUE INDEX archive_loan_returned ON archive_loan_events (loan_id) WHERE kind = 'return';
CREATE TABLE archive_reminders (
  id INTEGER PRIMARY KEY,
  loan_id INTEGER NOT NULL REFERENCES archive_loans (id),
  on_date TEXT NOT NULL,
  due TEXT NOT NULL,
  days_overdue INTEGER NOT NULL,
  format TEXT NOT NULL
);
CREATE INDEX archive_reminders_loan ON archive_reminders (loan_id, id);
CREATE VIEW archive_loans_current AS
SELECT l.id, l.loan_no, l.year, l.serial, l.item_id, l.borrower, l.dept, l.purpose, l.approver, l.lent_on,
       l.due AS first_due, l.onsite, l.copy_allowed, l.copy_approver, l.note,
       i.archive_no, i.title, i.own_title, i.secret_level, i.secret_period,
       COALESCE((SELECT e.due FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew' ORDER BY e.id DESC LIMIT 1), l.due) AS due,
       (SELECT count(*) FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew') AS renewals,
       (SELECT group_concat(a.approver, '、') FROM (SELECT e.approver FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew' ORDER BY e.id) a) AS renew_approvers,
       r.on_date AS returned_on, r.condition AS return_condition, r.note AS return_note,
       (SELECT count(*) FROM archive_reminders m WHERE m.loan_id = l.id) AS reminders,
       (SELECT max(m.on_date) FROM archive_reminders m WHERE m.loan_id = l.id) AS last_reminder
FROM archive_loans l
JOIN archive_items i ON i.id = l.item_id
LEFT JOIN archive_loan_events r ON r.loan_id = l.id AND r.kind = 'return';
CREATE VIEW archive_current AS
SELECT i.*,
       (SELECT l.loan_no FROM archive_loans l WHERE l.item_id = i.id
          AND NOT EXISTS (SELECT 1 FROM archive_loan_events r WHERE r.loan_id = l.id AND r.kind = 'return')
        ORDER BY l.id DESC LIMIT 1) AS loan_no,
       (SELECT r.condition FROM archive_loan_events r JOIN archive_loans l ON l.id = r.loan_id
        WHERE l.item_id = i.id AND r.kind = 'return' ORDER BY r.id DESC LIMIT 1) AS last_condition
FROM archive_items i;
${appendOnly('archive_items')}
${appendOnly('archive_loans')}
${appendOnly('archive_loan_events')}
${appendOnly('archive_reminders')}`);
    },
  },
  {
    id: 'archive:002-corrections',
    up(db) {
      db.exec(`
CREATE TABLE archive_revisions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES archive_items (id),
  title TEXT NOT NULL CHECK (title <> ''),
  own_title INTEGER NOT NULL CHECK (own_title IN (0, 1)),
  author TEXT NOT NULL CHECK (author <> ''),
  doc_no TEXT,
  doc_date TEXT NOT NULL,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  pages INTEGER CHECK (pages >= 1),
  box TEXT,
  location TEXT,
  note TEXT,
  -- the revision this one corrects; NULL: the entry as filed
  corrects INTEGER REFERENCES archive_revisions (id),
  reason TEXT NOT NULL CHECK (reason <> '')
);
CREATE INDEX archive_revisions_item ON archive_revisions (item_id, id);
CREATE TABLE archive_voids (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL UNIQUE REFERENCES archive_items (id),
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> '')
);
-- an entry as it stands: its latest revision's catalogue fields, and whether it is void
CREATE VIEW archive_entries AS
SELECT i.id, i.archive_no, i.fonds, i.category, i.year, i.retention, i.org, i.serial,
       CASE WHEN r.id IS NULL THEN i.title ELSE r.title END AS title,
       CASE WHEN r.id IS NULL THEN i.own_title ELSE r.own_title END AS own_title,
       CASE WHEN r.id IS NULL THEN i.author ELSE r.author END AS author,
       CASE WHEN r.id IS NULL THEN i.doc_no ELSE r.doc_no END AS doc_no,
       CASE WHEN r.id IS NULL THEN i.doc_date ELSE r.doc_date END AS doc_date,
       CASE WHEN r.id IS NULL THEN i.secret_level ELSE r.secret_level END AS secret_level,
       CASE WHEN r.id IS NULL THEN i.secret_period ELSE r.secret_period END AS secret_period,
       CASE WHEN r.id IS NULL THEN i.pages ELSE r.pages END AS pages,
       CASE WHEN r.id IS NULL THEN i.box ELSE r.box END AS box,
       CASE WHEN r.id IS NULL THEN i.location ELSE r.location END AS location,
       CASE WHEN r.id IS NULL THEN i.note ELSE r.note END AS note,
       i.incoming_no, i.filed_on, r.id AS revision,
       v.on_date AS voided_on, v.reason AS void_reason
FROM archive_items i
LEFT JOIN archive_revisions r ON r.id = (SELECT max(x.id) FROM archive_revisions x WHERE x.item_id = i.id)
LEFT JOIN archive_voids v ON v.item_id = i.id;
DROP VIEW archive_loans_current;
DROP VIEW archive_current;
CREATE VIEW archive_loans_current AS
SELECT l.id, l.loan_no, l.year, l.serial, l.item_id, l.borrower, l.dept, l.purpose, l.approver, l.lent_on,
       l.due AS first_due, l.onsite, l.copy_allowed, l.copy_approver, l.note,
       i.archive_no, i.title, i.own_title, i.secret_level, i.secret_period,
       COALESCE((SELECT e.due FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew' ORDER BY e.id DESC LIMIT 1), l.due) AS due,
       (SELECT count(*) FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew') AS renewals,
       (SELECT group_concat(a.approver, '、') FROM (SELECT e.approver FROM archive_loan_events e WHERE e.loan_id = l.id AND e.kind = 'renew' ORDER BY e.id) a) AS renew_approvers,
       r.on_date AS returned_on, r.condition AS return_condition, r.note AS return_note,
       (SELECT count(*) FROM archive_reminders m WHERE m.loan_id = l.id) AS reminders,
       (SELECT max(m.on_date) FROM archive_reminders m WHERE m.loan_id = l.id) AS last_reminder
FROM archive_loans l
JOIN archive_entries i ON i.id = l.item_id
LEFT JOIN archive_loan_events r ON r.loan_id = l.id AND r.kind = 'return';
CREATE VIEW archive_current AS
SELECT i.*,
       (SELECT l.loan_no FROM archive_loans l WHERE l.item_id = i.id
          AND NOT EXISTS (SELECT 1 FROM archive_loan_events r WHERE r.loan_id = l.id AND r.kind = 'return')
        ORDER BY l.id DESC LIMIT 1) AS loan_no,
       (SELECT r.condition FROM archive_loan_events r JOIN archive_loans l ON l.id = r.loan_id
        WHERE l.item_id = i.id AND r.kind = 'return' ORDER BY r.id DESC LIMIT 1) AS last_condition
FROM archive_entries i;
${appendOnly('archive_revisions')}
${appendOnly('archive_voids')}`);
    },
  },
  {
    // Filing from an incoming document is a link (core/links.ts) since this migration. Items filed
    // before it recorded the document in archive_items.incoming_no: each gets its link now,
    // journaled by wenmi at the journal's latest time; the column stays as it was written, and
    // the views read the document from the links.
    id: 'archive:003-links',
    up(db) {
      const filed = db.prepare('SELECT archive_no, incoming_no FROM archive_items WHERE incoming_no IS NOT NULL ORDER BY id').all() as { archive_no: string; incoming_no: string }[];
      if (filed.length > 0) {
        const head = db.prepare('SELECT at FROM journal ORDER BY seq DESC LIMIT 1').pluck().get() as string;
        const ctx = { db, clock: { now: () => new Date(Date.parse(head)), fixed: true }, operator: 'wenmi' };
        for (const item of filed)
          addLink(ctx, FILED_FROM, { register: 'archive', ref: item.archive_no }, { register: 'incoming', ref: item.incoming_no }, '迁移：归档时记录的收文编号记为关联');
      }
      db.exec(`
DROP VIEW archive_entries;
CREATE VIEW archive_entries AS
SELECT i.id, i.archive_no, i.fonds, i.category, i.year, i.retention, i.org, i.serial,
       CASE WHEN r.id IS NULL THEN i.title ELSE r.title END AS title,
       CASE WHEN r.id IS NULL THEN i.own_title ELSE r.own_title END AS own_title,
       CASE WHEN r.id IS NULL THEN i.author ELSE r.author END AS author,
       CASE WHEN r.id IS NULL THEN i.doc_no ELSE r.doc_no END AS doc_no,
       CASE WHEN r.id IS NULL THEN i.doc_date ELSE r.doc_date END AS doc_date,
       CASE WHEN r.id IS NULL THEN i.secret_level ELSE r.secret_level END AS secret_level,
       CASE WHEN r.id IS NULL THEN i.secret_period ELSE r.secret_period END AS secret_period,
       CASE WHEN r.id IS NULL THEN i.pages ELSE r.pages END AS pages,
       CASE WHEN r.id IS NULL THEN i.box ELSE r.box END AS box,
       CASE WHEN r.id IS NULL THEN i.location ELSE r.location END AS location,
       CASE WHEN r.id IS NULL THEN i.note ELSE r.note END AS note,
       (SELECT k.to_ref FROM links k WHERE k.kind = 'filed-from' AND k.from_register = 'archive' AND k.from_ref = i.archive_no AND k.to_register = 'incoming') AS incoming_no,
       i.filed_on, r.id AS revision,
       v.on_date AS voided_on, v.reason AS void_reason
FROM archive_items i
LEFT JOIN archive_revisions r ON r.id = (SELECT max(x.id) FROM archive_revisions x WHERE x.item_id = i.id)
LEFT JOIN archive_voids v ON v.item_id = i.id;
`);
    },
  },
  {
    // 附件, 载体 (纸质 | 电子 | 照片 | 实物) and the leaders' instructions carried over from an incoming document
    id: 'archive:004-attachments-medium',
    up(db) {
      db.exec(`
ALTER TABLE archive_items ADD COLUMN attachments TEXT;
ALTER TABLE archive_items ADD COLUMN medium TEXT NOT NULL DEFAULT '纸质' CHECK (medium IN ('纸质', '电子', '照片', '实物'));
ALTER TABLE archive_items ADD COLUMN instruction TEXT;
DROP VIEW archive_entries;
CREATE VIEW archive_entries AS
SELECT i.id, i.archive_no, i.fonds, i.category, i.year, i.retention, i.org, i.serial,
       CASE WHEN r.id IS NULL THEN i.title ELSE r.title END AS title,
       CASE WHEN r.id IS NULL THEN i.own_title ELSE r.own_title END AS own_title,
       CASE WHEN r.id IS NULL THEN i.author ELSE r.author END AS author,
       CASE WHEN r.id IS NULL THEN i.doc_no ELSE r.doc_no END AS doc_no,
       CASE WHEN r.id IS NULL THEN i.doc_date ELSE r.doc_date END AS doc_date,
       CASE WHEN r.id IS NULL THEN i.secret_level ELSE r.secret_level END AS secret_level,
       CASE WHEN r.id IS NULL THEN i.secret_period ELSE r.secret_period END AS secret_period,
       CASE WHEN r.id IS NULL THEN i.pages ELSE r.pages END AS pages,
       CASE WHEN r.id IS NULL THEN i.box ELSE r.box END AS box,
       CASE WHEN r.id IS NULL THEN i.location ELSE r.location END AS location,
       CASE WHEN r.id IS NULL THEN i.note ELSE r.note END AS note,
       (SELECT k.to_ref FROM links k WHERE k.kind = 'filed-from' AND k.from_register = 'archive' AND k.from_ref = i.archive_no AND k.to_register = 'incoming') AS incoming_no,
       i.filed_on, r.id AS revision,
       v.on_date AS voided_on, v.reason AS void_reason,
       i.attachments, i.medium, i.instruction
FROM archive_items i
LEFT JOIN archive_revisions r ON r.id = (SELECT max(x.id) FROM archive_revisions x WHERE x.item_id = i.id)
LEFT JOIN archive_voids v ON v.item_id = i.id;
`);
    },
  },
  {
    // Indexes that match how the register is read (#16): the catalogue's order (year, retention
    // 永久 → 30 年 → 10 年, org, serial) and the loan book's (lent on, then the loan's number).
    id: 'archive:005-indexes',
    up(db) {
      db.exec(`
CREATE INDEX archive_items_order ON archive_items (year, (CASE retention WHEN 'Y' THEN 0 WHEN 'D30' THEN 1 ELSE 2 END), org, serial);
CREATE INDEX archive_loans_lent ON archive_loans (lent_on, year, serial);`);
    },
  },
  {
    // A period filter on 文件日期 (#16): the item's current date is on the row that carries it (the
    // item as filed, or its latest correction), so each is searched by its own date index.
    id: 'archive:006-doc-date-indexes',
    up(db) {
      db.exec(`
CREATE INDEX archive_items_doc_date ON archive_items (doc_date);
CREATE INDEX archive_revisions_doc_date ON archive_revisions (doc_date, item_id);`);
    },
  },
];
