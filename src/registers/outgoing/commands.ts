/** `wenmi outgoing …`: parse, call the rules, render. */
import type { Command } from 'commander';
import { readDocNo } from '../../core/docno.js';
import type { DB } from '../../core/db.js';
import { label, t } from '../../core/i18n.js';
import type { Row } from '../../core/output/render.js';
import { BOOK_SIGNATURES, choiceOption, collect, dateOpt, describe, intArg, journalColumns, periodLine, wordOption, type BookOpts, type CliRegister, type Kit, type OutputOpts, type PeriodOpts, type Session } from '../../cli/kit.js';
import { ACTION_LABELS, bookColumns, dispatchColumns, listColumns, reportColumns, STATE_LABELS, URGENCY_LABELS, VIA_LABELS, viaText, voidedColumns } from './columns.js';
import {
  classificationOf,
  copyNosOf,
  dispatchOutgoing,
  draftOutgoing,
  getOutgoing,
  MAX_COPIES,
  MAX_PAGES,
  namesOf,
  numberOutgoing,
  printRun,
  recordReceipt,
  refOf,
  REGISTER,
  returnOutgoing,
  sealOutgoing,
  reviewOutgoing,
  shownTitle,
  signOutgoing,
  STATES,
  URGENCIES,
  VIAS,
  voidNumber,
  type NewDraft,
} from './rules.js';
import { bookLines, dispatchesOf, journalOf, listDocs, reportCounts, voidedNumbers, type OutgoingFilter, type OutgoingRow } from './sql.js';

/** The options of `draft` are the draft's fields, but for its date (a draft is dated today). */
type DraftOpts = Omit<NewDraft, 'on'>;
interface ReviewOpts {
  reviewer?: string;
  return?: boolean;
  reason?: string;
  on?: string;
}
interface SignOpts {
  signer?: string;
  on?: string;
}
interface DispatchOpts {
  to?: string;
  via?: string;
  copyNo?: string[];
  on?: string;
  note?: string;
}
interface ListOpts extends OutputOpts, PeriodOpts {
  state?: string;
  classified?: boolean;
  search?: string;
  reveal?: boolean;
}
interface FilterOpts extends PeriodOpts {
  classified?: boolean;
  reveal?: boolean;
}
type PrintOpts = FilterOpts & BookOpts;
type ExportOpts = FilterOpts & OutputOpts;

function listEntry(row: OutgoingRow, reveal: boolean): Row {
  return {
    draftNo: row.draft_no,
    docNo: row.doc_no,
    draftedOn: row.drafted_on,
    title: shownTitle(row, reveal),
    secret: classificationOf(row) || null,
    drafter: row.drafter,
    dept: row.dept,
    type: row.doc_type,
    urgency: row.urgency,
    mainTo: namesOf(row.main_to),
    cc: namesOf(row.cc),
    reviewer: row.reviewer,
    signer: row.signer,
    signedOn: row.signed_on,
    copies: row.copies,
    replyTo: row.reply_to,
    state: row.state,
  };
}

/** 分发情况 of one document: each recipient, channel, 份号 and whether the receipt came back. */
function dispatchNote(db: DB, docId: number): string {
  return dispatchesOf(db, docId)
    .map((d) => {
      const parts = [viaText(d.via) + (d.copy_nos ? ` ${d.copy_nos}` : ''), ...(d.receipt_on ? [`${label({ zh: '回执', en: 'receipt' })} ${d.receipt_on}`] : [])];
      return label({ zh: `${d.recipient}（${parts.join('，')}）`, en: `${d.recipient} (${parts.join(', ')})` });
    })
    .join(label({ zh: '；', en: '; ' }));
}

const dispatchRows = (db: DB, docId: number): Row[] => dispatchesOf(db, docId).map((d) => ({ to: d.recipient, via: d.via, on: d.on_date, copyNos: d.copy_nos, receiptOn: d.receipt_on }));
const historyRows = (db: DB, docId: number): Row[] => journalOf(db, docId).map((j) => ({ seq: j.seq, at: j.at, operator: j.operator, action: j.action, reason: j.reason }));

