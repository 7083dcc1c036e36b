/** `wenmi meeting list|print|export|report`: the meeting book (会议登记簿) and the month report. */
import type { Command } from 'commander';
import { formatDate } from '../../core/dates.js';
import { BOOK_SIGNATURES, describe, periodLine, wordOption, type BookOpts, type Kit, type OutputOpts, type PeriodOpts, type Session } from '../../cli/kit.js';
import { bookRow, meetingsOf, monthReport, type BookFilter } from './book.js';
import { bookColumns, exportColumns, listColumns, reportColumns, WORDS } from './columns.js';
import { REGISTER, STATES } from './rules.js';

interface FilterOpts extends PeriodOpts {
  state?: string;
  room?: string;
  reveal?: boolean;
}
type ListOpts = FilterOpts & OutputOpts;
type PrintOpts = FilterOpts & BookOpts;

/** The meetings a command shows, with the reveal of classified titles recorded first (Session.reveal). */
function rowsOf(s: Session, o: FilterOpts, command: string) {
  const db = s.db();
  const filter: BookFilter = { ...s.period(o), state: o.state, room: o.room?.trim() };
  const meetings = meetingsOf(db, filter);
  const reveal = s.reveal(o.reveal === true, REGISTER, command, () => meetings.filter((m) => m.secret_level !== null).map((m) => m.number));
  return { filter, rows: meetings.map((m) => bookRow(db, m, reveal)) };
}

function filters(kit: Kit, cmd: Command): Command {
  return kit
    .withReveal(kit.withPeriod(cmd))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, STATES, WORDS))
    .option('--room <room>', describe({ zh: '只看一个会议室', en: 'one room only' }));
}

export function bookCommands(meeting: Command, kit: Kit): void {
  filters(kit, kit.withOutput(kit.verb(meeting, 'list', { zh: '列出会议：编号、日期、时间、名称、应到实到、决议事项', en: 'list meetings: number, date, time, title, attendance, decisions' }, ['wenmi meeting list --month this-month', 'wenmi meeting list --state 已批准 --format json']))).action(
    kit.run<ListOpts>(async (s, o) => {
      await s.output(listColumns, rowsOf(s, o, 'list').rows, o);
    }),
  );

  kit
    .withBook(filters(kit, kit.verb(meeting, 'print', { zh: '打印会议登记簿（纸质格式）', en: 'print the meeting book (会议登记簿) as on paper' }, ['wenmi meeting print --month 2026-12', 'wenmi meeting print --month 2026-12 -o 会议登记簿.txt'])))
    .action(
      kit.run<PrintOpts>(async (s, o) => {
        const { filter, rows } = rowsOf(s, o, 'print');
        await s.printBook(o, {
          title: { zh: '会议登记簿', en: 'Meeting book' },
          meta: [periodLine(filter)],
          columns: bookColumns,
          rows,
          footer: 'meeting.bookFooter',
          footerParams: { count: rows.length, decisions: rows.reduce((n, r) => n + r.decisions, 0), open: rows.reduce((n, r) => n + r.open, 0) },
          signatures: BOOK_SIGNATURES,
        });
      }),
    );

  filters(kit, kit.withExport(kit.verb(meeting, 'export', { zh: '导出会议登记簿（默认 CSV），含预算与支出', en: 'export the meeting book (CSV by default), with budget and spending' }, ['wenmi meeting export --month 2026-12 -o 会议.csv']))).action(
    kit.run<ListOpts>(async (s, o) => {
      await s.output(exportColumns, rowsOf(s, o, 'export').rows, o);
    }),
  );

  kit
    .withOutput(kit.withPeriod(kit.verb(meeting, 'report', { zh: '月报：会议次数、出席人次、决议事项办结情况、预算与支出', en: 'the month report: meetings, attendance, decisions done and open, budget and spending' }, ['wenmi meeting report --month last-month'])))
    .action(
      kit.run<OutputOpts & PeriodOpts>(async (s, o) => {
        const r = monthReport(s.db(), s.period(o), formatDate(s.clock.now()));
        // money in yuan: budget and spent (the report keeps fen)
        const rows = Object.entries(r).map(([item, value]) => (item.endsWith('Fen') ? { item: item.slice(0, -3), value: value / 100 } : { item, value }));
        await s.output(reportColumns, rows, o);
      }),
    );
}
