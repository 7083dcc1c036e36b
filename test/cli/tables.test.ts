/**
 * Terminal tables at 80 columns: one line per row, identifiers whole, free text cut with …;
 * --wide, pipes and files carry every character; the paper books keep everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBook, renderTable, type Column } from '../../src/core/output/render.js';
import { memoryOut } from '../../src/core/output/sink.js';
import { displayWidth } from '../../src/core/output/width.js';
import { cli, tempDir } from '../helpers.js';

let dir: string;
let env: Record<string, string>;
const run = (args: string[], opts: Parameters<typeof cli>[1] = {}) => cli(args, { ...opts, env: { LANG: 'zh_CN.UTF-8', ...env, ...opts.env } });
async function ok(args: string[], now?: string) {
  const r = await run(args, { env: now ? { WENMI_NOW: now } : {} });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r;
}

const LONG_SENDER = '中共某某市委员会办公室机要保密局文电处（市委机要局）';
const LONG_TITLE = '关于进一步做好2027年度全市部门预算编制及绩效目标管理、政府采购预算和资产配置预算编报工作的通知';
const VERY_LONG = '关于做好全市安全生产大检查工作的紧急通知'.repeat(25); // 500 characters

beforeAll(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  const at = '2026-11-20T09:00';
  await ok(['init'], at);
  await ok(['config', 'set', 'unit.name', '某某市人民政府办公室'], at);
  await ok(['config', 'set', 'archive.fonds', 'Z001'], at);
  await ok(['incoming', 'receive', '--sender', LONG_SENDER, '--sender-no', '市委办发〔2026〕128号', '--title', LONG_TITLE, '--urgency', '加急', '--deadline', '2026-11-28', '--pages', '12', '--copies', '3'], at);
  await ok(['incoming', 'receive', '--sender', '市财政局', '--sender-no', '财预〔2026〕12号', '--title', VERY_LONG, '--note', '第一行\n第二行'], at);
  await ok(['incoming', 'receive', '--sender', '省政府办公厅', '--title', '关于开展秘密文件清查的函', '--secret', '秘密★5年', '--copy-no', '000003', '--urgency', '特急', '--deadline', '2026-11-26'], at);
  await ok(['archive', 'file', '--title', LONG_TITLE, '--author', '某某市财政局预算编审中心', '--date', '2026-11-02', '--retention', 'D30', '--org', 'BGS', '--doc-no', '财预〔2026〕12号'], at);
  await ok(['archive', 'borrow', 'Z001-WS·2026-D30-BGS-0001', '--borrower', '欧阳明华', '--dept', '市财政局预算编审中心综合科', '--purpose', '查阅2027年预算编制依据及历年执行情况', '--approver', '王主任', '--due', '2026-11-25'], at);
  await ok(['seal', 'add', '--name', '某某市人民政府办公室公章（第二枚）', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04'], at);
  await ok(['seal', 'request', '--seal', 'S001', '--doc', '关于采购2027年度办公设备及信息化运维服务的政府采购合同', '--unit', '办公室综合科（信息中心）', '--purpose', '签订合同并报送财政部门备案', '--count', '3', '--requester', '陈经办'], at);
  await ok(['seal', 'approve', 'Y2026-0001', '--approver', '周主任'], at);
  await ok(['seal', 'stamp', 'Y2026-0001', '--count', '2', '--note', '第一批'], at);
  await ok(['supplies', 'item', 'add', '--name', '彩色激光打印机硒鼓（青色，大容量）', '--spec', 'CF401X 2300页', '--unit', '个', '--price', '689.50'], at);
  await ok(['supplies', 'receive', '1', '--qty', '20', '--price', '689.50', '--unplanned', '--reason', '零星采购', '--supplier', '某某市办公用品政府采购定点供应商有限公司'], at);
  await ok(['supplies', 'issue', '1', '--qty', '2', '--dept', '市政府办公室综合科', '--person', '张三丰', '--approver', '办公室主任欧阳明华'], at);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LISTS: [string, string[]][] = [
  ['incoming list', ['incoming', 'list']],
  ['archive loans', ['archive', 'loans']],
  ['seal requests', ['seal', 'requests']],
  ['supplies movements', ['supplies', 'movements']],
  ['due', ['due', '--all']],
];

/** Every string a row's identifiers show (the values of its JSON that are not free text). */
describe('a list on an 80-column terminal', () => {
  for (const [name, args] of LISTS) {
    it(`${name}: fits 80 columns, one line per row, identifiers whole`, async () => {
      const json = JSON.parse((await run([...args, '--format', 'json'])).stdout) as Record<string, unknown>[];
      expect(json.length).toBeGreaterThan(0);
      const r = await run(args, { tty: true, columns: 80 });
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      expect(lines).toHaveLength(json.length + 1); // the header and one line per row
      for (const id of ['number', 'archiveNo', 'loanNo', 'ref'])
        for (const row of json) if (typeof row[id] === 'string') expect(r.stdout).toContain(row[id]);
    });

    it(`${name}: --wide and a pipe carry every character`, async () => {
      const piped = await run(args);
      const wide = await run([...args, '--wide'], { tty: true, columns: 80 });
      const rows = piped.stdout.trimEnd().split('\n');
      expect(wide.stdout.trimEnd().split('\n')).toHaveLength(rows.length);
      // a TSV text cell that starts like a formula carries a ' that the table does not show
      for (const cell of rows.slice(1).flatMap((r) => r.split('\t'))) if (cell !== '' && !cell.includes('\\n')) expect(wide.stdout).toContain(cell.replace(/^'(?=[=+\-@＝＋－＠])/, ''));
      expect(wide.stdout).not.toContain('…');
    });
  }

  it('cuts free text with … and keeps identifiers; a 500-character title is one line', async () => {
    const r = await run(['incoming', 'list'], { tty: true, columns: 80 });
    expect(r.stdout).toContain('2026-0001');
    expect(r.stdout).toContain('…');
    expect(r.stdout).not.toContain(VERY_LONG);
    const wide = await run(['incoming', 'list', '--wide'], { tty: true, columns: 80 });
    expect(wide.stdout).toContain(VERY_LONG);
    expect(wide.stdout).toContain(LONG_SENDER);
  });

  it('leaves out columns that are empty in every row', async () => {
    const r = await run(['incoming', 'list', '--ordinary', '--sender', '财政'], { tty: true, columns: 120 });
    const head = r.stdout.split('\n')[0]!;
    expect(head).toContain('标题');
    expect(head).not.toContain('密级'); // no row is classified
    expect(head).not.toContain('时限');
  });

  it('says which columns had no room, and --wide shows them', async () => {
    const r = await run(['seal', 'requests'], { tty: true, columns: 60 });
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(r.stderr).toMatch(/未显示 \d+ 列：.*--wide/);
  });

  it('wraps rather than cuts the fields of one entry (show), within the width', async () => {
    const r = await run(['incoming', 'show', '2026-0002'], { tty: true, columns: 80 });
    const fields = r.stdout.split('\n\n')[0]!;
    for (const line of fields.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(fields.replace(/\s+/g, '')).toContain(VERY_LONG);
  });
});

describe('rendering time is linear in the text', () => {
  const huge = '关于做好全市安全生产大检查工作的紧急通知'.repeat(500); // 10,000 characters
  const columns: Column[] = [
    { key: 'number', label: { zh: '收文编号', en: 'number' }, kind: 'id' },
    { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 28 },
    { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id', num: true },
  ];
  const rows = [{ number: '2026-0001', title: huge, pages: 3 }, { number: '2026-0002', title: '短标题', pages: 1 }];
  /** Draws twice (the first loads cli-table3 and warms up) and times the second. */
  const timed = async (draw: (out: ReturnType<typeof memoryOut>) => Promise<unknown>) => {
    await draw(memoryOut());
    const out = memoryOut();
    const t0 = performance.now();
    await draw(out);
    return { ms: performance.now() - t0, text: out.text() };
  };

  it('lays out and draws a 10,000-character title in well under a second: a fitted list, a full table, a book', async () => {
    const { ms: fitMs, text: fitted } = await timed((out) => renderTable(out, columns, rows, { fit: { width: 80, mode: 'cut' } }));
    const { ms: fullMs } = await timed((out) => renderTable(out, columns, rows));
    const { ms: bookMs, text: book } = await timed((out) => renderBook(out, { title: '收文登记簿', meta: [], columns, rows, footer: [] }));
    console.log(`10,000-character title: fitted ${fitMs.toFixed(0)} ms, full table ${fullMs.toFixed(0)} ms, book ${bookMs.toFixed(0)} ms`);
    expect(fitMs).toBeLessThan(1000);
    expect(fullMs).toBeLessThan(1000);
    expect(bookMs).toBeLessThan(1000);
    expect(fitted.trimEnd().split('\n')).toHaveLength(3);
    expect(fitted.split('\n').every((l) => displayWidth(l) <= 80)).toBe(true);
    // the book keeps the whole title, wrapped in its own column, and its rules line up
    const lines = book.split('\n').slice(1, -1);
    expect(lines.map((l) => l.split('│')[2] ?? '').join('').replace(/\s/g, '')).toContain(huge + '短标题');
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('prints a register holding a title of the longest length a title may have (500), keeping it whole', async () => {
    const longest = '关于做好全市防汛抗旱工作的紧急通知'.repeat(29) + '补充意见一二三四五六七'.slice(0, 7); // 500 characters
    await ok(['incoming', 'receive', '--sender', '市财政局', '--title', longest], '2026-11-21T09:00');
    const book = await run(['incoming', 'print', '--month', '2026-11']);
    expect(book.code).toBe(0);
    expect(book.stdout.split('\n').map((l) => l.split('│')[5] ?? '').join('').replace(/\s/g, '')).toContain(longest);
    const list = await run(['incoming', 'list'], { tty: true, columns: 80 });
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(5);
  });
});
