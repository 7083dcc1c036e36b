/**
 * The rules of the incoming register: plain functions over the database, no I/O.
 * This file: receipt, registration, correction, void, filing, and what the workflow shares.
 * workflow.ts holds the handling steps, custody.ts the copies, report.ts the reports.
 *
 * THE STATE MACHINE (收文办理). The state is that of the latest incoming_events row that
 * carries one; with none it is 已登记. Events without a state record a step that does not
 * move the document (a review that accepts it, a proposal, an instruction, a reminder, …).
 *
 *   receive ─► 已登记 ─ review --return --reason ─► 退回                        (final)
 *                 │  review --accept: stays 已登记, marks it reviewed; every step below needs it
 *                 ├─ hand (first hand-over of a copy) ─► 传阅中
 *                 ├─ assign --lead ─► 承办中
 *                 └─ close ─► 已办结          (a document kept for reference, nothing to do)
 *   传阅中 ─ assign ─► 承办中        传阅中 ─ close ─► 已办结
 *   承办中 ─ reply (≥ 1) ─ close ─► 已办结
 *   已办结 ─ (archive register: fileIncoming) ─► 已归档                         (final)
 *   any state but 作废 ─ void --reason ─► 作废                                  (final)
 *
 * Where each verb is allowed (anything else is refused, exit 1, naming the state):
 *   review      已登记, not yet reviewed (once)
 *   propose     reviewed; 已登记 or 传阅中 (a proposal comes before the assignment)
 *   instruct    reviewed; 已登记, 传阅中, 承办中 (several leaders, in turn)
 *   assign      reviewed; 已登记 or 传阅中; again in 承办中 only with --reason (re-assignment)
 *   hand        reviewed; 已登记 (→ 传阅中), 传阅中, 承办中
 *   remind      reviewed; 已登记, 传阅中, 承办中
 *   reply       承办中
 *   close       reviewed; 已登记, 传阅中, or 承办中 after a reply; refused while any copy is out
 *               (neither at the secretariat nor retired) unless --force --reason
 *   circle      classified; any state but 作废, 退回
 *   back        any state but 退回 (copies of a void or closed document must still come home)
 *   retire      classified; any state but 退回
 *   correct     any state but 作废 (the foundation's rule); copies / 份号 are frozen once a copy moved
 *   fileIncoming  any state but 作废, 退回, 已归档 (the foundation's rule, kept for the archive register)
 */
import { formatTimestamp, shortMoment } from '../../core/dates.js';
import { writeTx } from '../../core/db.js';
import { recordDocNo } from '../../core/docno.js';
import { dataError, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx, type Posted } from '../../core/journal.js';
import { linkedFrom } from '../../core/links.js';
import { formatClassification, maskedTitle, parseClassification, parseCopyNo } from '../../core/secret.js';
import { getSetting } from '../../core/settings.js';
import { entryNumber, SEPARATOR, splitList } from '../../core/typed.js';
import { settings } from './settings.js';
import { eventsOf, findByNumber, firstWithSenderNo, hasCustody, journalOf, lastEvent, nextSerial, type IncomingRow } from './sql.js';
import type { DB } from '../../core/db.js';

export const REGISTER = 'incoming';
export const URGENCIES = ['特急', '加急'] as const;
/** Upper bounds of 份数 and 页数: each copy is tracked one by one, so a mistyped count must not be taken. */
export const MAX_COPIES = 9999;
export const MAX_PAGES = 99999;
/** States that take no further handling. */
export const FINAL_STATES = ['作废', '退回', '已办结', '已归档'];

/** The name under which the secretariat holds copies. */
export function secretariatName(db: DB): string {
  return getSetting(db, settings, 'incoming.secretariat')!;
}

export { SEPARATOR, splitList };

/** Splits `A,B，C、D` (and repeated flags) into distinct trimmed names; blanks are refused. */
export function parseNames(values: string | string[] | undefined): string[] {
  const list = splitList(values);
  if (list.some((n) => n === '')) throw usageError('incoming.emptyName');
  return [...new Set(list)];
}

/** Posts one workflow event for a document. Call inside writeTx. */
export function postEvent(ctx: Ctx, row: IncomingRow, kind: string, e: { state?: string | null; data?: Record<string, unknown>; reason?: string | null } = {}): Posted {
  return post(ctx, {
    register: REGISTER,
    action: kind,
    table: 'incoming_events',
    values: { doc_id: row.id, kind, state: e.state ?? null, data: e.data ?? null, reason: e.reason ?? null },
    reason: e.reason ?? null,
  });
}

