/** `wenmi seal request|approve|reject|cancel|stamp|requests|print|export`: the use of seals and the usage register. */
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Field } from '../../core/prompts.js';
import { BOOK_SIGNATURES, dateOpt, describe, intArg, periodLine, wordOption, type Kit, type Session, type BookOpts, type OutputOpts, type PeriodOpts } from '../../cli/kit.js';
import { bookColumns, exportColumns, requestColumns, WORDS } from './columns.js';
import { bookRows, bookTotals, bookYears, requestRows } from './report.js';
import { getSeal } from './rules.js';
import { approveRequest, cancelRequest, MAX_COUNT, rejectRequest, REQUEST_STATES, requestUse, stampRequest, voidStamp } from './usage.js';

/** `--on DATE` (onOption). */
export interface SealOnOpts {
  on?: string;
}
export const onOption = (cmd: Command) => cmd.option('--on <date>', describe({ zh: '日期（默认今天）', en: 'the date (default today)' }));
const reqArg = (cmd: Command) => cmd.argument('<request>', describe({ zh: '申请编号，如 Y2026-0001', en: 'the request number, e.g. Y2026-0001' }));
/** A field that `s.complete` asks for on a terminal, or names as missing. */
export const f = (key: string, flag: string, zh: string, en: string, check?: (v: string) => void): Field => ({ key, flag, label: { zh, en }, check });
const positive = (v: string) => {
  if (!/^\s*\d+\s*$/.test(v) || Number(v) < 1) throw usageError('seal.count', { flag: '--count', value: v });
};
/** `--seal` (sealOption) and the period: what the usage book's lists and books are filtered by. */
interface SealBookFilterOpts extends PeriodOpts {
  seal?: string;
}
const sealOption = (cmd: Command) => cmd.option('--seal <seal>', describe({ zh: '只看这枚印章（编号或名称）', en: 'one seal only (code or name)' }));

/** The period and seal of print and export. */
function bookFilter(s: Session, o: SealBookFilterOpts) {
  const { from, to } = s.period(o);
  const seal = o.seal === undefined ? undefined : getSeal(s.db(), o.seal);
  return { from, to, seal };
}

