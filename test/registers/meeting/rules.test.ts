import { describe, expect, it } from 'vitest';
import { collectDue } from '../../../src/core/deadlines.js';
import { parseMoment } from '../../../src/core/dates.js';
import { fixedClock } from '../../../src/core/clock.js';
import type { Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { attendanceOf, confirmAttendance, notifyMeeting, signIn, unconfirmed } from '../../../src/registers/meeting/attendance.js';
import { parseAttendees } from '../../../src/registers/meeting/attendees.js';
import { decide, decisions, finishDecision, getDecision, meetingDeadlines, prepareItem, remindDecision } from '../../../src/registers/meeting/followup.js';
import { approveMeeting, getMeeting, planMeeting, returnMeeting, type PlanFields } from '../../../src/registers/meeting/rules.js';
import { prepOf } from '../../../src/registers/meeting/sql.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';

const at = (text: string) => parseMoment(text, fixedClock('2026-11-27T09:30'));
const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);

const PEOPLE = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
const plan = (over: Partial<PlanFields> = {}): PlanFields => ({
  title: '季度工作会',
  start: at('2026-12-03 09:00'),
  end: at('2026-12-03 11:00'),
  room: '第一会议室',
  host: '周主任',
  attendees: PEOPLE.map((name) => ({ name })),
  ...over,
});

/** HY2026-0001 planned by 王秘书 on 11-27 and approved by 吴局长; the clock at 11-27 10:00. */
function approved() {
  const ctx = testCtx();
  planMeeting(ctx, plan({ budget: 300000 }));
  ctx.setNow('2026-11-27T10:00');
  approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
  return ctx;
}

describe('plan and approval', () => {
  it('numbers meetings HY2026-0001, HY2026-0002 by the year they meet in, and keeps the plan', () => {
    const ctx = testCtx();
    const m = planMeeting(ctx, plan({ budget: 300050, equipment: ['投影仪,音响'], agenda: '一、总结；二、部署', secret: '秘密★5年' }));
    expect([m.number, m.state, m.budget, m.equipment, m.planner, m.secret_level, m.secret_period]).toEqual(['HY2026-0001', '待审批', 300050, '["投影仪","音响"]', '王秘书', '秘密', '5年']);
    expect(planMeeting(ctx, plan({ room: '第二会议室' })).number).toBe('HY2026-0002');
    expect(planMeeting(ctx, plan({ start: at('2027-01-05 09:00'), end: at('2027-01-05 10:00') })).number).toBe('HY2027-0001');
    expect(getMeeting(ctx.db, 'hy2026-2').number).toBe('HY2026-0002');
    expect(() => getMeeting(ctx.db, 'HY2026-0009')).toThrow(/meeting.notFound/);
    verified(ctx);
  });

  it('refuses missing fields (naming them all), an end not after the start, a repeated or blank attendee', () => {
    const ctx = testCtx();
    const e = expectRefused(ctx, () => planMeeting(ctx, { title: '会' }), 'input.missing', 'usage');
    expect(e.params.flags).toBe('--start --end --room --host');
    expectRefused(ctx, () => planMeeting(ctx, plan({ end: at('2026-12-03 09:00') })), 'meeting.endBeforeStart', 'usage');
    expectRefused(ctx, () => planMeeting(ctx, plan({ end: at('2026-12-13 09:00') })), 'meeting.tooLong', 'usage');
    expectRefused(ctx, () => planMeeting(ctx, plan({ attendees: [{ name: '甲' }, { name: ' 甲 ' }] })), 'meeting.repeatedAttendee', 'usage');
    expectRefused(ctx, () => planMeeting(ctx, plan({ attendees: [{ name: ' ' }] })), 'meeting.blankAttendee', 'usage');
    expectRefused(ctx, () => planMeeting(ctx, plan({ secret: '内部' })), 'secret.invalid', 'usage');
  });

  it('refuses a room and time that overlap another pending or approved meeting, naming it; touching times and other rooms are fine', () => {
    const ctx = testCtx();
    planMeeting(ctx, plan());
    const e = expectRefused(ctx, () => planMeeting(ctx, plan({ title: '另一个会', start: at('2026-12-03 10:30'), end: at('2026-12-03 12:00') })), 'meeting.roomClash', 'data');
    expect(e.params).toMatchObject({ number: 'HY2026-0001', room: '第一会议室', title: '季度工作会', from: '2026-12-03 09:00', to: '11:00' });
    expectRefused(ctx, () => planMeeting(ctx, plan({ start: at('2026-12-03 08:00'), end: at('2026-12-03 12:00') })), 'meeting.roomClash');
    expect(planMeeting(ctx, plan({ start: at('2026-12-03 11:00'), end: at('2026-12-03 12:00') })).number).toBe('HY2026-0002');
    expect(planMeeting(ctx, plan({ room: '第二会议室' })).number).toBe('HY2026-0003');
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    expectRefused(ctx, () => planMeeting(ctx, plan({ start: at('2026-12-03 10:00'), end: at('2026-12-03 10:30') })), 'meeting.roomClash');
    verified(ctx);
  });

  it('a classified meeting is named masked in a clash', () => {
    const ctx = testCtx();
    planMeeting(ctx, plan({ secret: '机密' }));
    const e = expectRefused(ctx, () => planMeeting(ctx, plan()), 'meeting.roomClash');
    expect(e.params.title).toBe('【机密】');
  });

  it('is approved by someone other than its planner, once; a return needs a reason and frees the room', () => {
    const ctx = testCtx();
    planMeeting(ctx, plan());
    expectRefused(ctx, () => approveMeeting(ctx, 'HY2026-0001', { approver: '王秘书' }), 'meeting.approverIsPlanner', 'data');
    expectRefused(ctx, () => approveMeeting(ctx, 'HY2026-0001', {}), 'input.missing', 'usage');
    expect(approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' }).state).toBe('已批准');
    expectRefused(ctx, () => approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' }), 'meeting.notPending', 'data');
    expectRefused(ctx, () => returnMeeting(ctx, 'HY2026-0001', { reason: '改期' }), 'meeting.notPending', 'data');
    planMeeting(ctx, plan({ room: '第二会议室' }));
    expectRefused(ctx, () => returnMeeting(ctx, 'HY2026-0002', { reason: ' ' }), 'input.missing', 'usage');
    expect(returnMeeting(ctx, 'HY2026-0002', { reason: '与党组会冲突' }).state).toBe('退回');
    expect(planMeeting(ctx, plan({ room: '第二会议室' })).number).toBe('HY2026-0003');
    expectRefused(ctx, () => notifyMeeting(ctx, 'HY2026-0002'), 'meeting.wrongState', 'data');
    verified(ctx);
  });

  it('refuses every later step before approval, naming approve; a reply before the notice, naming notify', () => {
    const ctx = testCtx();
    planMeeting(ctx, plan());
    const steps: [string, () => unknown][] = [
      ['notify', () => notifyMeeting(ctx, 'HY2026-0001')],
      ['confirm', () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '参加' })],
      ['signin', () => signIn(ctx, 'HY2026-0001', { person: '甲' })],
      ['prepare', () => prepareItem(ctx, 'HY2026-0001', { item: '材料' })],
      ['decide', () => decide(ctx, 'HY2026-0001', { item: '事项', owner: '办公室', due: '2026-12-31' })],
    ];
    for (const [verb, step] of steps) expect(expectRefused(ctx, step, 'meeting.notApproved', 'data').params.verb).toBe(verb);
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    expect(expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '参加' }), 'meeting.notNotified', 'data').params.verb).toBe('confirm');
  });
});

