/** Rules found wanting in review: bounds, the number series a correction must stay in, input as people type it. */
import { writeTx } from '../../../src/core/db.js';
import { addLink } from '../../../src/core/links.js';
import { describe, expect, it } from 'vitest';
import { retireIncoming, handIncoming } from '../../../src/registers/incoming/custody.js';
import { historySteps } from '../../../src/registers/incoming/report.js';
import { correctIncoming, fileIncoming, getIncoming, handlingNote, MAX_COPIES, MAX_PAGES, receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { closeIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { expectRefused, testCtx } from '../../helpers.js';
import { now, verified } from './support.js';

describe('counts that each copy is tracked by', () => {
  it('refuses a number of copies or pages past its bound (a mistyped 1e20 once registered and then crashed where, hand and close)', () => {
    const ctx = testCtx();
    const base = { receivedAt: now(ctx), sender: 'A', title: 'T' };
    expectRefused(ctx, () => receiveIncoming(ctx, { ...base, copies: 1e20 }), 'incoming.copies', 'usage');
    expectRefused(ctx, () => receiveIncoming(ctx, { ...base, copies: MAX_COPIES + 1 }), 'incoming.copies', 'usage');
    expectRefused(ctx, () => receiveIncoming(ctx, { ...base, pages: MAX_PAGES + 1 }), 'incoming.pages', 'usage');
    const doc = receiveIncoming(ctx, { ...base, copies: MAX_COPIES, pages: MAX_PAGES });
    expectRefused(ctx, () => correctIncoming(ctx, doc.number, { copies: 1e20 }, '点错'), 'incoming.copies', 'usage');
    reviewIncoming(ctx, doc.number, { accept: true });
    expect(handIncoming(ctx, doc.number, { to: '张局长', count: 2 }).copies).toEqual(['1', '2']);
    verified(ctx);
  });
});

describe('a correction stays in the number series of its document', () => {
  it('refuses moving the receipt date into another year: 2026-0001 cannot become a document received in 2025', () => {
    const ctx = testCtx();
    const doc = receiveIncoming(ctx, { receivedAt: '2026-11-27T09:00:00+08:00', sender: 'A', title: 'T' });
    expectRefused(ctx, () => correctIncoming(ctx, doc.number, { receivedAt: '2025-12-31T17:00:00+08:00' }, '日期录错'), 'incoming.changesYear', 'usage');
    expect(correctIncoming(ctx, doc.number, { receivedAt: '2026-01-05T10:00:00+08:00' }, '日期录错').received_on).toBe('2026-01-05');
    verified(ctx);
  });

  it('refuses a receipt time after the registration (the month report once counted negative handling days)', () => {
    const ctx = testCtx('2026-11-20T09:30');
    const doc = receiveIncoming(ctx, { receivedAt: '2026-11-20T09:00:00+00:00', sender: 'A', title: 'T' });
    ctx.setNow('2026-11-25T09:30');
    expectRefused(ctx, () => correctIncoming(ctx, doc.number, { receivedAt: '2026-11-24T09:00:00+00:00' }, '时间录错'), 'incoming.receivedAfterRegistration', 'usage');
    expect(correctIncoming(ctx, doc.number, { receivedAt: '2026-11-20T08:15:00+00:00' }, '时间录错').received_at).toBe('2026-11-20T08:15:00+00:00');
    verified(ctx);
  });

  it('names the series, not the 份号, when a correction would make a document classified or ordinary', () => {
    const ctx = testCtx();
    const m = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '1' });
    const o = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' });
    expectRefused(ctx, () => correctIncoming(ctx, m.number, { secret: '' }, 'x'), 'incoming.changesSeries', 'usage');
    expectRefused(ctx, () => correctIncoming(ctx, o.number, { secret: '秘密' }, 'x'), 'incoming.changesSeries', 'usage');
    expect(correctIncoming(ctx, m.number, { secret: '机密★10年' }, '密级录错').secret_level).toBe('机密');
    verified(ctx);
  });
});

describe('input as people type it', () => {
  it('finds a document by a short or lower-case number', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' });
    receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '1' });
    expect(getIncoming(ctx.db, '2026-1').number).toBe('2026-0001');
    expect(getIncoming(ctx.db, ' m2026-01 ').number).toBe('M2026-0001');
    expectRefused(ctx, () => getIncoming(ctx.db, '2026-2'), 'incoming.notFound', 'data');
  });

  it('takes two witnesses written `A,B` as well as repeated, and still refuses the same person twice', () => {
    const ctx = testCtx();
    const m = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '1', copies: 2 });
    expectRefused(ctx, () => retireIncoming(ctx, m.number, { copies: ['1'], how: '销毁', witnesses: ['王秘书，王秘书'] }), 'incoming.witnessesDistinct', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, m.number, { copies: ['1'], how: '销毁', witnesses: ['王秘书,'] }), 'incoming.twoWitnesses', 'usage');
    expect(retireIncoming(ctx, m.number, { copies: ['1'], how: '销毁', witnesses: ['王秘书、赵保密员'] }).witnesses).toEqual(['王秘书', '赵保密员']);
    verified(ctx);
  });
});

describe('hand-overs', () => {
  it('refuse a list of names as the receiver or the giver: a copy has one holder', () => {
    const ctx = testCtx();
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', copies: 2 });
    reviewIncoming(ctx, doc.number, { accept: true });
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '张局长,李四' }), 'incoming.oneHolder', 'usage');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '张局长、李四' }), 'incoming.oneHolder', 'usage');
    handIncoming(ctx, doc.number, { to: '张局长' });
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { from: '张局长，李四', to: '财务科' }), 'incoming.oneHolder', 'usage');
    verified(ctx);
  });
});

describe('the paper book', () => {
  it('writes the archive number of a filed document under 处理情况, as the secretary would', () => {
    const ctx = testCtx();
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' });
    reviewIncoming(ctx, doc.number, { accept: true });
    expect(handlingNote(ctx.db, closeIncoming(ctx, doc.number))).toBe('已办结');
    // as the archive register files it: the item's link to the document, then the document's state
    const filed = writeTx(ctx.db, () => {
      addLink(ctx, 'filed-from', { register: 'archive', ref: 'Z001-WS·2026-Y-BGS-0001' }, { register: 'incoming', ref: doc.number });
      return fileIncoming(ctx, doc.number);
    });
    expect(handlingNote(ctx.db, filed)).toBe('已归档：Z001-WS·2026-Y-BGS-0001');
    verified(ctx);
  });
});

describe('history', () => {
  it('shows the title as it was received, and a correction as its own step', () => {
    const ctx = testCtx();
    const m = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市委', title: '旧标题', secret: '机密', copyNo: '3' });
    correctIncoming(ctx, m.number, { title: '新标题' }, '标题录错');
    const row = getIncoming(ctx.db, m.number);
    expect(historySteps(ctx.db, row, false).map((s) => s.detail)).toEqual(['市委: 【机密】 (1 copy)', 'corrected title']);
    expect(historySteps(ctx.db, row, true)[0]!.detail).toBe('市委: 旧标题 (1 copy)');
    verified(ctx);
  });
});
