/** `wenmi meeting minutes|minutes-approve|minutes-send|materials|expense|settle|close`: the work after the meeting. */
import type { Command } from 'commander';
import { t } from '../../core/i18n.js';
import { readTextFile } from '../../core/input.js';
import { formatYuan, yuanToFen } from '../../core/money.js';
import { usageError } from '../../core/errors.js';
import { collect, describe, intArg, type Kit, type NoOpts } from '../../cli/kit.js';
import { addExpense, approveMinutes, closeMeeting, draftMinutes, MAX_COPIES, minutesNumber, moveMaterials, sendMinutes, settleMeeting } from './after.js';
import { field, meetingArg } from './present.js';

interface MinutesOpts {
  drafter?: string;
  summary?: string;
  file?: string;
}

interface ApproverOpts {
  approver?: string;
}

interface SendOpts {
  to?: string[];
}

interface MaterialsOpts {
  issued?: number;
  recovered?: number;
}

interface ExpenseOpts {
  item?: string;
  amount?: string;
  invoice?: string;
}

export function afterCommands(meeting: Command, kit: Kit): void {
  meetingArg(
    kit.verb(meeting, 'minutes', { zh: '会议纪要：起草（审签前可重拟）；--file 从文件读入', en: 'draft the minutes (纪要; redraft until approved); --file reads them from a file' }, [
      'wenmi meeting minutes HY2026-0001 --drafter 王秘书 --summary 会议研究了四季度工作',
      'wenmi meeting minutes HY2026-0001 --drafter 王秘书 --file 纪要.txt',
    ]),
  )
    .option('--drafter <name>', describe({ zh: '起草人', en: 'who drafts them' }))
    .option('--summary <text>', describe({ zh: '纪要内容', en: 'the text of the minutes' }))
    .option('--file <file>', describe({ zh: '纪要文件（UTF-8）', en: 'a file holding the minutes (UTF-8)' }))
    .action(
      kit.run<MinutesOpts>(async (s, o, [ref]) => {
        if (o.summary !== undefined && o.file !== undefined) throw usageError('meeting.summaryTwice');
        const v: Record<string, unknown> = { drafter: o.drafter, summary: o.file !== undefined ? readTextFile(o.file).trim() : o.summary };
        await s.complete(v, [field('drafter', '--drafter', '起草人', 'drafter'), field('summary', '--summary', '纪要内容', 'minutes')]);
        const r = draftMinutes(s.ctx(), ref!, { drafter: v.drafter as string, summary: v.summary as string });
        s.info(t('meeting.minutesDrafted', { number: r.row.number, minutes: minutesNumber(r.minutes), drafter: r.minutes.drafter }));
      }),
    );

  meetingArg(kit.verb(meeting, 'minutes-approve', { zh: '纪要领导审签（审签人不能是起草人）', en: 'a leader approves the minutes (not their drafter)' }, ['wenmi meeting minutes-approve HY2026-0001 --approver 吴局长']))
    .option('--approver <name>', describe({ zh: '审签人', en: 'who approves' }))
    .action(
      kit.run<ApproverOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { approver: o.approver };
        await s.complete(v, [field('approver', '--approver', '审签人', 'approver')]);
        const r = approveMinutes(s.ctx(), ref!, { approver: v.approver as string });
        s.info(t('meeting.minutesApprovedNow', { number: r.row.number, minutes: minutesNumber(r.minutes), approver: v.approver }));
      }),
    );

  meetingArg(kit.verb(meeting, 'minutes-send', { zh: '纪要分发：写明分发单位（可写多次，或逗号分隔）', en: 'send the approved minutes to units (repeat --to, or comma-separated)' }, ['wenmi meeting minutes-send HY2026-0001 --to 办公室,财务科 --to 档案室']))
    .option('--to <units>', describe({ zh: '分发单位', en: 'the units it goes to' }), collect)
    .action(
      kit.run<SendOpts>((s, o, [ref]) => {
        const r = sendMinutes(s.ctx(), ref!, { to: o.to });
        s.info(t('meeting.minutesSent', { number: r.row.number, to: r.to.join('、') }));
      }),
    );

  meetingArg(kit.verb(meeting, 'materials', { zh: '涉密会议材料：发放（--issued N）或收回（--recovered N）份数', en: 'classified materials: copies handed out (--issued N) or taken back (--recovered N)' }, ['wenmi meeting materials HY2026-0002 --issued 12', 'wenmi meeting materials HY2026-0002 --recovered 12']))
    .option('--issued <n>', describe({ zh: '发放份数', en: 'copies handed out' }), intArg(1, MAX_COPIES))
    .option('--recovered <n>', describe({ zh: '收回份数', en: 'copies taken back' }), intArg(1, MAX_COPIES))
    .action(
      kit.run<MaterialsOpts>((s, o, [ref]) => {
        const r = moveMaterials(s.ctx(), ref!, o);
        s.info(t(o.issued !== undefined ? 'meeting.materialsIssued' : 'meeting.materialsRecovered', { number: r.row.number, count: o.issued ?? o.recovered, out: r.out }));
      }),
    );

  meetingArg(kit.verb(meeting, 'expense', { zh: '会议费用：事项、金额（元）、发票号', en: 'an expense of the meeting: what, amount in yuan, invoice number' }, ['wenmi meeting expense HY2026-0001 --item 茶歇 --amount 480 --invoice 04451234']))
    .option('--item <text>', describe({ zh: '费用事项', en: 'what it was for' }))
    .option('--amount <yuan>', describe({ zh: '金额（元，最多两位小数）', en: 'the amount in yuan (up to 2 decimals)' }))
    .option('--invoice <no>', describe({ zh: '发票号', en: 'the invoice number' }))
    .action(
      kit.run<ExpenseOpts>((s, o, [ref]) => {
        const amount = o.amount === undefined ? undefined : yuanToFen(o.amount);
        if (amount === null) throw usageError('meeting.amount', { value: o.amount });
        const r = addExpense(s.ctx(), ref!, { item: o.item, amount, invoice: o.invoice });
        s.info(t('meeting.expenseAdded', { number: r.row.number, amount: formatYuan(amount!), spent: formatYuan(r.spent), budget: r.row.budget === null ? '—' : formatYuan(r.row.budget) }));
      }),
    );

  meetingArg(kit.verb(meeting, 'settle', { zh: '费用结算：对照预算，一次', en: 'settle the expenses against the budget (once)' }, ['wenmi meeting settle HY2026-0001 --approver 财务科长']))
    .option('--approver <name>', describe({ zh: '结算审批人', en: 'who approves the settlement' }))
    .action(
      kit.run<ApproverOpts>((s, o, [ref]) => {
        const r = settleMeeting(s.ctx(), ref!, { approver: o.approver });
        const key = r.budget === null ? 'meeting.settledNoBudget' : r.spent > r.budget ? 'meeting.settledOver' : 'meeting.settledNow';
        s.print(`${formatYuan(r.spent)}\n`);
        s.info(t(key, { number: r.row.number, spent: formatYuan(r.spent), budget: r.budget === null ? '' : formatYuan(r.budget), diff: r.budget === null ? '' : formatYuan(Math.abs(r.budget - r.spent)) }));
      }),
    );

  meetingArg(kit.verb(meeting, 'close', { zh: '会议结束：会后、材料收回、纪要审签、费用结算之后', en: 'close the meeting: once over, copies back, minutes approved, expenses settled' }, ['wenmi meeting close HY2026-0001'])).action(
    kit.run<NoOpts>((s, _o, [ref]) => {
      const row = closeMeeting(s.ctx(), ref!);
      s.info(t('meeting.closed', { number: row.number }));
    }),
  );
}
