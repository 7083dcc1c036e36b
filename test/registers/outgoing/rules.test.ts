/** The outgoing register's rules over an in-memory database with a fixed clock. */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/cli/registry.js';
import { writeTx } from '../../../src/core/db.js';
import { setSetting } from '../../../src/core/settings.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { getIncoming, handlingNote, receiveIncoming } from '../../../src/registers/incoming/rules.js';
import { linksOf } from '../../../src/core/links.js';
import { addSeal, lendSeal } from '../../../src/registers/seal/rules.js';
import { stampLines } from '../../../src/registers/seal/sql.js';
import {
  dispatchOutgoing,
  draftOutgoing,
  getOutgoing,
  numberOutgoing,
  outgoingDeadlines,
  printRun,
  recordReceipt,
  returnOutgoing,
  sealOutgoing,
  reviewOutgoing,
  signOutgoing,
  voidNumber,
} from '../../../src/registers/outgoing/rules.js';
import { bookLines } from '../../../src/registers/outgoing/sql.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';

type Ctx = ReturnType<typeof testCtx>;
const set = (ctx: Ctx, key: string, value: string) => writeTx(ctx.db, () => setSetting(ctx, buildRegistry().settings, key, value));
const draft = (ctx: Ctx, more: Record<string, unknown> = {}) => draftOutgoing(ctx, { title: '关于年终工作的通知', drafter: '张文书', dept: '办公室', to: ['各科室'], ...more }).draft_no;
/** A draft reviewed and signed off, ready for its number. */
function signed(ctx: Ctx, more: Record<string, unknown> = {}): string {
  const id = draft(ctx, more);
  reviewOutgoing(ctx, id, { reviewer: '李主任' });
  signOutgoing(ctx, id, { signer: '王局长' });
  return id;
}

describe('drafting', () => {
  it('gives drafts ids of their year without gaps, and no number yet', () => {
    const ctx = testCtx();
    expect(draft(ctx)).toBe('NG2026-0001');
    expect(draft(ctx)).toBe('NG2026-0002');
    const row = getOutgoing(ctx.db, 'ng2026-2');
    expect([row.state, row.doc_no]).toEqual(['拟稿', null]);
  });
  it('names every missing field and refuses an unknown incoming document to reply to', () => {
    const ctx = testCtx();
    expectRefused(ctx, () => draftOutgoing(ctx, { title: ' ' }), /--title --drafter --dept/, 'usage');
    expectRefused(ctx, () => draft(ctx, { replyTo: '2026-0009' }), 'incoming.notFound', 'data');
    receiveIncoming(ctx, { sender: '市财政局', title: '关于预算的通知', receivedAt: '2026-11-27 09:00' });
    expect(getOutgoing(ctx.db, draft(ctx, { replyTo: '2026-1' })).reply_to).toBe('2026-0001');
  });
});

