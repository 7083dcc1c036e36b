import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/output/csv.js';
import { office, ok } from './setup.js';

const headless = (text: string) => text.replace(/\d+:[0-9a-f]{64}/, '<head>');

/** office() plus a classified HY2026-0002 on 12-04 and a decision of HY2026-0001; 张三 and 王五 (late, by proxy) signed in. */
async function month() {
  const o = await office();
  const { run } = o;
  await ok(run, ['meeting', 'plan', '--title', '绝密事项专题会', '--start', '2026-12-04 14:00', '--end', '2026-12-04 16:00', '--room', '第二会议室', '--host', '吴局长', '--secret', '秘密', '--attendees', '甲,乙', '--budget', '500'], '2026-11-27T09:30');
  await ok(run, ['meeting', 'signin', 'HY2026-0001', '--person', '张三'], '2026-12-03T08:55');
  await ok(run, ['meeting', 'signin', 'HY2026-0001', '--person', '王五', '--proxy', '王副科长'], '2026-12-03T09:10');
  await ok(run, ['meeting', 'decide', 'HY2026-0001', '--item', '修订值班制度', '--owner', '办公室', '--due', '2026-12-10'], '2026-12-03T10:30');
  await ok(run, ['meeting', 'expense', 'HY2026-0001', '--item', '茶歇', '--amount', '480.50'], '2026-12-03T10:40');
  return o;
}

const BOOK_ZH = [
  '                                                会议登记簿',
  '                                            某市人民政府办公室',
  '                                         2026-12-01 — 2026-12-31',
  '┌────────────┬─────────────┬────────────┬────────────┬────────┬──────┬──────┬──────┬────────────┬────────┐',
  '│ 日期       │ 时间        │ 会议名称   │ 地点       │ 主持人 │ 应到 │ 实到 │ 纪要 │ 决议事项数 │ 未办结 │',
  '├────────────┼─────────────┼────────────┼────────────┼────────┼──────┼──────┼──────┼────────────┼────────┤',
  '│ 2026-12-03 │ 09:00—11:00 │ 季度工作会 │ 第一会议室 │ 周主任 │    4 │    2 │      │          1 │      1 │',
  '├────────────┼─────────────┼────────────┼────────────┼────────┼──────┼──────┼──────┼────────────┼────────┤',
  '│ 2026-12-04 │ 14:00—16:00 │ 【秘密】   │ 第二会议室 │ 吴局长 │    2 │    0 │      │          0 │      0 │',
  '└────────────┴─────────────┴────────────┴────────────┴────────┴──────┴──────┴──────┴────────────┴────────┘',
  '共 2 次会议，决议事项 1 项、未办结 1 项。打印于 2026-12-05 09:00，经办人 王秘书。日志链头 <head>',
  '',
  '经办人（签字）：__________　　审核人（签字）：__________　　日期：__________',
].join('\n') + '\n';

