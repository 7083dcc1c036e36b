/**
 * The rules of the outgoing register (发文): plain functions over the database, no I/O; every
 * write in its own IMMEDIATE transaction, posted through post(), each check made on data read
 * inside it.
 *
 * THE STEPS (the SOP's fixed order). The state is that of the latest outgoing_events row that
 * carries one; with none it is 拟稿.
 *
 *   draft ─► 拟稿 ─ review ─► 已审核 ─ sign ─► 已签发 ─ number ─► 已编号 ─ print-run ─► 已印制 ─ dispatch ─► 已分发
 *                                                           已印制 ─ seal ─► 已用印 ─ dispatch ─► 已分发 (a document that is not sealed, 纪要, skips it)
 *              └─ review --return ─► 退回修改 ─ review ─► 已审核 (a revised draft is reviewed again)
 *   已编号 ─ void-number ─► 已签发 (the number stays in the book as 作废 and is never given again)
 *
 * A step asked for too early is refused (exit 1) naming the step that must come first; one asked
 * for again after it was done is refused naming the state the document is in.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import { writeTx } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { checkPrefix, formatDocNo, readDocNo } from '../../core/docno.js';
import { dataError, requireFlags, required, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { formatClassification, maskedTitle, parseClassification, parseCopyNo } from '../../core/secret.js';
import { getSetting } from '../../core/settings.js';
import { entryNumber, splitList } from '../../core/typed.js';
import { findIncoming, recordReply } from '../incoming/api.js';
import { findMeeting } from '../meeting/api.js';
import { stampDocument } from '../seal/api.js';
import { addLink } from '../../core/links.js';
import { settings } from './settings.js';
import { dispatchedCopies, dispatchesOf, dispatchesWithoutReceipt, docById, docByDraftNo, docsAwaiting, nextDraftSerial, nextNumberSerial, numberByText, type NumberRow, type OutgoingRow } from './sql.js';

export const REGISTER = 'outgoing';
/** The link a reply makes from the outgoing document to the incoming one it answers. */
export const ANSWERS = 'answers';
/** A 纪要 drafted for a meeting links to it (outgoing draft --meeting). */
export const MINUTES_OF = 'minutes-of';
export const MINUTES_TYPE = '纪要';
/** The link from an outgoing document to its seal request (用印申请) in the seal register. */
export const SEALED = 'sealed';
export const URGENCIES = ['特急', '加急'] as const;
export const VIAS = ['机要', '邮寄', '专人', '电子', '传真'] as const;
/** The only channels a classified document travels by. */
export const CLASSIFIED_VIAS = ['机要', '专人'];
export const STATES = ['拟稿', '退回修改', '已审核', '已签发', '已编号', '已印制', '已用印', '已分发'] as const;
export const MAX_COPIES = 9999;
export const MAX_PAGES = 99999;

/** How far along a state is; 拟稿 and 退回修改 both wait for review. */
const RANK: Record<string, number> = { 拟稿: 0, 退回修改: 0, 已审核: 1, 已签发: 2, 已编号: 3, 已印制: 4, 已用印: 5, 已分发: 6 };
/** The step that brings a document into each state. */
const STEP_INTO: Record<string, string> = { 已审核: '审核', 已签发: '签发', 已编号: '编号', 已印制: '印制' };

const setting = (db: DB, key: string) => getSetting(db, settings, key);
const opt = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
const today = (ctx: Ctx) => formatDate(ctx.clock.now());

export function formatDraftNo(year: number, serial: number): string {
  return `NG${year}-${String(serial).padStart(4, '0')}`;
}

/**
 * The document a reference names: its draft id (`NG2026-0001`, `ng2026-1`, full-width) or its
 * 发文字号 in force (`某办发〔2026〕7号`, look-alike brackets read as 〔〕). Not found: exit 1.
 */
export function getOutgoing(db: DB, ref: string): OutgoingRow {
  const draftNo = entryNumber(ref, ['NG']);
  const byDraft = draftNo === null ? undefined : docByDraftNo(db, draftNo);
  if (byDraft) return byDraft;
  const reading = readDocNo(ref);
  if (reading.docNo) {
    const n = numberByText(db, formatDocNo(reading.docNo));
    if (n) {
      if (n.voided_on !== null) throw dataError('outgoing.numberVoided', { number: n.number, on: n.voided_on, reason: n.void_reason });
      return docById(db, n.doc_id);
    }
  }
  throw dataError('outgoing.notFound', { ref: ref.trim() });
}

