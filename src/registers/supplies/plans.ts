/**
 * The rules of the supplies register, part 2: purchase plans (采购计划).
 * 草拟 → 已批准 → received against (已完成 when all has come), or 已取消. Numbers `CG2026-0001`,
 * gap-free per year of drafting.
 */
import { checkApprover, registeredBy } from '../../core/approval.js';
import { writeTx, type DB } from '../../core/db.js';
import type { DueItem } from '../../core/deadlines.js';
import { dataError, required, requireReason, usageError } from '../../core/errors.js';
import { post, type Ctx } from '../../core/journal.js';
import { entryNumber } from '../../core/typed.js';
import { word } from './columns.js';
import { checkQty, findItem, itemText, REGISTER, today } from './rules.js';
import { suppliesApprovers } from './settings.js';
import { itemById, nextSerial, openPlansWithDate, planByNumber, stockRows, type PlanRow } from './sql.js';

export const PLAN_STATES = ['草拟', '已批准', '已完成', '已取消'] as const;

export function getPlan(db: DB, ref: string): PlanRow {
  const plan = planByNumber(db, entryNumber(ref, ['CG']) ?? ref.trim());
  if (!plan) throw dataError('supplies.planNotFound', { ref });
  return plan;
}

export interface PlanInput {
  item?: string;
  qty?: number;
  reason?: string;
  neededBy?: string;
}

/** Drafts a plan to buy qty of an item in use. */
export function addPlan(ctx: Ctx, p: PlanInput): PlanRow {
  const ref = required({ '--item': p.item })['--item'];
  if (p.qty === undefined) throw usageError('input.missing', { flags: '--qty' });
  checkQty(p.qty);
  return writeTx(ctx.db, () => {
    const item = findItem(ctx.db, ref);
    if (item.state === '停用') throw dataError('supplies.itemRetired', { item: itemText(item) });
    const drafted = today(ctx);
    if (p.neededBy !== undefined && p.neededBy < drafted) throw usageError('supplies.neededByPast', { date: p.neededBy });
    const year = Number(drafted.slice(0, 4));
    const serial = nextSerial(ctx.db, 'supplies_plans', year);
    const number = `CG${year}-${String(serial).padStart(4, '0')}`;
    post(ctx, {
      register: REGISTER,
      action: 'plan-add',
      table: 'supplies_plans',
      values: { number, year, serial, item_id: item.id, qty: p.qty, drafted_on: drafted, needed_by: p.neededBy ?? null, reason: p.reason?.trim() || null },
    });
    return planByNumber(ctx.db, number)!;
  });
}

export function approvePlan(ctx: Ctx, ref: string, approver: string | undefined): PlanRow {
  const who = required({ '--approver': approver })['--approver'];
  return writeTx(ctx.db, () => {
    const plan = getPlan(ctx.db, ref);
    if (plan.state !== '草拟') throw dataError('supplies.planNotDraft', { plan: plan.number, state: word(plan.state) });
    // nobody approves a plan they drafted; when supplies.approvers is set, only those names approve
    checkApprover({ approver: who, askers: [registeredBy(ctx.db, 'supplies_plans', plan.id)], listKey: 'supplies.approvers', names: suppliesApprovers(ctx.db) });
    post(ctx, { register: REGISTER, action: 'plan-approve', table: 'supplies_plan_events', values: { plan_id: plan.id, state: '已批准', on_date: today(ctx), approver: who } });
    return getPlan(ctx.db, plan.number);
  });
}

/** Cancels a draft or an approved plan with something still to come; what was received stays received. */
export function cancelPlan(ctx: Ctx, ref: string, reason: string | undefined): PlanRow {
  const why = requireReason(reason);
  return writeTx(ctx.db, () => {
    const plan = getPlan(ctx.db, ref);
    if (plan.state !== '草拟' && plan.state !== '已批准') throw dataError('supplies.planNotOpen', { plan: plan.number, state: word(plan.state) });
    post(ctx, { register: REGISTER, action: 'plan-cancel', table: 'supplies_plan_events', values: { plan_id: plan.id, state: '已取消', on_date: today(ctx), reason: why }, reason: why });
    return getPlan(ctx.db, plan.number);
  });
}

export interface Suggestion {
  id: number;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  reorder: number;
  toCome: number;
  proposed: number;
  price: number | null;
}

/**
 * Items in use whose balance is below their reorder level (安全库存). The proposed quantity
 * brings the stock back to twice the reorder level, counting what open plans will still bring:
 * proposed = 2 × reorder − on hand − still to come (items already covered are left out).
 */
export function suggestPlans(db: DB): Suggestion[] {
  const out: Suggestion[] = [];
  for (const r of stockRows(db, false)) {
    if (r.reorder === 0 || r.qty >= r.reorder) continue;
    const toCome = r.to_come;
    const proposed = 2 * r.reorder - r.qty - toCome;
    if (proposed <= 0) continue;
    out.push({ id: r.id, name: r.name, spec: r.spec, unit: r.unit, qty: r.qty, reorder: r.reorder, toCome, proposed, price: r.price });
  }
  return out;
}

/** Drafts one plan per suggestion, in one transaction. */
export function draftSuggested(ctx: Ctx, reason: string): PlanRow[] {
  return writeTx(ctx.db, () => suggestPlans(ctx.db).map((s) => addPlan(ctx, { item: String(s.id), qty: s.proposed, reason })));
}

/** Approved plans with a needed-by date and something still to come, for `wenmi due`. */
export function planDeadlines(db: DB, _today: string): DueItem[] {
  return openPlansWithDate(db).map((p) => {
    const item = itemById(db, p.item_id)!;
    return { register: REGISTER, ref: p.number, what: `${item.name}（${item.spec}）${p.qty - p.received}${item.unit}`, who: p.approver, due: p.needed_by! };
  });
}

