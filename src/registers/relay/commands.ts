/** `wenmi relay …`: parse, call the rules, render. */
import type { Command } from 'commander';
import { parseDate, parseMoment, shortMoment } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import { usageError } from '../../core/errors.js';
import { label, t } from '../../core/i18n.js';
import type { Row } from '../../core/output/render.js';
import type { Field } from '../../core/prompts.js';
import { BOOK_SIGNATURES, choiceOption, collect, describe, intArg, journalColumns, periodLine, wordOption, type CliRegister, type Kit, type BookOpts, type OutputOpts, type PeriodOpts, type Session } from '../../cli/kit.js';
import { ACTION_LABELS, bookColumns, CHANNEL_LABELS, classifiedBookColumns, confirmationColumns, DIRECTION_LABELS, lateColumns, listColumns, moreColumns, reportColumns, STATE_LABELS } from './columns.js';
import { relayReport } from './report.js';
import { CHANNELS, circleOf, classificationOf, confirmationsOf, confirmRelay, getRelay, markSent, recipientsOf, REGISTER, relayDown, relayUp, sentLate, shownSummary, stateOf, unconfirmed, voidRelay, type Direction } from './rules.js';
import { journalOf, listRelay, type RelayFilter, type RelayRow } from './sql.js';

interface DownOpts {
  source?: string;
  summary?: string;
  to?: string[];
  channel?: string;
  received?: string;
  confirmBy?: string;
  important?: boolean;
  secret?: string;
  circle?: string[];
  caller?: string;
  fromIncoming?: string;
  note?: string;
}
interface UpOpts {
  fromOutgoing?: string;
  to?: string;
  summary?: string;
  channel?: string;
  sent?: string;
  byDeadline?: string;
  secret?: string;
  note?: string;
}
interface ConfirmOpts {
  person?: string;
  at?: string;
}
interface SentOpts {
  at?: string;
}
interface VoidOpts {
  reason?: string;
}
interface FilterOpts extends PeriodOpts {
  /** checked by its choices: a Direction */
  direction?: string;
  state?: string;
  classified?: boolean;
  ordinary?: boolean;
  reveal?: boolean;
}
type ListOpts = FilterOpts & OutputOpts & { limit?: number };
type ExportOpts = FilterOpts & OutputOpts;
interface ShowOpts {
  reveal?: boolean;
  format?: string;
}
type PrintOpts = FilterOpts & BookOpts;
type ReportOpts = PeriodOpts & OutputOpts;

const numberArg = (cmd: Command) => cmd.argument('<number>', describe({ zh: '编号，如 CD2026-0001', en: 'the entry number, e.g. CD2026-0001' }));
const channelChoices = CHANNELS.map((value) => ({ value, label: { zh: value, en: `${CHANNEL_LABELS[value]!.en} (${value})` } }));

/** What `relay down` asks on a terminal: the source, the main points, the recipients; in a guided entry also the channel (a select). */
const downFields: Field[] = [
  { key: 'source', flag: '--source', label: { zh: '来源（上级单位或领导）', en: 'source (the unit or leader above)' } },
  { key: 'summary', flag: '--summary', label: { zh: '内容要点', en: 'main points' } },
  { key: 'to', flag: '--to', label: { zh: '传达范围，逗号分隔', en: 'passed on to (comma-separated)' } },
  { key: 'channel', flag: '--channel', label: { zh: '渠道', en: 'channel' }, optional: true, choices: channelChoices },
];

const upFields: Field[] = [
  { key: 'to', flag: '--to', label: { zh: '报送单位', en: 'reported to (the unit above)' } },
  { key: 'summary', flag: '--summary', label: { zh: '内容要点', en: 'main points' } },
  { key: 'channel', flag: '--channel', label: { zh: '渠道', en: 'channel' }, optional: true, choices: channelChoices },
];

const asList = (v: unknown): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? (v as string[]) : [String(v)]);

/** 确认情况 as the paper book writes it. */
function confirmationText(db: DB, row: RelayRow): string {
  const state = stateOf(row);
  if (state === '作废') return t('relay.conf.void', { reason: row.void_reason ?? '' });
  if (row.direction === '上报') {
    if (row.sent_at === null) return t('relay.conf.pending', { deadline: row.deadline ?? '—' });
    return t('relay.conf.sent', { at: shortMoment(row.sent_at) }) + (sentLate(row) ? t('relay.conf.sentLate', { deadline: row.deadline }) : '');
  }
  const total = recipientsOf(row).length;
  if (!row.important && row.confirmed === 0) return t('relay.conf.notRequired');
  const missing = unconfirmed(db, row);
  return (
    t('relay.conf.count', { confirmed: row.confirmed, total }) +
    (row.late > 0 ? t('relay.conf.late', { late: row.late }) : '') +
    (row.important && missing.length > 0 ? t('relay.conf.missing', { names: missing.join('、') }) : '')
  );
}

