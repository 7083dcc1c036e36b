/** Deadlines that cannot be forgotten (issue #12): 批示时限, incoming.default-days, incoming.classified-days, seal.request-days. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTx } from '../../src/core/db.js';
import type { Ctx } from '../../src/core/journal.js';
import { setSetting } from '../../src/core/settings.js';
import { handIncoming } from '../../src/registers/incoming/custody.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { settings as incomingSettings } from '../../src/registers/incoming/settings.js';
import { assignIncoming, deadlineOf, incomingDeadlines, instructIncoming, reviewIncoming } from '../../src/registers/incoming/workflow.js';
import { getIncoming } from '../../src/registers/incoming/rules.js';
import { addSeal, sealDeadlines } from '../../src/registers/seal/rules.js';
import { sealSettings } from '../../src/registers/seal/settings.js';
import { approveRequest, requestUse, stampRequest } from '../../src/registers/seal/usage.js';
import { cli, expectRefused, tempDir, testCtx } from '../helpers.js';

const at = '2026-11-20T09:00:00+08:00';
const set = (ctx: Ctx, defs: typeof sealSettings, key: string, value: string) => writeTx(ctx.db, () => setSetting(ctx, defs, key, value));
const due = (ctx: Ctx, ref: string) => deadlineOf(ctx.db, getIncoming(ctx.db, ref));

describe('handling deadlines of incoming documents', () => {
  it('an instruction can set the deadline; the latest one given is in force, and an assignment keeps it', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知', deadline: '2026-12-10' });
    reviewIncoming(ctx, '2026-0001', { accept: true });
    expectRefused(ctx, () => instructIncoming(ctx, '2026-0001', { leader: '张局长', text: '抓紧', deadline: '2026-11-26' }), 'incoming.deadlinePast', 'usage');
    instructIncoming(ctx, '2026-0001', { leader: '张局长', text: '请月底前办结', deadline: '2026-11-30' });
    expect(due(ctx, '2026-0001')).toBe('2026-11-30');
    instructIncoming(ctx, '2026-0001', { leader: '李副局长', text: '同意' }); // no deadline: the earlier one stands
    expect(due(ctx, '2026-0001')).toBe('2026-11-30');
    assignIncoming(ctx, '2026-0001', { lead: '财务科' });
    expect(due(ctx, '2026-0001')).toBe('2026-11-30');
    instructIncoming(ctx, '2026-0001', { leader: '张局长', text: '提前', deadline: '2026-11-28' });
    expect(incomingDeadlines(ctx.db, '2026-11-27').map((d) => [d.ref, d.due])).toEqual([['2026-0001', '2026-11-28']]);
  });

  it('incoming.default-days gives a document without a deadline one; classified-days a classified one in circulation', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: '普通件' });
    receiveIncoming(ctx, { receivedAt: at, sender: 'B', title: '涉密件', secret: '秘密★5年', copyNo: '1' }, { circle: ['李明'] });
    expect(incomingDeadlines(ctx.db, '2026-11-27')).toEqual([]);
    set(ctx, incomingSettings, 'incoming.default-days', '10');
    expect(due(ctx, '2026-0001')).toBe('2026-11-30');
    expect(due(ctx, 'M2026-0001')).toBe('2026-11-30');
    set(ctx, incomingSettings, 'incoming.classified-days', '3');
    expect(due(ctx, 'M2026-0001')).toBe('2026-11-30'); // in the safe, not in circulation
    reviewIncoming(ctx, 'M2026-0001', { accept: true });
    handIncoming(ctx, 'M2026-0001', { to: '李明', count: 1 });
    expect(due(ctx, 'M2026-0001')).toBe('2026-11-23');
    expect(() => set(ctx, incomingSettings, 'incoming.default-days', '0')).toThrow(/settings.days/);
  });
});

describe('approved seal requests never stamped', () => {
  it('fall due seal.request-days after approval, and leave when stamped', () => {
    const ctx = testCtx('2026-11-20T09:00');
    addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    requestUse(ctx, { seal: 'S001', doc: '合同', unit: '办公室', purpose: '签订', count: 1, requester: '陈经办' });
    approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
    expect(sealDeadlines(ctx.db, '2026-11-27')).toEqual([]);
    set(ctx, sealSettings, 'seal.request-days', '3');
    expect(sealDeadlines(ctx.db, '2026-11-27')).toMatchObject([{ ref: 'Y2026-0001', due: '2026-11-23', who: '陈经办' }]);
    stampRequest(ctx, 'Y2026-0001');
    expect(sealDeadlines(ctx.db, '2026-11-27')).toEqual([]);
  });
});

describe('wenmi due --fail-if-overdue exits 3 on each new kind of deadline', () => {
  async function fresh() {
    const db = path.join(tempDir(), 'w.db');
    let clock = Date.parse('2026-11-20T09:00:00Z');
    const run = (args: string[]) => {
      clock += 60_000;
      return cli(args, { env: { WENMI_DB: db, WENMI_NOW: new Date(clock).toISOString().slice(0, 16) } });
    };
    const ok = async (args: string[]) => {
      const r = await run(args);
      if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
      return r;
    };
    expect((await cli(['init', '--db', db])).code).toBe(0);
    const overdue = async () => {
      const r = await cli(['due', '--all', '--fail-if-overdue', '--format', 'json'], { env: { WENMI_DB: db, WENMI_NOW: '2026-12-20T09:00' } });
      return { code: r.code, refs: (JSON.parse(r.stdout) as { ref: string }[]).map((d) => d.ref) };
    };
    return { ok, overdue };
  }

  it('an instruction deadline', async () => {
    const { ok, overdue } = await fresh();
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    await ok(['incoming', 'review', '2026-0001', '--accept']);
    expect((await overdue()).code).toBe(0);
    await ok(['incoming', 'instruct', '2026-0001', '--leader', '张局长', '--text', '办', '--deadline', '2026-11-25']);
    expect(await overdue()).toEqual({ code: 3, refs: ['2026-0001'] });
  });

  it('incoming.default-days and incoming.classified-days', async () => {
    const { ok, overdue } = await fresh();
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--secret', '秘密', '--copy-no', '1', '--circle', '李明']);
    await ok(['incoming', 'review', 'M2026-0001', '--accept']);
    await ok(['incoming', 'hand', 'M2026-0001', '--to', '李明', '--copy', '1']);
    expect((await overdue()).code).toBe(0);
    await ok(['config', 'set', 'incoming.classified-days', '3']);
    expect(await overdue()).toEqual({ code: 3, refs: ['M2026-0001'] });
    await ok(['incoming', 'receive', '--sender', 'B', '--title', 'U']);
    await ok(['config', 'set', 'incoming.default-days', '5']);
    expect(await overdue()).toEqual({ code: 3, refs: ['M2026-0001', '2026-0001'] });
  });

  it('seal.request-days', async () => {
    const { ok, overdue } = await fresh();
    await ok(['seal', 'add', '--name', '公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
    await ok(['seal', 'request', '--seal', 'S001', '--doc', '合同', '--unit', '办公室', '--purpose', '签订', '--count', '1']);
    await ok(['seal', 'approve', 'Y2026-0001', '--approver', '周主任']);
    expect((await overdue()).code).toBe(0);
    await ok(['config', 'set', 'seal.request-days', '7']);
    expect(await overdue()).toEqual({ code: 3, refs: ['Y2026-0001'] });
  });
});
