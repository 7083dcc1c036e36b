/**
 * Copies and who holds them (传阅, 交接, 清退/销毁, 知悉范围, 清点核对).
 *
 * A document has `copies` copies. A classified copy is named by its 份号: the registered copy_no
 * is the first, and N copies are copy_no … copy_no+N-1 (000003, 000004, …). An ordinary copy is
 * named by its ordinal 1 … N. At registration every copy is with the secretariat (the setting
 * incoming.secretariat, default 秘书室). Each movement is one incoming_custody row per copy,
 * under one event (hand, back, retire) that the history shows; the holder of a copy is the
 * to_holder of its latest row. A retired (清退/销毁) copy never moves again. The copies of a
 * document returned to its sender (退回) went back with it.
 */
import { writeTx, type DB } from '../../core/db.js';
import { formatTimestamp } from '../../core/dates.js';
import { dataError, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { parseCopyNo } from '../../core/secret.js';
import { classificationOf, getIncoming, lastEventAt, parseNames, postEvent, REGISTER, requireReviewed, requireState, secretariatName, SEPARATOR, shownTitle, splitList } from './rules.js';
import { classifiedDocs, custodyOf, eventsOf, type IncomingRow } from './sql.js';

/** 在秘书室 at the secretariat · 持有 held by a person or department · 已清退 / 已销毁 retired · 已退回 went back to the sender. */
export type CopyStatus = '在秘书室' | '持有' | '已清退' | '已销毁' | '已退回';

export interface CopyState {
  copy: string;
  status: CopyStatus;
  /** Who holds it now (null once retired or returned to the sender). */
  holder: string | null;
  /** Since when (a stored moment). */
  since: string;
}

/** The names of a document's copies, in order. */
export function copyLabels(row: IncomingRow): string[] {
  const first = row.copy_no === null ? 1 : Number(row.copy_no);
  return Array.from({ length: row.copies }, (_, i) => (row.copy_no === null ? String(i + 1) : String(first + i).padStart(6, '0')));
}

/** Where each copy of a document is now. */
export function copiesOf(db: DB, row: IncomingRow): CopyState[] {
  const latest = new Map(custodyOf(db, row.id).map((c) => [c.copy, c]));
  const returned = row.state === '退回' ? lastEventAt(db, row, 'return') : null;
  const secretariat = secretariatName(db);
  return copyLabels(row).map((copy): CopyState => {
    if (returned) return { copy, status: '已退回', holder: null, since: returned };
    const c = latest.get(copy);
    if (!c) return { copy, status: '在秘书室', holder: secretariat, since: row.received_at };
    if (c.to_holder === null) return { copy, status: c.kind === '清退' ? '已清退' : '已销毁', holder: null, since: c.at };
    return { copy, status: c.to_secretariat ? '在秘书室' : '持有', holder: c.to_holder, since: c.at };
  });
}

/** Copies out: held by someone other than the secretariat and not retired. */
export function copiesOut(db: DB, row: IncomingRow): CopyState[] {
  return copiesOf(db, row).filter((c) => c.status === '持有');
}

/** The circle of knowledge (知悉范围) of a classified document, replayed from its circle events. */
export function circleOf(db: DB, row: IncomingRow): string[] {
  const circle = new Set<string>();
  for (const e of eventsOf(db, row.id, 'circle')) {
    const d = JSON.parse(e.data ?? '{}') as { add?: string[]; remove?: string[] };
    for (const n of d.add ?? []) circle.add(n);
    for (const n of d.remove ?? []) circle.delete(n);
  }
  return [...circle];
}

/** The copies a command names (`--copy 3`, `--copy 000003,000004`, repeated), checked against the document. */
function selectCopies(row: IncomingRow, given: string[]): string[] {
  const labels = copyLabels(row);
  const picked = splitList(given).map((t) => {
    const label = row.copy_no !== null ? parseCopyNo(t) : /^\d{1,6}$/.test(t) ? String(Number(t)) : t;
    if (!labels.includes(label)) throw usageError('incoming.noSuchCopy', { ref: row.number, copy: t, first: labels[0], last: labels[labels.length - 1] });
    return label;
  });
  return [...new Set(picked)];
}

function stateOf(states: CopyState[], copy: string): CopyState {
  return states.find((s) => s.copy === copy)!;
}

function refuseRetired(row: IncomingRow, st: CopyState): void {
  if (st.status === '已清退' || st.status === '已销毁') throw dataError('incoming.copyRetired', { ref: row.number, copy: st.copy, status: st.status });
}

export interface HandInput {
  to?: string;
  /** Who gives the copies; the secretariat when not said. */
  from?: string;
  copies?: string[];
  /** How many of the giver's copies (lowest first) when none are named; 1 by default. */
  count?: number;
}

/** 交接/传阅: hands copies from their holder to someone else. The first hand-over puts a registered document into circulation. */
export function handIncoming(ctx: Ctx, ref: string, input: HandInput): { row: IncomingRow; copies: string[]; from: string; to: string } {
  const to = input.to?.trim() ?? '';
  if (to === '') throw usageError('input.missing', { flags: '--to' });
  if (input.copies?.length && input.count !== undefined) throw usageError('incoming.copyOrCopies');
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    requireState(row, 'hand', ['已登记', '传阅中', '承办中']);
    requireReviewed(ctx.db, row, 'hand');
    const secretariat = secretariatName(ctx.db);
    const from = input.from?.trim() || secretariat;
    if (from === to) throw usageError('incoming.handToSelf', { name: to });
    // One giver, one receiver: `--to 张局长,李四` would record one holder named "张局长,李四".
    for (const name of [to, from]) if (SEPARATOR.test(name)) throw usageError('incoming.oneHolder', { value: name });
    const states = copiesOf(ctx.db, row);
    const holds = (st: CopyState) => (from === secretariat ? st.status === '在秘书室' : st.status === '持有' && st.holder === from);
    let copies: string[];
    if (input.copies?.length) {
      copies = selectCopies(row, input.copies);
      for (const copy of copies) {
        const st = stateOf(states, copy);
        refuseRetired(row, st);
        if (!holds(st)) throw dataError('incoming.notHolder', { ref: row.number, copy, from, holder: st.holder });
      }
    } else {
      const count = input.count ?? 1;
      const held = states.filter(holds);
      if (held.length < count) throw dataError('incoming.notEnoughHeld', { ref: row.number, from, held: held.length, count });
      copies = held.slice(0, count).map((s) => s.copy);
    }
    if (row.classified && to !== secretariat && !circleOf(ctx.db, row).includes(to)) throw dataError('incoming.outsideCircle', { ref: row.number, name: to });
    const event = postEvent(ctx, row, 'hand', { state: row.state === '已登记' ? '传阅中' : null, data: { from, to, copies } });
    const at = formatTimestamp(ctx.clock.now());
    const toSecretariat = to === secretariat;
    for (const copy of copies)
      post(ctx, {
        register: REGISTER,
        action: 'hand',
        table: 'incoming_custody',
        values: { doc_id: row.id, event_id: event.id, copy, kind: toSecretariat ? '收回' : '交接', from_holder: from, to_holder: to, to_secretariat: toSecretariat, at },
      });
    return { row: getIncoming(ctx.db, row.number), copies, from, to };
  });
}

