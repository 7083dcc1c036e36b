/** The relay register's face: how other registers name its entries. */
import { describe, expect, it } from 'vitest';
import { setLang } from '../../../src/core/i18n.js';
import { face } from '../../../src/registers/relay/api.js';
import { confirmRelay, relayDown } from '../../../src/registers/relay/rules.js';
import { expectRefused, testCtx } from '../../helpers.js';

describe('relay/api.ts', () => {
  it('finds the canonical number of a typed reference, or refuses (exit 1)', () => {
    const ctx = testCtx();
    relayDown(ctx, { source: '市委办公室', summary: '通知', to: ['李局长'] });
    expect(face.find(ctx.db, 'cd2026-1')).toBe('CD2026-0001');
    expectRefused(ctx, () => face.find(ctx.db, 'CD2026-0002'), 'relay.notFound', 'data');
  });

  it('names an entry in one line: main points (classified masked), source, day, state', () => {
    const ctx = testCtx();
    setLang('zh');
    relayDown(ctx, { source: '市委办公室', summary: '明早开会', to: ['李局长'], important: true });
    relayDown(ctx, { source: '市委机要局', summary: '某项部署', secret: '机密', channel: '机要', circle: ['李局长'], to: ['李局长'] });
    expect(face.summary(ctx.db, 'CD2026-0001')).toBe('明早开会 · 市委办公室 · 2026-11-27 · 待确认');
    confirmRelay(ctx, 'CD2026-0001', '李局长');
    expect(face.summary(ctx.db, 'CD2026-0001')).toBe('明早开会 · 市委办公室 · 2026-11-27 · 已确认');
    expect(face.summary(ctx.db, 'MCD2026-0001')).toBe('【机密】 · 市委机要局 · 2026-11-27 · 已传达');
    setLang('en');
    expect(face.summary(ctx.db, 'MCD2026-0001')).toBe('【机密】 · 市委机要局 · 2026-11-27 · passed on');
  });
});
