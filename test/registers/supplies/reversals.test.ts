/** 红字冲销: reversing a movement posted wrongly, at the rules level. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { addPlan, approvePlan, getPlan } from '../../../src/registers/supplies/plans.js';
import { monthReport, movementView, stockView, usageView } from '../../../src/registers/supplies/reports.js';
import { reverseMovement } from '../../../src/registers/supplies/reversals.js';
import { addItem, issueSupplies, receiveSupplies, retireItem, writeOffSupplies } from '../../../src/registers/supplies/rules.js';
import { balanceOf } from '../../../src/registers/supplies/sql.js';
import { closeStocktake, diffLines, getStocktake, recordCount, startStocktake } from '../../../src/registers/supplies/stocktake.js';
import { expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);

/** A4纸 #1 (card price 25.00) and 签字笔 #2, on 2026-11-01. */
function setup() {
  const ctx = testCtx('2026-11-01T09:00');
  addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', category: '纸品', price: 2500, reorder: 10 });
  addItem(ctx, { name: '签字笔', spec: '0.5mm 黑', unit: '支', category: '书写工具', price: 150, reorder: 20 });
  return ctx;
}

describe('reversing a movement (红字冲销)', () => {
  it('a receipt at the wrong price: the reversal names it, takes out exactly its value, and the right one is entered again', () => {
    const ctx = setup();
    const wrong = receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2530, supplier: '文具公司' });
    const r = reverseMovement(ctx, String(wrong.movement.id), { reason: '单价录错，应为 23.50', approver: '李主任' });
    expect(r.movement).toMatchObject({ id: 2, year: 2026, serial: 2, kind: '冲销', books_as: '入库', reverses: 1, qty: -20, value: -50600, approver: '李主任', reason: '单价录错，应为 23.50', supplier: '文具公司' });
    expect(r.balance).toEqual({ qty: 0, value: 0 });
    const right = receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2350, supplier: '文具公司' });
    expect(right.movement.id).toBe(3); // one series for movements and reversals
    expect(right.balance).toEqual({ qty: 20, value: 47000 });
    const rows = [...movementView(ctx.db, { itemId: 1 })].map((m) => [m.no, m.kind, m.qty, m.valueFen, m.balance, m.reverses, m.reversedBy]);
    expect(rows).toEqual([
      ['2026-0001', '入库', 20, 50600, 20, null, '2026-0002'],
      ['2026-0002', '冲销', -20, -50600, 0, '2026-0001', null],
      ['2026-0003', '入库', 20, 47000, 20, null, null],
    ]);
    // the stored row, as the journal holds it
    expect(ctx.db.prepare('SELECT * FROM supplies_reversals').all()).toEqual([
      { id: 2, movement_id: 1, item_id: 1, moved_on: '2026-11-01', qty: -20, value: -50600, approver: '李主任', reason: '单价录错，应为 23.50', year: 2026, serial: 2, balance_qty: 0, balance_value: 0 },
    ]);
    expect(ctx.db.prepare("SELECT action, reason FROM journal WHERE tbl = 'supplies_reversals'").all()).toEqual([{ action: 'reverse', reason: '单价录错，应为 23.50' }]);
    verified(ctx);
  });

  it('an issue to the wrong department: the stock gets back exactly what the issue took, and use by department nets out', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 3, price: 2500 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 4, price: 2600 }); // 7 units, 17900: the average is not a whole fen
    const issue = issueSupplies(ctx, 'A4纸', { qty: 2, dept: '办公室', person: '张三' });
    expect(issue.movement.value).toBe(-5114);
    ctx.setNow('2026-11-03T10:00');
    const r = reverseMovement(ctx, '#3', { reason: '应为财务科领用' });
    expect(r.movement).toMatchObject({ qty: 2, value: 5114, dept: '办公室', person: '张三', books_as: '领用' });
    expect(r.balance).toEqual({ qty: 7, value: 17900 });
    issueSupplies(ctx, 'A4纸', { qty: 2, dept: '财务科', person: '李四' });
    const usage = usageView(ctx.db, '2026-11-01', '2026-11-30');
    expect(usage.map((u) => [u.dept, u.person, u.qty, u.valueFen, u.times])).toEqual([
      ['财务科', '李四', 2, 5114, 1],
      ['total', undefined, undefined, 5114, 1],
    ]);
    verified(ctx);
  });

  it('a write-off typed twice, and a stocktake adjustment, are reversed at their own values', () => {
    const ctx = setup();
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 30, price: 152 });
    writeOffSupplies(ctx, '签字笔', { qty: 3, reason: '漏墨' });
    const twice = writeOffSupplies(ctx, '签字笔', { qty: 3, reason: '漏墨' });
    reverseMovement(ctx, String(twice.movement.id), { reason: '重复登记' });
    expect(balanceOf(ctx.db, 2)).toEqual({ qty: 27, value: 27 * 152 });
    ctx.setNow('2026-11-30T16:00');
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    recordCount(ctx, 'A4纸', 0);
    recordCount(ctx, '签字笔', 25);
    closeStocktake(ctx, '盘亏2支');
    const adj = [...movementView(ctx.db, { kind: '盘点调整' })][0]!;
    expect(adj).toMatchObject({ qty: -2, valueFen: -304 });
    ctx.setNow('2026-12-01T09:00');
    const r = reverseMovement(ctx, String(adj.no), { reason: '漏数了一盒里的2支' });
    expect(r.movement).toMatchObject({ qty: 2, value: 304, books_as: '盘点调整', stocktake_id: 1 });
    expect(r.balance).toEqual({ qty: 27, value: 27 * 152 });
    verified(ctx);
  });

  it('a receipt against a purchase plan gives the plan back what is still to come', () => {
    const ctx = setup();
    const plan = addPlan(ctx, { item: 'A4纸', qty: 20 });
    approvePlan(ctx, plan.number, '李主任');
    const got = receiveSupplies(ctx, 'A4纸', { qty: 20, price: 2500, plan: plan.number });
    expect(getPlan(ctx.db, plan.number)).toMatchObject({ state: '已完成', received: 20 });
    expect(stockView(ctx.db).find((s) => s.item === 1)).toMatchObject({ toCome: 0 });
    reverseMovement(ctx, String(got.movement.id), { reason: '送错了规格，已退回' });
    expect(getPlan(ctx.db, plan.number)).toMatchObject({ state: '已批准', received: 0 });
    expect(stockView(ctx.db).find((s) => s.item === 1)).toMatchObject({ qty: 0, toCome: 20 });
    receiveSupplies(ctx, 'A4纸', { qty: 20, price: 2500, plan: plan.number });
    expect(getPlan(ctx.db, plan.number)).toMatchObject({ state: '已完成', received: 20 });
    verified(ctx);
  });

  it('a stocktake surplus on an empty book is valued at the last receipt that was not reversed', () => {
    const ctx = setup();
    const typo = receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 99900 });
    reverseMovement(ctx, String(typo.movement.id), { reason: '单价多打了两个0' });
    ctx.setNow('2026-11-30T16:00');
    startStocktake(ctx, { counter: '李四', witness: '张三', items: ['A4纸'] });
    recordCount(ctx, 'A4纸', 2);
    expect(diffLines(ctx.db, getStocktake(ctx.db))[0]).toMatchObject({ difference: 2, value: 5000 }); // the card price, not 999.00
  });

  it('refuses, writing nothing: no reason, a bad or unknown number, a reversal, twice, a retired item, a date before the last entry', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 5, price: 2500 });
    const issue = issueSupplies(ctx, 'A4纸', { qty: 5, dept: '办公室', person: '张三' });
    expect(expectRefused(ctx, () => reverseMovement(ctx, '1', { reason: '  ' }), 'input.missing', 'usage').params).toEqual({ flags: '--reason' });
    for (const bad of ['abc', '0', '-1', '1.5', '', '第1笔', '2026-0000', '26-0001', '2026-']) expectRefused(ctx, () => reverseMovement(ctx, bad, { reason: 'x' }), 'supplies.movementRef', 'usage');
    expect(expectRefused(ctx, () => reverseMovement(ctx, '99', { reason: 'x' }), 'supplies.movementNotFound', 'data').params).toEqual({ id: '2026-0099' });
    expect(expectRefused(ctx, () => reverseMovement(ctx, '2025-0001', { reason: 'x' }), 'supplies.movementNotFound', 'data').params).toEqual({ id: '2025-0001' });
    const rev = reverseMovement(ctx, '２', { reason: '领用人填错' }); // full-width digits as typed on a Chinese keyboard
    expect(rev.movement.reverses).toBe(issue.movement.id);
    expect(expectRefused(ctx, () => reverseMovement(ctx, String(rev.movement.id), { reason: 'x' }), 'supplies.reverseReversal', 'data').params).toEqual({ id: '2026-0003', of: '2026-0002' });
    expect(expectRefused(ctx, () => reverseMovement(ctx, '2', { reason: 'x' }), 'supplies.alreadyReversed', 'data').params).toEqual({ id: '2026-0002', by: '2026-0003', date: '2026-11-01' });
    ctx.setNow('2026-11-05T09:00');
    issueSupplies(ctx, 'A4纸', { qty: 5, dept: '财务科', person: '李四' });
    expectRefused(ctx, () => reverseMovement(ctx, '4', { reason: 'x', date: '2026-11-04' }), 'supplies.dateBeforeLast', 'data');
    expectRefused(ctx, () => reverseMovement(ctx, '4', { reason: 'x', date: '2026-11-06' }), 'supplies.dateInFuture', 'usage');
    retireItem(ctx, 'A4纸', '不再采购');
    expectRefused(ctx, () => reverseMovement(ctx, '4', { reason: 'x' }), 'supplies.itemRetired', 'data');
    verified(ctx);
  });

  it('refuses a receipt whose units went out since, and one whose value went out at the average, saying what to do', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 100 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 300 });
    issueSupplies(ctx, 'A4纸', { qty: 15, dept: '办公室', person: '张三' }); // 15 at the average 2.00: 5 units worth 1000 left
    const short = expectRefused(ctx, () => reverseMovement(ctx, '1', { reason: '单价错' }), 'supplies.reverseShort', 'data');
    expect(short.params).toMatchObject({ id: '2026-0001', qty: 10, balance: 5 });
    ctx.setNow('2026-11-02T09:00');
    reverseMovement(ctx, '3', { reason: '多领了' }); // the issue back: 20 units, 4000
    issueSupplies(ctx, 'A4纸', { qty: 10, dept: '办公室', person: '张三' }); // 10 at 2.00: 10 units worth 2000 left
    // 10 left, so the quantity allows reversing the 10 at 3.00 or at 1.00, but the value does not:
    expect(expectRefused(ctx, () => reverseMovement(ctx, '2', { reason: '单价错' }), 'supplies.reverseValue', 'data').params).toMatchObject({ leftQty: 0, leftValue: '-10.00' });
    expect(expectRefused(ctx, () => reverseMovement(ctx, '1', { reason: '单价错' }), 'supplies.reverseValue', 'data').params).toMatchObject({ leftQty: 0, leftValue: '10.00' });
    // the way out the hint gives: reverse the later issue first, then the receipt
    reverseMovement(ctx, '5', { reason: '先冲销其后的领用' });
    const r = reverseMovement(ctx, '2', { reason: '单价错，应为 1.00' });
    expect(r.balance).toEqual({ qty: 10, value: 1000 });
    verified(ctx);
  });

  it('refuses while the item is being counted', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 5, price: 2500 });
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    expectRefused(ctx, () => reverseMovement(ctx, '1', { reason: 'x' }), 'supplies.itemInCount', 'data');
    verified(ctx);
  });

  it('the database itself refuses a reversal that is not the exact opposite, and a number used twice', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 5, price: 2500 });
    const write = (table: string, values: Record<string, unknown>) => writeTx(ctx.db, () => post(ctx, { register: 'supplies', action: 'test', table, values }));
    expect(() => write('supplies_reversals', { id: 2, movement_id: 1, item_id: 1, moved_on: '2026-11-01', qty: -5, value: -12499, reason: 'x' })).toThrow(/not the exact opposite/);
    expect(() => write('supplies_reversals', { id: 1, movement_id: 1, item_id: 1, moved_on: '2026-11-01', qty: -5, value: -12500, reason: 'x' })).toThrow(/a movement's already/);
    reverseMovement(ctx, '1', { reason: '错了' });
    // a movement written without its number (as a build before 003 did) would take 2, the reversal's
    expect(() => write('supplies_movements', { item_id: 1, kind: '入库', moved_on: '2026-11-01', qty: 1, value: 1, unit_price: 1 })).toThrow(/a reversal's already/);
    expect(() => ctx.db.prepare('UPDATE supplies_reversals SET reason = ?').run('改')).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM supplies_reversals').run()).toThrow(/append-only/);
    verified(ctx);
  });
});

