import { describe, expect, it } from 'vitest';
import { collectDue } from '../../../src/core/deadlines.js';
import type { Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { addPlan, approvePlan, cancelPlan, getPlan, planDeadlines, suggestPlans } from '../../../src/registers/supplies/plans.js';
import { monthReport, stockView } from '../../../src/registers/supplies/reports.js';
import { addItem, correctItem, findItem, issueSupplies, receiveSupplies, retireItem, writeOffSupplies } from '../../../src/registers/supplies/rules.js';
import { balanceOf, itemById, lastDateOf } from '../../../src/registers/supplies/sql.js';
import { cancelStocktake, closeStocktake, diffLines, getStocktake, importCounts, recordCount, startStocktake } from '../../../src/registers/supplies/stocktake.js';
import { parseYuan } from '../../../src/registers/supplies/valuation.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';
import { historyOf } from '../../../src/core/journal.js';

const journal = (ctx: Ctx) => ctx.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;
const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);

/** A4纸 #1 and 签字笔 #2, as on 2026-11-01. */
function setup() {
  const ctx = testCtx('2026-11-01T09:00');
  const paper = addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', category: '纸品', price: 2500, reorder: 10 });
  const pen = addItem(ctx, { name: '签字笔', spec: '0.5mm 黑', unit: '支', category: '书写工具', price: 150, reorder: 20 });
  return { ctx, paper, pen };
}

describe('item cards', () => {
  it('adds, corrects with a reason, and keeps the old card in history', () => {
    const { ctx, paper } = setup();
    expect(paper.id).toBe(1);
    expect(() => addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包' })).toThrow(/supplies.itemExists/);
    expect(() => addItem(ctx, { name: 'A4纸', unit: '包' })).toThrow(/input.missing.*--spec/);
    expect(() => correctItem(ctx, 'A4纸', { reorder: 30 }, undefined)).toThrow(/input.missing.*--reason/);
    expect(() => correctItem(ctx, 'A4纸', { reorder: 10 }, '无变化')).toThrow(/supplies.noChange/);
    const fixed = correctItem(ctx, 'A4纸', { reorder: 30 }, '用量增加');
    expect(fixed.reorder).toBe(30);
    const revs = ctx.db.prepare('SELECT reorder, corrects FROM supplies_item_revisions WHERE item_id = 1 ORDER BY id').all();
    expect(revs).toEqual([
      { reorder: 10, corrects: null },
      { reorder: 30, corrects: paper.revision },
    ]);
    verified(ctx);
  });

  it('finds an item by number, exact name, or "name spec"; refuses an ambiguous name', () => {
    const { ctx } = setup();
    addItem(ctx, { name: '签字笔', spec: '0.5mm 红', unit: '支' });
    expect(findItem(ctx.db, '1').name).toBe('A4纸');
    expect(findItem(ctx.db, '#2').spec).toBe('0.5mm 黑');
    expect(findItem(ctx.db, 'A4纸').id).toBe(1);
    expect(findItem(ctx.db, '签字笔 0.5mm 红').id).toBe(3);
    expect(() => findItem(ctx.db, '签字笔')).toThrow(/supplies.itemAmbiguous/);
    expect(() => findItem(ctx.db, '99')).toThrow(/supplies.itemNotFound/);
    expect(() => findItem(ctx.db, '订书机')).toThrow(/supplies.itemNotFound/);
    // as messages print it: name（spec）, name(spec); an ideographic space counts as a space
    expect(findItem(ctx.db, '签字笔（0.5mm 红）').id).toBe(3);
    expect(findItem(ctx.db, '签字笔(0.5mm 黑)').id).toBe(2);
    expect(findItem(ctx.db, '签字笔　0.5mm 红').id).toBe(3);
  });

  it('never takes a name made of digits for another item\'s number', () => {
    const { ctx } = setup();
    const glue = addItem(ctx, { name: '502', spec: '20g', unit: '支' });
    expect(findItem(ctx.db, '502').id).toBe(glue.id); // no item #502: the name
    addItem(ctx, { name: '3', spec: '三号夹', unit: '盒' });
    expect(() => findItem(ctx.db, '3')).toThrow(/supplies.itemAmbiguous.*#3 502 20g.*#4 3 三号夹/);
    expect(findItem(ctx.db, '#3').id).toBe(3);
    expect(findItem(ctx.db, '3 三号夹').id).toBe(4);
    expect(findItem(ctx.db, '2').name).toBe('签字笔');
  });

  it('retires only an empty item; a retired item takes no movements and its name is free again', () => {
    const { ctx } = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 2, price: 2500 });
    expect(() => retireItem(ctx, 'A4纸', '不再采购')).toThrow(/supplies.retireNotEmpty/);
    expect(() => retireItem(ctx, '签字笔', undefined)).toThrow(/input.missing/);
    const retired = retireItem(ctx, '签字笔', '改用中性笔');
    expect(retired.state).toBe('停用');
    const before = journal(ctx);
    expect(() => receiveSupplies(ctx, '2', { unplanned: true, reason: '期初', qty: 1, price: 100 })).toThrow(/supplies.itemRetired/);
    expect(() => issueSupplies(ctx, '2', { qty: 1, dept: 'A', person: 'B' })).toThrow(/supplies.itemRetired/);
    expect(() => correctItem(ctx, '2', { reorder: 1 }, 'x')).toThrow(/supplies.itemRetired/);
    expect(() => retireItem(ctx, '2', 'again')).toThrow(/supplies.itemRetired/);
    expect(journal(ctx)).toBe(before);
    // a new card with the same name and spec resolves by name; the retired one stays by number
    const again = addItem(ctx, { name: '签字笔', spec: '0.5mm 黑', unit: '支' });
    expect(findItem(ctx.db, '签字笔').id).toBe(again.id);
    expect(itemById(ctx.db, 2)!.state).toBe('停用');
    verified(ctx);
  });
});

