/** The relay register's rules on an in-memory database with a fixed clock. */
import { describe, expect, it } from 'vitest';
import { writeTx } from '../../../src/core/db.js';
import { setSetting } from '../../../src/core/settings.js';
import { buildRegistry } from '../../../src/cli/registry.js';
import { confirmRelay, getRelay, markSent, relayDeadlines, relayDown, relayUp, stateOf, unconfirmed, voidRelay } from '../../../src/registers/relay/rules.js';
import { relayReport } from '../../../src/registers/relay/report.js';
import { expectRefused, testCtx } from '../../helpers.js';

const call = { source: '市委办公室', summary: '明早8点全体干部大会', to: ['李局长', '办公室', '人事科'], caller: '张处长' };
const secret = { source: '市委机要局', summary: '某项部署', secret: '机密★10年', channel: '机要', circle: ['李局长', '王副局长'], to: ['李局长'] };

describe('relay down and up: numbers', () => {
  it('gives each direction its own series per year, classified entries apart, and a call the phone as channel', () => {
    const ctx = testCtx('2026-11-27T09:30');
    const a = relayDown(ctx, call);
    expect(a.number).toBe('CD2026-0001');
    expect(a.channel).toBe('电话');
    expect(a.caller).toBe('张处长');
    expect(relayDown(ctx, { ...call, caller: null, channel: '文件' }).number).toBe('CD2026-0002');
    expect(relayUp(ctx, { to: '市委办公室', summary: '本周信访情况' }).number).toBe('SB2026-0001');
    expect(relayDown(ctx, secret).number).toBe('MCD2026-0001');
    expect(relayUp(ctx, { to: '市委办公室', summary: '涉密情况', secret: '秘密', channel: '专人' }).number).toBe('MSB2026-0001');
    ctx.setNow('2027-01-02T09:00');
    expect(relayDown(ctx, { ...call, receivedAt: '2027-01-01T10:00:00+08:00' }).number).toBe('CD2027-0001');
    expect(relayDown(ctx, { ...call, receivedAt: '2026-12-31T10:00:00+08:00' }).number).toBe('CD2026-0003');
  });

  it('finds an entry as typed: lower case, no padding, full width', () => {
    const ctx = testCtx();
    relayDown(ctx, call);
    expect(getRelay(ctx.db, 'cd2026-1').number).toBe('CD2026-0001');
    expect(getRelay(ctx.db, 'ＣＤ２０２６－０００１').number).toBe('CD2026-0001');
    expectRefused(ctx, () => getRelay(ctx.db, 'CD2026-0002'), 'relay.notFound', 'data');
    expectRefused(ctx, () => getRelay(ctx.db, '2026-0001'), 'relay.notFound', 'data');
  });

  it('refuses what is missing or in the future, writing nothing', () => {
    const ctx = testCtx();
    expectRefused(ctx, () => relayDown(ctx, { ...call, summary: ' ' }), /--summary/, 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, to: [] }), /--to/, 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, to: ['李局长', ''] }), 'relay.emptyName', 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, receivedAt: '2026-11-27T10:00:00+00:00' }), 'relay.inFuture', 'usage');
    expectRefused(ctx, () => relayUp(ctx, { to: '', summary: 'x' }), /--to/, 'usage');
    expectRefused(ctx, () => relayUp(ctx, { to: '市委', summary: 'x', sentAt: '2026-11-28T09:00:00+08:00' }), 'relay.inFuture', 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, confirmBy: '2026-11-30' }), 'relay.confirmByOnlyImportant', 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, important: true, confirmBy: '2026-11-01' }), 'relay.confirmByBeforeEntry', 'usage');
  });
});