function filterOf(s: Session, o: FilterOpts & { state?: string; search?: string }): OutgoingFilter {
  const { from, to } = s.period(o);
  return { from, to, state: o.state, classified: o.classified ? true : undefined, search: o.search };
}

/** Records the reveal of the classified documents a list selects, before they are shown. */
function guardReveal(s: Session, rows: OutgoingRow[], reveal: boolean | undefined, command: string): boolean {
  return s.reveal(reveal === true, REGISTER, command, () => rows.filter((r) => r.secret_level !== null).map((r) => r.draft_no));
}

function bookRows(db: DB, filter: OutgoingFilter, reveal: boolean): { rows: Row[]; voided: number } {
  let voided = 0;
  const rows = bookLines(db, filter).map((n) => {
    if (n.voided_on !== null) voided++;
    const d = n.doc;
    return n.voided_on !== null
      ? { docNo: n.number, signedOn: d.signed_on, title: t('outgoing.voidedLine', { reason: n.void_reason }), mainTo: null, secret: null, urgency: null, signer: null, copies: null, dept: d.dept, drafter: d.drafter, dispatch: null }
      : {
          docNo: n.number,
          signedOn: d.signed_on,
          title: shownTitle(d, reveal),
          mainTo: namesOf(d.main_to).join('、'),
          secret: classificationOf(d),
          urgency: d.urgency,
          signer: d.signer,
          copies: d.copies,
          dept: d.dept,
          drafter: d.drafter,
          dispatch: dispatchNote(db, d.id),
        };
  });
  return { rows, voided };
}

