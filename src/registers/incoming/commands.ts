/** `wenmi incoming …`: parse, call the rules, render. */
import type { Command } from 'commander';
import { formatTimestamp, parseDate, parseMoment, shortMoment } from '../../core/dates.js';
import type { DB } from '../../core/db.js';
import { docNoLines } from '../../core/docno.js';
import { t } from '../../core/i18n.js';
import { usageError } from '../../core/errors.js';
import type { Column, Row } from '../../core/output/render.js';
import type { Field } from '../../core/prompts.js';
import { parseClassification, parseCopyNo } from '../../core/secret.js';
import { BOOK_SIGNATURES, applyClear, choiceOption, collect, wordOption, withClear, describe, intArg, journalColumns, periodLine, type Kit, type Session, type CliRegister, type BookOpts, type OutputOpts, type PeriodOpts, type RevealOpts } from '../../cli/kit.js';
import { bookColumns, classifiedBookColumns, listColumns, MEDIUM_LABELS, STATE_LABELS, STEP_LABELS, URGENCY_LABELS } from './columns.js';
import { classificationOf, correctIncoming, getIncoming, handlingText, MAX_COPIES, MAX_PAGES, MEDIA, receiveIncoming, REGISTER, shownTitle, URGENCIES, voidIncoming, type IncomingFields } from './rules.js';
import { bookLines, classifiedNumbers, iterateIncoming, journalOf, type IncomingFilter, type IncomingRow } from './sql.js';
import { workflowCommands } from './workflow-commands.js';
import { deadlineOf, remindersOf } from './workflow.js';

/** The options of the registered fields (withFields), and the --note that receive and correct add. */
interface IncomingFieldOpts {
  medium?: string;
  cabinet?: string;
  sender?: string;
  title?: string;
  senderNo?: string;
  type?: string;
  secret?: string;
  copyNo?: string;
  urgency?: string;
  copies?: number;
  pages?: number;
  attachments?: string;
  received?: string;
  deadline?: string;
  note?: string;
}

/** The registered fields, shared by receive and correct. */
function withFields(cmd: Command): Command {
  return cmd
    .option('--sender <name>', describe({ zh: '来文单位', en: 'sender (来文单位)' }))
    .option('--title <text>', describe({ zh: '标题', en: 'title (标题)' }))
    .option('--sender-no <no>', describe({ zh: '来文文号，如 财预〔2026〕12号', en: "the sender's number (文号), e.g. 财预〔2026〕12号" }))
    .option('--type <type>', describe({ zh: '文种：通知、请示、函……', en: 'document type (文种): 通知, 请示, 函, …' }))
    .option('--secret <class>', describe({ zh: '密级★期限，如 秘密★5年、机密、绝密★长期', en: 'classification, e.g. 秘密★5年, 机密, 绝密★长期' }))
    .option('--copy-no <no>', describe({ zh: '份号（涉密必填，6 位）', en: 'copy number (份号; classified only, 6 digits)' }))
    .addOption(wordOption('--urgency <level>', { zh: '紧急程度', en: 'urgency (紧急程度)' }, URGENCIES, URGENCY_LABELS))
    .option('--copies <n>', describe({ zh: '份数（默认 1）', en: 'copies (份数; default 1)' }), intArg(1, MAX_COPIES))
    .option('--pages <n>', describe({ zh: '页数', en: 'pages (页数)' }), intArg(1, MAX_PAGES))
    .option('--attachments <text>', describe({ zh: '附件', en: 'attachments (附件)' }))
    .option('--received <time>', describe({ zh: '签收时间（默认现在），如 2026-11-27 09:30', en: 'time of receipt (default now), e.g. 2026-11-27 09:30' }))
    .option('--deadline <date>', describe({ zh: '办理时限（特急、加急件必填）', en: 'handling deadline (required when urgent)' }))
    .addOption(wordOption('--medium <medium>', { zh: '载体（默认纸质）', en: 'carrier (载体; default paper)' }, MEDIA, MEDIUM_LABELS))
    .option('--cabinet <place>', describe({ zh: '涉密文件存放位置（如 机要室2号柜）', en: 'where a classified document is kept (e.g. 机要室2号柜)' }));
}