describe('the meeting book', () => {
  it('prints 会议登记簿 in its paper order with classified titles masked, in zh and en', async () => {
    const { run } = await month();
    const zh = await run(['meeting', 'print', '--month', '2026-12'], { lang: 'zh', now: '2026-12-05T09:00' });
    expect(zh.code).toBe(0);
    expect(headless(zh.stdout)).toBe(BOOK_ZH);
    const en = await run(['meeting', 'print', '--month', '2026-12'], { now: '2026-12-05T09:00' });
    expect(en.stdout).toContain('│ date       │ time        │ meeting    │ room       │ chair  │ expected │ present │ minutes │ decisions │ open │');
    expect(en.stdout).toContain('Meetings: 2; decisions: 1, 1 open.');
    expect(en.stdout).not.toContain('绝密事项');
    expect((await run(['meeting', 'print', '--month', '2026-11'], { now: '2026-12-05T09:00' })).stdout).toContain('Meetings: 0;');
  });

  it('reveals a classified title only when asked, and journals who saw it', async () => {
    const { run } = await month();
    const before = (await run(['verify'], { now: '2026-12-05T09:00' })).stdout;
    const list = await run(['meeting', 'list', '--month', '2026-12', '--format', 'json'], { now: '2026-12-05T09:00' });
    expect(JSON.parse(list.stdout).map((r: { title: string }) => r.title)).toEqual(['季度工作会', '【秘密】']);
    expect((await run(['verify'], { now: '2026-12-05T09:00' })).stdout).toBe(before);
    const shown = await run(['meeting', 'list', '--month', '2026-12', '--reveal', '--format', 'json'], { now: '2026-12-05T09:01' });
    expect(JSON.parse(shown.stdout).map((r: { title: string }) => r.title)).toEqual(['季度工作会', '绝密事项专题会']);
    expect((await run(['verify'], { now: '2026-12-05T09:02' })).stdout).not.toBe(before);
  });

  it('exports CSV with budget and spending in yuan, filters by state, and reports the month', async () => {
    const { run } = await month();
    const csv = await run(['meeting', 'export', '--month', '2026-12'], { now: '2026-12-05T09:00' });
    const { header, rows } = parseCsv(csv.stdout);
    expect(header).toEqual(['number', 'date', 'time', 'meeting', 'room', 'chair', 'expected', 'present', 'minutes', 'decisions', 'open', 'state', 'budget (yuan)', 'spent (yuan)']);
    expect(rows.map((r) => [r.cells[0], r.cells[6], r.cells[7], r.cells[11], r.cells[12], r.cells[13]])).toEqual([
      ['HY2026-0001', '4', '2', 'approved', '3000', '480.5'],
      ['HY2026-0002', '2', '0', 'awaiting approval', '500', '0'],
    ]);
    const pending = await run(['meeting', 'list', '--state', 'awaiting-approval', '--format', 'json'], { now: '2026-12-05T09:00' });
    expect(JSON.parse(pending.stdout).map((r: { number: string }) => r.number)).toEqual(['HY2026-0002']);
    const report = JSON.parse((await run(['meeting', 'report', '--month', '2026-12', '--format', 'json'], { now: '2026-12-11T09:00' })).stdout);
    expect(Object.fromEntries(report.map((r: { item: string; value: number }) => [r.item, r.value]))).toEqual({
      meetings: 2,
      closed: 0,
      expected: 6,
      present: 2,
      excused: 1,
      absent: 3,
      late: 1,
      decisions: 1,
      decisionsDone: 0,
      decisionsOpen: 1,
      decisionsOverdue: 1,
      budget: 3500,
      spent: 480.5,
    });
  });
});

describe('meeting show and the face', () => {
  it('shows one meeting with its attendees, decisions, expenses and history; a classified one masked unless revealed', async () => {
    const { run } = await month();
    const r = await run(['meeting', 'show', 'HY2026-0001', '--format', 'json'], { now: '2026-12-05T09:00' });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.entry).toMatchObject({ number: 'HY2026-0001', title: '季度工作会', state: '已批准', approver: '吴局长', budgetFen: 300000, spentFen: 48050 });
    expect(j.attendees.map((a: { name: string; answer: string | null; signedIn: string | null; late: boolean }) => [a.name, a.answer, a.signedIn, a.late])).toEqual([
      ['张三', '参加', '08:55', false],
      ['李四', '请假', null, false],
      ['王五', '代参', '09:10', true],
      ['赵六', null, null, false],
    ]);
    expect(j.decisions.map((d: { number: string }) => d.number)).toEqual(['HY2026-0001-1']);
    expect(j.expenses).toEqual([{ item: '茶歇', amountFen: 48050, invoice: null }]);
    expect(j.links).toEqual([]);
    expect(j.history.length).toBeGreaterThan(5);
    const table = await run(['meeting', 'show', 'HY2026-0001'], { lang: 'zh', now: '2026-12-05T09:00' });
    expect(table.stdout).toContain('预算（元）');
    expect(table.stdout).toContain('3000.00');
    const secret = JSON.parse((await run(['meeting', 'show', 'HY2026-0002', '--format', 'json'], { now: '2026-12-05T09:00' })).stdout);
    expect(secret.entry.title).toBe('【秘密】');
    const before = (await run(['verify'], { now: '2026-12-05T09:00' })).stdout;
    const shown = JSON.parse((await run(['meeting', 'show', 'hy2026-2', '--reveal', '--format', 'json'], { now: '2026-12-05T09:01' })).stdout);
    expect(shown.entry.title).toBe('绝密事项专题会');
    expect((await run(['verify'], { now: '2026-12-05T09:02' })).stdout).not.toBe(before);
    expect((await run(['meeting', 'show', 'HY2026-0009'])).code).toBe(1);
  });
});
