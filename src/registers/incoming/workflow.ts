/**
 * The handling steps of an incoming document (初审, 拟办, 批示, 承办/分转, 催办, 答复, 办结),
 * each one journaled event; the state machine they follow is documented at the top of rules.ts.
 * Also the document's feed into the deadline engine (`wenmi due`).
 */
import { writeTx, type DB } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate } from '../../core/dates.js';
import { getSetting } from '../../core/settings.js';
import { settings } from './settings.js';
import { dataError, required, usageError } from '../../core/errors.js';
import type { Ctx } from '../../core/journal.js';
import { copiesOut } from './custody.js';
import { getIncoming, isReviewed, parseNames, postEvent, REGISTER, requireReviewed, requireState, secretariatName, SEPARATOR, shortMoment, shownTitle } from './rules.js';
import { deadlineEvents, eventsOf, lastEvent, openDocs, reminderStats, type IncomingRow } from './sql.js';

const OPEN = ['已登记', '传阅中', '承办中'] as const;

/** 初审: accept the document for handling, or return it to its sender with a reason (退回, final). */
export function reviewIncoming(ctx: Ctx, ref: string, decision: { accept?: boolean; return?: boolean; reason?: string }): IncomingRow {
  if (decision.accept === decision.return || (!decision.accept && !decision.return)) throw usageError('incoming.reviewChoice');
  const reason = decision.reason?.trim() || null;
  if (decision.return && !reason) throw usageError('incoming.reasonRequired');
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'review', ['已登记']);
    if (isReviewed(ctx.db, row)) throw dataError('incoming.alreadyReviewed', { ref: row.number });
    if (decision.accept) postEvent(ctx, row, 'review', { data: { accepted: true }, reason });
    else postEvent(ctx, row, 'return', { state: '退回', reason });
    return getIncoming(ctx.db, row.number);
  });
}

/** 拟办意见: the secretariat's proposal, before the document is assigned. */
export function proposeIncoming(ctx: Ctx, ref: string, opinion: string | undefined): IncomingRow {
  const v = required({ '--opinion': opinion });
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'propose', ['已登记', '传阅中']);
    requireReviewed(ctx.db, row, 'propose');
    postEvent(ctx, row, 'propose', { data: { opinion: v['--opinion'] } });
    return row;
  });
}

/** 批示: a leader's instruction (who, what, on which day). Several leaders may instruct in turn. */
export function instructIncoming(ctx: Ctx, ref: string, input: { leader?: string; text?: string; date?: string; deadline?: string }): IncomingRow {
  const v = required({ '--leader': input.leader, '--text': input.text });
  const today = formatDate(ctx.clock.now());
  const date = input.date ?? today;
  if (date > today) throw usageError('incoming.instructInFuture', { date, today });
  if (input.deadline !== undefined && input.deadline < today) throw usageError('incoming.deadlinePast', { deadline: input.deadline, today });
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'instruct', OPEN);
    requireReviewed(ctx.db, row, 'instruct');
    if (date < row.received_on) throw usageError('incoming.instructBeforeReceipt', { date, received: row.received_on });
    // an instruction may set the handling deadline (批示时限); the latest deadline given is the one in force
    const deadline = input.deadline ?? null;
    postEvent(ctx, row, 'instruct', { data: deadline === null ? { leader: v['--leader'], text: v['--text'], date } : { leader: v['--leader'], text: v['--text'], date, deadline } });
    return row;
  });
}

/** The leaders' instructions (批示) in order, as one line: `张局长：同意（2026-11-21）；…`, or null when none. */
export function instructionsOf(db: DB, row: IncomingRow): string | null {
  const all = eventsOf(db, row.id, 'instruct').map((e) => JSON.parse(e.data!) as { leader: string; text: string; date: string });
  return all.length === 0 ? null : all.map((i) => `${i.leader}：${i.text}（${i.date}）`).join('；');
}

export interface Assignment {
  lead: string;
  assist: string[];
  deadline: string | null;
}

/** The assignment in force (the latest), or null. */
export function assignmentOf(db: DB, row: IncomingRow): Assignment | null {
  const e = lastEvent(db, row.id, 'assign');
  return e ? (JSON.parse(e.data!) as Assignment) : null;
}

/**
 * The deadline given: the latest assignment's or instruction's that names one (批示时限), else the one
 * registered at receipt.
 */
export function givenDeadlineOf(db: DB, row: IncomingRow): string | null {
  // an assignment always records the deadline in force when it was made; an instruction only when it set one
  for (const e of deadlineEvents(db, row.id)) {
    const { deadline } = JSON.parse(e.data ?? '{}') as { deadline?: string | null };
    if (deadline !== undefined) return deadline ?? row.deadline;
  }
  return row.deadline;
}

/**
 * The deadline in force: the one given (givenDeadlineOf); else, for a classified document whose copies
 * are out, receipt + incoming.classified-days; else receipt + incoming.default-days; else none.
 */
export function deadlineOf(db: DB, row: IncomingRow): string | null {
  const given = givenDeadlineOf(db, row);
  if (given !== null) return given;
  const days = (key: string) => {
    const v = getSetting(db, settings, key);
    return v === undefined ? null : formatDate(addDays(dateOf(row.received_on), Number(v)));
  };
  if (row.secret_level !== null && copiesOut(db, row).length > 0) {
    const classified = days('incoming.classified-days');
    if (classified !== null) return classified;
  }
  return days('incoming.default-days');
}

