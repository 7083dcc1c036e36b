/**
 * End to end with the built binary (run `node scripts/build.mjs` first; `npm test` does):
 * concurrent processes issuing the last units, stdin import, and the month-end shell script.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, bin, binAsync, NOW, ROOT, tempDir, type CliResult } from '../../helpers.js';

const baseEnv = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', WENMI_NOW: NOW, WENMI_OPERATOR: '王秘书' });

/** Starts the binary without waiting for it: several of these run at once. */
function start(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function freshDb(): Record<string, string> {
  const env = { WENMI_DB: path.join(tempDir(), 'w.db') };
  expect(bin(['init'], { env }).code).toBe(0);
  expect(bin(['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包'], { env }).code).toBe(0);
  return env;
}

const balance = (env: Record<string, string>) => JSON.parse(bin(['supplies', 'stock', '--format', 'json'], { env }).stdout)[0] as { qty: number; valueFen: number };

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('build first: node scripts/build.mjs');
});

describe('two processes issuing the last units', () => {
  it('never drive stock negative: exactly one of two wins the last 5 units, round after round', async () => {
    const env = freshDb();
    for (let round = 1; round <= 4; round++) {
      expect(bin(['supplies', 'receive', 'A4纸', '--qty', '5', '--price', '25', '--unplanned', '--reason', '零星采购'], { env }).code).toBe(0);
      const issue = (person: string) => start(['supplies', 'issue', 'A4纸', '--qty', '5', '--dept', '办公室', '--person', person], env);
      const results = await Promise.all([issue('张三'), issue('李四')]);
      expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
      expect(results.find((r) => r.code === 1)!.stderr).toContain('holds only 0 包; cannot take out 5 包');
      expect(balance(env)).toMatchObject({ qty: 0, valueFen: 0 });
    }
    expect(bin(['verify'], { env }).code).toBe(0);
  });

  it('four processes taking 3 each from 10: three succeed, the balance ends at 1', async () => {
    const env = freshDb();
    expect(bin(['supplies', 'receive', 'A4纸', '--qty', '10', '--price', '25.03', '--unplanned', '--reason', '零星采购'], { env }).code).toBe(0);
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((p) => start(['supplies', 'issue', 'A4纸', '--qty', '3', '--dept', 'D', '--person', p], env)));
    expect(results.filter((r) => r.code === 0)).toHaveLength(3);
    expect(results.filter((r) => r.code === 1)).toHaveLength(1);
    expect(balance(env)).toMatchObject({ qty: 1, valueFen: 2503 });
    expect(bin(['verify'], { env }).code).toBe(0);
  });
});

