/** `wenmi meeting …`: parse, call the rules, render. Plan, approval and rooms here; attendance and follow-up in their own files. */
import type { Command } from 'commander';
import { formatDate, parseMoment, shortMoment } from '../../core/dates.js';
import { usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { readTextFile } from '../../core/input.js';
import { formatYuan, yuanToFen } from '../../core/money.js';
import { collect, describe, type CliRegister, type Kit, type OutputOpts } from '../../cli/kit.js';
import { parseAttendees } from './attendees.js';
import { afterCommands } from './commands-after.js';
import { attendanceCommands } from './commands-attend.js';
import { bookCommands } from './commands-book.js';
import { showCommand } from './commands-show.js';
import { followupCommands } from './commands-follow.js';
import { dayOf, field, meetingArg } from './present.js';
import { roomColumns } from './columns.js';
import { approveMeeting, attendeesFromList, planMeeting, returnMeeting, shownTitle } from './rules.js';
import { meetingsOn } from './sql.js';

interface PlanOpts {
  title?: string;
  start?: string;
  end?: string;
  room?: string;
  host?: string;
  attendees?: string[];
  attendeesFile?: string;
  agenda?: string;
  materials?: string;
  equipment?: string[];
  budget?: string;
  arrangements?: string;
  secret?: string;
}

interface ApproveOpts {
  approver?: string;
  return?: boolean;
  reason?: string;
}

interface RoomsOpts extends OutputOpts {
  on?: string;
}

function budgetOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const fen = yuanToFen(text);
  if (fen === null) throw usageError('meeting.budget', { value: text });
  return fen;
}

