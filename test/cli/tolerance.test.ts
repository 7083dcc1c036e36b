/**
 * One tolerance everywhere (issue 10): dates, entry numbers, prices and name lists as people
 * type them, state filters in either language, `correct --clear`, and "in the future" messages
 * that say when now is. Each command runs in-process on a fresh database.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/cli/registry.js';
import { openDatabase } from '../../src/core/db.js';
import { cli, tempDir } from '../helpers.js';

let db: string;
const run = (args: string[], opts: { now?: string; lang?: 'zh' | 'en' } = {}) =>
  cli(opts.lang ? ['--lang', opts.lang, ...args] : args, { env: { WENMI_DB: db, ...(opts.now ? { WENMI_NOW: opts.now } : {}) } });
async function ok(args: string[], opts: { now?: string; lang?: 'zh' | 'en' } = {}) {
  const r = await run(args, opts);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}
function query(sql: string): unknown[] {
  const h = openDatabase(db, { create: false, migrations: buildRegistry().migrations });
  try {
    return h.prepare(sql).all();
  } finally {
    h.close();
  }
}
const journal = () => (query('SELECT count(*) AS n FROM journal')[0] as { n: number }).n;

beforeEach(async () => {
  db = path.join(tempDir(), 'w.db');
  await ok(['init', '--db', db]);
});

describe('dates', () => {
  it('take 2026.11.27, full-width forms and a day of this year', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T1', '--received', '２０２６／１１／２５']);
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T2', '--received', '2026.11.26 08:00']);
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T3', '--received', '11月27日 09:00', '--urgency', '加急', '--deadline', '１２－０１']);
    const rows = JSON.parse((await ok(['incoming', 'list', '--format', 'json'])).stdout) as { number: string; receivedOn: string; deadline: string | null }[];
    expect(rows.map((r) => [r.receivedOn, r.deadline])).toEqual([['2026-11-25', null], ['2026-11-26', null], ['2026-11-27', '2026-12-01']].sort().reverse().sort());
  });

  it('a bad date lists every form in the current language', async () => {
    const zh = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--received', '11/31'], { lang: 'zh' });
    expect(zh.code).toBe(2);
    for (const form of ['2026.11.27', '11-27', '11月27日', '今天', '+7d', 'eom', '全角']) expect(zh.stderr).toContain(form);
    const en = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--received', '11/31']);
    for (const form of ['2026.11.27', '11-27', '11月27日', 'today', '+7d', 'eom', 'Full-width']) expect(en.stderr).toContain(form);
    expect(journal()).toBe(0);
  });

  it('"in the future" shows the time that is in the future and now', async () => {
    const r = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--received', '2026-11-27 10:00'], { lang: 'zh' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('收文时间 2026-11-27 10:00 在将来（现在是 2026-11-27 09:30）');
    const s = await run(['seal', 'add', '--name', '公章甲', '--type', '公章', '--custodian', '李', '--since', '+1d'], { lang: 'zh' });
    expect(s.stderr).toContain('日期 2026-11-28 在将来（今天是 2026-11-27）');
  });
});

describe('entry numbers with full-width digits and dash look-alikes', () => {
  it('incoming', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    for (const ref of ['２０２６—０００１', '2026－0001', '2026–0001', '2026—1']) expect((await run(['incoming', 'show', ref])).code, ref).toBe(0);
  });

  it('archive loans', async () => {
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['archive', 'file', '--title', '报告', '--author', '办公室', '--date', '2026-11-20', '--retention', 'Y']);
    await ok(['archive', 'borrow', 'Z001-WS·2026-Y-0001', '--borrower', '钱', '--dept', '综合科', '--purpose', '查阅', '--approver', '周主任']);
    await ok(['archive', 'renew', 'J２０２６—０００１', '--approver', '周主任', '--days', '20']);
    await ok(['archive', 'return', 'J2026–1']);
  });

  it('supplies plans and stocktakes, and prices with full-width digits', async () => {
    await ok(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '２５．５０']);
    await ok(['supplies', 'receive', 'A4纸', '--qty', '２', '--price', '￥２６．５', '--unplanned', '--reason', '零星采购']);
    const items = JSON.parse((await ok(['supplies', 'item', 'list', '--format', 'json'])).stdout) as { priceFen: number }[];
    expect(items[0]!.priceFen).toBe(2550);
    const moves = JSON.parse((await ok(['supplies', 'movements', '--format', 'json'])).stdout) as { unitPriceFen: number }[];
    expect(moves[0]!.unitPriceFen).toBe(2650);
    await ok(['supplies', 'plan', 'add', '--item', 'A4纸', '--qty', '5']);
    await ok(['supplies', 'plan', 'approve', 'CG２０２６—０００１', '--approver', '周主任']);
    await ok(['supplies', 'stocktake', 'start', '--counter', '李四', '--witness', '张三']);
    await ok(['supplies', 'stocktake', 'count', 'A4纸', '2']);
    expect((await run(['supplies', 'stocktake', 'diff', 'PD2026－0001'])).code).toBe(0);
  });
});

describe('--witness A,B in every register', () => {
  it('seal handover and retire record every witness', async () => {
    await ok(['seal', 'add', '--name', '公章甲', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
    await ok(['seal', 'handover', 'S001', '--to', '赵新', '--witness', '钱主任,孙科长']);
    await ok(['seal', 'retire', 'S001', '--how', '封存', '--witness', '钱主任、吴科长']);
    const w = query("SELECT kind, witnesses FROM seal_events WHERE kind IN ('移交', '封存') ORDER BY id") as { kind: string; witnesses: string }[];
    expect(w.map((e) => [e.kind, JSON.parse(e.witnesses)])).toEqual([
      ['移交', ['钱主任', '孙科长']],
      ['封存', ['钱主任', '吴科长']],
    ]);
    expect((await ok(['verify'])).code).toBe(0);
  });

  it('a supplies stocktake keeps every witness, none of them the counter', async () => {
    await ok(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包']);
    expect((await run(['supplies', 'stocktake', 'start', '--counter', '李四', '--witness', '张三,李四'])).code).toBe(2);
    await ok(['supplies', 'stocktake', 'start', '--counter', '李四', '--witness', '张三，王五']);
    expect(query('SELECT witness FROM supplies_stocktakes')).toEqual([{ witness: '张三、王五' }]);
  });
});

describe('state and kind filters take the stored word or its English, in either language', () => {
  it('incoming, seal, supplies', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    for (const lang of ['en', 'zh'] as const) {
      expect((await ok(['incoming', 'list', '--state', 'registered'], { lang })).stdout).toContain('2026-0001');
      expect((await ok(['incoming', 'list', '--state', '已登记'], { lang })).stdout).toContain('2026-0001');
      expect((await ok(['incoming', 'list', '--state', 'closed'], { lang })).stdout).not.toContain('2026-0001');
    }
    await ok(['seal', 'add', '--name', '公章甲', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04']);
    expect((await ok(['seal', 'list', '--state', 'in-use', '--format', 'json'])).stdout).toContain('S001');
    await ok(['seal', 'request', '--seal', 'S001', '--doc', '合同', '--unit', '办公室', '--purpose', '签约', '--count', '1']);
    expect((await ok(['seal', 'requests', '--state', 'awaiting-approval', '--format', 'json'])).stdout).toContain('Y2026-0001');
    await ok(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包']);
    await ok(['supplies', 'receive', 'A4纸', '--qty', '2', '--price', '25', '--unplanned', '--reason', '零星采购']);
    expect(JSON.parse((await ok(['supplies', 'movements', '--kind', 'receipt', '--format', 'json'])).stdout)).toHaveLength(1);
    expect(JSON.parse((await ok(['supplies', 'movements', '--kind', 'issue', '--format', 'json'])).stdout)).toHaveLength(0);
    await ok(['supplies', 'plan', 'add', '--item', 'A4纸', '--qty', '5']);
    expect((await ok(['supplies', 'plan', 'list', '--state', 'draft', '--format', 'json'])).stdout).toContain('CG2026-0001');
    const bad = await run(['incoming', 'list', '--state', 'registerd']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('registered');
  });
});

describe('stored words given as values take the stored word or its English, in either language', () => {
  it('incoming --urgency/--medium, seal --type, outgoing --urgency, relay --channel; a wrong one lists the words of the language', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--urgency', 'extra-urgent', '--deadline', '+3d', '--medium', 'electronic'], { lang: 'en' });
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T2', '--urgency', 'Urgent', '--deadline', '+3d', '--medium', '纸质'], { lang: 'zh' });
    expect(query('SELECT urgency, medium FROM incoming_revisions ORDER BY id')).toEqual([
      { urgency: '特急', medium: '电子' },
      { urgency: '加急', medium: '纸质' },
    ]);
    await ok(['seal', 'add', '--name', '合同专用章', '--type', 'contract seal', '--custodian', '李保管', '--since', '2026-01-04'], { lang: 'en' });
    expect(query('SELECT type FROM seals')).toEqual([{ type: '合同章' }]);
    await ok(['outgoing', 'draft', '--title', '关于X的通知', '--drafter', '张文书', '--dept', '办公室', '--urgency', 'urgent']);
    expect((await ok(['outgoing', 'show', 'NG2026-0001', '--format', 'json'])).stdout).toContain('加急');
    await ok(['relay', 'down', '--channel', 'phone', '--caller', '张处长', '--source', '市委办公室', '--summary', '明早开会', '--to', '李局长']);
    expect((await ok(['relay', 'list', '--format', 'json'])).stdout).toContain('电话');
    const before = journal();
    const wrong = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T3', '--urgency', 'urgnet'], { lang: 'en' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Allowed choices are extra-urgent, urgent.');
    const wrongZh = await run(['incoming', 'receive', '--sender', 'A', '--title', 'T3', '--urgency', '急'], { lang: 'zh' });
    expect(wrongZh.code).toBe(2);
    expect(wrongZh.stderr).toContain('可选：特急、加急。');
    expect(journal()).toBe(before);
  });
});

describe('correct --clear empties an optional field', () => {
  it('incoming: a wrongly urgent document is corrected, not voided', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T', '--urgency', '加急', '--deadline', '+3d', '--pages', '4']);
    await ok(['incoming', 'correct', '2026-0001', '--clear', 'urgency,deadline', '--clear', 'pages', '--reason', '误登为加急']);
    const [row] = JSON.parse((await ok(['incoming', 'list', '--format', 'json'])).stdout) as { urgency: string | null; deadline: string | null; state: string }[];
    expect(row).toMatchObject({ urgency: null, deadline: null });
    expect(query('SELECT count(*) AS n FROM incoming_revisions')).toEqual([{ n: 2 }]);
    expect((await ok(['verify'])).code).toBe(0);
  });

  it('is refused for a field both given and cleared, or one that cannot be cleared, writing nothing', async () => {
    await ok(['incoming', 'receive', '--sender', 'A', '--title', 'T']);
    const before = journal();
    const both = await run(['incoming', 'correct', '2026-0001', '--clear', 'note', '--note', 'x', '--reason', 'r']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--note')]);
    const unknown = await run(['incoming', 'correct', '2026-0001', '--clear', 'title', '--reason', 'r']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('sender-no|type|urgency')]);
    expect(journal()).toBe(before);
  });

  it('supplies item and archive entry', async () => {
    await ok(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25', '--category', '纸品']);
    await ok(['supplies', 'item', 'correct', 'A4纸', '--clear', 'price,category', '--reason', '单价待定']);
    expect(JSON.parse((await ok(['supplies', 'item', 'list', '--format', 'json'])).stdout)[0]).toMatchObject({ priceFen: null, category: null });
    await ok(['config', 'set', 'archive.fonds', 'Z001']);
    await ok(['archive', 'file', '--title', '报告', '--author', '办公室', '--date', '2026-11-20', '--retention', 'Y', '--box', '3', '--doc-no', '某〔2026〕1号']);
    await ok(['archive', 'correct', 'Z001-WS·2026-Y-0001', '--clear', 'box', '--clear', 'doc-no', '--reason', '误填']);
    expect(JSON.parse((await ok(['archive', 'list', '--format', 'json'])).stdout)[0]).toMatchObject({ box: null, docNo: null });
    expect((await ok(['verify'])).code).toBe(0);
  });
});