describe('movements and value', () => {
  it('values issues at the moving weighted average, exactly, in fen', () => {
    const { ctx } = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 2500 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2600, supplier: '文具公司' });
    const a = issueSupplies(ctx, 'A4纸', { qty: 7, dept: '办公室', person: '张三' });
    // 7 × 77000 / 30 = 17966.67 → 17967; the remainder stays in stock
    expect(a.movement.value).toBe(-17967);
    expect(a.balance).toEqual({ qty: 23, value: 59033 });
    const b = issueSupplies(ctx, 'A4纸', { qty: 3, dept: '财务科', person: '李四' });
    // 3 × 59033 / 23 = 7699.96 → 7700
    expect(b.movement.value).toBe(-7700);
    const c = issueSupplies(ctx, 'A4纸', { qty: 20, dept: '财务科', person: '李四' });
    // the last units take exactly what is left: the book never keeps a stray fen
    expect(c.movement.value).toBe(-51333);
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 0, value: 0 });
    verified(ctx);
  });

  it('refuses an issue beyond the balance, and the refusal changes nothing', () => {
    const { ctx } = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 5, price: 2500 });
    const before = journal(ctx);
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 6, dept: '办公室', person: '张三' })).toThrow(/supplies.insufficient/);
    expect(() => writeOffSupplies(ctx, 'A4纸', { qty: 6, reason: '受潮' })).toThrow(/supplies.insufficient/);
    expect(() => issueSupplies(ctx, '签字笔', { qty: 1, dept: '办公室', person: '张三' })).toThrow(/supplies.insufficient/);
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 1, dept: '办公室' })).toThrow(/input.missing.*--person/);
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 0, dept: 'a', person: 'b' })).toThrow(/supplies.qty/);
    expect(() => writeOffSupplies(ctx, 'A4纸', { qty: 1 })).toThrow(/input.missing.*--reason/);
    expect(journal(ctx)).toBe(before);
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 5, value: 12500 });
    issueSupplies(ctx, 'A4纸', { qty: 5, dept: '办公室', person: '张三' });
    expect(balanceOf(ctx.db, 1).qty).toBe(0);
    verified(ctx);
  });

  it('posts movements of an item in date order only, and never in the future', () => {
    const { ctx } = setup();
    ctx.setNow('2026-11-10T09:00');
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 5, price: 2500, date: '2026-11-08' });
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b', date: '2026-11-07' })).toThrow(/supplies.dateBeforeLast/);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1, price: 1, date: '2026-11-11' })).toThrow(/supplies.dateInFuture/);
    // another item has its own order
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 5, price: 150, date: '2026-11-02' });
    issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b', date: '2026-11-08' });
    expect(lastDateOf(ctx.db, 1)).toBe('2026-11-08');
    verified(ctx);
  });

  it('keeps value and quantity in step under any sequence (Q = 0 ⇒ V = 0; values sum to the balance)', () => {
    const { ctx } = setup();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let values = 0;
    for (let i = 0; i < 300; i++) {
      const bal = balanceOf(ctx.db, 1);
      if (bal.qty === 0 || rand(3) === 0) values += receiveSupplies(ctx, '1', { unplanned: true, reason: '期初', qty: 1 + rand(50), price: rand(10_000) }).movement.value;
      else values += issueSupplies(ctx, '1', { qty: 1 + rand(bal.qty), dept: 'd', person: 'p' }).movement.value;
      const now = balanceOf(ctx.db, 1);
      expect(now.value).toBe(values);
      expect(now.value).toBeGreaterThanOrEqual(0);
      if (now.qty === 0) expect(now.value).toBe(0);
    }
    verified(ctx);
  });
});

