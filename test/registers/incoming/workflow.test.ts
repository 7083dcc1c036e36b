import { describe, expect, it } from 'vitest';
import { collectDue } from '../../../src/core/deadlines.js';
import { setSetting } from '../../../src/core/settings.js';
import { writeTx } from '../../../src/core/db.js';
import { backIncoming, copiesOf, handIncoming } from '../../../src/registers/incoming/custody.js';
import { historySteps, monthReport } from '../../../src/registers/incoming/report.js';
import { correctIncoming, fileIncoming, getIncoming, receiveIncoming, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { settings } from '../../../src/registers/incoming/settings.js';
import {
  assignIncoming,
  closeIncoming,
  deadlineOf,
  incomingDeadlines,
  instructIncoming,
  proposeIncoming,
  remindIncoming,
  replyIncoming,
  reviewIncoming,
} from '../../../src/registers/incoming/workflow.js';
import { expectRefused, testCtx } from '../../helpers.js';
import { now, verified } from './support.js';

describe('an ordinary document through the whole workflow', () => {
  it('receive → review → propose → two instructions → assign → hand around → remind → reply → back → close → file', () => {
    const ctx = testCtx('2026-11-20T09:00');
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市财政局', title: '关于编报2027年部门预算的通知', copies: 2 });
    expect(copiesOf(ctx.db, doc).map((c) => [c.copy, c.status, c.holder])).toEqual([
      ['1', '在秘书室', '秘书室'],
      ['2', '在秘书室', '秘书室'],
    ]);

    expectRefused(ctx, () => proposeIncoming(ctx, doc.number, '拟请张局长阅示'), 'incoming.notReviewed', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '张局长' }), 'incoming.notReviewed', 'data');
    expectRefused(ctx, () => replyIncoming(ctx, doc.number, '已办'), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => reviewIncoming(ctx, doc.number, {}), 'incoming.reviewChoice', 'usage');
    expectRefused(ctx, () => reviewIncoming(ctx, doc.number, { accept: true, return: true }), 'incoming.reviewChoice', 'usage');

    expect(reviewIncoming(ctx, doc.number, { accept: true }).state).toBe('已登记');
    expectRefused(ctx, () => reviewIncoming(ctx, doc.number, { accept: true }), 'incoming.alreadyReviewed', 'data');
    expectRefused(ctx, () => proposeIncoming(ctx, doc.number, ' '), 'input.missing', 'usage');
    proposeIncoming(ctx, doc.number, '拟请张局长阅示，财务科办理');
    instructIncoming(ctx, doc.number, { leader: '张局长', text: '请财务科抓紧办理' });
    expectRefused(ctx, () => instructIncoming(ctx, doc.number, { leader: '李副局长', text: '同意', date: '2026-11-21' }), 'incoming.instructInFuture', 'usage');
    expectRefused(ctx, () => instructIncoming(ctx, doc.number, { leader: '李副局长', text: '同意', date: '2026-11-19' }), 'incoming.instructBeforeReceipt', 'usage');
    expectRefused(ctx, () => instructIncoming(ctx, doc.number, { text: '同意' }), 'input.missing', 'usage');
    instructIncoming(ctx, doc.number, { leader: '李副局长', text: '同意张局长意见' });

    // the first hand-over puts it into circulation
    const h = handIncoming(ctx, doc.number, { to: '张局长', count: 2 });
    expect(h.copies).toEqual(['1', '2']);
    expect(getIncoming(ctx.db, doc.number).state).toBe('传阅中');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科' }), 'incoming.notEnoughHeld', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['1'], from: '李四' }), 'incoming.notHolder', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['3'], from: '张局长' }), 'incoming.noSuchCopy', 'usage');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '张局长', from: '张局长' }), 'incoming.handToSelf', 'usage');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['1'], count: 1, from: '张局长' }), 'incoming.copyOrCopies', 'usage');

    expectRefused(ctx, () => assignIncoming(ctx, doc.number, { lead: '财务科,人事科' }), 'incoming.oneLead', 'usage');
    expectRefused(ctx, () => assignIncoming(ctx, doc.number, { lead: '财务科', assist: ['办公室', '财务科'] }), 'incoming.leadAlsoAssist', 'usage');
    expectRefused(ctx, () => assignIncoming(ctx, doc.number, { lead: '财务科', deadline: '2026-11-19' }), 'incoming.deadlinePast', 'usage');
    expect(assignIncoming(ctx, doc.number, { lead: '财务科', assist: ['办公室'], deadline: '2026-11-30' }).state).toBe('承办中');
    expectRefused(ctx, () => assignIncoming(ctx, doc.number, { lead: '人事科' }), 'incoming.reassignReason', 'usage');
    expectRefused(ctx, () => proposeIncoming(ctx, doc.number, '晚了'), 'incoming.wrongState', 'data');

    handIncoming(ctx, doc.number, { to: '财务科', from: '张局长', copies: ['1'] });
    expect(getIncoming(ctx.db, doc.number).state).toBe('承办中');
    const r = remindIncoming(ctx, doc.number, '电话催办');
    expect(r).toMatchObject({ to: '财务科', count: 1 });

    expectRefused(ctx, () => closeIncoming(ctx, doc.number), 'incoming.closeNeedsReply', 'data');
    replyIncoming(ctx, doc.number, '已按要求报送预算草案');
    expectRefused(ctx, () => closeIncoming(ctx, doc.number), 'incoming.copiesOut', 'data');
    expectRefused(ctx, () => closeIncoming(ctx, doc.number, { force: true }), 'incoming.reasonRequired', 'usage');
    ctx.setNow('2026-11-25T16:00');
    expect(backIncoming(ctx, doc.number, { all: true }).copies).toEqual([
      { copy: '1', from: '财务科' },
      { copy: '2', from: '张局长' },
    ]);
    expectRefused(ctx, () => backIncoming(ctx, doc.number, { copies: ['1'] }), 'incoming.alreadyBack', 'data');
    expectRefused(ctx, () => backIncoming(ctx, doc.number, { all: true }), 'incoming.nothingOut', 'data');
    expect(closeIncoming(ctx, doc.number).state).toBe('已办结');

    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科' }), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => remindIncoming(ctx, doc.number), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => closeIncoming(ctx, doc.number), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => assignIncoming(ctx, doc.number, { lead: '人事科', reason: 'x' }), 'incoming.wrongState', 'data');

    expect(fileIncoming(ctx, doc.number).state).toBe('已归档');
    const steps = historySteps(ctx.db, getIncoming(ctx.db, doc.number), false).map((s) => s.step);
    expect(steps).toEqual(['receive', 'review', 'propose', 'instruct', 'instruct', 'hand', 'assign', 'hand', 'remind', 'reply', 'back', 'close', 'file']);
    verified(ctx);
  });

  it('a document returned at first review is closed as 退回 and takes no further step', () => {
    const ctx = testCtx();
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '某公司', title: '关于商请赞助的函' });
    expectRefused(ctx, () => reviewIncoming(ctx, doc.number, { return: true }), 'incoming.reasonRequired', 'usage');
    expect(reviewIncoming(ctx, doc.number, { return: true, reason: '不属于本单位职责' }).state).toBe('退回');
    expectRefused(ctx, () => reviewIncoming(ctx, doc.number, { accept: true }), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => proposeIncoming(ctx, doc.number, 'x'), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '张局长' }), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => backIncoming(ctx, doc.number, { all: true }), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => closeIncoming(ctx, doc.number), 'incoming.wrongState', 'data');
    expectRefused(ctx, () => fileIncoming(ctx, doc.number), 'incoming.cannotFile', 'data');
    expect(copiesOf(ctx.db, getIncoming(ctx.db, doc.number))[0]!.status).toBe('已退回');
    verified(ctx);
  });

  it('a document kept for reference closes straight after review; copies are frozen against correction once they moved', () => {
    const ctx = testCtx();
    const a = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市统计局', title: '统计简报', copies: 2 });
    expectRefused(ctx, () => closeIncoming(ctx, a.number), 'incoming.notReviewed', 'data');
    reviewIncoming(ctx, a.number, { accept: true });
    expect(closeIncoming(ctx, a.number).state).toBe('已办结');

    const b = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市统计局', title: '统计简报二', copies: 2 });
    correctIncoming(ctx, b.number, { copies: 3 }, '点错份数');
    reviewIncoming(ctx, b.number, { accept: true });
    handIncoming(ctx, b.number, { to: '张局长' });
    expectRefused(ctx, () => correctIncoming(ctx, b.number, { copies: 4 }, '又点错'), 'incoming.copiesFrozen', 'data');
    correctIncoming(ctx, b.number, { pages: 2 }, '补页数');
    verified(ctx);
  });

  it('the secretariat is a setting: copies come home to whatever it is called', () => {
    const ctx = testCtx();
    writeTx(ctx.db, () => setSetting(ctx, settings, 'incoming.secretariat', '综合科'));
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' });
    reviewIncoming(ctx, doc.number, { accept: true });
    handIncoming(ctx, doc.number, { to: '张局长' });
    backIncoming(ctx, doc.number, { copies: ['1'] });
    expect(copiesOf(ctx.db, doc)[0]).toMatchObject({ status: '在秘书室', holder: '综合科' });
    verified(ctx);
  });
});

