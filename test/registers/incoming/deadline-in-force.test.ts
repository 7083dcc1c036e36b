/** The deadline in force is the latest one an assignment or instruction set, read in one look-up per document (#16: the month list). */
import { describe, expect, it } from 'vitest';
import { getIncoming, receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { assignIncoming, deadlineOf, instructIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { testCtx } from '../../helpers.js';
import { now } from './support.js';

describe('the deadline in force', () => {
  it('is the registered one until an instruction or assignment sets one, then the latest set; one that sets none leaves it', () => {
    const ctx = testCtx('2026-11-20T09:00');
    const doc = receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市财政局', title: '关于编报预算的通知', deadline: '2026-12-20' });
    const inForce = () => deadlineOf(ctx.db, getIncoming(ctx.db, doc.number));
    expect(inForce()).toBe('2026-12-20');
    reviewIncoming(ctx, doc.number, { accept: true });
    instructIncoming(ctx, doc.number, { leader: '张局长', text: '请抓紧', deadline: '2026-12-10' });
    expect(inForce()).toBe('2026-12-10');
    instructIncoming(ctx, doc.number, { leader: '李副局长', text: '同意' }); // sets none
    expect(inForce()).toBe('2026-12-10');
    assignIncoming(ctx, doc.number, { lead: '财务科', deadline: '2026-12-05' });
    expect(inForce()).toBe('2026-12-05');
    instructIncoming(ctx, doc.number, { leader: '张局长', text: '延至月底', deadline: '2026-12-31' });
    expect(inForce()).toBe('2026-12-31');
  });
});
