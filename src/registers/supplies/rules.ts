/**
 * The rules of the supplies register, part 1: item cards and movements (入库, 领用, 报废).
 * Plain functions over the database; each write in one IMMEDIATE transaction (writeTx), posted
 * through post(). The balance checks run inside that transaction, so two processes issuing the
 * last units are serialised by SQLite's writer lock and stock can never go negative.
 */
import { formatDate } from '../../core/dates.js';
import { writeTx, type DB } from '../../core/db.js';
import { checkApprover } from '../../core/approval.js';
import { dataError, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { foldTyped } from '../../core/typed.js';
import { word } from './columns.js';
import { activeItemLike, balanceOf, itemById, itemsNamed, lastDateOf, listItems, movementById, nextMovementId, nextMovementSerial, openCountOf, planByNumber, type ItemRow, type MovementRow } from './sql.js';
import { suppliesApprovers } from './settings.js';
import { MAX_PRICE_FEN, outflowValue } from './valuation.js';

export const REGISTER = 'supplies';
export const KINDS = ['入库', '领用', '报废', '盘点调整', '冲销'] as const;
/** The most units one movement, plan or reorder level may name (a typo of extra zeros is refused, and values stay exact). */
export const MAX_QTY = 1_000_000;

/** A quantity of at least 1 (from an option already parsed, or a prompt's answer); anything else is a usage error. */
export function qtyOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !/^\s*\d{1,9}\s*$/.test(v) || Number(v) < 1 || Number(v) > MAX_QTY) throw usageError('supplies.qty', { value: v, max: MAX_QTY });
  return Number(v);
}

export const today = (ctx: Ctx) => formatDate(ctx.clock.now());

const optional = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/**
 * Resolves ITEM: `#12` is the item numbered 12; otherwise an exact name, or name and spec written
 * `name spec`, `name（spec）` or `name(spec)` (as messages print it), that only one item has (one in
 * use, when a retired card shares it). A bare number is the item with that number — unless an item
 * is also named so (`502`), which is refused as ambiguous rather than guessed.
 */
export function findItem(db: DB, ref: string): ItemRow {
  return resolveItem(ref, (text) => itemsNamed(db, text), (id) => itemById(db, id));
}

/**
 * findItem for many references at once (an import): every item is read once and then found by
 * map, so each row costs the same however many items there are.
 */
export function itemFinder(db: DB): (ref: string) => ItemRow {
  const byId = new Map<number, ItemRow>();
  const byName = new Map<string, ItemRow[]>();
  for (const item of [...listItems(db, true)].sort((a, b) => a.id - b.id)) {
    byId.set(item.id, item);
    for (const key of new Set([item.name, `${item.name} ${item.spec}`, `${item.name}（${item.spec}）`, `${item.name}(${item.spec})`])) {
      const list = byName.get(key);
      if (list) list.push(item);
      else byName.set(key, [item]);
    }
  }
  return (ref) => resolveItem(ref, (text) => byName.get(text) ?? [], (id) => byId.get(id));
}

/** An item by `#12`, its number, its name, or name and spec; `named` and `byId` are the two lookups (itemsNamed and itemById). */
function resolveItem(ref: string, named: (text: string) => ItemRow[], byId: (id: number) => ItemRow | undefined): ItemRow {
  const text = ref.trim().replace(/\u3000/g, ' ');
  const digits = foldTyped(text);
  const id = /^#(\d+)$/.exec(digits);
  if (id) {
    const row = byId(Number(id[1]));
    if (!row) throw dataError('supplies.itemNotFound', { ref });
    return row;
  }
  let found = named(text);
  if (found.length > 1) {
    const active = found.filter((r) => r.state === '在用');
    if (active.length === 1) found = active;
  }
  if (/^\d+$/.test(digits)) {
    const numbered = byId(Number(digits));
    if (numbered && !found.some((r) => r.id === numbered.id)) found = [numbered, ...found];
  }
  if (found.length === 0) throw dataError('supplies.itemNotFound', { ref });
  if (found.length > 1) throw usageError('supplies.itemAmbiguous', { ref, choices: found.map((r) => `#${r.id} ${r.name} ${r.spec}`).join('; ') });
  return found[0]!;
}

export const itemText = (i: Pick<ItemRow, 'id' | 'name' | 'spec'>) => `#${i.id} ${i.name}（${i.spec}）`;