describe('an urgent document whose deadline passes', () => {
  it('feeds the deadline engine with who acts and its reminders, is overdue after the deadline, and is reported late', () => {
    const ctx = testCtx('2026-11-20T09:00');
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市政府办公室', title: '关于报送安全生产检查情况的紧急通知', urgency: '特急', deadline: '2026-11-24' });
    const sources = { incoming: incomingDeadlines };
    expect(collectDue(ctx.db, sources, '2026-11-20')).toMatchObject([{ ref: doc.number, due: '2026-11-24', days: 4, overdue: false, who: '秘书室', reminders: 0, lastReminder: null }]);

    reviewIncoming(ctx, doc.number, { accept: true });
    assignIncoming(ctx, doc.number, { lead: '安全科' });
    expect(deadlineOf(ctx.db, getIncoming(ctx.db, doc.number))).toBe('2026-11-24'); // kept from receipt
    ctx.setNow('2026-11-23T10:15');
    remindIncoming(ctx, doc.number, '明日到期');
    ctx.setNow('2026-11-26T08:00');
    remindIncoming(ctx, doc.number, '已逾期，请即报');
    const due = collectDue(ctx.db, sources, '2026-11-26');
    expect(due).toMatchObject([{ ref: doc.number, days: -2, overdue: true, who: '安全科', reminders: 2, lastReminder: '2026-11-26 08:00' }]);

    // a new assignment may move the deadline; it is the one in force from then on
    assignIncoming(ctx, doc.number, { lead: '安全科', deadline: '2026-11-28', reason: '领导同意延期' });
    expect(collectDue(ctx.db, sources, '2026-11-26')[0]).toMatchObject({ due: '2026-11-28', overdue: false });

    ctx.setNow('2026-11-29T09:00');
    replyIncoming(ctx, doc.number, '已报送');
    closeIncoming(ctx, doc.number);
    expect(collectDue(ctx.db, sources, '2026-11-29')).toEqual([]);

    const report = monthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-29');
    expect(report).toMatchObject({ received: 1, handled: 1, onTime: 0, late: 1, averageDays: 9, bySender: [{ sender: '市政府办公室', count: 1 }], byState: [{ state: '已办结', count: 1 }] });
    verified(ctx);
  });

  it('the month report counts by sender and state, on time, late, open overdue and the average days', () => {
    const ctx = testCtx('2026-11-02T09:00');
    const r = (sender: string, title: string, deadline?: string) => receiveIncoming(ctx, { receivedAt: now(ctx), sender, title, deadline });
    const a = r('市财政局', 'A', '2026-11-10');
    const b = r('市财政局', 'B', '2026-11-05');
    const c = r('市人社局', 'C');
    const d = r('市人社局', 'D', '2026-11-04');
    const e = r('市人社局', 'E');
    voidIncoming(ctx, e.number, '重复登记');
    for (const x of [a, b, c, d]) reviewIncoming(ctx, x.number, { accept: true });
    ctx.setNow('2026-11-06T09:00');
    closeIncoming(ctx, a.number); // 4 days, on time
    closeIncoming(ctx, b.number); // 4 days, late
    ctx.setNow('2026-11-12T09:00');
    closeIncoming(ctx, c.number); // 10 days, no deadline
    const report = monthReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-12');
    expect(report).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      received: 5,
      bySender: [
        { sender: '市人社局', count: 2 },
        { sender: '市财政局', count: 2 },
      ],
      byState: [
        { state: '已办结', count: 3 },
        { state: '作废', count: 1 },
        { state: '已登记', count: 1 },
      ],
      onTime: 1,
      late: 1,
      noDeadline: 1,
      openOverdue: 1,
      handled: 3,
      averageDays: 6,
    });
    expect(d.state).toBe('已登记');
    verified(ctx);
  });
});
