/**
 * archive file --from-meeting: a closed meeting's record filed as an item that links 归档自
 * (filed-from) the meeting; refusals (not closed, filed twice) write nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { parseMoment } from '../../../src/core/dates.js';
import { fixedClock } from '../../../src/core/clock.js';
import { writeTx } from '../../../src/core/db.js';
import { linkEnds } from '../../../src/core/links.js';
import { setSetting } from '../../../src/core/settings.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { fileItem } from '../../../src/registers/archive/rules.js';
import { approveMinutes, closeMeeting, draftMinutes } from '../../../src/registers/meeting/after.js';
import { approveMeeting, planMeeting } from '../../../src/registers/meeting/rules.js';
import { expectRefused, tables } from '../../helpers.js';
import { office, ok } from '../meeting/setup.js';
import { archiveCtx } from './setup.js';

const at = (text: string) => parseMoment(text, fixedClock('2026-11-27T09:30'));
const ITEM = 'Z001-WS·2026-Y-0001';

describe('fileItem from a meeting', () => {
  it('files a closed meeting as 主题 + 纪要 (记录 without minutes), links both ends, refuses an open meeting and a second filing', () => {
    const ctx = archiveCtx();
    const base = { start: at('2026-12-03 09:00'), end: at('2026-12-03 11:00'), host: '周主任', attendees: [{ name: '甲' }] };
    planMeeting(ctx, { ...base, title: '保密工作会', room: '一室', secret: '秘密★5年' });
    planMeeting(ctx, { ...base, title: '季度工作会', room: '二室' });
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    approveMeeting(ctx, 'HY2026-0002', { approver: '吴局长' });
    ctx.setNow('2026-12-03T11:30');
    const open = expectRefused(ctx, () => fileItem(ctx, { fromMeeting: 'HY2026-0001', retention: 'Y', author: '某局' }), 'archive.meetingNotClosed', 'data');
    expect(open.params).toMatchObject({ ref: 'HY2026-0001' });
    draftMinutes(ctx, 'HY2026-0001', { drafter: '王秘书', summary: '纪要' });
    approveMinutes(ctx, 'HY2026-0001', { approver: '吴局长' });
    closeMeeting(ctx, 'HY2026-0001');
    closeMeeting(ctx, 'HY2026-0002');
    // without unit.name and --author the author is missing, named as the flag
    expectRefused(ctx, () => fileItem(ctx, { fromMeeting: 'HY2026-1', retention: 'Y' }), /--author/, 'usage');
    writeTx(ctx.db, () => setSetting(ctx, buildRegistry().settings, 'unit.name', '某市人民政府办公室'));
    expectRefused(ctx, () => fileItem(ctx, { fromMeeting: 'HY2026-0001', fromOutgoing: 'NG2026-0001', retention: 'Y' }), 'archive.twoSources', 'usage');
    const row = fileItem(ctx, { fromMeeting: 'HY2026-1', retention: 'Y' });
    expect(row).toMatchObject({ archive_no: ITEM, title: '保密工作会纪要', own_title: 0, author: '某市人民政府办公室', doc_date: '2026-12-03', secret_level: '秘密', secret_period: '5年', incoming_no: null });
    expect(fileItem(ctx, { fromMeeting: 'HY2026-0002', retention: 'Y' }).title).toBe('季度工作会记录');
    expect(linkEnds(ctx.db, { register: 'meeting', ref: 'HY2026-0001' })).toEqual([{ kind: 'filed-from', direction: 'from', other: { register: 'archive', ref: ITEM } }]);
    expect(linkEnds(ctx.db, { register: 'archive', ref: ITEM })).toEqual([{ kind: 'filed-from', direction: 'to', other: { register: 'meeting', ref: 'HY2026-0001' } }]);
    expect(expectRefused(ctx, () => fileItem(ctx, { fromMeeting: 'HY2026-0001', retention: 'D10' }), 'archive.meetingFiled', 'data').params.archiveNo).toBe(ITEM);
    expectRefused(ctx, () => fileItem(ctx, { fromMeeting: 'HY2026-0009', retention: 'Y' }), 'meeting.notFound', 'data');
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
});

describe('archive file --from-meeting, seen from both ends', () => {
  it('refuses an open meeting writing nothing; both shows list the link in zh, en and JSON', async () => {
    const { run } = await office();
    await ok(run, ['config', 'set', 'archive.fonds', 'Z001'], '2026-12-03T11:00');
    const before = (await run(['verify'], { now: '2026-12-03T11:01' })).stdout;
    const zh = await run(['archive', 'file', '--from-meeting', 'HY2026-0001', '--retention', 'Y'], { now: '2026-12-03T11:02', lang: 'zh' });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/会议 HY2026-0001 处于“.+”，不能归档其记录：须先结束会议。/);
    expect(zh.stderr).toContain('wenmi meeting close HY2026-0001');
    const en = await run(['archive', 'file', '--from-meeting', 'HY2026-0001', '--retention', 'Y'], { now: '2026-12-03T11:03' });
    expect([en.code, en.stderr.split('\n')[0]]).toEqual([1, 'error: meeting HY2026-0001 is approved: before its record is filed comes closing the meeting.']);
    expect((await run(['verify'], { now: '2026-12-03T11:04' })).stdout).toBe(before);
    await ok(run, ['meeting', 'close', 'HY2026-0001'], '2026-12-03T11:10');
    expect((await ok(run, ['archive', 'file', '--from-meeting', 'HY2026-0001', '--retention', 'Y'], '2026-12-03T11:20')).stdout).toBe(`${ITEM}\n`);
    const archiveZh = (await run(['archive', 'show', ITEM], { lang: 'zh', now: '2026-12-03T11:21' })).stdout;
    expect(archiveZh).toMatch(/归档自\s*│\s*会务\s*│\s*HY2026-0001\s*│\s*季度工作会 · .* · 已结束/);
    expect(archiveZh).toMatch(/季度工作会记录/);
    const meetingZh = (await run(['meeting', 'show', 'HY2026-0001'], { lang: 'zh', now: '2026-12-03T11:22' })).stdout;
    expect(meetingZh).toMatch(new RegExp(`归档为\\s*│\\s*档案\\s*│\\s*${ITEM}\\s*│\\s*季度工作会记录 · 2026-12-03 · 永久 · 在库`));
    expect((await run(['archive', 'show', ITEM], { now: '2026-12-03T11:23' })).stdout).toMatch(/filed from\s*│\s*meetings\s*│\s*HY2026-0001\s*│.*· closed/);
    expect((await run(['meeting', 'show', 'HY2026-0001'], { now: '2026-12-03T11:24' })).stdout).toMatch(/filed as\s*│\s*archive\s*│/);
    const a = JSON.parse((await run(['archive', 'show', ITEM, '--format', 'json'], { now: '2026-12-03T11:25' })).stdout);
    const m = JSON.parse((await run(['meeting', 'show', 'HY2026-0001', '--format', 'json'], { now: '2026-12-03T11:26' })).stdout);
    expect(a.links).toMatchObject([{ kind: 'filed-from', direction: 'to', register: 'meeting', ref: 'HY2026-0001' }]);
    expect(m.links).toEqual([{ kind: 'filed-from', direction: 'from', register: 'archive', ref: ITEM, summary: '季度工作会记录 · 2026-12-03 · permanent · on the shelf' }]);
    expect(a.entry).toMatchObject({ author: '某市人民政府办公室', date: '2026-12-03' });
    expect((await run(['verify'], { now: '2026-12-03T11:30' })).code).toBe(0);
  });
});