export interface ItemFields {
  name?: string;
  spec?: string;
  unit?: string;
  category?: string | null;
  /** Fen. */
  price?: number | null;
  reorder?: number;
}

function checkCard(f: { name: string; spec: string; unit: string; price: number | null; reorder: number }): void {
  const missing = [!f.name && '--name', !f.spec && '--spec', !f.unit && '--unit'].filter(Boolean);
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
  if (!Number.isSafeInteger(f.reorder) || f.reorder < 0 || f.reorder > MAX_QTY) throw usageError('supplies.reorder', { value: f.reorder, max: MAX_QTY });
  checkPrice(f.price);
}

/** Adds an item card (物品名称, 规格, 单位, 类别, 单价, 安全库存). A second active item with the same name and spec is refused. */
export function addItem(ctx: Ctx, f: ItemFields): ItemRow {
  const card = { name: f.name?.trim() ?? '', spec: f.spec?.trim() ?? '', unit: f.unit?.trim() ?? '', category: optional(f.category), price: f.price ?? null, reorder: f.reorder ?? 0 };
  checkCard(card);
  return writeTx(ctx.db, () => {
    const twin = activeItemLike(ctx.db, card.name, card.spec);
    if (twin) throw dataError('supplies.itemExists', { item: itemText(twin) });
    const item = post(ctx, { register: REGISTER, action: 'item-add', table: 'supplies_items', values: { added_on: today(ctx) } });
    post(ctx, { register: REGISTER, action: 'item-add', table: 'supplies_item_revisions', values: { item_id: item.id, ...card, state: '在用' } });
    return itemById(ctx.db, item.id)!;
  });
}

/** 更正 an item card: a new revision naming the one it corrects, with a reason. */
export function correctItem(ctx: Ctx, ref: string, f: ItemFields, reason: string | undefined): ItemRow {
  const why = requireReason(reason);
  if (Object.values(f).every((v) => v === undefined)) throw usageError('supplies.nothingToCorrect');
  return writeTx(ctx.db, () => {
    const item = findItem(ctx.db, ref);
    if (item.state === '停用') throw dataError('supplies.itemRetired', { item: itemText(item) });
    const card = {
      name: f.name?.trim() ?? item.name,
      spec: f.spec?.trim() ?? item.spec,
      unit: f.unit?.trim() ?? item.unit,
      category: f.category === undefined ? item.category : optional(f.category),
      price: f.price === undefined ? item.price : f.price,
      reorder: f.reorder ?? item.reorder,
    };
    checkCard(card);
    if (card.name === item.name && card.spec === item.spec && card.unit === item.unit && card.category === item.category && card.price === item.price && card.reorder === item.reorder)
      throw usageError('supplies.noChange', { item: itemText(item) });
    const twin = activeItemLike(ctx.db, card.name, card.spec);
    if (twin && twin.id !== item.id) throw dataError('supplies.itemExists', { item: itemText(twin) });
    post(ctx, { register: REGISTER, action: 'item-correct', table: 'supplies_item_revisions', values: { item_id: item.id, ...card, state: '在用', corrects: item.revision, reason: why }, reason: why });
    return itemById(ctx.db, item.id)!;
  });
}

/** 停用: the card stays in history and takes no new movements. Only an empty item can be retired. */
export function retireItem(ctx: Ctx, ref: string, reason: string | undefined): ItemRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const item = findItem(ctx.db, ref);
    if (item.state === '停用') throw dataError('supplies.itemRetired', { item: itemText(item) });
    const take = openCountOf(ctx.db, item.id);
    if (take) throw dataError('supplies.itemInCount', { item: itemText(item), count: take.number, date: take.counted_on });
    const bal = balanceOf(ctx.db, item.id);
    if (bal.qty !== 0) throw dataError('supplies.retireNotEmpty', { item: itemText(item), qty: bal.qty, unit: item.unit });
    const { name, spec, unit, category, price, reorder } = item;
    post(ctx, { register: REGISTER, action: 'item-retire', table: 'supplies_item_revisions', values: { item_id: item.id, name, spec, unit, category, price, reorder, state: '停用', corrects: item.revision, reason: why }, reason: why });
    return itemById(ctx.db, item.id)!;
  });
}