describe('the month-end report after reversals', () => {
  it('counts a reversal, negative, in the column of what it reverses; the figures reconcile by hand', () => {
    const ctx = setup();
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 30, price: 2567 }); // 77010
    ctx.setNow('2026-11-10T09:00');
    issueSupplies(ctx, 'A4纸', { qty: 7, dept: '办公室', person: '张三' }); // 7 × 77010 / 30 = 17969
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 3000 }); // 30000, wrong
    ctx.setNow('2026-11-20T09:00');
    reverseMovement(ctx, '3', { reason: '重复入库' }); // −10, −30000: 23 left, 59041
    ctx.setNow('2026-12-02T09:00');
    reverseMovement(ctx, '2', { reason: '未领走' }); // +7, +17969: 30, 77010
    issueSupplies(ctx, 'A4纸', { qty: 2, dept: '办公室', person: '张三' }); // 2 × 77010 / 30 = 5134
    const nov = monthReport(ctx.db, '2026-11-01', '2026-11-30');
    const dec = monthReport(ctx.db, '2026-12-01', '2026-12-31');
    expect(nov.items[0]).toMatchObject({
      openingQty: 0, openingValueFen: 0,
      receivedQty: 30 + 10 - 10, receivedValueFen: 77010 + 30000 - 30000,
      issuedQty: 7, issuedValueFen: 17969,
      writtenOffQty: 0, adjustedQty: 0,
      closingQty: 23, closingValueFen: 77010 - 17969,
    });
    expect(dec.items[0]).toMatchObject({
      openingQty: 23, openingValueFen: 59041,
      receivedQty: 0, receivedValueFen: 0,
      issuedQty: -7 + 2, issuedValueFen: -17969 + 5134,
      closingQty: 28, closingValueFen: 59041 + 17969 - 5134,
    });
    expect(dec.total).toMatchObject({ openingValueFen: nov.total.closingValueFen, receivedValueFen: 0, issuedValueFen: -12835, closingValueFen: 71876 });
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 28, value: 71876 });
    const decUsage = usageView(ctx.db, '2026-12-01', '2026-12-31');
    expect(decUsage[0]).toMatchObject({ dept: '办公室', qty: -5, valueFen: -12835, times: 0 });
    verified(ctx);
  });
});

