/** A trigger's RAISE(ABORT, …) is a refusal with its own message (exit 1), never an "internal error". */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../src/cli/main.js';
import { setLang } from '../../src/core/i18n.js';
import { receiveIncoming } from '../../src/registers/incoming/rules.js';
import { testCtx } from '../helpers.js';

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('errors raised by the database triggers', () => {
  afterEach(() => setLang('en'));

  it('a business-rule trigger names the rule, in zh and en, and exits 1', () => {
    const ctx = testCtx();
    const e = caught(() => ctx.db.prepare("INSERT INTO supplies_reversals (id, movement_id, item_id, moved_on, qty, value, reason) VALUES (1, 1, 1, '2026-11-27', 1, 1, 'x')").run());
    expect((e as { code: string }).code).toBe('SQLITE_CONSTRAINT_TRIGGER');
    setLang('en');
    const en = errorText(e, false);
    expect(en.code).toBe(1);
    expect(en.text).toContain('the database refused the change by a rule of the register: supplies_reversals: not the exact opposite');
    expect(en.text).not.toMatch(/internal error/);
    setLang('zh');
    expect(errorText(e, false).text).toMatch(/^数据库按登记规则拒绝了这次写入：supplies_reversals/);
    expect(ctx.db.prepare('SELECT count(*) FROM supplies_reversals').pluck().get()).toBe(0);
  });

  it('an append-only trigger keeps its own message', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: '2026-11-27T09:00:00+00:00', sender: '市财政局', title: '一' });
    const e = caught(() => ctx.db.prepare('DELETE FROM journal').run());
    setLang('en');
    expect(errorText(e, false)).toEqual({ text: expect.stringMatching(/^posted entries cannot be changed or deleted: journal is append-only/), code: 1 });
  });
});