/**
 * Checks that an item may move on a date: in use, not in an open count, the date not in the
 * future and not before its last movement or count (posting order is date order per item,
 * so the moving average and the no-negative rule hold on every date, not only today).
 */
export function checkMovable(ctx: Ctx, item: ItemRow, date: string): void {
  if (item.state === '停用') throw dataError('supplies.itemRetired', { item: itemText(item) });
  const take = openCountOf(ctx.db, item.id);
  if (take) throw dataError('supplies.itemInCount', { item: itemText(item), count: take.number, date: take.counted_on });
  if (date > today(ctx)) throw usageError('supplies.dateInFuture', { date, today: today(ctx) });
  const last = lastDateOf(ctx.db, item.id);
  if (last !== null && date < last) throw dataError('supplies.dateBeforeLast', { item: itemText(item), date, last });
}

/** A quantity of one movement or plan: a whole number from 1 to MAX_QTY. */
export function checkQty(qty: number): void {
  if (!Number.isSafeInteger(qty) || qty < 1 || qty > MAX_QTY) throw usageError('supplies.qty', { value: qty, max: MAX_QTY });
}

/** A unit price in fen: none, or a whole number from 0 to MAX_PRICE_FEN. */
function checkPrice(price: number | null): void {
  if (price !== null && (!Number.isSafeInteger(price) || price < 0 || price > MAX_PRICE_FEN)) throw usageError('supplies.price', { value: price });
}

/**
 * Refuses a movement that would take an item's balance beyond exact integers (2^53): its
 * quantity or value would then be rounded by JavaScript and the book would stop adding up.
 */
export function checkFits(item: Pick<ItemRow, 'id' | 'name' | 'spec'>, bal: { qty: number; value: number }, qty: number, value: number): void {
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(bal.qty + qty) || !Number.isSafeInteger(bal.value + value)) throw dataError('supplies.tooLarge', { item: itemText(item) });
}

export interface Moved {
  movement: MovementRow;
  item: ItemRow;
  /** The balance after the movement. */
  balance: { qty: number; value: number };
}

export function moved(ctx: Ctx, id: number, item: ItemRow): Moved {
  return { movement: movementById(ctx.db, id)!, item, balance: balanceOf(ctx.db, item.id) };
}

/**
 * The row id and the number of a new movement or reversal (inside the write transaction): the series
 * that movements and reversals (冲销) share, restarting each year with the year of its date, so that
 * `movements` lists every entry under one number (2026-0012).
 */
export function movementSeries(ctx: Ctx, movedOn: string): { id: number; year: number; serial: number } {
  const year = Number(movedOn.slice(0, 4));
  return { id: nextMovementId(ctx.db), year, serial: nextMovementSerial(ctx.db, year) };
}

/** The item's balance after a new row of quantity `qty` and value `value`, stored on that row (supplies:005). */
export function balanceAfter(ctx: Ctx, itemId: number, qty: number, value: number): { balance_qty: number; balance_value: number } {
  const bal = balanceOf(ctx.db, itemId);
  return { balance_qty: bal.qty + qty, balance_value: bal.value + value };
}

/** Posts one movement (inside the caller's write transaction) under the next number of its year, with the balance after it. */
export function postMovement(ctx: Ctx, action: string, values: Record<string, unknown> & { item_id: number; moved_on: string; qty: number; value: number }, reason?: string | null) {
  const row = { ...movementSeries(ctx, values.moved_on), ...values, ...balanceAfter(ctx, values.item_id, values.qty, values.value) };
  return post(ctx, { register: REGISTER, action, table: 'supplies_movements', values: row, reason });
}

export interface ReceiveInput {
  qty: number;
  /** Unit price in fen. */
  price: number;
  supplier?: string;
  /** The purchase plan it fulfils (采购计划编号). */
  plan?: string;
  /** Bought without an approved plan (--unplanned): needs a reason, recorded and counted in the month report. */
  unplanned?: boolean;
  reason?: string;
  date?: string;
}

/** A receipt follows an approved plan, or says why not (--unplanned --reason); returns the reason to record. */
function unplannedReason(r: ReceiveInput): string | null {
  if (r.plan !== undefined && r.unplanned) throw usageError('supplies.planAndUnplanned');
  if (r.plan !== undefined) return null;
  if (!r.unplanned) throw dataError('supplies.needsPlan');
  return requireReason(r.reason);
}