describe('classified information', () => {
  it('goes only by 机要, 专人 or 会议 (exit 1), to its circle only (exit 1); it needs a circle and only it has one (exit 2)', () => {
    const ctx = testCtx();
    expectRefused(ctx, () => relayDown(ctx, { ...secret, channel: '短信' }), 'relay.insecureChannel', 'data');
    expectRefused(ctx, () => relayDown(ctx, { ...secret, channel: undefined, caller: '张处长' }), 'relay.insecureChannel', 'data');
    expectRefused(ctx, () => relayUp(ctx, { to: '市委', summary: 'x', secret: '秘密', channel: '电话' }), 'relay.insecureChannel', 'data');
    const outside = expectRefused(ctx, () => relayDown(ctx, { ...secret, to: ['李局长', '赵科员'] }), 'relay.outsideCircle', 'data');
    expect(outside.params.names).toBe('赵科员');
    expectRefused(ctx, () => relayDown(ctx, { ...secret, circle: [] }), 'relay.circleRequired', 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...call, circle: ['李局长'] }), 'relay.circleOnlyClassified', 'usage');
    expectRefused(ctx, () => relayDown(ctx, { ...secret, secret: '机密★99年' }), 'secret.tooLong', 'usage');
    for (const channel of ['机要', '专人', '会议']) expect(relayDown(ctx, { ...secret, channel }).secret_level).toBe('机密');
  });
});

describe('confirmations', () => {
  it('takes each recipient once; an important entry is 已确认 when everyone has', () => {
    const ctx = testCtx('2026-11-27T09:30');
    const row = relayDown(ctx, { ...call, important: true });
    expect(row.confirm_by).toBe('2026-11-28');
    expect(stateOf(row)).toBe('待确认');
    confirmRelay(ctx, 'CD2026-0001', '李局长');
    expectRefused(ctx, () => confirmRelay(ctx, 'CD2026-0001', '李局长'), 'relay.alreadyConfirmed', 'data');
    expectRefused(ctx, () => confirmRelay(ctx, 'CD2026-0001', '赵科员'), 'relay.notRecipient', 'data');
    expectRefused(ctx, () => confirmRelay(ctx, 'CD2026-0001', '办公室', '2026-11-27T08:00:00+08:00'), 'relay.beforeEntry', 'usage');
    expectRefused(ctx, () => confirmRelay(ctx, 'CD2026-0001', '办公室', '2026-11-28T08:00:00+08:00'), 'relay.inFuture', 'usage');
    expect(unconfirmed(ctx.db, getRelay(ctx.db, 'CD2026-0001'))).toEqual(['办公室', '人事科']);
    confirmRelay(ctx, 'CD2026-0001', ' 办公室 ');
    const done = confirmRelay(ctx, 'CD2026-0001', '人事科');
    expect([done.confirmed, stateOf(done)]).toEqual([3, '已确认']);
  });

  it('refuses to confirm a report up or a void entry, and to send a passing-on down', () => {
    const ctx = testCtx();
    relayDown(ctx, call);
    relayUp(ctx, { to: '市委办公室', summary: '情况' });
    expectRefused(ctx, () => confirmRelay(ctx, 'SB2026-0001', '市委办公室'), 'relay.confirmOnlyDown', 'data');
    expectRefused(ctx, () => markSent(ctx, 'CD2026-0001'), 'relay.sentOnlyUp', 'data');
    expectRefused(ctx, () => voidRelay(ctx, 'CD2026-0001', ' '), /--reason/, 'usage');
    expect(stateOf(voidRelay(ctx, 'CD2026-0001', '重复登记'))).toBe('作废');
    expectRefused(ctx, () => voidRelay(ctx, 'CD2026-0001', '再次'), 'relay.alreadyVoid', 'data');
    expectRefused(ctx, () => confirmRelay(ctx, 'CD2026-0001', '李局长'), 'relay.isVoid', 'data');
  });

  it('takes the confirm-by day from the setting relay.confirm-days unless given', () => {
    const ctx = testCtx('2026-11-27T09:30');
    const { settings } = buildRegistry();
    writeTx(ctx.db, () => setSetting(ctx, settings, 'relay.confirm-days', '3'));
    expect(relayDown(ctx, { ...call, important: true }).confirm_by).toBe('2026-11-30');
    expect(relayDown(ctx, { ...call, important: true, confirmBy: '2026-11-27' }).confirm_by).toBe('2026-11-27');
    expect(relayDown(ctx, call).confirm_by).toBeNull();
    expect(() => setSetting(ctx, settings, 'relay.confirm-days', '31')).toThrow(/relay.setting.days/);
  });
});