describe('processes posting at once', () => {
  it('get distinct numbers of the year without gaps, movements and reversals in one series', async () => {
    const env = freshDb();
    expect(bin(['supplies', 'receive', 'A4纸', '--qty', '10', '--price', '25', '--unplanned', '--reason', '零星采购'], { env }).code).toBe(0);
    expect(bin(['supplies', 'issue', 'A4纸', '--qty', '1', '--dept', 'D', '--person', 'p'], { env }).code).toBe(0);
    const runs = await Promise.all([
      binAsync(['supplies', 'issue', 'A4纸', '--qty', '1', '--dept', 'D', '--person', 'a'], env),
      binAsync(['supplies', 'reverse', '2026-0002', '--reason', '领错了'], env),
      binAsync(['supplies', 'receive', 'A4纸', '--qty', '1', '--price', '25', '--unplanned', '--reason', '零星采购'], env),
      binAsync(['supplies', 'issue', 'A4纸', '--qty', '1', '--dept', 'D', '--person', 'b'], env),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs.map((r) => r.stdout.trim()).sort()).toEqual(['2026-0003', '2026-0004', '2026-0005', '2026-0006']);
    const moves = JSON.parse(bin(['supplies', 'movements', '--format', 'json'], { env }).stdout) as { no: string }[];
    expect(moves.map((m) => m.no).sort()).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005', '2026-0006']);
    expect(bin(['verify'], { env }).code).toBe(0);
  });
});

describe('stocktake import from standard input', () => {
  it('reads `-` as stdin, with a BOM', () => {
    const env = freshDb();
    bin(['supplies', 'receive', 'A4纸', '--qty', '4', '--price', '25', '--unplanned', '--reason', '零星采购'], { env });
    expect(bin(['supplies', 'stocktake', 'start', '--counter', '李四', '--witness', '张三'], { env }).code).toBe(0);
    const r = bin(['supplies', 'stocktake', 'import', '-'], { env, input: '\ufeffitem,counted\r\nA4纸,4\r\n' });
    expect(r.code).toBe(0);
    expect(bin(['supplies', 'stocktake', 'diff'], { env }).code).toBe(0);
  });
});

describe('the month-end script', () => {
  it('runs a whole month; the report matches figures computed by hand', () => {
    const work = tempDir();
    const script = path.join(ROOT, 'test', 'registers', 'supplies', 'month-end.sh');
    const r = spawnSync('bash', [script], {
      cwd: work,
      encoding: 'utf8',
      env: { ...baseEnv(), WENMI: `${process.execPath} ${BIN}`, WORK: work },
      timeout: 60_000,
    });
    expect(r.stderr).toContain('book differs from the count: closing with a reason');
    expect(r.status).toBe(0);
    const nov = JSON.parse(fs.readFileSync(path.join(work, 'report-2026-11.json'), 'utf8')) as Record<string, number | string | null>[];
    const byName = (rows: typeof nov, name: string) => rows.find((x) => x.name === name)!;
    // A4纸: 10 × 25.00 + 20 × 26.00 = 770.00; issue 7 → round(7 × 77000 / 30) = 17967; issue 3 → round(3 × 59033 / 23) = 7700;
    // surplus 1 → round(51333 / 20) = 2567; closing 21 包 = 77000 − 25667 + 2567 = 53900 fen
    expect(byName(nov, 'A4纸')).toMatchObject({
      openingQty: 0, openingValueFen: 0, receivedQty: 30, receivedValueFen: 77000, issuedQty: 10, issuedValueFen: 25667,
      writtenOffQty: 0, writtenOffValueFen: 0, adjustedQty: 1, adjustedValueFen: 2567, closingQty: 21, closingValueFen: 53900,
    });
    // 签字笔: 50 × 1.50 + 10 × 1.60 = 91.00; issue 12 → 1800; write-off 3 → round(3 × 5700 / 38) = 450;
    // shortage 2 → round(2 × 6850 / 45) = 304; closing 43 支 = 9100 − 1800 − 450 − 304 = 6546 fen
    expect(byName(nov, '签字笔')).toMatchObject({
      receivedQty: 60, receivedValueFen: 9100, issuedQty: 12, issuedValueFen: 1800, writtenOffQty: 3, writtenOffValueFen: 450,
      adjustedQty: -2, adjustedValueFen: -304, closingQty: 43, closingValueFen: 6546,
    });
    expect(byName(nov, '订书钉')).toMatchObject({ receivedQty: 5, receivedValueFen: 1500, adjustedQty: 0, closingQty: 5, closingValueFen: 1500 });
    expect(byName(nov, 'total')).toMatchObject({
      openingValueFen: 0, receivedValueFen: 87600, issuedValueFen: 27467, writtenOffValueFen: 450, adjustedValueFen: 2263, closingValueFen: 61946, unplanned: 5,
    });
    // December opens where November closed; 2 包 out at round(2 × 53900 / 21) = 5133
    const dec = JSON.parse(fs.readFileSync(path.join(work, 'report-2026-12.json'), 'utf8')) as typeof nov;
    expect(byName(dec, 'A4纸')).toMatchObject({ openingQty: 21, openingValueFen: 53900, issuedQty: 2, issuedValueFen: 5133, closingQty: 19, closingValueFen: 48767 });
    expect(byName(dec, 'total')).toMatchObject({ openingValueFen: 61946, closingValueFen: 56813 });
    // the CSV for people: BOM, yuan as numbers, a negative adjustment not taken for a formula
    const csv = fs.readFileSync(path.join(work, 'report-2026-11.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('2,签字笔,0.5mm 黑,支,0,0,60,91,12,18,3,4.5,-2,-3.04,43,65.46,2\r\n');
    const diff = fs.readFileSync(path.join(work, 'diff.csv'), 'utf8');
    expect(diff).toContain('1,A4纸,70g,包,20,21,1,25.67,surplus');
    expect(diff).toContain('2,签字笔,0.5mm 黑,支,45,43,-2,-3.04,shortage');
  });
});
