/** `wenmi archive report`: the month-end account of the archive register (rules in monthReport.ts). */
import type { Command } from 'commander';
import { formatDate } from '../../core/dates.js';
import type { Kit, OutputOpts, PeriodOpts } from '../../cli/kit.js';
import { reportColumns } from './columns.js';
import { archiveMonthReport, archiveReportRows } from './monthReport.js';

export function reportCommand(archive: Command, kit: Kit): void {
  interface ArchiveReportOpts extends OutputOpts, PeriodOpts {}
  kit
    .withOutput(
      kit.withPeriod(
        kit.verb(
          archive,
          'report',
          {
            zh: '月报（默认本月）：按保管期限、载体、来源（收文/发文/会议/手工录入）统计归档件数，借出、归还、逾期未还，清点核对及差异，作废与更正',
            en: 'month report (default this month): items filed by retention, carrier and source (incoming, outgoing, meeting, by hand); loans out, back and overdue; checks and their differences; voids and corrections',
          },
          ['wenmi archive report --month 2026-11', 'wenmi archive report --month last-month --format json'],
        ),
      ),
    )
    .action(
      kit.run<ArchiveReportOpts>(async (s, o) => {
        const given = o.month !== undefined || o.from !== undefined || o.to !== undefined;
        const report = archiveMonthReport(s.db(), s.period(given ? o : { month: 'this-month' }), formatDate(s.clock.now()));
        if (o.format === 'json') return void (await s.toOutput(o, (out) => out.write(JSON.stringify(report, null, 2) + '\n')));
        await s.output(reportColumns, archiveReportRows(report), o);
      }),
    );
}
