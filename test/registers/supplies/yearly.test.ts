/**
 * Movements and reversals share one series of numbers per year (2026-0012, the year of the
 * movement's date): rules across a year's end, the references people type, and supplies:004 on a
 * database numbered by row id before it (old numbers stay, verify keeps its head, the year continues).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { monthReport, movementView } from '../../../src/registers/supplies/reports.js';
import { movementNumber, reverseMovement } from '../../../src/registers/supplies/reversals.js';
import { addItem, issueSupplies, receiveSupplies } from '../../../src/registers/supplies/rules.js';
import { closeStocktake, recordCount, startStocktake } from '../../../src/registers/supplies/stocktake.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

const listed = (db: Ctx['db']) => [...movementView(db, {})].map((m) => [m.no, m.date, m.kind, m.reverses, m.reversedBy]);

describe('movement numbers restart each year', () => {
  it('2026-12-31 → 2027-01-01 restarts at 1, reversals share the year, a late entry continues its own year; month reports stay right', () => {
    const ctx = testCtx('2026-12-31T09:00');
    addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0 });
    addItem(ctx, { name: '签字笔', spec: '黑', unit: '支', price: 150, reorder: 0 });
    expect(receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 2500 }).movement).toMatchObject({ year: 2026, serial: 1 });
    issueSupplies(ctx, 'A4纸', { qty: 2, dept: '办公室', person: '张三' });
    ctx.setNow('2027-01-01T09:00');
    const jan = issueSupplies(ctx, 'A4纸', { qty: 1, dept: '财务科', person: '李四' });
    expect([jan.movement.year, jan.movement.serial]).toEqual([2027, 1]);
    // a bare number is this year's; last year's by its year; the reversal takes the next number of its own date's year
    const r = reverseMovement(ctx, '2026-2', { reason: '部门填错' });
    expect([r.movement.year, r.movement.serial, r.original.serial]).toEqual([2027, 2, 2]);
    ctx.setNow('2027-01-02T09:00');
    expect(receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '年末漏记', qty: 5, price: 150, date: '2026-12-31' }).movement).toMatchObject({ year: 2026, serial: 3 });
    expectRefused(ctx, () => reverseMovement(ctx, '3', { reason: 'x' }), 'supplies.movementNotFound', 'data');
    expect(reverseMovement(ctx, '1', { reason: '数量不对' }).original).toMatchObject({ year: 2027, serial: 1, kind: '领用' });
    expect(listed(ctx.db)).toEqual([
      ['2026-0001', '2026-12-31', '入库', null, null],
      ['2026-0002', '2026-12-31', '领用', null, '2027-0002'],
      ['2026-0003', '2026-12-31', '入库', null, null],
      ['2027-0001', '2027-01-01', '领用', null, '2027-0003'],
      ['2027-0002', '2027-01-01', '冲销', '2026-0002', null],
      ['2027-0003', '2027-01-02', '冲销', '2027-0001', null],
    ]);
    const dec = monthReport(ctx.db, '2026-12-01', '2026-12-31');
    const janReport = monthReport(ctx.db, '2027-01-01', '2027-01-31');
    expect(dec.items.map((i) => [i.name, i.receivedQty, i.issuedQty, i.closingQty])).toEqual([['A4纸', 10, 2, 8], ['签字笔', 5, 0, 5]]);
    expect(janReport.items[0]).toMatchObject({ name: 'A4纸', openingQty: 8, issuedQty: 1 - 2 - 1, closingQty: 10 });
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('a stocktake closing posts its adjustments under consecutive numbers of the year', () => {
    const ctx = testCtx('2026-11-30T09:00');
    addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0 });
    addItem(ctx, { name: '签字笔', spec: '黑', unit: '支', price: 150, reorder: 0 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 2500 });
    receiveSupplies(ctx, '签字笔', { unplanned: true, reason: '期初', qty: 10, price: 150 });
    startStocktake(ctx, { counter: '李四', witness: '张三' });
    recordCount(ctx, 'A4纸', 9);
    recordCount(ctx, '签字笔', 11);
    closeStocktake(ctx, '盘点差异');
    expect(listed(ctx.db).map((m) => m[0])).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004']);
  });

  it('reads 2026-0012, 2026-12, full-width and bare numbers; refuses the malformed', () => {
    for (const ref of ['2026-0012', '2026-12', '２０２６－００１２', '2026_12', ' 2026—0012 ']) expect(movementNumber(ref, 2027)).toEqual({ year: 2026, serial: 12 });
    for (const ref of ['12', '#12', '０１２']) expect(movementNumber(ref, 2027)).toEqual({ year: 2027, serial: 12 });
    for (const bad of ['2026-0', '2026-', 'Y2026-0012', '26-12', '12a', '']) expect(() => movementNumber(bad, 2027)).toThrow(/supplies.movementRef/);
  });

  it('the database refuses a year-serial used twice, also between a movement and a reversal', () => {
    const ctx = testCtx('2026-11-30T09:00');
    addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0 });
    receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 2500 });
    reverseMovement(ctx, '1', { reason: '错了' });
    const write = (table: string, values: Record<string, unknown>) => writeTx(ctx.db, () => post(ctx, { register: 'supplies', action: 'test', table, values }));
    const receipt = { item_id: 1, kind: '入库', moved_on: '2026-11-30', qty: 1, value: 1, unit_price: 1, year: 2026 };
    expect(() => write('supplies_movements', { id: 3, ...receipt, serial: 1 })).toThrow(/UNIQUE/);
    expect(() => write('supplies_movements', { id: 3, ...receipt, serial: 2 })).toThrow(/the year's number is taken already/);
    expect(() => write('supplies_movements', { id: 3, ...receipt, serial: 3 })).not.toThrow();
  });
});

describe('supplies:004 on a database whose movements were numbered by row id', () => {
  const NEW = 'supplies:004-yearly-numbers';

  /** Movements 1–3 and reversal 4 as the build before 004 posted them; 3 is dated 2026, the rest 2025. */
  function oldDatabase(): { file: string; head: { seq: number; hash: string } } {
    const file = path.join(tempDir(), 'old.db');
    const all = buildRegistry().migrations;
    expect(all.some((m) => m.id === NEW)).toBe(true);
    const db = openDatabase(file, { create: true, migrations: all.filter((m) => !m.id.startsWith('supplies:') || m.id < NEW) });
    const ctx: Ctx = { db, clock: fixedClock('2026-01-05T09:00'), operator: '王秘书' };
    writeTx(db, () => {
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_items', values: { added_on: '2025-12-01' } });
      post(ctx, { register: 'supplies', action: 'item-add', table: 'supplies_item_revisions', values: { item_id: 1, name: 'A4纸', spec: '70g', unit: '包', price: 2500, reorder: 0, state: '在用' } });
      post(ctx, { register: 'supplies', action: 'receive', table: 'supplies_movements', values: { id: 1, item_id: 1, kind: '入库', moved_on: '2025-12-01', qty: 20, value: 50000, unit_price: 2500 } });
      post(ctx, { register: 'supplies', action: 'issue', table: 'supplies_movements', values: { id: 2, item_id: 1, kind: '领用', moved_on: '2025-12-10', qty: -3, value: -7500, dept: '办公室', person: '张三' } });
      post(ctx, { register: 'supplies', action: 'issue', table: 'supplies_movements', values: { id: 3, item_id: 1, kind: '领用', moved_on: '2026-01-05', qty: -2, value: -5000, dept: '办公室', person: '张三' } });
      post(ctx, { register: 'supplies', action: 'reverse', table: 'supplies_reversals', values: { id: 4, movement_id: 2, item_id: 1, moved_on: '2025-12-20', qty: 3, value: 7500, reason: '部门填错' }, reason: '部门填错' });
    });
    const head = verifyDatabase(db, tables()).head;
    db.close();
    return { file, head };
  }

  it('keeps the numbers people saw (year of the date, row id), verifies with the same head, and continues each year after its highest', () => {
    const { file, head } = oldDatabase();
    const db = openDatabase(file, { create: false, mode: 'write', migrations: buildRegistry().migrations });
    const report = verifyDatabase(db, tables(), head);
    expect([report.ok, report.head]).toEqual([true, head]);
    expect(listed(db)).toEqual([
      ['2025-0001', '2025-12-01', '入库', null, null],
      ['2025-0002', '2025-12-10', '领用', null, '2025-0004'],
      ['2025-0004', '2025-12-20', '冲销', '2025-0002', null],
      ['2026-0003', '2026-01-05', '领用', null, null],
    ]);
    const ctx: Ctx = { db, clock: fixedClock('2026-01-10T09:00'), operator: '王秘书' };
    expect(issueSupplies(ctx, 'A4纸', { qty: 1, dept: '财务科', person: '李四' }).movement).toMatchObject({ id: 5, year: 2026, serial: 4 });
    // the old id still finds this year's movement
    expect(reverseMovement(ctx, '3', { reason: '未领走' })).toMatchObject({ original: { id: 3 }, movement: { id: 6, year: 2026, serial: 5 } });
    expectRefused(ctx, () => reverseMovement(ctx, '2', { reason: 'x' }), 'supplies.movementNotFound', 'data');
    expect(expectRefused(ctx, () => reverseMovement(ctx, '2025-0004', { reason: 'x' }), 'supplies.reverseReversal', 'data').params).toEqual({ id: '2025-0004', of: '2025-0002' });
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    db.close();
  });

  it('`wenmi supplies movements` of the upgraded file lists the old numbers', async () => {
    const { file } = oldDatabase();
    const env = { WENMI_DB: file };
    expect((await cli(['init'], { env })).code).toBe(0);
    const moves = await cli(['supplies', 'movements', '--format', 'json'], { env });
    expect(moves.code, moves.stderr).toBe(0);
    expect(JSON.parse(moves.stdout).map((m: { no: string }) => m.no)).toEqual(['2025-0001', '2025-0002', '2025-0004', '2026-0003']);
    expect((await cli(['verify'], { env })).code).toBe(0);
  });
});
