/**
 * The rules of the seal register, part one: seals and their custody. Plain functions over the
 * database, no I/O; every write in its own IMMEDIATE transaction, posted through post().
 * A seal's state, custodian and location are never stored as a current value: each custody event
 * records the state after it, and seal_current reads the latest.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate } from '../../core/dates.js';
import { getSetting } from '../../core/settings.js';
import { sealSettings } from './settings.js';
import type { DB } from '../../core/db.js';
import { writeTx } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { dataError, requireFlags, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { splitList } from '../../core/typed.js';
import { lastStampOn, listRequests, nextSealSerial, sealByCode, sealsByName, sealsNameContains, sealsOutOrLost, type SealRow } from './sql.js';

export const REGISTER = 'seal';
export const SEAL_TYPES = ['公章', '合同章', '财务章', '部门章', '领导手章'] as const;
export const SEAL_STATES = ['在用', '外借', '停用', '封存', '遗失', '销毁'] as const;
export const RETIRE_HOW = ['停用', '封存', '销毁'] as const;
/** States in which a seal is gone for good: it is never used again. */
export const GONE_STATES = ['遗失', '销毁'];

export const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim());

/** Refuses when any of the named values is missing, naming every missing flag at once. */

export const today = (ctx: Ctx) => formatDate(ctx.clock.now());

/** The date of a new event: today unless given; never in the future, never before `notBefore`. */
export function eventDate(ctx: Ctx, on: string | undefined, notBefore: string | null | undefined, what: string): string {
  const day = on ?? today(ctx);
  if (day > today(ctx)) throw usageError('seal.dateInFuture', { date: day, today: today(ctx) });
  if (notBefore && day < notBefore) throw usageError('seal.dateTooEarly', { date: day, earliest: notBefore, what });
  return day;
}

export function formatSealCode(serial: number): string {
  return `S${String(serial).padStart(3, '0')}`;
}

const CODE_RE = /^s0*(\d{1,6})$/i;

/**
 * Finds a seal by its code (S001, s1, full-width Ｓ００１) or by name: an exact name first, else a part of a name.
 * Where several seals of one name match (an old one lost or destroyed, its successor in use), the one
 * still in existence is meant. Parts of different names are ambiguous even if only one of those seals
 * is in use: `公章` must not quietly pick 党委公章 when 办公室公章 was lost.
 */
export function getSeal(db: DB, ref: string): SealRow {
  const r = ref.trim();
  if (r === '') throw usageError('input.missing', { flags: 'SEAL' });
  const code = CODE_RE.exec(r.normalize('NFKC'));
  if (code) {
    const row = sealByCode(db, formatSealCode(Number(code[1])));
    if (row) return row;
  }
  for (const found of [sealsByName(db, r), sealsNameContains(db, r)]) {
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      const live = found.filter((s) => !GONE_STATES.includes(s.state));
      if (live.length === 1 && found.every((s) => s.name === found[0]!.name)) return live[0]!;
      throw dataError('seal.ambiguous', { ref: r, matches: found.map((s) => `${s.code} ${s.name}（${s.state}）`).join('、') });
    }
  }
  throw dataError('seal.notFound', { ref: r });
}

export interface NewSeal {
  name?: string;
  type?: string;
  custodian?: string;
  location?: string;
  since?: string;
  note?: string;
}

/** 启用: registers a seal in use with its custodian and place; gives it the next code S001, S002, … */
export function addSeal(ctx: Ctx, f: NewSeal): SealRow {
  const name = text(f.name);
  const custodian = text(f.custodian);
  requireFlags({ '--name': name, '--type': text(f.type), '--custodian': custodian });
  const type = f.type!.trim();
  if (!(SEAL_TYPES as readonly string[]).includes(type)) throw usageError('seal.type', { value: type, choices: SEAL_TYPES.join('、') });
  if (CODE_RE.test(name!.normalize('NFKC'))) throw usageError('seal.nameLikeCode', { name });
  const since = eventDate(ctx, f.since, null, '');
  return writeTx(ctx.db, () => {
    const clash = sealsByName(ctx.db, name!).find((s) => !GONE_STATES.includes(s.state));
    if (clash) throw dataError('seal.nameTaken', { name, code: clash.code, state: clash.state });
    const code = formatSealCode(nextSealSerial(ctx.db));
    const seal = post(ctx, { register: REGISTER, action: 'add', table: 'seals', values: { code, serial: Number(code.slice(1)), name, type, since, note: text(f.note) ?? null } });
    post(ctx, { register: REGISTER, action: 'add', table: 'seal_events', values: { seal_id: seal.id, kind: '启用', state: '在用', on_date: since, custodian, location: text(f.location) ?? null } });
    return sealByCode(ctx.db, code)!;
  });
}