/** 收回: copies come back to the secretariat from whoever holds them (`all`: every copy out). */
export function backIncoming(ctx: Ctx, ref: string, input: { copies?: string[]; all?: boolean }): { row: IncomingRow; copies: { copy: string; from: string }[] } {
  if (!input.copies?.length && !input.all) throw usageError('input.missing', { flags: '--copy | --all' });
  if (input.copies?.length && input.all) throw usageError('incoming.copyOrAll');
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (row.state === '退回') throw dataError('incoming.wrongState', { ref: row.number, state: row.state, verb: 'back', allowed: '已登记、传阅中、承办中、已办结、已归档、作废' });
    const states = copiesOf(ctx.db, row);
    let out: CopyState[];
    if (input.all) {
      out = states.filter((s) => s.status === '持有');
      if (out.length === 0) throw dataError('incoming.nothingOut', { ref: row.number });
    } else {
      out = selectCopies(row, input.copies!).map((copy) => stateOf(states, copy));
      for (const st of out) {
        refuseRetired(row, st);
        if (st.status !== '持有') throw dataError('incoming.alreadyBack', { ref: row.number, copy: st.copy });
      }
    }
    const secretariat = secretariatName(ctx.db);
    const copies = out.map((s) => ({ copy: s.copy, from: s.holder! }));
    const event = postEvent(ctx, row, 'back', { data: { to: secretariat, copies } });
    const at = formatTimestamp(ctx.clock.now());
    for (const c of copies)
      post(ctx, {
        register: REGISTER,
        action: 'back',
        table: 'incoming_custody',
        values: { doc_id: row.id, event_id: event.id, copy: c.copy, kind: '收回', from_holder: c.from, to_holder: secretariat, to_secretariat: true, at },
      });
    return { row, copies };
  });
}

export const RETIRE_HOW = ['清退', '销毁'] as const;

