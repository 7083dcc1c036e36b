/** The relay register's face: how other registers name its entries. */
import { describe, expect, it } from 'vitest';
import { find, summary } from '../../../src/registers/relay/api.js';
import { confirmRelay, relayDown } from '../../../src/registers/relay/rules.js';
import { testCtx } from '../../helpers.js';

describe('relay/api.ts', () => {
  it('finds the canonical number of a typed reference, or nothing', () => {
    const ctx = testCtx();
    relayDown(ctx, { source: '市委办公室', summary: '通知', to: ['李局长'] });
    expect(find(ctx.db, 'cd2026-1')).toBe('CD2026-0001');
    expect(find(ctx.db, 'CD2026-0002')).toBeUndefined();
    expect(find(ctx.db, '2026-0001')).toBeUndefined();
  });

  it('names an entry in one line: main points (classified masked), day, state', () => {
    const ctx = testCtx();
    relayDown(ctx, { source: '市委办公室', summary: '明早开会', to: ['李局长'], important: true });
    relayDown(ctx, { source: '市委机要局', summary: '某项部署', secret: '机密', channel: '机要', circle: ['李局长'], to: ['李局长'] });
    expect(summary(ctx.db, 'CD2026-0001')).toBe('明早开会（2026-11-27，待确认）');
    confirmRelay(ctx, 'CD2026-0001', '李局长');
    expect(summary(ctx.db, 'CD2026-0001')).toBe('明早开会（2026-11-27，已确认）');
    expect(summary(ctx.db, 'MCD2026-0001')).toBe('【机密】（2026-11-27，已传达）');
  });
});
