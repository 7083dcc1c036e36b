/**
 * Notice, replies and sign-in (会议通知, 回执, 签到), and the attendance they add up to.
 *
 * Attendance (出席情况) of a meeting, from its list of attendees (应到):
 *   实到  signed in (in person or by a proxy who signed for them);
 *   迟到  signed in after the start (counted in 实到 too);
 *   请假  not signed in, and their latest answer to the notice is 请假;
 *   缺席  not signed in, and not excused.
 * So 实到 + 请假 + 缺席 = 应到.
 */
import { formatDate, formatTimestamp, shortMoment } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { dataError, required, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { getMeeting, postEvent, REGISTER, requireApproved, requireAttendee } from './rules.js';
import { attendeesOf, repliesOf, signinsOf, type MeetingRow } from './sql.js';

export const ANSWERS = ['参加', '请假', '代参'] as const;
export const CHANNELS = ['电话', '短信', '书面', '系统'] as const;

const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

function checkChannel(via: string | null): void {
  if (via !== null && !(CHANNELS as readonly string[]).includes(via)) throw usageError('meeting.via', { value: via, choices: CHANNELS.join('|') });
}

/** 会议通知: records that the notice went out (how, and on which day). May be sent again. */
export function notifyMeeting(ctx: Ctx, ref: string, f: { via?: string; on?: string } = {}): MeetingRow {
  const via = optional(f.via) ?? '系统';
  checkChannel(via);
  const on = f.on ?? formatDate(ctx.clock.now());
  if (on > formatDate(ctx.clock.now())) throw usageError('meeting.dateInFuture', { date: on, today: formatDate(ctx.clock.now()) });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'notify');
    if (on > row.starts_at.slice(0, 10)) throw usageError('meeting.noticeAfterMeeting', { ref: row.number, date: on, start: shortMoment(row.starts_at) });
    postEvent(ctx, row, 'notify', { on, data: { via } });
    return getMeeting(ctx.db, row.number);
  });
}

export interface Reply {
  person?: string;
  answer?: string;
  proxy?: string;
  via?: string;
}

/** 回执/电话确认: an attendee's answer to the notice; a later answer replaces an earlier one. */
export function confirmAttendance(ctx: Ctx, ref: string, f: Reply): { row: MeetingRow; person: string; answer: string; proxy: string | null } {
  const r = required({ '--person': f.person, '--answer': f.answer });
  const answer = r['--answer'];
  if (!(ANSWERS as readonly string[]).includes(answer)) throw usageError('meeting.answer', { value: answer, choices: ANSWERS.join('|') });
  const proxy = optional(f.proxy);
  if (answer === '代参' && proxy === null) throw usageError('meeting.proxyRequired');
  if (answer !== '代参' && proxy !== null) throw usageError('meeting.proxyOnlyForProxy', { answer });
  if (proxy !== null && proxy === r['--person']) throw usageError('meeting.proxyIsSelf', { name: proxy });
  const via = optional(f.via);
  checkChannel(via);
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'confirm');
    if (row.notified_on === null) throw dataError('meeting.notNotified', { ref: row.number, verb: 'confirm' });
    requireAttendee(ctx.db, row, r['--person']);
    post(ctx, { register: REGISTER, action: 'confirm', table: 'meeting_replies', values: { meeting_id: row.id, person: r['--person'], answer, proxy, via } });
    return { row, person: r['--person'], answer, proxy };
  });
}

/** Attendees who have not answered the notice, in list order. */
export function unconfirmed(db: DB, row: MeetingRow): { name: string; unit: string | null }[] {
  const replies = repliesOf(db, row.id);
  return attendeesOf(db, row.id)
    .filter((a) => !replies.has(a.name))
    .map((a) => ({ name: a.name, unit: a.unit }));
}

/** 签到: an attendee signs in once (or a proxy for them); after the start it counts as late. */
export function signIn(ctx: Ctx, ref: string, f: { person?: string; at?: string; proxy?: string }): { row: MeetingRow; person: string; late: boolean; at: string } {
  const person = required({ '--person': f.person })['--person'];
  const proxy = optional(f.proxy);
  if (proxy !== null && proxy === person) throw usageError('meeting.proxyIsSelf', { name: proxy });
  const now = formatTimestamp(ctx.clock.now());
  const at = f.at ?? now;
  if (Date.parse(at) > Date.parse(now)) throw usageError('meeting.signinInFuture', { at: shortMoment(at), now: shortMoment(now) });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'signin');
    requireAttendee(ctx.db, row, person);
    if (at.slice(0, 10) !== row.starts_at.slice(0, 10) || Date.parse(at) >= Date.parse(row.ends_at))
      throw usageError('meeting.signinOutsideMeeting', { ref: row.number, at: shortMoment(at), start: shortMoment(row.starts_at), end: shortMoment(row.ends_at).slice(11) });
    const before = signinsOf(ctx.db, row.id).get(person);
    if (before) throw dataError('meeting.alreadySignedIn', { ref: row.number, name: person, at: shortMoment(before.at) });
    const late = Date.parse(at) > Date.parse(row.starts_at);
    post(ctx, { register: REGISTER, action: 'signin', table: 'meeting_signins', values: { meeting_id: row.id, person, at, proxy, late: late ? 1 : 0 } });
    return { row, person, late, at };
  });
}

export interface Attendance {
  expected: string[];
  present: string[];
  excused: string[];
  absent: string[];
  late: string[];
  /** Who signed in for whom (attendee → proxy). */
  proxies: Record<string, string>;
}

/** 应到/实到/请假/缺席/迟到, each with its names in list order, and who signed in for whom. */
export function attendanceOf(db: DB, row: MeetingRow): Attendance {
  const replies = repliesOf(db, row.id);
  const signins = signinsOf(db, row.id);
  const a: Attendance = { expected: [], present: [], excused: [], absent: [], late: [], proxies: {} };
  for (const { name } of attendeesOf(db, row.id)) {
    a.expected.push(name);
    const s = signins.get(name);
    if (s) {
      a.present.push(name);
      if (s.proxy) a.proxies[name] = s.proxy;
      if (s.late) a.late.push(name);
    } else if (replies.get(name)?.answer === '请假') a.excused.push(name);
    else a.absent.push(name);
  }
  return a;
}