describe('notice, replies and sign-in', () => {
  it('takes answers from attendees only; 代参 needs a proxy; the latest answer counts', () => {
    const ctx = approved();
    notifyMeeting(ctx, 'HY2026-0001', { via: '书面' });
    expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '路人', answer: '参加' }), 'meeting.notAttendee', 'data');
    expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '代参' }), 'meeting.proxyRequired', 'usage');
    expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '参加', proxy: '乙' }), 'meeting.proxyOnlyForProxy', 'usage');
    expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '也许' }), 'meeting.answer', 'usage');
    expectRefused(ctx, () => confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '参加', via: '飞鸽' }), 'meeting.via', 'usage');
    expectRefused(ctx, () => notifyMeeting(ctx, 'HY2026-0001', { on: '2026-11-28' }), 'meeting.dateInFuture', 'usage');
    confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '请假' });
    confirmAttendance(ctx, 'HY2026-0001', { person: '甲', answer: '参加', via: '电话' });
    confirmAttendance(ctx, 'HY2026-0001', { person: '乙', answer: '代参', proxy: '乙副' });
    const m = getMeeting(ctx.db, 'HY2026-0001');
    expect(unconfirmed(ctx.db, m).map((a) => a.name)).toEqual(['丙', '丁', '戊', '己', '庚']);
    expect(attendanceOf(ctx.db, m).excused).toEqual([]);
    verified(ctx);
  });

  it('signs each attendee in once, on the day, late after the start; never in the future', () => {
    const ctx = approved();
    ctx.setNow('2026-12-03T09:30');
    expect(signIn(ctx, 'HY2026-0001', { person: '甲', at: at('2026-12-03 08:55') }).late).toBe(false);
    expect(signIn(ctx, 'HY2026-0001', { person: '乙', at: at('2026-12-03 09:00') }).late).toBe(false);
    expect(signIn(ctx, 'HY2026-0001', { person: '丙' }).late).toBe(true);
    expectRefused(ctx, () => signIn(ctx, 'HY2026-0001', { person: '甲' }), 'meeting.alreadySignedIn', 'data');
    expectRefused(ctx, () => signIn(ctx, 'HY2026-0001', { person: '路人' }), 'meeting.notAttendee', 'data');
    expectRefused(ctx, () => signIn(ctx, 'HY2026-0001', { person: '丁', at: at('2026-12-03 09:45') }), 'meeting.signinInFuture', 'usage');
    expectRefused(ctx, () => signIn(ctx, 'HY2026-0001', { person: '丁', at: at('2026-12-02 17:00') }), 'meeting.signinOutsideMeeting', 'usage');
    expectRefused(ctx, () => signIn(ctx, 'HY2026-0001', { person: '丁', proxy: '丁' }), 'meeting.proxyIsSelf', 'usage');
    verified(ctx);
  });

  it('counts attendance as counted by hand: 应到 7, 实到 4, 请假 1, 缺席 2, 迟到 1', () => {
    // 甲 on time; 乙 late; 丙 signed for by 丙副 on time; 丁 excused and away; 戊 excused but came;
    // 己 never answered and away; 庚 said 参加 and did not come.
    const ctx = approved();
    notifyMeeting(ctx, 'HY2026-0001');
    confirmAttendance(ctx, 'HY2026-0001', { person: '丁', answer: '请假' });
    confirmAttendance(ctx, 'HY2026-0001', { person: '戊', answer: '请假' });
    confirmAttendance(ctx, 'HY2026-0001', { person: '庚', answer: '参加' });
    ctx.setNow('2026-12-03T11:00');
    signIn(ctx, 'HY2026-0001', { person: '甲', at: at('2026-12-03 08:50') });
    signIn(ctx, 'HY2026-0001', { person: '乙', at: at('2026-12-03 09:12') });
    signIn(ctx, 'HY2026-0001', { person: '丙', proxy: '丙副', at: at('2026-12-03 08:58') });
    signIn(ctx, 'HY2026-0001', { person: '戊', at: at('2026-12-03 08:59') });
    const a = attendanceOf(ctx.db, getMeeting(ctx.db, 'HY2026-0001'));
    expect(a).toEqual({ expected: PEOPLE, present: ['甲', '乙', '丙', '戊'], excused: ['丁'], absent: ['己', '庚'], late: ['乙'], proxies: { 丙: '丙副' } });
    expect(a.present.length + a.excused.length + a.absent.length).toBe(a.expected.length);
  });
});