export function useCommands(seal: Command, kit: Kit): void {
  interface SealRequestOpts extends SealOnOpts {
    incoming?: string;
    important?: boolean;
    seal?: string;
    doc?: string;
    unit?: string;
    purpose?: string;
    count?: number;
    requester?: string;
    note?: string;
  }
  onOption(
    kit.verb(seal, 'request', { zh: '用印申请：写明文件名称、用印单位、事由、份数；输出申请编号', en: 'ask to use a seal: document, unit, purpose, copies; prints the request number' }, [
      'wenmi seal request --seal S001 --doc 关于采购办公设备的合同 --unit 办公室 --purpose 签订合同 --count 2 --requester 陈经办',
      'wenmi seal request --seal S001 --incoming 2026-0012 --unit 办公室 --purpose 回复来文 --count 1',
      'wenmi seal request --seal S001 --doc 年度工作报告 --unit 办公室 --purpose 报送上级 --count 1 --requester 陈经办 --important',
    ]),
  )
    .option('--seal <seal>', describe({ zh: '印章编号或名称', en: 'the seal: code or name' }))
    .option('--doc <name>', describe({ zh: '文件名称（不得为空白纸、空白介绍信）', en: 'the document (never blank paper or a blank letter of introduction)' }))
    .option('--unit <name>', describe({ zh: '用印单位', en: 'the unit asking (用印单位)' }))
    .option('--purpose <text>', describe({ zh: '事由', en: 'purpose (事由)' }))
    .option('--count <n>', describe({ zh: '用印份数', en: 'copies to stamp' }), intArg(1, MAX_COUNT))
    .option('--requester <name>', describe({ zh: '申请人', en: 'who asks' }))
    .option('--incoming <number>', describe({ zh: '所用印的收文（收文编号）：建立关联，文件名称取其标题', en: 'the incoming document stamped (收文编号): linked; its title is the document name' }))
    .option('--important', describe({ zh: '重要文件：须由 seal.leaders 中的领导批准', en: 'an important document: approved only by a leader in seal.leaders' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<SealRequestOpts>(async (s, o) => {
        const incoming = o.incoming === undefined ? undefined : (await s.resolveRef(o.incoming, 'incoming')).ref;
        const v: Record<string, unknown> = { seal: o.seal, doc: o.doc, unit: o.unit, purpose: o.purpose, count: o.count };
        await s.complete(v, [f('seal', '--seal', '印章', 'seal', (ref) => void getSeal(s.db(), ref)), ...(incoming === undefined ? [f('doc', '--doc', '文件名称', 'document')] : []), f('unit', '--unit', '用印单位', 'unit'), f('purpose', '--purpose', '事由', 'purpose'), { ...f('count', '--count', '份数', 'copies', positive), default: '1' }]);
        const row = requestUse(s.ctx(), { ...o, ...v, incoming, count: Number(v.count), on: dateOpt(s, o.on) });
        s.print(row.number + '\n');
        s.info(t('seal.requested', { number: row.number, seal: `${row.seal_code} ${row.seal_name}`, count: row.count }));
      }),
    );

  interface SealApproveOpts extends SealOnOpts {
    approver?: string;
    count?: number;
  }
  onOption(reqArg(kit.verb(seal, 'approve', { zh: '批准用印申请（可少于申请份数）', en: 'approve a request (for its copies or fewer)' }, ['wenmi seal approve Y2026-0001 --approver 周主任', 'wenmi seal approve Y2026-0002 --approver 周主任 --count 1'])))
    .option('--approver <name>', describe({ zh: '批准人', en: 'who approves' }))
    .option('--count <n>', describe({ zh: '批准份数（默认申请份数）', en: 'copies approved (default: as asked)' }), intArg(1, MAX_COUNT))
    .action(
      kit.run<SealApproveOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { approver: o.approver };
        await s.complete(v, [f('approver', '--approver', '批准人', 'approver')]);
        const row = approveRequest(s.ctx(), ref!, { approver: String(v.approver), count: o.count, on: dateOpt(s, o.on) });
        s.info(t('seal.approved', { number: row.number, count: row.approved, approver: row.approver }));
      }),
    );

  interface SealRejectOpts extends SealOnOpts {
    reason?: string;
    approver?: string;
  }
  onOption(reqArg(kit.verb(seal, 'reject', { zh: '驳回用印申请，须说明原因', en: 'reject a request, with a reason' }, ['wenmi seal reject Y2026-0003 --reason 无领导签字'])))
    .option('--reason <text>', describe({ zh: '原因（必填）', en: 'why (required)' }))
    .option('--approver <name>', describe({ zh: '驳回人（默认经办人）', en: 'who rejects (default the operator)' }))
    .action(
      kit.run<SealRejectOpts>((s, o, [ref]) => {
        const row = rejectRequest(s.ctx(), ref!, { reason: o.reason, approver: o.approver, on: dateOpt(s, o.on) });
        s.info(t('seal.rejected', { number: row.number, reason: row.decision_reason }));
      }),
    );

  interface SealCancelOpts extends SealOnOpts {
    reason?: string;
  }
  onOption(reqArg(kit.verb(seal, 'cancel', { zh: '撤销未完成的申请（已用印的记录保留）', en: 'cancel an open request (lines already stamped stay)' }, ['wenmi seal cancel Y2026-0004 --reason 合同取消'])))
    .option('--reason <text>', describe({ zh: '原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<SealCancelOpts>((s, o, [ref]) => {
        const row = cancelRequest(s.ctx(), ref!, { reason: o.reason, on: dateOpt(s, o.on) });
        s.info(t('seal.cancelled', { number: row.number, reason: o.reason }));
      }),
    );

  interface SealStampOpts extends SealOnOpts {
    count?: number;
    handler?: string;
    note?: string;
  }
  onOption(
    reqArg(
      kit.verb(seal, 'stamp', { zh: '用印：登记一行用印记录；累计不超过批准份数，只有在用的印章可用', en: 'stamp: writes a line of the usage register; never past the approved count, only with a seal in use' }, [
        'wenmi seal stamp Y2026-0001',
        'wenmi seal stamp Y2026-0001 --count 1 --handler 陈经办 --note 第一批',
      ]),
    ),
  )
    .option('--count <n>', describe({ zh: '本次份数（默认批准余数）', en: 'copies this time (default: all still approved)' }), intArg(1, MAX_COUNT))
    .option('--handler <name>', describe({ zh: '经办人（默认申请人，否则操作人）', en: 'who handled it (default the requester, else the operator)' }))
    .option('--note <text>', describe({ zh: '备注', en: 'remarks' }))
    .action(
      kit.run<SealStampOpts>((s, o, [ref]) => {
        const { request, line } = stampRequest(s.ctx(), ref!, { count: o.count, handler: o.handler, note: o.note, on: dateOpt(s, o.on) });
        s.info(t('seal.stamped', { number: request.number, count: line.count, stamped: request.stamped, approved: request.approved }));
      }),
    );

  interface SealVoidStampOpts extends SealOnOpts {
    reason?: string;
    approver?: string;
  }
  onOption(
    kit
      .verb(
        seal,
        'void-stamp',
        {
          zh: '作废用印登记簿中登记错误的一行（份数错、申请错、重复登记）：原行保留并注明作废，其份数不再计入，可在批准数内重新用印',
          en: 'void a line of the seal-usage register recorded wrongly (wrong count, wrong request, twice): the line stays, marked void, its copies no longer count, and the request may be stamped again up to its approved count',
        },
        ['wenmi seal void-stamp 2026-0003 --reason 重复登记 --approver 周主任', 'wenmi seal void-stamp 5 --reason 份数登记错误，实为1份 --approver 周主任'],
      )
      .argument('<line>', describe({ zh: '用印登记簿的序号，如 2026-0003（seal print 的第一列，每年从 1 起）；只写 3 指今年的第 3 行', en: 'the line number in the seal-usage register, e.g. 2026-0003 (first column of seal print, restarting each year); a bare 3 is line 3 of this year' })),
  )
    .option('--reason <text>', describe({ zh: '作废原因（必填）', en: 'why it is voided (required)' }))
    .option('--approver <name>', describe({ zh: '批准作废的人（必填）', en: 'who approved the void (required)' }))
    .action(
      kit.run<SealVoidStampOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { reason: o.reason, approver: o.approver };
        await s.complete(v, [f('reason', '--reason', '作废原因', 'reason'), f('approver', '--approver', '批准人', 'approver')]);
        const { line, request } = voidStamp(s.ctx(), ref!, { reason: String(v.reason), approver: String(v.approver), on: dateOpt(s, o.on) });
        s.info(t('seal.stampVoided', { line: line.no, number: line.number, count: line.count, reason: line.void_reason, stamped: request.stamped, approved: request.approved }));
      }),
    );

  interface SealRequestsOpts extends SealBookFilterOpts, OutputOpts {
    pending?: boolean;
    state?: string;
  }
  sealOption(
    kit.withPeriod(
      kit.withOutput(
        kit.verb(seal, 'requests', { zh: '列出用印申请；--pending 只列待批准或待用印的', en: 'list seal requests; --pending only those awaiting approval or stamping' }, [
          'wenmi seal requests --pending',
          'wenmi seal requests --month this-month --seal S001 --format json',
        ]),
      ),
    ),
  )
    .option('--pending', describe({ zh: '只列待批准、待用印的', en: 'only those awaiting approval or stamping' }))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, REQUEST_STATES, WORDS))
    .action(
      kit.run<SealRequestsOpts>(async (s, o) => {
        const { from, to, seal: one } = bookFilter(s, o);
        await s.output(requestColumns, requestRows(s.db(), { from, to, sealId: one?.id, pending: o.pending === true, state: o.state }), o);
      }),
    );

  interface SealPrintOpts extends SealBookFilterOpts, BookOpts {}
  kit
    .withBook(
      sealOption(
        kit.withPeriod(
          kit.verb(seal, 'print', { zh: '按纸质印章使用登记簿的格式打印一个时期', en: 'print the seal-usage register as its paper book, for a period' }, [
            'wenmi seal print --month 2026-11',
            'wenmi seal print --from 2026-01-01 --to 2026-12-31 --seal S001 -o 用印登记簿2026.txt',
          ]),
        ),
      ),
    )
    .action(
      kit.run<SealPrintOpts>(async (s, o) => {
        const { from, to, seal: one } = bookFilter(s, o);
        const db = s.db();
        const rows = bookRows(db, { from, to, sealId: one?.id });
        const totals = bookTotals(rows);
        await s.printBook(o, {
          title: { zh: '印章使用登记簿', en: 'Seal usage register' },
          meta: [bookYears(rows, { from, to }), one ? `${one.code} ${one.name}` : undefined, periodLine({ from, to })],
          columns: bookColumns,
          rows,
          footer: totals.voidedLines > 0 ? 'seal.bookFooterVoided' : 'seal.bookFooter',
          footerParams: totals,
          signatures: BOOK_SIGNATURES,
        });
      }),
    );

  interface SealExportOpts extends SealBookFilterOpts, OutputOpts {}
  sealOption(
    kit.withPeriod(
      kit.withExport(
        kit.verb(seal, 'export', { zh: '导出印章使用登记簿（默认 CSV，可在 Excel 中打开）', en: 'export the seal-usage register (CSV by default, opens in Excel)' }, [
          'wenmi seal export --month 2026-11 -o 用印2026-11.csv',
          'wenmi seal export --from 2026-01-01 --to 2026-12-31 --seal S001 --format json',
        ]),
      ),
    ),
  ).action(
    kit.run<SealExportOpts>(async (s, o) => {
      const { from, to, seal: one } = bookFilter(s, o);
      await s.output(exportColumns, bookRows(s.db(), { from, to, sealId: one?.id }), o);
    }),
  );
}
