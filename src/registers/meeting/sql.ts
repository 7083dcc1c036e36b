/** Every query of the meeting register. */
import { cached as stmt, type DB } from '../../core/db.js';

export interface MeetingRow {
  id: number;
  number: string;
  year: number;
  serial: number;
  title: string;
  starts_at: string;
  ends_at: string;
  room: string;
  host: string;
  agenda: string | null;
  materials: string | null;
  /** JSON list of names. */
  equipment: string | null;
  /** Fen. */
  budget: number | null;
  arrangements: string | null;
  secret_level: string | null;
  secret_period: string | null;
  planner: string;
  state: string;
  notified_on: string | null;
}

export interface AttendeeRow {
  id: number;
  meeting_id: number;
  name: string;
  unit: string | null;
}

export interface ReplyRow {
  person: string;
  answer: string;
  proxy: string | null;
  via: string | null;
}

export interface SigninRow {
  person: string;
  at: string;
  proxy: string | null;
  late: number;
}

export interface PrepRow {
  item: string;
  done: number;
}

export interface DecisionRow {
  id: number;
  meeting_id: number;
  seq: number;
  number: string;
  item: string;
  owner: string;
  due: string;
  meeting_number: string;
  meeting_title: string;
  secret_level: string | null;
  done_on: string | null;
  done_note: string | null;
  reminders: number;
  last_reminder: string | null;
}

export function nextSerial(db: DB, year: number): number {
  return ((stmt(db, 'SELECT max(serial) FROM meetings WHERE year = ?').pluck().get(year) as number | null) ?? 0) + 1;
}

export function meetingByNumber(db: DB, number: string): MeetingRow | undefined {
  return stmt(db, 'SELECT * FROM meeting_current WHERE number = ?').get(number) as MeetingRow | undefined;
}

/** The meetings that hold a room (awaiting approval or approved) in it, for the clash check. */
export function bookingsOfRoom(db: DB, room: string): MeetingRow[] {
  return stmt(db, "SELECT * FROM meeting_current WHERE room = ? AND state IN ('待审批', '已批准') ORDER BY starts_at, id").all(room) as MeetingRow[];
}

/** Every meeting that starts on one day (yyyy-MM-dd), by room and time. */
export function meetingsOn(db: DB, day: string): MeetingRow[] {
  return stmt(db, 'SELECT * FROM meeting_current WHERE substr(starts_at, 1, 10) = ? ORDER BY room, starts_at, id').all(day) as MeetingRow[];
}

/** Meetings in a state, oldest first. */
export function meetingsIn(db: DB, states: readonly string[]): MeetingRow[] {
  const all = stmt(db, 'SELECT * FROM meeting_current ORDER BY starts_at, id').all() as MeetingRow[];
  return all.filter((m) => states.includes(m.state));
}

export function attendeesOf(db: DB, meetingId: number): AttendeeRow[] {
  return stmt(db, 'SELECT * FROM meeting_attendees WHERE meeting_id = ? ORDER BY id').all(meetingId) as AttendeeRow[];
}

/** Each person's latest answer to the notice. */
export function repliesOf(db: DB, meetingId: number): Map<string, ReplyRow> {
  const rows = stmt(db, 'SELECT person, answer, proxy, via FROM meeting_replies WHERE meeting_id = ? ORDER BY id').all(meetingId) as ReplyRow[];
  return new Map(rows.map((r) => [r.person, r]));
}

export function signinsOf(db: DB, meetingId: number): Map<string, SigninRow> {
  const rows = stmt(db, 'SELECT person, at, proxy, late FROM meeting_signins WHERE meeting_id = ? ORDER BY id').all(meetingId) as SigninRow[];
  return new Map(rows.map((r) => [r.person, r]));
}

/** The checklist: each item once, as its latest row says, in the order first written. */
export function prepOf(db: DB, meetingId: number): PrepRow[] {
  const rows = stmt(db, 'SELECT item, done FROM meeting_prep WHERE meeting_id = ? ORDER BY id').all(meetingId) as PrepRow[];
  const items = new Map<string, PrepRow>();
  for (const r of rows) items.set(r.item, r);
  return [...items.values()];
}

