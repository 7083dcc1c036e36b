/** `wenmi outgoing …` in-process: exit codes, refusals that write nothing, the book in zh and en. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

async function office() {
  const db = path.join(tempDir(), 'w.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
  let minute = 0;
  // one increasing clock: the journal never goes back
  const run = (args: string[], lang: 'zh' | 'en' = 'en') => cli(lang === 'zh' ? ['--lang', 'zh', ...args] : args, { env: { WENMI_DB: db, WENMI_NOW: `2026-11-27T10:${String(minute++).padStart(2, '0')}` } });
  const journal = async () => (await run(['verify'])).stderr;
  return { run, journal };
}

describe('wenmi outgoing', () => {
  it('runs the chain, refusing steps out of order with exit 1 and writing nothing', async () => {
    const { run, journal } = await office();
    expect((await run(['config', 'set', 'outgoing.prefix', '某办发'])).code).toBe(0);
    const drafted = await run(['outgoing', 'draft', '--title', '关于年终工作的通知', '--drafter', '张文书', '--dept', '办公室', '--to', '各科室,市财政局']);
    expect([drafted.code, drafted.stdout]).toEqual([0, 'NG2026-0001\n']);
    const before = await journal();
    const early = await run(['outgoing', 'number', 'NG2026-0001']);
    expect([early.code, early.stderr]).toEqual([1, 'error: NG2026-0001 is draft: before numbering comes sign-off.\n']);
    const zh = await run(['outgoing', 'sign', 'NG2026-0001', '--signer', '王局长'], 'zh');
    expect([zh.code, zh.stderr]).toEqual([1, '错误：NG2026-0001 处于“拟稿”，不能签发：须先审核。\n']);
    const missing = await run(['outgoing', 'review', 'NG2026-0001']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--reviewer');
    const own = await run(['outgoing', 'review', 'NG2026-0001', '--reviewer', '张文书']);
    expect(own.code).toBe(1);
    expect(await journal()).toBe(before);
    expect((await run(['outgoing', 'review', 'NG2026-0001', '--reviewer', '李主任'])).code).toBe(0);
    expect((await run(['outgoing', 'sign', 'NG2026-0001', '--signer', '王局长'])).code).toBe(0);
    const numbered = await run(['outgoing', 'number', 'NG2026-0001']);
    expect([numbered.code, numbered.stdout]).toEqual([0, '某办发〔2026〕1号\n']);
    const voided = await run(['outgoing', 'void-number', '某办发[2026]1号', '--reason', '文种有误']);
    expect(voided.code).toBe(0);
    expect(voided.stderr).toContain('is stored with 〔〕: 某办发〔2026〕1号');
    expect((await run(['outgoing', 'number', 'NG2026-0001'])).stdout).toBe('某办发〔2026〕2号\n');
    expect((await run(['outgoing', 'print-run', '某办发〔2026〕2号', '--copies', '5'])).code).toBe(0);
    const via = await run(['outgoing', 'dispatch', 'NG2026-0001', '--to', '市财政局', '--via', '飞鸽']);
    expect(via.code).toBe(2);
    expect((await run(['outgoing', 'dispatch', 'NG2026-0001', '--to', '市财政局', '--via', '邮寄'])).code).toBe(0);
    expect((await run(['outgoing', 'receipt', 'NG2026-0001', '--to', '市财政局'])).code).toBe(0);
    const list = JSON.parse((await run(['outgoing', 'list', '--format', 'json'])).stdout) as { docNo: string; state: string }[];
    expect(list.map((r) => [r.docNo, r.state])).toEqual([['某办发〔2026〕2号', '已分发']]);
    const book = await run(['outgoing', 'print'], 'zh');
    expect(book.code).toBe(0);
    expect(book.stdout).toContain('发文登记簿');
    expect(book.stdout).toMatch(/某办发〔2026〕1号.*作废：文种有误/);
    expect(book.stdout).toContain('共 2 个文号（其中作废 1 个）');
    const en = await run(['outgoing', 'print']);
    expect(en.stdout).toContain('Register of outgoing documents');
    expect(en.stdout).toContain('Numbers: 2 (1 voided)');
    const rows = JSON.parse((await run(['outgoing', 'export', '--format', 'json'])).stdout) as { dispatch: string | null }[];
    expect(rows.map((r) => r.dispatch)).toEqual([null, '市财政局 (post, receipt 2026-11-27)']);
    const report = JSON.parse((await run(['outgoing', 'report', '--month', '2026-11', '--format', 'json'])).stdout) as { counts: unknown[]; voided: { number: string; reason: string }[] };
    expect(report.counts).toEqual([
      { by: 'prefix', key: '某办发', count: 1 },
      { by: 'type', key: null, count: 1 },
      { by: 'state', key: '已分发', count: 1 },
    ]);
    expect(report.voided).toEqual([{ number: '某办发〔2026〕1号', on: '2026-11-27', reason: '文种有误' }]);
    expect((await run(['verify'])).code).toBe(0);
  });

  it('masks classified titles unless --reveal, which is journaled', async () => {
    const { run } = await office();
    await run(['outgoing', 'draft', '--title', '某涉密事项的通知', '--drafter', '张文书', '--dept', '办公室', '--secret', '机密★10年']);
    expect((await run(['verify'])).stderr).toMatch(/verified: 1 journal entr/);
    const masked = await run(['outgoing', 'list']);
    expect(masked.stdout).toContain('【机密】');
    expect(masked.stdout).not.toContain('某涉密事项');
    const shown = await run(['outgoing', 'list', '--reveal']);
    expect(shown.stdout).toContain('某涉密事项的通知');
    const history = JSON.parse((await run(['outgoing', 'history', 'NG2026-0001', '--format', 'json'])).stdout) as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['draft']);
    expect((await run(['verify'])).stderr).toMatch(/verified: 2 journal entries/);
    // a printed page that shows a classified title says 涉密 (CLASSIFIED) on every page; one that masks it does not
    for (const step of [['review', '--reviewer', '李主任'], ['sign', '--signer', '王局长'], ['number', '--prefix', '某办发']])
      expect((await run(['outgoing', step[0]!, 'NG2026-0001', ...step.slice(1)])).code).toBe(0);
    const page = await run(['outgoing', 'print', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'html']);
    expect(page.stdout).not.toContain('某涉密事项');
    expect(page.stdout).not.toContain('class="classified"');
    const revealed = await run(['outgoing', 'print', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'html', '--reveal']);
    expect(revealed.stdout).toContain('某涉密事项的通知');
    expect(revealed.stdout).toContain('<div class="classified">CLASSIFIED</div>');
  });

  it('shows a document with its dispatch lines and its link to the incoming document it answers, on both ends', async () => {
    const { run } = await office();
    await run(['incoming', 'receive', '--sender', '市财政局', '--title', '关于预算的通知']);
    await run(['outgoing', 'draft', '--title', '关于预算的复函', '--drafter', '张文书', '--dept', '办公室', '--reply-to', '2026-1']);
    for (const step of [['review', '--reviewer', '李主任'], ['sign', '--signer', '王局长'], ['number', '--prefix', '某办函'], ['print-run', '--copies', '1'], ['dispatch', '--to', '市财政局', '--via', '邮寄']])
      expect((await run(['outgoing', step[0]!, 'NG2026-0001', ...step.slice(1)])).code).toBe(0);
    const shown = JSON.parse((await run(['outgoing', 'show', '某办函〔2026〕1号', '--format', 'json'])).stdout) as { entry: { docNo: string }; dispatch: { to: string }[]; links: { kind: string; register: string; ref: string }[] };
    expect(shown.entry.docNo).toBe('某办函〔2026〕1号');
    expect(shown.dispatch.map((d) => d.to)).toEqual(['市财政局']);
    expect(shown.links.map((l) => [l.kind, l.register, l.ref])).toEqual([['answers', 'incoming', '2026-0001']]);
    const other = await run(['incoming', 'show', '2026-0001'], 'zh');
    expect(other.stdout).toContain('答复为');
    expect(other.stdout).toContain('某办函〔2026〕1号 · 关于预算的复函');
    const book = JSON.parse((await run(['incoming', 'export', '--format', 'json'])).stdout) as { handling: string }[];
    expect(book.map((r) => r.handling)).toEqual(['已登记；已答复：某办函〔2026〕1号']);
  });

  it('says which document is not found, with exit 1', async () => {
    const { run } = await office();
    const r = await run(['outgoing', 'history', 'NG2026-0009']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there is no outgoing document "NG2026-0009"');
  });
});
