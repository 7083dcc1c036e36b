import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/output/csv.js';
import { freshDb, office, ok } from './setup.js';

/** The printed book with its journal head (which depends on the timezone of the journal times) named apart. */
const headless = (text: string) => text.replace(/\d+:[0-9a-f]{64}/, '<head>');

const GOLDEN_ZH = [
  '                                                                 印章使用登记簿',
  '                                                               某市人民政府办公室',
  '                                                                    2026年度',
  '                                                             2026-11-01 — 2026-11-30',
  '┌───────────┬────────────┬────────────┬────────────────────────┬──────────┬──────────┬──────────┬──────┬──────────┬────────┬────────────────────┐',
  '│ 序号      │ 用印日期   │ 印章       │ 文件名称               │ 用印单位 │ 事由     │ 用印数量 │ 作废 │ 批准人   │ 经办人 │ 备注               │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼────────────────────┤',
  '│ 2026-0001 │ 2026-11-03 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室   │ 签订合同 │        2 │      │ 周主任   │ 陈经办 │ Y2026-0001；第一批 │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼────────────────────┤',
  '│ 2026-0002 │ 2026-11-05 │ 合同专用章 │ 房屋租赁合同           │ 后勤科   │ 续租     │        2 │      │ 吴副主任 │ 王五   │ Y2026-0002         │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼────────────────────┤',
  '│ 2026-0003 │ 2026-11-10 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室   │ 签订合同 │        1 │      │ 周主任   │ 陈经办 │ Y2026-0001         │',
  '└───────────┴────────────┴────────────┴────────────────────────┴──────────┴──────────┴──────────┴──────┴──────────┴────────┴────────────────────┘',
  '共 3 条、用印 5 份。打印于 2026-11-27 09:30，经办人 王秘书。日志链头 <head>',
  '',
  '经办人（签字）：__________　　审核人（签字）：__________　　日期：__________',
].join('\n') + '\n';

const GOLDEN_EN = [
  '                                                                 Seal usage register',
  '                                                                  某市人民政府办公室',
  '                                                                      year 2026',
  '                                                               2026-11-01 — 2026-11-30',
  '┌───────────┬────────────┬────────────┬────────────────────────┬────────┬──────────┬────────┬────────┬─────────────┬────────────┬────────────────────┐',
  '│ line      │ date       │ seal       │ document               │ unit   │ purpose  │ copies │ voided │ approved by │ handled by │ remarks            │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼────────────────────┤',
  '│ 2026-0001 │ 2026-11-03 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室 │ 签订合同 │      2 │        │ 周主任      │ 陈经办     │ Y2026-0001；第一批 │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼────────────────────┤',
  '│ 2026-0002 │ 2026-11-05 │ 合同专用章 │ 房屋租赁合同           │ 后勤科 │ 续租     │      2 │        │ 吴副主任    │ 王五       │ Y2026-0002         │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼────────────────────┤',
  '│ 2026-0003 │ 2026-11-10 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室 │ 签订合同 │      1 │        │ 周主任      │ 陈经办     │ Y2026-0001         │',
  '└───────────┴────────────┴────────────┴────────────────────────┴────────┴──────────┴────────┴────────┴─────────────┴────────────┴────────────────────┘',
  'Lines: 3; copies stamped: 5. Printed 2026-11-27 09:30 by 王秘书. Journal head <head>',
  '',
  'Clerk (signature): __________    Reviewer (signature): __________    Date: __________',
].join('\n') + '\n';