describe('huge numbers', () => {
  it('refuses quantities, prices and reorder levels beyond their limits, before anything is stored as a float', () => {
    const { ctx } = setup();
    const before = journal(ctx);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1e20, price: 2500 })).toThrow(/supplies.qty/);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1_000_001, price: 2500 })).toThrow(/supplies.qty/);
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 2 ** 53 + 1, dept: 'a', person: 'b' })).toThrow(/supplies.qty/);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1, price: 1_000_000_000 })).toThrow(/supplies.price/);
    expect(() => addItem(ctx, { name: '胶水', spec: '502', unit: '支', reorder: 1e23 })).toThrow(/supplies.reorder/);
    expect(() => addItem(ctx, { name: '胶水', spec: '502', unit: '支', price: 1e15 })).toThrow(/supplies.price/);
    expect(() => addPlan(ctx, { item: 'A4纸', qty: 1e20 })).toThrow(/supplies.qty/);
    expect(() => parseYuan('99999999')).toThrow(/supplies.price/);
    expect(parseYuan('9999999.99')).toBe(999_999_999);
    expect(journal(ctx)).toBe(before);
  });

  it('refuses a receipt or a surplus that would take the balance beyond exact integers', () => {
    const { ctx } = setup();
    for (let i = 0; i < 9; i++) receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1_000_000, price: 999_999_999 });
    const before = journal(ctx);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1_000_000, price: 999_999_999 })).toThrow(/supplies.tooLarge/);
    expect(journal(ctx)).toBe(before);
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 9_000_000, value: 9 * 999_999_999_000_000 });
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 1, price: 999_999_999 });
    startStocktake(ctx, { items: ['签字笔'], counter: '李四', witness: '张三' });
    recordCount(ctx, '签字笔', 999_999_999);
    const counted = journal(ctx);
    expect(() => closeStocktake(ctx, '盘盈')).toThrow(/supplies.tooLarge/);
    expect(journal(ctx)).toBe(counted);
    expect(balanceOf(ctx.db, 2)).toEqual({ qty: 1, value: 999_999_999 });
    verified(ctx);
  });
});

