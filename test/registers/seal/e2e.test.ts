import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, bin, binAsync, tempDir } from '../../helpers.js';

describe('the built binary', () => {
  beforeAll(async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(BIN, '..', '..') });
  });

  it('two processes stamping the same request at once never exceed the approved count', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    expect(bin(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管'], { env }).code).toBe(0);
    for (let i = 0; i < 4; i++) {
      expect(bin(['seal', 'request', '--seal', 'S001', '--doc', `合同${i}`, '--unit', '办公室', '--purpose', '签约', '--count', '3'], { env }).code).toBe(0);
      expect(bin(['seal', 'approve', `Y2026-000${i + 1}`, '--approver', '周主任'], { env }).code).toBe(0);
    }
    for (let i = 1; i <= 4; i++) {
      const [a, b] = await Promise.all([binAsync(['seal', 'stamp', `Y2026-000${i}`, '--count', '2'], env), binAsync(['seal', 'stamp', `Y2026-000${i}`, '--count', '2'], env)]);
      expect([a.code, b.code].sort()).toEqual([0, 1]);
      expect(a.stderr + b.stderr).toContain('would exceed it');
    }
    const requests = JSON.parse(bin(['seal', 'requests', '--format', 'json'], { env }).stdout) as { stamped: number; approved: number }[];
    expect(requests.map((r) => r.stamped)).toEqual([2, 2, 2, 2]);
    const verify = bin(['verify'], { env });
    expect(verify.code).toBe(0);
  });

  it('requests made by processes at once get distinct numbers without gaps', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    expect(bin(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管'], { env }).code).toBe(0);
    const ask = (i: number) => binAsync(['seal', 'request', '--seal', 'S001', '--doc', `合同${i}`, '--unit', '办公室', '--purpose', '签约', '--count', '1'], env);
    const out: string[] = [];
    for (let pair = 0; pair < 3; pair++) {
      const runs = await Promise.all([ask(2 * pair), ask(2 * pair + 1)]);
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(0);
        out.push(r.stdout.trim());
      }
    }
    expect(out.sort()).toEqual(['Y2026-0001', 'Y2026-0002', 'Y2026-0003', 'Y2026-0004', 'Y2026-0005', 'Y2026-0006']);
    expect(bin(['verify'], { env }).code).toBe(0);
  });

  it('lines stamped by processes at once get distinct numbers of their year without gaps', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    expect(bin(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管'], { env }).code).toBe(0);
    expect(bin(['seal', 'request', '--seal', 'S001', '--doc', '合同', '--unit', '办公室', '--purpose', '签约', '--count', '6'], { env }).code).toBe(0);
    expect(bin(['seal', 'approve', 'Y2026-0001', '--approver', '周主任'], { env }).code).toBe(0);
    for (let pair = 0; pair < 3; pair++) {
      const runs = await Promise.all([binAsync(['seal', 'stamp', 'Y2026-0001', '--count', '1'], env), binAsync(['seal', 'stamp', 'Y2026-0001', '--count', '1'], env)]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
    }
    const lines = JSON.parse(bin(['seal', 'export', '--format', 'json'], { env }).stdout) as { no: string }[];
    expect(lines.map((l) => l.no).sort()).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005', '2026-0006']);
    expect(bin(['verify'], { env }).code).toBe(0);
  });

  it('refuses --blank and a lent seal as a user would meet them', () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    bin(['init', '--db', db]);
    bin(['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管'], { env });
    const blank = bin(['seal', 'request', '--seal', 'S001', '--doc', '介绍信', '--unit', 'A', '--purpose', 'B', '--count', '1', '--blank'], { env });
    expect(blank.code).toBe(2);
    expect(blank.stdout).toBe('');
    const noDue = bin(['seal', 'lend', 'S001', '--to', '孙律师', '--approver', '周主任'], { env });
    expect([noDue.code, noDue.stderr]).toEqual([2, 'error: missing required options: --due\nGive them on the command line (nothing is asked without a terminal).\n']);
    expect(JSON.parse(bin(['seal', 'requests', '--format', 'json'], { env }).stdout)).toEqual([]);
  });
});