describe('reports up', () => {
  it('wait for `relay sent` when they have a deadline and were not sent; are sent at once otherwise', () => {
    const ctx = testCtx('2026-11-27T09:30');
    expect(stateOf(relayUp(ctx, { to: '市委办公室', summary: '本周信访情况' }))).toBe('已报送');
    const pending = relayUp(ctx, { to: '市政府办公室', summary: '第四季度安全生产情况', deadline: '2026-12-05' });
    expect([stateOf(pending), pending.sent_at]).toEqual(['待报送', null]);
    const early = relayUp(ctx, { to: '市政府办公室', summary: '月报', deadline: '2026-12-05', sentAt: '2026-11-27T08:00:00+08:00' });
    expect(stateOf(early)).toBe('已报送');
    ctx.setNow('2026-12-06T10:00');
    const sent = markSent(ctx, 'SB2026-0002');
    expect(stateOf(sent)).toBe('已报送');
    expectRefused(ctx, () => markSent(ctx, 'SB2026-0002'), 'relay.alreadySent', 'data');
  });
});

describe('due: what relay contributes to `wenmi due`', () => {
  it('lists important entries still missing confirmations (who is missing) and reports not yet sent, masked when classified', () => {
    const ctx = testCtx('2026-11-27T09:30');
    relayDown(ctx, { ...call, important: true });
    relayDown(ctx, call);
    relayDown(ctx, { ...secret, important: true, confirmBy: '2026-11-29' });
    relayUp(ctx, { to: '市政府办公室', summary: '安全生产情况', deadline: '2026-12-05' });
    relayUp(ctx, { to: '市委办公室', summary: '信访情况' });
    confirmRelay(ctx, 'CD2026-0001', '李局长');
    expect(relayDeadlines(ctx.db, '2026-11-27')).toEqual([
      { register: 'relay', ref: 'CD2026-0001', what: '明早8点全体干部大会', who: '办公室、人事科', due: '2026-11-28' },
      { register: 'relay', ref: 'MCD2026-0001', what: '【机密】', who: '李局长', due: '2026-11-29' },
      { register: 'relay', ref: 'SB2026-0001', what: '安全生产情况', who: '市政府办公室', due: '2026-12-05' },
    ]);
    confirmRelay(ctx, 'CD2026-0001', '办公室');
    confirmRelay(ctx, 'CD2026-0001', '人事科');
    voidRelay(ctx, 'MCD2026-0001', '误登');
    markSent(ctx, 'SB2026-0001');
    expect(relayDeadlines(ctx.db, '2026-11-27')).toEqual([]);
  });
});

describe('the month report', () => {
  it('counts entries, confirmations (late ones by name) and reports sent on time or late', () => {
    const ctx = testCtx('2026-11-27T09:30');
    relayDown(ctx, { ...call, important: true, confirmBy: '2026-11-27' });
    relayDown(ctx, { ...call, caller: null, channel: '文件', summary: '通知' });
    relayUp(ctx, { to: '市政府办公室', summary: '情况', deadline: '2026-11-27' });
    relayUp(ctx, { to: '市政府办公室', summary: '月报', deadline: '2026-12-05' });
    relayUp(ctx, { to: '市委', summary: '误' });
    voidRelay(ctx, 'SB2026-0003', '重复');
    confirmRelay(ctx, 'CD2026-0001', '李局长');
    ctx.setNow('2026-11-28T09:00');
    confirmRelay(ctx, 'CD2026-0001', '办公室');
    markSent(ctx, 'SB2026-0001');
    const r = relayReport(ctx.db, { from: '2026-11-01', to: '2026-11-30' });
    expect(r.summary).toEqual({ down: 2, important: 1, allConfirmed: 0, confirmations: 2, lateConfirmations: 1, missing: 1, up: 2, sentOnTime: 0, sentLate: 1, pending: 1, void: 1 });
    expect(r.late).toEqual([{ number: 'CD2026-0001', person: '办公室', confirmBy: '2026-11-27', at: expect.stringMatching(/^2026-11-28T09:00/) }]);
    expect(relayReport(ctx.db, { from: '2026-12-01', to: '2026-12-31' }).summary.down).toBe(0);
  });
});
