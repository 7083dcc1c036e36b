/**
 * Before and after: the 会前 checklist (prepare) and the 决议事项 (decide, done, remind), and
 * what they put into `wenmi due`:
 *   - attendees who have not answered the notice, from the day before the meeting to its day;
 *   - checklist items not done, on the meeting day;
 *   - decisions not done, with their owners, due on their deadline (overdue after it).
 * The first two are due on the meeting day, so only a decision is ever overdue.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { dataError, required, usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { post, type Ctx } from '../../core/journal.js';
import type { DueItem } from '../../core/deadlines.js';
import { maskedTitle } from '../../core/secret.js';
import { entryNumber, foldTyped } from '../../core/typed.js';
import { unconfirmed } from './attendance.js';
import { getMeeting, REGISTER, requireApproved, shownTitle } from './rules.js';
import { decisionByNumber, decisions, meetingsIn, nextDecisionSeq, prepOf, type DecisionRow, type MeetingRow } from './sql.js';

/** 会前准备: adds an item to the checklist, or (with done) marks it done; an item is added once and done once. */
export function prepareItem(ctx: Ctx, ref: string, f: { item?: string; done?: boolean }): { row: MeetingRow; item: string; done: boolean } {
  const item = required({ '--item': f.item })['--item'];
  const done = f.done === true;
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'prepare');
    const before = prepOf(ctx.db, row.id).find((p) => p.item === item);
    if (before && !done) throw dataError('meeting.prepExists', { ref: row.number, item });
    if (before?.done) throw dataError('meeting.prepDone', { ref: row.number, item });
    post(ctx, { register: REGISTER, action: done ? 'prepare-done' : 'prepare', table: 'meeting_prep', values: { meeting_id: row.id, item, done: done ? 1 : 0 } });
    return { row, item, done };
  });
}

/** A decision's number: the meeting's, a dash, its place in the meeting (HY2026-0001-2). */
export function formatDecision(meeting: string, seq: number): string {
  return `${meeting}-${seq}`;
}

/** Finds a decision by its number: HY2026-0001-2, hy2026-1.2. */
export function getDecision(db: DB, ref: string): DecisionRow {
  const m = /^(HY\d{4}[-_\s]+\d{1,9})[-_.](\d{1,4})$/i.exec(foldTyped(ref));
  const meeting = m ? entryNumber(m[1]!, ['HY']) : null;
  const row = meeting === null ? undefined : decisionByNumber(db, formatDecision(meeting, Number(m![2])));
  if (!row) throw dataError('meeting.decisionNotFound', { ref: ref.trim() });
  return row;
}

/** 决议事项: a decision of the meeting with its owner (部门或人) and deadline. */
export function decide(ctx: Ctx, ref: string, f: { item?: string; owner?: string; due?: string }): DecisionRow {
  const r = required({ '--item': f.item, '--owner': f.owner, '--due': f.due });
  return writeTx(ctx.db, () => {
    const row = getMeeting(ctx.db, ref);
    requireApproved(row, 'decide');
    const meetingDay = row.starts_at.slice(0, 10);
    if (r['--due'] < meetingDay) throw usageError('meeting.dueBeforeMeeting', { due: r['--due'], day: meetingDay });
    const seq = nextDecisionSeq(ctx.db, row.id);
    const number = formatDecision(row.number, seq);
    post(ctx, { register: REGISTER, action: 'decide', table: 'meeting_decisions', values: { meeting_id: row.id, seq, number, item: r['--item'], owner: r['--owner'], due: r['--due'] } });
    return decisionByNumber(ctx.db, number)!;
  });
}

function decisionEvent(ctx: Ctx, ref: string, kind: 'done' | 'remind', note: string | undefined): DecisionRow {
  const text = required({ '--note': note })['--note'];
  return writeTx(ctx.db, () => {
    const d = getDecision(ctx.db, ref);
    if (d.done_on !== null) throw dataError('meeting.decisionDone', { ref: d.number, on: d.done_on });
    post(ctx, { register: REGISTER, action: kind, table: 'meeting_decision_events', values: { decision_id: d.id, kind, on_date: formatDate(ctx.clock.now()), note: text } });
    return decisionByNumber(ctx.db, d.number)!;
  });
}

/** 办结: the decision is carried out, with a note of how. */
export const finishDecision = (ctx: Ctx, ref: string, note: string | undefined) => decisionEvent(ctx, ref, 'done', note);
/** 督办: a reminder to the owner of an open decision, with a note. */
export const remindDecision = (ctx: Ctx, ref: string, note: string | undefined) => decisionEvent(ctx, ref, 'remind', note);

export { decisions };

/** The meeting's open items for `wenmi due` (see the head of this file). */
export function meetingDeadlines(db: DB, today: string): DueItem[] {
  const items: DueItem[] = [];
  const tomorrow = formatDate(addDays(dateOf(today), 1));
  for (const m of meetingsIn(db, ['已批准'])) {
    const day = m.starts_at.slice(0, 10);
    if (day !== today && day !== tomorrow) continue;
    const title = shownTitle(m);
    for (const a of unconfirmed(db, m)) items.push({ register: REGISTER, ref: m.number, what: t('meeting.due.unconfirmed', { title }), who: a.name, due: day });
    if (day === today) for (const p of prepOf(db, m.id).filter((x) => !x.done)) items.push({ register: REGISTER, ref: m.number, what: t('meeting.due.prep', { title, item: p.item }), who: null, due: day });
  }
  for (const d of decisions(db, { open: true }))
    items.push({ register: REGISTER, ref: d.number, what: t('meeting.due.decision', { item: d.secret_level === null ? d.item : maskedTitle(d.secret_level) }), who: d.owner, due: d.due, reminders: d.reminders, lastReminder: d.last_reminder });
  return items;
}