describe('seal print: the paper book', () => {
  it('prints 印章使用登记簿 under zh with the columns in the paper order', async () => {
    const { run } = await office();
    const r = await run(['seal', 'print', '--month', '2026-11'], { lang: 'zh' });
    expect(r.code).toBe(0);
    expect(headless(r.stdout)).toBe(GOLDEN_ZH);
    const head = (await run(['verify'])).stdout.trim();
    expect(r.stdout).toContain(`日志链头 ${head}\n`);
  });

  it('prints the same book under en', async () => {
    const { run } = await office();
    const r = await run(['seal', 'print', '--month', '2026-11']);
    expect(r.code).toBe(0);
    expect(headless(r.stdout)).toBe(GOLDEN_EN);
  });

  it('prints one seal only, and nothing outside the period', async () => {
    const { run } = await office();
    const one = await run(['seal', 'print', '--month', '2026-11', '--seal', '合同专用章']);
    expect(one.stdout).toContain('S002 合同专用章');
    expect(one.stdout).toContain('房屋租赁合同');
    expect(one.stdout).not.toContain('关于采购办公设备的合同');
    expect(one.stdout).toContain('Lines: 1; copies stamped: 2.');
    const early = await run(['seal', 'print', '--from', '2026-11-04', '--to', '2026-11-09']);
    expect(early.stdout).toContain('Lines: 1; copies stamped: 2.');
    const none = await run(['seal', 'print', '--month', '2026-10']);
    expect(none.stdout).toContain('Lines: 0; copies stamped: 0.');
    expect((await run(['seal', 'print', '--seal', 'S009'])).code).toBe(1);
  });
});

