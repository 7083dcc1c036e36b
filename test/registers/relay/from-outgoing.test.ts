/**
 * relay up --from-outgoing: a report up links 上报发文 (reports) to the outgoing document it sends;
 * a classified document sent up as ordinary information is refused, writing nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkEnds } from '../../../src/core/links.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { draftOutgoing } from '../../../src/registers/outgoing/rules.js';
import { relayUp } from '../../../src/registers/relay/rules.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

describe('relayUp from an outgoing document', () => {
  it('links the report to the document both ways, and refuses a classified document sent up as ordinary', () => {
    const ctx = testCtx();
    const open = draftOutgoing(ctx, { title: '关于年终工作的报告', drafter: '张文书', dept: '办公室' }).draft_no;
    const secret = draftOutgoing(ctx, { title: '某涉密报告', drafter: '张文书', dept: '办公室', secret: '秘密★5年' }).draft_no;
    expect(expectRefused(ctx, () => relayUp(ctx, { to: '市委办公室', summary: '报送', fromOutgoing: secret }), 'relay.outgoingClassified', 'data').params).toMatchObject({ ref: 'NG2026-0002', level: '秘密' });
    expectRefused(ctx, () => relayUp(ctx, { to: '市委办公室', summary: '报送', fromOutgoing: 'NG2026-0009' }), 'outgoing.notFound', 'data');
    const row = relayUp(ctx, { to: '市委办公室', summary: '报送年终工作报告', channel: '文件', fromOutgoing: open });
    expect(linkEnds(ctx.db, { register: 'relay', ref: row.number })).toEqual([{ kind: 'reports', direction: 'to', other: { register: 'outgoing', ref: open } }]);
    expect(linkEnds(ctx.db, { register: 'outgoing', ref: open })).toEqual([{ kind: 'reports', direction: 'from', other: { register: 'relay', ref: row.number } }]);
    const classified = relayUp(ctx, { to: '市委办公室', summary: '报送', secret: '秘密★5年', channel: '机要', fromOutgoing: secret });
    expect(classified.number).toBe('MSB2026-0001');
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
});

describe('relay up --from-outgoing, seen from both ends', () => {
  it('both shows list the link in zh, en and JSON; an unknown document is refused writing nothing', async () => {
    const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
    let minute = 0;
    const run = (args: string[], lang: 'zh' | 'en' = 'en') => cli(lang === 'zh' ? ['--lang', 'zh', ...args] : args, { env: { ...env, WENMI_NOW: `2026-11-27T10:${String(minute++).padStart(2, '0')}` } });
    const ok = async (args: string[], lang: 'zh' | 'en' = 'en') => {
      const r = await run(args, lang);
      if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
      return r;
    };
    await ok(['init']);
    await ok(['config', 'set', 'outgoing.prefix', '某办发']);
    await ok(['outgoing', 'draft', '--title', '关于年终工作的报告', '--drafter', '张文书', '--dept', '办公室', '--type', '报告']);
    await ok(['outgoing', 'review', 'NG2026-0001', '--reviewer', '李主任']);
    await ok(['outgoing', 'sign', 'NG2026-0001', '--signer', '王局长']);
    await ok(['outgoing', 'number', 'NG2026-0001']);
    const up = ['relay', 'up', '--to', '市委办公室', '--summary', '报送年终工作报告', '--channel', '文件', '--from-outgoing'];
    const before = (await ok(['verify'])).stdout;
    const missing = await run([...up, '某办发〔2026〕9号']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('某办发〔2026〕9号');
    expect((await ok(['verify'])).stdout).toBe(before);
    expect((await ok([...up, '某办发[2026]1号'])).stdout).toBe('SB2026-0001\n');
    expect((await ok(['relay', 'show', 'SB2026-0001'], 'zh')).stdout).toMatch(/上报发文\s*│\s*发文\s*│\s*NG2026-0001\s*│\s*某办发〔2026〕1号 · 关于年终工作的报告 · 2026-11-27 · 已编号/);
    expect((await ok(['outgoing', 'show', 'NG2026-0001'], 'zh')).stdout).toMatch(/上报为\s*│\s*信息传达\s*│\s*SB2026-0001\s*│/);
    expect((await ok(['relay', 'show', 'SB2026-0001'])).stdout).toMatch(/sends up\s*│\s*outgoing\s*│\s*NG2026-0001\s*│.*· numbered/);
    expect((await ok(['outgoing', 'show', 'NG2026-0001'])).stdout).toMatch(/sent up as\s*│\s*relay\s*│\s*SB2026-0001/);
    const r = JSON.parse((await ok(['relay', 'show', 'SB2026-0001', '--format', 'json'])).stdout);
    const o = JSON.parse((await ok(['outgoing', 'show', 'NG2026-0001', '--format', 'json'])).stdout);
    expect(r.links).toEqual([{ kind: 'reports', direction: 'to', register: 'outgoing', ref: 'NG2026-0001', summary: '某办发〔2026〕1号 · 关于年终工作的报告 · 2026-11-27 · numbered' }]);
    expect(o.links).toMatchObject([{ kind: 'reports', direction: 'from', register: 'relay', ref: 'SB2026-0001' }]);
    expect((await ok(['verify'])).code).toBe(0);
  });
});
