/** 遗失: to whom the loss was reported and the public notice are recorded with it (issue #12). */
import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../../src/core/verify.js';
import { historyRows } from '../../../src/registers/seal/report.js';
import { addSeal, reportLost } from '../../../src/registers/seal/rules.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';

describe('seal lost --reported-to --notice', () => {
  it('records both with the loss, shows them in the history, and still needs a reason', () => {
    const ctx = testCtx();
    const s = addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    expectRefused(ctx, () => reportLost(ctx, 'S001', { reportedTo: '派出所' }), /input.missing/);
    reportLost(ctx, 'S001', { reason: '出差途中被盗', reportedTo: '市公安局某派出所', notice: '2026-11-28《某日报》' });
    const row = ctx.db.prepare("SELECT reported_to, notice FROM seal_events WHERE kind = '遗失'").get();
    expect(row).toEqual({ reported_to: '市公安局某派出所', notice: '2026-11-28《某日报》' });
    expect(historyRows(ctx.db, s.id).map((r) => r.detail)).toContain('lost: 出差途中被盗; reported to 市公安局某派出所; public notice: 2026-11-28《某日报》');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });
});