export function decisionByNumber(db: DB, number: string): DecisionRow | undefined {
  return stmt(db, 'SELECT * FROM meeting_decision_current WHERE number = ?').get(number) as DecisionRow | undefined;
}

export function nextDecisionSeq(db: DB, meetingId: number): number {
  return ((stmt(db, 'SELECT max(seq) FROM meeting_decisions WHERE meeting_id = ?').pluck().get(meetingId) as number | null) ?? 0) + 1;
}

export function decisions(db: DB, f: { meetingId?: number; open?: boolean; owner?: string } = {}): DecisionRow[] {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.meetingId !== undefined) parts.push('meeting_id = @meeting'), (params.meeting = f.meetingId);
  if (f.open) parts.push('done_on IS NULL');
  if (f.owner !== undefined) parts.push('owner = @owner'), (params.owner = f.owner);
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  return db.prepare(`SELECT * FROM meeting_decision_current ${where} ORDER BY due, meeting_id, seq`).all(params) as DecisionRow[];
}

export function lastEventOf(db: DB, meetingId: number, kind: string): { on_date: string; data: string | null; reason: string | null } | undefined {
  return stmt(db, 'SELECT on_date, data, reason FROM meeting_events WHERE meeting_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(meetingId, kind) as
    | { on_date: string; data: string | null; reason: string | null }
    | undefined;
}

export interface MinutesRow {
  id: number;
  year: number;
  serial: number;
  drafter: string;
  summary: string;
}

/** The latest draft of a meeting's minutes. */
export function minutesOf(db: DB, meetingId: number): MinutesRow | undefined {
  return stmt(db, 'SELECT id, year, serial, drafter, summary FROM meeting_minutes WHERE meeting_id = ? ORDER BY id DESC LIMIT 1').get(meetingId) as MinutesRow | undefined;
}

export function nextMinutesSerial(db: DB, year: number): number {
  return ((stmt(db, 'SELECT max(serial) FROM meeting_minutes WHERE year = ?').pluck().get(year) as number | null) ?? 0) + 1;
}

/** Numbered copies issued and recovered. */
export function materialsOf(db: DB, meetingId: number): { issued: number; recovered: number } {
  return stmt(db, "SELECT COALESCE(sum(CASE WHEN kind = 'issued' THEN copies END), 0) AS issued, COALESCE(sum(CASE WHEN kind = 'recovered' THEN copies END), 0) AS recovered FROM meeting_materials WHERE meeting_id = ?").get(meetingId) as {
    issued: number;
    recovered: number;
  };
}

export interface ExpenseRow {
  id: number;
  item: string;
  amount: number;
  invoice: string | null;
}

export function expensesOf(db: DB, meetingId: number): ExpenseRow[] {
  return stmt(db, 'SELECT id, item, amount, invoice FROM meeting_expenses WHERE meeting_id = ? ORDER BY id').all(meetingId) as ExpenseRow[];
}

/** Every journal entry about one meeting (its plan, attendees, events, replies, sign-ins, checklist, decisions, minutes, materials, expenses), oldest first. */
export function journalOf(db: DB, meetingId: number): { seq: number; at: string; operator: string; action: string; reason: string | null }[] {
  const child = (table: string) => `(j.tbl = '${table}' AND j.row_id IN (SELECT id FROM ${table} WHERE meeting_id = @id))`;
  const tables = ['meeting_attendees', 'meeting_events', 'meeting_replies', 'meeting_signins', 'meeting_prep', 'meeting_decisions', 'meeting_minutes', 'meeting_materials', 'meeting_expenses'];
  return db
    .prepare(
      `SELECT j.seq, j.at, j.operator, j.action, j.reason FROM journal j
       WHERE (j.tbl = 'meetings' AND j.row_id = @id) OR ${tables.map(child).join(' OR ')}
          OR (j.tbl = 'meeting_decision_events' AND j.row_id IN (SELECT e.id FROM meeting_decision_events e JOIN meeting_decisions d ON d.id = e.decision_id WHERE d.meeting_id = @id))
       ORDER BY j.seq`,
    )
    .all({ id: meetingId }) as { seq: number; at: string; operator: string; action: string; reason: string | null }[];
}