/** Posts one custody event for a seal, read afresh inside the transaction. */
function custodyEvent(ctx: Ctx, ref: string, check: (seal: SealRow) => Record<string, unknown>, reason?: string | null): SealRow {
  return writeTx(ctx.db, () => {
    const seal = getSeal(ctx.db, ref);
    const values = check(seal);
    post(ctx, { register: REGISTER, action: String(values.action), table: 'seal_events', values: { ...values, action: undefined, seal_id: seal.id }, reason: reason ?? null });
    return sealByCode(ctx.db, seal.code)!;
  });
}

/**
 * The date of a custody event: not before the seal's last custody event, nor before its last line
 * in the usage register, so the register never shows a stamp made while the seal was out, lost
 * or retired.
 */
function custodyDate(ctx: Ctx, seal: SealRow, on: string | undefined): string {
  const stamped = lastStampOn(ctx.db, seal.id);
  return stamped !== null && stamped > seal.last_on ? eventDate(ctx, on, stamped, '用印') : eventDate(ctx, on, seal.last_on, seal.last_kind);
}

export interface Handover {
  to?: string;
  /** One or more witnesses (监交人); each is recorded. */
  witnesses?: string[];
  location?: string;
  on?: string;
  reason?: string;
}

/** The names given (repeated flags, or `A,B`, `A，B`, `A、B`), trimmed, without empty ones or repeats, in the order given. */
export const names = (given: string[] | undefined) => [...new Set(splitList(given).filter((w) => w !== ''))];

/** 移交: the seal passes from its custodian to another, before witnesses (neither giver nor receiver). */
export function handoverSeal(ctx: Ctx, ref: string, f: Handover): SealRow {
  const to = text(f.to);
  const witnesses = names(f.witnesses);
  requireFlags({ '--to': to, '--witness': witnesses[0] });
  return custodyEvent(
    ctx,
    ref,
    (seal) => {
      if (!['在用', '停用', '封存'].includes(seal.state)) throw dataError('seal.cannotHandover', { code: seal.code, name: seal.name, state: seal.state });
      if (to === seal.custodian) throw usageError('seal.sameCustodian', { code: seal.code, custodian: to });
      const party = witnesses.find((w) => w === to || w === seal.custodian);
      if (party) throw usageError('seal.witnessIsParty', { witness: party });
      const on = custodyDate(ctx, seal, f.on);
      return { action: 'handover', kind: '移交', state: seal.state, on_date: on, custodian: to, location: text(f.location) ?? null, counterpart: seal.custodian, witnesses: JSON.stringify(witnesses), reason: text(f.reason) ?? null };
    },
    text(f.reason),
  );
}

export interface Loan {
  to?: string;
  due?: string;
  approver?: string;
  on?: string;
  reason?: string;
}

/** 外借: the seal leaves the office with a borrower until a due date, on an approver's word. */
export function lendSeal(ctx: Ctx, ref: string, f: Loan): SealRow {
  const to = text(f.to);
  const approver = text(f.approver);
  requireFlags({ '--to': to, '--due': text(f.due), '--approver': approver });
  return custodyEvent(
    ctx,
    ref,
    (seal) => {
      if (seal.state !== '在用') throw dataError('seal.cannotLend', { code: seal.code, name: seal.name, state: seal.state });
      const on = custodyDate(ctx, seal, f.on);
      if (f.due! < on) throw usageError('seal.dueBeforeLend', { due: f.due, on });
      return { action: 'lend', kind: '外借', state: '外借', on_date: on, counterpart: to, approver, due: f.due, reason: text(f.reason) ?? null };
    },
    text(f.reason),
  );
}

