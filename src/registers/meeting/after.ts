/**
 * After the meeting (会后工作): minutes (纪要) drafted, approved (领导审签) and sent (分发);
 * numbered classified materials issued and recovered; expenses recorded and settled against
 * the budget (结算); and closing. Where each is allowed (anything else is refused, exit 1,
 * naming the step that must come first):
 *   minutes          approved meeting that has started; again until the minutes are approved
 *   minutes-approve  minutes drafted; the approver is not the drafter; once
 *   minutes-send     minutes approved
 *   materials        classified meeting, approved; never more recovered than are out
 *   expense          approved meeting, not settled
 *   settle           at least one expense; once
 *   close            meeting over; no numbered copy out; drafted minutes approved; expenses settled
 *                    → 已结束 (final). Decisions stay open and followed up after the close.
 */
import { formatTimestamp, shortMoment } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { dataError, required, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { splitList } from '../../core/typed.js';
import { getMeeting, postEvent, REGISTER, requireApproved } from './rules.js';
import { expensesOf, lastEventOf, materialsOf, minutesOf, nextMinutesSerial, type MeetingRow, type MinutesRow } from './sql.js';

/** The most copies one issue or recovery may name, and the largest expense in fen (9 999 999.99 yuan). */
export const MAX_COPIES = 9999;
export const MAX_AMOUNT_FEN = 999_999_999;

/** `〔2026〕3号`: how minutes are numbered, one series a year. */
export const minutesNumber = (m: Pick<MinutesRow, 'year' | 'serial'>) => `〔${m.year}〕${m.serial}号`;

function requireHeld(ctx: Ctx, row: MeetingRow, verb: string): void {
  if (Date.parse(formatTimestamp(ctx.clock.now())) < Date.parse(row.starts_at)) throw dataError('meeting.notHeldYet', { ref: row.number, start: shortMoment(row.starts_at), verb });
}

export interface MinutesState {
  minutes: MinutesRow | undefined;
  approvedBy: string | null;
  sentTo: string[] | null;
}

export function minutesState(db: DB, row: MeetingRow): MinutesState {
  const minutes = minutesOf(db, row.id);
  const approve = lastEventOf(db, row.id, 'minutes-approve');
  const send = lastEventOf(db, row.id, 'minutes-send');
  return {
    minutes,
    approvedBy: approve?.data ? (JSON.parse(approve.data) as { approver: string }).approver : null,
    sentTo: send?.data ? (JSON.parse(send.data) as { to: string[] }).to : null,
  };
}

/** 纪要: a draft (or a new draft) of the minutes; numbered when first drafted. */
export function draftMinutes(ctx: Ctx, ref: string, f: { drafter?: string; summary?: string }): { row: MeetingRow; minutes: MinutesRow } {
  const r = required({ '--drafter': f.drafter, '--summary': f.summary });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'minutes');
    requireHeld(ctx, row, 'minutes');
    const state = minutesState(ctx.db, row);
    if (state.approvedBy !== null) throw dataError('meeting.minutesApproved', { ref: row.number, approver: state.approvedBy });
    const year = state.minutes?.year ?? row.year;
    const serial = state.minutes?.serial ?? nextMinutesSerial(ctx.db, year);
    post(ctx, { register: REGISTER, action: 'minutes', table: 'meeting_minutes', values: { meeting_id: row.id, year, serial, drafter: r['--drafter'], summary: r['--summary'] } });
    return { row, minutes: minutesOf(ctx.db, row.id)! };
  });
}

/** 领导审签: the minutes are approved by someone other than their drafter. */
export function approveMinutes(ctx: Ctx, ref: string, f: { approver?: string }): { row: MeetingRow; minutes: MinutesRow } {
  const approver = required({ '--approver': f.approver })['--approver'];
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'minutes-approve');
    const state = minutesState(ctx.db, row);
    if (!state.minutes) throw dataError('meeting.noMinutes', { ref: row.number, verb: 'minutes-approve' });
    if (state.approvedBy !== null) throw dataError('meeting.minutesApproved', { ref: row.number, approver: state.approvedBy });
    if (approver === state.minutes.drafter) throw dataError('meeting.approverIsDrafter', { ref: row.number, name: approver });
    postEvent(ctx, row, 'minutes-approve', { data: { approver } });
    return { row, minutes: state.minutes };
  });
}

