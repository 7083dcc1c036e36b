import { describe, expect, it } from 'vitest';
import { collectDue } from '../../../src/core/deadlines.js';
import type { Ctx } from '../../../src/core/journal.js';
import { verifyDatabase } from '../../../src/core/verify.js';
import { bookRows, historyRows } from '../../../src/registers/seal/report.js';
import { addSeal, getSeal, handoverSeal, lendSeal, reportLost, retireSeal, returnSeal, sealDeadlines } from '../../../src/registers/seal/rules.js';
import { eventsOf } from '../../../src/registers/seal/sql.js';
import { approveRequest, cancelRequest, getRequest, looksBlank, rejectRequest, requestUse, stampRequest } from '../../../src/registers/seal/usage.js';
import { expectRefused, tables, testCtx } from '../../helpers.js';

const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);

/** Two seals in use (S001 公章, S002 合同章) and one approved request Y2026-0001 for 3 copies with S001. */
function office() {
  const ctx = testCtx();
  addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', location: '机要室保险柜', since: '2026-01-04' });
  addSeal(ctx, { name: '合同专用章', type: '合同章', custodian: '李保管', since: '2026-01-04' });
  requestUse(ctx, { seal: 'S001', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 3, requester: '陈经办' });
  approveRequest(ctx, 'Y2026-0001', { approver: '周主任' });
  return ctx;
}