/** 归还: a lent seal comes back to its custodian. */
export function returnSeal(ctx: Ctx, ref: string, f: { on?: string; note?: string } = {}): SealRow {
  return custodyEvent(ctx, ref, (seal) => {
    if (seal.state !== '外借') throw dataError('seal.notLent', { code: seal.code, name: seal.name, state: seal.state });
    const on = custodyDate(ctx, seal, f.on);
    return { action: 'return', kind: '归还', state: '在用', on_date: on, counterpart: seal.holder, note: text(f.note) ?? null };
  });
}

/** 遗失/被盗: reported at once and declared void; the seal can never be used again. */
export function reportLost(ctx: Ctx, ref: string, f: { reason?: string; on?: string; reportedTo?: string; notice?: string }): SealRow {
  const reason = text(f.reason);
  requireReason(reason);
  return custodyEvent(
    ctx,
    ref,
    (seal) => {
      if (GONE_STATES.includes(seal.state)) throw dataError('seal.cannotLose', { code: seal.code, name: seal.name, state: seal.state });
      const on = custodyDate(ctx, seal, f.on);
      const report = { reported_to: text(f.reportedTo), notice: text(f.notice) };
      return { action: 'lost', kind: '遗失', state: '遗失', on_date: on, counterpart: seal.holder ?? seal.custodian, reason, ...report };
    },
    reason,
  );
}

export interface Retirement {
  how?: string;
  witnesses?: string[];
  on?: string;
  reason?: string;
}

/**
 * 停用 / 封存 / 销毁, before exactly two distinct witnesses. A lent seal must come back first.
 * A lost seal may be retired too (found and sealed away, or its case closed), with a reason; that
 * ends its alert in `wenmi due`.
 */
export function retireSeal(ctx: Ctx, ref: string, f: Retirement): SealRow {
  const how = text(f.how);
  requireFlags({ '--how': how });
  if (!(RETIRE_HOW as readonly string[]).includes(how!)) throw usageError('seal.how', { value: how, choices: RETIRE_HOW.join('|') });
  const given = splitList(f.witnesses).filter((w) => w !== '');
  const distinct = names(given);
  if (given.length !== 2 || distinct.length !== 2) throw usageError('seal.twoWitnesses', { count: distinct.length });
  const reason = text(f.reason);
  return custodyEvent(
    ctx,
    ref,
    (seal) => {
      if (seal.state === '外借') throw dataError('seal.retireWhileLent', { code: seal.code, name: seal.name, holder: seal.holder });
      if (seal.state === '销毁') throw dataError('seal.isDestroyed', { code: seal.code, name: seal.name });
      if (seal.state === how) throw dataError('seal.alreadyState', { code: seal.code, name: seal.name, state: how });
      if (seal.state === '遗失' && !reason) throw usageError('seal.lostRetireReason', { code: seal.code });
      const on = custodyDate(ctx, seal, f.on);
      return { action: 'retire', kind: how, state: how, on_date: on, witnesses: JSON.stringify(distinct), reason: reason ?? null };
    },
    reason,
  );
}

/**
 * For `wenmi due`: every seal out on loan (due on its return date, the borrower acts), and every
 * lost seal (due on the day it was reported, so it shows as overdue from the next day) until it
 * is retired.
 */
export function sealDeadlines(db: DB, _today: string): DueItem[] {
  const custody: DueItem[] = sealsOutOrLost(db).map((s) =>
    s.state === '外借'
      ? { register: REGISTER, ref: s.code, what: `外借：${s.name}`, who: s.holder, due: s.due! }
      : { register: REGISTER, ref: s.code, what: `遗失：${s.name}（${s.lost_reason ?? ''}）`, who: s.holder, due: s.lost_on! },
  );
  return [...custody, ...unstampedRequests(db)];
}

/** Approved requests never stamped, due seal.request-days after their approval (none when the setting is unset). */
function unstampedRequests(db: DB): DueItem[] {
  const days = getSetting(db, sealSettings, 'seal.request-days');
  if (days === undefined) return [];
  return listRequests(db, { state: '已批准' }).map((r) => ({
    register: REGISTER,
    ref: r.number,
    what: `未用印：${r.seal_name}，${r.doc}`,
    who: r.requester,
    due: formatDate(addDays(dateOf(r.approved_on!), Number(days))),
  }));
}
