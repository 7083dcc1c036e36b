/** `wenmi seal report`: the month-end account of the seal register (rules in monthReport.ts). */
import type { Command } from 'commander';
import { formatDate } from '../../core/dates.js';
import type { Kit, OutputOpts, PeriodOpts } from '../../cli/kit.js';
import { reportColumns } from './columns.js';
import { sealMonthReport, sealReportRows } from './monthReport.js';

export function reportCommand(seal: Command, kit: Kit): void {
  interface SealReportOpts extends OutputOpts, PeriodOpts {}
  kit
    .withOutput(
      kit.withPeriod(
        kit.verb(
          seal,
          'report',
          {
            zh: '月报（默认本月）：按印章、按批准人的用印次数和份数，作废的行及原因，外借、归还、逾期未还，移交，遗失或停用',
            en: 'month report (default this month): lines and copies by seal and by approver, voided lines and why, loans out, back and overdue, handovers, seals lost or retired',
          },
          ['wenmi seal report --month 2026-11', 'wenmi seal report --month last-month --format json'],
        ),
      ),
    )
    .action(
      kit.run<SealReportOpts>(async (s, o) => {
        const given = o.month !== undefined || o.from !== undefined || o.to !== undefined;
        const report = sealMonthReport(s.db(), s.period(given ? o : { month: 'this-month' }), formatDate(s.clock.now()));
        if (o.format === 'json') return void (await s.toOutput(o, (out) => out.write(JSON.stringify(report, null, 2) + '\n')));
        await s.output(reportColumns, sealReportRows(report), o);
      }),
    );
}
