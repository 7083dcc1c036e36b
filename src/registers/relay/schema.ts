/**
 * 信息传达登记簿. An entry (a passing-on down, or a report up) is one row of relay_entries,
 * written once; what happens to it afterwards — a recipient's confirmation (确认), the report
 * being sent (报送), a void (作废) — is a row of relay_events. Both are append-only.
 */
import { appendOnly, type Migration } from '../../core/db.js';

export const tables = ['relay_entries', 'relay_events'];

export const migrations: Migration[] = [
  {
    id: 'relay:001-register',
    up(db) {
      db.exec(`
CREATE TABLE relay_entries (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  series TEXT NOT NULL CHECK (series IN ('CD', 'SB', 'MCD', 'MSB')),
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  direction TEXT NOT NULL CHECK (direction IN ('下达', '上报')),
  at TEXT NOT NULL,
  on_date TEXT NOT NULL,
  party TEXT NOT NULL CHECK (party <> ''),
  caller TEXT,
  channel TEXT CHECK (channel IN ('电话', '口头', '短信', '会议', '文件', '机要', '专人')),
  summary TEXT NOT NULL CHECK (summary <> ''),
  recipients TEXT,
  important INTEGER NOT NULL CHECK (important IN (0, 1)),
  confirm_by TEXT,
  deadline TEXT,
  secret_level TEXT CHECK (secret_level IN ('秘密', '机密', '绝密')),
  secret_period TEXT,
  circle TEXT,
  note TEXT,
  UNIQUE (series, year, serial),
  CHECK ((direction = '下达') = (recipients IS NOT NULL))
);
CREATE INDEX relay_entries_on ON relay_entries (on_date, id);
CREATE TABLE relay_events (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES relay_entries (id),
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'sent', 'void')),
  person TEXT,
  at TEXT NOT NULL,
  reason TEXT,
  CHECK ((kind = 'confirm') = (person IS NOT NULL))
);
CREATE INDEX relay_events_entry ON relay_events (entry_id, kind, id);
${appendOnly('relay_entries')}
${appendOnly('relay_events')}`);
    },
  },
];