/** The title as lists show it: a classified one masked unless revealed. */
export function shownTitle(row: Pick<OutgoingRow, 'title' | 'secret_level'>, reveal: boolean): string {
  return row.secret_level && !reveal ? maskedTitle(row.secret_level) : row.title;
}

export const classificationOf = (row: OutgoingRow) => formatClassification(row.secret_level, row.secret_period);
export const namesOf = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

/**
 * Refuses a step the document is not ready for (naming the step that must come first) or is past
 * (naming its state). `allowed`: the states the step starts from, lowest first.
 */
function mustBe(row: OutgoingRow, allowed: string[], step: string): void {
  if (allowed.includes(row.state)) return;
  const need = RANK[allowed[0]!]!;
  if (RANK[row.state]! < need) throw dataError('outgoing.stepFirst', { ref: refOf(row), state: row.state, step, first: STEP_INTO[allowed[0]!] ?? '审核' });
  throw dataError('outgoing.stepDone', { ref: refOf(row), state: row.state, step });
}

/** How messages name a document: its 发文字号 once it has one, else its draft id. */
export const refOf = (row: Pick<OutgoingRow, 'doc_no' | 'draft_no'>) => row.doc_no ?? row.draft_no;

/** The date of a step: today unless given; never in the future, never before `notBefore`. */
function stepDate(ctx: Ctx, on: string | undefined, notBefore: string): string {
  const day = on ?? today(ctx);
  if (day > today(ctx)) throw usageError('outgoing.dateInFuture', { date: day, today: today(ctx) });
  if (day < notBefore) throw usageError('outgoing.dateTooEarly', { date: day, earliest: notBefore });
  return day;
}

/** The day of the document's last step (or its drafting). */
const lastOn = (row: OutgoingRow) => row.state_on ?? row.drafted_on;

function event(ctx: Ctx, row: OutgoingRow, action: string, values: { kind: string; state?: string | null; on_date: string; who?: string | null; count?: number; data?: unknown; reason?: string | null }): void {
  post(ctx, {
    register: REGISTER,
    action,
    table: 'outgoing_events',
    values: { doc_id: row.id, kind: values.kind, state: values.state ?? null, on_date: values.on_date, who: values.who ?? null, count: values.count, data: values.data ?? null, reason: values.reason ?? null },
    reason: values.reason ?? null,
  });
}

export interface NewDraft {
  title?: string;
  drafter?: string;
  dept?: string;
  type?: string;
  secret?: string;
  urgency?: string;
  to?: string[];
  cc?: string[];
  pages?: number;
  attachments?: string;
  replyTo?: string;
  /** The meeting whose approved minutes this 纪要 sends (its number, HY2026-0001). */
  meeting?: string;
  note?: string;
  on?: string;
}

/** The meeting a 纪要 is drafted for: its minutes must be approved (领导审签) first. */
function minutesMeeting(db: DB, typed: string): string {
  const m = findMeeting(db, typed);
  if (m.minutes !== 'approved') throw dataError('outgoing.minutesNotApproved', { ref: m.number, first: m.minutes === 'none' ? 'minutes' : 'minutes-approve' });
  return m.number;
}

const nameList = (given: string[] | undefined) => {
  const list = [...new Set(splitList(given).filter((n) => n !== ''))];
  return list.length ? list : null;
};

/** 拟稿: registers a draft under the next id of its year, NG2026-0001; it has no 发文字号 yet. */
export function draftOutgoing(ctx: Ctx, f: NewDraft): OutgoingRow {
  const { '--title': title, '--drafter': drafter, '--dept': dept } = required({ '--title': f.title, '--drafter': f.drafter, '--dept': f.dept });
  const c = opt(f.secret) === null ? null : parseClassification(f.secret!);
  const urgency = opt(f.urgency);
  if (urgency !== null && !(URGENCIES as readonly string[]).includes(urgency)) throw usageError('outgoing.urgency', { value: urgency, choices: URGENCIES.join('|') });
  if (f.pages !== undefined && (!Number.isInteger(f.pages) || f.pages < 1 || f.pages > MAX_PAGES)) throw usageError('outgoing.pages', { value: f.pages, max: MAX_PAGES });
  const on = stepDate(ctx, f.on, '0000-01-01');
  const forMeeting = opt(f.meeting) !== null;
  const type = opt(f.type) ?? (forMeeting ? MINUTES_TYPE : null);
  if (forMeeting && type !== MINUTES_TYPE) throw usageError('outgoing.meetingNotMinutes', { type });
  return writeTx(ctx.db, () => {
    const replyTo = opt(f.replyTo) === null ? null : findIncoming(ctx.db, f.replyTo!).number;
    const meeting = forMeeting ? minutesMeeting(ctx.db, f.meeting!) : null;
    const year = Number(on.slice(0, 4));
    const serial = nextDraftSerial(ctx.db, year);
    const draftNo = formatDraftNo(year, serial);
    post(ctx, {
      register: REGISTER,
      action: 'draft',
      table: 'outgoing_docs',
      values: {
        draft_no: draftNo,
        year,
        serial,
        drafted_on: on,
        title,
        drafter,
        dept,
        doc_type: type,
        secret_level: c?.level ?? null,
        secret_period: c?.period ?? null,
        urgency,
        main_to: nameList(f.to),
        cc: nameList(f.cc),
        pages: f.pages ?? null,
        attachments: opt(f.attachments),
        reply_to: replyTo,
        note: opt(f.note),
      },
    });
    if (meeting) addLink(ctx, MINUTES_OF, { register: REGISTER, ref: draftNo }, { register: 'meeting', ref: meeting });
    return docByDraftNo(ctx.db, draftNo)!;
  });
}