describe('purchase plans', () => {
  it('drafts, approves, receives against, and shows what is still to come', () => {
    const { ctx } = setup();
    const p = addPlan(ctx, { item: 'A4纸', qty: 40, reason: '月度补货', neededBy: '2026-11-20' });
    expect(p.number).toBe('CG2026-0001');
    expect(p.state).toBe('草拟');
    expect(() => receiveSupplies(ctx, 'A4纸', { qty: 10, price: 2500, plan: 'CG2026-0001' })).toThrow(/supplies.planNotOpen/);
    expect(() => approvePlan(ctx, 'cg2026-0001', undefined)).toThrow(/input.missing/);
    approvePlan(ctx, 'cg2026-0001', '李主任');
    expect(() => approvePlan(ctx, 'CG2026-0001', '李主任')).toThrow(/supplies.planNotDraft/);
    expect(() => receiveSupplies(ctx, '签字笔', { qty: 10, price: 150, plan: 'CG2026-0001' })).toThrow(/supplies.planOtherItem/);
    receiveSupplies(ctx, 'A4纸', { qty: 25, price: 2500, plan: 'CG2026-0001' });
    expect(() => receiveSupplies(ctx, 'A4纸', { qty: 16, price: 2500, plan: 'CG2026-0001' })).toThrow(/supplies.planExceeded/);
    expect(getPlan(ctx.db, 'CG2026-0001')).toMatchObject({ state: '已批准', received: 25 });
    // the deadline engine sees what is still to come
    const due = collectDue(ctx.db, { supplies: planDeadlines }, '2026-11-01');
    expect(due).toMatchObject([{ ref: 'CG2026-0001', due: '2026-11-20', who: '李主任', what: 'A4纸（70g）15包' }]);
    receiveSupplies(ctx, 'A4纸', { qty: 15, price: 2500, plan: 'CG2026-0001' });
    expect(getPlan(ctx.db, 'CG2026-0001').state).toBe('已完成');
    expect(planDeadlines(ctx.db, '2026-11-01')).toEqual([]);
    expect(() => cancelPlan(ctx, 'CG2026-0001', '不要了')).toThrow(/supplies.planNotOpen/);
    verified(ctx);
  });

  it('a receipt without an approved plan needs --unplanned and a reason, recorded and counted in the month report', () => {
    const { ctx } = setup();
    expectRefused(ctx, () => receiveSupplies(ctx, 'A4纸', { qty: 3, price: 2500 }), 'supplies.needsPlan', 'data');
    expectRefused(ctx, () => receiveSupplies(ctx, 'A4纸', { qty: 3, price: 2500, unplanned: true }), 'input.missing', 'usage');
    expectRefused(ctx, () => receiveSupplies(ctx, 'A4纸', { qty: 3, price: 2500, unplanned: true, reason: 'x', plan: 'CG2026-0001' }), 'supplies.planAndUnplanned', 'usage');
    const m = receiveSupplies(ctx, 'A4纸', { qty: 3, price: 2500, unplanned: true, reason: '会议急需' });
    expect(historyOf(ctx.db, 'supplies_movements', m.movement.id)[0]!.reason).toBe('会议急需');
    const plan = addPlan(ctx, { item: 'A4纸', qty: 5 }).number;
    approvePlan(ctx, plan, '李主任');
    receiveSupplies(ctx, 'A4纸', { qty: 5, price: 2500, plan });
    const report = monthReport(ctx.db, '2026-11-01', '2026-11-30');
    expect(report.items.map((r) => [r.name, r.receivedQty, r.unplanned])).toEqual([['A4纸', 8, 1]]);
    expect(report.total.unplanned).toBe(1);
    verified(ctx);
  });

  it('suggests items below their reorder level, net of open plans; numbers plans gap-free', () => {
    const { ctx } = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 4, price: 2500 });
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 25, price: 150 });
    expect(suggestPlans(ctx.db).map((s) => [s.name, s.qty, s.proposed])).toEqual([['A4纸', 4, 16]]);
    addPlan(ctx, { item: 'A4纸', qty: 10 });
    expect(suggestPlans(ctx.db).map((s) => s.proposed)).toEqual([6]);
    const second = addPlan(ctx, { item: 'A4纸', qty: 6 });
    expect(second.number).toBe('CG2026-0002');
    expect(suggestPlans(ctx.db)).toEqual([]);
    cancelPlan(ctx, second.number, '改用库存');
    expect(suggestPlans(ctx.db).map((s) => s.proposed)).toEqual([6]);
    expect(stockView(ctx.db).map((r) => [r.name, r.below, r.toCome])).toEqual([
      ['签字笔', false, 0],
      ['A4纸', true, 10],
    ]);
    verified(ctx);
  });
});

