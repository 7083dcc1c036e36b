/**
 * 发文登记簿. All tables are append-only:
 * - outgoing_docs: a draft (拟稿) with its own id NG2026-0001 (one series per year) and its fields;
 * - outgoing_events: the steps (审核, 退回, 签发, 编号, 文号作废, 印制, 用印, 分发), each with the state after it
 *   (NULL for a step that does not move the document) and its details as JSON in data;
 * - outgoing_numbers: 发文字号 given, unique and gap-free per 代字 and year (UNIQUE (prefix, year, serial));
 * - outgoing_number_voids: a number taken and not used, kept as 作废 with a reason;
 * - outgoing_dispatches: 分发登记, one line per recipient; outgoing_dispatch_copies holds each
 *   classified copy (份号) a line sent, once per document; outgoing_receipts the recipient's 回执.
 */
import { appendOnly, type Migration } from '../../core/db.js';

export const tables = ['outgoing_docs', 'outgoing_events', 'outgoing_numbers', 'outgoing_number_voids', 'outgoing_dispatches', 'outgoing_dispatch_copies', 'outgoing_receipts'];

export const migrations: Migration[] = [
  {
    id: 'outgoing:001-register',
    up(db) {
      db.exec(`
CREATE TABLE outgoing_docs (
  id INTEGER PRIMARY KEY,
  draft_no TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  drafted_on TEXT NOT NULL,
  title TEXT NOT NULL CHECK (trim(title) <> ''),
  drafter TEXT NOT NULL CHECK (trim(drafter) <> ''),
  dept TEXT NOT NULL CHECK (trim(dept) <> ''),
  doc_type TEXT,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  urgency TEXT CHECK (urgency IN ('特急', '加急')),
  main_to TEXT,
  cc TEXT,
  pages INTEGER CHECK (pages >= 1),
  attachments TEXT,
  reply_to TEXT,
  note TEXT,
  UNIQUE (year, serial)
);
CREATE TABLE outgoing_events (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES outgoing_docs (id),
  kind TEXT NOT NULL CHECK (kind IN ('审核', '退回', '签发', '编号', '文号作废', '印制', '用印', '分发', '回执')),
  state TEXT CHECK (state IN ('已审核', '退回修改', '已签发', '已编号', '已印制', '已用印', '已分发')),
  on_date TEXT NOT NULL,
  who TEXT,
  count INTEGER CHECK (count >= 1),
  data TEXT,
  reason TEXT
);
CREATE INDEX outgoing_events_doc ON outgoing_events (doc_id, id);
CREATE TABLE outgoing_numbers (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES outgoing_docs (id),
  prefix TEXT NOT NULL CHECK (trim(prefix) <> ''),
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  number TEXT NOT NULL UNIQUE,
  numbered_on TEXT NOT NULL,
  UNIQUE (prefix, year, serial)
);
CREATE INDEX outgoing_numbers_doc ON outgoing_numbers (doc_id, id);
CREATE TABLE outgoing_number_voids (
  id INTEGER PRIMARY KEY,
  number_id INTEGER NOT NULL UNIQUE REFERENCES outgoing_numbers (id),
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (trim(reason) <> '')
);
CREATE TABLE outgoing_dispatches (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES outgoing_docs (id),
  recipient TEXT NOT NULL CHECK (trim(recipient) <> ''),
  via TEXT NOT NULL CHECK (via IN ('机要', '邮寄', '专人', '电子', '传真')),
  on_date TEXT NOT NULL,
  note TEXT
);
CREATE INDEX outgoing_dispatches_doc ON outgoing_dispatches (doc_id, id);
CREATE TABLE outgoing_dispatch_copies (
  id INTEGER PRIMARY KEY,
  dispatch_id INTEGER NOT NULL REFERENCES outgoing_dispatches (id),
  doc_id INTEGER NOT NULL REFERENCES outgoing_docs (id),
  copy_no TEXT NOT NULL CHECK (length(copy_no) = 6),
  UNIQUE (doc_id, copy_no)
);
CREATE TABLE outgoing_receipts (
  id INTEGER PRIMARY KEY,
  dispatch_id INTEGER NOT NULL UNIQUE REFERENCES outgoing_dispatches (id),
  on_date TEXT NOT NULL,
  note TEXT
);
CREATE VIEW outgoing_current AS
SELECT d.*,
       COALESCE((SELECT e.state FROM outgoing_events e WHERE e.doc_id = d.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1), '拟稿') AS state,
       (SELECT e.on_date FROM outgoing_events e WHERE e.doc_id = d.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS state_on,
       (SELECT e.who FROM outgoing_events e WHERE e.doc_id = d.id AND e.kind = '审核' ORDER BY e.id DESC LIMIT 1) AS reviewer,
       (SELECT e.who FROM outgoing_events e WHERE e.doc_id = d.id AND e.kind = '签发' ORDER BY e.id DESC LIMIT 1) AS signer,
       (SELECT e.on_date FROM outgoing_events e WHERE e.doc_id = d.id AND e.kind = '签发' ORDER BY e.id DESC LIMIT 1) AS signed_on,
       (SELECT e.count FROM outgoing_events e WHERE e.doc_id = d.id AND e.kind = '印制' ORDER BY e.id DESC LIMIT 1) AS copies,
       (SELECT n.number FROM outgoing_numbers n WHERE n.doc_id = d.id
          AND NOT EXISTS (SELECT 1 FROM outgoing_number_voids v WHERE v.number_id = n.id) ORDER BY n.id DESC LIMIT 1) AS doc_no
FROM outgoing_docs d;
${appendOnly('outgoing_docs')}
${appendOnly('outgoing_events')}
${appendOnly('outgoing_numbers')}
${appendOnly('outgoing_number_voids')}
${appendOnly('outgoing_dispatches')}
${appendOnly('outgoing_dispatch_copies')}
${appendOnly('outgoing_receipts')}`);
    },
  },
  {
    // Indexes that match how the register is read (#16): the period filter on the drafting date
    // (the list keeps its order by number from the unique (year, serial) index), and a dispatch's
    // copies (its 份号 listed with each dispatch) and the dispatches by date (receipts awaited, in `due`).
    id: 'outgoing:002-indexes',
    up(db) {
      db.exec(`
CREATE INDEX outgoing_docs_drafted ON outgoing_docs (drafted_on, id);
CREATE INDEX outgoing_dispatch_copies_dispatch ON outgoing_dispatch_copies (dispatch_id, copy_no);
CREATE INDEX outgoing_dispatches_on ON outgoing_dispatches (on_date, id);`);
    },
  },
];