/** An entry as the list (and JSON) gives it. */
function listEntry(row: RelayRow, reveal: boolean): Row {
  return {
    number: row.number,
    on: row.on_date,
    direction: row.direction,
    party: row.party,
    channel: row.channel,
    summary: shownSummary(row, reveal),
    recipients: row.direction === '下达' ? recipientsOf(row).join('、') : null,
    // n/m where confirmation is asked for or was given
    confirmed: row.direction === '下达' && (row.important === 1 || row.confirmed > 0) ? `${row.confirmed}/${recipientsOf(row).length}` : null,
    late: row.confirm_by !== null ? row.late : null,
    due: row.direction === '下达' ? row.confirm_by : row.deadline,
    state: stateOf(row),
  };
}

function filterOf(s: Session, o: FilterOpts): RelayFilter {
  if (o.classified && o.ordinary) throw usageError('relay.classifiedOrOrdinary');
  const { from, to } = s.period(o);
  return { from, to, direction: o.direction as Direction | undefined, classified: o.classified ? true : o.ordinary ? false : undefined };
}

/** The rows a filter selects, the state filter and limit applied; a reveal of the classified ones among them is recorded first. */
function selected(s: Session, o: FilterOpts & { limit?: number }, command: string, filter: RelayFilter = filterOf(s, o)): RelayRow[] {
  let rows = listRelay(s.db(), filter);
  if (o.state !== undefined) rows = rows.filter((r) => stateOf(r) === o.state);
  if (o.limit !== undefined) rows = rows.slice(0, o.limit);
  s.reveal(o.reveal === true, REGISTER, command, () => rows.filter((r) => r.secret_level !== null).map((r) => r.number));
  return rows;
}

function bookRow(db: DB, row: RelayRow, reveal: boolean): Row {
  return { ...listEntry(row, reveal), secret: classificationOf(row), confirmation: confirmationText(db, row) };
}

function withFilters(cmd: Command): Command {
  return cmd
    .addOption(wordOption('--direction <way>', { zh: '方向', en: 'direction' }, Object.keys(DIRECTION_LABELS), DIRECTION_LABELS))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, Object.keys(STATE_LABELS), STATE_LABELS))
    .option('--classified', describe({ zh: '只列涉密信息', en: 'classified entries only' }))
    .option('--ordinary', describe({ zh: '只列非涉密信息', en: 'ordinary entries only' }));
}

