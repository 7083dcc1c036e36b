/** A meeting register on a temp database built through the CLI, with one increasing clock. */
import path from 'node:path';
import { cli, tempDir, type CliResult } from '../../helpers.js';

export type Run = (args: string[], opts?: { now?: string; lang?: 'zh' | 'en'; env?: Record<string, string> }) => Promise<CliResult>;

export async function freshDb(): Promise<{ db: string; run: Run }> {
  const db = path.join(tempDir(), 'wenmi.db');
  const init = await cli(['init', '--db', db], { env: { WENMI_NOW: '2026-11-20T08:00' } });
  if (init.code !== 0) throw new Error(init.stderr);
  const run: Run = (args, opts = {}) => cli(opts.lang === 'zh' ? ['--lang', 'zh', ...args] : args, { env: { WENMI_DB: db, ...(opts.now ? { WENMI_NOW: opts.now } : {}), ...opts.env } });
  return { db, run };
}

export async function ok(run: Run, args: string[], now?: string): Promise<CliResult> {
  const r = await run(args, { now });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}

/**
 * HY2026-0001 季度工作会, 2026-12-03 09:00–11:00 in 第一会议室, four attendees with units, planned
 * 11-25 by 王秘书, approved by 吴局长, notice sent; 张三 attends, 李四 excused, 王五 by proxy 王副科长.
 */
export async function office(): Promise<{ db: string; run: Run }> {
  const { db, run } = await freshDb();
  await ok(run, ['config', 'set', 'unit.name', '某市人民政府办公室'], '2026-11-25T08:00');
  await ok(run, ['meeting', 'plan', '--title', '季度工作会', '--start', '2026-12-03 09:00', '--end', '2026-12-03 11:00', '--room', '第一会议室', '--host', '周主任', '--attendees', '张三,李四', '--attendees', '王五、赵六', '--budget', '3000'], '2026-11-25T09:00');
  await ok(run, ['meeting', 'approve', 'HY2026-0001', '--approver', '吴局长'], '2026-11-25T10:00');
  await ok(run, ['meeting', 'notify', 'HY2026-0001', '--via', '书面'], '2026-11-26T09:00');
  await ok(run, ['meeting', 'confirm', 'HY2026-0001', '--person', '张三', '--answer', '参加'], '2026-11-26T10:00');
  await ok(run, ['meeting', 'confirm', 'HY2026-0001', '--person', '李四', '--answer', '请假', '--via', '电话'], '2026-11-26T10:05');
  await ok(run, ['meeting', 'confirm', 'HY2026-0001', '--person', '王五', '--answer', '代参', '--proxy', '王副科长'], '2026-11-26T10:10');
  return { db, run };
}
