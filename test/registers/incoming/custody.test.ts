import { describe, expect, it } from 'vitest';
import { writeTx } from '../../../src/core/db.js';
import { backIncoming, changeCircle, checkClassified, circleOf, copiesOf, handIncoming, retireIncoming } from '../../../src/registers/incoming/custody.js';
import { historySteps } from '../../../src/registers/incoming/report.js';
import { getIncoming, postEvent, receiveIncoming, voidIncoming } from '../../../src/registers/incoming/rules.js';
import { assignIncoming, closeIncoming, replyIncoming, reviewIncoming } from '../../../src/registers/incoming/workflow.js';
import { expectRefused, testCtx } from '../../helpers.js';
import { now, verified, type TestCtx } from './support.js';

function classified(ctx: TestCtx, circle: string[] = ['张局长', '财务科']) {
  return receiveIncoming(ctx, { receivedAt: now(ctx), sender: '市委办公室', title: '关于某专项工作的通知', secret: '机密★10年', copyNo: '3', copies: 3 }, { circle });
}

const where = (ctx: TestCtx, ref: string) => copiesOf(ctx.db, getIncoming(ctx.db, ref)).map((c) => `${c.copy} ${c.status} ${c.holder ?? '-'}`);
const problems = (ctx: TestCtx) => checkClassified(ctx.db).filter((r) => r.problem !== null).map((r) => `${r.number} ${r.copy} ${r.problem}`);

