/**
 * 印章 — seals and the seal-usage register (印章使用登记簿). All tables are append-only:
 * - seals: a seal's identity (code S001, name, type, 启用日期);
 * - seal_events: custody events (启用, 移交, 外借, 归还, 遗失, 停用, 封存, 销毁), each with the state
 *   after it; state, custodian and location are derived from the latest events (seal_current);
 * - seal_requests: 用印申请, numbered Y2026-0001 per year without gaps;
 * - seal_request_events: 批准 (with the approved count), 驳回, 撤销;
 * - seal_stamps: 用印 — the lines of the usage register. A trigger refuses any line that would take
 *   the total stamped past the approved count, as a last guard behind the rules;
 * - seal_stamp_voids (002): 作废 — a line recorded wrongly is voided by a new row naming it, with a
 *   reason and an approver; the line stays, and no longer counts towards what was stamped.
 * - seal_stamps.year, .serial (005): a line's number restarts each year, 2026-0012 (the year of its
 *   stamping date). Lines written before 005 keep theirs: the year of their date and their row id,
 *   read through COALESCE (sql.ts), never filled in (they still verify against their journal entry).
 */
import { appendOnly, type Migration } from '../../core/db.js';

export const tables = ['seals', 'seal_events', 'seal_requests', 'seal_request_events', 'seal_stamps', 'seal_stamp_voids'];