/** The optional fields `correct --clear` may empty, by flag. */
const CLEARABLE: Record<string, keyof IncomingFields> = { 'sender-no': 'senderNo', type: 'docType', urgency: 'urgency', pages: 'pages', attachments: 'attachments', deadline: 'deadline', note: 'note', cabinet: 'cabinet' };

function fieldsOf(s: Session, o: IncomingFieldOpts): IncomingFields {
  return {
    receivedAt: o.received === undefined ? undefined : parseMoment(o.received, s.clock),
    sender: o.sender,
    senderNo: o.senderNo,
    title: o.title,
    docType: o.type,
    secret: o.secret,
    copyNo: o.copyNo,
    urgency: o.urgency,
    copies: o.copies,
    pages: o.pages,
    attachments: o.attachments,
    deadline: o.deadline === undefined ? undefined : o.deadline === '' ? null : parseDate(o.deadline, s.clock),
    note: o.note,
    medium: o.medium,
    cabinet: o.cabinet,
  };
}

/**
 * What `receive` asks on a terminal, each checked as typed by its flag's rule: the sender and
 * title; in a guided entry also the classification and the urgency (a select); the copy number
 * once classified, the deadline once urgent.
 */
function receiveFields(s: Session, receivedOn: string): Field[] {
  const given = (key: string) => (values: Record<string, unknown>) => typeof values[key] === 'string' && (values[key] as string).trim() !== '';
  return [
    { key: 'sender', flag: '--sender', label: { zh: '来文单位', en: 'sender' } },
    { key: 'title', flag: '--title', label: { zh: '标题', en: 'title' } },
    { key: 'secret', flag: '--secret', label: { zh: '密级，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }, optional: true, check: (v) => void parseClassification(v) },
    { key: 'copyNo', flag: '--copy-no', label: { zh: '份号', en: 'copy number' }, when: given('secret'), check: (v) => void parseCopyNo(v) },
    { key: 'urgency', flag: '--urgency', label: { zh: '紧急程度', en: 'urgency' }, optional: true, choices: URGENCIES },
    {
      key: 'deadline',
      flag: '--deadline',
      label: { zh: '办理时限，如 +3d、2026-12-01', en: 'deadline, e.g. +3d, 2026-12-01' },
      when: given('urgency'),
      check: (v) => {
        const deadline = parseDate(v, s.clock);
        if (deadline < receivedOn) throw usageError('incoming.deadlineBeforeReceipt', { deadline, received: receivedOn });
      },
    },
  ];
}

function entryJson(row: IncomingRow, reveal: boolean) {
  return {
    number: row.number,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    sender: row.sender,
    senderNo: row.sender_no,
    title: shownTitle(row, reveal),
    type: row.doc_type,
    secret: classificationOf(row) || null,
    copyNo: row.copy_no,
    urgency: row.urgency,
    copies: row.copies,
    pages: row.pages,
    attachments: row.attachments,
    deadline: row.deadline,
    note: row.note,
    medium: row.medium,
    cabinet: row.cabinet,
    state: row.state,
  };
}

/** A document as the list and show give it: the deadline in force (the latest assignment's, else the registered one) and its reminders. */
function listEntry(db: DB, row: IncomingRow, reveal: boolean) {
  return { ...entryJson(row, reveal), deadline: deadlineOf(db, row), ...remindersOf(db, row) };
}

/** The options a filter is read from: list's, and the period, --classified and --reveal of print and export. */
interface IncomingFilterOpts extends PeriodOpts, RevealOpts {
  sender?: string;
  state?: string;
  classified?: boolean;
  ordinary?: boolean;
  search?: string;
  limit?: number;
}

function filterOf(s: Session, o: IncomingFilterOpts): IncomingFilter {
  if (o.classified && o.ordinary) throw usageError('incoming.classifiedOrOrdinary');
  const { from, to } = s.period(o);
  return {
    from,
    to,
    sender: o.sender,
    state: o.state,
    classified: o.classified ? true : o.ordinary ? false : undefined,
    search: o.search,
    searchClassified: o.reveal === true,
    limit: o.limit,
  };
}

/** Records the reveal (see Session.reveal) of the classified entries a filter selects. */
function guardReveal(s: Session, filter: IncomingFilter, reveal: boolean, command: string): void {
  s.reveal(reveal, REGISTER, command, () => classifiedNumbers(s.db(), filter));
}

/** The paper book's rows. Opens the database first, so a missing file fails before any output. */
function bookRows(s: Session, filter: IncomingFilter, reveal: boolean): Iterable<Row> {
  const db = s.db();
  return bookRowsOf(db, filter, reveal);
}

function* bookRowsOf(db: DB, filter: IncomingFilter, reveal: boolean): Generator<Row> {
  const { at, lines } = bookLines(db, filter);
  for (const v of lines) {
    const line = {
      number: v[at.number] as string,
      state: v[at.state] as string,
      title: v[at.title] as string,
      secret_level: v[at.secret_level] as string | null,
      secret_period: v[at.secret_period] as string | null,
    };
    yield {
      number: line.number,
      receivedOn: v[at.received_on],
      sender: v[at.sender],
      senderNo: v[at.sender_no],
      title: shownTitle(line, reveal),
      secret: classificationOf(line),
      copyNo: v[at.copy_no],
      copies: v[at.copies],
      pages: v[at.pages],
      handling: handlingText(db, line, { answered: v[at.answered] as string | null, detail: v[at.state_detail] as string | null }),
    };
  }
}

export function incomingCommands(root: Command, kit: Kit, register: CliRegister): void {
  const incoming = kit.verb(root, 'incoming', register.summary, [
    'wenmi incoming receive --sender 市财政局 --title 关于编报预算的通知',
    'wenmi incoming review 2026-0001 --accept',
    'wenmi incoming assign 2026-0001 --lead 财务科 --deadline +5d',
    'wenmi incoming list --month this-month',
    'wenmi incoming print --month 2026-11',
  ]);

  interface IncomingReceiveOpts extends IncomingFieldOpts {
    again?: boolean;
    reason?: string;
    circle?: string[];
    format?: string;
  }
  withFields(
    kit.verb(incoming, 'receive', { zh: '签收并登记一份来文，输出收文编号', en: 'sign for and register a document; prints its number' }, [
      'wenmi incoming receive --sender 市财政局 --sender-no 财预〔2026〕12号 --title 关于编报2027年部门预算的通知 --type 通知 --pages 6',
      'wenmi incoming receive --sender 市委办公室 --title 某文件 --secret 机密★10年 --copy-no 000003 --urgency 加急 --deadline +3d --cabinet 机要室2号柜',
      'wenmi incoming receive --sender 市财政局 --sender-no 财预〔2026〕12号 --title 关于编报2027年部门预算的通知 --again --reason 另收到一份纸质件',
    ]),
  )
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .option('--circle <names>', describe({ zh: '知悉范围（涉密），可重复或逗号分隔，如 张局长,李科长', en: 'circle of knowledge (classified), repeatable or comma-separated' }), collect)
    .option('--again', describe({ zh: '同一来文单位、同一文号再次收到（须 --reason）', en: 'the same sender and number received a second time (needs --reason)' }))
    .option('--reason <text>', describe({ zh: '再次登记的原因', en: 'why it is registered again' }))
    .addOption(choiceOption('--format <format>', { zh: 'text（只输出编号）或 json（涉密标题遮蔽）', en: 'text (the number only) or json (classified title masked)' }, ['text', 'json']))
    .action(
      kit.run<IncomingReceiveOpts>(async (s, o) => {
        const receivedAt = o.received === undefined ? formatTimestamp(s.clock.now()) : parseMoment(o.received, s.clock);
        const values: Record<string, unknown> = { sender: o.sender, title: o.title, secret: o.secret, copyNo: o.copyNo, urgency: o.urgency, deadline: o.deadline };
        await s.complete(values, receiveFields(s, receivedAt.slice(0, 10)));
        const fields = { ...fieldsOf(s, { ...o, ...values }), receivedAt };
        const row = receiveIncoming(s.ctx(), fields, { circle: o.circle, again: o.again === true, reason: o.reason });
        if (o.format === 'json') s.print(JSON.stringify(entryJson(row, false)) + '\n');
        else s.print(row.number + '\n');
        for (const line of docNoLines(o.senderNo)) s.info(line);
        s.info(t('incoming.received', { number: row.number }));
      }),
    );

  interface IncomingListOpts extends IncomingFilterOpts, OutputOpts {}
  const states = Object.keys(STATE_LABELS);
  kit.withReveal(
    kit.withPeriod(
      kit.withOutput(
        kit.verb(incoming, 'list', { zh: '列出收文（涉密标题默认遮蔽）', en: 'list incoming documents (classified titles masked)' }, [
          'wenmi incoming list --month this-month',
          'wenmi incoming list --sender 财政 --state 已登记 --format json',
          'wenmi incoming list --search 预算 --limit 20',
        ]),
      ),
    ),
  )
    .option('--sender <text>', describe({ zh: '来文单位包含此文字', en: "sender's name contains this" }))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, states, STATE_LABELS))
    .option('--classified', describe({ zh: '只列涉密文件', en: 'classified documents only' }))
    .option('--ordinary', describe({ zh: '只列非涉密文件', en: 'ordinary documents only' }))
    .option('--search <text>', describe({ zh: '标题或文号包含此文字', en: "title or sender's no. contains this" }))
    .option('--limit <n>', describe({ zh: '最多列出条数', en: 'at most this many rows' }), intArg(1))
    .action(
      kit.run<IncomingListOpts>(async (s, o) => {
        const filter = filterOf(s, o);
        const db = s.db();
        guardReveal(s, filter, o.reveal === true, 'list');
        const rows = function* () {
          for (const row of iterateIncoming(db, filter)) yield listEntry(db, row, o.reveal === true);
        };
        await s.output(listColumns, rows(), o);
      }),
    );

  interface IncomingShowOpts extends RevealOpts {
    format?: string;
  }
  kit.withReveal(
    kit.verb(incoming, 'show', { zh: '显示一份来文及其全部历史', en: 'show one document and its whole history' }, ['wenmi incoming show 2026-0001', 'wenmi incoming show M2026-0002 --reveal --format json']),
  )
    .argument('<number>', describe({ zh: '收文编号', en: 'the document number' }))
    .addOption(choiceOption('--format <format>', { zh: 'table 或 json', en: 'table or json' }, ['table', 'json']))
    .action(
      kit.run<IncomingShowOpts>(async (s, o, [ref]) => {
        const row = getIncoming(s.db(), ref!);
        const reveal = o.reveal === true && row.secret_level !== null;
        s.reveal(reveal, REGISTER, 'show', () => [row.number]);
        const entry = listEntry(s.db(), row, o.reveal === true);
        const history = journalOf(s.db(), row.id).map((j) => ({ seq: j.seq, at: j.at, operator: j.operator, action: j.action, reason: j.reason }));
        const more: Column[] = [
          { key: 'receivedAt', label: { zh: '签收时间', en: 'received at' }, kind: 'id', text: (v) => shortMoment(String(v)) },
          { key: 'type', label: { zh: '文种', en: 'type' }, kind: 'id' },
          { key: 'copyNo', label: { zh: '份号', en: 'copy no.' }, kind: 'id' },
          { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id' },
          { key: 'attachments', label: { zh: '附件', en: 'attachments' }, kind: 'text' },
          { key: 'medium', label: { zh: '载体', en: 'carrier' }, kind: 'id' },
          { key: 'cabinet', label: { zh: '存放位置', en: 'kept in' }, kind: 'text' },
          { key: 'note', label: { zh: '备注', en: 'note' }, kind: 'text' },
        ];
        await s.show(
          { fields: [...listColumns, ...more], entry, sections: [{ key: 'history', columns: journalColumns(STEP_LABELS), rows: history }], links: { register: REGISTER, ref: row.number } },
          o.format,
        );
      }),
    );

  interface IncomingCorrectOpts extends IncomingFieldOpts {
    reason?: string;
    clear?: string[];
  }
  withClear(
    withFields(
      kit.verb(incoming, 'correct', { zh: '更正登记内容（新记录引用原记录并说明原因）', en: 'correct registered fields (a new version naming the old one, with a reason)' }, [
        'wenmi incoming correct 2026-0001 --title 关于编报2027年部门预算的通知 --reason 标题录入有误',
        'wenmi incoming correct 2026-0002 --clear urgency,deadline --reason 误登为加急',
      ]),
    ),
    Object.keys(CLEARABLE),
  )
    .argument('<number>', describe({ zh: '收文编号', en: 'the document number' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .option('--reason <text>', describe({ zh: '更正原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<IncomingCorrectOpts>((s, o, [ref]) => {
        const row = correctIncoming(s.ctx(), ref!, applyClear(fieldsOf(s, o), o.clear, CLEARABLE), o.reason);
        for (const line of docNoLines(o.senderNo)) s.info(line);
        s.info(t('incoming.corrected', { number: row.number }));
      }),
    );

  interface IncomingVoidOpts {
    reason?: string;
  }
  kit
    .verb(incoming, 'void', { zh: '作废一条登记（编号保留，标记作废）', en: 'void an entry (its number stays, marked void)' }, ['wenmi incoming void 2026-0007 --reason 重复登记'])
    .argument('<number>', describe({ zh: '收文编号', en: 'the document number' }))
    .option('--reason <text>', describe({ zh: '作废原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<IncomingVoidOpts>((s, o, [ref]) => {
        const row = voidIncoming(s.ctx(), ref!, o.reason);
        s.info(t('incoming.voided', { number: row.number }));
      }),
    );

  interface IncomingPrintOpts extends PeriodOpts, RevealOpts, BookOpts {
    classified?: boolean;
  }
  kit
    .withBook(
      kit.withReveal(
        kit.withPeriod(
          kit.verb(incoming, 'print', { zh: '按纸质收文登记簿的格式打印一个时期', en: 'print the register as its paper book, for a period' }, [
            'wenmi incoming print --month 2026-11',
            'wenmi incoming print --from 2026-01-01 --to 2026-12-31 -o 收文登记簿2026.txt',
            'wenmi incoming print --classified --month 2026-11',
          ]),
        ),
      ).option('--classified', describe({ zh: '打印涉密收文登记簿（另册）', en: 'print the classified book (kept apart)' })),
    )
    .action(
      kit.run<IncomingPrintOpts>(async (s, o) => {
        const filter = { ...filterOf(s, o), classified: o.classified === true };
        guardReveal(s, filter, o.reveal === true, 'print');
        const rows = [...bookRows(s, filter, o.reveal === true)];
        await s.printBook(o, {
          title: o.classified ? { zh: '涉密收文登记簿', en: 'Register of incoming documents (classified)' } : { zh: '收文登记簿', en: 'Register of incoming documents' },
          meta: [periodLine(filter)],
          columns: o.classified ? classifiedBookColumns : bookColumns,
          rows,
          footer: 'incoming.bookFooter',
          footerParams: { count: rows.length },
          signatures: BOOK_SIGNATURES,
          classified: o.classified === true,
        });
      }),
    );

  interface IncomingExportOpts extends PeriodOpts, RevealOpts, OutputOpts {
    classified?: boolean;
  }
  kit.withReveal(
    kit.withPeriod(
      kit.withExport(
        kit.verb(incoming, 'export', { zh: '导出登记簿（默认 CSV，可在 Excel 中打开）', en: 'export the register (CSV by default, opens in Excel)' }, [
          'wenmi incoming export --month 2026-11 -o 收文2026-11.csv',
          'wenmi incoming export --from 2026-01-01 --to 2026-12-31 --format json',
        ]),
      ),
    ),
  )
    .option('--classified', describe({ zh: '导出涉密登记簿', en: 'the classified book' }))
    .action(
      kit.run<IncomingExportOpts>(async (s, o) => {
        const filter = { ...filterOf(s, o), classified: o.classified === true };
        guardReveal(s, filter, o.reveal === true, 'export');
        await s.output(o.classified ? classifiedBookColumns : bookColumns, bookRows(s, filter, o.reveal === true), o);
      }),
    );

  workflowCommands(incoming, kit);
}
