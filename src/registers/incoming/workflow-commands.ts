/** `wenmi incoming review|propose|instruct|assign|hand|where|back|retire|circle|remind|reply|close|history|report|check`. */
import { checkRecordColumns, checkRecordRows, checksOf, recordCheck } from '../../core/checks.js';
import type { Command } from 'commander';
import { formatDate, parseDate } from '../../core/dates.js';
import { checkError, EXIT } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { wordOption, collect, describe, intArg, type Kit, type OutputOpts, type PeriodOpts, type RevealOpts } from '../../cli/kit.js';
import { checkColumns, historyColumns, reportColumns, RETIRE_LABELS, whereColumns } from './columns.js';
import { backIncoming, changeCircle, checkClassified, circleOf, copiesOf, handIncoming, retireIncoming, RETIRE_HOW } from './custody.js';
import { monthReport, reportRows, historySteps } from './report.js';
import { getIncoming, MAX_COPIES, REGISTER } from './rules.js';
import { assignIncoming, closeIncoming, deadlineOf, instructIncoming, proposeIncoming, remindIncoming, replyIncoming, reviewIncoming } from './workflow.js';

/** A repeatable option: each value kept (commas are split by the rules). */
const numberArg = { zh: '收文编号', en: 'the document number' };

export function workflowCommands(incoming: Command, kit: Kit): void {
  const verb = (name: string, description: { zh: string; en: string }, examples: string[]) =>
    kit.verb(incoming, name, description, examples).argument('<number>', describe(numberArg));

  interface IncomingReviewOpts {
    accept?: boolean;
    return?: boolean;
    reason?: string;
  }
  verb('review', { zh: '初审：接收办理，或退回来文单位（须说明原因）', en: 'first review: accept for handling, or return to the sender with a reason' }, [
    'wenmi incoming review 2026-0001 --accept',
    'wenmi incoming review 2026-0002 --return --reason 不属于本单位职责',
  ])
    .option('--accept', describe({ zh: '初审通过', en: 'accept' }))
    .option('--return', describe({ zh: '退回来文单位', en: 'return to the sender' }))
    .option('--reason <text>', describe({ zh: '原因（退回时必填）', en: 'why (required to return)' }))
    .action(
      kit.run<IncomingReviewOpts>((s, o, [ref]) => {
        const row = reviewIncoming(s.ctx(), ref!, { accept: o.accept === true, return: o.return === true, reason: o.reason });
        s.info(t(row.state === '退回' ? 'incoming.returned' : 'incoming.reviewed', { number: row.number }));
      }),
    );

  interface IncomingProposeOpts {
    opinion?: string;
  }
  verb('propose', { zh: '拟办意见', en: "record the secretariat's proposal (拟办意见)" }, ['wenmi incoming propose 2026-0001 --opinion 拟请张局长阅示，财务科办理'])
    .option('--opinion <text>', describe({ zh: '拟办意见', en: 'the proposal' }))
    .action(
      kit.run<IncomingProposeOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { opinion: o.opinion };
        await s.complete(v, [{ key: 'opinion', flag: '--opinion', label: { zh: '拟办意见', en: 'proposal' } }]);
        const row = proposeIncoming(s.ctx(), ref!, v.opinion as string);
        s.info(t('incoming.proposed', { number: row.number }));
      }),
    );

  interface IncomingInstructOpts {
    deadline?: string;
    leader?: string;
    text?: string;
    date?: string;
  }
  verb('instruct', { zh: '领导批示（可多位领导依次批示）', en: "record a leader's instruction (several leaders may instruct in turn)" }, [
    'wenmi incoming instruct 2026-0001 --leader 张局长 --text 请财务科抓紧办理',
    'wenmi incoming instruct 2026-0001 --leader 李副局长 --text 同意 --date 2026-11-26',
    'wenmi incoming instruct 2026-0001 --leader 张局长 --text 请于月底前报结果 --deadline 2026-11-30',
  ])
    .option('--leader <name>', describe({ zh: '批示领导', en: 'the leader' }))
    .option('--text <text>', describe({ zh: '批示内容', en: 'the instruction' }))
    .option('--date <date>', describe({ zh: '批示日期（默认今天）', en: 'the day of the instruction (default today)' }))
    .option('--deadline <date>', describe({ zh: '批示的办理时限（取代此前的时限）', en: 'the handling deadline the instruction sets (replaces the earlier one)' }))
    .action(
      kit.run<IncomingInstructOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { leader: o.leader, text: o.text };
        await s.complete(v, [
          { key: 'leader', flag: '--leader', label: { zh: '批示领导', en: 'leader' } },
          { key: 'text', flag: '--text', label: { zh: '批示内容', en: 'instruction' } },
        ]);
        const row = instructIncoming(s.ctx(), ref!, { leader: v.leader as string, text: v.text as string, date: o.date === undefined ? undefined : parseDate(o.date, s.clock), deadline: o.deadline === undefined ? undefined : parseDate(o.deadline, s.clock) });
        s.info(t('incoming.instructed', { number: row.number, leader: v.leader }));
      }),
    );

  interface IncomingAssignOpts {
    lead?: string;
    assist?: string[];
    deadline?: string;
    reason?: string;
  }
  verb('assign', { zh: '承办/分转：一个主办单位，若干协办单位，办理时限', en: 'assign: exactly one lead department, assisting ones, a deadline' }, [
    'wenmi incoming assign 2026-0001 --lead 财务科 --assist 办公室 --deadline 2026-12-05',
    'wenmi incoming assign 2026-0001 --lead 人事科 --reason 职责调整，改由人事科主办',
  ])
    .option('--lead <dept>', describe({ zh: '主办单位（只能一个）', en: 'the lead department (exactly one)' }))
    .option('--assist <dept>', describe({ zh: '协办单位（可重复，或逗号分隔）', en: 'an assisting department (repeatable, or comma-separated)' }), collect)
    .option('--deadline <date>', describe({ zh: '办理时限（特急、加急件必须有；不给则沿用登记时的时限）', en: 'handling deadline (urgent ones must have one; default: the one registered)' }))
    .option('--reason <text>', describe({ zh: '改派原因（已在承办时必填）', en: 'why (required to re-assign)' }))
    .action(
      kit.run<IncomingAssignOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { lead: o.lead };
        await s.complete(v, [{ key: 'lead', flag: '--lead', label: { zh: '主办单位', en: 'lead department' } }]);
        const row = assignIncoming(s.ctx(), ref!, { lead: v.lead as string, assist: o.assist, deadline: o.deadline === undefined ? undefined : parseDate(o.deadline, s.clock), reason: o.reason });
        const deadline = deadlineOf(s.db(), row);
        s.info(t('incoming.assigned', { number: row.number, lead: v.lead, deadline: deadline ? t('incoming.assigned.deadline', { deadline }) : '' }));
      }),
    );

  interface IncomingHandOpts {
    to?: string;
    from?: string;
    copy?: string[];
    copies?: number;
  }
  verb('hand', { zh: '交接/传阅一份或几份：谁交、谁收、何时', en: 'hand copies on (传阅/交接): who gives, who receives, when' }, [
    'wenmi incoming hand 2026-0001 --to 张局长',
    'wenmi incoming hand M2026-0001 --copy 000003 --to 财务科 --from 张局长',
    'wenmi incoming hand 2026-0001 --copies 2 --to 财务科',
  ])
    .option('--to <name>', describe({ zh: '接收人', en: 'who receives' }))
    .option('--from <name>', describe({ zh: '交出人（默认秘书室）', en: 'who gives (default: the secretariat)' }))
    .option('--copy <no>', describe({ zh: '份号（可重复，或逗号分隔）', en: 'copy number (repeatable, or comma-separated)' }), collect)
    .option('--copies <n>', describe({ zh: '交出人手中的前 N 份（默认 1）', en: "the first N of the giver's copies (default 1)" }), intArg(1, MAX_COPIES))
    .action(
      kit.run<IncomingHandOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { to: o.to };
        await s.complete(v, [{ key: 'to', flag: '--to', label: { zh: '接收人', en: 'receiver' } }]);
        const r = handIncoming(s.ctx(), ref!, { to: v.to as string, from: o.from, copies: o.copy, count: o.copies });
        s.info(t('incoming.handed', { number: r.row.number, copies: r.copies.join('、'), from: r.from, to: r.to }));
      }),
    );

  kit
    .withOutput(verb('where', { zh: '每一份现在谁持有、自何时起', en: 'who holds each copy now, and since when' }, ['wenmi incoming where M2026-0001', 'wenmi incoming where 2026-0001 --format json']))
    .action(
      kit.run<OutputOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getIncoming(db, ref!);
        const circle = row.classified ? circleOf(db, row) : null;
        const rows = copiesOf(db, row).map((c) => ({ ...c, inCircle: circle === null || c.status !== '持有' ? null : circle.includes(c.holder!) }));
        await s.output(row.classified ? whereColumns : whereColumns.slice(0, 4), rows, o);
      }),
    );

  interface IncomingBackOpts {
    copy?: string[];
    all?: boolean;
  }
  verb('back', { zh: '收回到秘书室', en: 'bring copies back to the secretariat' }, ['wenmi incoming back M2026-0001 --copy 000003', 'wenmi incoming back 2026-0001 --all'])
    .option('--copy <no>', describe({ zh: '份号（可重复，或逗号分隔）', en: 'copy number (repeatable, or comma-separated)' }), collect)
    .option('--all', describe({ zh: '收回所有在外的份', en: 'every copy out' }))
    .action(
      kit.run<IncomingBackOpts>((s, o, [ref]) => {
        const r = backIncoming(s.ctx(), ref!, { copies: o.copy, all: o.all === true });
        s.info(t('incoming.backed', { number: r.row.number, copies: r.copies.map((c) => c.copy).join('、') }));
      }),
    );

  interface IncomingRetireOpts {
    copy?: string[];
    how?: string;
    witness?: string[];
    reason?: string;
  }
  verb('retire', { zh: '涉密文件清退或销毁（两名监督人）', en: 'retire a classified copy: 清退 (back to the issuer) or 销毁 (destroy), two witnesses' }, [
    'wenmi incoming retire M2026-0001 --copy 000004 --how 销毁 --witness 王秘书 --witness 赵保密员',
  ])
    .option('--copy <no>', describe({ zh: '份号（可重复，或逗号分隔）', en: 'copy number (repeatable, or comma-separated)' }), collect)
    .addOption(wordOption('--how <way>', { zh: '清退 或 销毁', en: 'returned to the issuer (清退) or destroyed (销毁)' }, RETIRE_HOW, RETIRE_LABELS))
    .option('--witness <name>', describe({ zh: '监督人（恰好两名：重复此选项，或逗号分隔）', en: 'a witness (exactly two: repeat the option, or comma-separated)' }), collect)
    .option('--reason <text>', describe({ zh: '备注或依据', en: 'note or authority' }))
    .action(
      kit.run<IncomingRetireOpts>((s, o, [ref]) => {
        const r = retireIncoming(s.ctx(), ref!, { copies: o.copy, how: o.how, witnesses: o.witness, reason: o.reason });
        s.info(t('incoming.retired', { number: r.row.number, copies: r.copies.map((c) => c.copy).join('、'), how: o.how, witnesses: r.witnesses.join('、') }));
      }),
    );

  interface IncomingCircleOpts {
    add?: string[];
    remove?: string[];
    reason?: string;
  }
  verb('circle', { zh: '涉密文件的知悉范围：查看、加入、移出', en: 'the circle of knowledge of a classified document: show, add, remove' }, [
    'wenmi incoming circle M2026-0001',
    'wenmi incoming circle M2026-0001 --add 财务科,李科长',
    'wenmi incoming circle M2026-0001 --remove 李科长 --reason 已调离',
  ])
    .option('--add <names>', describe({ zh: '加入（可重复，或逗号分隔）', en: 'add (repeatable, or comma-separated)' }), collect)
    .option('--remove <names>', describe({ zh: '移出（可重复，或逗号分隔）', en: 'remove (repeatable, or comma-separated)' }), collect)
    .option('--reason <text>', describe({ zh: '原因', en: 'why' }))
    .action(
      kit.run<IncomingCircleOpts>((s, o, [ref]) => {
        if (o.add === undefined && o.remove === undefined) {
          const row = getIncoming(s.db(), ref!);
          if (!row.classified) return void s.info(t('incoming.circleOnlyClassified'));
          return void s.print(circleOf(s.db(), row).join('\n') + '\n');
        }
        const r = changeCircle(s.ctx(), ref!, { add: o.add, remove: o.remove, reason: o.reason });
        s.info(t('incoming.circleChanged', { number: r.row.number, circle: r.circle.join('、') }));
      }),
    );

  interface IncomingRemindOpts {
    note?: string;
  }
  verb('remind', { zh: '催办（记录在案）', en: 'send a reminder (催办), recorded' }, ['wenmi incoming remind 2026-0001 --note 电话催办，答复周五前报送'])
    .option('--note <text>', describe({ zh: '催办情况', en: 'note' }))
    .action(
      kit.run<IncomingRemindOpts>((s, o, [ref]) => {
        const r = remindIncoming(s.ctx(), ref!, o.note);
        s.info(t('incoming.reminded', { number: r.row.number, to: r.to, count: r.count }));
      }),
    );

  interface IncomingReplyOpts {
    text?: string;
  }
  verb('reply', { zh: '答复：办理结果', en: 'record the reply (the result of handling)' }, ['wenmi incoming reply 2026-0001 --text 已按要求报送预算草案'])
    .option('--text <text>', describe({ zh: '答复内容', en: 'the reply' }))
    .action(
      kit.run<IncomingReplyOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { text: o.text };
        await s.complete(v, [{ key: 'text', flag: '--text', label: { zh: '答复内容', en: 'reply' } }]);
        const row = replyIncoming(s.ctx(), ref!, v.text as string);
        s.info(t('incoming.replied', { number: row.number }));
      }),
    );

  interface IncomingCloseOpts {
    force?: boolean;
    reason?: string;
  }
  verb('close', { zh: '办结（有份数在外时拒绝，除非 --force --reason）', en: 'close (refused while copies are out, unless --force --reason)' }, [
    'wenmi incoming close 2026-0001',
    'wenmi incoming close 2026-0003 --force --reason 张局长出差，回来后收回',
  ])
    .option('--force', describe({ zh: '有份数在外也办结', en: 'close even with copies out' }))
    .option('--reason <text>', describe({ zh: '原因（--force 时必填）', en: 'why (required with --force)' }))
    .action(
      kit.run<IncomingCloseOpts>((s, o, [ref]) => {
        const row = closeIncoming(s.ctx(), ref!, { force: o.force === true, reason: o.reason });
        s.info(t('incoming.closed', { number: row.number }));
      }),
    );

  interface IncomingHistoryOpts extends OutputOpts, RevealOpts {}
  kit
    .withOutput(verb('history', { zh: '一份来文的每一步，按先后', en: 'every step of one document, in order' }, ['wenmi incoming history 2026-0001', 'wenmi incoming history M2026-0001 --format json']))
    .option('--reveal', describe({ zh: '显示涉密标题（记入日志）', en: 'show the classified title (journaled)' }))
    .action(
      kit.run<IncomingHistoryOpts>(async (s, o, [ref]) => {
        const row = getIncoming(s.db(), ref!);
        const reveal = o.reveal === true && row.classified === 1;
        s.reveal(reveal, REGISTER, 'history', () => [row.number]);
        await s.output(historyColumns, historySteps(s.db(), row, reveal), o);
      }),
    );

  interface IncomingReportOpts extends OutputOpts, PeriodOpts {}
  kit
    .withOutput(
      kit.withPeriod(
        kit.verb(incoming, 'report', { zh: '月报：按来文单位、按状态计数，按期与逾期，平均办理天数（按收文日期取文）', en: 'month report: counts by sender and by state, on time vs late, average handling days (documents received in the period)' }, [
          'wenmi incoming report --month 2026-11',
          'wenmi incoming report --month last-month --format json',
        ]),
      ),
    )
    .action(
      kit.run<IncomingReportOpts>(async (s, o) => {
        const given = o.month !== undefined || o.from !== undefined || o.to !== undefined;
        const period = s.period(given ? o : { month: 'this-month' });
        const report = monthReport(s.db(), period, formatDate(s.clock.now()));
        if (o.format === 'json') return void (await s.toOutput(o, (out) => out.write(JSON.stringify(report, null, 2) + '\n')));
        await s.output(reportColumns, reportRows(report), o);
      }),
    );

  kit
    .withOutput(
      kit.verb(incoming, 'check', { zh: '清点核对：每一份涉密文件在谁手中、已收回或已清退/销毁；有去向不明的退出码为 3', en: 'the 清点核对 list: every classified copy held, back, or retired; exit 3 if any is unaccounted for' }, [
        'wenmi incoming check',
        'wenmi incoming check --format json || echo 有涉密文件去向不明',
        'wenmi incoming check --dry-run',
      ]),
    )
    .option('--dry-run', describe({ zh: '只看结果，不记录本次核对', en: 'look only: do not record this check' }))
    .action(
      kit.run<OutputOpts & { dryRun?: boolean }>(async (s, o) => {
        const rows = checkClassified(s.db());
        // every check is kept (清点核对记录); --dry-run keeps nothing and says so
        if (o.dryRun === true) s.info(t('check.dryRun'));
        else {
          const findings = rows.filter((r) => r.problem !== null).map((r) => `${r.number} ${r.copy} ${r.holder ?? ''} ${r.problem}`);
          recordCheck(s.ctx(), { register: REGISTER, examined: rows.length, findings });
          s.info(t('check.recorded', { count: checksOf(s.db(), REGISTER).length, verb: 'incoming checks' }));
        }
        await s.output(checkColumns, rows, o);
        const problems = rows.filter((r) => r.problem !== null).length;
        if (problems > 0) throw checkError('incoming.check.problems', { problems });
        s.info(t('incoming.check.ok', { count: rows.length }));
        return EXIT.ok;
      }),
    );

  kit
    .withOutput(kit.verb(incoming, 'checks', { zh: '涉密文件清点核对记录：每次核对的日期、核对人、份数、差异', en: 'the record of classified-copy checks: date, who, copies examined, differences' }, ['wenmi incoming checks', 'wenmi incoming checks --format json']))
    .action(kit.run<OutputOpts>(async (s, o) => s.output(checkRecordColumns, checkRecordRows(s.db(), REGISTER), o)));
}