describe('seals and their custody', () => {
  it('gives seals codes S001, S002 and finds them by code or an unambiguous name', () => {
    const ctx = office();
    expect(getSeal(ctx.db, 'S001').name).toBe('办公室公章');
    expect(getSeal(ctx.db, 's1').code).toBe('S001');
    expect(getSeal(ctx.db, '合同专用章').code).toBe('S002');
    expect(getSeal(ctx.db, '合同').code).toBe('S002');
    expect(() => getSeal(ctx.db, '章')).toThrow(/seal.ambiguous/);
    expect(() => getSeal(ctx.db, '财务章')).toThrow(/seal.notFound/);
    const s = getSeal(ctx.db, 'S001');
    expect([s.state, s.custodian, s.location, s.type, s.since]).toEqual(['在用', '李保管', '机要室保险柜', '公章', '2026-01-04']);
    verified(ctx);
  });

  it('a part of two different names is ambiguous even when only one of those seals is still in existence', () => {
    const ctx = office();
    reportLost(ctx, 'S001', { reason: '被盗' });
    addSeal(ctx, { name: '党委公章', type: '公章', custodian: '李保管' });
    expectRefused(ctx, () => requestUse(ctx, { seal: '公章', doc: '证明', unit: '人事科', purpose: '开具证明', count: 1 }), /seal.ambiguous.*S001.*S003/);
    expect(getSeal(ctx.db, '党委公章').code).toBe('S003');
    verified(ctx);
  });

  it('refuses a bad type, a duplicate live name, a name like a code, a missing custodian, a future start', () => {
    const ctx = office();
    expectRefused(ctx, () => addSeal(ctx, { name: 'X', type: '私章', custodian: 'A' }), /seal.type/);
    expectRefused(ctx, () => addSeal(ctx, { name: '办公室公章', type: '公章', custodian: 'A' }), /seal.nameTaken/);
    expectRefused(ctx, () => addSeal(ctx, { name: 'S9', type: '公章', custodian: 'A' }), /seal.nameLikeCode/);
    expectRefused(ctx, () => addSeal(ctx, { name: 'X', type: '公章', custodian: ' ' }), /input.missing/);
    expectRefused(ctx, () => addSeal(ctx, { name: 'X', type: '公章', custodian: 'A', since: '2026-11-28' }), /seal.dateInFuture/);
  });

  it('records a handover with its witness; custodian and location follow; the witness is a third person', () => {
    const ctx = office();
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新' }), /input.missing/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['赵新'] }), /seal.witnessIsParty/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['李保管'] }), /seal.witnessIsParty/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '李保管', witnesses: ['钱主任'] }), /seal.sameCustodian/);
    const s = handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['钱主任'], location: '新机要室', reason: '岗位调整' });
    expect([s.state, s.custodian, s.location]).toEqual(['在用', '赵新', '新机要室']);
    const ev = eventsOf(ctx.db, s.id).at(-1)!;
    expect([ev.kind, ev.counterpart, ev.custodian, JSON.parse(ev.witnesses!)]).toEqual(['移交', '李保管', '赵新', ['钱主任']]);
    expect(historyRows(ctx.db, s.id).at(-1)!.detail).toBe('handover: 李保管 → 赵新, witness 钱主任，新机要室');
    // a second handover without a location keeps the place
    expect(handoverSeal(ctx, 'S001', { to: '孙二', witnesses: ['钱主任'] }).location).toBe('新机要室');
    verified(ctx);
  });

  it('lending needs a due date and an approver; the loan feeds the deadline engine; return puts it back in use', () => {
    const ctx = office();
    expectRefused(ctx, () => lendSeal(ctx, 'S002', { to: '孙律师', approver: '周主任' }), /input.missing.*--due/);
    expectRefused(ctx, () => lendSeal(ctx, 'S002', { to: '孙律师', due: '2026-11-30' }), /input.missing.*--approver/);
    expectRefused(ctx, () => lendSeal(ctx, 'S002', { to: '孙律师', due: '2026-11-20', approver: '周主任' }), /seal.dueBeforeLend/);
    expectRefused(ctx, () => returnSeal(ctx, 'S002'), /seal.notLent/);
    const s = lendSeal(ctx, 'S002', { to: '孙律师', due: '2026-11-30', approver: '周主任', reason: '外地签约' });
    expect([s.state, s.holder, s.due, s.custodian]).toEqual(['外借', '孙律师', '2026-11-30', '李保管']);
    expectRefused(ctx, () => lendSeal(ctx, 'S002', { to: 'B', due: '2026-11-30', approver: '周主任' }), /seal.cannotLend/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S002', { to: '赵新', witnesses: ['钱主任'] }), /seal.cannotHandover/);
    expect(sealDeadlines(ctx.db, '2026-11-27')).toEqual([{ register: 'seal', ref: 'S002', what: '外借：合同专用章', who: '孙律师', due: '2026-11-30' }]);
    const [row] = collectDue(ctx.db, { seal: sealDeadlines }, '2026-12-02');
    expect([row!.overdue, row!.days]).toEqual([true, -2]);
    ctx.setNow('2026-12-02T10:00');
    const back = returnSeal(ctx, 'S002', { note: '完好' });
    expect([back.state, back.holder, back.due]).toEqual(['在用', null, null]);
    expect(sealDeadlines(ctx.db, '2026-12-02')).toEqual([]);
    verified(ctx);
  });

  it('retiring needs exactly two distinct witnesses; a lent seal must come back first; a destroyed one is final', () => {
    const ctx = office();
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '销毁', witnesses: ['钱主任'] }), /seal.twoWitnesses/);
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '销毁', witnesses: ['钱主任', '钱主任'] }), /seal.twoWitnesses/);
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '销毁', witnesses: ['A', 'B', 'C'] }), /seal.twoWitnesses/);
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '作废', witnesses: ['A', 'B'] }), /seal.how/);
    lendSeal(ctx, 'S002', { to: '孙律师', due: '2026-11-30', approver: '周主任' });
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '封存', witnesses: ['A', 'B'] }), /seal.retireWhileLent/);
    returnSeal(ctx, 'S002');
    expect(retireSeal(ctx, 'S002', { how: '封存', witnesses: ['钱主任', '吴科长'], reason: '机构更名' }).state).toBe('封存');
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '封存', witnesses: ['A', 'B'] }), /seal.alreadyState/);
    const gone = retireSeal(ctx, 'S002', { how: '销毁', witnesses: ['钱主任', '吴科长'] });
    expect(gone.state).toBe('销毁');
    expect(JSON.parse(eventsOf(ctx.db, gone.id).at(-1)!.witnesses!)).toEqual(['钱主任', '吴科长']);
    expectRefused(ctx, () => retireSeal(ctx, 'S002', { how: '停用', witnesses: ['A', 'B'] }), /seal.isDestroyed/);
    expectRefused(ctx, () => reportLost(ctx, 'S002', { reason: 'x' }), /seal.cannotLose/);
    // the name is free again once the old seal is destroyed; the name then means the live one
    addSeal(ctx, { name: '合同专用章', type: '合同章', custodian: '李保管' });
    expect(getSeal(ctx.db, '合同专用章').code).toBe('S003');
    expect(getSeal(ctx.db, '专用章').code).toBe('S003');
    expect(getSeal(ctx.db, 'S002').state).toBe('销毁');
    verified(ctx);
  });

  it('a lost seal is declared void, stays in the alerts as overdue until it is retired with a reason', () => {
    const ctx = office();
    expectRefused(ctx, () => reportLost(ctx, 'S001', {}), /input.missing.*--reason/);
    ctx.setNow('2026-11-28T08:00');
    const s = reportLost(ctx, 'S001', { reason: '出差途中被盗，已报警' });
    expect([s.state, s.lost_on, s.holder]).toEqual(['遗失', '2026-11-28', '李保管']);
    expectRefused(ctx, () => reportLost(ctx, 'S001', { reason: 'again' }), /seal.cannotLose/);
    expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc: '某合同', unit: 'A', purpose: 'B', count: 1 }), /seal.notUsable/);
    ctx.setNow('2026-12-01T08:00');
    const [row] = collectDue(ctx.db, { seal: sealDeadlines }, '2026-12-01');
    expect(row).toMatchObject({ ref: 'S001', what: '遗失：办公室公章（出差途中被盗，已报警）', who: '李保管', due: '2026-11-28', overdue: true });
    expectRefused(ctx, () => retireSeal(ctx, 'S001', { how: '销毁', witnesses: ['A', 'B'] }), /seal.lostRetireReason/);
    retireSeal(ctx, 'S001', { how: '销毁', witnesses: ['钱主任', '吴科长'], reason: '已登报声明作废，结案' });
    expect(sealDeadlines(ctx.db, '2026-12-01')).toEqual([]);
    verified(ctx);
  });
});