export function meetingCommands(root: Command, kit: Kit, register: CliRegister): void {
  const meeting = kit.verb(root, 'meeting', register.summary, [
    'wenmi meeting plan --title 季度工作会 --start "2026-12-03 09:00" --end "2026-12-03 11:00" --room 第一会议室 --host 周主任 --attendees 张三,李四',
    'wenmi meeting approve HY2026-0001 --approver 吴局长',
    'wenmi meeting rooms --on 2026-12-03',
  ]);

  kit
    .verb(meeting, 'plan', { zh: '会议方案：主题、时间、地点、主持人、参会人员、议程、材料、设备、预算；输出会议编号', en: 'plan a meeting (会议方案): topic, time, room, host, attendees, agenda, materials, equipment, budget; prints its number' }, [
      'wenmi meeting plan --title 季度工作会 --start "2026-12-03 09:00" --end "2026-12-03 11:00" --room 第一会议室 --host 周主任 --attendees 张三,李四,王五 --budget 3000',
      'wenmi meeting plan --title 保密工作会 --start "2026-12-04 14:00" --end "2026-12-04 16:00" --room 第二会议室 --host 吴局长 --attendees-file 参会名单.csv --secret 秘密★5年',
    ])
    .option('--title <text>', describe({ zh: '会议主题', en: 'the topic (主题)' }))
    .option('--start <time>', describe({ zh: '开始时间，如 "2026-12-03 09:00"', en: 'when it starts, e.g. "2026-12-03 09:00"' }))
    .option('--end <time>', describe({ zh: '结束时间', en: 'when it ends' }))
    .option('--room <room>', describe({ zh: '会议室（地点）', en: 'the room (地点)' }))
    .option('--host <name>', describe({ zh: '主持人', en: 'who chairs it (主持人)' }))
    .option('--attendees <names>', describe({ zh: '参会人员（逗号分隔，或写多次）', en: 'attendees (comma-separated, or give it again)' }), collect)
    .option('--attendees-file <file>', describe({ zh: '参会名单文件：每行一个姓名，或带“姓名”列（可有“单位/职务”列）的 CSV；UTF-8', en: 'a file of attendees: one name a line, or a CSV with a 姓名/name column (and 单位/职务/unit); UTF-8' }))
    .option('--agenda <text>', describe({ zh: '议程', en: 'the agenda (议程)' }))
    .option('--materials <text>', describe({ zh: '会议材料', en: 'the materials (材料)' }))
    .option('--equipment <items>', describe({ zh: '设备（逗号分隔），如 投影仪,音响', en: 'equipment (comma-separated), e.g. 投影仪,音响' }), collect)
    .option('--budget <yuan>', describe({ zh: '预算（元，最多两位小数）', en: 'the budget in yuan (up to 2 decimals)' }))
    .option('--arrangements <text>', describe({ zh: '会务安排（食宿、交通等）', en: 'arrangements (meals, lodging, transport)' }))
    .option('--secret <class>', describe({ zh: '密级★保密期限，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }))
    .action(
      kit.run<PlanOpts>(async (s, o) => {
        const v: Record<string, unknown> = { title: o.title, start: o.start, end: o.end, room: o.room, host: o.host };
        const moment = (x: string) => void parseMoment(x, s.clock);
        await s.complete(v, [field('title', '--title', '会议主题', 'topic'), field('start', '--start', '开始时间', 'starts', moment), field('end', '--end', '结束时间', 'ends', moment), field('room', '--room', '会议室', 'room'), field('host', '--host', '主持人', 'host')]);
        if (o.attendees !== undefined && o.attendeesFile !== undefined) throw usageError('meeting.attendeesTwice');
        const attendees = o.attendeesFile !== undefined ? parseAttendees(readTextFile(o.attendeesFile), o.attendeesFile) : attendeesFromList(o.attendees);
        const row = planMeeting(s.ctx(), {
          ...o,
          title: v.title as string,
          start: parseMoment(String(v.start), s.clock),
          end: parseMoment(String(v.end), s.clock),
          room: v.room as string,
          host: v.host as string,
          attendees,
          budget: budgetOf(o.budget),
        });
        s.print(row.number + '\n');
        s.info(t('meeting.planned', { number: row.number, title: shownTitle(row), from: shortMoment(row.starts_at), to: shortMoment(row.ends_at).slice(11), room: row.room, count: attendees.length, budget: row.budget === null ? '—' : formatYuan(row.budget) }));
      }),
    );

  meetingArg(
    kit.verb(meeting, 'approve', { zh: '方案报批：批准（批准人不能是拟定人），或 --return 退回并说明原因', en: 'approve a plan (not by its planner), or --return it with a reason' }, [
      'wenmi meeting approve HY2026-0001 --approver 吴局长',
      'wenmi meeting approve HY2026-0002 --return --reason 与党组会冲突，请改期',
    ]),
  )
    .option('--approver <name>', describe({ zh: '批准人', en: 'who approves' }))
    .option('--return', describe({ zh: '退回方案（须 --reason）', en: 'send the plan back (needs --reason)' }))
    .option('--reason <text>', describe({ zh: '退回原因', en: 'why it goes back' }))
    .action(
      kit.run<ApproveOpts>(async (s, o, [ref]) => {
        if (o.return) {
          const row = returnMeeting(s.ctx(), ref!, { approver: o.approver, reason: o.reason });
          return s.info(t('meeting.returned', { number: row.number, reason: o.reason!.trim() }));
        }
        if (o.reason !== undefined) throw usageError('meeting.reasonOnlyWithReturn');
        const v: Record<string, unknown> = { approver: o.approver };
        await s.complete(v, [field('approver', '--approver', '批准人', 'approver')]);
        const row = approveMeeting(s.ctx(), ref!, { approver: v.approver as string });
        s.info(t('meeting.approved', { number: row.number, approver: String(v.approver).trim() }));
      }),
    );

  kit
    .withOutput(
      kit.verb(meeting, 'rooms', { zh: '某天各会议室的预订情况', en: "each room's bookings on a day" }, ['wenmi meeting rooms --on 2026-12-03', 'wenmi meeting rooms --on tomorrow --format json']),
    )
    .option('--on <date>', describe({ zh: '日期（默认今天）', en: 'the day (default today)' }))
    .action(
      kit.run<RoomsOpts>(async (s, o) => {
        const day = dayOf(s, o.on) ?? formatDate(s.clock.now());
        const rows = meetingsOn(s.db(), day).filter((m) => m.state !== '退回').map((m) => ({ room: m.room, from: m.starts_at.slice(11, 16), to: shortMoment(m.ends_at).slice(m.ends_at.slice(0, 10) === day ? 11 : 0), number: m.number, title: shownTitle(m), host: m.host, state: m.state }));
        await s.output(roomColumns, rows, o);
      }),
    );

  attendanceCommands(meeting, kit);
  followupCommands(meeting, kit);
  afterCommands(meeting, kit);
  bookCommands(meeting, kit);
  showCommand(meeting, kit);
}