/** The registered fields of a document, as a command gives them (dates already in stored form). */
export interface IncomingFields {
  receivedAt?: string;
  sender?: string;
  senderNo?: string | null;
  title?: string;
  docType?: string | null;
  /** `秘密★5年`, `机密`, … or null for an ordinary document. */
  secret?: string | null;
  copyNo?: string | null;
  urgency?: string | null;
  copies?: number;
  pages?: number | null;
  attachments?: string | null;
  deadline?: string | null;
  note?: string | null;
  /** 载体: 纸质 (default) | 电子. */
  medium?: string;
  /** Where a classified document is kept (存放柜). */
  cabinet?: string | null;
}

/** 载体 of an incoming document. */
export const MEDIA = ['纸质', '电子'] as const;

/** The fields of one revision: those of the row the list shows, less its number, state and counters. */
type RevisionValues = Pick<IncomingRow, 'received_at' | 'received_on' | 'sender' | 'sender_no' | 'title' | 'doc_type' | 'secret_level' | 'secret_period' | 'copy_no' | 'urgency' | 'copies' | 'pages' | 'attachments' | 'deadline' | 'note' | 'medium' | 'cabinet'>;

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());
/** The sender's 文号 as recorded (core/docno.ts recordDocNo): as printed on the paper, brackets made 〔〕. */
const senderNoOf = (v: string | null | undefined) => {
  const given = blankToNull(v);
  return given == null ? given : recordDocNo(given).value;
};
const trimmed = (v: string | undefined) => (v === undefined ? undefined : v.trim());

/** Applies the fields given over a base revision and checks the result as a whole. */
function revisionOf(ctx: Ctx, base: RevisionValues | null, f: IncomingFields): RevisionValues {
  const pick = <K extends keyof RevisionValues>(key: K, given: RevisionValues[K] | undefined, fallback: RevisionValues[K]): RevisionValues[K] => (given !== undefined ? given : base ? base[key] : fallback);
  const receivedAt = f.receivedAt ?? base?.received_at;
  if (!receivedAt) throw new Error('receivedAt missing');
  let level = base?.secret_level ?? null;
  let period = base?.secret_period ?? null;
  if (f.secret !== undefined) {
    const c = f.secret === null || f.secret.trim() === '' ? null : parseClassification(f.secret);
    level = c?.level ?? null;
    period = c?.period ?? null;
  }
  const copyNo = f.copyNo === undefined ? base?.copy_no ?? null : f.copyNo === null || f.copyNo.trim() === '' ? null : parseCopyNo(f.copyNo);
  const v: RevisionValues = {
    received_at: receivedAt,
    received_on: receivedAt.slice(0, 10),
    sender: pick('sender', trimmed(f.sender), ''),
    sender_no: pick('sender_no', senderNoOf(f.senderNo), null),
    title: pick('title', trimmed(f.title), ''),
    doc_type: pick('doc_type', blankToNull(f.docType), null),
    secret_level: level,
    secret_period: period,
    copy_no: copyNo,
    urgency: pick('urgency', blankToNull(f.urgency), null),
    copies: pick('copies', f.copies, 1),
    pages: pick('pages', f.pages, null),
    attachments: pick('attachments', blankToNull(f.attachments), null),
    deadline: pick('deadline', f.deadline, null),
    note: pick('note', blankToNull(f.note), null),
    medium: pick('medium', trimmed(f.medium), '纸质'),
    cabinet: pick('cabinet', blankToNull(f.cabinet), null),
  };
  if (!(MEDIA as readonly string[]).includes(v.medium)) throw usageError('incoming.medium', { value: v.medium, choices: MEDIA.join('、') });
  if (v.secret_level === null && v.cabinet !== null) throw usageError('incoming.cabinetOnlyClassified');
  const missing = [v.sender === '' && '--sender', v.title === '' && '--title'].filter(Boolean);
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
  if (v.urgency !== null && !(URGENCIES as readonly string[]).includes(v.urgency)) throw usageError('incoming.urgency', { value: v.urgency });
  if (v.urgency !== null && v.deadline === null) throw usageError('incoming.urgentNeedsDeadline', { urgency: v.urgency });
  if (v.secret_level !== null && v.copy_no === null) throw usageError('incoming.copyNoRequired');
  if (v.secret_level === null && v.copy_no !== null) throw usageError('incoming.copyNoOnlyClassified');
  if (!Number.isInteger(v.copies) || v.copies < 1 || v.copies > MAX_COPIES) throw usageError('incoming.copies', { value: v.copies, max: MAX_COPIES });
  if (v.copy_no !== null && Number(v.copy_no) + v.copies - 1 > 999999) throw usageError('incoming.copyNoRange', { copyNo: v.copy_no, copies: v.copies });
  if (v.pages !== null && (!Number.isInteger(v.pages) || v.pages < 1 || v.pages > MAX_PAGES)) throw usageError('incoming.pages', { value: v.pages, max: MAX_PAGES });
  if (v.deadline !== null && v.deadline < v.received_on) throw usageError('incoming.deadlineBeforeReceipt', { deadline: v.deadline, received: v.received_on });
  if (new Date(v.received_at) > ctx.clock.now()) throw usageError('incoming.receivedInFuture', { received: shortMoment(v.received_at), now: shortMoment(formatTimestamp(ctx.clock.now())) });
  return v;
}

