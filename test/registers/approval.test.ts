/** Who may approve (issue #12): nobody approves their own request; approver lists as settings; important seals need a leader. */
import { describe, expect, it } from 'vitest';
import { writeTx } from '../../src/core/db.js';
import type { Ctx } from '../../src/core/journal.js';
import { setSetting } from '../../src/core/settings.js';
import { verifyDatabase } from '../../src/core/verify.js';
import { borrowItem, renewLoan } from '../../src/registers/archive/loans.js';
import { fileItem } from '../../src/registers/archive/rules.js';
import { archiveSettings } from '../../src/registers/archive/settings.js';
import { addSeal } from '../../src/registers/seal/rules.js';
import { sealSettings } from '../../src/registers/seal/settings.js';
import { approveRequest, getRequest, requestUse } from '../../src/registers/seal/usage.js';
import { addPlan, approvePlan } from '../../src/registers/supplies/plans.js';
import { addItem, issueSupplies, receiveSupplies } from '../../src/registers/supplies/rules.js';
import { suppliesSettings } from '../../src/registers/supplies/settings.js';
import { cli, expectRefused, tables, tempDir, testCtx } from '../helpers.js';
import path from 'node:path';

const verified = (ctx: Ctx) => expect(verifyDatabase(ctx.db, tables()).ok).toBe(true);
const set = (ctx: Ctx, defs: typeof sealSettings, key: string, value: string) => writeTx(ctx.db, () => setSetting(ctx, defs, key, value));
const as = (ctx: Ctx, operator: string): Ctx => ({ db: ctx.db, clock: ctx.clock, operator });

function sealOffice() {
  const ctx = testCtx();
  addSeal(ctx, { name: '办公室公章', type: '公章', custodian: '李保管', since: '2026-01-04' });
  return ctx;
}
const ask = (ctx: Ctx, extra: { requester?: string; important?: boolean } = {}) =>
  requestUse(ctx, { seal: 'S001', doc: '关于采购办公设备的合同', unit: '办公室', purpose: '签订合同', count: 2, requester: '陈经办', ...extra }).number;

describe('seal approval', () => {
  it('refuses the requester, and the operator who registered the request, as its approver', () => {
    const ctx = sealOffice();
    const y1 = ask(ctx);
    expectRefused(ctx, () => approveRequest(ctx, y1, { approver: '陈经办' }), 'approval.own', 'data');
    expectRefused(ctx, () => approveRequest(ctx, y1, { approver: ' 陈 经办 ' }), 'approval.own', 'data');
    // 王秘书 registered it on 陈经办's behalf: he may not approve it either, whoever runs the approval
    expectRefused(ctx, () => approveRequest(as(ctx, '周主任'), y1, { approver: '王秘书' }), 'approval.own', 'data');
    expect(approveRequest(ctx, y1, { approver: '周主任' }).state).toBe('已批准');
    verified(ctx);
  });

  it('when seal.approvers is set, only those names approve', () => {
    const ctx = sealOffice();
    set(ctx, sealSettings, 'seal.approvers', '周主任，吴副主任');
    const y1 = ask(ctx);
    const e = expectRefused(ctx, () => approveRequest(ctx, y1, { approver: '钱科长' }), 'approval.notListed', 'data');
    expect(e.params).toMatchObject({ key: 'seal.approvers', names: '周主任、吴副主任' });
    expect(approveRequest(ctx, y1, { approver: '吴副主任' }).approver).toBe('吴副主任');
    verified(ctx);
  });

  it('an important document needs a leader from seal.leaders; none set refuses it', () => {
    const ctx = sealOffice();
    const y1 = ask(ctx, { important: true });
    expect(getRequest(ctx.db, y1).important).toBe(1);
    expectRefused(ctx, () => approveRequest(ctx, y1, { approver: '周主任' }), 'approval.noLeaders', 'data');
    set(ctx, sealSettings, 'seal.leaders', '张局长');
    expectRefused(ctx, () => approveRequest(ctx, y1, { approver: '周主任' }), 'approval.notLeader', 'data');
    expect(approveRequest(ctx, y1, { approver: '张局长' }).state).toBe('已批准');
    // an ordinary request is not bound to the leaders
    expect(approveRequest(ctx, ask(ctx), { approver: '周主任' }).important).toBe(0);
    verified(ctx);
  });

  it('through the CLI: exit 1, the message names the rule, nothing is written', async () => {
    const db = path.join(tempDir(), 'w.db');
    const run = (args: string[]) => cli(args, { env: { WENMI_DB: db } });
    expect((await cli(['init', '--db', db])).code).toBe(0);
    expect((await run(['seal', 'add', '--name', '公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04'])).code).toBe(0);
    expect((await run(['seal', 'request', '--seal', 'S001', '--doc', '报告', '--unit', '办公室', '--purpose', '报送', '--count', '1', '--requester', '陈经办', '--important'])).code).toBe(0);
    const before = (await run(['verify'])).stdout;
    const own = await run(['seal', 'approve', 'Y2026-0001', '--approver', '陈经办']);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('cannot approve their own request');
    const leader = await run(['seal', 'approve', 'Y2026-0001', '--approver', '周主任']);
    expect(leader.code).toBe(1);
    expect(leader.stderr).toContain('seal.leaders');
    expect((await run(['verify'])).stdout).toBe(before);
  });
});