export function relayCommands(root: Command, kit: Kit, register: CliRegister): void {
  const relay = kit.verb(root, 'relay', register.summary, [
    'wenmi relay down --channel 电话 --caller 张处长 --source 市委办公室 --summary 明早8点全体干部大会 --to 李局长,办公室,人事科 --important',
    'wenmi relay confirm CD2026-0001 --person 李局长',
    'wenmi relay up --to 市委办公室 --summary 第四季度安全生产情况 --by-deadline 2026-12-05',
    'wenmi relay sent SB2026-0001',
    'wenmi due --register relay --fail-if-overdue',
  ]);

  kit
    .verb(relay, 'down', { zh: '登记一次下达（上级的指示、通知、来电），输出编号', en: 'log an instruction or notice from above passed on (a call, a document, a meeting); prints its number' }, [
      'wenmi relay down --channel 电话 --caller 张处长 --source 市委办公室 --summary 明早8点全体干部大会 --to 李局长,办公室',
      'wenmi relay down --source 省政府办公厅 --summary 防汛工作部署 --to 李局长,王副局长 --important --confirm-by +2d',
      'wenmi relay down --from-incoming 2026-0001 --source 市财政局 --summary 编报2027年部门预算 --channel 文件 --to 财务科',
      'wenmi relay down --source 市委机要局 --summary 某项部署 --secret 机密★10年 --channel 机要 --circle 李局长,王副局长 --to 李局长',
    ])
    .option('--source <from>', describe({ zh: '来源：上级单位或领导', en: 'where it came from (来源): the unit or leader above' }))
    .option('--summary <text>', describe({ zh: '内容要点', en: 'its main points (内容要点)' }))
    .option('--to <names>', describe({ zh: '传达范围：领导、部门，可重复或逗号分隔', en: 'passed on to (传达范围): leaders, departments; repeatable or comma-separated' }), collect)
    .addOption(wordOption('--channel <channel>', { zh: '渠道（有 --caller 时默认电话）', en: 'channel (渠道; phone when --caller is given)' }, CHANNELS, CHANNEL_LABELS))
    .option('--caller <name>', describe({ zh: '来电人', en: 'who called (来电人)' }))
    .option('--received <time>', describe({ zh: '收到时间（默认现在），如 2026-11-27 08:40', en: 'when it came (default now), e.g. 2026-11-27 08:40' }))
    .option('--important', describe({ zh: '重要：每位接收人都须确认', en: 'important: every recipient must confirm' }))
    .option('--confirm-by <date>', describe({ zh: '确认期限（默认收到后 relay.confirm-days 天）', en: 'confirm by (default: relay.confirm-days days after it came)' }))
    .option('--secret <class>', describe({ zh: '密级★期限，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }))
    .option('--circle <names>', describe({ zh: '知悉范围（涉密必填），--to 须在其中', en: 'circle of knowledge (classified; --to must stay within it)' }), collect)
    .option('--from-incoming <number>', describe({ zh: '传达的收文（收文编号），两边的 show 都列出这一关联', en: 'the incoming document passed on (its number); both ends list the link in show' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<DownOpts>(async (s, o) => {
        // `--from-incoming 2026-0001`, or as typed elsewhere: `收文 2026-0001`
        const fromIncoming = o.fromIncoming === undefined ? undefined : (await s.resolveRef(o.fromIncoming, 'incoming')).ref;
        const values: Record<string, unknown> = { source: o.source, summary: o.summary, to: o.to, channel: o.channel };
        await s.complete(values, downFields);
        const row = relayDown(s.ctx(), {
          source: values.source as string,
          summary: values.summary as string,
          to: asList(values.to) ?? [],
          channel: values.channel as string | undefined,
          caller: o.caller,
          receivedAt: o.received === undefined ? undefined : parseMoment(o.received, s.clock),
          important: o.important,
          confirmBy: o.confirmBy === undefined ? undefined : parseDate(o.confirmBy, s.clock),
          secret: o.secret,
          circle: o.circle,
          fromIncoming,
          note: o.note,
        });
        s.print(row.number + '\n');
        const confirm = row.confirm_by ? t('relay.downConfirmBy', { date: row.confirm_by }) : '';
        s.info(t('relay.downLogged', { number: row.number, count: recipientsOf(row).length, confirm }));
      }),
    );

  kit
    .verb(relay, 'up', { zh: '登记一次上报；有报送时限而未报送的，在 wenmi due 中提醒，直到 relay sent', en: 'log a report to the level above; one with a deadline not yet sent shows in `wenmi due` until `relay sent`' }, [
      'wenmi relay up --to 市委办公室 --summary 本周信访情况 --channel 文件',
      'wenmi relay up --to 市政府办公室 --summary 第四季度安全生产情况 --by-deadline 2026-12-05',
      "wenmi relay up --to 市政府办公室 --summary 报送年终工作总结 --channel 文件 --from-outgoing '某办发〔2026〕7号'",
    ])
    .option('--to <unit>', describe({ zh: '报送单位（上级）', en: 'the unit above it goes to' }))
    .option('--summary <text>', describe({ zh: '内容要点', en: 'its main points (内容要点)' }))
    .addOption(wordOption('--channel <channel>', { zh: '渠道', en: 'channel (渠道)' }, CHANNELS, CHANNEL_LABELS))
    .option('--sent <time>', describe({ zh: '报送时间（默认现在；有 --by-deadline 而无此项则待报送）', en: 'when it was sent (default now; with --by-deadline and without this, it waits to be sent)' }))
    .option('--by-deadline <date>', describe({ zh: '报送时限', en: 'the deadline to send it by' }))
    .option('--secret <class>', describe({ zh: '密级★期限，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }))
    .option('--from-outgoing <ref>', describe({ zh: '报送的发文（发文字号或拟稿编号），两边的 show 都列出这一关联', en: 'the outgoing document it sends up (文号 or draft id); both ends list the link in show' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<UpOpts>(async (s, o) => {
        const ctx = s.ctx();
        const fromOutgoing = o.fromOutgoing === undefined ? undefined : (await s.resolveRef(o.fromOutgoing, 'outgoing')).ref;
        const values: Record<string, unknown> = { to: o.to, summary: o.summary, channel: o.channel };
        await s.complete(values, upFields);
        const row = relayUp(ctx, {
          fromOutgoing,
          to: values.to as string,
          summary: values.summary as string,
          channel: values.channel as string | undefined,
          sentAt: o.sent === undefined ? undefined : parseMoment(o.sent, s.clock),
          deadline: o.byDeadline === undefined ? undefined : parseDate(o.byDeadline, s.clock),
          secret: o.secret,
          note: o.note,
        });
        s.print(row.number + '\n');
        s.info(t('relay.upLogged', { number: row.number, state: label(STATE_LABELS[stateOf(row)]!) }));
      }),
    );

  numberArg(
    kit.verb(relay, 'confirm', { zh: '记录一位接收人的确认（谁、何时）', en: "record a recipient's confirmation (who, when)" }, [
      'wenmi relay confirm CD2026-0001 --person 李局长',
      'wenmi relay confirm CD2026-0001 --person 办公室 --at "2026-11-27 10:15"',
    ]),
  )
    .option('--person <name>', describe({ zh: '确认人（须在传达范围内）', en: 'who confirms (one of the recipients)' }))
    .option('--at <time>', describe({ zh: '确认时间（默认现在）', en: 'when (default now)' }))
    .action(
      kit.run<ConfirmOpts>(async (s, o, [ref]) => {
        const values: Record<string, unknown> = { person: o.person };
        // on a terminal, the recipients still to confirm are offered
        const missing = s.interactive && o.person === undefined ? unconfirmed(s.db(), getRelay(s.db(), ref!)) : [];
        await s.complete(values, [{ key: 'person', flag: '--person', label: { zh: '确认人', en: 'who confirms' }, ...(missing.length ? { choices: missing } : {}) }]);
        const row = confirmRelay(s.ctx(), ref!, values.person as string, o.at === undefined ? undefined : parseMoment(o.at, s.clock));
        s.info(t('relay.confirmed', { number: row.number, name: (values.person as string).trim(), confirmed: row.confirmed, total: recipientsOf(row).length }));
      }),
    );

  numberArg(kit.verb(relay, 'sent', { zh: '记录一次上报已报送', en: 'record that a report up was sent' }, ['wenmi relay sent SB2026-0001', 'wenmi relay sent SB2026-0001 --at "2026-12-04 16:00"']))
    .option('--at <time>', describe({ zh: '报送时间（默认现在）', en: 'when (default now)' }))
    .action(
      kit.run<SentOpts>((s, o, [ref]) => {
        const row = markSent(s.ctx(), ref!, o.at === undefined ? undefined : parseMoment(o.at, s.clock));
        s.info(t('relay.sentDone', { number: row.number, at: shortMoment(row.sent_at!) }));
      }),
    );

  numberArg(kit.verb(relay, 'void', { zh: '作废一条登记（编号保留，标记作废）', en: 'void an entry (its number stays, marked void)' }, ['wenmi relay void CD2026-0003 --reason 重复登记']))
    .option('--reason <text>', describe({ zh: '作废原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<VoidOpts>((s, o, [ref]) => {
        const row = voidRelay(s.ctx(), ref!, o.reason);
        s.info(t('relay.voided', { number: row.number }));
      }),
    );

  withFilters(
    kit.withReveal(
      kit.withPeriod(
        kit.withOutput(
          kit.verb(relay, 'list', { zh: '列出传达登记（涉密内容默认遮蔽）', en: 'list the entries (classified main points masked)' }, [
            'wenmi relay list --month this-month',
            'wenmi relay list --state 待确认',
            'wenmi relay list --direction up --format json',
          ]),
        ),
      ),
    ),
  )
    .option('--limit <n>', describe({ zh: '最多列出条数', en: 'at most this many rows' }), intArg(1))
    .action(
      kit.run<ListOpts>(async (s, o) => {
        const rows = selected(s, o, 'list');
        await s.output(listColumns, rows.map((r) => listEntry(r, o.reveal === true)), o);
      }),
    );

  numberArg(
    kit.withReveal(kit.verb(relay, 'show', { zh: '显示一条传达登记、确认情况及其历史', en: 'show one entry, its confirmations and its history' }, ['wenmi relay show CD2026-0001', 'wenmi relay show MCD2026-0001 --reveal --format json'])),
  )
    .addOption(choiceOption('--format <format>', { zh: 'table 或 json', en: 'table or json' }, ['table', 'json']))
    .action(
      kit.run<ShowOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getRelay(db, ref!);
        const reveal = s.reveal(o.reveal === true, REGISTER, 'show', () => (row.secret_level !== null ? [row.number] : []));
        const entry: Row = {
          ...listEntry(row, reveal),
          at: row.at,
          caller: row.caller,
          secret: classificationOf(row) || null,
          circle: row.circle ? circleOf(row).join('、') : null,
          important: row.direction === '下达' ? row.important === 1 : null,
          confirmBy: row.confirm_by,
          deadline: row.deadline,
          sentAt: row.sent_at,
          unconfirmed: row.direction === '下达' && row.important ? unconfirmed(db, row).join('、') || null : null,
          note: row.note,
          voidReason: row.void_reason,
        };
        await s.show(
          {
            fields: [...listColumns.filter((c) => c.key !== 'late' && c.key !== 'due'), ...moreColumns],
            entry,
            skipEmpty: true,
            sections: [
              { key: 'confirmations', columns: confirmationColumns, rows: confirmationsOf(db, row) },
              { key: 'history', columns: journalColumns(ACTION_LABELS), rows: journalOf(db, row.id) },
            ],
            links: { register: REGISTER, ref: row.number },
          },
          o.format,
        );
      }),
    );

  kit
    .withBook(
      withFilters(
        kit.withReveal(
          kit.withPeriod(
            kit.verb(relay, 'print', { zh: '按纸质信息传达登记簿的格式打印一个时期', en: 'print the register as its paper book (信息传达登记簿), for a period' }, [
              'wenmi relay print --month 2026-11',
              'wenmi relay print --month 2026-11 -o 信息传达登记簿2026-11.txt',
              'wenmi relay print --classified --month 2026-11',
            ]),
          ),
        ),
      ),
    )
    .action(
      kit.run<PrintOpts>(async (s, o) => {
        const filter = filterOf(s, o);
        const db = s.db();
        const rows = selected(s, o, 'print', filter).map((r) => bookRow(db, r, o.reveal === true));
        await s.printBook(o, {
          title: o.classified ? { zh: '涉密信息传达登记簿', en: 'Register of information passed on (classified)' } : { zh: '信息传达登记簿', en: 'Register of information passed on' },
          meta: [periodLine(filter)],
          columns: o.classified ? classifiedBookColumns : bookColumns,
          rows,
          footer: 'relay.bookFooter',
          footerParams: { count: rows.length },
          signatures: BOOK_SIGNATURES,
          classified: o.classified === true,
        });
      }),
    );

  withFilters(
    kit.withReveal(
      kit.withPeriod(
        kit.withExport(
          kit.verb(relay, 'export', { zh: '导出登记簿（默认 CSV，可在 Excel 中打开）', en: 'export the register (CSV by default, opens in Excel)' }, [
            'wenmi relay export --month 2026-11 -o 信息传达2026-11.csv',
            'wenmi relay export --format json',
          ]),
        ),
      ),
    ),
  ).action(
    kit.run<ExportOpts>(async (s, o) => {
      const db = s.db();
      const rows = selected(s, o, 'export').map((r) => bookRow(db, r, o.reveal === true));
      await s.output(o.classified ? classifiedBookColumns : bookColumns, rows, o);
    }),
  );

  kit
    .withPeriod(
      kit.withOutput(
        kit.verb(relay, 'report', { zh: '一个时期（默认本月）的传达与上报统计，及逾期确认名单', en: 'counts of a period (default this month): passed down, confirmed, late, reported up; and the late confirmations' }, [
          'wenmi relay report --month 2026-11',
          'wenmi relay report --month last-month --format json',
        ]),
      ),
    )
    .action(
      kit.run<ReportOpts>(async (s, o) => {
        const period = o.month === undefined && o.from === undefined && o.to === undefined ? s.period({ month: 'this-month' }) : s.period(o);
        const report = relayReport(s.db(), period);
        if (o.format === 'json' || (o.format === undefined && o.output?.endsWith('.json'))) return s.toOutput(o, (out) => void out.write(JSON.stringify(report, null, 2) + '\n'));
        await s.output(reportColumns, Object.entries(report.summary).map(([item, value]) => ({ item, value })), o);
        if (report.late.length > 0 && o.output === undefined) {
          s.print('\n');
          await s.output(lateColumns, report.late, o);
        }
      }),
    );
}
