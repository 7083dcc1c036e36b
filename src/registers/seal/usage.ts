/**
 * The rules of the seal register, part two: 用印申请 → 批准/驳回 → 用印. A request names its document
 * (never blank paper); only an approved request of a seal in use (在用) is stamped; the total
 * stamped never exceeds the approved count. Each check reads the data inside the write transaction.
 */
import { checkApprover, onList, registeredBy } from '../../core/approval.js';
import type { DB } from '../../core/db.js';
import { addLink } from '../../core/links.js';
import { findIncoming } from '../incoming/api.js';
import { writeTx } from '../../core/db.js';
import { dataError, requireFlags, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { entryNumber, foldTyped } from '../../core/typed.js';
import { eventDate, getSeal, REGISTER, text, today } from './rules.js';
import { sealNames } from './settings.js';
import { lineNumber, nextRequestSerial, nextStampSerial, requestByNumber, stampLine, stampLineByNumber, type RequestRow, type SealRow, type StampLine } from './sql.js';

/** States of a request, as seal_request_current derives them. */
export const REQUEST_STATES = ['待批准', '已批准', '部分用印', '已用印', '已驳回', '已撤销'] as const;
/** Seal states in which no request is taken or approved. */
const UNUSABLE = ['遗失', '停用', '封存', '销毁'];

/** Names that say there is no document: the whole name, not a prefix (无犯罪记录证明 and 无锡… are real documents). */
const NO_DOCUMENT = new Set(['空白', '白纸', '无', '没有', '待定', '暂无', 'blank', 'none', 'na', 'nil', 'tbd', 'tba', 'null', 'empty', 'x', 'xx', 'xxx']);

/**
 * True for a document name that is obviously blank paper: 空白纸, 空白介绍信, 空白页, 白纸, blank, …
 * Stamping blank paper or a blank letter of introduction is never allowed.
 */
export function looksBlank(doc: string): boolean {
  const d = doc.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  if (d === '' || NO_DOCUMENT.has(d)) return true;
  if (d.startsWith('空白') || /\bblank\b/i.test(doc.normalize('NFKC'))) return true;
  return /空白(的)?(纸|页|介绍信|信笺|信纸|文件|文书|合同|表|单据|证明|授权书|委托书|函)/.test(d);
}

export function formatRequestNumber(year: number, serial: number): string {
  return `Y${year}-${String(serial).padStart(4, '0')}`;
}

/** Finds a request by its number: Y2026-0001, y2026-1, full-width Ｙ２０２６－０００１, or a dash typed as — or _. */
export function getRequest(db: DB, ref: string): RequestRow {
  const number = entryNumber(ref, ['Y']);
  const row = number === null ? undefined : requestByNumber(db, number);
  if (!row) throw dataError('seal.requestNotFound', { ref: ref.trim() });
  return row;
}

function usable(seal: SealRow): void {
  if (UNUSABLE.includes(seal.state)) throw dataError('seal.notUsable', { code: seal.code, name: seal.name, state: seal.state });
}

/** The most copies one request, approval or stamp may name: beyond it a count is a typo, and past 2^53 it would silently lose digits. */
export const MAX_COUNT = 99_999;

function checkCount(n: number | undefined, flag: string): void {
  if (n === undefined) return;
  if (!Number.isInteger(n) || n < 1) throw usageError('seal.count', { flag, value: n });
  if (n > MAX_COUNT) throw usageError('seal.countTooLarge', { flag, value: n, max: MAX_COUNT });
}

export interface NewRequest {
  seal?: string;
  doc?: string;
  unit?: string;
  purpose?: string;
  count?: number;
  requester?: string;
  /** 重要文件: only a leader (seal.leaders) approves it. */
  important?: boolean;
  /** The incoming document it stamps (收文编号, canonical): linked, and its title is the 文件名称 unless --doc is given. */
  incoming?: string;
  on?: string;
  note?: string;
}

/** 用印申请: gives the request the next number of its year, Y2026-0001, without gaps. */
export function requestUse(ctx: Ctx, f: NewRequest): RequestRow {
  const doc = text(f.doc) ?? (f.incoming === undefined ? undefined : documentName(ctx.db, f.incoming));
  requireFlags({ '--seal': text(f.seal), '--doc': doc, '--unit': text(f.unit), '--purpose': text(f.purpose), '--count': f.count });
  if (looksBlank(doc!)) throw usageError('seal.blankDocument', { doc });
  checkCount(f.count, '--count');
  return writeTx(ctx.db, () => {
    const seal = getSeal(ctx.db, f.seal!);
    usable(seal);
    const on = eventDate(ctx, f.on, seal.since, '启用');
    const year = Number(on.slice(0, 4));
    const serial = nextRequestSerial(ctx.db, year);
    const number = formatRequestNumber(year, serial);
    post(ctx, {
      register: REGISTER,
      action: 'request',
      table: 'seal_requests',
      values: { number, year, serial, seal_id: seal.id, requested_on: on, doc, unit: text(f.unit), purpose: text(f.purpose), count: f.count, requester: text(f.requester) ?? null, note: text(f.note) ?? null, important: f.important ? 1 : 0 },
    });
    if (f.incoming !== undefined) addLink(ctx, STAMPS_FOR, { register: REGISTER, ref: number }, { register: 'incoming', ref: findIncoming(ctx.db, f.incoming).number });
    return requestByNumber(ctx.db, number)!;
  });
}

export const STAMPS_FOR = 'stamps-for';

/** The 文件名称 of an incoming document: its title, or for a classified one its number and level (never the title). */
function documentName(db: DB, ref: string): string {
  const inc = findIncoming(db, ref);
  return inc.secretLevel === null ? inc.title : `收文 ${inc.number}（${inc.secretLevel}）`;
}

function pending(row: RequestRow): void {
  if (row.state !== '待批准') throw dataError('seal.requestNotPending', { number: row.number, state: row.state });
}

/**
 * Who may approve a use: not the requester nor whoever registered the request; when seal.approvers
 * is set, one of them; for an important document (--important), one of seal.leaders.
 */
export function checkSealApprover(db: DB, row: RequestRow, approver: string): void {
  checkApprover({ approver, askers: [row.requester, registeredBy(db, 'seal_requests', row.id)], listKey: 'seal.approvers', names: sealNames(db, 'seal.approvers') });
  if (row.important !== 1) return;
  const leaders = sealNames(db, 'seal.leaders');
  if (leaders.length === 0) throw dataError('approval.noLeaders', { key: 'seal.leaders' });
  if (!onList(approver, leaders)) throw dataError('approval.notLeader', { approver, key: 'seal.leaders', names: leaders.join('、') });
}

/** 批准: the approver allows the request, for its count or fewer. */
export function approveRequest(ctx: Ctx, ref: string, f: { approver?: string; count?: number; on?: string }): RequestRow {
  const approver = text(f.approver);
  requireFlags({ '--approver': approver });
  checkCount(f.count, '--count');
  return writeTx(ctx.db, () => {
    const row = getRequest(ctx.db, ref);
    pending(row);
    const count = f.count ?? row.count;
    if (count > row.count) throw usageError('seal.approveMore', { number: row.number, count, requested: row.count });
    usable(getSeal(ctx.db, row.seal_code));
    checkSealApprover(ctx.db, row, approver!);
    const on = eventDate(ctx, f.on, row.requested_on, row.number);
    post(ctx, { register: REGISTER, action: 'approve', table: 'seal_request_events', values: { request_id: row.id, kind: '批准', on_date: on, approver, count } });
    return getRequest(ctx.db, row.number);
  });
}

/** 驳回: the request is refused, with a reason. */
export function rejectRequest(ctx: Ctx, ref: string, f: { reason?: string; approver?: string; on?: string }): RequestRow {
  const reason = text(f.reason);
  requireReason(reason);
  return writeTx(ctx.db, () => {
    const row = getRequest(ctx.db, ref);
    pending(row);
    const on = eventDate(ctx, f.on, row.requested_on, row.number);
    post(ctx, { register: REGISTER, action: 'reject', table: 'seal_request_events', values: { request_id: row.id, kind: '驳回', on_date: on, approver: text(f.approver) ?? ctx.operator, reason }, reason });
    return getRequest(ctx.db, row.number);
  });
}

/** 撤销: an open request (pending, or approved and not fully stamped) is closed; what was stamped stays. */
export function cancelRequest(ctx: Ctx, ref: string, f: { reason?: string; on?: string }): RequestRow {
  const reason = text(f.reason);
  requireReason(reason);
  return writeTx(ctx.db, () => {
    const row = getRequest(ctx.db, ref);
    if (!['待批准', '已批准', '部分用印'].includes(row.state)) throw dataError('seal.cannotCancel', { number: row.number, state: row.state });
    const on = eventDate(ctx, f.on, row.approved_on ?? row.requested_on, row.number);
    post(ctx, { register: REGISTER, action: 'cancel', table: 'seal_request_events', values: { request_id: row.id, kind: '撤销', on_date: on, reason }, reason });
    return getRequest(ctx.db, row.number);
  });
}

export interface Stamping {
  /** Default: all that the approval still allows. */
  count?: number;
  /** 经办人; default the requester, else the operator. */
  handler?: string;
  on?: string;
  note?: string;
}

/** 用印: writes one line of the usage register. */
export function stampRequest(ctx: Ctx, ref: string, f: Stamping = {}): { line: StampLine; request: RequestRow } {
  checkCount(f.count, '--count');
  return writeTx(ctx.db, () => {
    const row = getRequest(ctx.db, ref);
    if (row.state === '待批准') throw dataError('seal.notApproved', { number: row.number });
    if (row.state === '已驳回' || row.state === '已撤销') throw dataError('seal.requestClosed', { number: row.number, state: row.state });
    if (row.state === '已用印') throw dataError('seal.fullyStamped', { number: row.number, approved: row.approved });
    const seal = getSeal(ctx.db, row.seal_code);
    if (seal.state !== '在用') throw dataError('seal.sealNotInUse', { code: seal.code, name: seal.name, state: seal.state });
    const remaining = row.approved! - row.stamped;
    const count = f.count ?? remaining;
    if (count > remaining) throw dataError('seal.overCount', { number: row.number, count, approved: row.approved, stamped: row.stamped, remaining });
    // not before the approval, nor before the seal's last custody event (it was elsewhere, or with someone else, before)
    const [notBefore, after] = seal.last_on > row.approved_on! ? [seal.last_on, seal.last_kind] : [row.approved_on!, row.number];
    const on = eventDate(ctx, f.on, notBefore, after);
    const handler = text(f.handler) ?? row.requester ?? ctx.operator;
    // the book is kept by the year of the stamping: its lines are numbered 2026-0001, 2026-0002, …
    const year = Number(on.slice(0, 4));
    const stamp = post(ctx, {
      register: REGISTER,
      action: 'stamp',
      table: 'seal_stamps',
      values: { request_id: row.id, seal_id: seal.id, stamped_on: on, count, handler, custodian: seal.custodian, note: text(f.note) ?? null, year, serial: nextStampSerial(ctx.db, year) },
    });
    const line = stampLine(ctx.db, stamp.id)!;
    return { line, request: getRequest(ctx.db, row.number) };
  });
}

/**
 * Reads a line number (序号) of the usage register: `2026-0012`, `2026-12`, full-width
 * `２０２６－００１２`; a bare `12` (or `#12`) is line 12 of `year` (this year). Anything else is a
 * usage error; a number with no such line is a data error.
 */
export function getStampLine(db: DB, ref: string, year: number): StampLine {
  const r = foldTyped(ref);
  const full = entryNumber(r, ['']);
  const bare = /^#?\s*0*(\d{1,9})$/.exec(r);
  const [y, serial] = full !== null ? full.split('-').map(Number) : bare ? [year, Number(bare[1])] : [];
  if (y === undefined || serial === undefined || serial < 1) throw usageError('seal.lineRef', { ref: r });
  const line = stampLineByNumber(db, y, serial);
  if (!line) throw dataError('seal.lineNotFound', { line: lineNumber(y, serial) });
  return line;
}

export interface StampVoid {
  reason?: string;
  /** Who allowed the correction (批准人). */
  approver?: string;
  on?: string;
}

/**
 * 作废 (红字冲销): a line recorded wrongly (wrong count, wrong request, recorded twice) is voided by a
 * new row that names it, with a reason and an approver. The line stays in the register, marked;
 * its copies no longer count, so the request may be stamped again up to its approved count.
 * A line is voided once. The void is dated on or after the line, never in the future.
 */
export function voidStamp(ctx: Ctx, ref: string, f: StampVoid): { line: StampLine; request: RequestRow } {
  const reason = text(f.reason);
  const approver = text(f.approver);
  requireFlags({ '--reason': reason, '--approver': approver });
  return writeTx(ctx.db, () => {
    const line = getStampLine(ctx.db, ref, Number(today(ctx).slice(0, 4)));
    if (line.voided_on !== null) throw dataError('seal.alreadyVoided', { line: line.no, on: line.voided_on, reason: line.void_reason, approver: line.void_approver });
    const on = eventDate(ctx, f.on, line.stamped_on, `${line.number} ${line.no}`);
    post(ctx, { register: REGISTER, action: 'void-stamp', table: 'seal_stamp_voids', values: { stamp_id: line.id, on_date: on, reason, approver }, reason });
    return { line: stampLine(ctx.db, line.id)!, request: getRequest(ctx.db, line.number) };
  });
}
