/** `wenmi archive borrow|renew|return|loans|remind|print-loans` (借阅, 续借, 归还, 催还, 借阅登记簿). */
import type { Command } from 'commander';
import { formatDate, parseDate } from '../../core/dates.js';
import { usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Row } from '../../core/output/render.js';
import type { Field } from '../../core/prompts.js';
import { getSetting } from '../../core/settings.js';
import { BOOK_SIGNATURES, choiceOption, describe, wordOption, intArg, periodLine, type Kit, type Session, type FileFormats, type BookOpts, type OutputOpts, type PeriodOpts, type RevealOpts } from '../../cli/kit.js';
import { loanBookColumns, loanColumns, noticeColumns, WORDS, wordText } from './columns.js';
import { borrowItem, CONDITIONS, isDamaged, remindOverdue, renewLoan, returnLoan, overdueLoans, type Notice } from './loans.js';
import { REGISTER, shownTitle } from './rules.js';
import { loans, type LoanRow } from './sql.js';
import { loanBookRow, loanJson } from './views.js';

/** What `remind` writes: the notices as text, or their rows; `-o` names one by its extension. */
const NOTICE_FORMATS = ['text', 'csv', 'tsv', 'json'] as const;
type NoticeFormat = (typeof NOTICE_FORMATS)[number];
const NOTICE_FILES: FileFormats = { extensions: { txt: 'text', csv: 'csv', tsv: 'tsv', json: 'json' } };

const classifiedRefs = (rows: LoanRow[]) => [...new Set(rows.filter((l) => l.secret_level !== null).map((l) => l.archive_no))];

/** `--due DATE` of borrow and renew. */
interface ArchiveDueOpts {
  due?: string;
}

function dueArg(s: Session, o: ArchiveDueOpts): string | undefined {
  return o.due === undefined ? undefined : parseDate(o.due, s.clock);
}

function noticeRow(n: Notice, today: string, reveal: boolean): Row {
  return {
    noticeDate: today,
    borrower: n.loan.borrower,
    dept: n.loan.dept,
    loanNo: n.loan.loan_no,
    archiveNo: n.loan.archive_no,
    title: shownTitle(n.loan, reveal),
    lentOn: n.loan.lent_on,
    due: n.loan.due,
    daysOverdue: n.daysOverdue,
    reminderNo: n.reminderNo,
  };
}

function noticeText(r: Row, unit: string): string {
  const body = t(r.daysOverdue === 0 ? 'archive.notice.dueToday' : 'archive.notice.body', { ...r, loan: r.loanNo, days: r.daysOverdue });
  return [t('archive.notice.title'), '', body, '', t('archive.notice.sign', { office: unit ? t('archive.notice.office', { unit }) : t('archive.notice.officeNoUnit'), today: r.noticeDate, n: r.reminderNo })].join('\n') + '\n';
}

