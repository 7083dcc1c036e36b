/**
 * The rules of the supplies register, part 3: stocktakes (盘点) as balance assertions.
 * One count is open at a time; while it is open its items take no movements, so the book
 * stays what it was at the start. Counts are entered by hand or imported from a CSV (all or
 * nothing); `close` posts every difference as a 盘点调整 movement dated on the count date and
 * records a result row for every item, matching ones included (the last-counted date).
 */
import { writeTx, type DB } from '../../core/db.js';
import { dataError, requireReason, usageError, WenmiError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { post, type Ctx } from '../../core/journal.js';
import { LineProblems } from '../../core/input.js';
import { entryNumber, foldTyped, splitList } from '../../core/typed.js';
import { parseCsv } from '../../core/output/csv.js';
import { checkFits, findItem, itemFinder, itemText, postMovement, REGISTER, today } from './rules.js';
import { balanceOf, lastDateOf, lastReceiptPrice, listItems, nextSerial, openStocktake, stocktakeByNumber, takeLines, type ItemRow, type StocktakeRow } from './sql.js';
import { adjustmentValue } from './valuation.js';

export const RESULTS = ['相符', '盘盈', '盘亏', '未盘'] as const;
export type Result = (typeof RESULTS)[number];

export function getStocktake(db: DB, ref?: string): StocktakeRow {
  if (ref === undefined) {
    const open = openStocktake(db);
    if (!open) throw dataError('supplies.noOpenCount');
    return open;
  }
  const take = stocktakeByNumber(db, entryNumber(ref, ['PD']) ?? ref.trim());
  if (!take) throw dataError('supplies.countNotFound', { ref });
  return take;
}

export interface StartInput {
  /** ITEM references; all items in use when absent (an empty list is refused, not taken for "all"). */
  items?: string[];
  counter?: string;
  /** 监盘人: one or more (repeated flags, or `A,B`, `A、B`), kept as one text `A、B`. */
  witness?: string | string[];
  /** The count date (the book is counted as at this day); today when absent. */
  date?: string;
}

/** Opens a count of some or all items in use, recording each item's book quantity. */
export function startStocktake(ctx: Ctx, s: StartInput): StocktakeRow {
  const witnesses = [...new Set(splitList(s.witness).filter((w) => w !== ''))];
  const missing = [!s.counter?.trim() && '--counter', witnesses.length === 0 && '--witness'].filter(Boolean);
  if (missing.length) throw usageError('input.missing', { flags: missing.join(' ') });
  const counter = s.counter!.trim();
  if (witnesses.includes(counter)) throw usageError('supplies.witnessSame', { name: counter });
  const witness = witnesses.join('、');
  if (s.items !== undefined && s.items.length === 0) throw usageError('supplies.itemsEmpty');
  return writeTx(ctx.db, () => {
    const open = openStocktake(ctx.db);
    if (open) throw dataError('supplies.countOpen', { count: open.number, date: open.counted_on });
    const date = s.date ?? today(ctx);
    if (date > today(ctx)) throw usageError('supplies.dateInFuture', { date, today: today(ctx) });
    let items: ItemRow[];
    if (s.items) {
      const byId = new Map<number, ItemRow>();
      for (const ref of s.items) {
        const item = findItem(ctx.db, ref);
        if (item.state === '停用') throw dataError('supplies.itemRetired', { item: itemText(item) });
        byId.set(item.id, item);
      }
      items = [...byId.values()];
    } else items = listItems(ctx.db, false);
    if (items.length === 0) throw dataError('supplies.nothingToCount');
    for (const item of items) {
      const last = lastDateOf(ctx.db, item.id);
      if (last !== null && last > date) throw dataError('supplies.countBeforeLast', { item: itemText(item), date, last });
    }
    const year = Number(date.slice(0, 4));
    const serial = nextSerial(ctx.db, 'supplies_stocktakes', year);
    const number = `PD${year}-${String(serial).padStart(4, '0')}`;
    const take = post(ctx, {
      register: REGISTER,
      action: 'stocktake-start',
      table: 'supplies_stocktakes',
      values: { number, year, serial, counted_on: date, counter, witness, scope: s.items ? '部分' : '全部' },
    });
    for (const item of items)
      post(ctx, { register: REGISTER, action: 'stocktake-start', table: 'supplies_stocktake_items', values: { stocktake_id: take.id, item_id: item.id, book_qty: balanceOf(ctx.db, item.id).qty } });
    return getStocktake(ctx.db, number);
  });
}


/** The largest counted quantity (nine digits). */
const MAX_COUNTED = 999_999_999;

/** A counted quantity as typed (`21`, ` 21 `): a whole number from 0 to MAX_COUNTED. */
export function countedOf(text: string): number {
  const digits = foldTyped(text);
  if (!/^\d{1,9}$/.test(digits)) throw usageError('supplies.counted', { value: text, max: MAX_COUNTED });
  return Number(digits);
}

function checkCounted(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_COUNTED) throw usageError('supplies.counted', { value: n, max: MAX_COUNTED });
}

