import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.js';
import { freshDb, office, ok } from './setup.js';

const ROOMS_HEAD = 'room\tfrom\tto\tmeeting\ttitle\thost\tstate\n';
const headless = (text: string) => text.replace(/\d+:[0-9a-f]{64}/, '<head>');
const journal = async (run: Awaited<ReturnType<typeof freshDb>>['run']) => (await run(['verify'])).stdout.trim();

const SHEET_ZH = [
  '                           签到表',
  '                     某市人民政府办公室',
  '                   HY2026-0001 季度工作会',
  '              2026-12-03 09:00—11:00 第一会议室',
  '                       主持人：周主任',
  '┌──────┬──────┬───────────┬──────────────────┬──────────────┐',
  '│ 序号 │ 姓名 │ 单位/职务 │ 签名             │ 备注         │',
  '├──────┼──────┼───────────┼──────────────────┼──────────────┤',
  '│    1 │ 张三 │           │ 　　　　　　　　 │              │',
  '├──────┼──────┼───────────┼──────────────────┼──────────────┤',
  '│    2 │ 李四 │           │ 　　　　　　　　 │ 请假         │',
  '├──────┼──────┼───────────┼──────────────────┼──────────────┤',
  '│    3 │ 王五 │           │ 　　　　　　　　 │ 王副科长代参 │',
  '├──────┼──────┼───────────┼──────────────────┼──────────────┤',
  '│    4 │ 赵六 │           │ 　　　　　　　　 │              │',
  '└──────┴──────┴───────────┴──────────────────┴──────────────┘',
  '应到 4 人。打印于 2026-11-27 09:30，经办人 王秘书。日志链头 <head>',
].join('\n') + '\n';

const SHEET_EN = [
  '                          Sign-in sheet',
  '                        某市人民政府办公室',
  '                      HY2026-0001 季度工作会',
  '                2026-12-03 09:00—11:00 第一会议室',
  '                          Chair: 周主任',
  '┌─────┬──────┬──────────────┬──────────────────┬─────────────────┐',
  '│ no. │ name │ unit or post │ signature        │ remarks         │',
  '├─────┼──────┼──────────────┼──────────────────┼─────────────────┤',
  '│   1 │ 张三 │              │ 　　　　　　　　 │                 │',
  '├─────┼──────┼──────────────┼──────────────────┼─────────────────┤',
  '│   2 │ 李四 │              │ 　　　　　　　　 │ excused         │',
  '├─────┼──────┼──────────────┼──────────────────┼─────────────────┤',
  '│   3 │ 王五 │              │ 　　　　　　　　 │ proxy: 王副科长 │',
  '├─────┼──────┼──────────────┼──────────────────┼─────────────────┤',
  '│   4 │ 赵六 │              │ 　　　　　　　　 │                 │',
  '└─────┴──────┴──────────────┴──────────────────┴─────────────────┘',
  'Expected: 4. Printed 2026-11-27 09:30 by 王秘书. Journal head <head>',
].join('\n') + '\n';

