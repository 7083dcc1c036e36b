/** `archive report`: the month-end account, against figures counted by hand; and each output format. */
import { describe, expect, it } from 'vitest';
import { recordCheck } from '../../../src/core/checks.js';
import { correctItem, voidItem } from '../../../src/registers/archive/corrections.js';
import { borrowItem, returnLoan } from '../../../src/registers/archive/loans.js';
import { archiveMonthReport, archiveReportRows } from '../../../src/registers/archive/monthReport.js';
import { fileItem } from '../../../src/registers/archive/rules.js';
import { receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { closeIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { cli, tempDir } from '../../helpers.js';
import { archiveCtx, item } from './setup.js';
import path from 'node:path';

const who = { borrower: '李明', dept: '财务科', purpose: '查阅', approver: '王主任', onsite: false };

/**
 * October: A1 filed by hand and lent (J2026-0001, due 10-28).
 * November: J2026-0001 back 11-02; A2 (D30, 电子) and A3 (Y) by hand 11-03; A4 (D30) from incoming
 * 2026-0001 on 11-05; A2 corrected 11-10; A5 filed and voided 11-12; A1 voided 11-13; A3 lent
 * 11-16 due 11-20 (still out); A4 lent 11-18 due 11-30; a shelf check 11-25 with one difference.
 */
function month() {
  const ctx = archiveCtx('2026-10-20T09:00');
  const a1 = fileItem(ctx, { ...item, date: '2026-10-10' }).archive_no;
  borrowItem(ctx, a1, { ...who, due: '2026-10-28' });
  ctx.setNow('2026-11-02T09:00');
  returnLoan(ctx, 'J2026-0001');
  ctx.setNow('2026-11-03T09:00');
  const a2 = fileItem(ctx, { ...item, date: '2026-11-01', retention: 'D30', medium: '电子' }).archive_no;
  const a3 = fileItem(ctx, { ...item, date: '2026-11-01' }).archive_no;
  ctx.setNow('2026-11-05T09:00');
  receiveIncoming(ctx, { receivedAt: '2026-11-05T08:00', sender: '市财政局', title: '关于编报预算的通知', pages: 6 });
  reviewIncoming(ctx, '2026-0001', { accept: true });
  closeIncoming(ctx, '2026-0001');
  const a4 = fileItem(ctx, { fromIncoming: '2026-0001', retention: 'D30' }).archive_no;
  ctx.setNow('2026-11-10T09:00');
  correctItem(ctx, a2, { title: '关于2027年部门预算的报告（修订）' }, '标题漏字');
  ctx.setNow('2026-11-12T09:00');
  const a5 = fileItem(ctx, { ...item, date: '2026-11-01' }).archive_no;
  voidItem(ctx, a5, '重复归档');
  ctx.setNow('2026-11-13T09:00');
  voidItem(ctx, a1, '归错门类');
  ctx.setNow('2026-11-16T09:00');
  borrowItem(ctx, a3, { ...who, borrower: '张三', due: '2026-11-20' });
  ctx.setNow('2026-11-18T09:00');
  borrowItem(ctx, a4, { ...who, borrower: '王五', due: '2026-11-30' });
  ctx.setNow('2026-11-25T09:00');
  recordCheck(ctx, { register: 'archive', examined: 4, findings: [`${a2} 缺失`] });
  ctx.setNow('2026-12-02T09:00');
  return { ctx, a1, a2, a3, a4, a5 };
}

describe('archive report: the rules', () => {
  it('counts items filed by retention, carrier and source (links or by hand); lists loans, overdue, checks, voids and corrections', () => {
    const { ctx, a1, a2, a3, a4, a5 } = month();
    const r = archiveMonthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-12-02');
    expect(r.filed).toBe(3);
    expect(r.byRetention).toEqual([
      { retention: 'Y', count: 1 },
      { retention: 'D30', count: 2 },
    ]);
    expect(r.byMedium).toEqual([
      { medium: '纸质', count: 2 },
      { medium: '电子', count: 1 },
    ]);
    expect(r.bySource).toEqual([
      { source: 'incoming', count: 1 },
      { source: 'hand', count: 2 },
    ]);
    expect(r.lent).toEqual([
      { loan: 'J2026-0002', archiveNo: a3, on: '2026-11-16', borrower: '张三', due: '2026-11-20' },
      { loan: 'J2026-0003', archiveNo: a4, on: '2026-11-18', borrower: '王五', due: '2026-11-30' },
    ]);
    expect(r.returned).toEqual([{ loan: 'J2026-0001', archiveNo: a1, on: '2026-11-02', condition: '完好' }]);
    expect(r.overdue).toEqual([{ loan: 'J2026-0002', archiveNo: a3, borrower: '张三', due: '2026-11-20', days: 10 }]);
    expect(r.checks).toEqual([{ on: '2026-11-25', checker: '王秘书', examined: 4, differences: 1, findings: `${a2} 缺失` }]);
    expect(r.voids).toEqual([
      { archiveNo: a1, on: '2026-11-13', reason: '归错门类' },
      { archiveNo: a5, on: '2026-11-12', reason: '重复归档' },
    ]);
    expect(r.corrections).toEqual([{ archiveNo: a2, on: '2026-11-10', reason: '标题漏字' }]);
    expect(archiveReportRows(r).filter((x) => x.section === 'total').map((x) => [x.item, x.count])).toEqual([
      ['filed', 3],
      ['lent', 2],
      ['returned', 1],
      ['overdue', 1],
      ['check', 1],
      ['differences', 1],
      ['void', 2],
      ['correction', 1],
    ]);
  });

  it('a loan is overdue as of the period end (or today, if sooner); a voided item no longer counts as filed', () => {
    const { ctx, a1 } = month();
    const october = archiveMonthReport(ctx.db, { from: '2026-10-01', to: '2026-10-31' }, '2026-12-02');
    expect([october.filed, october.byRetention, october.lent.length]).toEqual([0, [], 1]);
    expect(october.overdue).toEqual([{ loan: 'J2026-0001', archiveNo: a1, borrower: '李明', due: '2026-10-28', days: 3 }]);
    // asked on 11-19, November so far: nothing is past its day yet
    expect(archiveMonthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-19').overdue).toEqual([]);
    const empty = archiveMonthReport(ctx.db, { from: '2026-09-01', to: '2026-09-30' }, '2026-12-02');
    expect([empty.filed, empty.lent, empty.overdue, empty.checks, empty.voids, empty.corrections]).toEqual([0, [], [], [], [], []]);
  });
});

describe('archive report: the command', () => {
  it('defaults to this month; gives a table (zh, en) within 80 columns, CSV, TSV and JSON; a bad period is a usage error', async () => {
    const db = path.join(tempDir(), 'wenmi.db');
    const run = (args: string[], now: string, lang?: 'zh') => cli(lang ? ['--lang', lang, ...args] : args, { env: { WENMI_DB: db, WENMI_NOW: now } });
    const ok = async (args: string[], now: string) => {
      const r = await run(args, now);
      if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
      return r;
    };
    await ok(['init'], '2026-11-02T08:00');
    await ok(['config', 'set', 'archive.fonds', 'Z001'], '2026-11-02T08:00');
    await ok(['archive', 'file', '--title', '关于预算的报告', '--author', '某局办公室', '--date', '2026-11-01', '--retention', 'D10', '--medium', '照片'], '2026-11-02T09:00');
    await ok(['archive', 'borrow', 'Z001-WS·2026-D10-0001', '--borrower', '李明', '--dept', '财务科', '--purpose', '查阅', '--approver', '王主任', '--due', '2026-11-05'], '2026-11-03T09:00');
    const now = '2026-11-09T09:00';

    const zh = await run(['archive', 'report'], now, 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/保管期限\s+定期10年\s+1/);
    expect(zh.stdout).toMatch(/载体\s+照片\s+1/);
    expect(zh.stdout).toMatch(/来源\s+手工录入\s+1/);
    expect(zh.stdout).toMatch(/逾期未还\s+J2026-0001\s+4\s+Z001-WS·2026-D10-0001 李明（2026-11-05）/);
    const en = await run(['archive', 'report', '--month', '2026-11'], now);
    expect(en.stdout).toMatch(/carrier\s+photo\s+1/);
    expect(en.stdout).toMatch(/total\s+filed\s+1/);
    for (const out of [zh.stdout, en.stdout]) for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    const csv = (await run(['archive', 'report', '--month', '2026-11', '--format', 'csv'], now)).stdout;
    expect(csv).toContain('\nretention,10 years,1,\r');
    expect((await run(['archive', 'report', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'tsv'], now)).stdout).toContain('\nsource\tby hand\t1\t');
    const json = JSON.parse((await run(['archive', 'report', '--format', 'json'], now)).stdout);
    expect(json).toMatchObject({ from: '2026-11-01', to: '2026-11-30', filed: 1, byMedium: [{ medium: '照片', count: 1 }], overdue: [{ loan: 'J2026-0001', days: 4 }] });

    expect((await run(['archive', 'report', '--month', '2026-13'], now)).code).toBe(2);
    expect((await run(['archive', 'report', '--format', 'xml'], now)).code).toBe(2);
  });
});