/**
 * 承办/分转: exactly one lead department (主办), any number of assisting ones (协办), and a
 * deadline (时限; required for an urgent document; kept from receipt or an earlier assignment
 * when not given). Re-assigning a document already in hand needs a reason.
 */
export function assignIncoming(ctx: Ctx, ref: string, input: { lead?: string; assist?: string[]; deadline?: string; reason?: string }): IncomingRow {
  const lead = required({ '--lead': input.lead })['--lead'];
  if (SEPARATOR.test(lead)) throw usageError('incoming.oneLead', { value: lead });
  const assist = parseNames(input.assist);
  if (assist.includes(lead)) throw usageError('incoming.leadAlsoAssist', { name: lead });
  const today = formatDate(ctx.clock.now());
  if (input.deadline !== undefined && input.deadline < today) throw usageError('incoming.deadlinePast', { deadline: input.deadline, today });
  const reason = input.reason?.trim() || null;
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'assign', OPEN);
    requireReviewed(ctx.db, row, 'assign');
    if (row.state === '承办中' && !reason) throw usageError('incoming.reassignReason', { ref: row.number, lead: assignmentOf(ctx.db, row)?.lead });
    const deadline = input.deadline ?? givenDeadlineOf(ctx.db, row);
    if (row.urgency !== null && deadline === null) throw usageError('incoming.urgentNeedsDeadline', { urgency: row.urgency });
    if (deadline !== null && deadline < row.received_on) throw usageError('incoming.deadlineBeforeReceipt', { deadline, received: row.received_on });
    postEvent(ctx, row, 'assign', { state: '承办中', data: { lead, assist, deadline } satisfies Assignment, reason });
    return getIncoming(ctx.db, row.number);
  });
}

/** Who must act now: the lead department when in hand, else whoever holds copies out, else the secretariat. */
export function whoActs(db: DB, row: IncomingRow): string {
  if (row.state === '承办中') {
    const a = assignmentOf(db, row);
    if (a) return a.lead;
  }
  const holders = [...new Set(copiesOut(db, row).map((c) => c.holder!))];
  return holders.length ? holders.join('、') : secretariatName(db);
}

/** 催办: a recorded reminder to whoever must act. */
export function remindIncoming(ctx: Ctx, ref: string, note?: string): { row: IncomingRow; to: string; count: number } {
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'remind', OPEN);
    requireReviewed(ctx.db, row, 'remind');
    const to = whoActs(ctx.db, row);
    postEvent(ctx, row, 'remind', { data: { to, note: note?.trim() || null } });
    return { row, to, count: reminderStats(ctx.db, row.id).count };
  });
}

/** 答复: the handling department's result, reported back. */
export function replyIncoming(ctx: Ctx, ref: string, text: string | undefined): IncomingRow {
  const v = required({ '--text': text });
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'reply', ['承办中']);
    postEvent(ctx, row, 'reply', { data: { text: v['--text'], from: assignmentOf(ctx.db, row)?.lead ?? null } });
    return row;
  });
}

/** 办结: refused while copies are out unless forced with a reason (the copies out are recorded); a document in hand needs a reply first. */
export function closeIncoming(ctx: Ctx, ref: string, input: { force?: boolean; reason?: string } = {}): IncomingRow {
  const reason = input.reason?.trim() || null;
  if (input.force && !reason) throw usageError('incoming.reasonRequired');
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'close', OPEN);
    requireReviewed(ctx.db, row, 'close');
    if (row.state === '承办中' && !lastEvent(ctx.db, row.id, 'reply')) throw dataError('incoming.closeNeedsReply', { ref: row.number });
    const out = copiesOut(ctx.db, row);
    if (out.length && !input.force)
      throw dataError('incoming.copiesOut', { ref: row.number, count: out.length, copies: out.map((c) => `${c.copy} ${c.holder}`).join('、') });
    postEvent(ctx, row, 'close', { state: '已办结', data: { copiesOut: out.map((c) => ({ copy: c.copy, holder: c.holder })) }, reason });
    return getIncoming(ctx.db, row.number);
  });
}

/** Reminders of a document as lists show them. */
export function remindersOf(db: DB, row: IncomingRow): { reminders: number; lastReminder: string | null } {
  const r = reminderStats(db, row.id);
  return { reminders: r.count, lastReminder: shortMoment(r.last) };
}

/** Open documents with a deadline in force, for `wenmi due`; who acts, reminders and the last one. */
export function incomingDeadlines(db: DB, _today: string): DueItem[] {
  const items: DueItem[] = [];
  for (const row of openDocs(db)) {
    const due = deadlineOf(db, row);
    if (due === null) continue;
    items.push({ register: REGISTER, ref: row.number, what: shownTitle(row, false), who: whoActs(db, row), due, ...remindersOf(db, row) });
  }
  return items;
}

/** The day a document was handled (its close, else its filing), or null while open. */
export function handledOn(db: DB, row: IncomingRow): string | null {
  const close = lastEvent(db, row.id, 'close') ?? lastEvent(db, row.id, 'file');
  if (!close) return null;
  return eventsOf(db, row.id, close.kind).find((e) => e.id === close.id)!.at.slice(0, 10);
}
