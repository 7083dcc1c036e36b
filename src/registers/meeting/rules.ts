/**
 * The rules of the meeting register (会务): plain functions over the database, no I/O.
 * This file: the plan (会议方案), room clashes, approval, and what the other steps share.
 * attendance.ts holds notice, replies and sign-in; followup.ts the checklist and decisions.
 *
 * THE STATE MACHINE. The state is that of the latest meeting_events row that carries one;
 * with none it is 待审批.
 *
 *   plan ─► 待审批 ─ approve --approver (not the planner) ─► 已批准
 *              └──── approve --return --reason ─► 退回                         (final)
 *   已批准 ─ close (after.ts: over, copies back, minutes approved, expenses settled) ─► 已结束 (final)
 *
 * Every verb after approval (notify, confirm, signin, prepare, decide) needs 已批准, and a
 * refusal names the step that must come first. confirm needs the notice (notify) too.
 * A meeting awaiting approval or approved holds its room: another meeting whose room and time
 * overlap it is refused, naming it. A returned meeting frees its room.
 */
import { dateOf, formatDate, shortMoment } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { dataError, requireReason, required, usageError } from '../../core/errors.js';
import { post, type Ctx, type Posted } from '../../core/journal.js';
import { formatClassification, maskedTitle, parseClassification } from '../../core/secret.js';
import { entryNumber, splitList } from '../../core/typed.js';
import { attendeesOf, bookingsOfRoom, meetingByNumber, nextSerial, type MeetingRow } from './sql.js';

export const REGISTER = 'meeting';
export const STATES = ['待审批', '已批准', '退回', '已结束'] as const;
/** The longest a meeting may run: a plan that ends days after it starts is a typing mistake. */
export const MAX_HOURS = 24 * 7;

export interface Attendee {
  name: string;
  unit?: string | null;
}

export interface PlanFields {
  title?: string;
  /** Stored timestamps (parseMoment). */
  start?: string;
  end?: string;
  room?: string;
  host?: string;
  attendees?: Attendee[];
  agenda?: string;
  materials?: string;
  equipment?: string[];
  /** Fen. */
  budget?: number | null;
  arrangements?: string;
  /** `秘密★5年`, `机密`, … */
  secret?: string;
}

export function formatNumber(year: number, serial: number): string {
  return `HY${year}-${String(serial).padStart(4, '0')}`;
}

/** Finds a meeting by its number: HY2026-0001, hy2026-1, full-width ＨＹ２０２６－０００１. */
export function getMeeting(db: DB, ref: string): MeetingRow {
  const number = entryNumber(ref, ['HY']);
  const row = number === null ? undefined : meetingByNumber(db, number);
  if (!row) throw dataError('meeting.notFound', { ref: ref.trim() });
  return row;
}

/** The title as lists show it: a classified title is masked unless revealed. */
export function shownTitle(row: Pick<MeetingRow, 'title' | 'secret_level'>, reveal = false): string {
  return row.secret_level !== null && !reveal ? maskedTitle(row.secret_level) : row.title;
}

export function classificationOf(row: MeetingRow): string {
  return formatClassification(row.secret_level, row.secret_period);
}

const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const overlaps = (a: { starts_at: string; ends_at: string }, start: string, end: string) => Date.parse(a.starts_at) < Date.parse(end) && Date.parse(start) < Date.parse(a.ends_at);

/** Attendees as given: names trimmed, a blank or a repeated name refused. */
export function checkAttendees(list: Attendee[]): Attendee[] {
  const seen = new Set<string>();
  return list.map((a) => {
    const name = a.name.trim();
    if (name === '') throw usageError('meeting.blankAttendee');
    if (seen.has(name)) throw usageError('meeting.repeatedAttendee', { name });
    seen.add(name);
    return { name, unit: optional(a.unit ?? undefined) };
  });
}

/** Names typed as `A,B，C、D` (and repeated flags) as attendees without a unit. */
export function attendeesFromList(values: string | string[] | undefined): Attendee[] {
  return splitList(values).map((name) => ({ name }));
}

/** Refuses a room and time that overlap a meeting awaiting approval or approved, naming it. */
function checkRoom(db: DB, room: string, start: string, end: string): void {
  const other = bookingsOfRoom(db, room).find((m) => overlaps(m, start, end));
  if (other)
    throw dataError('meeting.roomClash', { room, number: other.number, title: shownTitle(other), from: shortMoment(other.starts_at), to: shortMoment(other.ends_at).slice(11) });
}