describe('checklist, decisions and wenmi due', () => {
  it('adds a checklist item once and marks it done once', () => {
    const ctx = approved();
    prepareItem(ctx, 'HY2026-0001', { item: '材料印制 20 份' });
    expectRefused(ctx, () => prepareItem(ctx, 'HY2026-0001', { item: '材料印制 20 份' }), 'meeting.prepExists', 'data');
    prepareItem(ctx, 'HY2026-0001', { item: '材料印制 20 份', done: true });
    expectRefused(ctx, () => prepareItem(ctx, 'HY2026-0001', { item: '材料印制 20 份', done: true }), 'meeting.prepDone', 'data');
    prepareItem(ctx, 'HY2026-0001', { item: '音响调试', done: true });
    expect(prepOf(ctx.db, getMeeting(ctx.db, 'HY2026-0001').id)).toEqual([
      { item: '材料印制 20 份', done: 1 },
      { item: '音响调试', done: 1 },
    ]);
    verified(ctx);
  });

  it('numbers decisions within the meeting, follows them up, and closes each once', () => {
    const ctx = approved();
    expectRefused(ctx, () => decide(ctx, 'HY2026-0001', { item: '事项', owner: '办公室', due: '2026-12-01' }), 'meeting.dueBeforeMeeting', 'usage');
    expectRefused(ctx, () => decide(ctx, 'HY2026-0001', { item: '事项' }), 'input.missing', 'usage');
    expect(decide(ctx, 'HY2026-0001', { item: '完成档案数字化', owner: '档案室', due: '2026-12-31' }).number).toBe('HY2026-0001-1');
    expect(decide(ctx, 'HY2026-0001', { item: '修订值班制度', owner: '办公室', due: '2026-12-10' }).number).toBe('HY2026-0001-2');
    expect(getDecision(ctx.db, 'hy2026-1-2').item).toBe('修订值班制度');
    expect(() => getDecision(ctx.db, 'HY2026-0001-9')).toThrow(/meeting.decisionNotFound/);
    expect(remindDecision(ctx, 'HY2026-0001-2', '电话催办').reminders).toBe(1);
    expectRefused(ctx, () => finishDecision(ctx, 'HY2026-0001-2', ' '), 'input.missing', 'usage');
    expect(finishDecision(ctx, 'HY2026-0001-2', '已印发').done_on).toBe('2026-11-27');
    expectRefused(ctx, () => finishDecision(ctx, 'HY2026-0001-2', '再办'), 'meeting.decisionDone', 'data');
    expectRefused(ctx, () => remindDecision(ctx, 'HY2026-0001-2', '再催'), 'meeting.decisionDone', 'data');
    expect(decisions(ctx.db, { open: true }).map((d) => d.number)).toEqual(['HY2026-0001-1']);
    expect(decisions(ctx.db, { owner: '办公室' }).map((d) => d.number)).toEqual(['HY2026-0001-2']);
    verified(ctx);
  });

  it('puts unanswered attendees in due from the day before, unfinished preparation on the day, open decisions until done', () => {
    const ctx = approved();
    notifyMeeting(ctx, 'HY2026-0001');
    for (const p of ['甲', '乙', '丙', '丁', '戊']) confirmAttendance(ctx, 'HY2026-0001', { person: p, answer: '参加' });
    prepareItem(ctx, 'HY2026-0001', { item: '音响调试' });
    prepareItem(ctx, 'HY2026-0001', { item: '桌签', done: true });
    decide(ctx, 'HY2026-0001', { item: '修订值班制度', owner: '办公室', due: '2026-12-10' });
    const due = (today: string) => collectDue(ctx.db, { meeting: meetingDeadlines }, today).map((r) => [r.ref, r.who, r.due, r.overdue]);
    expect(due('2026-12-01')).toEqual([['HY2026-0001-1', '办公室', '2026-12-10', false]]);
    expect(due('2026-12-02')).toEqual([
      ['HY2026-0001', '己', '2026-12-03', false],
      ['HY2026-0001', '庚', '2026-12-03', false],
      ['HY2026-0001-1', '办公室', '2026-12-10', false],
    ]);
    expect(due('2026-12-03')).toEqual([
      ['HY2026-0001', '己', '2026-12-03', false],
      ['HY2026-0001', '庚', '2026-12-03', false],
      ['HY2026-0001', null, '2026-12-03', false],
      ['HY2026-0001-1', '办公室', '2026-12-10', false],
    ]);
    expect(due('2026-12-04')).toEqual([['HY2026-0001-1', '办公室', '2026-12-10', false]]);
    expect(due('2026-12-11')).toEqual([['HY2026-0001-1', '办公室', '2026-12-10', true]]);
    finishDecision(ctx, 'HY2026-0001-1', '已印发');
    expect(due('2026-12-11')).toEqual([]);
  });

  it('masks a classified meeting and its decisions in due', () => {
    const ctx = testCtx();
    planMeeting(ctx, plan({ secret: '机密★10年', title: '绝不外传的会' }));
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    decide(ctx, 'HY2026-0001', { item: '绝不外传的事', owner: '办公室', due: '2026-12-10' });
    const text = JSON.stringify(meetingDeadlines(ctx.db, '2026-12-02'));
    expect(text).not.toContain('外传');
    expect(text).toContain('【机密】');
  });
});

