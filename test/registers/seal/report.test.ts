/** `seal report`: the month-end account, against figures counted by hand; and each output format. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealMonthReport, sealReportRows } from '../../../src/registers/seal/monthReport.js';
import { addSeal, handoverSeal, lendSeal, reportLost, retireSeal, returnSeal } from '../../../src/registers/seal/rules.js';
import { approveRequest, requestUse, stampRequest, voidStamp } from '../../../src/registers/seal/usage.js';
import { tempDir, testCtx } from '../../helpers.js';
import { freshDb, ok } from './setup.js';

/**
 * October: line 1 (S001, 2 copies); S002 lent to 赵律师, due 10-28.
 * November: lines 2 (S001, 2), 3 (S002, 2), 4 (S001, 1, voided 11-13), 5 (S001, 1); line 1 voided 11-12;
 * S002 back 11-04; S001 handed over 11-15; S004 sealed away 11-18; S003 lent 11-20 due 11-25, still out;
 * S005 lost 11-26.
 */
function month() {
  const ctx = testCtx('2026-10-01T09:00');
  for (const [name, type] of [['办公室公章', '公章'], ['合同专用章', '合同章'], ['财务专用章', '财务章'], ['人事科章', '部门章'], ['档案室章', '部门章']] as const)
    addSeal(ctx, { name, type, custodian: '李保管', since: '2026-01-04' });
  requestUse(ctx, { seal: 'S001', doc: '介绍信', unit: '办公室', purpose: '联系工作', count: 2 });
  approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
  ctx.setNow('2026-10-20T09:00');
  lendSeal(ctx, 'S002', { to: '赵律师', due: '2026-10-28', approver: '周主任' });
  ctx.setNow('2026-10-30T09:00');
  stampRequest(ctx, 'Y2026-0001', { count: 2 });
  ctx.setNow('2026-11-03T09:00');
  requestUse(ctx, { seal: 'S001', doc: '收文 2026-0007（机密）', unit: '办公室', purpose: '签收回执', count: 3 });
  approveRequest(ctx, 'Y2026-0002', { approver: '周主任' });
  stampRequest(ctx, 'Y2026-0002', { count: 2 });
  ctx.setNow('2026-11-04T09:00');
  returnSeal(ctx, 'S002');
  ctx.setNow('2026-11-05T09:00');
  requestUse(ctx, { seal: 'S002', doc: '房屋租赁合同', unit: '后勤科', purpose: '续租', count: 2 });
  approveRequest(ctx, 'Y2026-0003', { approver: '吴副主任' });
  stampRequest(ctx, 'Y2026-0003', {});
  ctx.setNow('2026-11-10T09:00');
  stampRequest(ctx, 'Y2026-0002', { count: 1 });
  ctx.setNow('2026-11-12T09:00');
  voidStamp(ctx, '1', { reason: '重复登记', approver: '周主任' });
  ctx.setNow('2026-11-13T09:00');
  voidStamp(ctx, '4', { reason: '份数登记错误', approver: '周主任' });
  stampRequest(ctx, 'Y2026-0002', { count: 1 });
  ctx.setNow('2026-11-15T09:00');
  handoverSeal(ctx, 'S001', { to: '张保管', witnesses: ['钱主任'] });
  ctx.setNow('2026-11-18T09:00');
  retireSeal(ctx, 'S004', { how: '封存', witnesses: ['钱主任', '吴科长'], reason: '机构更名' });
  ctx.setNow('2026-11-20T09:00');
  lendSeal(ctx, 'S003', { to: '钱会计', due: '2026-11-25', approver: '周主任' });
  ctx.setNow('2026-11-26T09:00');
  reportLost(ctx, 'S005', { reason: '被盗' });
  ctx.setNow('2026-12-02T09:00');
  return ctx;
}