describe('requests, approval and stamping', () => {
  it('runs the whole path: request, approve, stamp over two stamps up to the approved count, and the book', () => {
    const ctx = office();
    expect(getRequest(ctx.db, 'Y2026-0001').state).toBe('已批准');
    const first = stampRequest(ctx, 'Y2026-0001', { count: 2, note: '第一批' });
    expect([first.request.state, first.request.stamped, first.line.handler, first.line.custodian]).toEqual(['部分用印', 2, '陈经办', '李保管']);
    // beyond the approved count, split over two stamps: 2 + 2 > 3
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 2 }), /seal.overCount/);
    const second = stampRequest(ctx, 'y2026-1', { handler: '王五' });
    expect([second.line.count, second.request.state, second.request.stamped]).toEqual([1, '已用印', 3]);
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 1 }), /seal.fullyStamped/);
    expect(bookRows(ctx.db, { from: '2026-11-01', to: '2026-11-30' })).toEqual([
      { no: '2026-0001', stampedOn: '2026-11-27', seal: '办公室公章', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 2, voided: false, approver: '周主任', handler: '陈经办', note: 'Y2026-0001；第一批', voidedOn: null, voidReason: null, voidApprover: null },
      { no: '2026-0002', stampedOn: '2026-11-27', seal: '办公室公章', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 1, voided: false, approver: '周主任', handler: '王五', note: 'Y2026-0001', voidedOn: null, voidReason: null, voidApprover: null },
    ]);
    expect(bookRows(ctx.db, { sealId: getSeal(ctx.db, 'S002').id })).toEqual([]);
    verified(ctx);
  });

  it('refuses stamping beyond the approved count in one stamp, and approving more than was asked', () => {
    const ctx = office();
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 4 }), /seal.overCount/);
    requestUse(ctx, { seal: 'S002', doc: '租赁合同', unit: '后勤科', purpose: '续租', count: 5 });
    expectRefused(ctx, () => approveRequest(ctx, 'Y2026-0002', { approver: '周主任', count: 6 }), /seal.approveMore/);
    approveRequest(ctx, 'Y2026-0002', { approver: '周主任', count: 2 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0002', { count: 3 }), /seal.overCount/);
    expect(stampRequest(ctx, 'Y2026-0002').line.count).toBe(2);
    verified(ctx);
  });

  it('refuses stamping an unapproved, rejected or cancelled request', () => {
    const ctx = office();
    requestUse(ctx, { seal: 'S001', doc: '证明', unit: '人事科', purpose: '开具证明', count: 1 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0002'), /seal.notApproved/);
    expectRefused(ctx, () => rejectRequest(ctx, 'Y2026-0002', {}), /input.missing.*--reason/);
    rejectRequest(ctx, 'Y2026-0002', { reason: '无领导签字' });
    expect(getRequest(ctx.db, 'Y2026-0002').state).toBe('已驳回');
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0002'), /seal.requestClosed/);
    expectRefused(ctx, () => approveRequest(ctx, 'Y2026-0002', { approver: '周主任' }), /seal.requestNotPending/);
    expectRefused(ctx, () => approveRequest(ctx, 'Y2026-0001', { approver: '周主任' }), /seal.requestNotPending/);
    stampRequest(ctx, 'Y2026-0001', { count: 1 });
    cancelRequest(ctx, 'Y2026-0001', { reason: '合同改签' });
    expect(getRequest(ctx.db, 'Y2026-0001')).toMatchObject({ state: '已撤销', stamped: 1 });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 1 }), /seal.requestClosed/);
    expectRefused(ctx, () => cancelRequest(ctx, 'Y2026-0001', { reason: 'x' }), /seal.cannotCancel/);
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0099'), /seal.requestNotFound/);
    verified(ctx);
  });

  it('refuses stamping with a lent, lost or retired seal; a returned seal stamps again', () => {
    const ctx = office();
    requestUse(ctx, { seal: 'S002', doc: '租赁合同', unit: '后勤科', purpose: '续租', count: 2 });
    approveRequest(ctx, 'Y2026-0002', { approver: '周主任' });
    lendSeal(ctx, 'S001', { to: '孙律师', due: '2026-11-30', approver: '周主任' });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001'), /seal.sealNotInUse.*外借/);
    returnSeal(ctx, 'S001');
    expect(stampRequest(ctx, 'Y2026-0001', { count: 1 }).request.stamped).toBe(1);
    reportLost(ctx, 'S001', { reason: '被盗' });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 1 }), /seal.sealNotInUse.*遗失/);
    retireSeal(ctx, 'S002', { how: '停用', witnesses: ['钱主任', '吴科长'] });
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0002'), /seal.sealNotInUse.*停用/);
    verified(ctx);
  });

  it('a request must name its document, never blank paper', () => {
    const ctx = office();
    for (const doc of ['空白纸', '空白介绍信', ' 空白 ', '白纸', '空白的介绍信', '盖章用空白页', 'blank paper', '——', '']) {
      expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc, unit: '办公室', purpose: '备用', count: 1 }), doc.trim() === '' ? /input.missing.*--doc/ : /seal.blankDocument/);
    }
    expect(looksBlank('关于空白区域治理的报告')).toBe(false);
    expect(looksBlank('介绍信（致市档案馆，查阅档案）')).toBe(false);
    expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc: '合同', unit: '办公室', purpose: '签约', count: 0 }), /seal.count/);
    expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc: '合同', purpose: '签约', count: 1 }), /input.missing.*--unit/);
    verified(ctx);
  });

  it('accepts real documents whose names merely begin like a placeholder; refuses the placeholders themselves', () => {
    const ctx = office();
    for (const doc of ['无犯罪记录证明', '无锡市合作框架协议', '无偿使用协议', 'National cooperation agreement', 'Blanket purchase agreement', '白纸坊街道办事处租赁合同', 'NATO liaison letter']) {
      expect(looksBlank(doc), doc).toBe(false);
    }
    const n = requestUse(ctx, { seal: 'S001', doc: '无犯罪记录证明', unit: '人事科', purpose: '出具证明', count: 1 });
    expect(n.doc).toBe('无犯罪记录证明');
    for (const doc of ['无', 'N/A', 'n.a.', '待定', 'TBD', 'BLANK', 'Blank letter of introduction', '××', '空白', '（空白）']) {
      expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc, unit: '办公室', purpose: '备用', count: 1 }), /seal.blankDocument/);
    }
    verified(ctx);
  });

  it('refuses counts too large to be true (and past 2^53 they would silently lose digits)', () => {
    const ctx = office();
    expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc: '合同', unit: '办公室', purpose: '签约', count: 1e20 }), /seal.countTooLarge/);
    expectRefused(ctx, () => requestUse(ctx, { seal: 'S001', doc: '合同', unit: '办公室', purpose: '签约', count: 100_000 }), /seal.countTooLarge/);
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { count: 2 ** 53 + 2 }), /seal.countTooLarge/);
    requestUse(ctx, { seal: 'S001', doc: '毕业证书', unit: '教务处', purpose: '颁发', count: 99_999 });
    expectRefused(ctx, () => approveRequest(ctx, 'Y2026-0002', { approver: '周主任', count: 1e6 }), /seal.countTooLarge/);
    expect(approveRequest(ctx, 'Y2026-0002', { approver: '周主任' }).approved).toBe(99_999);
    verified(ctx);
  });

  it('finds requests and seals typed with full-width characters or another dash', () => {
    const ctx = office();
    for (const ref of ['Ｙ２０２６－０００１', 'Y2026—0001', 'Y2026——1', 'y2026_1', 'Y2026 0001']) expect(getRequest(ctx.db, ref).number).toBe('Y2026-0001');
    expect(() => getRequest(ctx.db, 'Y20260001')).toThrow(/seal.requestNotFound/);
    expect(getSeal(ctx.db, 'Ｓ００２').code).toBe('S002');
    expectRefused(ctx, () => addSeal(ctx, { name: 'Ｓ９', type: '公章', custodian: 'A' }), /seal.nameLikeCode/);
  });

  it('numbers requests Y2026-0001… per year of the request, without gaps', () => {
    const ctx = office();
    const b = requestUse(ctx, { seal: 'S002', doc: '合同二', unit: 'A', purpose: 'B', count: 1 });
    // a refused request takes no number
    expect(() => requestUse(ctx, { seal: 'S002', doc: '空白纸', unit: 'A', purpose: 'B', count: 1 })).toThrow();
    const c = requestUse(ctx, { seal: 'S002', doc: '合同三', unit: 'A', purpose: 'B', count: 1 });
    expect([b.number, c.number]).toEqual(['Y2026-0002', 'Y2026-0003']);
    ctx.setNow('2027-01-02T09:00');
    expect(requestUse(ctx, { seal: 'S002', doc: '合同四', unit: 'A', purpose: 'B', count: 1 }).number).toBe('Y2027-0001');
    verified(ctx);
  });

  it('refuses dates in the future or before what they follow', () => {
    const ctx = office();
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { on: '2026-11-28' }), /seal.dateInFuture/);
    expectRefused(ctx, () => stampRequest(ctx, 'Y2026-0001', { on: '2026-11-26' }), /seal.dateTooEarly/);
    lendSeal(ctx, 'S001', { to: '孙律师', due: '2026-11-30', approver: '周主任', on: '2026-11-20' });
    expectRefused(ctx, () => returnSeal(ctx, 'S001', { on: '2026-11-19' }), /seal.dateTooEarly/);
    verified(ctx);
  });

  it("a custody event is never dated before the seal's last stamp: the register never shows a stamp while the seal was out or lost", () => {
    const ctx = office();
    stampRequest(ctx, 'Y2026-0001', { count: 1, on: '2026-11-27' });
    ctx.setNow('2026-11-30T09:00');
    expectRefused(ctx, () => lendSeal(ctx, 'S001', { to: '孙律师', due: '2026-12-05', approver: '周主任', on: '2026-11-26' }), /seal.dateTooEarly.*2026-11-27/);
    expectRefused(ctx, () => reportLost(ctx, 'S001', { reason: '被盗', on: '2026-11-26' }), /seal.dateTooEarly/);
    expectRefused(ctx, () => retireSeal(ctx, 'S001', { how: '停用', witnesses: ['钱主任', '吴科长'], on: '2026-11-26' }), /seal.dateTooEarly/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['钱主任'], on: '2026-11-26' }), /seal.dateTooEarly/);
    // the same day as the stamp, or later, is fine; a seal never stamped still follows its own last event
    expect(lendSeal(ctx, 'S001', { to: '孙律师', due: '2026-12-05', approver: '周主任', on: '2026-11-27' }).lent_on).toBe('2026-11-27');
    expect(lendSeal(ctx, 'S002', { to: '孙律师', due: '2026-12-05', approver: '周主任', on: '2026-11-02' }).lent_on).toBe('2026-11-02');
    verified(ctx);
  });

  it('a handover records every witness given, not only the last', () => {
    const ctx = office();
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['钱主任', '赵新'] }), /seal.witnessIsParty.*赵新/);
    expectRefused(ctx, () => handoverSeal(ctx, 'S001', { to: '赵新', witnesses: [' ', ''] }), /input.missing.*--witness/);
    const s = handoverSeal(ctx, 'S001', { to: '赵新', witnesses: ['钱主任', ' 吴科长 ', '钱主任'] });
    expect(JSON.parse(eventsOf(ctx.db, s.id).at(-1)!.witnesses!)).toEqual(['钱主任', '吴科长']);
    expect(historyRows(ctx.db, s.id).at(-1)!.detail).toBe('handover: 李保管 → 赵新, witness 钱主任、吴科长');
    verified(ctx);
  });

  it('the database itself refuses a stamp line past the approval, and changes to posted rows', () => {
    const ctx = office();
    const id = getRequest(ctx.db, 'Y2026-0001').id;
    expect(() => ctx.db.prepare("INSERT INTO seal_stamps (request_id, seal_id, stamped_on, count, handler) VALUES (?, 1, '2026-11-27', 4, 'x')").run(id)).toThrow(/approved count/);
    expect(() => ctx.db.prepare("UPDATE seal_events SET state = '在用'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM seal_request_events').run()).toThrow(/append-only/);
  });
});
