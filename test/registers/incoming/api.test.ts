/** incoming/api.ts, the face other registers use: a plain view of a document, its copies, and "mark filed". */
import { describe, expect, it } from 'vitest';
import { findIncoming, incomingCopies, markIncomingFiled } from '../../../src/registers/incoming/api.js';
import { handIncoming } from '../../../src/registers/incoming/custody.js';
import { receiveIncoming, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { testCtx } from '../../helpers.js';
import { expectRefused as refused } from '../../helpers.js';
import { now, verified } from './support.js';

describe("incoming's face", () => {
  it('finds a document by a typed number and shows it as a plain view', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市委办公室', senderNo: '市委办〔2026〕5号', title: '关于某专项工作的通知', secret: '机密★10年', copyNo: '3', copies: 2, pages: 4 });
    expect(findIncoming(ctx.db, 'm2026-1')).toEqual({
      number: 'M2026-0001',
      title: '关于某专项工作的通知',
      sender: '市委办公室',
      senderNo: '市委办〔2026〕5号',
      receivedOn: '2026-11-27',
      secretLevel: '机密',
      secretPeriod: '10年',
      pages: 4,
      state: '已登记',
    });
    refused(ctx, () => findIncoming(ctx.db, '2026-0099'), 'incoming.notFound', 'data');
  });

  it("says where each copy is, and marks a document filed through incoming's own rule", () => {
    const ctx = testCtx();
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', copies: 2 });
    reviewIncoming(ctx, doc.number, { accept: true });
    handIncoming(ctx, doc.number, { to: '综合科', copies: ['2'] });
    expect(incomingCopies(ctx.db, doc.number)).toEqual([
      { copy: '1', status: '在秘书室', holder: '秘书室' },
      { copy: '2', status: '持有', holder: '综合科' },
    ]);
    expect(markIncomingFiled(ctx, doc.number).state).toBe('已归档');
    refused(ctx, () => markIncomingFiled(ctx, doc.number), 'incoming.cannotFile', 'data');
    const other = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T2' });
    voidIncoming(ctx, other.number, '重复登记');
    refused(ctx, () => markIncomingFiled(ctx, other.number), 'incoming.cannotFile', 'data');
    verified(ctx);
  });
});