export function outgoingCommands(root: Command, kit: Kit, register: CliRegister): void {
  const outgoing = kit.verb(root, 'outgoing', register.summary, [
    'wenmi outgoing draft --title 关于做好年终工作的通知 --drafter 张文书 --dept 办公室 --to 各科室',
    'wenmi outgoing review NG2026-0001 --reviewer 李主任',
    'wenmi outgoing sign NG2026-0001 --signer 王局长',
    'wenmi outgoing number NG2026-0001 --prefix 某办发',
    'wenmi outgoing print --month 2026-11',
  ]);

  kit
    .verb(outgoing, 'draft', { zh: '登记一份拟稿，输出拟稿编号（尚无发文字号）', en: 'register a draft; prints its draft id (no number yet)' }, [
      'wenmi outgoing draft --title 关于做好年终工作的通知 --drafter 张文书 --dept 办公室 --type 通知 --to 各科室 --cc 市政府办公室',
      'wenmi outgoing draft --title 某事项的复函 --drafter 张文书 --dept 办公室 --type 函 --reply-to 2026-0001',
      'wenmi outgoing draft --title 季度工作会纪要 --drafter 王秘书 --dept 办公室 --type 纪要 --meeting HY2026-0001',
      'wenmi outgoing draft --title 某涉密通知 --drafter 张文书 --dept 办公室 --secret 机密★10年 --urgency 加急',
    ])
    .option('--title <text>', describe({ zh: '标题', en: 'title (标题)' }))
    .option('--drafter <name>', describe({ zh: '拟稿人', en: 'drafter (拟稿人)' }))
    .option('--dept <name>', describe({ zh: '拟稿单位', en: 'drafting department (拟稿单位)' }))
    .option('--type <type>', describe({ zh: '文种：通知、请示、函……', en: 'document type (文种): 通知, 请示, 函, …' }))
    .option('--secret <class>', describe({ zh: '密级★期限，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }))
    .addOption(wordOption('--urgency <level>', { zh: '紧急程度', en: 'urgency (紧急程度)' }, URGENCIES, URGENCY_LABELS))
    .option('--to <unit>', describe({ zh: '主送（可重复或逗号分隔）', en: 'main recipients (主送; repeatable or comma-separated)' }), collect)
    .option('--cc <unit>', describe({ zh: '抄送（可重复或逗号分隔）', en: 'copies to (抄送; repeatable or comma-separated)' }), collect)
    .option('--pages <n>', describe({ zh: '页数', en: 'pages (页数)' }), intArg(1, MAX_PAGES))
    .option('--attachments <text>', describe({ zh: '附件', en: 'attachments (附件)' }))
    .option('--reply-to <number>', describe({ zh: '所答复的收文编号，如 2026-0001', en: 'the incoming document it answers, e.g. 2026-0001' }))
    .option('--meeting <number>', describe({ zh: '纪要所属的会议编号（纪要须已审签），如 HY2026-0001', en: 'the meeting whose approved minutes this 纪要 sends, e.g. HY2026-0001' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<DraftOpts>(async (s, o) => {
        const ctx = s.ctx();
        const meeting = o.meeting === undefined ? undefined : (await s.resolveRef(o.meeting, 'meeting')).ref;
        const row = draftOutgoing(ctx, { ...o, meeting });
        s.print(row.draft_no + '\n');
        s.info(t('outgoing.drafted', { ref: row.draft_no, title: shownTitle(row, false) }));
      }),
    );

  kit
    .verb(outgoing, 'review', { zh: '审核（核稿）拟稿，或 --return 退回拟稿人修改', en: 'review a draft, or --return it to its drafter' }, [
      'wenmi outgoing review NG2026-0001 --reviewer 李主任',
      'wenmi outgoing review NG2026-0002 --return --reason 请补充依据',
    ])
    .argument('<id>', describe({ zh: '拟稿编号', en: 'the draft id' }))
    .option('--reviewer <name>', describe({ zh: '审核人（不得是拟稿人）', en: 'reviewer (not the drafter)' }))
    .option('--return', describe({ zh: '退回修改（须写 --reason）', en: 'return for revision (needs --reason)' }))
    .option('--reason <text>', describe({ zh: '退回原因', en: 'why it is returned' }))
    .option('--on <date>', describe({ zh: '日期（默认今天）', en: 'date (default today)' }))
    .action(
      kit.run<ReviewOpts>((s, o, [ref]) => {
        const on = dateOpt(s, o.on);
        if (o.return) {
          const row = returnOutgoing(s.ctx(), ref!, { reviewer: o.reviewer, reason: o.reason, on });
          return s.info(t('outgoing.returned', { ref: refOf(row), drafter: row.drafter, reason: o.reason!.trim() }));
        }
        const row = reviewOutgoing(s.ctx(), ref!, { reviewer: o.reviewer, on });
        s.info(t('outgoing.reviewed', { ref: refOf(row), reviewer: row.reviewer }));
      }),
    );

  kit
    .verb(outgoing, 'sign', { zh: '签发审核过的文稿', en: 'sign a reviewed draft off' }, ['wenmi outgoing sign NG2026-0001 --signer 王局长', 'wenmi outgoing sign NG2026-0001 --signer 王局长 --on 2026-11-20'])
    .argument('<id>', describe({ zh: '拟稿编号', en: 'the draft id' }))
    .option('--signer <name>', describe({ zh: '签发人（不得是拟稿人）', en: 'who signs it off (not the drafter)' }))
    .option('--on <date>', describe({ zh: '签发日期（默认今天）', en: 'date (default today)' }))
    .action(
      kit.run<SignOpts>((s, o, [ref]) => {
        const row = signOutgoing(s.ctx(), ref!, { signer: o.signer, on: dateOpt(s, o.on) });
        s.info(t('outgoing.signed', { ref: refOf(row), signer: row.signer }));
      }),
    );

  kit
    .verb(outgoing, 'number', { zh: '给签发的文件编发文字号，输出文号', en: 'give a signed document its number; prints it' }, ['wenmi outgoing number NG2026-0001', 'wenmi outgoing number NG2026-0002 --prefix 某办函'])
    .argument('<id>', describe({ zh: '拟稿编号', en: 'the draft id' }))
    .option('--prefix <code>', describe({ zh: '机关代字（默认设置 outgoing.prefix）', en: 'issuer code (机关代字; default: the setting outgoing.prefix)' }))
    .action(
      kit.run<{ prefix?: string }>((s, o, [ref]) => {
        const row = numberOutgoing(s.ctx(), ref!, { prefix: o.prefix });
        s.print(row.doc_no + '\n');
        s.info(t('outgoing.numbered', { draft: row.draft_no, number: row.doc_no }));
      }),
    );

  kit
    .verb(outgoing, 'void-number', { zh: '作废一个未使用的发文字号（保留在登记簿中）', en: 'void a number not used (it stays in the book, marked)' }, ["wenmi outgoing void-number '某办发〔2026〕7号' --reason 编号后发现文种有误"])
    .argument('<number>', describe({ zh: '发文字号', en: 'the document number' }))
    .option('--reason <text>', describe({ zh: '作废原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<{ reason?: string }>((s, o, [typed]) => {
        const reading = readDocNo(typed!);
        const { voided, doc } = voidNumber(s.ctx(), typed!, { reason: o.reason });
        if (reading.bracketsChanged) s.info(t('docno.bracketsChanged', { typed: typed!.trim(), value: voided.number }));
        s.info(t('outgoing.numberVoidedDone', { number: voided.number, reason: voided.void_reason, draft: doc.draft_no }));
      }),
    );

  kit
    .verb(outgoing, 'print-run', { zh: '登记印制份数（涉密文件编份号 000001…）', en: 'record the print run (classified: copy nos. 000001…)' }, ['wenmi outgoing print-run NG2026-0001 --copies 30'])
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .option('--copies <n>', describe({ zh: '印制份数', en: 'copies printed' }), intArg(1, MAX_COPIES))
    .option('--on <date>', describe({ zh: '日期（默认今天）', en: 'date (default today)' }))
    .action(
      kit.run<{ copies?: number; on?: string }>((s, o, [ref]) => {
        const row = printRun(s.ctx(), ref!, { copies: o.copies, on: dateOpt(s, o.on) });
        const nos = copyNosOf(row.copies!);
        s.info(row.secret_level ? t('outgoing.printedCopyNos', { ref: refOf(row), copies: row.copies, first: nos[0], last: nos[nos.length - 1] }) : t('outgoing.printed', { ref: refOf(row), copies: row.copies }));
      }),
    );

  kit
    .verb(outgoing, 'seal', { zh: '用印：在印章登记簿中申请、批准并用印（文件名称为发文字号和标题），两端关联', en: 'seal it: request, approval and stamp in the seal register (the document named by its number and title), linked both ways' }, [
      'wenmi outgoing seal NG2026-0001 --seal 办公室公章 --approver 周主任',
      'wenmi outgoing seal NG2026-0001 --seal S001 --approver 周主任 --count 2',
    ])
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .option('--seal <seal>', describe({ zh: '印章编号或名称', en: 'the seal, by code or name' }))
    .option('--approver <name>', describe({ zh: '用印批准人', en: 'who approves the stamping' }))
    .option('--count <n>', describe({ zh: '用印份数（默认为印制份数）', en: 'copies to stamp (default: the copies printed)' }), intArg(1, MAX_COPIES))
    .action(
      kit.run<{ seal?: string; approver?: string; count?: number }>((s, o, [ref]) => {
        const { doc, request, line } = sealOutgoing(s.ctx(), ref!, { seal: o.seal, approver: o.approver, count: o.count });
        s.info(t('outgoing.sealed', { ref: refOf(doc), count: o.count ?? doc.copies, request, line }));
      }),
    );

  kit
    .verb(outgoing, 'dispatch', { zh: '分发登记：每个收文单位一行；涉密文件只走机要或专人', en: 'record a dispatch, one line per recipient; classified only by 机要 or 专人' }, [
      'wenmi outgoing dispatch NG2026-0001 --to 市财政局 --via 邮寄',
      'wenmi outgoing dispatch NG2026-0003 --to 市委办公室 --via 机要 --copy-no 1,2',
    ])
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .option('--to <unit>', describe({ zh: '收文单位', en: 'recipient' }))
    .addOption(wordOption('--via <channel>', { zh: '分发方式', en: 'channel' }, VIAS, VIA_LABELS))
    .option('--copy-no <no>', describe({ zh: '份号（涉密必填，可重复或逗号分隔）', en: 'copy numbers (classified; repeatable or comma-separated)' }), collect)
    .option('--on <date>', describe({ zh: '日期（默认今天）', en: 'date (default today)' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<DispatchOpts>((s, o, [ref]) => {
        const row = dispatchOutgoing(s.ctx(), ref!, { to: o.to, via: o.via, copyNos: o.copyNo, on: dateOpt(s, o.on), note: o.note });
        s.info(t('outgoing.dispatched', { ref: refOf(row), to: o.to!.trim(), via: o.via }));
      }),
    );

  kit
    .verb(outgoing, 'receipt', { zh: '登记收文单位的回执', en: "record a recipient's receipt" }, ['wenmi outgoing receipt NG2026-0001 --to 市财政局'])
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .option('--to <unit>', describe({ zh: '收文单位', en: 'recipient' }))
    .option('--on <date>', describe({ zh: '回执日期（默认今天）', en: 'date (default today)' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<{ to?: string; on?: string; note?: string }>((s, o, [ref]) => {
        const row = recordReceipt(s.ctx(), ref!, { to: o.to, on: dateOpt(s, o.on), note: o.note });
        s.info(t('outgoing.receiptDone', { ref: refOf(row), to: o.to!.trim() }));
      }),
    );

  kit.withReveal(
    kit.withPeriod(
      kit.withOutput(
        kit.verb(outgoing, 'list', { zh: '列出拟稿与发文（涉密标题默认遮蔽）', en: 'list drafts and documents (classified titles masked)' }, [
          'wenmi outgoing list --month this-month',
          'wenmi outgoing list --state 已签发 --format json',
        ]),
      ),
    ),
  )
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, STATES, STATE_LABELS))
    .option('--classified', describe({ zh: '只列涉密文件', en: 'classified documents only' }))
    .option('--search <text>', describe({ zh: '标题包含此文字（不查涉密标题）', en: 'title contains this (classified titles are not searched)' }))
    .action(
      kit.run<ListOpts>(async (s, o) => {
        const rows = listDocs(s.db(), filterOf(s, o));
        const reveal = guardReveal(s, rows, o.reveal, 'list');
        await s.output(listColumns, rows.map((r) => listEntry(r, reveal)), o);
      }),
    );

  kit.withReveal(
    kit.verb(outgoing, 'show', { zh: '显示一份发文：各项内容、分发情况、关联条目及全部历史', en: 'show one document: its fields, dispatch lines, links and whole history' }, ['wenmi outgoing show NG2026-0001', "wenmi outgoing show '某办发〔2026〕7号' --format json"]),
  )
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .addOption(choiceOption('--format <format>', { zh: 'table 或 json', en: 'table or json' }, ['table', 'json']))
    .action(
      kit.run<{ format?: string; reveal?: boolean }>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getOutgoing(db, ref!);
        const reveal = s.reveal(o.reveal === true && row.secret_level !== null, REGISTER, 'show', () => [row.draft_no]);
        const names = (v: unknown) => (v as string[]).join('、');
        await s.show(
          {
            fields: [
              ...listColumns.filter((c) => c.key !== 'state'),
              { key: 'dept', label: { zh: '拟稿单位', en: 'department' }, kind: 'text' },
              { key: 'type', label: { zh: '文种', en: 'type' }, kind: 'id' },
              { key: 'urgency', label: { zh: '紧急程度', en: 'urgency' }, kind: 'id' },
              { key: 'mainTo', label: { zh: '主送', en: 'to' }, kind: 'text', text: names },
              { key: 'cc', label: { zh: '抄送', en: 'cc' }, kind: 'text', text: names },
              { key: 'reviewer', label: { zh: '审核人', en: 'reviewed by' }, kind: 'text' },
              { key: 'signer', label: { zh: '签发人', en: 'signed by' }, kind: 'text' },
              { key: 'signedOn', label: { zh: '成文日期', en: 'dated' }, kind: 'id' },
              { key: 'copies', label: { zh: '印制份数', en: 'copies' }, kind: 'id' },
              { key: 'replyTo', label: { zh: '答复收文', en: 'answers' }, kind: 'id' },
              listColumns.find((c) => c.key === 'state')!,
            ],
            entry: listEntry(row, reveal),
            skipEmpty: true,
            sections: [
              { key: 'dispatch', columns: dispatchColumns, rows: dispatchRows(db, row.id) },
              { key: 'history', columns: journalColumns(ACTION_LABELS), rows: historyRows(db, row.id) },
            ],
            links: { register: REGISTER, ref: row.draft_no },
          },
          o.format,
        );
      }),
    );

  kit
    .verb(outgoing, 'history', { zh: '列出一份发文的全部日志', en: 'list the journal entries of one document' }, ['wenmi outgoing history NG2026-0001'])
    .argument('<id>', describe({ zh: '拟稿编号或发文字号', en: 'the draft id or number' }))
    .addOption(choiceOption('--format <format>', { zh: 'table 或 json', en: 'table or json' }, ['table', 'json']))
    .action(
      kit.run<{ format?: string }>(async (s, o, [ref]) => {
        const rows = historyRows(s.db(), getOutgoing(s.db(), ref!).id);
        if (o.format === 'json') return s.print(JSON.stringify(rows, null, 2) + '\n');
        await s.output(journalColumns(ACTION_LABELS), rows, { format: 'table' });
      }),
    );

  kit
    .withBook(
      kit.withReveal(
        kit.withPeriod(
          kit.verb(outgoing, 'print', { zh: '按纸质发文登记簿的格式打印一个时期（作废文号在原位）', en: 'print the register as its paper book, for a period (voided numbers in place)' }, [
            'wenmi outgoing print --month 2026-11',
            'wenmi outgoing print --from 2026-01-01 --to 2026-12-31 -o 发文登记簿2026.txt',
          ]),
        ),
      ),
    )
    .option('--classified', describe({ zh: '只打印涉密发文', en: 'classified documents only' }))
    .action(
      kit.run<PrintOpts>(async (s, o) => {
        const filter = filterOf(s, o);
        const db = s.db();
        const reveal = guardReveal(s, bookLines(db, filter).map((n) => n.doc), o.reveal, 'print');
        const { rows, voided } = bookRows(db, filter, reveal);
        await s.printBook(o, {
          title: { zh: '发文登记簿', en: 'Register of outgoing documents' },
          meta: [periodLine(filter)],
          columns: bookColumns,
          rows,
          footer: 'outgoing.bookFooter',
          footerParams: { count: rows.length, voided },
          signatures: BOOK_SIGNATURES,
        });
      }),
    );

  kit.withReveal(
    kit.withPeriod(
      kit.withExport(
        kit.verb(outgoing, 'export', { zh: '导出发文登记簿（默认 CSV，可在 Excel 中打开）', en: 'export the register (CSV by default, opens in Excel)' }, ['wenmi outgoing export --month 2026-11 -o 发文2026-11.csv']),
      ),
    ),
  )
    .option('--classified', describe({ zh: '只导出涉密发文', en: 'classified documents only' }))
    .action(
      kit.run<ExportOpts>(async (s, o) => {
        const filter = filterOf(s, o);
        const db = s.db();
        const reveal = guardReveal(s, bookLines(db, filter).map((n) => n.doc), o.reveal, 'export');
        await s.output(bookColumns, bookRows(db, filter, reveal).rows, o);
      }),
    );

  kit.withPeriod(
    kit.withOutput(
      kit.verb(outgoing, 'report', { zh: '统计一个时期编发的文号：按机关代字、文种、状态，及作废的文号', en: 'count the numbers given in a period by issuer code, type and state; list the numbers voided' }, [
        'wenmi outgoing report --month 2026-11',
        'wenmi outgoing report --month 2026-11 --format json',
      ]),
    ),
  ).action(
    kit.run<OutputOpts & PeriodOpts>(async (s, o) => {
      const { from, to } = s.period(o);
      const db = s.db();
      const counts = reportCounts(db, from, to);
      const voided = voidedNumbers(db, from, to).map((n) => ({ number: n.number, on: n.voided_on, reason: n.void_reason }));
      if (o.format === 'json') return s.print(JSON.stringify({ from: from ?? null, to: to ?? null, counts, voided }, null, 2) + '\n');
      await s.output(reportColumns, counts.map((c): Row => ({ ...c })), o);
      if (voided.length && o.output === undefined) {
        s.print('\n');
        await s.output(voidedColumns, voided, o);
      }
    }),
  );
}
