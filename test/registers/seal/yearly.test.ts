/**
 * The lines of 印章使用登记簿 are numbered per year (2026-0012, the year of the stamping date):
 * rules across a year's end, the references people type, and seal:006 on a database numbered by
 * row id before it (the old numbers stay, verify keeps its head, new lines continue the year).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { fixedClock } from '../../../src/core/clock.js';
import { openDatabase, writeTx } from '../../../src/core/db.js';
import { post, type Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { sealMonthReport } from '../../../src/registers/seal/monthReport.js';
import { bookRows, bookYears, requestRows } from '../../../src/registers/seal/report.js';
import { addSeal } from '../../../src/registers/seal/rules.js';
import { approveRequest, getStampLine, requestUse, stampRequest, voidStamp } from '../../../src/registers/seal/usage.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

const numbers = (db: Ctx['db']) => bookRows(db, {}).map((r) => [r.no, r.stampedOn]);

/** S001 in use since 2026-01-04; Y2026-0001 approved on 2026-12-31 for 10 copies. */
function yearEnd() {
  const ctx = testCtx('2026-12-31T09:00');
  addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
  requestUse(ctx, { seal: 'S001', doc: '年终总结', unit: '办公室', purpose: '报送', count: 10 });
  approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
  return ctx;
}