describe('the steps in their order', () => {
  it('refuses each step asked for too early, naming the step that comes first, and writes nothing', () => {
    const ctx = testCtx();
    set(ctx, 'outgoing.prefix', '某办发');
    const id = draft(ctx);
    expect(expectRefused(ctx, () => signOutgoing(ctx, id, { signer: '王局长' }), 'outgoing.stepFirst', 'data').params.first).toBe('审核');
    expect(expectRefused(ctx, () => numberOutgoing(ctx, id), 'outgoing.stepFirst', 'data').params.first).toBe('签发');
    reviewOutgoing(ctx, id, { reviewer: '李主任' });
    expectRefused(ctx, () => reviewOutgoing(ctx, id, { reviewer: '李主任' }), 'outgoing.stepDone', 'data');
    signOutgoing(ctx, id, { signer: '王局长' });
    expect(expectRefused(ctx, () => printRun(ctx, id, { copies: 3 }), 'outgoing.stepFirst').params.first).toBe('编号');
    numberOutgoing(ctx, id);
    expect(expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄' }), 'outgoing.stepFirst').params.first).toBe('印制');
    expectRefused(ctx, () => numberOutgoing(ctx, id), 'outgoing.stepDone');
    printRun(ctx, id, { copies: 3 });
    dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄' });
    expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄' }), 'outgoing.alreadyDispatchedTo', 'data');
    expect(getOutgoing(ctx.db, '某办发[2026]1号').state).toBe('已分发');
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
  it('returns a draft for revision with a reason; the revised draft is reviewed again', () => {
    const ctx = testCtx();
    const id = draft(ctx);
    expectRefused(ctx, () => returnOutgoing(ctx, id, { reviewer: '李主任' }), 'input.missing', 'usage');
    expect(returnOutgoing(ctx, id, { reviewer: '李主任', reason: '请补充依据' }).state).toBe('退回修改');
    expectRefused(ctx, () => signOutgoing(ctx, id, { signer: '王局长' }), 'outgoing.stepFirst');
    expect(reviewOutgoing(ctx, id, { reviewer: '李主任' }).state).toBe('已审核');
  });
  it('never lets the drafter review or sign off their own draft', () => {
    const ctx = testCtx();
    const id = draft(ctx);
    expectRefused(ctx, () => reviewOutgoing(ctx, id, { reviewer: '张文书' }), 'outgoing.ownDraft', 'data');
    reviewOutgoing(ctx, id, { reviewer: '李主任' });
    expectRefused(ctx, () => signOutgoing(ctx, id, { signer: '张文书' }), 'outgoing.ownDraft', 'data');
  });
  it('lets only the named leaders sign off, classified documents those named for them', () => {
    const ctx = testCtx();
    set(ctx, 'outgoing.signers', '王局长，赵副局长');
    set(ctx, 'outgoing.classified-signers', '王局长');
    const plain = draft(ctx);
    reviewOutgoing(ctx, plain, { reviewer: '李主任' });
    expectRefused(ctx, () => signOutgoing(ctx, plain, { signer: '钱科长' }), 'outgoing.notSigner', 'data');
    expect(signOutgoing(ctx, plain, { signer: '赵副局长' }).signer).toBe('赵副局长');
    const secret = draft(ctx, { secret: '机密★10年' });
    reviewOutgoing(ctx, secret, { reviewer: '李主任' });
    expectRefused(ctx, () => signOutgoing(ctx, secret, { signer: '赵副局长' }), 'outgoing.notClassifiedSigner', 'data');
    signOutgoing(ctx, secret, { signer: '王局长' });
  });
});

describe('numbering (发文字号)', () => {
  it('numbers gap-free per 代字 and year, several 代字 side by side, restarting each year', () => {
    const ctx = testCtx('2026-12-30T09:00');
    const first = signed(ctx);
    expectRefused(ctx, () => numberOutgoing(ctx, first), 'outgoing.noPrefix', 'usage');
    set(ctx, 'outgoing.prefix', '某办发');
    expect(numberOutgoing(ctx, 'NG2026-0001').doc_no).toBe('某办发〔2026〕1号');
    expect(numberOutgoing(ctx, signed(ctx), { prefix: '某办函' }).doc_no).toBe('某办函〔2026〕1号');
    expect(numberOutgoing(ctx, signed(ctx)).doc_no).toBe('某办发〔2026〕2号');
    const fourth = signed(ctx);
    expectRefused(ctx, () => numberOutgoing(ctx, fourth, { prefix: '某办 函' }), 'docno.prefix', 'usage');
    ctx.setNow('2027-01-04T09:00');
    expect(numberOutgoing(ctx, 'NG2026-0004').doc_no).toBe('某办发〔2027〕1号');
  });
  it('keeps a voided number in the book and never gives it again', () => {
    const ctx = testCtx();
    set(ctx, 'outgoing.prefix', '某办发');
    const id = signed(ctx);
    numberOutgoing(ctx, id);
    expectRefused(ctx, () => voidNumber(ctx, '某办发〔2026〕1号', {}), 'input.missing', 'usage');
    expectRefused(ctx, () => voidNumber(ctx, '某办发〔2026〕01号', { reason: 'x' }), 'docno.leadingZero', 'usage');
    expectRefused(ctx, () => voidNumber(ctx, '某办发〔2026〕9号', { reason: 'x' }), 'outgoing.numberNotFound', 'data');
    const { voided, doc } = voidNumber(ctx, '某办发【2026】1号', { reason: '文种有误' });
    expect([voided.void_reason, doc.state, doc.doc_no]).toEqual(['文种有误', '已签发', null]);
    expectRefused(ctx, () => voidNumber(ctx, '某办发〔2026〕1号', { reason: 'x' }), 'outgoing.numberVoided', 'data');
    expectRefused(ctx, () => getOutgoing(ctx.db, '某办发〔2026〕1号'), 'outgoing.numberVoided', 'data');
    expect(numberOutgoing(ctx, id).doc_no).toBe('某办发〔2026〕2号');
    printRun(ctx, id, { copies: 2 });
    expectRefused(ctx, () => voidNumber(ctx, '某办发〔2026〕2号', { reason: '印错' }), 'outgoing.numberInUse', 'data');
    expect(bookLines(ctx.db, {}).map((l) => [l.number, l.voided_on !== null])).toEqual([
      ['某办发〔2026〕1号', true],
      ['某办发〔2026〕2号', false],
    ]);
  });
});

describe('printing, dispatch and receipts', () => {
  it('sends a classified document only by 机要 or 专人, each printed 份号 once', () => {
    const ctx = testCtx();
    const id = signed(ctx, { secret: '机密★10年' });
    numberOutgoing(ctx, id, { prefix: '某办发' });
    printRun(ctx, id, { copies: 3 });
    expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市委', via: '邮寄', copyNos: ['1'] }), 'outgoing.classifiedVia', 'data');
    expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市委', via: '机要' }), 'outgoing.copyNoRequired', 'usage');
    expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市委', via: '机要', copyNos: ['4'] }), 'outgoing.copyNotPrinted', 'data');
    dispatchOutgoing(ctx, id, { to: '市委', via: '机要', copyNos: ['1,2'] });
    const twice = expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市政府', via: '专人', copyNos: ['000002'] }), 'outgoing.copyDispatched', 'data');
    expect(twice.params.to).toBe('市委');
    dispatchOutgoing(ctx, id, { to: '市政府', via: '专人', copyNos: ['3'] });
  });
  it('records each recipient’s receipt once, and only for a recipient it was sent to', () => {
    const ctx = testCtx();
    const id = signed(ctx);
    numberOutgoing(ctx, id, { prefix: '某办发' });
    printRun(ctx, id, { copies: 2 });
    expectRefused(ctx, () => dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄', copyNos: ['1'] }), 'outgoing.copyNoOnlyClassified', 'usage');
    dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄' });
    expectRefused(ctx, () => recordReceipt(ctx, id, { to: '市税务局' }), 'outgoing.notDispatchedTo', 'data');
    recordReceipt(ctx, id, { to: '市财政局' });
    expectRefused(ctx, () => recordReceipt(ctx, id, { to: '市财政局' }), 'outgoing.receiptRecorded', 'data');
  });
});

describe('sealing through the seal register', () => {
  it('stamps a printed document in the seal book under its number and title, once, linked both ways', () => {
    const ctx = testCtx();
    addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    const id = signed(ctx, { secret: '秘密★5年', title: '涉密标题' });
    numberOutgoing(ctx, id, { prefix: '某办发' });
    expect(expectRefused(ctx, () => sealOutgoing(ctx, id, { seal: 'S001', approver: '周主任' }), 'outgoing.stepFirst', 'data').params.first).toBe('印制');
    printRun(ctx, id, { copies: 3 });
    expectRefused(ctx, () => sealOutgoing(ctx, id, { seal: 'S001' }), 'input.missing', 'usage');
    expectRefused(ctx, () => sealOutgoing(ctx, id, { seal: 'S001', approver: '周主任', count: 4 }), 'outgoing.sealCount', 'usage');
    lendSeal(ctx, 'S001', { to: '孙律师', due: '2026-11-30', approver: '周主任' });
    expectRefused(ctx, () => sealOutgoing(ctx, id, { seal: 'S001', approver: '周主任' }), 'seal.sealNotInUse', 'data');
    expectRefused(ctx, () => sealOutgoing(ctx, id, { seal: '财务章', approver: '周主任' }), 'seal.notFound', 'data');
    const ctx2 = testCtx();
    addSeal(ctx2, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
    const doc = signed(ctx2, { secret: '秘密★5年', title: '涉密标题' });
    numberOutgoing(ctx2, doc, { prefix: '某办发' });
    printRun(ctx2, doc, { copies: 3 });
    const done = sealOutgoing(ctx2, doc, { seal: '办公室公章', approver: '周主任' });
    expect([done.request, done.doc.state]).toEqual(['Y2026-0001', '已用印']);
    expect(stampLines(ctx2.db, {}).map((l) => [l.doc, l.count, l.approver])).toEqual([['某办发〔2026〕1号 【秘密】', 3, '周主任']]);
    expect(linksOf(ctx2.db, { register: 'seal', ref: 'Y2026-0001' }).map((l) => [l.kind, l.from_ref])).toEqual([['sealed', doc]]);
    expectRefused(ctx2, () => sealOutgoing(ctx2, doc, { seal: 'S001', approver: '周主任' }), 'outgoing.stepDone', 'data');
    dispatchOutgoing(ctx2, doc, { to: '市委', via: '机要', copyNos: ['1'] });
    expect(verifyDatabase(ctx2.db, tables()).problems).toEqual([]);
  });
});

describe('a reply to an incoming document', () => {
  it('records on dispatch that the incoming document was answered, with the 发文字号, and links the two', () => {
    const ctx = testCtx();
    receiveIncoming(ctx, { sender: '市财政局', title: '关于预算的通知', receivedAt: '2026-11-27 09:00' });
    const id = signed(ctx, { replyTo: '2026-0001' });
    numberOutgoing(ctx, id, { prefix: '某办函' });
    printRun(ctx, id, { copies: 2 });
    expect(handlingNote(ctx.db, getIncoming(ctx.db, '2026-0001'))).toBe('已登记');
    expect(linksOf(ctx.db, { register: 'incoming', ref: '2026-0001' })).toEqual([]);
    dispatchOutgoing(ctx, id, { to: '市财政局', via: '邮寄' });
    dispatchOutgoing(ctx, id, { to: '市审计局', via: '邮寄' });
    expect(handlingNote(ctx.db, getIncoming(ctx.db, '2026-0001'))).toBe('已登记；已答复：某办函〔2026〕1号');
    expect(linksOf(ctx.db, { register: 'incoming', ref: '2026-0001' }).map((l) => [l.kind, l.from_register, l.from_ref])).toEqual([['answers', 'outgoing', id]]);
    expect(verifyDatabase(ctx.db, tables()).problems).toEqual([]);
  });
});

describe('deadlines in wenmi due', () => {
  it('lists drafts waiting past outgoing.sign-days and dispatches without a receipt past outgoing.receipt-days', () => {
    const ctx = testCtx('2026-11-02T09:00');
    const waiting = draft(ctx, { secret: '秘密★5年', title: '涉密标题' });
    const sent = signed(ctx);
    numberOutgoing(ctx, sent, { prefix: '某办发' });
    printRun(ctx, sent, { copies: 1 });
    dispatchOutgoing(ctx, sent, { to: '市财政局', via: '邮寄' });
    set(ctx, 'outgoing.receipt-days', '10');
    const due = outgoingDeadlines(ctx.db, '2026-11-27');
    expect(due.map((d) => [d.ref, d.due])).toEqual([
      [waiting, '2026-11-05'],
      ['某办发〔2026〕1号', '2026-11-12'],
    ]);
    expect(due[0]!.what).not.toContain('涉密标题');
    recordReceipt(ctx, sent, { to: '市财政局' });
    expect(outgoingDeadlines(ctx.db, '2026-11-27')).toHaveLength(1);
  });
});
