import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

let db: string;
/** Runs `wenmi …` on the test database at a given moment. */
const run = (args: string[], at = '2026-11-20T09:30') => cli(args, { env: { WENMI_DB: db, WENMI_NOW: at } });
const ok = async (args: string[], at?: string) => {
  const r = await run(args, at);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

beforeEach(async () => {
  db = path.join(tempDir(), 'w.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
});

describe('the urgent document and `wenmi due --fail-if-overdue`', () => {
  it('exits 0 before the deadline, 3 once it passed, 0 again when the document is closed', async () => {
    await ok(['incoming', 'receive', '--sender', '市政府办公室', '--title', '关于报送安全检查情况的紧急通知', '--urgency', '特急', '--deadline', '2026-11-24']);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    await ok(['incoming', 'assign', '2026-0001', '--lead', '安全科']);
    await ok(['incoming', 'remind', '2026-0001', '--note', '请抓紧'], '2026-11-22T08:00');

    const before = await run(['due', '--fail-if-overdue', '--format', 'json'], '2026-11-22T09:00');
    expect(before.code).toBe(0);
    expect(json(before)).toEqual([
      { due: '2026-11-24', days: 2, status: 'soon', register: 'incoming', ref: '2026-0001', what: '关于报送安全检查情况的紧急通知', who: '安全科', reminders: 1, lastReminder: '2026-11-22 08:00' },
    ]);

    const after = await run(['due', '--fail-if-overdue', '--format', 'json'], '2026-11-27T09:30');
    expect(after.code).toBe(3);
    expect(json(after)[0]).toMatchObject({ ref: '2026-0001', days: -3, status: 'overdue', who: '安全科' });
    expect(after.stderr).toBe('error: 1 item is overdue.\n'); // a failed check is a typed error (exit 3)
    expect((await run(['due', '--format', 'json'], '2026-11-27T09:30')).code).toBe(0); // only when asked

    const list = json(await ok(['incoming', 'list', '--format', 'json']));
    expect(list[0]).toMatchObject({ number: '2026-0001', state: '承办中', deadline: '2026-11-24', reminders: 1, lastReminder: '2026-11-22 08:00' });

    const closeEarly = await run(['incoming', 'close', '2026-0001'], '2026-11-27T10:00');
    expect(closeEarly.code).toBe(1);
    expect(closeEarly.stderr).toMatch(/no reply yet/);
    await ok(['incoming', 'reply', '2026-0001', '--text', '已报送'], '2026-11-27T10:00');
    await ok(['incoming', 'close', '2026-0001'], '2026-11-27T10:00');
    expect((await run(['due', '--fail-if-overdue'], '2026-11-27T10:30')).code).toBe(0);

    const report = json(await ok(['incoming', 'report', '--month', '2026-11', '--format', 'json'], '2026-11-30T09:00'));
    expect(report).toMatchObject({ received: 1, handled: 1, late: 1, onTime: 0, averageDays: 7 });
    const tsv = (await ok(['incoming', 'report', '--month', '2026-11'], '2026-11-30T09:00')).stdout;
    expect(tsv).toContain('timeliness\thandled late\t1');
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('the classified document and `wenmi incoming check`', () => {
  it('exits 0 while every copy is accounted for and 3 when a copy of a void document is still out', async () => {
    await ok(['incoming', 'receive', '--sender', '市委办公室', '--title', '某涉密文件', '--secret', '机密★10年', '--copy-no', '3', '--copies', '2', '--circle', '张局长,财务科']);
    await ok(['incoming', 'review', 'M2026-0001', '--accept']);
    await ok(['incoming', 'hand', 'M2026-0001', '--copy', '000003', '--to', '张局长']);

    const outsider = await run(['incoming', 'hand', 'M2026-0001', '--copy', '000004', '--to', '李四']);
    expect(outsider.code).toBe(1);
    expect(outsider.stderr).toContain('李四 is outside the circle of knowledge of M2026-0001');
    expect(outsider.stderr).toContain('wenmi incoming circle M2026-0001 --add 李四');
    const wrongHolder = await run(['incoming', 'hand', 'M2026-0001', '--copy', '000003', '--to', '财务科']);
    expect(wrongHolder.code).toBe(1);
    expect(wrongHolder.stderr).toContain('copy 000003 is held by 张局长');
    const oneWitness = await run(['incoming', 'retire', 'M2026-0001', '--copy', '000004', '--how', '销毁', '--witness', '王秘书']);
    expect(oneWitness.code).toBe(2);
    expect(oneWitness.stderr).toContain('exactly two witnesses');
    const noTo = await run(['incoming', 'hand', 'M2026-0001']);
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toContain('--to');

    await ok(['incoming', 'retire', 'M2026-0001', '--copy', '000004', '--how', '销毁', '--witness', '王秘书', '--witness', '赵保密员']);
    const where = json(await ok(['incoming', 'where', 'M2026-0001', '--format', 'json']));
    expect(where).toEqual([
      { copy: '000003', status: '持有', holder: '张局长', since: expect.stringMatching(/^2026-11-20T09:30/), inCircle: true },
      { copy: '000004', status: '已销毁', holder: null, since: expect.stringMatching(/^2026-11-20T09:30/), inCircle: null },
    ]);

    const good = await run(['incoming', 'check', '--format', 'json']);
    expect(good.code).toBe(0);
    expect(json(good).map((r: { copy: string; status: string; title: string; problem: null }) => [r.copy, r.status, r.title, r.problem])).toEqual([
      ['000003', '持有', '【机密】', null],
      ['000004', '已销毁', '【机密】', null],
    ]);

    await ok(['incoming', 'void', 'M2026-0001', '--reason', '重复登记']);
    const bad = await run(['incoming', 'check', '--format', 'json']);
    expect(bad.code).toBe(3);
    expect(json(bad)[0]).toMatchObject({ copy: '000003', holder: '张局长', problem: '作废未收回' });
    expect(bad.stderr).toBe('this check is recorded as no. 2; see wenmi incoming checks.\nerror: check: 1 classified copy unaccounted for or not brought back.\n');

    await ok(['incoming', 'back', 'M2026-0001', '--copy', '3']);
    expect((await run(['incoming', 'check'])).code).toBe(0);

    const history = json(await ok(['incoming', 'history', 'M2026-0001', '--format', 'json']));
    expect(history.map((s: { step: string }) => s.step)).toEqual(['receive', 'circle', 'review', 'hand', 'retire', 'void', 'back']);
    expect(history[0].detail).toContain('【机密】');
    expect(history[4].detail).toBe('destroyed copy 000004 (秘书室); witnesses 王秘书、赵保密员');
    const revealed = json(await ok(['incoming', 'history', 'M2026-0001', '--reveal', '--format', 'json']));
    expect(revealed[0].detail).toContain('某涉密文件');
    expect((await run(['verify'])).code).toBe(0);
  });
});

describe('an ordinary document through the commands', () => {
  it('refuses each step out of turn with exit 1 or 2 and a clear reason, and closes only when the copies are home', async () => {
    await ok(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知', '--copies', '2']);
    const early = await run(['incoming', 'assign', '2026-0001', '--lead', '财务科']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('has not passed its first review');
    expect((await run(['incoming', 'review', '2026-0001'])).code).toBe(2);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    await ok(['incoming', 'propose', '2026-0001', '--opinion', '拟请张局长阅示']);
    await ok(['incoming', 'instruct', '2026-0001', '--leader', '张局长', '--text', '请财务科办理']);
    await ok(['incoming', 'assign', '2026-0001', '--lead', '财务科', '--assist', '办公室,人事科', '--deadline', '+7d']);
    await ok(['incoming', 'hand', '2026-0001', '--copies', '2', '--to', '财务科']);
    await ok(['incoming', 'reply', '2026-0001', '--text', '已报送']);
    expect(json(await ok(['incoming', 'export', '--format', 'json']))[0].handling).toBe('承办中：财务科');

    const out = await run(['incoming', 'close', '2026-0001']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('still has 2 copies out (1 财务科、2 财务科)');
    expect((await run(['incoming', 'close', '2026-0001', '--force'])).code).toBe(2);
    await ok(['incoming', 'close', '2026-0001', '--force', '--reason', '财务科留存一份备查']);
    const wrong = await run(['incoming', 'remind', '2026-0001']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('2026-0001 is closed');

    const zh = await cli(['incoming', 'history', '2026-0001', '--format', 'tsv', '--lang', 'zh'], { env: { WENMI_DB: db } });
    expect(zh.stdout.split('\n')[0]).toBe('日志序号\t时间\t经办人\t步骤\t内容\t原因');
    expect(zh.stdout).toContain('承办\t主办 财务科；协办 办公室、人事科；时限 2026-11-27');
    expect(zh.stdout).toContain('办结\t强制办结，未收回：1 财务科、2 财务科\t财务科留存一份备查');
    expect((await run(['verify'])).code).toBe(0);
  });
});