describe('line numbers restart each year', () => {
  it('2026-12-31 → 2027-01-01 restarts at 1; a line entered late for 2026 continues 2026; the book and the month reports stay right', () => {
    const ctx = yearEnd();
    expect(stampRequest(ctx, 'Y2026-0001', { count: 1 }).line.no).toBe('2026-0001');
    expect(stampRequest(ctx, 'Y2026-0001', { count: 2 }).line.no).toBe('2026-0002');
    ctx.setNow('2027-01-01T09:00');
    const first = stampRequest(ctx, 'Y2026-0001', { count: 3 }).line;
    expect([first.no, first.year, first.serial, first.stamped_on]).toEqual(['2027-0001', 2027, 1, '2027-01-01']);
    // stamped on the last day of 2026 but written down on 2 January: the book of 2026 gets it
    ctx.setNow('2027-01-02T09:00');
    expect(stampRequest(ctx, 'Y2026-0001', { count: 1, on: '2026-12-31' }).line.no).toBe('2026-0003');
    expect(stampRequest(ctx, 'Y2026-0001', { count: 1 }).line.no).toBe('2027-0002');
    expect(numbers(ctx.db)).toEqual([
      ['2026-0001', '2026-12-31'],
      ['2026-0002', '2026-12-31'],
      ['2026-0003', '2026-12-31'],
      ['2027-0001', '2027-01-01'],
      ['2027-0002', '2027-01-02'],
    ]);
    expect(requestRows(ctx.db, {})[0]).toMatchObject({ lines: ['2026-0001', '2026-0002', '2027-0001', '2026-0003', '2027-0002'], voidedLines: [] });
    const rows = bookRows(ctx.db, {});
    expect([bookYears(rows, {}), bookYears(rows.slice(3), {}), bookYears([], { from: '2027-01-01', to: '2027-01-31' }), bookYears([], {})]).toEqual(['year 2026—2027', 'year 2027', 'year 2027', undefined]);
    // a bare number is this year's line; last year's line by its year
    const v = voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任' });
    expect([v.line.no, v.line.count]).toEqual(['2027-0001', 3]);
    expect(voidStamp(ctx, '2026-2', { reason: '份数登记错误', approver: '周主任' }).line.no).toBe('2026-0002');
    expectRefused(ctx, () => voidStamp(ctx, '2027-0003', { reason: 'x', approver: '周主任' }), /seal.lineNotFound.*2027-0003/);
    expect(requestRows(ctx.db, {})[0]).toMatchObject({ lines: ['2026-0001', '2026-0003', '2027-0002'], voidedLines: ['2026-0002', '2027-0001'], stamped: 3 });
    const dec = sealMonthReport(ctx.db, { from: '2026-12-01', to: '2026-12-31' }, '2027-01-02');
    expect([dec.totals, dec.voided.map((x) => x.no)]).toEqual([{ lines: 2, copies: 2, voidedLines: 0, voidedCopies: 0 }, []]);
    const jan = sealMonthReport(ctx.db, { from: '2027-01-01', to: '2027-01-31' }, '2027-01-02');
    expect([jan.totals, jan.voided.map((x) => x.no)]).toEqual([{ lines: 1, copies: 1, voidedLines: 2, voidedCopies: 5 }, ['2026-0002', '2027-0001']]);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('the database refuses a year-serial used twice', () => {
    const ctx = yearEnd();
    stampRequest(ctx, 'Y2026-0001', { count: 1 });
    const again = () => writeTx(ctx.db, () => post(ctx, { register: 'seal', action: 'stamp', table: 'seal_stamps', values: { request_id: 1, seal_id: 1, stamped_on: '2026-12-31', count: 1, handler: 'x', year: 2026, serial: 1 } }));
    expect(again).toThrow(/UNIQUE/);
  });
});

describe('seal:006 on a database whose lines were numbered by row id', () => {
  const NEW = 'seal:006-stamp-year-serial';

  /** Four lines posted as the build before 005 posted them (no year, no serial): ids 1–4, the 4th entered late for 2025. */
  function oldDatabase(): { file: string; head: { seq: number; hash: string } } {
    const file = path.join(tempDir(), 'old.db');
    const all = buildRegistry().migrations;
    expect(all.some((m) => m.id === NEW)).toBe(true);
    const db = openDatabase(file, { create: true, migrations: all.filter((m) => m.id !== NEW) });
    const ctx: Ctx = { db, clock: fixedClock('2025-12-30T09:00'), operator: '王秘书' };
    addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2025-01-04' });
    requestUse(ctx, { seal: 'S001', doc: '年终总结', unit: '办公室', purpose: '报送', count: 10 });
    approveRequest(ctx, 'Y2025-0001', { approver: '周主任' });
    const line = (on: string) => writeTx(db, () => post(ctx, { register: 'seal', action: 'stamp', table: 'seal_stamps', values: { request_id: 1, seal_id: 1, stamped_on: on, count: 1, handler: '陈经办', custodian: '李保管', note: null } }));
    for (const on of ['2025-12-30', '2025-12-31', '2026-01-05', '2025-12-31']) line(on);
    const head = verifyDatabase(db, tables()).head;
    db.close();
    return { file, head };
  }

  it('keeps the numbers people saw (year of the date, row id), verifies with the same head, and continues each year after its highest', () => {
    const { file, head } = oldDatabase();
    const db = openDatabase(file, { create: false, mode: 'write', migrations: buildRegistry().migrations });
    expect(db.prepare('SELECT id FROM schema_migrations WHERE id = ?').pluck().get(NEW)).toBe(NEW);
    const report = verifyDatabase(db, tables(), head);
    expect([report.ok, report.head]).toEqual([true, head]);
    expect(db.prepare('SELECT count(*) FROM seal_stamps WHERE year IS NOT NULL OR serial IS NOT NULL').pluck().get()).toBe(0);
    expect(numbers(db)).toEqual([
      ['2025-0001', '2025-12-30'],
      ['2025-0002', '2025-12-31'],
      ['2025-0004', '2025-12-31'],
      ['2026-0003', '2026-01-05'],
    ]);
    const ctx: Ctx = { db, clock: fixedClock('2026-01-10T09:00'), operator: '王秘书' };
    // the old ids still find this year's lines; last year's by their year
    expect(getStampLine(db, '3', 2026).id).toBe(3);
    expect(getStampLine(db, '2025-0004', 2026).id).toBe(4);
    expect(() => getStampLine(db, '1', 2026)).toThrow(/seal.lineNotFound/);
    expect(stampRequest(ctx, 'Y2025-0001', { count: 1 }).line).toMatchObject({ id: 5, no: '2026-0004' });
    expect(stampRequest(ctx, 'Y2025-0001', { count: 1, on: '2025-12-31' }).line).toMatchObject({ id: 6, no: '2025-0005' });
    expect(stampRequest(ctx, 'Y2025-0001', { count: 1 }).line).toMatchObject({ id: 7, no: '2026-0005' });
    expect(voidStamp(ctx, '3', { reason: '重复登记', approver: '周主任' }).line).toMatchObject({ id: 3, no: '2026-0003' });
    expect(voidStamp(ctx, '2025-4', { reason: '重复登记', approver: '周主任' }).line).toMatchObject({ id: 4, no: '2025-0004' });
    expect(verifyDatabase(db, tables()).ok).toBe(true);
    db.close();
  });

  it('`wenmi seal export` and `print` of the upgraded file give the old numbers and both years', async () => {
    const { file } = oldDatabase();
    const env = { WENMI_DB: file };
    expect((await cli(['init'], { env })).code).toBe(0);
    const print = await cli(['seal', 'export', '--format', 'json'], { env });
    expect(print.code, print.stderr).toBe(0);
    expect(JSON.parse(print.stdout).map((r: { no: string }) => r.no)).toEqual(['2025-0001', '2025-0002', '2025-0004', '2026-0003']);
    const text = await cli(['--lang', 'zh', 'seal', 'print'], { env });
    expect(text.stdout).toContain('2025—2026年度');
    expect((await cli(['verify'], { env })).code).toBe(0);
  });
});
