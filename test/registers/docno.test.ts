/** A 文号 typed into incoming and archive (GB/T 9704, core/docno.ts): stored with 〔〕, the change said on stderr, found by search. */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

let db: string;
const run = (args: string[], lang?: 'zh' | 'en') => cli(args, { env: { WENMI_DB: db, WENMI_NOW: '2026-11-20T09:30', ...(lang === 'zh' ? { LANG: 'zh_CN.UTF-8' } : {}) } });
const ok = async (args: string[], lang?: 'zh' | 'en') => {
  const r = await run(args, lang);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
};
const json = (r: { stdout: string }) => JSON.parse(r.stdout);
const receive = (senderNo: string, title = '关于编报预算的通知') => ['incoming', 'receive', '--sender', '市财政局', '--title', title, '--sender-no', senderNo];
const file = (docNo: string) => ['archive', 'file', '--title', '关于预算的报告', '--author', '某局办公室', '--date', '2026-11-20', '--retention', 'Y', '--doc-no', docNo];

beforeEach(async () => {
  db = path.join(tempDir(), 'w.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
});

describe('incoming --sender-no', () => {
  it('stores look-alike brackets as 〔〕 and says so in one line', async () => {
    const r = await ok(receive('财预[2026]12号'));
    expect(r.stderr).toContain('the document number "财预[2026]12号" is stored with 〔〕: 财预〔2026〕12号\n');
    expect(json(await ok(['incoming', 'list', '--format', 'json']))[0].senderNo).toBe('财预〔2026〕12号');
    const zh = await ok(receive('财预【2026】13号', '另一份'), 'zh');
    expect(zh.stderr).toContain('文号“财预【2026】13号”的括号已改为六角括号：财预〔2026〕13号\n');
  });

  it('keeps a forbidden form as printed, with a warning naming the rule', async () => {
    const r = await ok(receive('财预〔2026〕第12号'));
    expect(r.stderr).toContain('no 第 before the serial (GB/T 9704 §7.2.5). Kept as written.');
    const lz = await ok(receive('财预〔2026〕012号', '另一份'), 'zh');
    expect(lz.stderr).toContain('序号不编虚位');
    expect(json(await ok(['incoming', 'list', '--format', 'json'])).map((d: { senderNo: string }) => d.senderNo)).toEqual(['财预〔2026〕第12号', '财预〔2026〕012号']);
  });

  it("keeps a company's own number as typed, without a word", async () => {
    const r = await ok(receive('HT-2026-001'));
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1); // only the receipt line
    expect(json(await ok(['incoming', 'list', '--format', 'json']))[0].senderNo).toBe('HT-2026-001');
  });

  it('takes the same number in other brackets for a duplicate receipt (refused, nothing written)', async () => {
    await ok(receive('财预〔2026〕12号'));
    const again = await run(receive('财预(2026)12号'));
    expect(again.code).toBe(1);
    expect(again.stderr).not.toContain('stored with 〔〕');
    expect(json(await ok(['incoming', 'list', '--format', 'json']))).toHaveLength(1);
  });

  it('correct --sender-no goes through the same rule', async () => {
    await ok(receive('HT-1'));
    const r = await ok(['incoming', 'correct', '2026-0001', '--sender-no', '财预（2026）12号', '--reason', '文号录错']);
    expect(r.stderr).toContain('is stored with 〔〕: 财预〔2026〕12号');
    expect(json(await ok(['incoming', 'list', '--format', 'json']))[0].senderNo).toBe('财预〔2026〕12号');
  });

  it('list --search with [2026] finds the stored 〔2026〕', async () => {
    await ok(receive('财预〔2026〕12号'));
    await ok(receive('HT-2026-001', '合同'));
    const found = json(await ok(['incoming', 'list', '--search', '财预[2026]', '--format', 'json']));
    expect(found.map((d: { number: string }) => d.number)).toEqual(['2026-0001']);
    expect(json(await ok(['incoming', 'list', '--search', '预算', '--format', 'json']))).toHaveLength(1); // titles still
  });
});

describe('archive --doc-no', () => {
  beforeEach(async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
  });

  it('stores look-alike brackets as 〔〕 and says so; search by [2026] finds it', async () => {
    const r = await ok([...file('某办[2026]15号'), '--format', 'json']);
    expect(json(r).docNo).toBe('某办〔2026〕15号');
    expect(r.stderr).toContain('the document number "某办[2026]15号" is stored with 〔〕: 某办〔2026〕15号\n');
    const found = json(await ok(['archive', 'search', '某办[2026]', '--format', 'json']));
    expect(found.map((i: { docNo: string }) => i.docNo)).toEqual(['某办〔2026〕15号']);
  });

  it('keeps a forbidden form as the document says it, with a warning; a non-文号 without one', async () => {
    const r = await ok([...file('某办〔26〕15号'), '--format', 'json'], 'zh');
    expect(json(r).docNo).toBe('某办〔26〕15号');
    expect(r.stderr).toContain('年份须写全四位');
    expect(r.stderr).toContain('已按原文照录');
    const plain = await ok([...file('HT-2026-001'), '--format', 'json']);
    expect(json(plain).docNo).toBe('HT-2026-001');
    expect(plain.stderr).not.toMatch(/document number/);
  });

  it('correct --doc-no goes through the same rule', async () => {
    const no = (await ok(file('HT-1'))).stdout.trim();
    const r = await ok(['archive', 'correct', no, '--doc-no', '某办［2026］7', '--reason', '文号录错']);
    expect(r.stderr).toContain('is stored with 〔〕: 某办〔2026〕7');
    expect(r.stderr).toContain('the serial ends in 号');
    const items = json(await ok(['archive', 'list', '--format', 'json']));
    expect(items[0].docNo).toBe('某办〔2026〕7');
  });
});
