/** seal request --incoming (issue #12): the request names the incoming document it stamps, linked on both ends. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linksOf } from '../../../src/core/links.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { addSeal } from '../../../src/registers/seal/rules.js';
import { requestUse } from '../../../src/registers/seal/usage.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../../helpers.js';

const at = '2026-11-20T09:00:00+08:00';
const base = { seal: 'S001', unit: '办公室', purpose: '回复来文', count: 1 };

describe('seal request --incoming', () => {
  it('takes the document name from the incoming document (a classified one by number only) and links them', () => {
    const ctx = testCtx();
    addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知' });
    receiveIncoming(ctx, { receivedAt: at, sender: '市委办公室', title: '某涉密文件', secret: '机密★10年', copyNo: '3' });
    expectRefused(ctx, () => requestUse(ctx, { ...base, incoming: '2026-0099' }), 'incoming.notFound', 'data');
    expect(requestUse(ctx, { ...base, incoming: '2026-0001' }).doc).toBe('关于编报预算的通知');
    expect(requestUse(ctx, { ...base, incoming: 'M2026-0001' }).doc).toBe('收文 M2026-0001（机密）');
    expect(requestUse(ctx, { ...base, incoming: '2026-0001', doc: '复函' }).doc).toBe('复函');
    expect(linksOf(ctx.db, { register: 'incoming', ref: '2026-0001' }).map((l) => [l.kind, l.from_ref])).toEqual([
      ['stamps-for', 'Y2026-0001'],
      ['stamps-for', 'Y2026-0003'],
    ]);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('through the CLI: a typed number folds, the link shows on the incoming document, an unknown one exits 1', async () => {
    const db = path.join(tempDir(), 'w.db');
    const run = (args: string[]) => cli(args, { env: { WENMI_DB: db } });
    expect((await cli(['init', '--db', db])).code).toBe(0);
    expect((await run(['seal', 'add', '--name', '公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04'])).code).toBe(0);
    expect((await run(['incoming', 'receive', '--sender', '市财政局', '--title', '关于编报预算的通知'])).code).toBe(0);
    const bad = await run(['seal', 'request', '--seal', 'S001', '--incoming', '2026-9', '--unit', '办公室', '--purpose', '回复', '--count', '1']);
    expect(bad.code).toBe(1);
    const r = await run(['seal', 'request', '--seal', 'S001', '--incoming', '2026-1', '--unit', '办公室', '--purpose', '回复', '--count', '1']);
    expect([r.code, r.stdout]).toEqual([0, 'Y2026-0001\n']);
    const show = JSON.parse((await run(['incoming', 'show', '2026-0001', '--format', 'json'])).stdout) as { links: Record<string, unknown>[] };
    expect(JSON.stringify(show.links)).toContain('Y2026-0001');
  });
});