describe('seal export', () => {
  it('exports the same rows as CSV (default) and JSON', async () => {
    const { run } = await office();
    const csv = await run(['seal', 'export', '--month', '2026-11']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    const { header, rows } = parseCsv(csv.stdout);
    expect(header).toEqual(['line', 'date', 'seal', 'document', 'unit', 'purpose', 'copies', 'voided', 'approved by', 'handled by', 'remarks', 'voided on', 'void reason', 'void approved by']);
    expect(rows.map(({ cells: r }) => [r[0], r[1], r[2], r[6], r[10], r[11]])).toEqual([
      ['2026-0001', '2026-11-03', '办公室公章', '2', 'Y2026-0001；第一批', ''],
      ['2026-0002', '2026-11-05', '合同专用章', '2', 'Y2026-0002', ''],
      ['2026-0003', '2026-11-10', '办公室公章', '1', 'Y2026-0001', ''],
    ]);
    const json = JSON.parse((await run(['seal', 'export', '--month', '2026-11', '--seal', 'S001', '--format', 'json'])).stdout);
    expect(json).toEqual([
      { no: '2026-0001', stampedOn: '2026-11-03', seal: '办公室公章', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 2, voided: false, approver: '周主任', handler: '陈经办', note: 'Y2026-0001；第一批', voidedOn: null, voidReason: null, voidApprover: null },
      { no: '2026-0003', stampedOn: '2026-11-10', seal: '办公室公章', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 1, voided: false, approver: '周主任', handler: '陈经办', note: 'Y2026-0001', voidedOn: null, voidReason: null, voidApprover: null },
    ]);
    const tsv = await run(['seal', 'export', '--month', '2026-11', '--format', 'tsv'], { lang: 'zh' });
    expect(tsv.stdout.split('\n')[0]).toBe('序号\t用印日期\t印章\t文件名称\t用印单位\t事由\t用印数量\t作废\t批准人\t经办人\t备注\t作废日期\t作废原因\t作废批准人');
  });
});

describe('seal commands', () => {
  it('lists requests awaiting approval or stamping', async () => {
    const { run } = await office();
    const pending = JSON.parse((await run(['seal', 'requests', '--pending', '--format', 'json'])).stdout);
    expect(pending.map((r: { number: string; state: string }) => [r.number, r.state])).toEqual([
      ['Y2026-0003', '待批准'],
      ['Y2026-0004', '已批准'],
    ]);
    const all = JSON.parse((await run(['seal', 'requests', '--format', 'json', '--seal', 'S001'])).stdout);
    expect(all.map((r: { number: string; stamped: number }) => [r.number, r.stamped])).toEqual([
      ['Y2026-0001', 3],
      ['Y2026-0003', 0],
      ['Y2026-0004', 0],
    ]);
    const tsv = await run(['seal', 'requests', '--pending']);
    expect(tsv.stdout).toContain('awaiting approval');
  });

  it('refuses --blank (exit 2), a blank document (exit 2), stamping an unapproved request (exit 1); nothing changes', async () => {
    const { run } = await office();
    const head = (await run(['verify'])).stdout;
    const blank = await run(['seal', 'stamp', 'Y2026-0004', '--blank']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain("unknown option '--blank'");
    const paper = await run(['seal', 'request', '--seal', 'S001', '--doc', '空白介绍信', '--unit', '办公室', '--purpose', '备用', '--count', '5'], { lang: 'zh' });
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('不得在空白纸张或空白介绍信上用印');
    const noDoc = await run(['seal', 'request', '--seal', 'S001', '--unit', '办公室', '--purpose', '备用']);
    expect(noDoc.code).toBe(2);
    expect(noDoc.stderr).toContain('missing required options: --doc --count');
    const unapproved = await run(['seal', 'stamp', 'Y2026-0003']);
    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toContain('Y2026-0003 is not approved');
    expect((await run(['verify'])).stdout).toBe(head);
  });

  it('lend needs --due (exit 2); seals out show in list --out and in wenmi due; stamping while out is refused', async () => {
    const { run } = await office();
    const noDue = await run(['seal', 'lend', 'S001', '--to', '孙律师', '--approver', '周主任']);
    expect(noDue.code).toBe(2);
    expect(noDue.stderr).toContain('--due');
    await ok(run, ['seal', 'lend', 'S001', '--to', '孙律师', '--due', '2026-11-25', '--approver', '周主任', '--on', '2026-11-22']);
    const out = JSON.parse((await run(['seal', 'list', '--out', '--format', 'json'])).stdout);
    expect(out).toEqual([
      { code: 'S001', name: '办公室公章', type: '公章', since: '2026-01-04', state: '外借', custodian: '李保管', location: '机要室保险柜', holder: '孙律师', due: '2026-11-25', overdueDays: 2 },
    ]);
    const due = await run(['due', '--fail-if-overdue', '--format', 'json']);
    expect(due.code).toBe(3);
    expect(JSON.parse(due.stdout)).toEqual([
      { due: '2026-11-25', days: -2, status: 'overdue', register: 'seal', ref: 'S001', what: '外借：办公室公章', who: '孙律师', reminders: null, lastReminder: null },
    ]);
    const stamp = await run(['seal', 'stamp', 'Y2026-0004']);
    expect(stamp.code).toBe(1);
    expect(stamp.stderr).toContain('S001 办公室公章 is lent and cannot be stamped');
    await ok(run, ['seal', 'return', 'S001']);
    expect(JSON.parse((await run(['seal', 'list', '--out', '--format', 'json'])).stdout)).toEqual([]);
    await ok(run, ['seal', 'stamp', 'Y2026-0004']);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('retire: one witness is refused (exit 2), two are recorded; show tells the whole history', async () => {
    const { run } = await office();
    const one = await run(['seal', 'retire', 'S002', '--how', '封存', '--witness', '钱主任']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('two different witnesses (1 given)');
    expect((await run(['seal', 'retire', 'S002', '--how', '作废', '--witness', 'A', '--witness', 'B'])).code).toBe(2);
    await ok(run, ['seal', 'handover', 'S002', '--to', '赵新', '--witness', '钱主任', '--location', '财务室']);
    await ok(run, ['seal', 'retire', 'S002', '--how', '封存', '--witness', '钱主任', '--witness', '吴科长', '--reason', '机构更名']);
    const show = JSON.parse((await run(['seal', 'show', '合同专用章', '--format', 'json'])).stdout);
    expect(show.seal).toMatchObject({ code: 'S002', state: '封存', custodian: '赵新', location: '财务室' });
    expect(show.events.map((e: { kind: string; witnesses: string[] }) => [e.kind, e.witnesses])).toEqual([
      ['启用', []],
      ['移交', ['钱主任']],
      ['封存', ['钱主任', '吴科长']],
    ]);
    expect(show.history.map((h: { detail: string }) => h.detail)).toEqual([
      'in use: kept by 李保管',
      'request Y2026-0002: 房屋租赁合同, 2 copies',
      'approved Y2026-0002: 2 copies, by 吴副主任',
      'stamped Y2026-0002 (line 2026-0002): 2 copies, handled by 王五',
      'handover: 李保管 → 赵新, witness 钱主任，财务室',
      'sealed away: witnesses 钱主任、吴科长',
    ]);
    const table = await run(['seal', 'show', 'S002'], { lang: 'zh' });
    expect(table.stdout).toContain('封存：见证人 钱主任、吴科长');
    expect((await run(['seal', 'list', '--state', '封存', '--format', 'json'])).stdout).toContain('"S002"');
  });

  it('a lost seal is reported at once and stays overdue in wenmi due', async () => {
    const { run } = await office();
    await ok(run, ['seal', 'lost', 'S001', '--reason', '被盗，已报警'], '2026-11-26T08:00');
    const due = JSON.parse((await run(['due', '--format', 'json'])).stdout);
    expect(due).toMatchObject([{ register: 'seal', ref: 'S001', what: '遗失：办公室公章（被盗，已报警）', who: '李保管', due: '2026-11-26', status: 'overdue' }]);
    const show = JSON.parse((await run(['seal', 'show', 'S001', '--format', 'json'])).stdout);
    expect(show.seal).toMatchObject({ state: '遗失', holder: null, lostBy: '李保管', lostOn: '2026-11-26', lostReason: '被盗，已报警' });
    expect((await run(['seal', 'show', 'S001'], { lang: 'zh' })).stdout).toContain('遗失时持有人');
    expect((await run(['seal', 'stamp', 'Y2026-0004'])).code).toBe(1);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('handover --witness twice records both; show refuses a format it cannot give', async () => {
    const { run } = await office();
    const r = await run(['seal', 'handover', 'S001', '--to', '赵新', '--witness', '钱主任', '--witness', '吴科长'], { lang: 'zh' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('见证人 钱主任、吴科长');
    const show = JSON.parse((await run(['seal', 'show', 'S001', '--format', 'json'])).stdout);
    expect(show.events.at(-1)).toMatchObject({ kind: '移交', witnesses: ['钱主任', '吴科长'] });
    const csv = await run(['seal', 'show', 'S001', '--format', 'csv']);
    expect([csv.code, csv.stdout]).toEqual([2, '']);
  });

  it('a huge count is a usage error (exit 2) that names the limit, in zh and en; nothing is written', async () => {
    const { run } = await office();
    const head = (await run(['verify'])).stdout;
    const en = await run(['seal', 'request', '--seal', 'S001', '--doc', '合同', '--unit', '办公室', '--purpose', '签约', '--count', '99999999999999999999']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('from 1 to 99999');
    const zh = await run(['seal', 'approve', 'Y2026-0003', '--approver', '周主任', '--count', '100000'], { lang: 'zh' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('1 至 99999');
    expect((await run(['verify'])).stdout).toBe(head);
  });

  it('add prints the code; unknown seals and requests are data errors (exit 1)', async () => {
    const { run } = await freshDb();
    const add = await run(['seal', 'add', '--name', '财务专用章', '--type', '财务章', '--custodian', '郑会计']);
    expect([add.code, add.stdout]).toEqual([0, 'S001\n']);
    expect((await run(['seal', 'add', '--name', 'X', '--type', '私章', '--custodian', 'A'])).code).toBe(2);
    expect((await run(['seal', 'show', '公章'])).code).toBe(1);
    expect((await run(['seal', 'approve', 'Y2026-0009', '--approver', '周主任'])).code).toBe(1);
    expect((await run(['seal', 'stamp', 'Y2026-0001', '--count', '0'])).code).toBe(2);
  });
});

const VOIDED_ZH = [
  '                                                                  印章使用登记簿',
  '                                                                某市人民政府办公室',
  '                                                                     2026年度',
  '                                                              2026-11-01 — 2026-11-30',
  '┌───────────┬────────────┬────────────┬────────────────────────┬──────────┬──────────┬──────────┬──────┬──────────┬────────┬──────────────────────┐',
  '│ 序号      │ 用印日期   │ 印章       │ 文件名称               │ 用印单位 │ 事由     │ 用印数量 │ 作废 │ 批准人   │ 经办人 │ 备注                 │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼──────────────────────┤',
  '│ 2026-0001 │ 2026-11-03 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室   │ 签订合同 │        2 │      │ 周主任   │ 陈经办 │ Y2026-0001；第一批   │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼──────────────────────┤',
  '│ 2026-0002 │ 2026-11-05 │ 合同专用章 │ 房屋租赁合同           │ 后勤科   │ 续租     │        2 │      │ 吴副主任 │ 王五   │ Y2026-0002           │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼──────────────────────┤',
  '│ 2026-0003 │ 2026-11-10 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室   │ 签订合同 │        1 │ 作废 │ 周主任   │ 陈经办 │ Y2026-0001；作废：重 │',
  '│           │            │            │                        │          │          │          │      │          │        │ 复登记（周主任批准， │',
  '│           │            │            │                        │          │          │          │      │          │        │ 2026-11-27）         │',
  '├───────────┼────────────┼────────────┼────────────────────────┼──────────┼──────────┼──────────┼──────┼──────────┼────────┼──────────────────────┤',
  '│ 2026-0004 │ 2026-11-27 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室   │ 签订合同 │        1 │      │ 周主任   │ 陈经办 │ Y2026-0001；补记     │',
  '└───────────┴────────────┴────────────┴────────────────────────┴──────────┴──────────┴──────────┴──────┴──────────┴────────┴──────────────────────┘',
  '共 4 条（其中作废 1 条）、用印 5 份（作废的不计）。打印于 2026-11-27 09:30，经办人 王秘书。日志链头 <head>',
  '',
  '经办人（签字）：__________　　审核人（签字）：__________　　日期：__________',
].join('\n') + '\n';

const VOIDED_EN = [
  '                                                                  Seal usage register',
  '                                                                   某市人民政府办公室',
  '                                                                       year 2026',
  '                                                                2026-11-01 — 2026-11-30',
  '┌───────────┬────────────┬────────────┬────────────────────────┬────────┬──────────┬────────┬────────┬─────────────┬────────────┬──────────────────────┐',
  '│ line      │ date       │ seal       │ document               │ unit   │ purpose  │ copies │ voided │ approved by │ handled by │ remarks              │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼──────────────────────┤',
  '│ 2026-0001 │ 2026-11-03 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室 │ 签订合同 │      2 │        │ 周主任      │ 陈经办     │ Y2026-0001；第一批   │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼──────────────────────┤',
  '│ 2026-0002 │ 2026-11-05 │ 合同专用章 │ 房屋租赁合同           │ 后勤科 │ 续租     │      2 │        │ 吴副主任    │ 王五       │ Y2026-0002           │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼──────────────────────┤',
  '│ 2026-0003 │ 2026-11-10 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室 │ 签订合同 │      1 │ voided │ 周主任      │ 陈经办     │ Y2026-0001；作废：重 │',
  '│           │            │            │                        │        │          │        │        │             │            │ 复登记（周主任批准， │',
  '│           │            │            │                        │        │          │        │        │             │            │ 2026-11-27）         │',
  '├───────────┼────────────┼────────────┼────────────────────────┼────────┼──────────┼────────┼────────┼─────────────┼────────────┼──────────────────────┤',
  '│ 2026-0004 │ 2026-11-27 │ 办公室公章 │ 关于采购办公设备的合同 │ 办公室 │ 签订合同 │      1 │        │ 周主任      │ 陈经办     │ Y2026-0001；补记     │',
  '└───────────┴────────────┴────────────┴────────────────────────┴────────┴──────────┴────────┴────────┴─────────────┴────────────┴──────────────────────┘',
  'Lines: 4 (1 voided); copies stamped: 5 (voided lines not counted). Printed 2026-11-27 09:30 by 王秘书. Journal head <head>',
  '',
  'Clerk (signature): __________    Reviewer (signature): __________    Date: __________',
].join('\n') + '\n';

describe('seal void-stamp', () => {
  it('voids a line recorded twice: the book under zh and en keeps it, marked; the request is stamped again up to its approval', async () => {
    const { run } = await office();
    const v = await run(['seal', 'void-stamp', '2026-0003', '--reason', '重复登记', '--approver', '周主任'], { lang: 'zh' });
    expect([v.code, v.stdout, v.stderr]).toEqual([0, '', '序号 2026-0003（Y2026-0001，1 份）已作废：重复登记。Y2026-0001 现计已用印 2/3\n']);
    expect((await run(['verify'])).code).toBe(0);
    const over = await run(['seal', 'stamp', 'Y2026-0001', '--count', '2']);
    expect(over.code).toBe(1);
    await ok(run, ['seal', 'stamp', 'Y2026-0001', '--count', '1', '--note', '补记']);
    const full = await run(['seal', 'stamp', 'Y2026-0001', '--count', '1']);
    expect([full.code, full.stderr]).toEqual([1, 'error: all 3 approved copies of Y2026-0001 are already stamped.\n']);
    const zh = await run(['seal', 'print', '--month', '2026-11'], { lang: 'zh' });
    expect(headless(zh.stdout)).toBe(VOIDED_ZH);
    expect(headless((await run(['seal', 'print', '--month', '2026-11'])).stdout)).toBe(VOIDED_EN);
    const reqs = JSON.parse((await run(['seal', 'requests', '--seal', 'S001', '--format', 'json'])).stdout);
    expect(reqs[0]).toMatchObject({ number: 'Y2026-0001', approved: 3, stamped: 3, lines: ['2026-0001', '2026-0004'], voidedLines: ['2026-0003'], state: '已用印' });
    const show = JSON.parse((await run(['seal', 'show', 'S001', '--format', 'json'], { lang: 'zh' })).stdout);
    expect(show.history.at(-2)).toMatchObject({ detail: '作废序号 2026-0003（Y2026-0001，1 份）：重复登记，批准人 周主任', operator: '王秘书', reason: '重复登记' });
    expect((await run(['verify'])).code).toBe(0);
  });

  it('exports the voided line: its count stays a number in CSV and JSON, with 作废 in a column of its own that a sum can filter by', async () => {
    const { run } = await office();
    await ok(run, ['seal', 'void-stamp', '#1', '--reason', '份数登记错误', '--approver', '周主任']);
    const { rows } = parseCsv((await run(['seal', 'export', '--month', '2026-11'])).stdout);
    expect(rows[0]!.cells).toEqual(['2026-0001', '2026-11-03', '办公室公章', '关于采购办公设备的合同', '办公室', '签订合同', '2', 'voided', '周主任', '陈经办', 'Y2026-0001；第一批；作废：份数登记错误（周主任批准，2026-11-27）', '2026-11-27', '份数登记错误', '周主任']);
    const json = JSON.parse((await run(['seal', 'export', '--month', '2026-11', '--format', 'json'])).stdout);
    expect(json[0]).toMatchObject({ no: '2026-0001', count: 2, voided: true, voidedOn: '2026-11-27', voidReason: '份数登记错误', voidApprover: '周主任' });
    expect(json[1]).toMatchObject({ no: '2026-0002', count: 2, voided: false, voidedOn: null });
    const zh = parseCsv((await run(['seal', 'export', '--month', '2026-11'], { lang: 'zh' })).stdout);
    expect(zh.rows.map((r) => r.cells.slice(6, 8))).toEqual([['2', '作废'], ['2', ''], ['1', '']]);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('refuses an unknown line and a second void (exit 1), a missing reason or approver and a line that is no number (exit 2), in zh and en; nothing is written', async () => {
    const { run } = await office();
    const head = (await run(['verify'])).stdout;
    const unknown = await run(['seal', 'void-stamp', '9', '--reason', '重复登记', '--approver', '周主任']);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'error: the seal-usage register has no line 2026-0009.\nThe line number is the first column of `wenmi seal print`.\n']);
    expect((await run(['seal', 'void-stamp', '9', '--reason', 'x', '--approver', 'y'], { lang: 'zh' })).stderr).toContain('用印登记簿中没有序号 2026-0009。');
    const lastYear = await run(['seal', 'void-stamp', '2025-0001', '--reason', 'x', '--approver', 'y']);
    expect([lastYear.code, lastYear.stderr.split('\n')[0]]).toEqual([1, 'error: the seal-usage register has no line 2025-0001.']);
    const missing = await run(['seal', 'void-stamp', '1']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: missing required options: --reason --approver\nGive them on the command line (nothing is asked without a terminal).\n']);
    const noApprover = await run(['seal', 'void-stamp', '1', '--reason', '重复登记'], { lang: 'zh' });
    expect([noApprover.code, noApprover.stderr.split('\n')[0]]).toEqual([2, '错误：缺少必填项：--approver']);
    const blank = await run(['seal', 'void-stamp', '1', '--reason', ' ', '--approver', '周主任']);
    expect([blank.code, blank.stderr.split('\n')[0]]).toEqual([2, 'error: missing required options: --reason']);
    const notNumber = await run(['seal', 'void-stamp', 'Y2026-0001', '--reason', '重复登记', '--approver', '周主任']);
    expect([notNumber.code, notNumber.stderr.split('\n')[0]]).toEqual([2, 'error: "Y2026-0001" is not a line number of the seal-usage register: a line number is like 2026-0003 (year-serial, restarting each year); a bare 3 is line 3 of this year.']);
    const zero = await run(['seal', 'void-stamp', '2026-0000', '--reason', '重复登记', '--approver', '周主任'], { lang: 'zh' });
    expect([zero.code, zero.stderr.split('\n')[0]]).toEqual([2, '错误：“2026-0000”不是用印登记簿的序号：序号如 2026-0003（年份-序号，每年从 1 起）；只写 3 指今年的第 3 行。']);
    const noLine = await run(['seal', 'void-stamp', '--reason', '重复登记', '--approver', '周主任']);
    expect(noLine.code).toBe(2);
    expect((await run(['verify'])).stdout).toBe(head);
    await ok(run, ['seal', 'void-stamp', '2026-2', '--reason', '重复登记', '--approver', '周主任']);
    const head2 = (await run(['verify'])).stdout;
    const again = await run(['seal', 'void-stamp', '2', '--reason', '再次', '--approver', '吴副主任']);
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([1, 'error: line 2026-0002 was already voided on 2026-11-27 (重复登记, approved by 周主任); a line is voided once.']);
    const againZh = await run(['seal', 'void-stamp', '2', '--reason', '再次', '--approver', '吴副主任'], { lang: 'zh' });
    expect(againZh.stderr.split('\n')[0]).toBe('错误：序号 2026-0002 已于 2026-11-27 作废（重复登记，批准人 周主任），不能再次作废。');
    expect((await run(['verify'])).stdout).toBe(head2);
  });
});