export function loanCommands(archive: Command, kit: Kit): void {
  interface ArchiveBorrowOpts extends ArchiveDueOpts {
    borrower?: string;
    dept?: string;
    purpose?: string;
    approver?: string;
    days?: number;
    onsite?: boolean;
    takeAway?: boolean;
    copy?: boolean;
    copyApprover?: string;
    note?: string;
    format?: string;
  }
  kit
    .verb(archive, 'borrow', { zh: '借阅：借出一件在库档案（须审批；涉密档案须领导审批、限现场阅览）', en: 'lend an item on the shelf (approved; classified items: senior approver, on site only)' }, [
      'wenmi archive borrow Z001-WS·2026-Y-BGS-0001 --borrower 李明 --dept 财务科 --purpose 查阅预算依据 --approver 王主任',
      'wenmi archive borrow Z001-WS·2026-D30-0002 --borrower 赵敏 --dept 人事科 --purpose 核对 --approver 张局长 --days 3',
      'wenmi archive borrow Z001-WS·2026-Y-0004 --borrower 赵敏 --dept 人事科 --purpose 摘抄 --approver 张局长 --copy --copy-approver 李副局长',
    ])
    .argument('<archiveNo>', describe({ zh: '档号', en: 'the archive number (档号)' }))
    .option('--borrower <name>', describe({ zh: '借阅人', en: 'borrower (借阅人)' }))
    .option('--dept <dept>', describe({ zh: '借阅人部门', en: "borrower's department (部门)" }))
    .option('--purpose <text>', describe({ zh: '借阅事由', en: 'purpose (事由)' }))
    .option('--approver <name>', describe({ zh: '审批人（涉密档案须为 archive.senior-approvers 之一）', en: 'approved by (classified: one of archive.senior-approvers)' }))
    .option('--days <n>', describe({ zh: '借期天数（默认按设置 archive.loan-days）', en: 'term in days (default: the setting archive.loan-days)' }), intArg(1))
    .option('--due <date>', describe({ zh: '应还日期（代替 --days）', en: 'due date (instead of --days)' }))
    .option('--onsite', describe({ zh: '现场阅览（涉密档案必须现场阅览）', en: 'read on site (always so for classified items)' }))
    .option('--take-away', describe({ zh: '外借带走（普通档案的默认方式；涉密档案不允许）', en: 'taken away (the default for ordinary items; refused for classified items)' }))
    .option('--copy', describe({ zh: '允许复制（涉密档案须另行审批）', en: 'copying allowed (classified: needs a separate approval)' }))
    .option('--copy-approver <name>', describe({ zh: '复制的审批人', en: 'who approved copying' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .addOption(choiceOption('--format <format>', { zh: 'text（只输出借阅编号）或 json', en: 'text (the loan number only) or json' }, ['text', 'json']))
    .action(
      kit.run<ArchiveBorrowOpts>(async (s, o, [ref]) => {
        if (o.onsite && o.takeAway) throw usageError('archive.onsiteAndAway');
        const values: Record<string, unknown> = { borrower: o.borrower, dept: o.dept, purpose: o.purpose, approver: o.approver };
        await s.complete(values, [
          { key: 'borrower', flag: '--borrower', label: { zh: '借阅人', en: 'borrower' } },
          { key: 'dept', flag: '--dept', label: { zh: '部门', en: 'department' } },
          { key: 'purpose', flag: '--purpose', label: { zh: '事由', en: 'purpose' } },
          { key: 'approver', flag: '--approver', label: { zh: '审批人', en: 'approved by' } },
        ] satisfies Field[]);
        const loan = borrowItem(s.ctx(), ref!, {
          ...(values as { borrower: string; dept: string; purpose: string; approver: string }),
          days: o.days,
          due: dueArg(s, o),
          onsite: o.onsite ? true : o.takeAway ? false : undefined,
          copy: o.copy === true,
          copyApprover: o.copyApprover,
          note: o.note,
        });
        if (o.format === 'json') s.print(JSON.stringify(loanJson(loan, formatDate(s.clock.now()), false)) + '\n');
        else s.print(loan.loan_no + '\n');
        s.info(t('archive.lent', { archiveNo: loan.archive_no, loan: loan.loan_no, due: loan.due, onsite: loan.onsite ? t('archive.onsiteNote') : '' }));
      }),
    );

  interface ArchiveRenewOpts extends ArchiveDueOpts {
    approver?: string;
    days?: number;
    note?: string;
  }
  kit
    .verb(archive, 'renew', { zh: '续借：从今天起重新计算借期（须审批，不得缩短或超过最长期限）', en: 'renew a loan: a new term from today (approved; must extend it, within the longest term)' }, [
      'wenmi archive renew J2026-0001 --approver 王主任',
      'wenmi archive renew Z001-WS·2026-Y-BGS-0001 --approver 王主任 --days 7',
    ])
    .argument('<loan>', describe({ zh: '借阅编号，或在借档案的档号', en: 'the loan number, or the archive number of the item out' }))
    .option('--approver <name>', describe({ zh: '审批人', en: 'approved by' }))
    .option('--days <n>', describe({ zh: '从今天起的天数', en: 'days from today' }), intArg(1))
    .option('--due <date>', describe({ zh: '新的应还日期', en: 'the new due date' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<ArchiveRenewOpts>(async (s, o, [ref]) => {
        const values: Record<string, unknown> = { approver: o.approver };
        await s.complete(values, [{ key: 'approver', flag: '--approver', label: { zh: '审批人', en: 'approved by' } }]);
        const loan = renewLoan(s.ctx(), ref!, { approver: values.approver as string, days: o.days, due: dueArg(s, o), note: o.note });
        s.print(loan.due + '\n');
        s.info(t('archive.renewed', { loan: loan.loan_no, due: loan.due }));
      }),
    );

  interface ArchiveReturnOpts {
    condition?: string;
    note?: string;
  }
  kit
    .verb(archive, 'return', { zh: '归还：检查并记录归还情况（破损、缺页会被标记）', en: 'return a loan, recording its condition (damage is flagged)' }, [
      'wenmi archive return J2026-0001',
      'wenmi archive return J2026-0002 --condition 缺页 --note 缺第3页',
    ])
    .argument('<loan>', describe({ zh: '借阅编号，或在借档案的档号', en: 'the loan number, or the archive number of the item out' }))
    .addOption(wordOption('--condition <state>', { zh: '归还情况（默认 完好）', en: 'condition (default intact)' }, CONDITIONS, WORDS))
    .option('--note <text>', describe({ zh: '情况说明', en: 'note on the condition' }))
    .action(
      kit.run<ArchiveReturnOpts>((s, o, [ref]) => {
        const loan = returnLoan(s.ctx(), ref!, { condition: o.condition, note: o.note });
        s.info(t('archive.returned', { loan: loan.loan_no, archiveNo: loan.archive_no, condition: wordText(loan.return_condition) }));
        if (isDamaged(loan)) s.info(t('archive.returnedDamaged', { archiveNo: loan.archive_no, condition: wordText(loan.return_condition) }));
      }),
    );

  interface ArchiveLoansOpts extends RevealOpts, OutputOpts {
    overdue?: boolean;
    borrower?: string;
    all?: boolean;
  }
  kit.withReveal(
    kit.withOutput(
      kit.verb(archive, 'loans', { zh: '列出借阅（默认未归还的）', en: 'list loans (open ones unless --all)' }, ['wenmi archive loans', 'wenmi archive loans --overdue --format json', 'wenmi archive loans --all --borrower 李明']),
    ),
  )
    .option('--overdue', describe({ zh: '只列逾期未还的', en: 'only overdue loans' }))
    .option('--borrower <name>', describe({ zh: '借阅人包含此文字', en: "borrower's name contains this" }))
    .option('--all', describe({ zh: '包括已归还的', en: 'include returned loans' }))
    .action(
      kit.run<ArchiveLoansOpts>(async (s, o) => {
        const db = s.db();
        const today = formatDate(s.clock.now());
        const rows = loans(db, { open: o.all !== true, dueBefore: o.overdue ? today : undefined, borrower: o.borrower });
        s.reveal(o.reveal === true, REGISTER, 'loans', () => classifiedRefs(rows));
        await s.output(loanColumns, rows.map((l) => loanJson(l, today, o.reveal === true)), o);
      }),
    );

  interface ArchiveRemindOpts extends RevealOpts {
    format?: string;
    output?: string;
    bom?: boolean;
    force?: boolean;
    overdue?: boolean;
  }
  kit
    .withFormats(
      kit.withReveal(
        kit.verb(archive, 'remind', { zh: '催还：为每笔到期未还的借阅出具催还通知（文本或供邮件合并的 CSV），每份记入日志', en: 'overdue reminders (催还): one notice per loan past due, as text or CSV for a mail merge; each is journaled' }, [
          'wenmi archive remind --overdue',
          'wenmi archive remind --overdue --format csv -o 催还2026-11-27.csv',
        ]),
      ),
      { zh: '输出格式：text（通知文本，默认）|csv|tsv|json', en: 'output format: text (the notices; default) | csv | tsv | json' },
      NOTICE_FORMATS,
      NOTICE_FILES,
      'text',
    )
    .option('--overdue', describe({ zh: '只催已逾期的（不加则今天到期的也提醒）', en: 'overdue loans only (without it, loans due today get a notice too)' }))
    .action(
      kit.run<ArchiveRemindOpts>(async (s, o) => {
        const db = s.db();
        const today = formatDate(s.clock.now());
        const format = o.format as NoticeFormat;
        s.reveal(o.reveal === true, REGISTER, 'remind', () => classifiedRefs(overdueLoans(db, today, o.overdue !== true)));
        const unit = getSetting(db, kit.registry.settings, 'unit.name') ?? '';
        let count = 0;
        // The output is opened first, so a file that cannot be written fails before any notice is journaled.
        await s.toOutput(o, async (out) => {
          const notices = s.tx((ctx) => remindOverdue(ctx, { includeDueToday: o.overdue !== true, format }));
          const rows = notices.map((n) => noticeRow(n, today, o.reveal === true));
          count = rows.length;
          if (format !== 'text') return s.writeRows(out, noticeColumns, rows, o, format);
          out.write(rows.map((r) => noticeText(r, unit)).join('\n' + '—'.repeat(30) + '\n\n'));
          out.flush();
        });
        s.info(t('archive.reminded', { count }));
      }),
    );

  type ArchivePrintLoansOpts = PeriodOpts & RevealOpts & BookOpts;
  kit
    .withBook(
      kit.withReveal(
        kit.withPeriod(
          kit.verb(archive, 'print-loans', { zh: '按纸质借阅登记簿的格式打印一个时期的借阅', en: 'print the loan book (借阅登记簿) for a period' }, [
            'wenmi archive print-loans --month 2026-11',
            'wenmi archive print-loans --from 2026-01-01 --to 2026-12-31 -o 借阅登记簿2026.txt',
          ]),
        ),
      ),
    )
    .action(
      kit.run<ArchivePrintLoansOpts>(async (s, o) => {
        const period = s.period(o);
        const db = s.db();
        const rows = loans(db, { from: period.from, to: period.to });
        s.reveal(o.reveal === true, REGISTER, 'print-loans', () => classifiedRefs(rows));
        const bookRows = rows.map((l) => loanBookRow(l, o.reveal === true));
        await s.printBook(o, {
          title: { zh: '档案借阅登记簿', en: 'Archive loan book (借阅登记簿)' },
          meta: [periodLine(period)],
          columns: loanBookColumns,
          rows: bookRows,
          footer: 'archive.loansFooter',
          footerParams: { count: rows.length },
          signatures: BOOK_SIGNATURES,
        });
      }),
    );
}
