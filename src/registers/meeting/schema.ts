/**
 * 会务 — meetings. Every table is append-only:
 * - meetings: the plan (会议方案) and its number HY2026-0001, one series per year;
 * - meeting_attendees: who is to attend (应到), with their unit or post (单位/职务);
 * - meeting_events: steps that move or mark the meeting (approve, return, notify, close), with
 *   the state after it when the step changes it; the state is that of the latest such event;
 * - meeting_replies: answers to the notice (回执): 参加, 请假, 代参 (with the proxy); the latest counts;
 * - meeting_signins: 签到, one per attendee, late when after the start;
 * - meeting_prep: the 会前 checklist; an item's latest row says whether it is done;
 * - meeting_decisions: 决议事项 (owner, due), numbered HY2026-0001-1 within the meeting;
 * - meeting_decision_events: 办结 (done) and 督办 (remind) notes on a decision.
 * After the meeting:
 * - meeting_minutes: 纪要 drafts (the latest counts), numbered per year when first drafted;
 *   approval (领导审签) and sending (分发) are meeting_events;
 * - meeting_materials: numbered classified materials issued and recovered (counts);
 * - meeting_expenses: 费用, each an item, an amount in fen and an invoice number;
 *   settlement (结算) is a meeting_event.
 */
import { appendOnly, type Migration } from '../../core/db.js';

export const tables = ['meetings', 'meeting_attendees', 'meeting_events', 'meeting_replies', 'meeting_signins', 'meeting_prep', 'meeting_decisions', 'meeting_decision_events', 'meeting_minutes', 'meeting_materials', 'meeting_expenses'];

export const migrations: Migration[] = [
  {
    id: 'meeting:001-register',
    up(db) {
      db.exec(`
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  title TEXT NOT NULL CHECK (trim(title) <> ''),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  room TEXT NOT NULL CHECK (trim(room) <> ''),
  host TEXT NOT NULL CHECK (trim(host) <> ''),
  agenda TEXT,
  materials TEXT,
  equipment TEXT,
  budget INTEGER CHECK (budget >= 0),
  arrangements TEXT,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  planner TEXT NOT NULL,
  UNIQUE (year, serial)
);
CREATE INDEX meetings_room ON meetings (room, starts_at);
CREATE TABLE meeting_attendees (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  unit TEXT,
  UNIQUE (meeting_id, name)
);
CREATE TABLE meeting_events (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  kind TEXT NOT NULL,
  state TEXT,
  on_date TEXT NOT NULL,
  data TEXT,
  reason TEXT
);
CREATE INDEX meeting_events_meeting ON meeting_events (meeting_id, id);
CREATE TABLE meeting_replies (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  person TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('参加', '请假', '代参')),
  proxy TEXT,
  via TEXT,
  CHECK ((answer = '代参') = (proxy IS NOT NULL))
);
CREATE INDEX meeting_replies_person ON meeting_replies (meeting_id, person, id);
CREATE TABLE meeting_signins (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  person TEXT NOT NULL,
  at TEXT NOT NULL,
  proxy TEXT,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  UNIQUE (meeting_id, person)
);
CREATE TABLE meeting_prep (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  item TEXT NOT NULL CHECK (trim(item) <> ''),
  done INTEGER NOT NULL CHECK (done IN (0, 1))
);
CREATE INDEX meeting_prep_item ON meeting_prep (meeting_id, item, id);
CREATE TABLE meeting_decisions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  number TEXT NOT NULL UNIQUE,
  item TEXT NOT NULL CHECK (trim(item) <> ''),
  owner TEXT NOT NULL CHECK (trim(owner) <> ''),
  due TEXT NOT NULL,
  UNIQUE (meeting_id, seq)
);
CREATE TABLE meeting_decision_events (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES meeting_decisions (id),
  kind TEXT NOT NULL CHECK (kind IN ('done', 'remind')),
  on_date TEXT NOT NULL,
  note TEXT NOT NULL CHECK (trim(note) <> '')
);
CREATE UNIQUE INDEX meeting_decision_done_once ON meeting_decision_events (decision_id) WHERE kind = 'done';
CREATE VIEW meeting_current AS
SELECT m.*,
       COALESCE((SELECT e.state FROM meeting_events e WHERE e.meeting_id = m.id AND e.state IS NOT NULL ORDER BY e.id DESC LIMIT 1), '待审批') AS state,
       (SELECT e.on_date FROM meeting_events e WHERE e.meeting_id = m.id AND e.kind = 'notify' ORDER BY e.id LIMIT 1) AS notified_on
FROM meetings m;
CREATE VIEW meeting_decision_current AS
SELECT d.*, m.number AS meeting_number, m.title AS meeting_title, m.secret_level,
       (SELECT x.on_date FROM meeting_decision_events x WHERE x.decision_id = d.id AND x.kind = 'done') AS done_on,
       (SELECT x.note FROM meeting_decision_events x WHERE x.decision_id = d.id AND x.kind = 'done') AS done_note,
       (SELECT count(*) FROM meeting_decision_events x WHERE x.decision_id = d.id AND x.kind = 'remind') AS reminders,
       (SELECT max(x.on_date) FROM meeting_decision_events x WHERE x.decision_id = d.id AND x.kind = 'remind') AS last_reminder
FROM meeting_decisions d
JOIN meetings m ON m.id = d.meeting_id;
CREATE TABLE meeting_minutes (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  drafter TEXT NOT NULL CHECK (trim(drafter) <> ''),
  summary TEXT NOT NULL CHECK (trim(summary) <> '')
);
CREATE INDEX meeting_minutes_meeting ON meeting_minutes (meeting_id, id);
CREATE INDEX meeting_minutes_serial ON meeting_minutes (year, serial);
CREATE TABLE meeting_materials (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  kind TEXT NOT NULL CHECK (kind IN ('issued', 'recovered')),
  copies INTEGER NOT NULL CHECK (copies >= 1)
);
CREATE TABLE meeting_expenses (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  item TEXT NOT NULL CHECK (trim(item) <> ''),
  amount INTEGER NOT NULL CHECK (amount >= 1),
  invoice TEXT
);
${tables.map(appendOnly).join('\n')}`);
    },
  },
  {
    // Indexes that match how the register is read (#16): the book's order and period filter by
    // the start time; the decisions' order by due date, and a decision's events by kind (done,
    // reminders) for its state.
    id: 'meeting:002-indexes',
    up(db) {
      db.exec(`
CREATE INDEX meetings_starts ON meetings (starts_at, id);
CREATE INDEX meeting_decision_events_kind ON meeting_decision_events (decision_id, kind, on_date);
CREATE INDEX meeting_decisions_due ON meeting_decisions (due, meeting_id, seq);`);
    },
  },
];
