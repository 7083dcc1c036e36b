/**
 * The rules of the relay register (信息上传下达): plain functions over the database, no I/O.
 *
 * Two directions, each with its own number series per year (classified entries apart, with M):
 *   下达 (down)  CD2026-0001 / MCD2026-0001 — an instruction or notice from above passed on to
 *               the unit's leaders and departments (传达范围, --to).
 *   上报 (up)    SB2026-0001 / MSB2026-0001 — a report to the level above (--to is that unit).
 *
 * States (computed, never stored; a void is an event):
 *   下达, not important            已传达
 *   下达, important                待确认 ─ every recipient confirms ─► 已确认
 *   上报                           待报送 ─ sent ─► 已报送   (made 已报送 at once unless --by-deadline
 *                                  is given without --sent: then it waits for `relay sent`)
 *   any ─ void --reason ─► 作废
 *
 * Refusals that the data causes exit 1 and write nothing: a classified entry by an insecure
 * channel, a recipient outside the circle, confirming twice, confirming for someone who is not
 * a recipient, confirming a report up, sending a passing-on down or a report already sent,
 * anything on a void entry.
 */
import { addDays } from 'date-fns/addDays';
import { dateOf, formatDate, formatTimestamp, shortMoment } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { dataError, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { formatClassification, maskedTitle, parseClassification } from '../../core/secret.js';
import { addLink } from '../../core/links.js';
import { getSetting } from '../../core/settings.js';
import { findIncoming } from '../incoming/api.js';
import { findOutgoing } from '../outgoing/api.js';
import { entryNumber, splitList } from '../../core/typed.js';
import { settings } from './settings.js';
import { eventsOf, findByNumber, nextSerial, openEntries, type RelayRow } from './sql.js';

export const REGISTER = 'relay';
export const CHANNELS = ['电话', '口头', '短信', '会议', '文件', '机要', '专人'] as const;
/** The only channels classified information may go by: the confidential courier, in person, a meeting. */
export const SECURE_CHANNELS = ['机要', '专人', '会议'] as const;
export const SERIES = ['CD', 'SB', 'MCD', 'MSB'] as const;
export type Direction = '下达' | '上报';

/** Splits `A,B，C、D` (and repeated flags) into distinct trimmed names; a blank one is refused. */
export function parseNames(values: string | string[] | undefined, flag: string): string[] {
  const list = splitList(values);
  if (list.some((n) => n === '')) throw usageError('relay.emptyName', { flag });
  return [...new Set(list)];
}

export function formatNumber(series: string, year: number, serial: number): string {
  return `${series}${year}-${String(serial).padStart(4, '0')}`;
}

/** What `relay down` and `relay up` share. Times and dates already in stored form. */
interface EntryInput {
  summary: string;
  channel?: string | null;
  /** `秘密★5年`, … or null/undefined for an ordinary entry. */
  secret?: string | null;
  note?: string | null;
}

export interface DownInput extends EntryInput {
  source: string;
  to: string[];
  /** When it was received (passed on): a stored moment; default now. */
  receivedAt?: string;
  caller?: string | null;
  important?: boolean;
  /** yyyy-MM-dd; important entries only; default: the entry's day + relay.confirm-days. */
  confirmBy?: string | null;
  circle?: string[];
  /** The 收文编号 (canonical) of the incoming document passed on: the entry links to it (`relayed-from`). */
  fromIncoming?: string;
}

export interface UpInput extends EntryInput {
  to: string;
  /** When it was sent: a stored moment; default now, unless a deadline is given (then it waits for `relay sent`). */
  sentAt?: string;
  deadline?: string | null;
  /** The draft id (canonical) of the outgoing document this report sends up: the entry links to it (`reports`). */
  fromOutgoing?: string;
}

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function checkNotFuture(ctx: Ctx, at: string, code: string): void {
  if (new Date(at) > ctx.clock.now()) throw usageError(code, { at: shortMoment(at), now: shortMoment(formatTimestamp(ctx.clock.now())) });
}

/** The classification and the channel of an entry: classified information goes by a secure channel only. */
function secrecyOf(input: EntryInput): { level: string | null; period: string | null; channel: string | null } {
  const c = blankToNull(input.secret) === null ? null : parseClassification(input.secret!);
  const channel = blankToNull(input.channel);
  if (channel !== null && !(CHANNELS as readonly string[]).includes(channel)) throw usageError('relay.channel', { value: channel, choices: CHANNELS.join('、') });
  if (c && (channel === null || !(SECURE_CHANNELS as readonly string[]).includes(channel)))
    throw dataError('relay.insecureChannel', { channel: channel ?? '—', level: c.level, choices: SECURE_CHANNELS.join('、') });
  return { level: c?.level ?? null, period: c?.period ?? null, channel };
}

function requireText(values: Record<string, string | undefined>): void {
  const missing = Object.keys(values).filter((k) => values[k] === undefined || values[k]!.trim() === '');
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
}

/** Posts a new entry with the next number of its series, and returns it. Call inside writeTx. */
function postEntry(ctx: Ctx, direction: Direction, classified: boolean, values: Record<string, unknown> & { at: string }): RelayRow {
  const series = `${classified ? 'M' : ''}${direction === '下达' ? 'CD' : 'SB'}`;
  const year = Number(values.at.slice(0, 4));
  const serial = nextSerial(ctx.db, series, year);
  const number = formatNumber(series, year, serial);
  post(ctx, { register: REGISTER, action: direction === '下达' ? 'down' : 'up', table: 'relay_entries', values: { number, series, year, serial, direction, on_date: values.at.slice(0, 10), ...values } });
  return findByNumber(ctx.db, number)!;
}

/** The days recipients have to confirm an important passing-on (setting relay.confirm-days). */
export function confirmDays(db: DB): number {
  return Number(getSetting(db, settings, 'relay.confirm-days'));
}

/** 下达: records an instruction or notice from above and who it was passed on to. */
export function relayDown(ctx: Ctx, input: DownInput): RelayRow {
  requireText({ '--source': input.source, '--summary': input.summary });
  const to = parseNames(input.to, '--to');
  if (to.length === 0) throw usageError('input.missing', { flags: '--to' });
  const circle = parseNames(input.circle, '--circle');
  const at = input.receivedAt ?? formatTimestamp(ctx.clock.now());
  checkNotFuture(ctx, at, 'relay.inFuture');
  const caller = blankToNull(input.caller);
  // a call is logged with its caller: the channel is the phone unless another is named
  const secrecy = secrecyOf({ ...input, channel: blankToNull(input.channel) ?? (caller !== null ? '电话' : null) });
  if (secrecy.level === null && circle.length > 0) throw usageError('relay.circleOnlyClassified');
  if (secrecy.level !== null && circle.length === 0) throw usageError('relay.circleRequired');
  const outside = to.filter((n) => !circle.includes(n));
  if (secrecy.level !== null && outside.length > 0) throw dataError('relay.outsideCircle', { names: outside.join('、'), circle: circle.join('、') });
  const important = input.important === true;
  let confirmBy = blankToNull(input.confirmBy);
  if (confirmBy !== null && !important) throw usageError('relay.confirmByOnlyImportant');
  return writeTx(ctx.db, () => {
    // a classified document is passed on as classified information: by a secure channel, to its circle
    if (input.fromIncoming !== undefined) {
      const doc = findIncoming(ctx.db, input.fromIncoming);
      if (doc.secretLevel !== null && secrecy.level === null) throw dataError('relay.incomingClassified', { ref: doc.number, level: doc.secretLevel });
    }
    if (important && confirmBy === null) confirmBy = formatDate(addDays(dateOf(at), confirmDays(ctx.db)));
    if (confirmBy !== null && confirmBy < at.slice(0, 10)) throw usageError('relay.confirmByBeforeEntry', { date: confirmBy, on: at.slice(0, 10) });
    const row = postEntry(ctx, '下达', secrecy.level !== null, {
      at,
      party: input.source.trim(),
      caller,
      channel: secrecy.channel,
      summary: input.summary.trim(),
      recipients: JSON.stringify(to),
      important: important ? 1 : 0,
      confirm_by: confirmBy,
      secret_level: secrecy.level,
      secret_period: secrecy.period,
      circle: secrecy.level !== null ? JSON.stringify(circle) : null,
      note: blankToNull(input.note),
    });
    if (input.fromIncoming !== undefined) addLink(ctx, 'relayed-from', { register: REGISTER, ref: row.number }, { register: 'incoming', ref: input.fromIncoming });
    return row;
  });
}

/** 上报: records a report to the level above: sent now (or at --sent), or awaiting `relay sent` when it has a deadline and is not sent yet. */
export function relayUp(ctx: Ctx, input: UpInput): RelayRow {
  requireText({ '--to': input.to, '--summary': input.summary });
  if (input.sentAt !== undefined) checkNotFuture(ctx, input.sentAt, 'relay.inFuture');
  const secrecy = secrecyOf(input);
  const deadline = blankToNull(input.deadline);
  const at = input.sentAt ?? formatTimestamp(ctx.clock.now());
  return writeTx(ctx.db, () => {
    // a classified document is sent up as classified information, by a secure channel
    if (input.fromOutgoing !== undefined) {
      const doc = findOutgoing(ctx.db, input.fromOutgoing);
      if (doc.secretLevel !== null && secrecy.level === null) throw dataError('relay.outgoingClassified', { ref: doc.docNo ?? doc.draftNo, level: doc.secretLevel });
    }
    const row = postEntry(ctx, '上报', secrecy.level !== null, {
      at,
      party: input.to.trim(),
      channel: secrecy.channel,
      summary: input.summary.trim(),
      recipients: null,
      important: 0,
      deadline,
      secret_level: secrecy.level,
      secret_period: secrecy.period,
      note: blankToNull(input.note),
    });
    if (input.sentAt !== undefined || deadline === null) postEvent(ctx, row, 'sent', { at });
    if (input.fromOutgoing !== undefined) addLink(ctx, 'reports', { register: REGISTER, ref: row.number }, { register: 'outgoing', ref: input.fromOutgoing });
    return findByNumber(ctx.db, row.number)!;
  });
}

function postEvent(ctx: Ctx, row: RelayRow, kind: 'confirm' | 'sent' | 'void', e: { person?: string; at: string; reason?: string }): void {
  post(ctx, {
    register: REGISTER,
    action: kind,
    table: 'relay_events',
    values: { entry_id: row.id, kind, person: e.person ?? null, at: e.at, reason: e.reason ?? null },
    reason: e.reason ?? null,
  });
}

/** Finds an entry by its number (`CD2026-0001`; `cd2026-1`, full-width forms too), or refuses (exit 1). */
export function getRelay(db: DB, ref: string): RelayRow {
  const number = entryNumber(ref, SERIES);
  const row = number === null ? undefined : findByNumber(db, number);
  if (!row) throw dataError('relay.notFound', { ref });
  return row;
}

export const recipientsOf = (row: RelayRow): string[] => (row.recipients ? (JSON.parse(row.recipients) as string[]) : []);
export const circleOf = (row: RelayRow): string[] => (row.circle ? (JSON.parse(row.circle) as string[]) : []);

/** Who has confirmed, with when, in order. */
export function confirmationsOf(db: DB, row: RelayRow): { person: string; at: string; late: boolean }[] {
  return eventsOf(db, row.id, 'confirm').map((e) => ({ person: e.person!, at: e.at, late: row.confirm_by !== null && e.at.slice(0, 10) > row.confirm_by }));
}

/** Recipients who have not confirmed yet, in the order they were named. */
export function unconfirmed(db: DB, row: RelayRow): string[] {
  const done = new Set(confirmationsOf(db, row).map((c) => c.person));
  return recipientsOf(row).filter((n) => !done.has(n));
}

/** The state word of an entry (see the header). */
export function stateOf(row: RelayRow): string {
  if (row.voided > 0) return '作废';
  if (row.direction === '上报') return row.sent_at === null ? '待报送' : '已报送';
  if (row.important === 0) return '已传达';
  return row.confirmed >= recipientsOf(row).length ? '已确认' : '待确认';
}

function requireNotVoid(row: RelayRow): void {
  if (row.voided > 0) throw dataError('relay.isVoid', { ref: row.number });
}

/** 确认: a recipient acknowledges a passing-on (who, when). */
export function confirmRelay(ctx: Ctx, ref: string, person: string, at?: string): RelayRow {
  requireText({ '--person': person });
  const name = person.trim();
  return writeTx(ctx.db, () => {
    const row = getRelay(ctx.db, ref);
    requireNotVoid(row);
    if (row.direction !== '下达') throw dataError('relay.confirmOnlyDown', { ref: row.number });
    if (!recipientsOf(row).includes(name)) throw dataError('relay.notRecipient', { ref: row.number, name, recipients: recipientsOf(row).join('、') });
    const before = confirmationsOf(ctx.db, row).find((c) => c.person === name);
    if (before) throw dataError('relay.alreadyConfirmed', { ref: row.number, name, at: shortMoment(before.at) });
    const when = at ?? formatTimestamp(ctx.clock.now());
    checkNotFuture(ctx, when, 'relay.inFuture');
    if (new Date(when) < new Date(row.at)) throw usageError('relay.beforeEntry', { at: shortMoment(when), entry: shortMoment(row.at) });
    postEvent(ctx, row, 'confirm', { person: name, at: when });
    return getRelay(ctx.db, row.number);
  });
}

/** 报送: a report up that waited for its deadline is sent. */
export function markSent(ctx: Ctx, ref: string, at?: string): RelayRow {
  return writeTx(ctx.db, () => {
    const row = getRelay(ctx.db, ref);
    requireNotVoid(row);
    if (row.direction !== '上报') throw dataError('relay.sentOnlyUp', { ref: row.number });
    if (row.sent_at !== null) throw dataError('relay.alreadySent', { ref: row.number, at: shortMoment(row.sent_at) });
    const when = at ?? formatTimestamp(ctx.clock.now());
    checkNotFuture(ctx, when, 'relay.inFuture');
    if (new Date(when) < new Date(row.at)) throw usageError('relay.beforeEntry', { at: shortMoment(when), entry: shortMoment(row.at) });
    postEvent(ctx, row, 'sent', { at: when });
    return getRelay(ctx.db, row.number);
  });
}

/** 作废: the number stays in the register, marked void, with the reason. */
export function voidRelay(ctx: Ctx, ref: string, reason: string | undefined): RelayRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const row = getRelay(ctx.db, ref);
    if (row.voided > 0) throw dataError('relay.alreadyVoid', { ref: row.number });
    postEvent(ctx, row, 'void', { at: formatTimestamp(ctx.clock.now()), reason: why });
    return getRelay(ctx.db, row.number);
  });
}