describe('a classified document with copies handed around, returned and destroyed', () => {
  it('keeps every copy accounted for, refuses the wrong holder, the outsider and a missing witness', () => {
    const ctx = testCtx('2026-11-20T09:00');
    const doc = classified(ctx);
    expect(doc.number).toBe('M2026-0001');
    expect(circleOf(ctx.db, doc)).toEqual(['张局长', '财务科']);
    expect(where(ctx, doc.number)).toEqual(['000003 在秘书室 秘书室', '000004 在秘书室 秘书室', '000005 在秘书室 秘书室']);
    reviewIncoming(ctx, doc.number, { accept: true });

    handIncoming(ctx, doc.number, { to: '张局长', copies: ['000003'] });
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '李四', copies: ['4'] }), 'incoming.outsideCircle', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['000003'] }), 'incoming.notHolder', 'data'); // the secretariat no longer holds it
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['000003'], from: '李四' }), 'incoming.notHolder', 'data');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['000002'] }), 'incoming.noSuchCopy', 'usage');
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['abc'] }), 'secret.copyNo', 'usage');

    expectRefused(ctx, () => changeCircle(ctx, doc.number, { add: ['张局长'] }), 'incoming.alreadyInCircle', 'data');
    expectRefused(ctx, () => changeCircle(ctx, doc.number, { remove: ['李四'] }), 'incoming.notInCircle', 'data');
    expectRefused(ctx, () => changeCircle(ctx, doc.number, {}), 'input.missing', 'usage');
    expectRefused(ctx, () => changeCircle(ctx, doc.number, { add: ['李四'], remove: ['李四'] }), 'incoming.circleBoth', 'usage');
    expect(changeCircle(ctx, doc.number, { add: ['李四'] }).circle).toEqual(['张局长', '财务科', '李四']);
    handIncoming(ctx, doc.number, { to: '李四', copies: ['4'] });
    expectRefused(ctx, () => changeCircle(ctx, doc.number, { remove: ['李四'], reason: '调离' }), 'incoming.removeHolder', 'data');

    ctx.setNow('2026-11-21T10:00');
    assignIncoming(ctx, doc.number, { lead: '财务科', deadline: '2026-11-30' });
    handIncoming(ctx, doc.number, { from: '张局长', to: '财务科', copies: ['000003'] });
    expect(where(ctx, doc.number)).toEqual(['000003 持有 财务科', '000004 持有 李四', '000005 在秘书室 秘书室']);
    expect(copiesOf(ctx.db, doc)[0]!.since).toBe('2026-11-21T10:00:00' + copiesOf(ctx.db, doc)[0]!.since.slice(19));

    backIncoming(ctx, doc.number, { copies: ['000004'] });
    changeCircle(ctx, doc.number, { remove: ['李四'], reason: '调离' });
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '李四', copies: ['4'] }), 'incoming.outsideCircle', 'data');

    // 销毁 needs exactly two different witnesses
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { copies: ['5'], how: '销毁', witnesses: ['王秘书'] }), 'incoming.twoWitnesses', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { copies: ['5'], how: '销毁', witnesses: ['王秘书', '王秘书'] }), 'incoming.witnessesDistinct', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { copies: ['5'], how: '销毁', witnesses: ['甲', '乙', '丙'] }), 'incoming.twoWitnesses', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { copies: ['5'], how: '烧掉', witnesses: ['甲', '乙'] }), 'incoming.retireHow', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { how: '销毁', witnesses: ['甲', '乙'] }), 'input.missing', 'usage');
    retireIncoming(ctx, doc.number, { copies: ['000005'], how: '销毁', witnesses: ['王秘书', '赵保密员'] });
    retireIncoming(ctx, doc.number, { copies: ['000004'], how: '清退', witnesses: ['王秘书', '赵保密员'], reason: '按发文机关要求清退' });
    expectRefused(ctx, () => handIncoming(ctx, doc.number, { to: '财务科', copies: ['000005'] }), 'incoming.copyRetired', 'data');
    expectRefused(ctx, () => backIncoming(ctx, doc.number, { copies: ['000005'] }), 'incoming.copyRetired', 'data');
    expectRefused(ctx, () => retireIncoming(ctx, doc.number, { copies: ['000005'], how: '销毁', witnesses: ['甲', '乙'] }), 'incoming.copyRetired', 'data');
    expect(where(ctx, doc.number)).toEqual(['000003 持有 财务科', '000004 已清退 -', '000005 已销毁 -']);

    // held by 财务科, inside the circle, while in hand: accounted for
    expect(problems(ctx)).toEqual([]);
    expect(checkClassified(ctx.db).map((r) => [r.copy, r.status, r.title])).toEqual([
      ['000003', '持有', '【机密】'],
      ['000004', '已清退', '【机密】'],
      ['000005', '已销毁', '【机密】'],
    ]);

    replyIncoming(ctx, doc.number, '已落实');
    expectRefused(ctx, () => closeIncoming(ctx, doc.number), 'incoming.copiesOut', 'data');
    backIncoming(ctx, doc.number, { all: true });
    closeIncoming(ctx, doc.number);
    expect(problems(ctx)).toEqual([]);
    expect(historySteps(ctx.db, getIncoming(ctx.db, doc.number), false).map((s) => s.step)).toEqual([
      'receive', 'circle', 'review', 'hand', 'circle', 'hand', 'assign', 'hand', 'back', 'circle', 'retire', 'retire', 'reply', 'back', 'close',
    ]);
    verified(ctx);
  });

  it('reports copies still out of a void document or a document closed by force, until they come back', () => {
    const ctx = testCtx();
    const a = classified(ctx);
    const b = classified(ctx);
    for (const d of [a, b]) reviewIncoming(ctx, d.number, { accept: true });
    handIncoming(ctx, a.number, { to: '张局长', copies: ['3'] });
    handIncoming(ctx, b.number, { to: '财务科', copies: ['4'] });
    expect(problems(ctx)).toEqual([]);

    voidIncoming(ctx, a.number, '重复登记');
    closeIncoming(ctx, b.number, { force: true, reason: '财务科外出，回来后收回' });
    expect(problems(ctx)).toEqual(['M2026-0001 000003 作废未收回', 'M2026-0002 000004 办结未收回']);
    expectRefused(ctx, () => handIncoming(ctx, a.number, { to: '财务科', copies: ['4'] }), 'incoming.wrongState', 'data');

    backIncoming(ctx, a.number, { all: true });
    backIncoming(ctx, b.number, { copies: ['000004'] });
    expect(problems(ctx)).toEqual([]);
    verified(ctx);
  });

  it('reports a copy held outside the circle (a circle changed behind the rules, e.g. an old database)', () => {
    const ctx = testCtx();
    const a = classified(ctx);
    reviewIncoming(ctx, a.number, { accept: true });
    handIncoming(ctx, a.number, { to: '张局长', copies: ['3'] });
    writeTx(ctx.db, () => postEvent(ctx, getIncoming(ctx.db, a.number), 'circle', { data: { add: [], remove: ['张局长'] } }));
    expect(problems(ctx)).toEqual(['M2026-0001 000003 圈外持有']);
    verified(ctx);
  });

  it('keeps circles and retirement to classified documents', () => {
    const ctx = testCtx();
    expectRefused(ctx, () => receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' }, { circle: ['张局长'] }), 'incoming.circleOnlyClassified', 'usage');
    expectRefused(ctx, () => receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '1' }, { circle: ['张局长', ' '] }), 'incoming.emptyName', 'usage');
    expectRefused(ctx, () => receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '999999', copies: 2 }), 'incoming.copyNoRange', 'usage');
    const o = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T' });
    expectRefused(ctx, () => changeCircle(ctx, o.number, { add: ['张局长'] }), 'incoming.circleOnlyClassified', 'usage');
    expectRefused(ctx, () => retireIncoming(ctx, o.number, { copies: ['1'], how: '销毁', witnesses: ['甲', '乙'] }), 'incoming.retireOnlyClassified', 'usage');
    // a classified document received without a circle: nobody outside the secretariat may hold it yet
    const m = receiveIncoming(ctx, { receivedAt: now(ctx), sender: 'A', title: 'T', secret: '秘密', copyNo: '1' });
    reviewIncoming(ctx, m.number, { accept: true });
    expectRefused(ctx, () => handIncoming(ctx, m.number, { to: '张局长' }), 'incoming.outsideCircle', 'data');
    expect(checkClassified(ctx.db).map((r) => r.status)).toEqual(['在秘书室']);
    verified(ctx);
  });
});
