import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../../src/core/verify.js';
import { correctIncoming, getIncoming, receiveIncoming, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { revisionsOf } from '../../../src/registers/incoming/sql.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';
import { historyOf } from '../../../src/core/journal.js';

const at = '2026-11-27T09:00:00+00:00';

describe('receiving and registering', () => {
  it('numbers ordinary and classified documents in separate gap-free series per year', () => {
    const ctx = testCtx();
    const a = receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知' });
    const b = receiveIncoming(ctx, { receivedAt: at, sender: '市委办公室', title: '某涉密文件', secret: '机密★10年', copyNo: '3' });
    const c = receiveIncoming(ctx, { receivedAt: at, sender: '市人社局', title: '关于社保的函' });
    expect([a.number, b.number, c.number]).toEqual(['2026-0001', 'M2026-0001', '2026-0002']);
    expect(b.copy_no).toBe('000003');
    expect(b.secret_period).toBe('10年');
    expect(a.state).toBe('已登记');
  });

  it('restarts numbering with the year of receipt', () => {
    const ctx = testCtx('2027-01-02T08:00');
    receiveIncoming(ctx, { receivedAt: '2026-12-31T17:00:00+00:00', sender: 'A', title: 'late December' });
    const jan = receiveIncoming(ctx, { receivedAt: '2027-01-02T08:00:00+00:00', sender: 'A', title: 'new year' });
    expect(jan.number).toBe('2027-0001');
  });

  it('refuses an urgent document without a deadline, a classified one without a copy number, a period past the legal limit', () => {
    const ctx = testCtx();
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T', urgency: '特急' })).toThrow(/incoming.urgentNeedsDeadline/);
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T', secret: '秘密★5年' })).toThrow(/incoming.copyNoRequired/);
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T', secret: '秘密★11年', copyNo: '1' })).toThrow(/secret.tooLong/);
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T', copyNo: '1' })).toThrow(/incoming.copyNoOnlyClassified/);
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: ' ', title: 'T' })).toThrow(/input.missing/);
    expect(() => receiveIncoming(ctx, { receivedAt: '2026-11-28T09:00:00+00:00', sender: 'A', title: 'T' })).toThrow(/incoming.receivedInFuture/);
    expect(() => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T', deadline: '2026-11-01' })).toThrow(/incoming.deadlineBeforeReceipt/);
    // nothing was written by the refused attempts
    expect(ctx.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
  });
});

describe('carrier and cabinet', () => {
  it('records 纸质 by default or 电子, and where a classified document is kept; refuses others', () => {
    const ctx = testCtx();
    expect(receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T' }).medium).toBe('纸质');
    expect(receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'U', medium: '电子' }).medium).toBe('电子');
    expectRefused(ctx, () => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'V', medium: '光盘' }), 'incoming.medium', 'usage');
    expectRefused(ctx, () => receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'V', cabinet: '2号柜' }), 'incoming.cabinetOnlyClassified', 'usage');
    const m = receiveIncoming(ctx, { receivedAt: at, sender: 'B', title: 'S', secret: '秘密', copyNo: '1', cabinet: '机要室2号柜' });
    expect([m.medium, m.cabinet]).toEqual(['纸质', '机要室2号柜']);
    // a correction keeps them unless it changes them
    expect(correctIncoming(ctx, m.number, { title: 'S2' }, '笔误').cabinet).toBe('机要室2号柜');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });
});

describe('duplicate receipts', () => {
  it('refuses the same sender and 文号 twice, naming the first, unless --again --reason (journaled); a void entry does not count', () => {
    const ctx = testCtx();
    const doc = { receivedAt: at, sender: '市财政局', senderNo: '财预〔2026〕12号', title: '关于编报预算的通知' };
    receiveIncoming(ctx, doc);
    const e = expectRefused(ctx, () => receiveIncoming(ctx, doc), 'incoming.duplicate', 'data');
    expect(e.params).toMatchObject({ first: '2026-0001' });
    expectRefused(ctx, () => receiveIncoming(ctx, doc, { again: true }), 'input.missing', 'usage');
    receiveIncoming(ctx, { ...doc, senderNo: '财预〔2026〕13号' }); // another number is another document
    receiveIncoming(ctx, { ...doc, sender: '市教育局' }); // another sender too
    const again = receiveIncoming(ctx, doc, { again: true, reason: '另收到一份纸质件' });
    expect(historyOf(ctx.db, 'incoming_docs', again.id)[0]!.reason).toBe('另收到一份纸质件');
    voidIncoming(ctx, '2026-0001', '重复登记');
    voidIncoming(ctx, again.number, '重复登记');
    expect(receiveIncoming(ctx, doc).number).toBe('2026-0005');
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });
});

describe('corrections and voids', () => {
  it('keeps the corrected version in history and the void in the register', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: '市财政局', title: '关于编报预算的通知', pages: 6 });
    const fixed = correctIncoming(ctx, '2026-0001', { pages: 7 }, '页数点错');
    expect(fixed.pages).toBe(7);
    const revs = revisionsOf(ctx.db, fixed.id);
    expect(revs.map((r) => r.pages)).toEqual([6, 7]);
    expect(revs[1]!.corrects).toBe(revs[0]!.id);
    const voided = voidIncoming(ctx, '2026-0001', '重复登记');
    expect(voided.state).toBe('作废');
    expect(getIncoming(ctx.db, '2026-0001').number).toBe('2026-0001');
    expect(() => voidIncoming(ctx, '2026-0001', 'again')).toThrow(/incoming.alreadyVoid/);
    expect(() => correctIncoming(ctx, '2026-0001', { pages: 8 }, 'x')).toThrow(/incoming.isVoid/);
    expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
  });

  it('refuses a correction without a reason, without fields, or that changes nothing', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T' });
    expect(() => correctIncoming(ctx, '2026-0001', { title: 'U' }, undefined)).toThrow(/input.missing/);
    expect(() => correctIncoming(ctx, '2026-0001', {}, 'why')).toThrow(/incoming.nothingToCorrect/);
    expect(() => correctIncoming(ctx, '2026-0001', { title: 'T' }, 'why')).toThrow(/incoming.noChange/);
    expect(() => correctIncoming(ctx, '2026-0001', { secret: '秘密', copyNo: '1' }, 'why')).toThrow(/incoming.changesSeries/);
    expect(() => correctIncoming(ctx, '2026-9999', { title: 'U' }, 'why')).toThrow(/incoming.notFound/);
  });

  it('posted rows cannot be updated or deleted behind the journal', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: at, sender: 'A', title: 'T' });
    expect(() => ctx.db.prepare("UPDATE incoming_revisions SET title = 'X'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM incoming_docs').run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
  });
});
