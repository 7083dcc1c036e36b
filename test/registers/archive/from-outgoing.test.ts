/**
 * archive file --from-outgoing: a dispatched outgoing document filed as an item that links 归档自
 * (filed-from) the document; refusals (not dispatched, filed twice, two sources) write nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { writeTx } from '../../../src/core/db.js';
import { linkEnds } from '../../../src/core/links.js';
import { setSetting } from '../../../src/core/settings.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { fileItem } from '../../../src/registers/archive/rules.js';
import { dispatchOutgoing, draftOutgoing, numberOutgoing, printRun, reviewOutgoing, signOutgoing } from '../../../src/registers/outgoing/rules.js';
import { cli, expectRefused, tables, tempDir } from '../../helpers.js';
import { archiveCtx } from './setup.js';

const ITEM = 'Z001-WS·2026-D30-0001';

describe('fileItem from an outgoing document', () => {
  it('takes its fields once dispatched, links both ends, and refuses earlier steps, a second filing and two sources', () => {
    const ctx = archiveCtx();
    writeTx(ctx.db, () => setSetting(ctx, buildRegistry().settings, 'outgoing.prefix', '某办发'));
    const id = draftOutgoing(ctx, { title: '关于年终工作的通知', drafter: '张文书', dept: '市某局办公室', to: ['各科室'], secret: '秘密★5年', pages: 4 }).draft_no;
    const early = expectRefused(ctx, () => fileItem(ctx, { fromOutgoing: id, retention: 'D30' }), 'archive.outgoingNotDispatched', 'data');
    expect(early.params).toMatchObject({ ref: 'NG2026-0001', state: '拟稿', first: '分发' });
    reviewOutgoing(ctx, id, { reviewer: '李主任' });
    signOutgoing(ctx, id, { signer: '王局长' });
    numberOutgoing(ctx, id);
    printRun(ctx, id, { copies: 3 });
    expect(expectRefused(ctx, () => fileItem(ctx, { fromOutgoing: '某办发〔2026〕1号', retention: 'D30' }), 'archive.outgoingNotDispatched').params.state).toBe('已印制');
    dispatchOutgoing(ctx, id, { to: '市财政局', via: '机要', copyNos: ['1'] });
    expectRefused(ctx, () => fileItem(ctx, { fromOutgoing: id, fromIncoming: '2026-0001', retention: 'D30' }), 'archive.twoSources', 'usage');
    const row = fileItem(ctx, { fromOutgoing: '某办发[2026]1号', retention: 'D30' });
    expect(row).toMatchObject({ archive_no: ITEM, title: '关于年终工作的通知', author: '市某局办公室', doc_no: '某办发〔2026〕1号', doc_date: '2026-11-27', secret_level: '秘密', secret_period: '5年', pages: 4, incoming_no: null });
    expect(linkEnds(ctx.db, { register: 'outgoing', ref: id })).toEqual([{ kind: 'filed-from', direction: 'from', other: { register: 'archive', ref: ITEM } }]);
    expect(linkEnds(ctx.db, { register: 'archive', ref: ITEM })).toEqual([{ kind: 'filed-from', direction: 'to', other: { register: 'outgoing', ref: id } }]);
    const twice = expectRefused(ctx, () => fileItem(ctx, { fromOutgoing: id, retention: 'D10' }), 'archive.outgoingFiled', 'data');
    expect(twice.params).toMatchObject({ ref: '某办发〔2026〕1号', archiveNo: ITEM });
    expectRefused(ctx, () => fileItem(ctx, { fromOutgoing: 'NG2026-0009', retention: 'D30' }), 'outgoing.notFound', 'data');
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
});

describe('archive file --from-outgoing, seen from both ends', () => {
  it('both shows list the link in zh, en and JSON; a draft not dispatched is refused writing nothing', async () => {
    const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
    let minute = 0;
    const run = (args: string[], lang: 'zh' | 'en' = 'en') => cli(lang === 'zh' ? ['--lang', 'zh', ...args] : args, { env: { ...env, WENMI_NOW: `2026-11-27T10:${String(minute++).padStart(2, '0')}` } });
    const ok = async (args: string[], lang: 'zh' | 'en' = 'en') => {
      const r = await run(args, lang);
      if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
      return r;
    };
    await ok(['init']);
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['config', 'set', 'outgoing.prefix', '某办发']);
    await ok(['outgoing', 'draft', '--title', '关于年终工作的通知', '--drafter', '张文书', '--dept', '办公室', '--to', '市财政局']);
    await ok(['outgoing', 'review', 'NG2026-0001', '--reviewer', '李主任']);
    await ok(['outgoing', 'sign', 'NG2026-0001', '--signer', '王局长']);
    await ok(['outgoing', 'number', 'NG2026-0001']);
    const before = (await ok(['verify'])).stderr.replace(/\d{2}:\d{2}/g, '');
    const zh = await run(['archive', 'file', '--from-outgoing', '某办发〔2026〕1号', '--retention', 'D30'], 'zh');
    expect([zh.code, zh.stderr]).toEqual([1, '错误：发文 某办发〔2026〕1号 处于“已编号”，不能归档：须先分发。\n']);
    const en = await run(['archive', 'file', '--from-outgoing', 'NG2026-0001', '--retention', 'D30']);
    expect([en.code, en.stderr]).toEqual([1, 'error: outgoing document 某办发〔2026〕1号 is numbered: before filing comes dispatch.\n']);
    expect((await ok(['verify'])).stderr.replace(/\d{2}:\d{2}/g, '')).toBe(before);
    await ok(['outgoing', 'print-run', 'NG2026-0001', '--copies', '2']);
    await ok(['outgoing', 'dispatch', 'NG2026-0001', '--to', '市财政局', '--via', '邮寄']);
    expect((await ok(['archive', 'file', '--from-outgoing', '某办发[2026]1号', '--retention', 'D30'])).stdout).toBe(`${ITEM}\n`);
    const archiveZh = (await ok(['archive', 'show', ITEM], 'zh')).stdout;
    expect(archiveZh).toMatch(/归档自\s*│\s*发文\s*│\s*NG2026-0001\s*│\s*某办发〔2026〕1号 · 关于年终工作的通知 · 2026-11-27 · 已分发/);
    const outgoingZh = (await ok(['outgoing', 'show', 'NG2026-0001'], 'zh')).stdout;
    expect(outgoingZh).toMatch(new RegExp(`归档为\\s*│\\s*档案\\s*│\\s*${ITEM}\\s*│\\s*关于年终工作的通知 · 2026-11-27 · 定期30年 · 在库`));
    expect((await ok(['archive', 'show', ITEM])).stdout).toMatch(/filed from\s*│\s*outgoing\s*│\s*NG2026-0001\s*│.*· dispatched/);
    expect((await ok(['outgoing', 'show', 'NG2026-0001'])).stdout).toMatch(/filed as\s*│\s*archive\s*│/);
    const a = JSON.parse((await ok(['archive', 'show', ITEM, '--format', 'json'])).stdout);
    const o = JSON.parse((await ok(['outgoing', 'show', 'NG2026-0001', '--format', 'json'])).stdout);
    expect(a.links).toEqual([{ kind: 'filed-from', direction: 'to', register: 'outgoing', ref: 'NG2026-0001', summary: '某办发〔2026〕1号 · 关于年终工作的通知 · 2026-11-27 · dispatched' }]);
    expect(o.links).toEqual([{ kind: 'filed-from', direction: 'from', register: 'archive', ref: ITEM, summary: '关于年终工作的通知 · 2026-11-27 · 30 years · on the shelf' }]);
    expect(a.entry).toMatchObject({ docNo: '某办发〔2026〕1号', author: '办公室' });
    expect((await ok(['verify'])).code).toBe(0);
  });
});
