/**
 * outgoing draft --type 纪要 --meeting: a 纪要 drafted for a meeting links 会议纪要 (minutes-of) to it,
 * once the meeting's minutes are approved; refusals write nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../../src/core/dates.js';
import { fixedClock } from '../../../src/core/clock.js';
import { linkEnds } from '../../../src/core/links.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { approveMinutes, draftMinutes } from '../../../src/registers/meeting/after.js';
import { approveMeeting, planMeeting } from '../../../src/registers/meeting/rules.js';
import { draftOutgoing, getOutgoing } from '../../../src/registers/outgoing/rules.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';
import { office, ok } from '../meeting/setup.js';

const at = (text: string) => parseMoment(text, fixedClock('2026-11-27T09:30'));
const minutes = { title: '季度工作会纪要', drafter: '王秘书', dept: '办公室', to: ['各科室'] };

describe('draftOutgoing for a meeting', () => {
  it('links a 纪要 to the meeting once its minutes are approved, naming the step first, and refuses another type', () => {
    const ctx = testCtx();
    planMeeting(ctx, { start: at('2026-12-03 09:00'), end: at('2026-12-03 11:00'), host: '周主任', attendees: [{ name: '甲' }], title: '季度工作会', room: '一室' });
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    ctx.setNow('2026-12-03T11:30');
    expect(expectRefused(ctx, () => draftOutgoing(ctx, { ...minutes, type: '纪要', meeting: 'HY2026-0001' }), 'outgoing.minutesNotApproved', 'data').params.first).toBe('minutes');
    draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '纪要' });
    expect(expectRefused(ctx, () => draftOutgoing(ctx, { ...minutes, meeting: 'HY2026-0001' }), 'outgoing.minutesNotApproved', 'data').params.first).toBe('minutes-approve');
    approveMinutes(ctx, 'HY2026-0001', { approver: '吴局长' });
    expectRefused(ctx, () => draftOutgoing(ctx, { ...minutes, type: '通知', meeting: 'HY2026-0001' }), 'outgoing.meetingNotMinutes', 'usage');
    expectRefused(ctx, () => draftOutgoing(ctx, { ...minutes, meeting: 'HY2026-0009' }), 'meeting.notFound', 'data');
    const row = draftOutgoing(ctx, { ...minutes, meeting: 'HY2026-1' });
    expect(getOutgoing(ctx.db, row.draft_no).doc_type).toBe('纪要');
    expect(linkEnds(ctx.db, { register: 'meeting', ref: 'HY2026-0001' })).toEqual([{ kind: 'minutes-of', direction: 'from', other: { register: 'outgoing', ref: 'NG2026-0001' } }]);
    expect(linkEnds(ctx.db, { register: 'outgoing', ref: 'NG2026-0001' })).toEqual([{ kind: 'minutes-of', direction: 'to', other: { register: 'meeting', ref: 'HY2026-0001' } }]);
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
});

describe('outgoing draft --meeting, seen from both ends', () => {
  it('refuses minutes not approved writing nothing; both shows list the link in zh, en and JSON', async () => {
    const { run } = await office();
    const draft = ['outgoing', 'draft', '--title', '季度工作会纪要', '--drafter', '王秘书', '--dept', '办公室', '--type', '纪要', '--meeting', 'HY2026-0001'];
    const before = (await run(['verify'], { now: '2026-12-03T11:00' })).stdout;
    const zh = await run(draft, { now: '2026-12-03T11:01', lang: 'zh' });
    expect([zh.code, zh.stderr]).toEqual([1, '错误：会议 HY2026-0001 的纪要尚未审签，不能拟稿发文：须先 wenmi meeting minutes HY2026-0001。\n']);
    expect((await run(['verify'], { now: '2026-12-03T11:02' })).stdout).toBe(before);
    await ok(run, ['meeting', 'minutes', 'HY2026-0001', '--drafter', '王秘书', '--summary', '会议决定修订值班制度。'], '2026-12-03T11:10');
    const en = await run(draft, { now: '2026-12-03T11:11' });
    expect([en.code, en.stderr]).toEqual([1, 'error: the minutes of meeting HY2026-0001 are not approved, so they cannot be drafted for sending: first run wenmi meeting minutes-approve HY2026-0001.\n']);
    await ok(run, ['meeting', 'minutes-approve', 'HY2026-0001', '--approver', '吴局长'], '2026-12-03T11:20');
    expect((await ok(run, draft, '2026-12-03T11:30')).stdout).toBe('NG2026-0001\n');
    const meetingZh = (await run(['meeting', 'show', 'HY2026-0001'], { lang: 'zh', now: '2026-12-03T11:31' })).stdout;
    expect(meetingZh).toMatch(/纪要发文\s*│\s*发文\s*│\s*NG2026-0001\s*│\s*NG2026-0001 · 季度工作会纪要 · 2026-12-03 · 拟稿/);
    const outgoingZh = (await run(['outgoing', 'show', 'NG2026-0001'], { lang: 'zh', now: '2026-12-03T11:32' })).stdout;
    expect(outgoingZh).toMatch(/会议纪要\s*│\s*会务\s*│\s*HY2026-0001\s*│\s*季度工作会 · /);
    expect((await run(['meeting', 'show', 'HY2026-0001'], { now: '2026-12-03T11:33' })).stdout).toMatch(/minutes sent as\s*│\s*outgoing\s*│\s*NG2026-0001/);
    expect((await run(['outgoing', 'show', 'NG2026-0001'], { now: '2026-12-03T11:34' })).stdout).toMatch(/minutes of\s*│\s*meetings\s*│\s*HY2026-0001/);
    const m = JSON.parse((await run(['meeting', 'show', 'HY2026-0001', '--format', 'json'], { now: '2026-12-03T11:35' })).stdout);
    const o = JSON.parse((await run(['outgoing', 'show', 'NG2026-0001', '--format', 'json'], { now: '2026-12-03T11:36' })).stdout);
    expect(m.links).toEqual([{ kind: 'minutes-of', direction: 'from', register: 'outgoing', ref: 'NG2026-0001', summary: 'NG2026-0001 · 季度工作会纪要 · 2026-12-03 · draft' }]);
    expect(o.links).toMatchObject([{ kind: 'minutes-of', direction: 'to', register: 'meeting', ref: 'HY2026-0001' }]);
    expect((await run(['verify'], { now: '2026-12-03T11:40' })).code).toBe(0);
  });
});