/** 实盘数 of one item in the open count; a later entry replaces an earlier one (both stay recorded). */
export function recordCount(ctx: Ctx, ref: string, counted: number): DiffLine {
  checkCounted(counted);
  return writeTx(ctx.db, () => {
    const take = getStocktake(ctx.db);
    const item = findItem(ctx.db, ref);
    if (takeLines(ctx.db, take.id, item.id).length === 0) throw dataError('supplies.notInCount', { item: itemText(item), count: take.number });
    post(ctx, { register: REGISTER, action: 'stocktake-count', table: 'supplies_counts', values: { stocktake_id: take.id, item_id: item.id, counted, source: '录入' } });
    return diffLines(ctx.db, take, item.id)[0]!;
  });
}

/** Header names accepted for the two columns (the count sheet's CSV uses the first ones). */
const ITEM_HEADERS = ['item', '编号', '物品', '物品编号', '物品名称'];
const COUNTED_HEADERS = ['counted', '实盘数', '实盘', '实盘数量'];

/**
 * Imports counts from CSV text (columns item,counted; a header is required; other columns are
 * ignored, so a filled-in count sheet can be imported as it is; a row with an empty count is
 * skipped). Every bad row is reported with its line number (the first 50, then how many more)
 * and nothing is recorded unless all are good. Items are read once, so each row costs the same
 * however many items there are.
 */
export function importCounts(ctx: Ctx, text: string, source: string): { recorded: number; skipped: number; count: string } {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (e) {
    const err = e as { code?: string };
    if (err.code) throw usageError(err.code, { ...(e as object), path: source });
    throw e;
  }
  const head = parsed.header.map((h) => h.trim().toLowerCase());
  const itemCol = head.findIndex((h) => ITEM_HEADERS.includes(h));
  const countedCol = head.findIndex((h) => COUNTED_HEADERS.includes(h));
  if (itemCol < 0 || countedCol < 0) throw usageError('supplies.importHeader', { path: source, header: parsed.header.join(',') });
  return writeTx(ctx.db, () => {
    const take = getStocktake(ctx.db);
    const inCount = new Set(takeLines(ctx.db, take.id).map((l) => l.id));
    const find = itemFinder(ctx.db);
    const problems = new LineProblems();
    const good: { itemId: number; counted: number }[] = [];
    const seen = new Map<number, number>();
    let skipped = 0;
    for (const { line, cells } of parsed.rows) {
      const ref = (cells[itemCol] ?? '').trim();
      const qty = foldTyped(cells[countedCol] ?? '');
      if (qty === '') {
        skipped++;
        continue;
      }
      const bad = (code: string, params: Record<string, unknown> = {}) => problems.add(line, t(code, params));
      if (ref === '') {
        bad('supplies.importNoItem');
        continue;
      }
      let item: ItemRow;
      try {
        item = find(ref);
      } catch (e) {
        if (!(e instanceof WenmiError)) throw e;
        bad(e.code, e.params);
        continue;
      }
      if (!/^\d{1,9}$/.test(qty)) bad('supplies.counted', { value: qty, max: MAX_COUNTED });
      else if (!inCount.has(item.id)) bad('supplies.notInCount', { item: itemText(item), count: take.number });
      else if (seen.has(item.id)) bad('supplies.importDuplicate', { item: itemText(item), first: seen.get(item.id) });
      else {
        seen.set(item.id, line);
        good.push({ itemId: item.id, counted: Number(qty) });
      }
    }
    if (problems.count) throw dataError('supplies.importRejected', { path: source, count: problems.count, problems: problems.text() });
    if (good.length === 0) throw usageError('supplies.importEmpty', { path: source });
    for (const g of good)
      post(ctx, { register: REGISTER, action: 'stocktake-import', table: 'supplies_counts', values: { stocktake_id: take.id, item_id: g.itemId, counted: g.counted, source: '导入' } });
    return { recorded: good.length, skipped, count: take.number };
  });
}