/** 分发: approved minutes go to the units named. */
export function sendMinutes(ctx: Ctx, ref: string, f: { to?: string[] }): { row: MeetingRow; to: string[] } {
  const to = [...new Set(splitList(f.to).filter((x) => x !== ''))];
  if (to.length === 0) throw usageError('input.missing', { flags: '--to' });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'minutes-send');
    const state = minutesState(ctx.db, row);
    if (!state.minutes) throw dataError('meeting.noMinutes', { ref: row.number, verb: 'minutes-send' });
    if (state.approvedBy === null) throw dataError('meeting.minutesNotApproved', { ref: row.number, verb: 'minutes-send' });
    postEvent(ctx, row, 'minutes-send', { data: { to } });
    return { row, to };
  });
}

/** Numbered classified materials handed out (issued) or taken back (recovered); returns the copies still out. */
export function moveMaterials(ctx: Ctx, ref: string, f: { issued?: number; recovered?: number }): { row: MeetingRow; out: number } {
  if ((f.issued === undefined) === (f.recovered === undefined)) throw usageError('meeting.materialsOneOf');
  const copies = (f.issued ?? f.recovered)!;
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw usageError('meeting.copies', { value: copies, max: MAX_COPIES });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    if (row.secret_level === null) throw dataError('meeting.materialsOnlyClassified', { ref: row.number });
    requireApproved(row, 'materials');
    const m = materialsOf(ctx.db, row.id);
    const out = m.issued - m.recovered;
    if (f.recovered !== undefined && f.recovered > out) throw dataError('meeting.recoverTooMany', { ref: row.number, count: f.recovered, out });
    post(ctx, { register: REGISTER, action: 'materials', table: 'meeting_materials', values: { meeting_id: row.id, kind: f.issued !== undefined ? 'issued' : 'recovered', copies } });
    return { row, out: out + (f.issued ?? -copies) };
  });
}

function settlement(db: DB, row: MeetingRow): { approver: string; spent: number } | null {
  const e = lastEventOf(db, row.id, 'settle');
  return e?.data ? (JSON.parse(e.data) as { approver: string; spent: number }) : null;
}

/** 费用: one expense of the meeting, before settlement. */
export function addExpense(ctx: Ctx, ref: string, f: { item?: string; amount?: number; invoice?: string }): { row: MeetingRow; spent: number } {
  const item = required({ '--item': f.item, '--amount': f.amount === undefined ? undefined : String(f.amount) })['--item'];
  if (!Number.isSafeInteger(f.amount) || f.amount! < 1 || f.amount! > MAX_AMOUNT_FEN) throw usageError('meeting.amount', { value: f.amount });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'expense');
    if (settlement(ctx.db, row)) throw dataError('meeting.settled', { ref: row.number });
    const invoice = f.invoice?.trim() || null;
    post(ctx, { register: REGISTER, action: 'expense', table: 'meeting_expenses', values: { meeting_id: row.id, item, amount: f.amount, invoice } });
    return { row, spent: spentOn(ctx.db, row) };
  });
}

export const spentOn = (db: DB, row: MeetingRow) => expensesOf(db, row.id).reduce((sum, e) => sum + e.amount, 0);

/** 结算: the expenses are settled against the budget, once; returns what was spent and the budget. */
export function settleMeeting(ctx: Ctx, ref: string, f: { approver?: string }): { row: MeetingRow; spent: number; budget: number | null } {
  const approver = required({ '--approver': f.approver })['--approver'];
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'settle');
    if (settlement(ctx.db, row)) throw dataError('meeting.settled', { ref: row.number });
    const spent = spentOn(ctx.db, row);
    if (spent === 0) throw dataError('meeting.noExpenses', { ref: row.number, verb: 'settle' });
    postEvent(ctx, row, 'settle', { data: { approver, spent, budget: row.budget } });
    return { row, spent, budget: row.budget };
  });
}

/** 会议结束: closes the meeting once everything after it is in order (see the head of this file). */
export function closeMeeting(ctx: Ctx, ref: string): MeetingRow {
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'close');
    const now = formatTimestamp(ctx.clock.now());
    if (Date.parse(now) < Date.parse(row.ends_at)) throw dataError('meeting.notOverYet', { ref: row.number, end: shortMoment(row.ends_at) });
    const m = materialsOf(ctx.db, row.id);
    if (m.issued > m.recovered) throw dataError('meeting.copiesOut', { ref: row.number, out: m.issued - m.recovered, issued: m.issued });
    const minutes = minutesState(ctx.db, row);
    if (minutes.minutes && minutes.approvedBy === null) throw dataError('meeting.minutesNotApproved', { ref: row.number, verb: 'close' });
    if (spentOn(ctx.db, row) > 0 && !settlement(ctx.db, row)) throw dataError('meeting.notSettled', { ref: row.number });
    postEvent(ctx, row, 'close', { state: '已结束' });
    return getMeeting(ctx.db, row.number);
  });
}

