/** The built binary (built in beforeAll): plans made by two processes at once, and a meeting run as a --no-input script. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, bin, binAsync, tempDir } from '../../helpers.js';

const plan = (room: string, title: string) => ['meeting', 'plan', '--no-input', '--title', title, '--start', '2026-12-03 09:00', '--end', '2026-12-03 11:00', '--room', room, '--host', '周主任', '--attendees', '张三,李四'];

describe('the built binary', () => {
  beforeAll(async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(BIN, '..', '..') });
  });

  it('two processes booking one room at once: one gets it, the other is refused naming it; other rooms get numbers without gaps', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    const [a, b] = await Promise.all([binAsync(plan('第一会议室', '会甲'), env), binAsync(plan('第一会议室', '会乙'), env)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const winner = (a.code === 0 ? a : b).stdout.trim();
    expect(winner).toBe('HY2026-0001');
    expect((a.code === 1 ? a : b).stderr).toContain('by meeting HY2026-0001');
    const runs = await Promise.all([binAsync(plan('二室', '会丙'), env), binAsync(plan('三室', '会丁'), env), binAsync(plan('四室', '会戊'), env)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs.map((r) => r.stdout.trim()).sort()).toEqual(['HY2026-0002', 'HY2026-0003', 'HY2026-0004']);
    expect(bin(['verify'], { env }).code).toBe(0);
  });

  it('runs a meeting from plan to decisions as a script, each step out of order refused with exit 1', () => {
    const db = path.join(tempDir(), 'w.db');
    const at = (now: string) => ({ env: { WENMI_DB: db, WENMI_NOW: now } });
    expect(bin(['init', '--db', db], at('2026-11-20T08:00')).code).toBe(0);
    expect(bin(plan('第一会议室', '季度工作会'), at('2026-11-25T09:00')).stdout).toBe('HY2026-0001\n');
    expect(bin(['meeting', 'notify', 'HY2026-0001'], at('2026-11-25T09:10')).code).toBe(1);
    expect(bin(['meeting', 'approve', 'HY2026-0001', '--approver', '吴局长'], at('2026-11-25T09:20')).code).toBe(0);
    expect(bin(['meeting', 'confirm', 'HY2026-0001', '--person', '张三', '--answer', '参加'], at('2026-11-25T09:30')).code).toBe(1);
    // stored words in English too: 书面 is in-writing, 参加 attending, 电话 phone
    expect(bin(['meeting', 'notify', 'HY2026-0001', '--via', 'in-writing'], at('2026-11-26T09:00')).code).toBe(0);
    expect(bin(['meeting', 'confirm', 'HY2026-0001', '--person', '张三', '--answer', 'attending', '--via', 'phone'], at('2026-11-26T09:10')).code).toBe(0);
    expect(bin(['meeting', 'signin', 'HY2026-0001', '--person', '张三'], at('2026-12-03T08:55')).code).toBe(0);
    expect(bin(['meeting', 'decide', 'HY2026-0001', '--item', '修订值班制度', '--owner', '办公室', '--due', '2026-12-10'], at('2026-12-03T10:30')).stdout).toBe('HY2026-0001-1\n');
    const attendance = bin(['meeting', 'attendance', 'HY2026-0001', '--format', 'json'], at('2026-12-03T10:40'));
    expect(JSON.parse(attendance.stdout).map((r: { count: number }) => r.count)).toEqual([2, 1, 0, 1, 0]);
    expect(bin(['due', '--fail-if-overdue'], at('2026-12-11T09:00')).code).toBe(3);
    expect(bin(['verify'], at('2026-12-11T09:00')).code).toBe(0);
  });
});