describe('stocktakes', () => {
  function stocked() {
    const s = setup();
    receiveSupplies(s.ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2500 });
    receiveSupplies(s.ctx, '签字笔', { unplanned: true, reason: '期初', qty: 45, price: 152 });
    s.ctx.setNow('2026-11-30T16:00');
    return s;
  }

  it('blocks movements of the items being counted, naming the count, until it is closed', () => {
    const { ctx } = stocked();
    const take = startStocktake(ctx, { items: ['A4纸'], counter: '李四', witness: '张三' });
    expect(take.number).toBe('PD2026-0001');
    const before = journal(ctx);
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b' })).toThrow(/supplies.itemInCount.*PD2026-0001/);
    expect(() => receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 1, price: 1 })).toThrow(/supplies.itemInCount.*PD2026-0001/);
    expect(() => writeOffSupplies(ctx, 'A4纸', { qty: 1, reason: 'x' })).toThrow(/supplies.itemInCount/);
    expect(() => retireItem(ctx, 'A4纸', 'x')).toThrow(/supplies.itemInCount/);
    expect(() => startStocktake(ctx, { counter: '李四', witness: '张三' })).toThrow(/supplies.countOpen/);
    expect(journal(ctx)).toBe(before);
    // an item outside the count still moves
    issueSupplies(ctx, '签字笔', { qty: 1, dept: 'a', person: 'b' });
    recordCount(ctx, 'A4纸', 20);
    closeStocktake(ctx, undefined);
    issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b' });
    verified(ctx);
  });

  it('diffs, requires a reason for differences, posts adjustments at average cost, and records last-counted dates', () => {
    const { ctx } = stocked();
    addItem(ctx, { name: '订书钉', spec: '24/6', unit: '盒', price: 300 });
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    recordCount(ctx, 'A4纸', 21);
    recordCount(ctx, '签字笔', 40); // entered wrong, recounted below
    recordCount(ctx, '签字笔', 43);
    expect(() => closeStocktake(ctx, 'x')).toThrow(/supplies.uncounted.*订书钉/);
    recordCount(ctx, '订书钉', 2); // empty book: a surplus valued at the card price
    const take = getStocktake(ctx.db);
    expect(diffLines(ctx.db, take).map((l) => [l.name, l.book, l.counted, l.difference, l.value, l.result])).toEqual([
      ['订书钉', 0, 2, 2, 600, '盘盈'], // no category sorts first
      ['签字笔', 45, 43, -2, -304, '盘亏'], // 2 × 6840 / 45 = 304
      ['A4纸', 20, 21, 1, 2500, '盘盈'],
    ]);
    const before = journal(ctx);
    expect(() => closeStocktake(ctx, '  ')).toThrow(/supplies.closeNeedsReason/);
    expect(journal(ctx)).toBe(before);
    const { lines } = closeStocktake(ctx, '月末盘点差异');
    expect(lines.every((l) => l.value !== null)).toBe(true);
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 21, value: 52500 });
    expect(balanceOf(ctx.db, 2)).toEqual({ qty: 43, value: 6536 });
    const adj = ctx.db.prepare("SELECT item_id, qty, value, moved_on, reason FROM supplies_movements WHERE kind = '盘点调整' ORDER BY item_id").all();
    expect(adj).toEqual([
      { item_id: 1, qty: 1, value: 2500, moved_on: '2026-11-30', reason: '月末盘点差异' },
      { item_id: 2, qty: -2, value: -304, moved_on: '2026-11-30', reason: '月末盘点差异' },
      { item_id: 3, qty: 2, value: 600, moved_on: '2026-11-30', reason: '月末盘点差异' },
    ]);
    expect(stockView(ctx.db).map((r) => r.lastCounted)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30']);
    expect(() => getStocktake(ctx.db)).toThrow(/supplies.noOpenCount/);
    verified(ctx);
  });

  it('a count that matches closes without a reason and still records the count date', () => {
    const { ctx } = stocked();
    startStocktake(ctx, { items: ['A4纸', '签字笔'], counter: '李四', witness: '张三', date: '2026-11-29' });
    recordCount(ctx, '1', 20);
    recordCount(ctx, '2', 45);
    closeStocktake(ctx, undefined);
    expect(ctx.db.prepare("SELECT count(*) FROM supplies_movements WHERE kind = '盘点调整'").pluck().get()).toBe(0);
    expect(lastDateOf(ctx.db, 1)).toBe('2026-11-29');
    // nothing may be posted before the last count
    expect(() => issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b', date: '2026-11-28' })).toThrow(/supplies.dateBeforeLast/);
    verified(ctx);
  });

  it('an import with one bad row changes nothing; every bad row is reported with its line', () => {
    const { ctx } = stocked();
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    const before = journal(ctx);
    const csv = '\ufeffitem,counted\r\nA4纸,21\r\n签字笔,4x\r\n订书机,3\r\n1,22\r\n';
    let err: any;
    try {
      importCounts(ctx, csv, 'counts.csv');
    } catch (e) {
      err = e;
    }
    expect(err?.code).toBe('supplies.importRejected');
    expect(err.params.count).toBe(3);
    expect(err.params.problems).toMatch(/line 3: .*4x/);
    expect(err.params.problems).toMatch(/line 4: .*订书机/);
    expect(err.params.problems).toMatch(/line 5: .*already on line 2/);
    expect(journal(ctx)).toBe(before);
    expect(diffLines(ctx.db, getStocktake(ctx.db)).every((l) => l.counted === null)).toBe(true);
    expect(() => importCounts(ctx, 'name,qty\nA4纸,1\n', 'x.csv')).toThrow(/supplies.importHeader/);
    expect(() => importCounts(ctx, 'item,counted\n"A4纸,1\n', 'x.csv')).toThrow(/csv.unterminated/);
    expect(() => importCounts(ctx, 'item,counted\nA4纸,\n', 'x.csv')).toThrow(/supplies.importEmpty/);
    expect(journal(ctx)).toBe(before);
    // the sheet's own headers, blank counts skipped
    const r = importCounts(ctx, '编号,物品名称,实盘数\n1,A4纸,21\n2,签字笔,\n', 'sheet.csv');
    expect(r).toEqual({ recorded: 1, skipped: 1, count: 'PD2026-0001' });
    verified(ctx);
  });

  it('cancel abandons the count with a reason and frees its items; refused starts change nothing', () => {
    const { ctx } = stocked();
    expect(() => startStocktake(ctx, { counter: '李四', witness: '李四' })).toThrow(/supplies.witnessSame/);
    expect(() => startStocktake(ctx, { counter: '李四' })).toThrow(/input.missing.*--witness/);
    expect(() => startStocktake(ctx, { items: [], counter: '李四', witness: '张三' })).toThrow(/supplies.itemsEmpty/);
    expect(() => startStocktake(ctx, { counter: '李四', witness: '张三', date: '2026-10-31' })).toThrow(/supplies.countBeforeLast/);
    expect(() => cancelStocktake(ctx, 'x')).toThrow(/supplies.noOpenCount/);
    expect(journal(ctx)).toBe(4 + 2);
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    expect(() => cancelStocktake(ctx, undefined)).toThrow(/input.missing/);
    expect(cancelStocktake(ctx, '盘点人临时外出').state).toBe('已取消');
    issueSupplies(ctx, 'A4纸', { qty: 1, dept: 'a', person: 'b' });
    expect(startStocktake(ctx, { counter: '李四', witness: '张三' }).number).toBe('PD2026-0002');
    verified(ctx);
  });
});