describe('attendees from a file', () => {
  it('reads one name a line, or a CSV with 姓名 and 单位/职务 columns', () => {
    expect(parseAttendees('张三\n\n李四\r\n 王五 \n', 'a.txt')).toEqual([
      { name: '张三', unit: null },
      { name: '李四', unit: null },
      { name: '王五', unit: null },
    ]);
    expect(parseAttendees('序号,姓名,单位/职务\n1,张三,办公室主任\n2,"李四",\n', 'a.csv')).toEqual([
      { name: '张三', unit: '办公室主任' },
      { name: '李四', unit: null },
    ]);
    expect(parseAttendees('Name,Unit\nAnn,Office\n', 'a.csv')).toEqual([{ name: 'Ann', unit: 'Office' }]);
  });

  it('refuses the whole file listing every bad line, or a file with no names', () => {
    let e: unknown;
    try {
      parseAttendees(`姓名,单位\n张三,办公室\n,财务科\n张三,档案室\n${'长'.repeat(101)},x\n`, 'a.csv');
    } catch (x) {
      e = x;
    }
    expect(e).toMatchObject({ code: 'meeting.attendeesFile', params: { count: 3 } });
    expect(String((e as { params: { problems: string } }).params.problems)).toMatch(/line 3.*\n.*line 4.*\n.*line 5/);
    expect(() => parseAttendees('\n \n', 'a.txt')).toThrow(/meeting.attendeesEmpty/);
    expect(() => parseAttendees('姓名\n"张三\n', 'a.csv')).toThrow(/csv.unterminated/);
  });
});
