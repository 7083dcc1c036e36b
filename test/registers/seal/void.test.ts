/** 作废 (红字冲销) of a line of the seal-usage register: rules, the database's own guards, the migration. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { bookRows, bookTotals, historyRows, requestRows } from '../../../src/registers/seal/report.js';
import { addSeal, getSeal } from '../../../src/registers/seal/rules.js';
import { approveRequest, cancelRequest, getRequest, getStampLine, requestUse, stampRequest, voidStamp } from '../../../src/registers/seal/usage.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);

/** S001 in use; Y2026-0001 approved for 3 copies, stamped 2 (line 1) and then 1 (line 2): fully stamped. */
function stamped() {
  const ctx = testCtx();
  addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
  requestUse(ctx, { seal: 'S001', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 3, requester: '陈经办' });
  approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
  stampRequest(ctx, 'Y2026-0001', { count: 2 });
  stampRequest(ctx, 'Y2026-0001', { count: 1 });
  return ctx;
}

describe('void-stamp: the rules', () => {
  it('a line voided stays in the book, marked; its copies no longer count; the request may be stamped again up to its approval and not beyond', () => {
    const ctx = stamped();
    expect(getRequest(ctx.db, 'Y2026-0001')).toMatchObject({ state: '已用印', stamped: 3, voided: 0 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 1 }), /seal.fullyStamped/);
    const { line, request } = voidStamp(ctx, '1', { reason: '份数登记错误，实为1份', approver: '周主任' });
    expect([line.no, line.voided_on, line.void_reason, line.void_approver]).toEqual(['2026-0001', '2026-11-27', '份数登记错误，实为1份', '周主任']);
    expect(request).toMatchObject({ state: '部分用印', stamped: 1, voided: 2 });
    // the book keeps both lines; the voided one is marked, and the totals say so
    const rows = bookRows(ctx.db, {});
    expect(rows.map((r) => [r.no, r.voided, r.count, r.note])).toEqual([
      ['2026-0001', true, 2, 'Y2026-0001；作废：份数登记错误，实为1份（周主任批准，2026-11-27）'],
      ['2026-0002', false, 1, 'Y2026-0001'],
    ]);
    expect(JSON.parse(JSON.stringify(rows[0]))).toMatchObject({ count: 2, voided: true, voidedOn: '2026-11-27', voidReason: '份数登记错误，实为1份', voidApprover: '周主任' });
    expect(bookTotals(rows)).toEqual({ lines: 2, voidedLines: 1, count: 1 });
    // stamped again: up to the approved count, not beyond
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 3 }), /seal.overCount/);
    const again = stampRequest(ctx, 'Y2026-0001', { count: 2 });
    expect([again.line.no, again.request.state, again.request.stamped]).toEqual(['2026-0003', '已用印', 3]);
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 1 }), /seal.fullyStamped/);
    expect(requestRows(ctx.db, {})[0]).toMatchObject({ stamped: 3, lines: ['2026-0002', '2026-0003'], voidedLines: ['2026-0001'] });
    expect(historyRows(ctx.db, getSeal(ctx.db, 'S001').id).map((h) => h.detail).slice(-3)).toEqual([
      'stamped Y2026-0001 (line 2026-0002): 1 copy, handled by 陈经办',
      'voided line 2026-0001 (Y2026-0001, 2 copies): 份数登记错误，实为1份, approved by 周主任',
      'stamped Y2026-0001 (line 2026-0003): 2 copies, handled by 陈经办',
    ]);
    verified(ctx);
  });

  it('voiding every line puts the request back to approved; a line is found as 2026-0002, 2026-2, full-width, or 2 and #2 in its year', () => {
    const ctx = stamped();
    for (const ref of ['2026-0002', '2026-2', '２０２６－０００２', '2026—02', '#2', '２', ' 002 ']) expect(getStampLine(ctx.db, ref, 2026).no).toBe('2026-0002');
    expect(() => getStampLine(ctx.db, '2', 2027)).toThrow(/seal.lineNotFound.*2027-0002/);
    voidStamp(ctx, '2', { reason: '重复登记', approver: '周主任' });
    const r = voidStamp(ctx, '#1', { reason: '申请号登记错误，应为 Y2026-0002', approver: '周主任' }).request;
    expect(r).toMatchObject({ state: '已批准', stamped: 0, voided: 3 });
    expect(stampRequest(ctx, 'Y2026-0001').line.count).toBe(3);
    verified(ctx);
  });

  it('refuses an unknown line, a line that is no number, a second void, a missing reason or approver, a bad date; nothing is written', () => {
    const ctx = stamped();
    expectRefused(ctx, () => voidStamp(ctx, '9', { reason: '重复登记', approver: '周主任' }), /seal.lineNotFound/);
    expectRefused(ctx, () => voidStamp(ctx, '2025-0001', { reason: '重复登记', approver: '周主任' }), /seal.lineNotFound/);
    expectRefused(ctx, () => voidStamp(ctx, '0', { reason: '重复登记', approver: '周主任' }), /seal.lineRef/);
    expectRefused(ctx, () => voidStamp(ctx, '2026-0000', { reason: '重复登记', approver: '周主任' }), /seal.lineRef/);
    expectRefused(ctx, () => voidStamp(ctx, '26-0001', { reason: '重复登记', approver: '周主任' }), /seal.lineRef/);
    expectRefused(ctx, () => voidStamp(ctx, 'Y2026-0001', { reason: '重复登记', approver: '周主任' }), /seal.lineRef/);
    expectRefused(ctx, () => voidStamp(ctx, '-1', { reason: '重复登记', approver: '周主任' }), /seal.lineRef/);
    expectRefused(ctx, () => voidStamp(ctx, '1', { approver: '周主任' }), /input.missing.*--reason/);
    expectRefused(ctx, () => voidStamp(ctx, '1', { reason: '  ', approver: '周主任' }), /input.missing.*--reason/);
    expectRefused(ctx, () => voidStamp(ctx, '1', { reason: '重复登记' }), /input.missing.*--approver/);
    expectRefused(ctx, () => voidStamp(ctx, '1', {}), /input.missing.*--reason --approver/);
    expectRefused(ctx, () => voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任', on: '2026-11-28' }), /seal.dateInFuture/);
    expectRefused(ctx, () => voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任', on: '2026-11-26' }), /seal.dateTooEarly/);
    voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任' });
    expectRefused(ctx, () => voidStamp(ctx, '1', { reason: '再次', approver: '吴副主任' }), /seal.alreadyVoided/);
    verified(ctx);
  });

  it('a line of a cancelled request may be voided; the request stays cancelled and is not stamped again', () => {
    const ctx = stamped();
    requestUse(ctx, { seal: 'S001', doc: '在职证明', unit: '人事科', purpose: '开具证明', count: 2 });
    approveRequest(ctx, 'Y2026-0002', { approver: '周主任' });
    stampRequest(ctx, 'Y2026-0002', { count: 1 });
    cancelRequest(ctx, 'Y2026-0002', { reason: '不再需要' });
    expect(voidStamp(ctx, '3', { reason: '误记在本申请下', approver: '周主任' }).request).toMatchObject({ state: '已撤销', stamped: 0, voided: 1 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0002'), /seal.requestClosed/);
    verified(ctx);
  });

  it('the database itself keeps voids append-only, one per line, and counts only standing lines against the approval', () => {
    const ctx = stamped();
    const req = getRequest(ctx.db, 'Y2026-0001').id;
    const raw = (n: number) => ctx.db.prepare("INSERT INTO seal_stamps (request_id, seal_id, stamped_on, count, handler) VALUES (?, 1, '2026-11-27', ?, 'x')").run(req, n);
    expect(() => raw(1)).toThrow(/approved count/);
    voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任' });
    expect(() => ctx.db.prepare("INSERT INTO seal_stamp_voids (stamp_id, on_date, reason, approver) VALUES (1, '2026-11-27', 'x', 'y')").run()).toThrow(/UNIQUE/);
    expect(() => ctx.db.prepare("INSERT INTO seal_stamp_voids (stamp_id, on_date, reason, approver) VALUES (2, '2026-11-27', ' ', 'y')").run()).toThrow(/CHECK/);
    expect(() => ctx.db.prepare('DELETE FROM seal_stamp_voids').run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare("UPDATE seal_stamp_voids SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => raw(3)).toThrow(/approved count/);
    // 1 copy standing + 2 = the 3 approved: the trigger now allows it
    expect(() => raw(2)).not.toThrow();
    expect(getRequest(ctx.db, 'Y2026-0001')).toMatchObject({ state: '已用印', stamped: 3 });
  });
});

describe('seal:002 on a database made by the build before it', () => {
  const OLD = 'seal:002-stamp-voids';

  /** A file with every migration but seal:002, holding a stamped request written as the old build wrote it. */
  function oldDatabase(): string {
    const file = path.join(tempDir(), 'old.db');
    const all = buildRegistry().migrations;
    expect(all.some((m) => m.id === OLD)).toBe(true);
    const db = openDatabase(file, { create: true, migrations: all.filter((m) => m.id !== OLD) });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'seal_stamp_voids'").pluck().get()).toBe(0);
    const ctx: Ctx = { db, clock: fixedClock('2026-11-10T09:00'), operator: '王秘书' };
    addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    requestUse(ctx, { seal: 'S001', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 3 });
    approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
    // the old stamp rule, as it posted: a line of 3 copies
    writeTx(db, () => post(ctx, { register: 'seal', action: 'stamp', table: 'seal_stamps', values: { request_id: 1, seal_id: 1, stamped_on: '2026-11-10', count: 3, handler: '陈经办', custodian: '李保管', note: null } }));
    expect(() => writeTx(db, () => post(ctx, { register: 'seal', action: 'stamp', table: 'seal_stamps', values: { request_id: 1, seal_id: 1, stamped_on: '2026-11-10', count: 1, handler: 'x' } }))).toThrow(/approved count/);
    expect(getRequest(db, 'Y2026-0001')).toMatchObject({ state: '已用印', stamped: 3 });
    db.close();
    return file;
  }

  it('opens with all migrations: the old lines keep their meaning, verify passes, and a line can be voided and stamped again', () => {
    const file = oldDatabase();
    const db = openDatabase(file, { create: false, migrations: buildRegistry().migrations });
    expect(db.prepare('SELECT id FROM schema_migrations WHERE id = ?').pluck().get(OLD)).toBe(OLD);
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    expect(getRequest(db, 'Y2026-0001')).toMatchObject({ state: '已用印', stamped: 3, voided: 0 });
    const ctx: Ctx = { db, clock: fixedClock('2026-11-27T09:30'), operator: '王秘书' };
    voidStamp(ctx, '1', { reason: '份数登记错误', approver: '周主任' });
    expect(stampRequest(ctx, 'Y2026-0001', { count: 2 }).request).toMatchObject({ state: '部分用印', stamped: 2 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 2 }), /seal.overCount/);
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    db.close();
  });

  it('`wenmi seal` on the old file: a read leaves it alone and says to run init; after init it prints, voids, verifies', async () => {
    const file = oldDatabase();
    const run = (args: string[]) => cli(args, { env: { WENMI_DB: file } });
    const refused = await run(['seal', 'export', '--format', 'json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Run wenmi init --db ${file} to upgrade it.`);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM schema_migrations WHERE id = ?').pluck().get(OLD)).toBe(0);
    raw.close();
    expect((await run(['init'])).code).toBe(0);
    const before = await run(['seal', 'export', '--format', 'json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject([{ no: '2026-0001', count: 3, note: 'Y2026-0001', voidedOn: null }]);
    expect((await run(['verify'])).code).toBe(0);
    const v = await run(['seal', 'void-stamp', '1', '--reason', '份数登记错误', '--approver', '周主任']);
    expect([v.code, v.stderr]).toEqual([0, 'line 2026-0001 (Y2026-0001, 3 copies) voided: 份数登记错误. Y2026-0001 now counts 0/3 stamped\n']);
    expect((await run(['seal', 'stamp', 'Y2026-0001', '--count', '1'])).code).toBe(0);
    const print = await run(['seal', 'print']);
    expect(print.stdout).toMatch(/│ +3 │ voided +│/);
    expect(print.stdout).toContain('Lines: 2 (1 voided); copies stamped: 1 (voided lines not counted).');
    expect((await run(['verify'])).code).toBe(0);
  });
});