describe('month-end report', () => {
  it('closing equals the next month opening; totals are sums of exact fen', () => {
    const { ctx } = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 30, price: 2567 });
    ctx.setNow('2026-11-20T09:00');
    issueSupplies(ctx, 'A4纸', { qty: 7, dept: '办公室', person: '张三' });
    writeOffSupplies(ctx, 'A4纸', { qty: 1, reason: '受潮' });
    ctx.setNow('2026-12-03T09:00');
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 10, price: 150 });
    issueSupplies(ctx, 'A4纸', { qty: 2, dept: '办公室', person: '张三' });
    const nov = monthReport(ctx.db, '2026-11-01', '2026-11-30');
    const dec = monthReport(ctx.db, '2026-12-01', '2026-12-31');
    expect(nov.items).toHaveLength(1);
    expect(nov.items[0]).toMatchObject({ receivedQty: 30, receivedValueFen: 77010, issuedQty: 7, issuedValueFen: 17969, writtenOffQty: 1, writtenOffValueFen: 2567, closingQty: 22, closingValueFen: 56474 });
    const decPaper = dec.items.find((r) => r.name === 'A4纸')!;
    expect([decPaper.openingQty, decPaper.openingValueFen]).toEqual([nov.items[0]!.closingQty, nov.items[0]!.closingValueFen]);
    expect(dec.total.openingValueFen).toBe(nov.total.closingValueFen);
    expect(dec.total.closingValueFen).toBe(56474 - 5134 + 1500);
    expect(monthReport(ctx.db, '2026-10-01', '2026-10-31').items).toEqual([]);
    verified(ctx);
  });
});