export function formatNumber(year: number, classified: boolean, serial: number): string {
  return `${classified ? 'M' : ''}${year}-${String(serial).padStart(4, '0')}`;
}

/**
 * 签收 + 登记: registers a document and gives it the next number of its series (ordinary or classified) for the year.
 * A classified document may name its circle of knowledge (知悉范围) at once; it is journaled as a `circle` event.
 */
export function receiveIncoming(ctx: Ctx, fields: IncomingFields, opts: { circle?: string[]; again?: boolean; reason?: string } = {}): IncomingRow {
  const again = opts.again === true ? requireReason(opts.reason) : null;
  return writeTx(ctx.db, () => {
    const values = revisionOf(ctx, null, fields);
    const classified = values.secret_level !== null;
    const circle = parseNames(opts.circle);
    if (circle.length > 0 && !classified) throw usageError('incoming.circleOnlyClassified');
    // the same sender's 文号 twice is a duplicate receipt, unless a second copy really arrived (--again --reason, journaled)
    const first = values.sender_no === null ? undefined : firstWithSenderNo(ctx.db, values.sender, values.sender_no);
    if (first && again === null) throw dataError('incoming.duplicate', { sender: values.sender, senderNo: values.sender_no, first: first.number, received: first.received_on });
    const year = Number(values.received_on.slice(0, 4));
    const serial = nextSerial(ctx.db, year, classified);
    const number = formatNumber(year, classified, serial);
    const doc = post(ctx, { register: REGISTER, action: 'receive', table: 'incoming_docs', values: { number, year, classified, serial }, reason: again });
    post(ctx, { register: REGISTER, action: 'receive', table: 'incoming_revisions', values: { doc_id: doc.id, ...values } });
    const row = findByNumber(ctx.db, number)!;
    if (circle.length > 0) postEvent(ctx, row, 'circle', { data: { add: circle, remove: [] } });
    return row;
  });
}

/** Finds a document by its 收文编号 (`2026-0001`, `M2026-0001`; `m2026-1`, full-width `２０２６—０００１` too). */
export function getIncoming(db: DB, ref: string): IncomingRow {
  const number = entryNumber(ref, ['', 'M']);
  const row = number === null ? undefined : findByNumber(db, number);
  if (!row) throw dataError('incoming.notFound', { ref });
  return row;
}

function revisionValues(row: IncomingRow): RevisionValues {
  const { received_at, received_on, sender, sender_no, title, doc_type, secret_level, secret_period, copy_no, urgency, copies, pages, attachments, deadline, note, medium, cabinet } = row;
  return { received_at, received_on, sender, sender_no, title, doc_type, secret_level, secret_period, copy_no, urgency, copies, pages, attachments, deadline, note, medium, cabinet };
}

/** 更正: a new revision naming the one it corrects, with a reason. The old one stays in the history. */
export function correctIncoming(ctx: Ctx, ref: string, fields: IncomingFields, reason: string | undefined): IncomingRow {
  const why = requireReason(reason);
  if (Object.values(fields).every((v) => v === undefined)) throw usageError('incoming.nothingToCorrect');
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (row.state === '作废') throw dataError('incoming.isVoid', { ref: row.number });
    const base = revisionValues(row);
    // The number belongs to one series (ordinary or classified) of one year: a correction stays in it.
    if (fields.secret !== undefined && (fields.secret === null || fields.secret.trim() === '') === (row.classified === 1)) throw usageError('incoming.changesSeries', { ref: row.number });
    const next = revisionOf(ctx, base, fields);
    const year = Number(next.received_on.slice(0, 4));
    if (year !== row.year) throw usageError('incoming.changesYear', { ref: row.number, year: row.year, received: next.received_on });
    // A document is received before it is registered (and handled): the registration's journal time bounds the receipt.
    const registered = journalOf(ctx.db, row.id)[0]!.at;
    if (new Date(next.received_at) > new Date(registered))
      throw usageError('incoming.receivedAfterRegistration', { received: shortMoment(next.received_at), registered: shortMoment(registered) });
    if (JSON.stringify(next) === JSON.stringify(base)) throw usageError('incoming.noChange', { ref: row.number });
    if ((next.copies !== base.copies || next.copy_no !== base.copy_no) && hasCustody(ctx.db, row.id)) throw dataError('incoming.copiesFrozen', { ref: row.number });
    post(ctx, { register: REGISTER, action: 'correct', table: 'incoming_revisions', values: { doc_id: row.id, ...next, corrects: row.revision }, reason: why });
    return getIncoming(ctx.db, row.number);
  });
}

