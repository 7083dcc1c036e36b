import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

let env: Record<string, string>;
let dir: string;
const at = (now: string) => ({ env: { ...env, WENMI_NOW: now } });
const run = (args: string[], now = '2026-11-27T09:30') => cli(['supplies', ...args], at(now));
const json = async (args: string[], now?: string) => {
  const r = await run([...args, '--format', 'json'], now);
  return JSON.parse(r.stdout) as Record<string, any>[];
};
const journal = async () => JSON.parse((await cli(['verify', '--format', 'json'], { env })).stdout || '{}');

beforeEach(async () => {
  dir = tempDir();
  env = { WENMI_DB: path.join(dir, 'w.db') };
  expect((await cli(['init'], { env })).code).toBe(0);
  await run(['item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25', '--reorder', '10'], '2026-11-01T09:00');
  await run(['item', 'add', '--name', '签字笔', '--spec', '0.5mm 黑', '--unit', '支', '--price', '1.50', '--reorder', '20'], '2026-11-01T09:00');
});

describe('supplies commands', () => {
  it('adds an item and prints its number; names every missing flag at once (exit 2)', async () => {
    const r = await run(['item', 'add', '--name', '订书钉', '--spec', '24/6', '--unit', '盒']);
    expect(r).toMatchObject({ code: 0, stdout: '3\n' });
    const missing = await run(['item', 'add', '--name', '订书机']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--spec --unit');
    const huge = await run(['receive', 'A4纸', '--qty', '99999999999999999999', '--price', '25', '--unplanned', '--reason', '零星采购']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('must be a whole number from 1 to 1000000');
    const noItems = await run(['stocktake', 'start', '--items', '', '--counter', '李四', '--witness', '张三']);
    expect(noItems.code).toBe(2);
    expect(noItems.stderr).toContain('--items names no item');
    expect(await json(['stocktake', 'list'])).toEqual([]);
    const badPrice = await run(['item', 'add', '--name', 'x', '--spec', 'y', '--unit', 'z', '--price', '1.234']);
    expect(badPrice.code).toBe(2);
    expect(badPrice.stderr).toMatch(/price "1.234"/);
    expect((await json(['item', 'list'])).map((r) => [r.item, r.name, r.priceFen])).toEqual([
      [1, 'A4纸', 2500],
      [2, '签字笔', 150],
      [3, '订书钉', null],
    ]);
  });

  it('receives and issues; an issue beyond the balance exits 1 and changes nothing', async () => {
    expect((await run(['receive', 'A4纸', '--qty', '5', '--price', '25.00', '--unplanned', '--reason', '零星采购', '--supplier', '文具公司'])).stdout).toBe('2026-0001\n');
    const issued = await run(['issue', 'A4纸', '--qty', '2', '--dept', '办公室', '--person', '张三', '--format', 'json']);
    expect(JSON.parse(issued.stdout)).toMatchObject({ no: '2026-0002', kind: '领用', qty: -2, valueFen: -5000, balance: 3, balanceValueFen: 7500 });
    expect(issued.stderr).toContain('balance 3 包, 75.00');
    const before = await journal();
    const refused = await run(['issue', 'A4纸', '--qty', '4', '--dept', '办公室', '--person', '张三']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds only 3 包; cannot take out 4 包');
    expect(refused.stdout).toBe('');
    expect((await journal()).entries).toBe(before.entries);
    const noDept = await run(['issue', 'A4纸', '--qty', '1']);
    expect(noDept.code).toBe(2);
    expect(noDept.stderr).toContain('--dept --person');
    const unknown = await run(['issue', '订书机', '--qty', '1', '--dept', 'a', '--person', 'b']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no item "订书机"');
    const stock = await json(['stock']);
    expect(stock.find((r) => r.name === 'A4纸')).toMatchObject({ qty: 3, valueFen: 7500, averageFen: 2500, below: true });
    expect((await cli(['verify'], { env })).code).toBe(0);
  });

  it('runs a stocktake: movements wait, diff exits 3 then 0, close needs a reason, CSV money stays numeric', async () => {
    await run(['receive', 'A4纸', '--qty', '20', '--price', '25', '--unplanned', '--reason', '零星采购'], '2026-11-02T09:00');
    await run(['receive', '签字笔', '--qty', '45', '--price', '1.52', '--unplanned', '--reason', '零星采购'], '2026-11-02T09:00');
    const now = '2026-11-30T16:00';
    const started = await run(['stocktake', 'start', '--counter', '李四', '--witness', '张三'], now);
    expect(started).toMatchObject({ code: 0, stdout: 'PD2026-0001\n' });
    const blocked = await run(['issue', 'A4纸', '--qty', '1', '--dept', 'a', '--person', 'b'], now);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('is being counted in PD2026-0001');
    const uncounted = await run(['stocktake', 'diff'], now);
    expect(uncounted.code).toBe(3);
    await run(['stocktake', 'count', 'A4纸', '20'], now);
    await run(['stocktake', 'count', '签字笔', '45'], now);
    const matches = await run(['stocktake', 'diff', '--format', 'json'], now);
    expect(matches.code).toBe(0);
    expect(JSON.parse(matches.stdout).map((l: any) => l.result)).toEqual(['相符', '相符']);
    await run(['stocktake', 'count', '签字笔', '43'], now);
    const differs = await run(['stocktake', 'diff', '--format', 'json'], now);
    expect(differs.code).toBe(3);
    expect(JSON.parse(differs.stdout)[1]).toMatchObject({ name: '签字笔', book: 45, counted: 43, difference: -2, valueFen: -304, result: '盘亏' });
    expect(differs.stderr).toContain('1 shortage');
    const noReason = await run(['stocktake', 'close'], now);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('give the reason with --reason');
    expect((await run(['stocktake', 'close', '--reason', '两支笔丢失'], now)).code).toBe(0);
    const report = await run(['report', '--month', '2026-11', '--format', 'csv'], now);
    expect(report.stdout.split('\r\n')[2]).toBe('2,签字笔,0.5mm 黑,支,0,0,45,68.4,0,0,0,0,-2,-3.04,43,65.36,1');
    expect(report.stdout).not.toContain("'-");
    // after close the items move again; the closed count still diffs by number (exit 3: it differed)
    expect((await run(['issue', 'A4纸', '--qty', '1', '--dept', 'a', '--person', 'b'], now)).code).toBe(0);
    expect((await run(['stocktake', 'diff', 'PD2026-0001'], now)).code).toBe(3);
    expect((await json(['stocktake', 'list'], now))[0]).toMatchObject({ number: 'PD2026-0001', state: '已结束', items: 2, differences: 1 });
    expect((await cli(['verify'], { env })).code).toBe(0);
  });

  it('imports counts: a bad row rejects the whole file with line numbers; GB18030 and the sheet CSV work', async () => {
    await run(['receive', 'A4纸', '--qty', '20', '--price', '25', '--unplanned', '--reason', '零星采购'], '2026-11-02T09:00');
    await run(['stocktake', 'start', '--counter', '李四', '--witness', '张三']);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'item,counted\nA4纸,21\n签字笔,-1\n');
    const before = await journal();
    const r = await run(['stocktake', 'import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 bad row; no count was recorded');
    expect(r.stderr).toContain('line 3:');
    expect((await journal()).entries).toBe(before.entries);
    const gbk = path.join(dir, 'gbk.csv');
    fs.writeFileSync(gbk, Buffer.concat([Buffer.from('item,counted\r\nA4'), Buffer.from([0xd6, 0xbd]), Buffer.from(',21\r\n'), Buffer.from([0xc7, 0xa9, 0xd7, 0xd6, 0xb1, 0xca]), Buffer.from(',19\r\n')]));
    const notUtf8 = await run(['stocktake', 'import', gbk]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toContain('line 3 is not valid utf-8') // line 2 (纸 = D6 BD) happens to be valid UTF-8 too;
    expect(notUtf8.stderr).toContain('--encoding gb18030');
    expect((await run(['stocktake', 'import', gbk, '--encoding', 'gb18030'])).code).toBe(0);
    expect((await json(['stocktake', 'diff'])).map((l) => l.counted)).toEqual([21, 19]);
    // the count sheet as CSV: BOM, the headers import understands, blank counts
    const sheet = path.join(dir, 'sheet.csv');
    expect((await run(['stocktake', 'sheet', '-o', sheet])).code).toBe(0);
    const text = fs.readFileSync(sheet, 'utf8');
    expect(text.startsWith('\ufeffitem,name,spec,unit,book,counted,difference,note\r\n')).toBe(true);
    fs.writeFileSync(sheet, text.replace('2,签字笔,0.5mm 黑,支,,,,', '2,签字笔,0.5mm 黑,支,,18,,'));
    expect((await run(['stocktake', 'import', sheet])).stderr).toContain('imported 1 count (1 blank row skipped)');
    expect((await json(['stocktake', 'diff'])).map((l) => l.counted)).toEqual([21, 18]);
  });

  it('prints a count sheet with signature lines, book quantities only when asked', async () => {
    await run(['receive', 'A4纸', '--qty', '20', '--price', '25', '--unplanned', '--reason', '零星采购'], '2026-11-02T09:00');
    await run(['stocktake', 'start', '--counter', '李四', '--witness', '张三']);
    const blind = await cli(['--lang', 'zh', 'supplies', 'stocktake', 'sheet'], { env });
    expect(blind.stdout).toContain('办公用品盘点表');
    expect(blind.stdout).toContain('盘点单号 PD2026-0001');
    expect(blind.stdout).toContain('监盘人（签字）');
    // the print stamp every paper book carries: who printed it and the journal head verify can prove
    expect(blind.stdout).toMatch(/打印于 2026-11-27 09:30，经办人 \S+。日志链头 \d+:[0-9a-f]{64}/);
    expect(blind.stdout).not.toMatch(/│\s+20 │/);
    const shown = await run(['stocktake', 'sheet', '--show-book']);
    expect(shown.stdout).toMatch(/│\s+20 │/);
    // the same sheet as a printable page: the counter's and the witness's signature block
    const page = await cli(['--lang', 'zh', 'supplies', 'stocktake', 'sheet', '--format', 'html'], { env });
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('<h1>办公用品盘点表</h1>');
    expect(page.stdout).toContain('<div class="signatures"><div>盘点人（签字）：</div><div>监盘人（签字）：</div><div>日期：</div></div>');
  });

  it('plans: add, approve, receive against, list with what is still to come, and feed `wenmi due`', async () => {
    expect((await run(['plan', 'suggest', '--format', 'json'])).stdout).toContain('"proposed":20');
    const p = await run(['plan', 'add', '--item', 'A4纸', '--qty', '40', '--needed-by', '2026-12-05']);
    expect(p.stdout).toBe('CG2026-0001\n');
    expect((await run(['receive', 'A4纸', '--qty', '10', '--price', '25', '--plan', 'CG2026-0001'])).code).toBe(1);
    expect((await run(['plan', 'approve', 'CG2026-0001'])).code).toBe(2);
    expect((await run(['plan', 'approve', 'CG2026-0001', '--approver', '李主任'])).code).toBe(0);
    expect((await run(['receive', 'A4纸', '--qty', '10', '--price', '25', '--plan', 'CG2026-0001'])).code).toBe(0);
    expect((await json(['plan', 'list']))[0]).toMatchObject({ number: 'CG2026-0001', qty: 40, received: 10, toCome: 30, estimateFen: 100000, state: '已批准' });
    const due = JSON.parse((await cli(['due', '--within', '14d', '--format', 'json'], { env })).stdout);
    expect(due).toMatchObject([{ register: 'supplies', ref: 'CG2026-0001', due: '2026-12-05', days: 8 }]);
  });

  it('movements and usage views filter by period, item, department', async () => {
    await run(['receive', 'A4纸', '--qty', '20', '--price', '25', '--unplanned', '--reason', '零星采购'], '2026-11-02T09:00');
    await run(['issue', 'A4纸', '--qty', '2', '--dept', '办公室', '--person', '张三'], '2026-11-03T09:00');
    await run(['issue', 'A4纸', '--qty', '3', '--dept', '办公室', '--person', '张三'], '2026-11-04T09:00');
    await run(['issue', 'A4纸', '--qty', '1', '--dept', '财务科', '--person', '李四'], '2026-12-01T09:00');
    const nov = await json(['movements', '--month', '2026-11', '--dept', '办公室'], '2026-12-01T09:00');
    expect(nov.map((m) => [m.date, m.qty, m.balance, m.operator])).toEqual([
      ['2026-11-03', -2, 18, '王秘书'],
      ['2026-11-04', -3, 15, '王秘书'],
    ]);
    const usage = await json(['usage', '--month', '2026-11'], '2026-12-01T09:00');
    expect(usage).toMatchObject([
      { dept: '办公室', person: '张三', name: 'A4纸', qty: 5, valueFen: 12500, times: 2 },
      { dept: 'total', valueFen: 12500, times: 2 },
    ]);
    // this month by default
    expect((await json(['usage'], '2026-12-01T09:00')).map((u) => u.dept)).toEqual(['财务科', 'total']);
    expect((await run(['movements', '--kind', '入库', '--format', 'json'])).stdout).toContain('"kind":"入库"');
  });

  it('suggest --draft drafts a plan per item below its level; correct and retire items from the command line', async () => {
    const drafted = await run(['plan', 'suggest', '--draft', '--format', 'json']);
    expect(drafted.code).toBe(0);
    expect(JSON.parse(drafted.stdout).map((r: any) => [r.name, r.proposed])).toEqual([
      ['A4纸', 20],
      ['签字笔', 40],
    ]);
    expect(drafted.stderr).toContain('drafted 2 purchase plans: CG2026-0001, CG2026-0002');
    expect(JSON.parse((await run(['plan', 'suggest', '--format', 'json'])).stdout)).toEqual([]);
    expect((await run(['item', 'correct', '签字笔', '--reorder', '30'])).code).toBe(2);
    expect((await run(['item', 'correct', '签字笔', '--reorder', '30', '--reason', '用量增加'])).code).toBe(0);
    expect((await run(['item', 'retire', '2', '--reason', '改用中性笔'])).code).toBe(0);
    const refused = await run(['receive', '2', '--qty', '1', '--price', '1', '--unplanned', '--reason', '零星采购']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is retired');
    expect((await json(['item', 'list', '--all'])).map((r) => [r.item, r.reorder, r.state])).toEqual([
      [1, 10, '在用'],
      [2, 30, '停用'],
    ]);
    expect((await cli(['verify'], { env })).code).toBe(0);
  });
});