describe('meeting plan and approve on the command line', () => {
  it('prints the number on stdout and refuses a clash with exit 1, naming the other meeting, writing nothing', async () => {
    const { run } = await office();
    const before = await journal(run);
    const r = await run(['meeting', 'plan', '--title', '另一个会', '--start', '2026-12-03 10:30', '--end', '2026-12-03 12:00', '--room', '第一会议室', '--host', '周主任'], { now: '2026-11-27T09:30' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第一会议室 is taken at that time by meeting HY2026-0001 (季度工作会, 2026-12-03 09:00—11:00)');
    expect(await journal(run)).toBe(before);
    const other = await ok(run, ['meeting', 'plan', '--title', '党组会', '--start', '2026-12-03 14:00', '--end', '2026-12-03 15:00', '--room', '第一会议室', '--host', '吴局长'], '2026-11-27T09:30');
    expect(other.stdout).toBe('HY2026-0002\n');
  });

  it('names every missing option at once (exit 2) and refuses bad budgets, times and files', async () => {
    const { run } = await freshDb();
    const missing = await run(['meeting', 'plan', '--title', '会', '--no-input']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--start --end --room --host');
    const base = ['meeting', 'plan', '--title', '会', '--start', '2026-12-03 09:00', '--end', '2026-12-03 10:00', '--room', '一室', '--host', '周'];
    expect((await run([...base, '--budget', '3千'])).code).toBe(2);
    expect((await run([...base, '--budget', '1.234'])).code).toBe(2);
    expect((await run(['meeting', 'plan', '--title', '会', '--start', '2026-12-03 25:00', '--end', '2026-12-03 10:00', '--room', '一室', '--host', '周'])).code).toBe(2);
    expect((await run([...base, '--attendees', '甲', '--attendees-file', 'x.txt'])).code).toBe(2);
    expect((await run([...base, '--attendees-file', path.join(tempDir(), 'none.txt')])).code).toBe(1);
    expect((await run(['meeting', 'rooms', '--on', '2026-12-03'])).stdout).toBe(ROOMS_HEAD);
  });

  it('reads attendees from a UTF-8 file all or nothing: a bad byte or a bad line refuses the whole plan', async () => {
    const { run } = await freshDb();
    const dir = tempDir();
    const base = ['meeting', 'plan', '--title', '会', '--start', '2026-12-03 09:00', '--end', '2026-12-03 10:00', '--room', '一室', '--host', '周'];
    const gbk = path.join(dir, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.concat([Buffer.from('张三\n'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from('\n')]));
    const bad = await run([...base, '--attendees-file', gbk]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 2/);
    const dup = path.join(dir, 'dup.csv');
    fs.writeFileSync(dup, '\ufeff姓名,单位/职务\r\n张三,办公室\r\n张三,财务科\r\n');
    const refused = await run([...base, '--attendees-file', dup]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 3: "张三" is already on line 2');
    expect((await run(['meeting', 'rooms', '--on', '2026-12-03'])).stdout).toBe(ROOMS_HEAD);
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, '姓名,单位/职务\n张三,办公室主任\n李四,财务科科长\n');
    expect((await run([...base, '--attendees-file', good])).stdout).toBe('HY2026-0001\n');
    await ok(run, ['meeting', 'approve', 'HY2026-0001', '--approver', '吴局长']);
    const sheet = await run(['meeting', 'sheet', 'HY2026-0001']);
    expect(sheet.stdout).toContain('│   1 │ 张三 │ 办公室主任   │');
  });

  it('refuses approval by the planner and any step before approval (exit 1) naming the step to take first', async () => {
    const { run } = await freshDb();
    await ok(run, ['meeting', 'plan', '--title', '会', '--start', '2026-12-03 09:00', '--end', '2026-12-03 10:00', '--room', '一室', '--host', '周', '--attendees', '甲'], '2026-11-27T09:00');
    const self = await run(['meeting', 'approve', 'HY2026-0001', '--approver', '王秘书']);
    expect(self.code).toBe(1);
    const early = await run(['meeting', 'signin', 'HY2026-0001', '--person', '甲'], { lang: 'zh' });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('HY2026-0001 的方案尚未批准，不能 signin。');
    expect(early.stderr).toContain('先运行 wenmi meeting approve HY2026-0001');
    expect((await run(['meeting', 'approve', 'HY2026-0001', '--reason', '为何'])).code).toBe(2);
    await ok(run, ['meeting', 'approve', 'HY2026-0001', '--approver', '吴局长'], '2026-11-27T09:30');
    const confirm = await run(['meeting', 'confirm', 'HY2026-0001', '--person', '甲', '--answer', '参加']);
    expect(confirm.code).toBe(1);
    expect(confirm.stderr).toContain('First run wenmi meeting notify HY2026-0001.');
    expect((await run(['meeting', 'confirm', 'HY2026-0001', '--person', '甲', '--answer', '也许'])).code).toBe(2);
  });
});

describe('replies, sign-in and the sheet', () => {
  it('lists who has not answered, and attendance with names in zh and en', async () => {
    const { run } = await office();
    expect((await run(['meeting', 'unconfirmed', 'HY2026-0001'])).stdout).toBe('name\tunit or post\n赵六\t\n');
    await ok(run, ['meeting', 'signin', 'HY2026-0001', '--person', '张三', '--at', '2026-12-03 08:55'], '2026-12-03T09:20');
    const late = await ok(run, ['meeting', 'signin', 'HY2026-0001', '--person', '王五', '--proxy', '王副科长'], '2026-12-03T09:21');
    expect(late.stderr).toContain('signed in at 09:21, late');
    const zh = await run(['meeting', 'attendance', 'HY2026-0001'], { lang: 'zh', now: '2026-12-03T09:30' });
    expect(zh.stdout).toBe('类别\t人数\t名单\n应到\t4\t张三、李四、王五、赵六\n实到\t2\t张三、王五（王副科长代）\n请假\t1\t李四\n缺席\t1\t赵六\n迟到\t1\t王五\n');
    const json = JSON.parse((await run(['meeting', 'attendance', 'HY2026-0001', '--format', 'json'], { now: '2026-12-03T09:30' })).stdout);
    expect(json.map((r: { kind: string; count: number }) => [r.kind, r.count])).toEqual([['expected', 4], ['present', 2], ['excused', 1], ['absent', 1], ['late', 1]]);
  });

  it('prints the paper sign-in sheet aligned, in zh and in en', async () => {
    const { run } = await office();
    const zh = await run(['meeting', 'sheet', 'HY2026-0001'], { lang: 'zh' });
    expect(zh.code).toBe(0);
    expect(headless(zh.stdout)).toBe(SHEET_ZH);
    expect(headless((await run(['meeting', 'sheet', 'HY2026-0001'])).stdout)).toBe(SHEET_EN);
  });

  it('shows the day’s bookings by room', async () => {
    const { run } = await office();
    await ok(run, ['meeting', 'plan', '--title', '保密会', '--start', '2026-12-03 14:00', '--end', '2026-12-03 15:00', '--room', '第二会议室', '--host', '吴局长', '--secret', '秘密'], '2026-11-27T09:30');
    const r = await run(['meeting', 'rooms', '--on', '2026-12-03']);
    expect(r.stdout).toBe('room\tfrom\tto\tmeeting\ttitle\thost\tstate\n第一会议室\t09:00\t11:00\tHY2026-0001\t季度工作会\t周主任\tapproved\n第二会议室\t14:00\t15:00\tHY2026-0002\t【秘密】\t吴局长\tawaiting approval\n');
  });
});

describe('decisions and wenmi due', () => {
  it('lists open decisions by owner, and due --fail-if-overdue exits 3 on an overdue decision', async () => {
    const { run } = await office();
    expect((await ok(run, ['meeting', 'decide', 'HY2026-0001', '--item', '修订值班制度', '--owner', '办公室', '--due', '2026-12-10'], '2026-12-03T10:30')).stdout).toBe('HY2026-0001-1\n');
    await ok(run, ['meeting', 'decide', 'HY2026-0001', '--item', '完成档案数字化', '--owner', '档案室', '--due', '2026-12-31'], '2026-12-03T10:31');
    await ok(run, ['meeting', 'remind', 'HY2026-0001-1', '--note', '电话催办'], '2026-12-09T09:00');
    const open = await run(['meeting', 'decisions', '--open', '--owner', '办公室', '--format', 'json'], { now: '2026-12-09T09:00' });
    expect(JSON.parse(open.stdout)).toEqual([{ number: 'HY2026-0001-1', item: '修订值班制度', owner: '办公室', due: '2026-12-10', doneOn: null, reminders: 1, note: null }]);
    const quiet = await run(['due', '--fail-if-overdue'], { now: '2026-12-10T09:00' });
    expect(quiet.code).toBe(0);
    const overdue = await run(['due', '--fail-if-overdue', '--register', 'meeting'], { now: '2026-12-11T09:00' });
    expect(overdue.code).toBe(3);
    expect(overdue.stdout).toContain('HY2026-0001-1\tdecision: 修订值班制度\t办公室\t1\t2026-12-09');
    await ok(run, ['meeting', 'done', 'HY2026-0001-1', '--note', '已印发'], '2026-12-11T10:00');
    expect((await run(['due', '--fail-if-overdue'], { now: '2026-12-11T11:00' })).code).toBe(0);
    expect((await run(['meeting', 'done', 'HY2026-0001-1', '--note', '再办'], { now: '2026-12-11T11:00' })).code).toBe(1);
    expect((await run(['meeting', 'decisions', '--open'], { now: '2026-12-11T11:00' })).stdout).toContain('HY2026-0001-2');
  });

  it('shows the unanswered attendee the day before and the unfinished checklist on the day', async () => {
    const { run } = await office();
    await ok(run, ['meeting', 'prepare', 'HY2026-0001', '--item', '音响调试'], '2026-12-01T09:00');
    expect((await run(['due'], { now: '2026-12-01T10:00' })).stdout).not.toContain('HY2026');
    const before = await run(['due', '--register', 'meeting'], { now: '2026-12-02T10:00' });
    expect(before.stdout).toContain('HY2026-0001\thas not answered the notice: 季度工作会\t赵六');
    expect(before.stdout).not.toContain('音响调试');
    const day = await run(['due', '--register', 'meeting'], { now: '2026-12-03T08:00' });
    expect(day.stdout).toContain('preparation not done: 季度工作会: 音响调试');
    await ok(run, ['meeting', 'prepare', 'HY2026-0001', '--item', '音响调试', '--done'], '2026-12-03T08:10');
    expect((await run(['due', '--register', 'meeting'], { now: '2026-12-03T08:20' })).stdout).not.toContain('音响调试');
    expect((await run(['meeting', 'prepare', 'HY2026-0001'], { now: '2026-12-03T08:20' })).stdout).toBe('item\tdone\n音响调试\tdone\n');
  });
});

describe('after the meeting on the command line', () => {
  it('minutes from a file, expenses in yuan, settlement against the budget, and a close refused until the step it names', async () => {
    const { run } = await office();
    const file = path.join(tempDir(), '纪要.txt');
    fs.writeFileSync(file, '一、会议听取了四季度工作汇报。\n二、会议决定修订值班制度。\n');
    const early = await run(['meeting', 'minutes', 'HY2026-0001', '--drafter', '王秘书', '--file', file], { now: '2026-12-02T09:00' });
    expect(early.code).toBe(1);
    expect((await ok(run, ['meeting', 'minutes', 'HY2026-0001', '--drafter', '王秘书', '--file', file], '2026-12-03T11:10')).stderr).toContain('minutes 〔2026〕1号 drafted');
    expect((await run(['meeting', 'expense', 'HY2026-0001', '--item', '茶歇', '--amount', '四百'], { now: '2026-12-03T11:20' })).code).toBe(2);
    await ok(run, ['meeting', 'expense', 'HY2026-0001', '--item', '茶歇', '--amount', '480', '--invoice', '04451234'], '2026-12-03T11:20');
    const close = await run(['meeting', 'close', 'HY2026-0001'], { now: '2026-12-03T11:30', lang: 'zh' });
    expect(close.code).toBe(1);
    expect(close.stderr).toContain('先运行 wenmi meeting minutes-approve HY2026-0001');
    await ok(run, ['meeting', 'minutes-approve', 'HY2026-0001', '--approver', '吴局长'], '2026-12-03T11:40');
    await ok(run, ['meeting', 'minutes-send', 'HY2026-0001', '--to', '办公室,财务科'], '2026-12-03T11:45');
    expect((await run(['meeting', 'close', 'HY2026-0001'], { now: '2026-12-03T11:50' })).stderr).toContain('First run wenmi meeting settle HY2026-0001');
    const settle = await ok(run, ['meeting', 'settle', 'HY2026-0001', '--approver', '财务科长'], '2026-12-03T12:00');
    expect(settle.stdout).toBe('480.00\n');
    expect(settle.stderr).toContain('spent 480.00 yuan of a budget of 3000.00 yuan; 2520.00 yuan left');
    expect((await ok(run, ['meeting', 'close', 'HY2026-0001'], '2026-12-03T12:10')).stderr).toContain('HY2026-0001 closed');
    expect((await run(['meeting', 'materials', 'HY2026-0001', '--issued', '3'], { now: '2026-12-03T12:20' })).code).toBe(1);
    expect((await run(['verify'], { now: '2026-12-03T12:20' })).code).toBe(0);
  });
});
