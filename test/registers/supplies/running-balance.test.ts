/**
 * 结存 stored on each movement and reversal (supplies:005): every row carries the item's balance after
 * it, so a balance, a line of `movements` and a period's opening are read from one row (#16). The
 * database refuses a stored balance that is not the row before plus this one; rows written before
 * supplies:005 keep NULL, read as sums, and still verify.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { monthReport, movementView, stockView } from '../../../src/registers/supplies/reports.js';
import { reverseMovement } from '../../../src/registers/supplies/reversals.js';
import { addItem, issueSupplies, receiveSupplies, writeOffSupplies } from '../../../src/registers/supplies/rules.js';
import { balanceOf } from '../../../src/registers/supplies/sql.js';
import { closeStocktake, recordCount, startStocktake } from '../../../src/registers/supplies/stocktake.js';
import { cli, tables, tempDir, testCtx } from '../../helpers.js';

/** Each ledger row's stored balance beside the sum of its item's rows up to it. */
const storedAndSummed = (ctx: Ctx) =>
  ctx.db
    .prepare(
      `SELECT id, balance_qty, balance_value,
              SUM(qty) OVER (PARTITION BY item_id ORDER BY id) AS qty_sum, SUM(value) OVER (PARTITION BY item_id ORDER BY id) AS value_sum
       FROM supplies_ledger ORDER BY id`,
    )
    .all() as { id: number; balance_qty: number | null; balance_value: number | null; qty_sum: number; value_sum: number }[];

const lines = (ctx: Ctx, f = {}) => [...movementView(ctx.db, f)].map((m) => [m.no, m.item, m.qty, m.balance]);

describe('the balance after each movement, stored on its row', () => {
  it('receipts, issues, write-offs, reversals and stocktake adjustments each store the item’s balance after them', () => {
    const ctx = testCtx('2026-11-01T09:00');
    addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0 });
    addItem(ctx, { name: '签字笔', spec: '黑', unit: '支', price: 150, reorder: 0 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2530 });
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 50, price: 150 });
    ctx.setNow('2026-11-03T09:00');
    issueSupplies(ctx, 'A4纸', { qty: 3, dept: '办公室', person: '张三' });
    writeOffSupplies(ctx, '签字笔', { qty: 2, reason: '漏墨' });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '补货', qty: 10, price: 2400 });
    reverseMovement(ctx, '2026-0003', { reason: '部门填错' });
    ctx.setNow('2026-11-05T09:00');
    startStocktake(ctx, { items: ['A4纸', '签字笔'], counter: '李四', witness: '张三' });
    recordCount(ctx, 'A4纸', 29);
    recordCount(ctx, '签字笔', 48);
    closeStocktake(ctx, '盘亏一包');
    issueSupplies(ctx, 'A4纸', { qty: 4, dept: '财务科', person: '李四' });

    const rows = storedAndSummed(ctx);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect([r.id, r.balance_qty, r.balance_value]).toEqual([r.id, r.qty_sum, r.value_sum]);
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 25, value: rows.filter((r) => r.id !== 2 && r.id !== 4).at(-1)!.value_sum });
    expect(balanceOf(ctx.db, 1, '2026-11-03')).toEqual({ qty: 20, value: 50600 });
    expect(balanceOf(ctx.db, 2, '2026-11-01')).toEqual({ qty: 0, value: 0 });
    expect(lines(ctx, { from: '2026-11-05', to: '2026-11-05' })).toEqual([
      ['2026-0007', 1, -1, 29],
      ['2026-0008', 1, -4, 25],
    ]);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('the database refuses a balance that is not the row before plus this one, and a row that carries only half of it', () => {
    const ctx = testCtx('2026-11-01T09:00');
    addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 20, price: 2500 });
    const write = (values: Record<string, unknown>) =>
      writeTx(ctx.db, () => post(ctx, { register: 'supplies', action: 'issue', table: 'supplies_movements', values: { id: 2, year: 2026, serial: 2, item_id: 1, kind: '领用', moved_on: '2026-11-01', qty: -3, value: -7500, dept: '办公室', person: '张三', ...values } }));
    expect(() => write({ balance_qty: 18, balance_value: 42500 })).toThrow(/the balance is not the one before plus this row/);
    expect(() => write({ balance_qty: 17, balance_value: 42000 })).toThrow(/the balance is not the one before plus this row/);
    expect(() => write({ balance_qty: 17 })).toThrow(/the balance is not the one before plus this row/);
    const reverse = (values: Record<string, unknown>) =>
      writeTx(ctx.db, () => post(ctx, { register: 'supplies', action: 'reverse', table: 'supplies_reversals', values: { id: 2, year: 2026, serial: 2, movement_id: 1, item_id: 1, moved_on: '2026-11-01', qty: -20, value: -50000, reason: '录错', ...values } }));
    expect(() => reverse({ balance_qty: 20, balance_value: 50000 })).toThrow(/the balance is not the one before plus this row/);
    expect(ctx.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(3);
    write({ balance_qty: 17, balance_value: 42500 });
    expect(balanceOf(ctx.db, 1)).toEqual({ qty: 17, value: 42500 });
  });
});