describe('migration supplies:003 on a database made before it', () => {
  it('keeps every posted row, verifies, and continues the one series of numbers', () => {
    const all = buildRegistry().migrations;
    const file = path.join(tempDir(), 'old.db');
    const ctx: Ctx = { db: openDatabase(file, { create: true, migrations: all.filter((m) => !m.id.startsWith('supplies:') || m.id < 'supplies:003') }), clock: fixedClock('2026-11-02T09:00'), operator: '王秘书' };
    expect(ctx.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'supplies_reversals'").pluck().get()).toBe(0);
    // rows as the build before 003 posted them: movements numbered by SQLite
    writeTx(ctx.db, () => {
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_items', values: { added_on: '2026-11-01' } });
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_item_revisions', values: { item_id: 1, name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 10, state: '在用' } });
      post(ctx, { register: 'supplies', action: 'receive', table: 'supplies_movements', values: { item_id: 1, kind: '入库', moved_on: '2026-11-01', qty: 20, value: 50000, unit_price: 2500 } });
      post(ctx, { register: 'supplies', action: 'issue', table: 'supplies_movements', values: { item_id: 1, kind: '领用', moved_on: '2026-11-02', qty: -3, value: -7500, dept: '办公室', person: '张三' } });
    });
    const head = verifyDatabase(ctx.db, tables().filter((t) => t !== 'supplies_reversals')).head;
    ctx.db.close();

    const db = openDatabase(file, { create: false, migrations: all });
    const now: Ctx = { db, clock: fixedClock('2026-11-27T09:30'), operator: '王秘书' };
    expect(db.prepare('SELECT id FROM schema_migrations WHERE id = ?').pluck().get('supplies:003-reversals')).toBe('supplies:003-reversals');
    const report = verifyDatabase(db, tables(), head);
    expect(report.ok).toBe(true);
    expect(report.head).toEqual(head);
    expect(balanceOf(db, 1)).toEqual({ qty: 17, value: 42500 });
    const r = reverseMovement(now, '2', { reason: '部门填错' });
    expect(r.movement.id).toBe(3);
    expect(issueSupplies(now, 'A4纸', { qty: 3, dept: '财务科', person: '李四' }).movement.id).toBe(4);
    expect(verifyDatabase(db, tables(), head).ok).toBe(true);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});