export const migrations: Migration[] = [
  {
    id: 'seal:001-register',
    up(db) {
      db.exec(`
CREATE TABLE seals (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  serial INTEGER NOT NULL UNIQUE CHECK (serial >= 1),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  type TEXT NOT NULL CHECK (type IN ('公章', '合同章', '财务章', '部门章', '领导手章')),
  since TEXT NOT NULL,
  note TEXT
);
CREATE TABLE seal_events (
  id INTEGER PRIMARY KEY,
  seal_id INTEGER NOT NULL REFERENCES seals (id),
  kind TEXT NOT NULL CHECK (kind IN ('启用', '移交', '外借', '归还', '遗失', '停用', '封存', '销毁')),
  state TEXT NOT NULL CHECK (state IN ('在用', '外借', '停用', '封存', '遗失', '销毁')),
  on_date TEXT NOT NULL,
  custodian TEXT,
  location TEXT,
  counterpart TEXT,
  witnesses TEXT,
  approver TEXT,
  due TEXT,
  reason TEXT,
  note TEXT
);
CREATE INDEX seal_events_seal ON seal_events (seal_id, id);
CREATE VIEW seal_current AS
SELECT s.id, s.code, s.serial, s.name, s.type, s.since, s.note,
       e.state, e.kind AS last_kind, e.on_date AS last_on,
       (SELECT x.custodian FROM seal_events x WHERE x.seal_id = s.id AND x.custodian IS NOT NULL ORDER BY x.id DESC LIMIT 1) AS custodian,
       (SELECT x.location FROM seal_events x WHERE x.seal_id = s.id AND x.location IS NOT NULL ORDER BY x.id DESC LIMIT 1) AS location,
       CASE WHEN e.state IN ('外借', '遗失') THEN e.counterpart END AS holder,
       CASE WHEN e.state = '外借' THEN e.due END AS due,
       CASE WHEN e.state = '外借' THEN e.on_date END AS lent_on,
       CASE WHEN e.state = '遗失' THEN e.on_date END AS lost_on,
       CASE WHEN e.state = '遗失' THEN e.reason END AS lost_reason
FROM seals s
JOIN seal_events e ON e.id = (SELECT max(y.id) FROM seal_events y WHERE y.seal_id = s.id);

CREATE TABLE seal_requests (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  seal_id INTEGER NOT NULL REFERENCES seals (id),
  requested_on TEXT NOT NULL,
  doc TEXT NOT NULL CHECK (trim(doc) <> ''),
  unit TEXT NOT NULL CHECK (trim(unit) <> ''),
  purpose TEXT NOT NULL CHECK (trim(purpose) <> ''),
  count INTEGER NOT NULL CHECK (count >= 1),
  requester TEXT,
  note TEXT,
  UNIQUE (year, serial)
);
CREATE TABLE seal_request_events (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES seal_requests (id),
  kind TEXT NOT NULL CHECK (kind IN ('批准', '驳回', '撤销')),
  on_date TEXT NOT NULL,
  approver TEXT,
  count INTEGER CHECK (count >= 1),
  reason TEXT,
  CHECK (kind <> '批准' OR (approver IS NOT NULL AND count IS NOT NULL))
);
CREATE UNIQUE INDEX seal_request_one_decision ON seal_request_events (request_id) WHERE kind IN ('批准', '驳回');
CREATE TABLE seal_stamps (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES seal_requests (id),
  seal_id INTEGER NOT NULL REFERENCES seals (id),
  stamped_on TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 1),
  handler TEXT NOT NULL CHECK (trim(handler) <> ''),
  custodian TEXT,
  note TEXT
);
CREATE INDEX seal_stamps_request ON seal_stamps (request_id);
CREATE INDEX seal_stamps_date ON seal_stamps (stamped_on, id);
CREATE TRIGGER seal_stamps_within_approval BEFORE INSERT ON seal_stamps
WHEN NEW.count + COALESCE((SELECT sum(count) FROM seal_stamps WHERE request_id = NEW.request_id), 0)
     > COALESCE((SELECT count FROM seal_request_events WHERE request_id = NEW.request_id AND kind = '批准'), 0)
BEGIN SELECT RAISE(ABORT, 'seal_stamps: more than the approved count'); END;
CREATE VIEW seal_request_current AS
SELECT r.*, sl.code AS seal_code, sl.name AS seal_name,
       a.approver, a.count AS approved, a.on_date AS approved_on,
       d.reason AS decision_reason,
       COALESCE((SELECT sum(st.count) FROM seal_stamps st WHERE st.request_id = r.id), 0) AS stamped,
       CASE
         WHEN EXISTS (SELECT 1 FROM seal_request_events c WHERE c.request_id = r.id AND c.kind = '撤销') THEN '已撤销'
         WHEN d.kind = '驳回' THEN '已驳回'
         WHEN a.id IS NULL THEN '待批准'
         WHEN COALESCE((SELECT sum(st.count) FROM seal_stamps st WHERE st.request_id = r.id), 0) >= a.count THEN '已用印'
         WHEN EXISTS (SELECT 1 FROM seal_stamps st WHERE st.request_id = r.id) THEN '部分用印'
         ELSE '已批准'
       END AS state
FROM seal_requests r
JOIN seals sl ON sl.id = r.seal_id
LEFT JOIN seal_request_events d ON d.request_id = r.id AND d.kind IN ('批准', '驳回')
LEFT JOIN seal_request_events a ON a.request_id = r.id AND a.kind = '批准';
${appendOnly('seals')}
${appendOnly('seal_events')}
${appendOnly('seal_requests')}
${appendOnly('seal_request_events')}
${appendOnly('seal_stamps')}`);
    },
  },
  {
    // 001 stays as it was: databases made by an older build get this on their next open
    id: 'seal:002-stamp-voids',
    up(db) {
      db.exec(`
CREATE TABLE seal_stamp_voids (
  id INTEGER PRIMARY KEY,
  stamp_id INTEGER NOT NULL UNIQUE REFERENCES seal_stamps (id),
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (trim(reason) <> ''),
  approver TEXT NOT NULL CHECK (trim(approver) <> '')
);
DROP TRIGGER seal_stamps_within_approval;
CREATE TRIGGER seal_stamps_within_approval BEFORE INSERT ON seal_stamps
WHEN NEW.count + COALESCE((SELECT sum(st.count) FROM seal_stamps st WHERE st.request_id = NEW.request_id
                            AND NOT EXISTS (SELECT 1 FROM seal_stamp_voids v WHERE v.stamp_id = st.id)), 0)
     > COALESCE((SELECT count FROM seal_request_events WHERE request_id = NEW.request_id AND kind = '批准'), 0)
BEGIN SELECT RAISE(ABORT, 'seal_stamps: more than the approved count'); END;
DROP VIEW seal_request_current;
CREATE VIEW seal_request_current AS
SELECT r.*, sl.code AS seal_code, sl.name AS seal_name,
       a.approver, a.count AS approved, a.on_date AS approved_on,
       d.reason AS decision_reason,
       COALESCE((SELECT sum(st.count) FROM seal_stamps st WHERE st.request_id = r.id
                 AND NOT EXISTS (SELECT 1 FROM seal_stamp_voids v WHERE v.stamp_id = st.id)), 0) AS stamped,
       COALESCE((SELECT sum(st.count) FROM seal_stamps st JOIN seal_stamp_voids v ON v.stamp_id = st.id WHERE st.request_id = r.id), 0) AS voided,
       CASE
         WHEN EXISTS (SELECT 1 FROM seal_request_events c WHERE c.request_id = r.id AND c.kind = '撤销') THEN '已撤销'
         WHEN d.kind = '驳回' THEN '已驳回'
         WHEN a.id IS NULL THEN '待批准'
         WHEN COALESCE((SELECT sum(st.count) FROM seal_stamps st WHERE st.request_id = r.id
                        AND NOT EXISTS (SELECT 1 FROM seal_stamp_voids v WHERE v.stamp_id = st.id)), 0) >= a.count THEN '已用印'
         WHEN EXISTS (SELECT 1 FROM seal_stamps st WHERE st.request_id = r.id
                      AND NOT EXISTS (SELECT 1 FROM seal_stamp_voids v WHERE v.stamp_id = st.id)) THEN '部分用印'
         ELSE '已批准'
       END AS state
FROM seal_requests r
JOIN seals sl ON sl.id = r.seal_id
LEFT JOIN seal_request_events d ON d.request_id = r.id AND d.kind IN ('批准', '驳回')
LEFT JOIN seal_request_events a ON a.request_id = r.id AND a.kind = '批准';
${appendOnly('seal_stamp_voids')}`);
    },
  },
  {
    // 重要文件: a request marked important is approved only by a leader (seal.leaders)
    id: 'seal:003-important',
    up(db) {
      db.exec(`ALTER TABLE seal_requests ADD COLUMN important INTEGER NOT NULL DEFAULT 0 CHECK (important IN (0, 1));`);
    },
  },
  {
    // 遗失: to whom the loss was reported (公安机关, 上级) and the public notice declaring it void (登报声明)
    id: 'seal:004-lost-report',
    up(db) {
      db.exec(`ALTER TABLE seal_events ADD COLUMN reported_to TEXT;
ALTER TABLE seal_events ADD COLUMN notice TEXT;`);
    },
  },
  {
    // Indexes that match how the register is read (#16): the period filter on the request date,
    // and a request's events by kind (its approval, its cancellation) for the request's state.
    id: 'seal:005-indexes',
    up(db) {
      db.exec(`
CREATE INDEX seal_requests_requested ON seal_requests (requested_on, id);
CREATE INDEX seal_request_events_kind ON seal_request_events (request_id, kind);`);
    },
  },
  {
    // 用印登记簿的序号 restarts each year (2026-0012). Older lines keep year of date + row id (sql.ts
    // reads them through COALESCE); the unique index guards the new numbers, and the partial index
    // finds the highest old number of a year, after which the year's new lines continue.
    id: 'seal:006-stamp-year-serial',
    up(db) {
      db.exec(`ALTER TABLE seal_stamps ADD COLUMN year INTEGER CHECK (year BETWEEN 1000 AND 9999);
ALTER TABLE seal_stamps ADD COLUMN serial INTEGER CHECK (serial >= 1);
CREATE UNIQUE INDEX seal_stamps_year_serial ON seal_stamps (year, serial) WHERE serial IS NOT NULL;
CREATE INDEX seal_stamps_before_yearly ON seal_stamps (stamped_on, id) WHERE serial IS NULL;`);
    },
  },
];
