/** The built binary (run `node scripts/build.mjs` first): concurrent filing by two processes, and the shelf list on stdin. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, binAsync, tempDir } from '../../helpers.js';

describe('the built binary', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    const db = path.join(tempDir(), 'w.db');
    env = { WENMI_DB: db };
    expect(bin(['init', '--db', db]).code).toBe(0);
    expect(bin(['config', 'set', 'archive.fonds', 'Z001'], { env }).code).toBe(0);
  });

  it('numbers items gap-free when two processes file into the same series at once', async () => {
    const file = ['archive', 'file', '--title', 'T', '--author', 'A', '--date', '2026-11-20', '--retention', 'Y', '--org', 'BGS'];
    // rounds of two processes started together, so their transactions overlap
    const out: string[] = [];
    for (let round = 0; round < 12; round++) {
      const rs = await Promise.all([binAsync(file, env), binAsync(file, env)]);
      for (const r of rs) {
        expect(r.code, r.stderr).toBe(0);
        out.push(r.stdout.trim());
      }
    }
    expect(out.sort()).toEqual(Array.from({ length: 24 }, (_, i) => `Z001-WS·2026-Y-BGS-${String(i + 1).padStart(4, '0')}`));
    expect(bin(['verify'], { env }).code).toBe(0);
  }, 60_000);

  it("words the incoming register's refusals when only the archive register is loaded", () => {
    const r = bin(['archive', 'file', '--from-incoming', '2026-0099', '--retention', 'D10'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there is no incoming document numbered 2026-0099');
    expect(r.stderr).not.toContain('incoming.notFound');
  });

  it('reads the shelf list from stdin and exits 3 on a difference', () => {
    const list = bin(['archive', 'list', '--format', 'json'], { env });
    const nos = (JSON.parse(list.stdout) as { archiveNo: string }[]).map((r) => r.archiveNo);
    expect(bin(['archive', 'check', '--found', '-'], { env, input: '\ufeff' + nos.join('\n') + '\n' }).code).toBe(0);
    const r = bin(['archive', 'check', '--found', '-', '--format', 'tsv'], { env, input: nos.slice(1).join('\n') });
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[1]).toBe(`${nos[0]}\tmissing (not on the shelf, not on loan)\t\t`);
  });
});