describe('supplies:005 on a database written before it', () => {
  const NEW = 'supplies:005-running-balance';

  /** A4纸: receipt 20, issue 3, a reversal of the issue, issue 2 (on 2026-11-01 … 11-04), as the build before 005 posted them. */
  function oldDatabase(): { file: string; head: { seq: number; hash: string } } {
    const file = path.join(tempDir(), 'old.db');
    const all = buildRegistry().migrations;
    expect(all.some((m) => m.id === NEW)).toBe(true);
    const db = openDatabase(file, { create: true, migrations: all.filter((m) => !m.id.startsWith('supplies:') || m.id < NEW) });
    const ctx: Ctx = { db, clock: fixedClock('2026-11-04T09:00'), operator: '王秘书' };
    const move = (values: Record<string, unknown>) => post(ctx, { register: 'supplies', action: 'move', table: 'supplies_movements', values: { item_id: 1, year: 2026, serial: values.id, ...values } });
    writeTx(db, () => {
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_items', values: { added_on: '2026-11-01' } });
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_item_revisions', values: { item_id: 1, name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0, state: '在用' } });
      move({ id: 1, kind: '入库', moved_on: '2026-11-01', qty: 20, value: 50000, unit_price: 2500, reason: '期初' });
      move({ id: 2, kind: '领用', moved_on: '2026-11-02', qty: -3, value: -7500, dept: '办公室', person: '张三' });
      post(ctx, { register: 'supplies', action: 'reverse', table: 'supplies_reversals', values: { id: 3, year: 2026, serial: 3, movement_id: 2, item_id: 1, moved_on: '2026-11-03', qty: 3, value: 7500, reason: '部门填错' }, reason: '部门填错' });
      move({ id: 4, kind: '领用', moved_on: '2026-11-04', qty: -2, value: -5000, dept: '办公室', person: '李四' });
    });
    const head = verifyDatabase(db, tables()).head;
    db.close();
    return { file, head };
  }

  it('keeps the old rows without a stored balance, reads them as sums, verifies with the same head, and stores the balance from the next row on', () => {
    const { file, head } = oldDatabase();
    const db = openDatabase(file, { create: false, mode: 'write', migrations: buildRegistry().migrations });
    const ctx: Ctx = { db, clock: fixedClock('2026-12-02T09:00'), operator: '王秘书' };
    const report = verifyDatabase(db, tables(), head);
    expect([report.ok, report.head]).toEqual([true, head]);
    expect(storedAndSummed(ctx).map((r) => r.balance_qty)).toEqual([null, null, null, null]);
    expect(balanceOf(db, 1)).toEqual({ qty: 18, value: 45000 });
    expect(balanceOf(db, 1, '2026-11-03')).toEqual({ qty: 17, value: 42500 });
    expect(lines(ctx)).toEqual([
      ['2026-0001', 1, 20, 20],
      ['2026-0002', 1, -3, 17],
      ['2026-0003', 1, 3, 20],
      ['2026-0004', 1, -2, 18],
    ]);
    issueSupplies(ctx, 'A4纸', { qty: 5, dept: '办公室', person: '张三', date: '2026-12-01' });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '补货', qty: 10, price: 2500, date: '2026-12-02' });
    expect(storedAndSummed(ctx).map((r) => [r.balance_qty, r.balance_value])).toEqual([[null, null], [null, null], [null, null], [null, null], [13, 32500], [23, 57500]]);
    expect(lines(ctx, { from: '2026-12-01' })).toEqual([
      ['2026-0005', 1, -5, 13],
      ['2026-0006', 1, 10, 23],
    ]);
    const [dec] = monthReport(db, '2026-12-01', '2026-12-31').items;
    expect(dec).toMatchObject({ openingQty: 18, openingValueFen: 45000, issuedQty: 5, receivedQty: 10, closingQty: 23, closingValueFen: 57500 });
    const [nov] = monthReport(db, '2026-11-01', '2026-11-30').items;
    expect(nov).toMatchObject({ openingQty: 0, receivedQty: 20, issuedQty: 2, closingQty: 18, closingValueFen: 45000 });
    expect(stockView(db)).toMatchObject([{ item: 1, qty: 23, valueFen: 57500 }]);
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    db.close();
  });

  it('`wenmi supplies movements` and `verify` on the upgraded file', async () => {
    const { file } = oldDatabase();
    const env = { WENMI_DB: file };
    expect((await cli(['init'], { env })).code).toBe(0);
    const moves = await cli(['supplies', 'movements', '--format', 'json'], { env });
    expect(moves.code, moves.stderr).toBe(0);
    expect(JSON.parse(moves.stdout).map((m: { balance: number }) => m.balance)).toEqual([20, 17, 20, 18]);
    expect((await cli(['verify'], { env })).code).toBe(0);
  });
});
