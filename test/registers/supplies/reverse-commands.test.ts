/** `wenmi supplies reverse`: exit codes, outputs, refusals that write nothing, and how lists and the report show a reversal. */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../helpers.js';

let env: Record<string, string>;
const run = (args: string[], now = '2026-11-27T09:30') => cli(['supplies', ...args], { env: { ...env, WENMI_NOW: now } });
const json = async (args: string[]) => JSON.parse((await run([...args, '--format', 'json'])).stdout) as Record<string, any>[];
const entries = async () => JSON.parse((await cli(['verify', '--format', 'json'], { env })).stdout).entries as number;

beforeEach(async () => {
  env = { WENMI_DB: path.join(tempDir(), 'w.db') };
  expect((await cli(['init'], { env })).code).toBe(0);
  await run(['item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25'], '2026-11-01T09:00');
  await run(['receive', 'A4纸', '--qty', '20', '--price', '25.30', '--unplanned', '--reason', '零星采购', '--supplier', '文具公司'], '2026-11-02T09:00'); // no. 1
  await run(['issue', 'A4纸', '--qty', '3', '--dept', '办公室', '--person', '张三'], '2026-11-03T09:00'); // no. 2
});

describe('supplies reverse', () => {
  it('posts the reversal: its number on stdout (or JSON), a sentence on stderr; lists and the report show it', async () => {
    const r = await run(['reverse', '2026-0002', '--reason', '应为财务科领用', '--approver', '李主任']);
    expect(r).toMatchObject({ code: 0, stdout: '2026-0003\n' });
    expect(r.stderr).toContain('no. 2026-0003: reversed no. 2026-0002 (issue of 3 包 A4纸（70g）, value 75.90); balance 20 包, 506.00');
    const again = await run(['issue', 'A4纸', '--qty', '3', '--dept', '财务科', '--person', '李四', '--format', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ no: '2026-0004', kind: '领用' });
    const moves = await json(['movements']);
    expect(moves.map((m) => [m.no, m.kind, m.qty, m.valueFen, m.balance, m.dept, m.reverses, m.reversedBy])).toEqual([
      ['2026-0001', '入库', 20, 50600, 20, null, null, null],
      ['2026-0002', '领用', -3, -7590, 17, '办公室', null, '2026-0003'],
      ['2026-0003', '冲销', 3, 7590, 20, '办公室', '2026-0002', null],
      ['2026-0004', '领用', -3, -7590, 17, '财务科', null, null],
    ]);
    expect(moves[2]).toMatchObject({ approver: '李主任', reason: '应为财务科领用', operator: '王秘书' });
    expect((await json(['movements', '--kind', '冲销'])).map((m) => m.no)).toEqual(['2026-0003']);
    const en = await run(['movements', '--kind', '冲销', '--format', 'tsv']);
    expect(en.stdout).toContain('\treversal\t');
    const [paper, total] = await json(['report', '--month', '2026-11']);
    expect(paper).toMatchObject({ receivedQty: 20, issuedQty: 3, issuedValueFen: 7590, closingQty: 17, closingValueFen: 43010 });
    expect(total).toMatchObject({ issuedValueFen: 7590, closingValueFen: 43010 });
    expect((await json(['usage', '--month', '2026-11'])).map((u) => [u.dept, u.qty, u.times])).toEqual([
      ['财务科', 3, 1],
      ['total', null, 1],
    ]);
    expect((await cli(['verify'], { env })).code).toBe(0);
  });

  it('prints JSON naming the movement reversed, and speaks Chinese under --lang zh', async () => {
    const r = await cli(['--lang', 'zh', 'supplies', 'reverse', '1', '--reason', '单价录错', '--format', 'json'], { env });
    expect(r.code).toBe(1); // 3 of its 20 units were issued since
    expect(r.stderr).toContain('冲销第 2026-0001 笔（入库 20包）要从 #1 A4纸（70g） 减去 20包，但结存只有 17包');
    expect(r.stderr).toContain('先冲销此后的领用、报废（从最近的一笔起）');
    await run(['reverse', '2', '--reason', '未领走']);
    const ok = await run(['reverse', '2026-1', '--reason', '单价录错', '--format', 'json']);
    expect(JSON.parse(ok.stdout)).toEqual({ no: '2026-0004', date: '2026-11-27', kind: '冲销', reverses: '2026-0001', item: 1, qty: -20, valueFen: -50600, balance: 0, balanceValueFen: 0 });
    expect((await cli(['verify'], { env })).code).toBe(0);
  });

  it('refuses with exit 2 (usage) or 1 (data), printing nothing on stdout and writing nothing', async () => {
    const cases: [string[], number, string][] = [
      [['reverse', '2'], 2, 'missing required options: --reason'],
      [['reverse', 'abc', '--reason', 'x'], 2, '"abc" is not a movement number'],
      [['reverse', '2', '--reason', 'x', '--date', '2026-12-01'], 2, 'the date 2026-12-01 is in the future'],
      [['reverse', '99', '--reason', 'x'], 1, 'there is no movement no. 2026-0099.'],
      [['reverse', '2025-0002', '--reason', 'x'], 1, 'there is no movement no. 2025-0002.'],
      [['reverse', '2026-0000', '--reason', 'x'], 2, 'is not a movement number: a number is like 2026-0012'],
      [['reverse', '1', '--reason', 'x'], 1, 'which holds only 17 包'],
      [['reverse', '2', '--reason', 'x', '--date', '2026-11-02'], 1, 'is before its last entry or count (2026-11-03)'],
    ];
    const before = await entries();
    for (const [args, code, text] of cases) {
      const r = await run(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code, stdout: '' });
      expect(r.stderr).toContain(text);
    }
    expect(await entries()).toBe(before);
    expect((await run(['reverse', '2', '--reason', '领错了'])).code).toBe(0);
    const after = await entries();
    const twice = await run(['reverse', '2', '--reason', 'x']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('no. 2026-0002 was already reversed on 2026-11-27 by no. 2026-0003');
    const ofReversal = await run(['reverse', '3', '--reason', 'x']);
    expect(ofReversal.code).toBe(1);
    expect(ofReversal.stderr).toContain('no. 2026-0003 is itself a reversal (of no. 2026-0002); a reversal cannot be reversed.');
    expect(ofReversal.stderr).toContain('enter the movement again as it was');
    expect(await run(['stocktake', 'start', '--counter', '李四', '--witness', '张三'])).toMatchObject({ code: 0 });
    const counting = await run(['reverse', '1', '--reason', 'x']);
    expect(counting.code).toBe(1);
    expect(counting.stderr).toContain('is being counted in PD2026-0001');
    expect(await entries()).toBe(after + 2); // the count's own rows only
    expect((await cli(['verify'], { env })).code).toBe(0);
  });
});