/** 审核 (核稿): a reviewer other than the drafter passes the draft on for sign-off. */
export function reviewOutgoing(ctx: Ctx, ref: string, f: { reviewer?: string; on?: string }): OutgoingRow {
  const { '--reviewer': reviewer } = required({ '--reviewer': f.reviewer });
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['拟稿', '退回修改'], '审核');
    if (reviewer === row.drafter) throw dataError('outgoing.ownDraft', { ref: refOf(row), name: reviewer, step: '审核' });
    event(ctx, row, 'review', { kind: '审核', state: '已审核', on_date: stepDate(ctx, f.on, lastOn(row)), who: reviewer });
    return docById(ctx.db, row.id);
  });
}

/** 退回: the reviewer sends the draft back to its drafter with a reason; the revised draft is reviewed again. */
export function returnOutgoing(ctx: Ctx, ref: string, f: { reviewer?: string; reason?: string; on?: string }): OutgoingRow {
  const reason = requireReason(f.reason);
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['拟稿', '退回修改'], '退回');
    const reviewer = opt(f.reviewer);
    if (reviewer === row.drafter) throw dataError('outgoing.ownDraft', { ref: refOf(row), name: reviewer, step: '审核' });
    event(ctx, row, 'return', { kind: '退回', state: '退回修改', on_date: stepDate(ctx, f.on, lastOn(row)), who: reviewer, reason });
    return docById(ctx.db, row.id);
  });
}

/** Who may sign the document off: outgoing.classified-signers for a classified one if set, else outgoing.signers; empty means anyone. */
export function signersOf(db: DB, classified: boolean): string[] {
  const list = (classified ? setting(db, 'outgoing.classified-signers') : undefined) ?? setting(db, 'outgoing.signers') ?? '';
  return splitList(list).filter((n) => n !== '');
}

/** 签发: the responsible leader signs a reviewed draft off; never its drafter; only the names the unit set, if any. */
export function signOutgoing(ctx: Ctx, ref: string, f: { signer?: string; on?: string }): OutgoingRow {
  const { '--signer': signer } = required({ '--signer': f.signer });
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['已审核'], '签发');
    if (signer === row.drafter) throw dataError('outgoing.ownDraft', { ref: refOf(row), name: signer, step: '签发' });
    const allowed = signersOf(ctx.db, row.secret_level !== null);
    if (allowed.length > 0 && !allowed.includes(signer)) throw dataError(row.secret_level ? 'outgoing.notClassifiedSigner' : 'outgoing.notSigner', { name: signer, names: allowed.join('、') });
    event(ctx, row, 'sign', { kind: '签发', state: '已签发', on_date: stepDate(ctx, f.on, lastOn(row)), who: signer });
    return docById(ctx.db, row.id);
  });
}

/**
 * 编号: gives a signed document the next 发文字号 of its 代字 (--prefix, else outgoing.prefix) and
 * the year, `代字〔2026〕7号`, allocated inside the write transaction: no gap, no number twice.
 */
export function numberOutgoing(ctx: Ctx, ref: string, f: { prefix?: string } = {}): OutgoingRow {
  const given = opt(f.prefix);
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['已签发'], '编号');
    const configured = setting(ctx.db, 'outgoing.prefix');
    if (given === null && configured === undefined) throw usageError('outgoing.noPrefix');
    const prefix = checkPrefix(given ?? configured!);
    const on = stepDate(ctx, undefined, lastOn(row));
    const year = Number(on.slice(0, 4));
    const serial = nextNumberSerial(ctx.db, prefix, year);
    const number = formatDocNo({ prefix, year, serial });
    post(ctx, { register: REGISTER, action: 'number', table: 'outgoing_numbers', values: { doc_id: row.id, prefix, year, serial, number, numbered_on: on } });
    event(ctx, row, 'number', { kind: '编号', state: '已编号', on_date: on, data: { number } });
    return docById(ctx.db, row.id);
  });
}