export interface DiffLine {
  id: number;
  name: string;
  spec: string;
  unit: string;
  book: number;
  counted: number | null;
  difference: number | null;
  /** Signed fen: what the adjustment is (or was, once closed) worth. */
  value: number | null;
  result: Result;
}

/** Book against counted for every item of a count (or the one asked for); values as close would post them (or did). */
export function diffLines(db: DB, take: StocktakeRow, itemId?: number): DiffLine[] {
  return takeLines(db, take.id, itemId).map((l) => {
    const difference = l.counted === null ? null : l.counted - l.book_qty;
    let value: number | null = null;
    if (difference !== null) {
      if (l.result_value !== null) value = l.result_value;
      else if (take.state === '进行中') {
        const bal = balanceOf(db, l.id);
        value = adjustmentValue(difference, bal.qty, bal.value, lastReceiptPrice(db, l.id) ?? l.price ?? 0);
      }
    }
    const result: Result = difference === null ? '未盘' : difference === 0 ? '相符' : difference > 0 ? '盘盈' : '盘亏';
    return { id: l.id, name: l.name, spec: l.spec, unit: l.unit, book: l.book_qty, counted: l.counted, difference, value, result };
  });
}

/**
 * Closes the open count: every item must have been counted; a reason is required when anything
 * differs. Posts each difference as a 盘点调整 movement and a result row for every item.
 */
export function closeStocktake(ctx: Ctx, reason: string | undefined): { take: StocktakeRow; lines: DiffLine[] } {
  const why = reason?.trim() || null;
  return writeTx(ctx.db, () => {
    const take = getStocktake(ctx.db);
    const lines = diffLines(ctx.db, take);
    const uncounted = lines.filter((l) => l.result === '未盘');
    if (uncounted.length) throw dataError('supplies.uncounted', { count: take.number, n: uncounted.length, items: uncounted.map(itemText).join('、') });
    const differing = lines.filter((l) => l.difference !== 0).length;
    if (differing > 0 && why === null) throw usageError('supplies.closeNeedsReason', { count: take.number, n: differing });
    for (const l of lines) {
      const bal = balanceOf(ctx.db, l.id);
      if (bal.qty !== l.book) throw new Error(`book of item ${l.id} moved during count ${take.number}`);
      checkFits(l, bal, l.difference!, l.value!);
      if (l.difference !== 0)
        postMovement(ctx, 'stocktake-adjust', { item_id: l.id, kind: '盘点调整', moved_on: take.counted_on, qty: l.difference!, value: l.value!, stocktake_id: take.id, reason: why }, why);
      post(ctx, {
        register: REGISTER,
        action: 'stocktake-close',
        table: 'supplies_stocktake_results',
        values: { stocktake_id: take.id, item_id: l.id, counted_on: take.counted_on, book_qty: l.book, counted: l.counted, difference: l.difference, value: l.value },
      });
    }
    post(ctx, { register: REGISTER, action: 'stocktake-close', table: 'supplies_stocktake_events', values: { stocktake_id: take.id, state: '已结束', on_date: today(ctx), reason: why }, reason: why });
    const closed = getStocktake(ctx.db, take.number);
    return { take: closed, lines: diffLines(ctx.db, closed) };
  });
}

/** Abandons the open count: nothing is adjusted, its items move again. */
export function cancelStocktake(ctx: Ctx, reason: string | undefined): StocktakeRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const take = getStocktake(ctx.db);
    post(ctx, { register: REGISTER, action: 'stocktake-cancel', table: 'supplies_stocktake_events', values: { stocktake_id: take.id, state: '已取消', on_date: today(ctx), reason: why }, reason: why });
    return getStocktake(ctx.db, take.number);
  });
}