/** 清退 (back to the issuer) or 销毁 (destroyed): the only way a classified copy leaves custody; two distinct witnesses. */
export function retireIncoming(
  ctx: Ctx,
  ref: string,
  input: { copies?: string[]; how?: string; witnesses?: string[]; reason?: string },
): { row: IncomingRow; copies: { copy: string; from: string }[]; witnesses: string[] } {
  const missing = [!input.copies?.length && '--copy', !input.how && '--how', !input.witnesses?.length && '--witness'].filter(Boolean);
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
  if (!(RETIRE_HOW as readonly string[]).includes(input.how!)) throw usageError('incoming.retireHow', { value: input.how });
  // `--witness A --witness B` or `--witness A,B`; a repeated name is refused below, not merged.
  const witnesses = splitList(input.witnesses);
  if (witnesses.length !== 2 || witnesses.some((w) => w === '')) throw usageError('incoming.twoWitnesses', { count: witnesses.filter((w) => w !== '').length });
  if (witnesses[0] === witnesses[1]) throw usageError('incoming.witnessesDistinct', { name: witnesses[0] });
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (!row.classified) throw usageError('incoming.retireOnlyClassified', { ref: row.number });
    if (row.state === '退回') throw dataError('incoming.wrongState', { ref: row.number, state: row.state, verb: 'retire', allowed: '已登记、传阅中、承办中、已办结、已归档、作废' });
    const states = copiesOf(ctx.db, row);
    const copies = selectCopies(row, input.copies!).map((copy) => {
      const st = stateOf(states, copy);
      refuseRetired(row, st);
      return { copy, from: st.holder! };
    });
    const event = postEvent(ctx, row, 'retire', { data: { how: input.how, witnesses, copies }, reason: input.reason?.trim() || null });
    const at = formatTimestamp(ctx.clock.now());
    for (const c of copies)
      post(ctx, {
        register: REGISTER,
        action: 'retire',
        table: 'incoming_custody',
        values: { doc_id: row.id, event_id: event.id, copy: c.copy, kind: input.how, from_holder: c.from, to_holder: null, to_secretariat: false, at },
      });
    return { row, copies, witnesses };
  });
}

/** 知悉范围: adds or removes people. Someone who holds a copy cannot be removed. */
export function changeCircle(ctx: Ctx, ref: string, input: { add?: string[]; remove?: string[]; reason?: string }): { row: IncomingRow; circle: string[] } {
  const add = parseNames(input.add);
  const remove = parseNames(input.remove);
  if (add.length === 0 && remove.length === 0) throw usageError('input.missing', { flags: '--add | --remove' });
  const both = add.find((n) => remove.includes(n));
  if (both) throw usageError('incoming.circleBoth', { name: both });
  return writeTx(ctx.db, () => {
    const row = getIncoming(ctx.db, ref);
    if (!row.classified) throw usageError('incoming.circleOnlyClassified');
    requireState(row, 'circle', ['已登记', '传阅中', '承办中', '已办结', '已归档']);
    const circle = circleOf(ctx.db, row);
    for (const n of add) if (circle.includes(n)) throw dataError('incoming.alreadyInCircle', { ref: row.number, name: n });
    for (const n of remove) if (!circle.includes(n)) throw dataError('incoming.notInCircle', { ref: row.number, name: n });
    const out = copiesOut(ctx.db, row);
    for (const n of remove) {
      const held = out.find((c) => c.holder === n);
      if (held) throw dataError('incoming.removeHolder', { ref: row.number, name: n, copy: held.copy });
    }
    postEvent(ctx, row, 'circle', { data: { add, remove }, reason: input.reason?.trim() || null });
    return { row, circle: circleOf(ctx.db, row) };
  });
}

/** Why a classified copy is not accounted for, or null when it is. */
export type CheckProblem = '圈外持有' | '作废未收回' | '办结未收回' | null;

export type CheckRow = {
  number: string;
  title: string;
  secret: string;
  state: string;
  copy: string;
  status: CopyStatus;
  holder: string | null;
  since: string;
  problem: CheckProblem;
};

/**
 * 清点核对: every classified copy with where it is. A copy is accounted for when it is at the
 * secretariat, retired (清退/销毁), went back with a returned document (退回), or is held by a
 * person inside the document's circle while the document is still being handled. It is
 * unaccounted for (a problem) when it is held by someone outside the circle (圈外持有), still
 * out although the document is void (作废未收回), or still out although the document is
 * closed or filed (办结未收回: e.g. closed with --force).
 */
export function checkClassified(db: DB): CheckRow[] {
  const rows: CheckRow[] = [];
  for (const doc of classifiedDocs(db)) {
    const circle = circleOf(db, doc);
    for (const c of copiesOf(db, doc)) {
      let problem: CheckProblem = null;
      if (c.status === '持有') {
        if (!circle.includes(c.holder!)) problem = '圈外持有';
        else if (doc.state === '作废') problem = '作废未收回';
        else if (doc.state === '已办结' || doc.state === '已归档') problem = '办结未收回';
      }
      rows.push({ number: doc.number, title: shownTitle(doc, false), secret: classificationOf(doc), state: doc.state, copy: c.copy, status: c.status, holder: c.holder, since: c.since, problem });
    }
  }
  return rows;
}