/** 作废: the number stays in the register, marked void, with the reason. */
export function voidIncoming(ctx: Ctx, ref: string, reason: string | undefined): IncomingRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (row.state === '作废') throw dataError('incoming.alreadyVoid', { ref: row.number });
    post(ctx, { register: REGISTER, action: 'void', table: 'incoming_events', values: { doc_id: row.id, kind: 'void', state: '作废', reason: why }, reason: why });
    return getIncoming(ctx.db, row.number);
  });
}

/**
 * 归档: marks a document filed under an archive number (called by the archive register when it
 * files an item from an incoming document, inside the same transaction).
 */
export function fileIncoming(ctx: Ctx, ref: string): IncomingRow {
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (row.state === '作废' || row.state === '退回' || row.state === '已归档') throw dataError('incoming.cannotFile', { ref: row.number, state: row.state });
    post(ctx, { register: REGISTER, action: 'file', table: 'incoming_events', values: { doc_id: row.id, kind: 'file', state: '已归档' } });
    return getIncoming(ctx.db, row.number);
  });
}

/** Records that an outgoing document numbered `docNo` answered the document (journaled; the state does not move). */
export function recordAnswer(ctx: Ctx, ref: string, docNo: string): IncomingRow {
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    post(ctx, { register: REGISTER, action: 'answered', table: 'incoming_events', values: { doc_id: row.id, kind: 'answered', state: null, data: { docNo } } });
    return getIncoming(ctx.db, row.number);
  });
}

/** Refuses a verb in a state that does not allow it (exit 1, naming the state). */
export function requireState(row: IncomingRow, verb: string, allowed: readonly string[]): void {
  if (!allowed.includes(row.state)) throw dataError('incoming.wrongState', { ref: row.number, state: row.state, verb, allowed: allowed.join('、') });
}

export function isReviewed(db: DB, row: IncomingRow): boolean {
  return lastEvent(db, row.id, 'review') !== undefined;
}

/** Refuses a handling step before the first review accepted the document. */
export function requireReviewed(db: DB, row: IncomingRow, verb: string): void {
  if (!isReviewed(db, row)) throw dataError('incoming.notReviewed', { ref: row.number, verb });
}

/** When the latest event of a kind happened (its journal time), or null. */
export function lastEventAt(db: DB, row: IncomingRow, kind: string): string | null {
  const events = eventsOf(db, row.id, kind);
  return events.length ? events[events.length - 1]!.at : null;
}

export { shortMoment };

/** 处理情况 as the paper register shows it: the state, with the reason of a void or a return, the lead department, or the archive number. */
export function handlingNote(db: DB, row: IncomingRow): string {
  const detail = row.state === '作废' ? lastEvent(db, row.id, 'void')?.reason : row.state === '退回' ? lastEvent(db, row.id, 'return')?.reason : row.state === '承办中' ? lastEvent(db, row.id, 'assign')?.data : null;
  return handlingText(db, row, { answered: lastEvent(db, row.id, 'answered')?.data ?? null, detail: detail ?? null });
}

/**
 * The handling note from what it names: `answered`, the data of the latest answer (an outgoing
 * document, recorded through incoming's face); `detail`, the void's or return's reason or the
 * assignment's data for those states. The book's export reads both in its one statement.
 */
export function handlingText(db: DB, row: Pick<IncomingRow, 'number' | 'state'>, facts: { answered: string | null; detail: string | null }): string {
  // answered by an outgoing document (recordAnswer, through incoming's face): its 发文字号 follows the state
  const note = stateNote(db, row, facts.detail);
  return facts.answered ? `${note}；已答复：${(JSON.parse(facts.answered) as { docNo: string }).docNo}` : note;
}

function stateNote(db: DB, row: Pick<IncomingRow, 'number' | 'state'>, detail: string | null): string {
  if (row.state === '作废') return `作废：${detail ?? ''}`;
  if (row.state === '退回') return `退回：${detail ?? ''}`;
  if (row.state === '承办中' && detail) return `承办中：${(JSON.parse(detail) as { lead: string }).lead}`;
  if (row.state === '已归档') {
    // the archive item links to the document (core/links.ts; archive:003 linked the items filed before links)
    const item = linkedFrom(db, 'filed-from', { register: REGISTER, ref: row.number })[0];
    if (item) return `已归档：${item.ref}`;
  }
  return row.state;
}

/** The title as lists show it: a classified title is masked unless revealed. */
export function shownTitle(row: Pick<IncomingRow, 'secret_level' | 'title'>, reveal: boolean): string {
  return row.secret_level !== null && !reveal ? maskedTitle(row.secret_level) : row.title;
}

export function classificationOf(row: Pick<IncomingRow, 'secret_level' | 'secret_period'>): string {
  return formatClassification(row.secret_level, row.secret_period);
}
