/** The shelf check is linear in the list and reads only regular files of bounded size. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShelf } from '../../../src/registers/archive/rules.js';
import { cli, tempDir, testCtx } from '../../helpers.js';

describe('archive check --found', () => {
  it('handles 40,000 lines of one number in linear time (it was quadratic: minutes)', () => {
    const ctx = testCtx();
    const start = performance.now();
    const r = checkShelf(ctx.db, 'Z001-WS·2026-Y-0001\n'.repeat(40_000));
    expect(r.duplicates).toEqual([{ archiveNo: 'Z001-WS·2026-Y-0001', lines: Array.from({ length: 40_000 }, (_, i) => i + 1) }]);
    expect(performance.now() - start).toBeLessThan(5_000);
  }, 20_000);

  it('refuses a device, a folder and a list with control characters (nothing read past them)', async () => {
    const dir = tempDir();
    try {
      const env = { WENMI_DB: path.join(dir, 'w.db') };
      expect((await cli(['init'], { env })).code).toBe(0);
      for (const f of ['/dev/zero', dir]) {
        const r = await cli(['archive', 'check', '--found', f], { env });
        expect(r.code, f).toBe(1);
        expect(r.stderr).toContain('not a regular file');
      }
      const list = path.join(dir, 'list.txt');
      fs.writeFileSync(list, 'Z001-WS·2026-Y-0001\n\u0000\u0000\n');
      const r = await cli(['archive', 'check', '--found', list], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('line 2: holds the control character U+0000');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