/**
 * 入库: adds qty at its unit price; a named plan must be approved, for this item, with that much still to come.
 * Without a plan the receipt needs --unplanned and a reason (the SOP: purchases follow an approved plan).
 */
export function receiveSupplies(ctx: Ctx, ref: string, r: ReceiveInput): Moved {
  checkQty(r.qty);
  checkPrice(r.price);
  const reason = unplannedReason(r);
  return writeTx(ctx.db, () => {
    const item = findItem(ctx.db, ref);
    const date = r.date ?? today(ctx);
    checkMovable(ctx, item, date);
    let planId: number | null = null;
    if (r.plan !== undefined) {
      const plan = planByNumber(ctx.db, r.plan.trim().toUpperCase());
      if (!plan) throw dataError('supplies.planNotFound', { ref: r.plan });
      if (plan.item_id !== item.id) throw dataError('supplies.planOtherItem', { plan: plan.number, item: itemText(item) });
      if (plan.state !== '已批准') throw dataError('supplies.planNotOpen', { plan: plan.number, state: word(plan.state) });
      if (r.qty > plan.qty - plan.received) throw dataError('supplies.planExceeded', { plan: plan.number, qty: r.qty, left: plan.qty - plan.received, unit: item.unit });
      planId = plan.id;
    }
    checkFits(item, balanceOf(ctx.db, item.id), r.qty, r.qty * r.price);
    const p = postMovement(ctx, 'receive', { item_id: item.id, kind: '入库', moved_on: date, qty: r.qty, value: r.qty * r.price, unit_price: r.price, supplier: optional(r.supplier), plan_id: planId, reason }, reason);
    return moved(ctx, p.id, item);
  });
}

export interface IssueInput {
  qty: number;
  dept?: string;
  person?: string;
  approver?: string;
  date?: string;
}

/**
 * Who approves an issue: never the recipient nor the operator recording it; when supplies.approvers
 * is set, an approver is required and must be on the list.
 */
function checkIssueApprover(ctx: Ctx, r: IssueInput): void {
  const names = suppliesApprovers(ctx.db);
  const approver = optional(r.approver);
  if (approver === null) {
    if (names.length > 0) throw usageError('input.missing', { flags: '--approver' });
    return;
  }
  checkApprover({ approver, askers: [r.person, ctx.operator], listKey: 'supplies.approvers', names });
}

/** 领用: refused when it exceeds the balance, checked inside the write transaction. Valued at the moving average. */
export function issueSupplies(ctx: Ctx, ref: string, r: IssueInput): Moved {
  checkQty(r.qty);
  const missing = [!r.dept?.trim() && '--dept', !r.person?.trim() && '--person'].filter(Boolean);
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
  return writeTx(ctx.db, () => {
    checkIssueApprover(ctx, r);
    const item = findItem(ctx.db, ref);
    const date = r.date ?? today(ctx);
    checkMovable(ctx, item, date);
    const value = takeOut(ctx, item, r.qty);
    const p = postMovement(ctx, 'issue', { item_id: item.id, kind: '领用', moved_on: date, qty: -r.qty, value: -value, dept: r.dept!.trim(), person: r.person!.trim(), approver: optional(r.approver) });
    return moved(ctx, p.id, item);
  });
}

/** 报废: like an issue, with a reason instead of a department. */
export function writeOffSupplies(ctx: Ctx, ref: string, r: { qty: number; reason?: string; date?: string }): Moved {
  checkQty(r.qty);
  const why = requireReason(r.reason);
  return writeTx(ctx.db, () => {
    const item = findItem(ctx.db, ref);
    const date = r.date ?? today(ctx);
    checkMovable(ctx, item, date);
    const value = takeOut(ctx, item, r.qty);
    const p = postMovement(ctx, 'writeoff', { item_id: item.id, kind: '报废', moved_on: date, qty: -r.qty, value: -value, reason: why }, why);
    return moved(ctx, p.id, item);
  });
}

/** The value of taking qty out of the balance; refuses to take more than there is. */
function takeOut(ctx: Ctx, item: ItemRow, qty: number): number {
  const bal = balanceOf(ctx.db, item.id);
  if (qty > bal.qty) throw dataError('supplies.insufficient', { item: itemText(item), qty, balance: bal.qty, unit: item.unit });
  return outflowValue(qty, bal.qty, bal.value);
}
