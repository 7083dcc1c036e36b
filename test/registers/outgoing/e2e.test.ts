/** The built binary (run `node scripts/build.mjs` first): two desks numbering signed documents at once. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, bin, binAsync, tempDir } from '../../helpers.js';

describe('the built binary', () => {
  beforeAll(async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(BIN, '..', '..') });
  });

  it('gives two processes numbering at once consecutive numbers, no gap, no duplicate', async () => {
    const db = path.join(tempDir(), 'w.db');
    const env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    expect(bin(['config', 'set', 'outgoing.prefix', '某办发'], { env }).code).toBe(0);
    for (let i = 1; i <= 6; i++) {
      const id = `NG2026-000${i}`;
      expect(bin(['outgoing', 'draft', '--title', `通知${i}`, '--drafter', '张文书', '--dept', '办公室'], { env }).stdout).toBe(`${id}\n`);
      expect(bin(['outgoing', 'review', id, '--reviewer', '李主任'], { env }).code).toBe(0);
      expect(bin(['outgoing', 'sign', id, '--signer', '王局长'], { env }).code).toBe(0);
    }
    const numbers: string[] = [];
    for (let pair = 0; pair < 3; pair++) {
      const runs = await Promise.all([binAsync(['outgoing', 'number', `NG2026-000${2 * pair + 1}`], env), binAsync(['outgoing', 'number', `NG2026-000${2 * pair + 2}`], env)]);
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(0);
        numbers.push(r.stdout.trim());
      }
    }
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `某办发〔2026〕${n}号`).sort());
    expect(bin(['verify'], { env }).code).toBe(0);
  });
});