/**
 * 文号作废: a number taken and not used stays in the book as 作废 with its reason, and is never
 * given again; the document goes back to 已签发 and takes a new number. Only before printing:
 * printed copies carry the number.
 */
export function voidNumber(ctx: Ctx, typed: string, f: { reason?: string }): { voided: NumberRow; doc: OutgoingRow } {
  const reason = requireReason(f.reason);
  const reading = readDocNo(typed);
  if (!reading.docNo) throw usageError(reading.problem!, { value: typed.trim() });
  const text = formatDocNo(reading.docNo);
  return writeTx(ctx.db, () => {
    const n = numberByText(ctx.db, text);
    if (!n) throw dataError('outgoing.numberNotFound', { number: text });
    if (n.voided_on !== null) throw dataError('outgoing.numberVoided', { number: n.number, on: n.voided_on, reason: n.void_reason });
    const row = docById(ctx.db, n.doc_id);
    if (row.state !== '已编号') throw dataError('outgoing.numberInUse', { number: n.number, state: row.state });
    const on = stepDate(ctx, undefined, n.numbered_on);
    post(ctx, { register: REGISTER, action: 'void-number', table: 'outgoing_number_voids', values: { number_id: n.id, on_date: on, reason }, reason });
    event(ctx, row, 'void-number', { kind: '文号作废', state: '已签发', on_date: on, data: { number: n.number }, reason });
    return { voided: numberByText(ctx.db, text)!, doc: docById(ctx.db, row.id) };
  });
}

/** The 份号 of a classified print run of `copies`: 000001 … */
export const copyNosOf = (copies: number) => Array.from({ length: copies }, (_, i) => String(i + 1).padStart(6, '0'));

/** 印制: a numbered document is printed in `copies` copies; a classified one gets 份号 000001…N. */
export function printRun(ctx: Ctx, ref: string, f: { copies?: number; on?: string }): OutgoingRow {
  requireFlags({ '--copies': f.copies });
  if (!Number.isInteger(f.copies) || f.copies! < 1 || f.copies! > MAX_COPIES) throw usageError('outgoing.copies', { value: f.copies, max: MAX_COPIES });
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['已编号'], '印制');
    event(ctx, row, 'print-run', { kind: '印制', state: '已印制', on_date: stepDate(ctx, f.on, lastOn(row)), count: f.copies });
    return docById(ctx.db, row.id);
  });
}

/**
 * 用印: a numbered, printed document is stamped through the seal register — the request (文件名称:
 * 发文字号 and title, a classified title masked), its approval and the stamp, under the seal
 * register's rules — for the copies printed unless `count` says fewer; linked both ways. Once.
 */
export function sealOutgoing(ctx: Ctx, ref: string, f: { seal?: string; approver?: string; count?: number }): { doc: OutgoingRow; request: string; line: string } {
  const { '--seal': seal, '--approver': approver } = required({ '--seal': f.seal, '--approver': f.approver });
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['已印制'], '用印');
    const count = f.count ?? row.copies!;
    if (!Number.isInteger(count) || count < 1 || count > row.copies!) throw usageError('outgoing.sealCount', { value: count, copies: row.copies });
    const stamped = stampDocument(ctx, { seal, doc: `${row.doc_no} ${shownTitle(row, false)}`, unit: row.dept, purpose: '发文用印', count, approver, requester: ctx.operator });
    event(ctx, row, 'seal', { kind: '用印', state: '已用印', on_date: today(ctx), count, data: { request: stamped.request, line: stamped.line } });
    addLink(ctx, SEALED, { register: REGISTER, ref: row.draft_no }, { register: 'seal', ref: stamped.request });
    return { doc: docById(ctx.db, row.id), ...stamped };
  });
}

export interface Dispatch {
  to?: string;
  via?: string;
  copyNos?: string[];
  on?: string;
  note?: string;
}

/**
 * 分发登记: one line per recipient. A classified document goes only by 机要 or 专人, names the
 * 份号 it sends (each printed, each sent once); an ordinary one names none.
 */