describe('seal report: the rules', () => {
  it('counts the month by seal and approver (voided lines apart), lists voids, loans, overdue, handovers, losses and retirements', () => {
    const ctx = month();
    const r = sealMonthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-12-02');
    expect(r.bySeal).toEqual([
      { seal: 'S001 办公室公章', lines: 2, copies: 3 },
      { seal: 'S002 合同专用章', lines: 1, copies: 2 },
    ]);
    expect(r.byApprover).toEqual([
      { approver: '周主任', lines: 2, copies: 3 },
      { approver: '吴副主任', lines: 1, copies: 2 },
    ]);
    expect(r.voided.map((v) => [v.no, v.number, v.copies, v.on, v.reason, v.approver])).toEqual([
      ['2026-0001', 'Y2026-0001', 2, '2026-11-12', '重复登记', '周主任'],
      ['2026-0004', 'Y2026-0002', 1, '2026-11-13', '份数登记错误', '周主任'],
    ]);
    // the document's name as the book has it: a classified one by its number and level only
    expect(r.voided[1]!.doc).toBe('收文 2026-0007（机密）');
    expect(r.lent).toEqual([{ seal: 'S003 财务专用章', on: '2026-11-20', holder: '钱会计', due: '2026-11-25' }]);
    expect(r.returned).toEqual([{ seal: 'S002 合同专用章', on: '2026-11-04', from: '赵律师' }]);
    expect(r.overdue).toEqual([{ seal: 'S003 财务专用章', holder: '钱会计', due: '2026-11-25', days: 5 }]);
    expect(r.handovers).toEqual([{ seal: 'S001 办公室公章', on: '2026-11-15', from: '李保管', to: '张保管' }]);
    expect(r.lostOrRetired).toEqual([
      { seal: 'S004 人事科章', on: '2026-11-18', kind: '封存', reason: '机构更名' },
      { seal: 'S005 档案室章', on: '2026-11-26', kind: '遗失', reason: '被盗' },
    ]);
    expect(r.totals).toEqual({ lines: 3, copies: 5, voidedLines: 2, voidedCopies: 3 });
    expect(sealReportRows(r).filter((x) => x.section === 'total').map((x) => [x.item, x.count, x.copies])).toEqual([
      ['stamped', 3, 5],
      ['voided', 2, 3],
      ['lent', 1, null],
      ['returned', 1, null],
      ['overdue', 1, null],
      ['handover', 1, null],
      ['lostOrRetired', 2, null],
    ]);
  });

  it('a loan is overdue as of the period end (or today, if sooner): October saw S002 out past its day, November saw it back', () => {
    const ctx = month();
    const october = sealMonthReport(ctx.db, { from: '2026-10-01', to: '2026-10-31' }, '2026-12-02');
    expect(october.overdue).toEqual([{ seal: 'S002 合同专用章', holder: '赵律师', due: '2026-10-28', days: 3 }]);
    expect(october.bySeal).toEqual([]); // line 1 was voided since: it no longer counts
    expect(october.totals).toEqual({ lines: 0, copies: 0, voidedLines: 0, voidedCopies: 0 });
    // asked on 11-22, November so far: S003 is out but not yet due
    expect(sealMonthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-22').overdue).toEqual([]);
    // a period with nothing in it
    const empty = sealMonthReport(ctx.db, { from: '2026-09-01', to: '2026-09-30' }, '2026-12-02');
    expect([empty.bySeal, empty.voided, empty.lent, empty.overdue, empty.handovers, empty.lostOrRetired]).toEqual([[], [], [], [], [], []]);
  });
});

describe('seal report: the command', () => {
  it('defaults to this month; gives a table (zh, en) within 80 columns, CSV, TSV and JSON; a bad period is a usage error', async () => {
    const { run } = await freshDb();
    const at = (now: string, args: string[]) => ok(run, args, now);
    await at('2026-11-02T09:00', ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
    await at('2026-11-03T09:00', ['seal', 'request', '--seal', 'S001', '--doc', '在职证明', '--unit', '人事科', '--purpose', '开具证明', '--count', '2']);
    await at('2026-11-03T09:10', ['seal', 'approve', 'Y2026-0001', '--approver', '周主任']);
    await at('2026-11-03T09:20', ['seal', 'stamp', 'Y2026-0001']);
    await at('2026-11-04T09:00', ['seal', 'lend', 'S001', '--to', '赵律师', '--due', '2026-11-06', '--approver', '周主任']);
    const now = '2026-11-09T09:00';

    const zh = await run(['seal', 'report'], { now, lang: 'zh' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/按印章\s+S001 办公室公章\s+1\s+2/);
    expect(zh.stdout).toMatch(/逾期未还\s+S001 办公室公章\s+3\s+赵律师（2026-11-06）/);
    const en = await run(['seal', 'report', '--month', '2026-11'], { now });
    expect(en.stdout).toMatch(/by seal\s+S001 办公室公章\s+1\s+2/);
    expect(en.stdout).toMatch(/total\s+stamped\s+1\s+2/);
    for (const out of [zh.stdout, en.stdout]) for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    const csv = await run(['seal', 'report', '--month', '2026-11', '--format', 'csv'], { now });
    expect(csv.stdout).toContain('\nby seal,S001 办公室公章,1,2,');
    const tsv = await run(['seal', 'report', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'tsv'], { now });
    expect(tsv.stdout).toContain('\noverdue\tS001 办公室公章\t3\t\t赵律师（2026-11-06）');
    const json = JSON.parse((await run(['seal', 'report', '--format', 'json'], { now })).stdout);
    expect(json).toMatchObject({ from: '2026-11-01', to: '2026-11-30', totals: { lines: 1, copies: 2 }, lent: [{ holder: '赵律师', due: '2026-11-06' }] });
    const file = path.join(tempDir(), 'report.json');
    await at(now, ['seal', 'report', '--format', 'json', '-o', file]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).bySeal).toEqual([{ seal: 'S001 办公室公章', lines: 1, copies: 2 }]);

    const bad = await run(['seal', 'report', '--month', '2026-13'], { now });
    expect(bad.code).toBe(2);
    expect((await run(['seal', 'report', '--format', 'xml'], { now })).code).toBe(2);
  });
});
