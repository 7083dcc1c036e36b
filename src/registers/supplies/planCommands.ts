/** `wenmi supplies plan …`: purchase plans (采购计划). */
import type { Command } from 'commander';
import { t } from '../../core/i18n.js';
import type { Field } from '../../core/prompts.js';
import { dateOpt, describe, intArg, wordOption, type Kit, type OutputOpts, type PeriodOpts } from '../../cli/kit.js';
import { planColumns, suggestColumns, WORDS } from './columns.js';
import { addPlan, approvePlan, cancelPlan, draftSuggested, PLAN_STATES, suggestPlans } from './plans.js';
import { planView, suggestionRow } from './reports.js';
import { findItem, MAX_QTY, qtyOf } from './rules.js';

export function planCommands(supplies: Command, kit: Kit): void {
  const plan = kit.verb(supplies, 'plan', { zh: '采购计划：编制、建议、批准、取消、列表', en: 'purchase plans (采购计划): add, suggest, approve, cancel, list' }, [
    'wenmi supplies plan suggest',
    'wenmi supplies plan add --item A4纸 --qty 40 --reason 月度补货 --needed-by +14d',
    'wenmi supplies plan approve CG2026-0001 --approver 李主任',
  ]);

  interface SuppliesPlanAddOpts {
    item?: string;
    qty?: number;
    reason?: string;
    neededBy?: string;
  }
  kit
    .verb(plan, 'add', { zh: '编制一项采购计划，输出计划编号', en: 'draft a purchase plan; prints its number' }, ['wenmi supplies plan add --item A4纸 --qty 40 --reason 月度补货 --needed-by 2026-12-10'])
    .option('--item <item>', describe({ zh: '物品', en: 'the item' }))
    .option('--qty <n>', describe({ zh: '计划数量', en: 'quantity' }), intArg(1, MAX_QTY))
    .option('--reason <text>', describe({ zh: '事由', en: 'why' }))
    .option('--needed-by <date>', describe({ zh: '需用日期（批准后进入到期提醒）', en: 'needed by (once approved, shown by `wenmi due`)' }))
    .action(
      kit.run<SuppliesPlanAddOpts>(async (s, o) => {
        const v: Record<string, unknown> = { item: o.item, qty: o.qty };
        await s.complete(v, [
          { key: 'item', flag: '--item', label: { zh: '物品', en: 'item' }, check: (ref) => void findItem(s.db(), ref) },
          { key: 'qty', flag: '--qty', label: { zh: '计划数量', en: 'quantity' }, check: qtyOf },
        ] satisfies Field[]);
        const row = addPlan(s.ctx(), { item: String(v.item), qty: qtyOf(v.qty), reason: o.reason, neededBy: dateOpt(s, o.neededBy) });
        s.print(`${row.number}\n`);
        s.info(t('supplies.planAdded', { plan: row.number }));
      }),
    );

  interface SuppliesPlanSuggestOpts extends OutputOpts {
    draft?: boolean;
    reason?: string;
  }
  kit
    .withOutput(kit.verb(plan, 'suggest', { zh: '低于安全库存的物品及建议采购数量（补足到安全库存的两倍，扣除待到货）', en: 'items below their reorder level with a proposed quantity (back to twice the level, less what is still to come)' }, [
      'wenmi supplies plan suggest',
      'wenmi supplies plan suggest --draft --reason 月末补货',
    ]))
    .option('--draft', describe({ zh: '按建议编制采购计划', en: 'draft a plan for each suggestion' }))
    .option('--reason <text>', describe({ zh: '编制计划的事由（与 --draft 同用）', en: 'the reason of the drafted plans (with --draft)' }))
    .action(
      kit.run<SuppliesPlanSuggestOpts>(async (s, o) => {
        const rows = suggestPlans(s.db()).map(suggestionRow);
        await s.output(suggestColumns, rows, o);
        if (o.draft && rows.length) {
          const drafted = draftSuggested(s.ctx(), o.reason ?? t('supplies.suggestReason'));
          s.info(t('supplies.plansDrafted', { n: drafted.length, plans: drafted.map((p) => p.number).join(', ') }));
        }
      }),
    );

  interface SuppliesPlanApproveOpts {
    approver?: string;
  }
  kit
    .verb(plan, 'approve', { zh: '批准采购计划', en: 'approve a purchase plan' }, ['wenmi supplies plan approve CG2026-0001 --approver 李主任'])
    .argument('<plan>', describe({ zh: '计划编号', en: 'the plan number' }))
    .option('--approver <name>', describe({ zh: '批准人（必填）', en: 'who approves (required)' }))
    .action(
      kit.run<SuppliesPlanApproveOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { approver: o.approver };
        await s.complete(v, [{ key: 'approver', flag: '--approver', label: { zh: '批准人', en: 'approver' } }]);
        const row = approvePlan(s.ctx(), ref!, String(v.approver));
        s.info(t('supplies.planApproved', { plan: row.number, approver: row.approver }));
      }),
    );

  interface SuppliesPlanCancelOpts {
    reason?: string;
  }
  kit
    .verb(plan, 'cancel', { zh: '取消采购计划（已到货的保留）', en: 'cancel a purchase plan (what came stays received)' }, ['wenmi supplies plan cancel CG2026-0002 --reason 改用库存'])
    .argument('<plan>', describe({ zh: '计划编号', en: 'the plan number' }))
    .option('--reason <text>', describe({ zh: '取消原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<SuppliesPlanCancelOpts>((s, o, [ref]) => {
        const row = cancelPlan(s.ctx(), ref!, o.reason);
        s.info(t('supplies.planCancelled', { plan: row.number }));
      }),
    );

  interface SuppliesPlanListOpts extends OutputOpts, PeriodOpts {
    state?: string;
  }
  kit
    .withPeriod(kit.withOutput(kit.verb(plan, 'list', { zh: '列出采购计划及待到货数量', en: 'list purchase plans and what is still to come' }, ['wenmi supplies plan list --state 已批准'])))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, PLAN_STATES, WORDS))
    .action(
      kit.run<SuppliesPlanListOpts>(async (s, o) => {
        const { from, to } = s.period(o);
        await s.output(planColumns, planView(s.db(), { state: o.state, from, to }), o);
      }),
    );
}
