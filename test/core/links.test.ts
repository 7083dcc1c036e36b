/** Links between entries of different registers (core/links.ts): stored once, journaled, seen from both ends. */
import { describe, expect, it } from 'vitest';
import { writeTx } from '../../src/core/db.js';
import { addLink, linkedFrom, linkedTo, linkEnds } from '../../src/core/links.js';
import { verifyDatabase } from '../../src/core/verify.js';
import { expectRefused, tables, testCtx } from '../helpers.js';

const item = { register: 'archive', ref: 'Z001-WS·2026-Y-0001' };
const doc = { register: 'incoming', ref: '2026-0001' };

describe('links', () => {
  it('stores a link once, journaled under the register that made it, and lists it from both ends', () => {
    const ctx = testCtx();
    writeTx(ctx.db, () => addLink(ctx, 'filed-from', item, doc));
    const journal = ctx.db.prepare("SELECT register, action, tbl FROM journal WHERE tbl = 'links'").all();
    expect(journal).toEqual([{ register: 'archive', action: 'link', tbl: 'links' }]);
    expect(linkEnds(ctx.db, item)).toEqual([{ kind: 'filed-from', direction: 'to', other: doc }]);
    expect(linkEnds(ctx.db, doc)).toEqual([{ kind: 'filed-from', direction: 'from', other: item }]);
    expect(linkedFrom(ctx.db, 'filed-from', doc)).toEqual([item]);
    expect(linkedTo(ctx.db, 'filed-from', item)).toEqual([doc]);
    expect(linkedTo(ctx.db, 'other-kind', item)).toEqual([]);
    expect(linkEnds(ctx.db, { register: 'incoming', ref: '2026-0002' })).toEqual([]);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses the same link twice and writes nothing', () => {
    const ctx = testCtx();
    writeTx(ctx.db, () => addLink(ctx, 'filed-from', item, doc));
    expectRefused(ctx, () => writeTx(ctx.db, () => addLink(ctx, 'filed-from', item, doc)), 'link.exists', 'data');
  });

  it('is append-only, and verify catches a link altered behind the tool', () => {
    const ctx = testCtx();
    writeTx(ctx.db, () => addLink(ctx, 'filed-from', item, doc));
    expect(() => ctx.db.prepare("UPDATE links SET to_ref = '2026-0009'").run()).toThrow(/append-only/);
    ctx.db.exec('DROP TRIGGER links_no_update');
    ctx.db.prepare("UPDATE links SET to_ref = '2026-0009'").run();
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(false);
  });
});
