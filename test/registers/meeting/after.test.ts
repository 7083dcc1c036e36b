import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../../src/core/dates.js';
import { fixedClock } from '../../../src/core/clock.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { addExpense, approveMinutes, closeMeeting, draftMinutes, minutesState, moveMaterials, sendMinutes, settleMeeting } from '../../../src/registers/meeting/after.js';
import { decide, decisions } from '../../../src/registers/meeting/followup.js';
import { approveMeeting, getMeeting, planMeeting } from '../../../src/registers/meeting/rules.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';

const at = (text: string) => parseMoment(text, fixedClock('2026-11-27T09:30'));

/** HY2026-0001 (budget 3000 yuan) on 12-03 09:00–11:00, approved; HY2026-0002 classified, same day, approved. The clock at 12-03 08:00. */
function meetings() {
  const ctx = testCtx();
  const base = { start: at('2026-12-03 09:00'), end: at('2026-12-03 11:00'), host: '周主任', attendees: [{ name: '甲' }] };
  planMeeting(ctx, { ...base, title: '季度工作会', room: '一室', budget: 300000 });
  planMeeting(ctx, { ...base, title: '保密工作会', room: '二室', secret: '秘密★5年' });
  approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
  approveMeeting(ctx, 'HY2026-0002', { approver: '吴局长' });
  ctx.setNow('2026-12-03T08:00');
  return ctx;
}

describe('after the meeting', () => {
  it('drafts minutes only once the meeting has started, redrafts them until approved, approves by another, sends approved ones', () => {
    const ctx = meetings();
    expectRefused(ctx, () => draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '纪要' }), 'meeting.notHeldYet', 'data');
    expectRefused(ctx, () => approveMinutes(ctx, 'HY2026-0001', { approver: '吴局长' }), 'meeting.noMinutes', 'data');
    ctx.setNow('2026-12-03T11:30');
    draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '初稿' });
    const again = draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '二稿' });
    expect([again.minutes.year, again.minutes.serial, again.minutes.summary]).toEqual([2026, 1, '二稿']);
    expect(draftMinutes(ctx, 'HY2026-0002', { drafter: '王秘书', summary: '密' }).minutes.serial).toBe(2);
    expectRefused(ctx, () => sendMinutes(ctx, 'HY2026-0001', { to: ['办公室'] }), 'meeting.minutesNotApproved', 'data');
    expectRefused(ctx, () => approveMinutes(ctx, 'HY2026-0001', { approver: '王秘书' }), 'meeting.approverIsDrafter', 'data');
    approveMinutes(ctx, 'HY2026-0001', { approver: '吴局长' });
    expectRefused(ctx, () => draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '三稿' }), 'meeting.minutesApproved', 'data');
    expectRefused(ctx, () => sendMinutes(ctx, 'HY2026-0001', { to: [' '] }), 'input.missing', 'usage');
    sendMinutes(ctx, 'HY2026-0001', { to: ['办公室,财务科', '档案室'] });
    expect(minutesState(ctx.db, getMeeting(ctx.db, 'HY2026-0001'))).toMatchObject({ approvedBy: '吴局长', sentTo: ['办公室', '财务科', '档案室'] });
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('tracks classified copies out, never takes back more than are out, and cannot close while one is out', () => {
    const ctx = meetings();
    expectRefused(ctx, () => moveMaterials(ctx, 'HY2026-0001', { issued: 3 }), 'meeting.materialsOnlyClassified', 'data');
    expectRefused(ctx, () => moveMaterials(ctx, 'HY2026-0002', { issued: 3, recovered: 1 }), 'meeting.materialsOneOf', 'usage');
    expect(moveMaterials(ctx, 'HY2026-0002', { issued: 12 }).out).toBe(12);
    expect(moveMaterials(ctx, 'HY2026-0002', { recovered: 10 }).out).toBe(2);
    expectRefused(ctx, () => moveMaterials(ctx, 'HY2026-0002', { recovered: 3 }), 'meeting.recoverTooMany', 'data');
    ctx.setNow('2026-12-03T11:30');
    expect(expectRefused(ctx, () => closeMeeting(ctx, 'HY2026-0002'), 'meeting.copiesOut', 'data').params).toMatchObject({ out: 2, issued: 12 });
    moveMaterials(ctx, 'HY2026-0002', { recovered: 2 });
    expect(closeMeeting(ctx, 'HY2026-0002').state).toBe('已结束');
  });

  it('settles expenses against the budget once, and closes only when over, minutes approved and expenses settled', () => {
    const ctx = meetings();
    expectRefused(ctx, () => settleMeeting(ctx, 'HY2026-0001', { approver: '财务科长' }), 'meeting.noExpenses', 'data');
    addExpense(ctx, 'HY2026-0001', { item: '茶歇', amount: 48000, invoice: '04451234' });
    expect(addExpense(ctx, 'HY2026-0001', { item: '材料印制', amount: 12050 }).spent).toBe(60050);
    expectRefused(ctx, () => addExpense(ctx, 'HY2026-0001', { item: '白送', amount: 0 }), 'meeting.amount', 'usage');
    expectRefused(ctx, () => closeMeeting(ctx, 'HY2026-0001'), 'meeting.notOverYet', 'data');
    ctx.setNow('2026-12-03T11:30');
    draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '纪要' });
    expectRefused(ctx, () => closeMeeting(ctx, 'HY2026-0001'), 'meeting.minutesNotApproved', 'data');
    approveMinutes(ctx, 'HY2026-0001', { approver: '吴局长' });
    expectRefused(ctx, () => closeMeeting(ctx, 'HY2026-0001'), 'meeting.notSettled', 'data');
    expect(settleMeeting(ctx, 'HY2026-0001', { approver: '财务科长' })).toMatchObject({ spent: 60050, budget: 300000 });
    expectRefused(ctx, () => settleMeeting(ctx, 'HY2026-0001', { approver: '财务科长' }), 'meeting.settled', 'data');
    expectRefused(ctx, () => addExpense(ctx, 'HY2026-0001', { item: '晚到的发票', amount: 100 }), 'meeting.settled', 'data');
    decide(ctx, 'HY2026-0001', { item: '修订值班制度', owner: '办公室', due: '2026-12-10' });
    expect(closeMeeting(ctx, 'HY2026-0001').state).toBe('已结束');
    expectRefused(ctx, () => closeMeeting(ctx, 'HY2026-0001'), 'meeting.wrongState', 'data');
    expectRefused(ctx, () => decide(ctx, 'HY2026-0001', { item: '再议', owner: '办公室', due: '2026-12-10' }), 'meeting.wrongState', 'data');
    expect(decisions(ctx.db, { open: true }).map((d) => d.number)).toEqual(['HY2026-0001-1']);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });
});