function archiveOffice() {
  const ctx = testCtx();
  set(ctx, archiveSettings, 'archive.fonds', 'Z001');
  const no = fileItem(ctx, { title: '关于2027年部门预算的报告', author: '某局办公室', date: '2026-11-20', retention: 'Y' }).archive_no;
  return { ctx, no };
}
const loan = { borrower: '周主任', dept: '办公室', purpose: '查阅' };

describe('archive loan approval', () => {
  it('the borrower, or the operator recording the loan, cannot approve it', () => {
    const { ctx, no } = archiveOffice();
    expectRefused(ctx, () => borrowItem(ctx, no, { ...loan, approver: '周主任' }), 'approval.own', 'data');
    expectRefused(ctx, () => borrowItem(ctx, no, { ...loan, approver: '王秘书' }), 'approval.own', 'data');
    const l = borrowItem(ctx, no, { ...loan, approver: '张局长' });
    expectRefused(ctx, () => renewLoan(ctx, l.loan_no, { approver: '周主任', days: 20 }), 'approval.own', 'data');
    expect(renewLoan(ctx, l.loan_no, { approver: '张局长', days: 20 }).due).toBe('2026-12-17');
    verified(ctx);
  });

  it('when archive.approvers is set, only those names approve an ordinary item', () => {
    const { ctx, no } = archiveOffice();
    set(ctx, archiveSettings, 'archive.approvers', '张局长');
    expectRefused(ctx, () => borrowItem(ctx, no, { ...loan, approver: '吴主任' }), 'approval.notListed', 'data');
    expect(borrowItem(ctx, no, { ...loan, approver: '张局长' }).approver).toBe('张局长');
    verified(ctx);
  });
});

function suppliesOffice() {
  const ctx = testCtx();
  addItem(ctx, { name: 'A4纸', spec: '70g', unit: '包', price: 2500 });
  receiveSupplies(ctx, 'A4纸', { unplanned: true, reason: '期初', qty: 10, price: 2500 });
  return ctx;
}

describe('supplies approval', () => {
  it('an issue is not approved by its recipient nor the operator; with supplies.approvers set it needs one of them', () => {
    const ctx = suppliesOffice();
    const issue = { qty: 1, dept: '财务科', person: '李明' };
    expectRefused(ctx, () => issueSupplies(ctx, 'A4纸', { ...issue, approver: '李明' }), 'approval.own', 'data');
    expectRefused(ctx, () => issueSupplies(ctx, 'A4纸', { ...issue, approver: '王秘书' }), 'approval.own', 'data');
    issueSupplies(ctx, 'A4纸', issue); // no list set: an approver stays optional
    set(ctx, suppliesSettings, 'supplies.approvers', '周主任');
    expectRefused(ctx, () => issueSupplies(ctx, 'A4纸', issue), 'input.missing', 'usage');
    expectRefused(ctx, () => issueSupplies(ctx, 'A4纸', { ...issue, approver: '吴主任' }), 'approval.notListed', 'data');
    issueSupplies(ctx, 'A4纸', { ...issue, approver: '周主任' });
    verified(ctx);
  });

  it('a plan is not approved by whoever drafted it; with supplies.approvers set only those names approve', () => {
    const ctx = suppliesOffice();
    const plan = addPlan(as(ctx, '钱采购'), { item: 'A4纸', qty: 5 }).number;
    expectRefused(ctx, () => approvePlan(ctx, plan, '钱采购'), 'approval.own', 'data');
    set(ctx, suppliesSettings, 'supplies.approvers', '周主任');
    expectRefused(ctx, () => approvePlan(ctx, plan, '吴主任'), 'approval.notListed', 'data');
    expect(approvePlan(ctx, plan, '周主任').state).toBe('已批准');
    verified(ctx);
  });
});