/** The summary as lists show it: a classified one is masked unless revealed. */
export function shownSummary(row: RelayRow, reveal: boolean): string {
  return row.secret_level !== null && !reveal ? maskedTitle(row.secret_level) : row.summary;
}

export const classificationOf = (row: RelayRow): string => formatClassification(row.secret_level, row.secret_period);

/** Whether a report up was sent after its deadline. */
export const sentLate = (row: RelayRow): boolean => row.deadline !== null && row.sent_at !== null && row.sent_at.slice(0, 10) > row.deadline;

/**
 * For `wenmi due`: each important passing-on down still missing confirmations (due on its
 * confirm-by day; who: the recipients still to confirm), and each report up not yet sent
 * (due on its deadline; who: the unit it goes to). Void entries are left out.
 */
export function relayDeadlines(db: DB, _today: string): DueItem[] {
  const items: DueItem[] = [];
  for (const row of openEntries(db)) {
    if (row.direction === '下达') {
      const missing = unconfirmed(db, row);
      if (missing.length === 0 || row.confirm_by === null) continue;
      items.push({ register: REGISTER, ref: row.number, what: shownSummary(row, false), who: missing.join('、'), due: row.confirm_by });
    } else items.push({ register: REGISTER, ref: row.number, what: shownSummary(row, false), who: row.party, due: row.deadline! });
  }
  return items;
}
