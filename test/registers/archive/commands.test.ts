import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { openDatabase } from '../../../src/core/db.js';
import { cli, tempDir } from '../../helpers.js';

let env: Record<string, string>;
let dbPath: string;

async function run(args: string[], extra: Record<string, string> = {}) {
  return cli(args, { env: { ...env, ...extra } });
}

async function ok(args: string[], extra: Record<string, string> = {}) {
  const r = await run(args, extra);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}

function query(sql: string): unknown[] {
  const db = openDatabase(dbPath, { create: false, migrations: buildRegistry().migrations });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  dbPath = path.join(tempDir(), 'w.db');
  env = { WENMI_DB: dbPath };
  await ok(['init', '--db', dbPath]);
});

const fileArgs = ['archive', 'file', '--title', '关于预算的报告', '--author', '某局办公室', '--date', '2026-11-20', '--retention', 'Y'];

describe('archive file', () => {
  it('is refused without a 全宗号, with the command that sets it', async () => {
    const r = await run(fileArgs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wenmi config set archive.fonds Z001');
    expect(query('SELECT * FROM archive_items')).toEqual([]);
  });

  it('prints the 档号; names every missing flag at once (exit 2)', async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    expect((await ok([...fileArgs, '--org', 'BGS'])).stdout).toBe('Z001-WS·2026-Y-BGS-0001\n');
    const json = JSON.parse((await ok([...fileArgs, '--format', 'json', '--own-title', '--pages', '3'])).stdout);
    expect(json).toMatchObject({ archiveNo: 'Z001-WS·2026-Y-0001', title: '[关于预算的报告]', ownTitle: true, retention: 'Y', org: null, pages: 3, state: '在库' });
    const secret = JSON.parse((await ok([...fileArgs, '--format', 'json', '--secret', '机密'])).stdout);
    expect([secret.title, secret.secret]).toEqual(['【机密】', '机密']); // was shown in clear, and no reveal recorded
    const xml = await run([...fileArgs, '--format', 'xml']);
    expect(xml.code).toBe(2);
    expect(query("SELECT count(*) AS n FROM archive_items")).toEqual([{ n: 3 }]);
    const missing = await run(['archive', 'file', '--title', 'T']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--author --date --retention');
    const bad = await run([...fileArgs.slice(0, -1), 'D20']);
    expect(bad.code).toBe(2);
  });

  it('files an incoming document and marks it filed', async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知', '--sender-no', '财预〔2026〕12号', '--pages', '6']);
    const notClosed = await run(['archive', 'file', '--from-incoming', '2026-0001', '--retention', 'D10']);
    expect([notClosed.code, notClosed.stderr]).toEqual([1, expect.stringContaining('--unfinished --reason')]);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    await ok(['incoming', 'close', '2026-0001']);
    expect((await ok(['archive', 'file', '--from-incoming', '2026-0001', '--retention', 'D10'])).stdout).toBe('Z001-WS·2026-D10-0001\n');
    const inc = JSON.parse((await ok(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout);
    expect(inc.entry.state).toBe('已归档');
    expect((await run(['archive', 'file', '--from-incoming', '2026-0001', '--retention', 'D10'])).code).toBe(1);
  });
});

describe('lists, reveal, catalogue', () => {
  beforeEach(async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok([...fileArgs, '--doc-no', '某办〔2026〕15号', '--pages', '8', '--box', '3']);
    await ok(['archive', 'file', '--title', '某涉密文件', '--author', '市委', '--date', '2026-10-01', '--retention', 'D30', '--secret', '秘密★5年']);
  });

  it('masks classified titles and records every reveal', async () => {
    const list = JSON.parse((await ok(['archive', 'list', '--format', 'json'])).stdout);
    expect(list.map((r: { title: string }) => r.title)).toEqual(['关于预算的报告', '【秘密】']);
    expect(JSON.parse((await ok(['archive', 'search', '涉密', '--format', 'json'])).stdout)).toEqual([]);
    const revealed = JSON.parse((await ok(['archive', 'search', '涉密', '--format', 'json', '--reveal'])).stdout);
    expect(revealed.map((r: { archiveNo: string }) => r.archiveNo)).toEqual(['Z001-WS·2026-D30-0001']);
    expect(JSON.parse((await ok(['archive', 'search', '15号', '--format', 'json'])).stdout)).toHaveLength(1);
    expect(JSON.parse((await ok(['archive', 'search', 'z001-ws.2026-d30', '--format', 'json'])).stdout).map((r: { archiveNo: string }) => r.archiveNo)).toEqual(['Z001-WS·2026-D30-0001']);
    expect(query('SELECT register, command, refs FROM reveals')).toEqual([{ register: 'archive', command: 'search', refs: '["Z001-WS·2026-D30-0001"]' }]);
    const show = JSON.parse((await ok(['archive', 'show', 'Z001-WS.2026-D30-0001', '--format', 'json'])).stdout);
    expect(show.entry.title).toBe('【秘密】');
    expect(show.history.map((h: { action: string }) => h.action)).toEqual(['file']);
  });

  it('prints the 归档文件目录 in the paper order with dates as YYYYMMDD', async () => {
    const r = await run(['--lang', 'zh', 'archive', 'catalog', '--year', '2026']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]!.trim()).toBe('归档文件目录');
    expect(lines[1]!.trim()).toBe('全宗号：Z001  年度：2026');
    expect(lines[3]!.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注', '盒号', '存放位置']);
    expect(r.stdout).toMatch(/│ +1 │ Z001-WS·2026-Y-0001 +│ 某办〔2026〕15号 │ 某局办公室 │ 关于预算的报告 │ 20261120 │ +│ +8 │/);
    expect(r.stdout).toContain('【秘密】');
    const y = JSON.parse((await ok(['archive', 'catalog', '--year', '2026', '--retention', 'D30', '--format', 'json'])).stdout);
    expect(y).toEqual([{ seq: 1, archiveNo: 'Z001-WS·2026-D30-0001', docNo: null, author: '市委', title: '【秘密】', date: '20261001', secret: '秘密★5年', pages: null, remarks: '', box: null, location: null }]);
    expect((await run(['archive', 'catalog'])).code).toBe(2);
  });
});

describe('archive correct and void', () => {
  it('prints the 档号, maps refusals to exit codes, and shows the corrections in show', async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok([...fileArgs, '--pages', '8', '--secret', '秘密']);
    const no = 'Z001-WS·2026-Y-0001';
    expect((await run(['archive', 'correct', no, '--pages', '9'])).code).toBe(2); // no --reason
    expect((await run(['archive', 'correct', no, '--reason', '无'])).code).toBe(2);
    expect((await run(['archive', 'correct', 'Z001-WS·2026-Y-0009', '--pages', '9', '--reason', '页数'])).code).toBe(1);
    expect((await ok(['archive', 'correct', no, '--pages', '9', '--title', '关于预算的请示', '--reason', '点错'])).stdout).toBe(`${no}\n`);
    const show = JSON.parse((await ok(['archive', 'show', no, '--format', 'json'])).stdout);
    expect(show.entry).toMatchObject({ archiveNo: no, pages: 9, title: '【秘密】', corrected: true });
    expect(show.corrections).toEqual([
      { correction: 1, field: 'title', from: '***', to: '***', reason: '点错' },
      { correction: 1, field: 'pages', from: 8, to: 9, reason: '点错' },
    ]);
    expect(show.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).toEqual([
      ['file', null],
      ['correct', '点错'],
    ]);
    expect(query('SELECT count(*) AS n FROM reveals')).toEqual([{ n: 0 }]);
    const revealed = JSON.parse((await ok(['archive', 'show', no, '--format', 'json', '--reveal'])).stdout);
    expect(revealed.corrections[0]).toMatchObject({ from: '关于预算的报告', to: '关于预算的请示' });
    expect(query('SELECT command, refs FROM reveals')).toEqual([{ command: 'show', refs: JSON.stringify([no]) }]);
    expect((await ok(['archive', 'void', no, '--reason', '重复归档'])).stdout).toBe(`${no}\n`);
    expect((await run(['archive', 'void', no, '--reason', '重复归档'])).code).toBe(1);
    const list = JSON.parse((await ok(['archive', 'list', '--format', 'json'])).stdout);
    expect(list.map((r: { state: string }) => r.state)).toEqual(['作废']);
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('loans, reminders, due', () => {
  beforeEach(async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(fileArgs);
    await ok(['archive', 'file', '--title', '某涉密文件', '--author', '市委', '--date', '2026-10-01', '--retention', 'D30', '--secret', '秘密★5年']);
  });
  const lend = ['archive', 'borrow', 'Z001-WS·2026-Y-0001', '--borrower', '李明', '--dept', '财务科', '--purpose', '查阅预算依据', '--approver', '王主任'];

  it('maps refusals to exit codes and lends', async () => {
    const missing = await run(['archive', 'borrow', 'Z001-WS·2026-Y-0001', '--borrower', '李明']);
    expect([missing.code, missing.stderr.includes('--dept --purpose --approver')]).toEqual([2, true]);
    expect((await run([...lend, '--days', '31'])).code).toBe(2);
    expect((await ok(lend)).stdout).toBe('J2026-0001\n');
    const again = await run(lend);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('wenmi archive return J2026-0001');
    const secret = ['archive', 'borrow', 'Z001-WS·2026-D30-0001', '--borrower', '赵敏', '--dept', '人事科', '--purpose', '核对', '--approver', '张局长'];
    const noSeniors = await run(secret);
    expect([noSeniors.code, noSeniors.stderr.includes('wenmi config set archive.senior-approvers')]).toEqual([1, true]);
    await ok(['config', 'set', 'archive.senior-approvers', '张局长,李副局长']);
    expect((await run([...secret, '--take-away'])).code).toBe(1);
    const lent = await ok([...secret, '--format', 'json']);
    expect(JSON.parse(lent.stdout)).toMatchObject({ loanNo: 'J2026-0002', use: '现场阅览', due: '2026-12-04', title: '【秘密】' });
    const ret = await run(['archive', 'return', 'J2026-0001', '--condition', '破损', '--note', '封面撕裂'], { WENMI_NOW: '2026-12-01T10:00' });
    expect(ret.code).toBe(0);
    expect(ret.stderr).toContain('came back damaged; recorded and flagged');
    expect((await run(['archive', 'return', 'J2026-0001'])).code).toBe(1);
    const all = JSON.parse((await ok(['archive', 'loans', '--all', '--format', 'json'], { WENMI_NOW: '2026-12-05T09:00' })).stdout);
    expect(all.map((l: Record<string, unknown>) => [l.loanNo, l.state, l.daysOverdue, l.condition, l.damaged])).toEqual([
      ['J2026-0001', '已归还', null, '破损', true],
      ['J2026-0002', '逾期', 1, null, false],
    ]);
  });

  it('prints reminder notices as text (golden) and CSV, and journals each', async () => {
    await ok(['config', 'set', 'unit.name', '某某市某某局']);
    await ok(lend);
    await ok(fileArgs); // Z001-WS·2026-Y-0002, lent until 12-17: not yet overdue, so no notice
    await ok(['archive', 'borrow', 'Z001-WS·2026-Y-0002', '--borrower', '赵敏', '--dept', '人事科', '--purpose', '核对', '--approver', '王主任', '--days', '20']);
    const text = await run(['--lang', 'zh', 'archive', 'remind', '--overdue'], { WENMI_NOW: '2026-12-14T09:00' });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      ['催还通知', '', '李明（财务科）：', '您于 2026-11-27 借阅的档案 Z001-WS·2026-Y-0001 关于预算的报告（借阅编号 J2026-0001）应于 2026-12-11 归还，现已逾期 3 天。请尽快归还档案室。', '', '某某市某某局档案室  2026-12-14（第 1 次催还）', ''].join('\n'),
    );
    const csv = await run(['archive', 'remind', '--overdue', '--format', 'csv'], { WENMI_NOW: '2026-12-15T09:00' });
    expect(csv.stdout.split('\r\n')).toEqual([
      'notice date,borrower,department,loan,archive no.,title,lent,due,days overdue,reminder no.',
      '2026-12-15,李明,财务科,J2026-0001,Z001-WS·2026-Y-0001,关于预算的报告,2026-11-27,2026-12-11,4,2',
      '',
    ]);
    expect(query('SELECT on_date, days_overdue, format FROM archive_reminders')).toEqual([
      { on_date: '2026-12-14', days_overdue: 3, format: 'text' },
      { on_date: '2026-12-15', days_overdue: 4, format: 'csv' },
    ]);
    const file = path.join(path.dirname(dbPath), '催还.csv');
    await ok(['archive', 'remind', '--overdue', '-o', file], { WENMI_NOW: '2026-12-15T09:00' });
    expect(fs.readFileSync(file, 'utf8').startsWith('\ufeffnotice date,')).toBe(true);
    const exists = await run(['archive', 'remind', '--overdue', '-o', file], { WENMI_NOW: '2026-12-15T09:00' });
    expect(exists.code).not.toBe(0);
    expect(query('SELECT count(*) AS n FROM archive_reminders')).toEqual([{ n: 3 }]); // the refused run journaled nothing
    const due = JSON.parse((await ok(['due', '--format', 'json'], { WENMI_NOW: '2026-12-15T09:00' })).stdout);
    expect(due).toEqual([
      expect.objectContaining({ register: 'archive', ref: 'Z001-WS·2026-Y-0001', who: '李明', due: '2026-12-11', days: -4, reminders: 3, lastReminder: '2026-12-15' }),
      expect.objectContaining({ register: 'archive', ref: 'Z001-WS·2026-Y-0002', who: '赵敏', due: '2026-12-17', days: 2, reminders: 0 }),
    ]);
    expect((await run(['due', '--fail-if-overdue'], { WENMI_NOW: '2026-12-15T09:00' })).code).toBe(3);
    const verify = await run(['verify']);
    expect(verify.code).toBe(0);
  });

  it('prints the 借阅登记簿 for a period', async () => {
    await ok(lend);
    await ok(['archive', 'renew', 'J2026-0001', '--approver', '王主任', '--days', '20'], { WENMI_NOW: '2026-12-05T09:00' });
    await ok(['archive', 'return', 'Z001-WS·2026-Y-0001', '--condition', '缺页', '--note', '缺第3页'], { WENMI_NOW: '2026-12-10T09:00' });
    const rows = JSON.parse((await ok(['archive', 'print-loans', '--month', '2026-11', '--format', 'json'])).stdout);
    expect(rows).toEqual([
      { lentOn: '2026-11-27', borrower: '李明', dept: '财务科', archiveNo: 'Z001-WS·2026-Y-0001', title: '关于预算的报告', secret: '', purpose: '查阅预算依据', approver: '王主任；续借：王主任', due: '2026-12-25', returnedOn: '2026-12-10', returnNote: '缺页：缺第3页' },
    ]);
    expect(JSON.parse((await ok(['archive', 'print-loans', '--month', '2026-12', '--format', 'json'])).stdout)).toEqual([]);
    const book = await ok(['--lang', 'zh', 'archive', 'print-loans', '--month', '2026-11']);
    expect(book.stdout.split('\n')[0]!.trim()).toBe('档案借阅登记簿');
    expect(book.stdout).toMatch(/借阅日期 +│ 借阅人 │ 部门 +│ 档号 +│ 题名 +│ 密级 │ 事由 +│ 审批人 +│ 应还日期 +│ 归还日期 +│ 归还情况/);
  });
});

describe('archive check', () => {
  it('exits 0 when the shelves agree and 3 on any difference', async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    for (let i = 0; i < 3; i++) await ok(fileArgs);
    await ok(['archive', 'borrow', 'Z001-WS·2026-Y-0003', '--borrower', '李明', '--dept', '财务科', '--purpose', '查阅', '--approver', '王主任']);
    const dir = path.dirname(dbPath);
    const good = path.join(dir, 'found.txt');
    fs.writeFileSync(good, '\ufeffZ001-WS·2026-Y-0001\r\n\r\nZ001-WS.2026-Y-0002\r\n');
    const r0 = await run(['archive', 'check', '--found', good, '--format', 'json']);
    expect([r0.code, JSON.parse(r0.stdout)]).toEqual([0, []]);
    const bad = path.join(dir, 'found2.txt');
    fs.writeFileSync(bad, 'Z001-WS·2026-Y-0001\nZ001-WS·2026-Y-0003\nZ001-WS·2026-Y-0042\n');
    const r3 = await run(['archive', 'check', '--found', bad, '--format', 'json']);
    expect(r3.code).toBe(3);
    expect(JSON.parse(r3.stdout)).toEqual([
      { archiveNo: 'Z001-WS·2026-Y-0002', finding: '缺失', loanNo: null, line: null },
      { archiveNo: 'Z001-WS·2026-Y-0003', finding: '借出在架', loanNo: 'J2026-0001', line: 2 },
      { archiveNo: 'Z001-WS·2026-Y-0042', finding: '未登记', loanNo: null, line: 3 },
    ]);
    expect(r3.stderr).toMatch(/^error: the shelf check found 3 differences/m);
    const twice = path.join(dir, 'found3.txt');
    fs.writeFileSync(twice, 'Z001-WS·2026-Y-0001\nZ001-WS·2026-Y-0002\nZ001-WS·2026-Y-0001\n');
    const r4 = await run(['archive', 'check', '--found', twice, '--format', 'json']);
    expect([r4.code, JSON.parse(r4.stdout)]).toEqual([0, []]); // a double scan is no difference, but it is said
    expect(r4.stderr).toContain('Z001-WS·2026-Y-0001 is listed more than once (lines 1, 3)');
    expect((await run(['archive', 'check', '--found', path.join(dir, 'nope.txt')])).code).toBe(1);
    expect((await run(['archive', 'check'])).code).toBe(2);
  });
});
