/**
 * 收文登记簿. A document's identity and number live in incoming_docs; its registered fields in
 * incoming_revisions (a correction is a new revision naming the one it corrects); what happens
 * to it in incoming_events (the state after each event, the step's details as JSON in data).
 * Migration 002 adds incoming_custody: one row per copy per movement (hand-over, return to the
 * secretariat, 清退, 销毁), each naming the event that moved it. All four are append-only.
 */
import { appendOnly, type Migration } from '../../core/db.js';

export const tables = ['incoming_docs', 'incoming_revisions', 'incoming_events', 'incoming_custody'];

export const migrations: Migration[] = [
  {
    id: 'incoming:001-register',
    up(db) {
      db.exec(`
CREATE TABLE incoming_docs (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  classified INTEGER NOT NULL CHECK (classified IN (0, 1)),
  serial INTEGER NOT NULL CHECK (serial >= 1),
  UNIQUE (year, classified, serial)
);
CREATE TABLE incoming_revisions (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES incoming_docs (id),
  received_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  sender TEXT NOT NULL CHECK (sender <> ''),
  sender_no TEXT,
  title TEXT NOT NULL CHECK (title <> ''),
  doc_type TEXT,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  copy_no TEXT CHECK (copy_no GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  urgency TEXT CHECK (urgency IN ('特急', '加急')),
  copies INTEGER NOT NULL CHECK (copies >= 1),
  pages INTEGER CHECK (pages >= 1),
  attachments TEXT,
  deadline TEXT,
  note TEXT,
  corrects INTEGER REFERENCES incoming_revisions (id)
);
CREATE INDEX incoming_revisions_doc ON incoming_revisions (doc_id, id);
CREATE TABLE incoming_events (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES incoming_docs (id),
  kind TEXT NOT NULL,
  state TEXT,
  data TEXT,
  reason TEXT
);
CREATE INDEX incoming_events_doc ON incoming_events (doc_id, id);
CREATE INDEX incoming_events_state ON incoming_events (doc_id, state, id) WHERE state IS NOT NULL;
CREATE VIEW incoming_current AS
SELECT d.id, d.number, d.year, d.classified, d.serial, r.id AS revision,
       r.received_at, r.received_on, r.sender, r.sender_no, r.title, r.doc_type, r.secret_level, r.secret_period,
       r.copy_no, r.urgency, r.copies, r.pages, r.attachments, r.deadline, r.note,
       COALESCE((SELECT e.state FROM incoming_events e WHERE e.doc_id = d.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1), '已登记') AS state
FROM incoming_docs d
JOIN incoming_revisions r ON r.id = (SELECT max(x.id) FROM incoming_revisions x WHERE x.doc_id = d.id);
${appendOnly('incoming_docs')}
${appendOnly('incoming_revisions')}
${appendOnly('incoming_events')}`);
    },
  },
  {
    id: 'incoming:002-custody',
    up(db) {
      // copy: the 份号 of a classified copy (6 digits), or the ordinal 1..N of an ordinary one.
      // A copy's holder is the to_holder of its latest row; with no row it is at the secretariat.
      db.exec(`
CREATE TABLE incoming_custody (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES incoming_docs (id),
  event_id INTEGER NOT NULL REFERENCES incoming_events (id),
  copy TEXT NOT NULL CHECK (copy <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('交接', '收回', '清退', '销毁')),
  from_holder TEXT NOT NULL CHECK (from_holder <> ''),
  to_holder TEXT CHECK (to_holder <> ''),
  to_secretariat INTEGER NOT NULL CHECK (to_secretariat IN (0, 1)),
  at TEXT NOT NULL,
  CHECK ((kind IN ('清退', '销毁')) = (to_holder IS NULL))
);
CREATE INDEX incoming_custody_copy ON incoming_custody (doc_id, copy, id);
CREATE INDEX incoming_events_kind ON incoming_events (kind, doc_id, id);
${appendOnly('incoming_custody')}`);
    },
  },
  {
    // 载体 (纸质 | 电子) of every document, and where a classified one is kept (存放柜)
    id: 'incoming:003-medium-cabinet',
    up(db) {
      db.exec(`
ALTER TABLE incoming_revisions ADD COLUMN medium TEXT NOT NULL DEFAULT '纸质' CHECK (medium IN ('纸质', '电子'));
ALTER TABLE incoming_revisions ADD COLUMN cabinet TEXT;
DROP VIEW incoming_current;
CREATE VIEW incoming_current AS
SELECT d.id, d.number, d.year, d.classified, d.serial, r.id AS revision,
       r.received_at, r.received_on, r.sender, r.sender_no, r.title, r.doc_type, r.secret_level, r.secret_period,
       r.copy_no, r.urgency, r.copies, r.pages, r.attachments, r.deadline, r.note, r.medium, r.cabinet,
       COALESCE((SELECT e.state FROM incoming_events e WHERE e.doc_id = d.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1), '已登记') AS state
FROM incoming_docs d
JOIN incoming_revisions r ON r.id = (SELECT max(x.id) FROM incoming_revisions x WHERE x.doc_id = d.id);`);
    },
  },
  {
    // Indexes that match how the register is read (#16): the list order (ordinary before
    // classified, then the number), the period filters on the receipt date, the duplicate
    // check by the sender's 文号. The current view joins a document to its revisions and keeps
    // the latest, so a filter on a revision's column (date, sender) can drive it from an index.
    id: 'incoming:004-indexes',
    up(db) {
      db.exec(`
CREATE INDEX incoming_docs_order ON incoming_docs (classified, year, serial);
CREATE INDEX incoming_revisions_received ON incoming_revisions (received_on, doc_id);
CREATE INDEX incoming_revisions_sender_no ON incoming_revisions (sender, sender_no);
DROP VIEW incoming_current;
CREATE VIEW incoming_current AS
SELECT d.id, d.number, d.year, d.classified, d.serial, r.id AS revision,
       r.received_at, r.received_on, r.sender, r.sender_no, r.title, r.doc_type, r.secret_level, r.secret_period,
       r.copy_no, r.urgency, r.copies, r.pages, r.attachments, r.deadline, r.note, r.medium, r.cabinet,
       COALESCE((SELECT e.state FROM incoming_events e WHERE e.doc_id = d.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1), '已登记') AS state
FROM incoming_docs d
JOIN incoming_revisions r ON r.doc_id = d.id
WHERE r.id = (SELECT max(x.id) FROM incoming_revisions x WHERE x.doc_id = d.id);`);
    },
  },
];
