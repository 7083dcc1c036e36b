/** A seal register on a temp database built through the CLI, at fixed dates in November 2026. */
import path from 'node:path';
import { cli, tempDir, type CliResult } from '../../helpers.js';

export type Run = (args: string[], opts?: { now?: string; lang?: 'zh' | 'en' }) => Promise<CliResult>;

export async function freshDb(): Promise<{ db: string; run: Run }> {
  const db = path.join(tempDir(), 'wenmi.db');
  const init = await cli(['init', '--db', db]);
  if (init.code !== 0) throw new Error(init.stderr);
  const run: Run = (args, opts = {}) =>
    cli(opts.lang === 'zh' ? ['--lang', 'zh', ...args] : args, { env: { WENMI_DB: db, ...(opts.now ? { WENMI_NOW: opts.now } : {}) } });
  return { db, run };
}

/** Runs a command that must succeed. */
export async function ok(run: Run, args: string[], now?: string): Promise<CliResult> {
  const r = await run(args, { now });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}

/**
 * Two seals; Y2026-0001 (S001, 3 approved) stamped 2 + 1; Y2026-0002 (S002, 2 approved) stamped 2;
 * Y2026-0003 awaiting approval; Y2026-0004 approved, not stamped.
 */
export async function office(): Promise<{ db: string; run: Run }> {
  const { db, run } = await freshDb();
  await ok(run, ['config', 'set', 'unit.name', '某市人民政府办公室'], '2026-11-02T08:00');
  await ok(run, ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--location', '机要室保险柜', '--since', '2026-01-04'], '2026-11-02T09:00');
  await ok(run, ['seal', 'add', '--name', '合同专用章', '--type', '合同章', '--custodian', '李保管', '--since', '2026-01-04'], '2026-11-02T09:00');
  await ok(run, ['seal', 'request', '--seal', 'S001', '--doc', '关于采购办公设备的合同', '--unit', '办公室', '--purpose', '签订合同', '--count', '3', '--requester', '陈经办'], '2026-11-03T09:00');
  await ok(run, ['seal', 'approve', 'Y2026-0001', '--approver', '周主任'], '2026-11-03T10:00');
  await ok(run, ['seal', 'stamp', 'Y2026-0001', '--count', '2', '--note', '第一批'], '2026-11-03T11:00');
  await ok(run, ['seal', 'request', '--seal', '合同专用章', '--doc', '房屋租赁合同', '--unit', '后勤科', '--purpose', '续租', '--count', '2'], '2026-11-05T09:00');
  await ok(run, ['seal', 'approve', 'Y2026-0002', '--approver', '吴副主任'], '2026-11-05T09:30');
  await ok(run, ['seal', 'stamp', 'Y2026-0002', '--handler', '王五'], '2026-11-05T10:00');
  await ok(run, ['seal', 'stamp', 'Y2026-0001', '--count', '1'], '2026-11-10T15:00');
  await ok(run, ['seal', 'request', '--seal', 'S001', '--doc', '在职证明', '--unit', '人事科', '--purpose', '开具证明', '--count', '1'], '2026-11-20T09:00');
  await ok(run, ['seal', 'request', '--seal', 'S001', '--doc', '介绍信（致市档案馆）', '--unit', '档案室', '--purpose', '查阅档案', '--count', '1'], '2026-11-21T09:00');
  await ok(run, ['seal', 'approve', 'Y2026-0004', '--approver', '周主任'], '2026-11-21T10:00');
  return { db, run };
}
