/** The built binary (run `node scripts/build.mjs` first): two processes logging at once, and the evening script. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, binAsync, tempDir } from '../../helpers.js';

describe('the built binary', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    const db = path.join(tempDir(), 'w.db');
    env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
  });

  it('numbers entries gap-free when two processes log into the same series at once', async () => {
    const down = ['relay', 'down', '--source', '市委办公室', '--summary', '通知', '--to', '李局长', '--channel', '电话', '--important'];
    const out: string[] = [];
    for (let round = 0; round < 8; round++) {
      const rs = await Promise.all([binAsync(down, env), binAsync(down, env)]);
      for (const r of rs) {
        expect(r.code, r.stderr).toBe(0);
        out.push(r.stdout.trim());
      }
    }
    expect(out.sort()).toEqual(Array.from({ length: 16 }, (_, i) => `CD2026-${String(i + 1).padStart(4, '0')}`));
    expect(bin(['verify'], { env }).code).toBe(0);
  }, 60_000);

  it('answers the evening script: exit 3 while anything is unconfirmed past its day', () => {
    const tomorrow = { ...env, WENMI_NOW: '2026-11-29T18:00' };
    const r = bin(['due', '--register', 'relay', '--fail-if-overdue', '--format', 'tsv'], { env: tomorrow });
    expect(r.code).toBe(3);
    expect(r.stdout.trim().split('\n')).toHaveLength(17);
    expect(r.stderr).toContain('16');
  });
});
