import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../../src/core/dates.js';
import { fixedClock } from '../../../src/core/clock.js';
import { face } from '../../../src/registers/meeting/api.js';
import { approveMeeting, planMeeting } from '../../../src/registers/meeting/rules.js';
import { testCtx } from '../../helpers.js';

const at = (text: string) => parseMoment(text, fixedClock('2026-11-27T09:30'));

describe("the meeting register's face", () => {
  it('finds a meeting by a typed number and names it in one line, a classified title masked', () => {
    const ctx = testCtx();
    planMeeting(ctx, { title: '季度工作会', start: at('2026-12-03 09:00'), end: at('2026-12-03 11:00'), room: '第一会议室', host: '周主任' });
    planMeeting(ctx, { title: '保密会', start: at('2026-12-04 09:00'), end: at('2026-12-04 11:00'), room: '第一会议室', host: '周主任', secret: '机密' });
    approveMeeting(ctx, 'HY2026-0001', { approver: '吴局长' });
    expect(face.find(ctx.db, 'hy2026-1')).toBe('HY2026-0001');
    expect(() => face.find(ctx.db, 'HY2026-0009')).toThrow(/meeting.notFound/);
    expect(face.summary(ctx.db, 'HY2026-0001')).toBe('季度工作会 · 2026-12-03 09:00 · 第一会议室 · approved');
    expect(face.summary(ctx.db, 'HY2026-0002')).toBe('【机密】 · 2026-12-04 09:00 · 第一会议室 · awaiting approval');
  });
});