export function dispatchOutgoing(ctx: Ctx, ref: string, f: Dispatch): OutgoingRow {
  const { '--to': to, '--via': via } = required({ '--to': f.to, '--via': f.via });
  if (!(VIAS as readonly string[]).includes(via)) throw usageError('outgoing.via', { value: via, choices: VIAS.join('|') });
  const copyNos = [...new Set(splitList(f.copyNos).filter((c) => c !== '').map(parseCopyNo))].sort();
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    mustBe(row, ['已印制', '已用印', '已分发'], '分发');
    if (row.secret_level !== null) {
      if (!CLASSIFIED_VIAS.includes(via)) throw dataError('outgoing.classifiedVia', { ref: refOf(row), via, choices: CLASSIFIED_VIAS.join('、') });
      if (copyNos.length === 0) throw usageError('outgoing.copyNoRequired', { ref: refOf(row) });
      const over = copyNos.find((c) => Number(c) > row.copies!);
      if (over) throw dataError('outgoing.copyNotPrinted', { copy: over, copies: row.copies });
      const sent = new Set(dispatchedCopies(ctx.db, row.id));
      const twice = copyNos.find((c) => sent.has(c));
      if (twice) {
        const line = dispatchesOf(ctx.db, row.id).find((d) => (d.copy_nos ?? '').split(',').includes(twice))!;
        throw dataError('outgoing.copyDispatched', { copy: twice, to: line.recipient, on: line.on_date });
      }
    } else if (copyNos.length > 0) throw usageError('outgoing.copyNoOnlyClassified');
    if (dispatchesOf(ctx.db, row.id).some((d) => d.recipient === to)) throw dataError('outgoing.alreadyDispatchedTo', { ref: refOf(row), to });
    const on = stepDate(ctx, f.on, lastOn(row));
    const line = post(ctx, { register: REGISTER, action: 'dispatch', table: 'outgoing_dispatches', values: { doc_id: row.id, recipient: to, via, on_date: on, note: opt(f.note) } });
    for (const copy of copyNos) post(ctx, { register: REGISTER, action: 'dispatch-copy', table: 'outgoing_dispatch_copies', values: { dispatch_id: line.id, doc_id: row.id, copy_no: copy } });
    if (row.state !== '已分发') {
      event(ctx, row, 'dispatch', { kind: '分发', state: '已分发', on_date: on });
      // the document goes out: the incoming one it answers records the reply, and the two are linked
      if (row.reply_to !== null) {
        recordReply(ctx, row.reply_to, row.doc_no!);
        addLink(ctx, ANSWERS, { register: REGISTER, ref: row.draft_no }, { register: 'incoming', ref: row.reply_to });
      }
    }
    return docById(ctx.db, row.id);
  });
}

/** 回执: the recipient of a dispatch line acknowledged it. Once per line. */
export function recordReceipt(ctx: Ctx, ref: string, f: { to?: string; on?: string; note?: string }): OutgoingRow {
  const { '--to': to } = required({ '--to': f.to });
  return writeTx(ctx.db, () => {
    const row = getOutgoing(ctx.db, ref);
    const line = dispatchesOf(ctx.db, row.id).find((d) => d.recipient === to);
    if (!line) throw dataError('outgoing.notDispatchedTo', { ref: refOf(row), to });
    if (line.receipt_on !== null) throw dataError('outgoing.receiptRecorded', { ref: refOf(row), to, on: line.receipt_on });
    post(ctx, { register: REGISTER, action: 'receipt', table: 'outgoing_receipts', values: { dispatch_id: line.id, on_date: stepDate(ctx, f.on, line.on_date), note: opt(f.note) } });
    return docById(ctx.db, row.id);
  });
}

const plusDays = (day: string, n: number) => formatDate(addDays(dateOf(day), n));

/**
 * For `wenmi due`: drafts waiting for review or sign-off longer than outgoing.sign-days (from
 * their last step), and dispatch lines without a 回执 past outgoing.receipt-days.
 */
export function outgoingDeadlines(db: DB, _today: string): DueItem[] {
  const signDays = Number(setting(db, 'outgoing.sign-days'));
  const receiptDays = Number(setting(db, 'outgoing.receipt-days'));
  const drafts: DueItem[] = docsAwaiting(db).map((d) => ({
    register: REGISTER,
    ref: d.draft_no,
    what: `${d.state === '已审核' ? '待签发' : '待审核'}：${shownTitle(d, false)}`,
    who: d.state === '已审核' ? null : d.state === '退回修改' ? d.drafter : null,
    due: plusDays(lastOn(d), signDays),
  }));
  const receipts: DueItem[] = dispatchesWithoutReceipt(db).map((p) => ({
    register: REGISTER,
    ref: p.doc_no ?? p.draft_no,
    what: `待回执：${p.recipient}（${shownTitle(p, false)}）`,
    who: p.recipient,
    due: plusDays(p.on_date, receiptDays),
  }));
  return [...drafts, ...receipts];
}
