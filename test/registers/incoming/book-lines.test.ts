/** The book's export reads its lines in one statement (#16): each line's handling note is the one `show` gives. */
import { describe, expect, it } from 'vitest';
import { handlingNote, handlingText, receiveIncoming, recordAnswer, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { bookLines, iterateIncoming, type BookLine } from '../../../src/registers/incoming/sql.js';
import { assignIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { testCtx } from '../../helpers.js';
import { now } from './support.js';

describe('the book lines of the export', () => {
  it('give every state the handling note handlingNote gives, from the one statement', () => {
    const ctx = testCtx('2026-11-20T09:00');
    const receive = (title: string) => receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市财政局', title }).number;
    const plain = receive('登记即止');
    const voided = receive('作废的');
    voidIncoming(ctx, voided, '重复登记');
    const returned = receive('退回的');
    reviewIncoming(ctx, returned, { return: true, reason: '不属本单位' });
    const assigned = receive('承办的');
    reviewIncoming(ctx, assigned, { accept: true });
    assignIncoming(ctx, assigned, { lead: '财务科', deadline: '2026-11-30' });
    recordAnswer(ctx, assigned, '财发〔2026〕9号');

    const { at, lines: raw } = bookLines(ctx.db, {});
    const lines = [...raw].map((v) => Object.fromEntries(Object.entries(at).map(([k, i]) => [k, v[i]])) as unknown as BookLine);
    expect(lines.map((l) => l.number)).toEqual([plain, voided, returned, assigned]);
    const notes = lines.map((l) => handlingText(ctx.db, l, { answered: l.answered, detail: l.state_detail }));
    expect(notes).toEqual([...iterateIncoming(ctx.db, {})].map((r) => handlingNote(ctx.db, r)));
    expect(notes).toEqual(['已登记', '作废：重复登记', '退回：不属本单位', '承办中：财务科；已答复：财发〔2026〕9号']);
  });
});