/** 会议方案: records the plan and gives it the next number of its year (HY2026-0001), without gaps. */
export function planMeeting(ctx: Ctx, f: PlanFields): MeetingRow {
  const r = required({ '--title': f.title, '--start': f.start, '--end': f.end, '--room': f.room, '--host': f.host });
  const [start, end] = [r['--start'], r['--end']];
  if (Date.parse(end) <= Date.parse(start)) throw usageError('meeting.endBeforeStart', { start: shortMoment(start), end: shortMoment(end) });
  if (Date.parse(end) - Date.parse(start) > MAX_HOURS * 3_600_000) throw usageError('meeting.tooLong', { start: shortMoment(start), end: shortMoment(end), days: MAX_HOURS / 24 });
  const attendees = checkAttendees(f.attendees ?? []);
  const c = f.secret === undefined || f.secret.trim() === '' ? null : parseClassification(f.secret);
  const equipment = splitList(f.equipment).filter((e) => e !== '');
  if (f.budget !== undefined && f.budget !== null && (!Number.isSafeInteger(f.budget) || f.budget < 0)) throw usageError('meeting.budget', { value: f.budget });
  return writeTx(ctx.db, () => {
    checkRoom(ctx.db, r['--room'], start, end);
    const year = dateOf(start).getFullYear();
    const serial = nextSerial(ctx.db, year);
    const number = formatNumber(year, serial);
    const m = post(ctx, {
      register: REGISTER,
      action: 'plan',
      table: 'meetings',
      values: {
        number,
        year,
        serial,
        title: r['--title'],
        starts_at: start,
        ends_at: end,
        room: r['--room'],
        host: r['--host'],
        agenda: optional(f.agenda),
        materials: optional(f.materials),
        equipment: equipment.length ? JSON.stringify(equipment) : null,
        budget: f.budget ?? null,
        arrangements: optional(f.arrangements),
        secret_level: c?.level ?? null,
        secret_period: c?.period ?? null,
        planner: ctx.operator,
      },
    });
    for (const a of attendees) post(ctx, { register: REGISTER, action: 'plan', table: 'meeting_attendees', values: { meeting_id: m.id, name: a.name, unit: a.unit } });
    return getMeeting(ctx.db, number);
  });
}

/** Posts one event of a meeting. Call inside writeTx. */
export function postEvent(ctx: Ctx, row: MeetingRow, kind: string, e: { state?: string; data?: Record<string, unknown>; reason?: string; on?: string } = {}): Posted {
  return post(ctx, {
    register: REGISTER,
    action: kind,
    table: 'meeting_events',
    values: { meeting_id: row.id, kind, state: e.state ?? null, on_date: e.on ?? formatDate(ctx.clock.now()), data: e.data ?? null, reason: e.reason ?? null },
    reason: e.reason ?? null,
  });
}

/** 方案报批: approves a plan awaiting approval. The approver is not the one who planned it. */
export function approveMeeting(ctx: Ctx, ref: string, f: { approver?: string }): MeetingRow {
  const approver = required({ '--approver': f.approver })['--approver'];
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    if (row.state !== '待审批') throw dataError('meeting.notPending', { ref: row.number, state: row.state });
    if (approver === row.planner) throw dataError('meeting.approverIsPlanner', { ref: row.number, name: approver });
    postEvent(ctx, row, 'approve', { state: '已批准', data: { approver } });
    return getMeeting(ctx.db, row.number);
  });
}

/** 退回: the plan goes back to its planner with a reason; the room is free again. */
export function returnMeeting(ctx: Ctx, ref: string, f: { approver?: string; reason?: string }): MeetingRow {
  const why = requireReason(f.reason);
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    if (row.state !== '待审批') throw dataError('meeting.notPending', { ref: row.number, state: row.state });
    postEvent(ctx, row, 'return', { state: '退回', reason: why, data: { approver: optional(f.approver) } });
    return getMeeting(ctx.db, row.number);
  });
}

/**
 * Refuses a step before the plan is approved, or on a returned meeting, naming what must come first.
 * `verb` is the step asked for, as the user typed it.
 */
export function requireApproved(row: MeetingRow, verb: string): void {
  if (row.state === '待审批') throw dataError('meeting.notApproved', { ref: row.number, verb });
  if (row.state !== '已批准') throw dataError('meeting.wrongState', { ref: row.number, state: row.state, verb });
}

/** Refuses a name that is not on the meeting's list of attendees. */
export function requireAttendee(db: DB, row: MeetingRow, person: string): void {
  if (!attendeesOf(db, row.id).some((a) => a.name === person)) throw dataError('meeting.notAttendee', { ref: row.number, name: person });
}

