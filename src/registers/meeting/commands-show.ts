/** `wenmi meeting show`: one meeting — its plan, where it stands, its attendees, checklist, decisions, expenses, history and links. */
import type { Command } from 'commander';
import { shortMoment } from '../../core/dates.js';
import { label, type Label } from '../../core/i18n.js';
import { formatYuan } from '../../core/money.js';
import type { Column } from '../../core/output/render.js';
import { choiceOption, journalColumns, type Kit } from '../../cli/kit.js';
import { minutesNumber, minutesState, spentOn } from './after.js';
import { attendanceOf } from './attendance.js';
import { decisionColumns, prepColumns, wordText } from './columns.js';
import { meetingArg } from './present.js';
import { classificationOf, getMeeting, REGISTER, shownTitle } from './rules.js';
import { attendeesOf, decisions, expensesOf, journalOf, lastEventOf, materialsOf, prepOf, repliesOf, signinsOf } from './sql.js';

interface ShowOpts {
  format?: string;
  reveal?: boolean;
}

const col = (key: string, zh: string, en: string, kind: Column['kind'], extra: Partial<Column> = {}): Column => ({ key, label: { zh, en }, kind, ...extra });
const yuan = (v: unknown) => formatYuan(Number(v));

const FIELDS: Column[] = [
  col('number', '会议编号', 'number', 'id'),
  col('title', '会议名称', 'title', 'text'),
  col('classification', '密级', 'classification', 'id'),
  col('time', '时间', 'time', 'id'),
  col('room', '地点', 'room', 'text'),
  col('host', '主持人', 'chair', 'text'),
  col('state', '状态', 'state', 'id', { text: wordText }),
  col('planner', '拟定人', 'planned by', 'text'),
  col('approver', '批准人', 'approved by', 'text'),
  col('agenda', '议程', 'agenda', 'text'),
  col('materials', '会议材料', 'materials', 'text'),
  col('equipment', '设备', 'equipment', 'text', { text: (v) => (Array.isArray(v) ? v.join('、') : String(v)) }),
  col('arrangements', '会务安排', 'arrangements', 'text'),
  col('notifiedOn', '通知日期', 'notice sent', 'id'),
  col('minutes', '纪要', 'minutes', 'id'),
  col('minutesApprover', '纪要审签人', 'minutes approved by', 'text'),
  col('copiesOut', '涉密材料未收回', 'classified copies out', 'id', { num: true }),
  col('budgetFen', '预算（元）', 'budget (yuan)', 'id', { num: true, text: yuan }),
  col('spentFen', '支出（元）', 'spent (yuan)', 'id', { num: true, text: yuan }),
];

const ATTENDEE_COLUMNS: Column[] = [
  col('name', '姓名', 'name', 'text'),
  col('unit', '单位/职务', 'unit or post', 'text', { wrap: 20 }),
  col('answer', '答复', 'answer', 'id', { text: wordText }),
  col('proxy', '代参人', 'proxy', 'text'),
  col('signedIn', '签到', 'signed in', 'id'),
  col('late', '迟到', 'late', 'id', { text: (v) => (v ? label({ zh: '迟到', en: 'late' }) : '') }),
];

const EXPENSE_COLUMNS: Column[] = [col('item', '费用事项', 'expense', 'text', { wrap: 30 }), col('amountFen', '金额（元）', 'amount (yuan)', 'id', { num: true, text: yuan }), col('invoice', '发票号', 'invoice', 'id')];

const ACTIONS: Record<string, Label> = {
  plan: { zh: '方案', en: 'planned' },
  approve: { zh: '批准', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
  notify: { zh: '通知', en: 'notice' },
  confirm: { zh: '回执', en: 'reply' },
  signin: { zh: '签到', en: 'sign-in' },
  prepare: { zh: '会前准备', en: 'checklist' },
  'prepare-done': { zh: '准备完成', en: 'checklist done' },
  decide: { zh: '决议', en: 'decision' },
  done: { zh: '办结', en: 'done' },
  remind: { zh: '督办', en: 'reminder' },
  minutes: { zh: '纪要', en: 'minutes' },
  'minutes-approve': { zh: '纪要审签', en: 'minutes approved' },
  'minutes-send': { zh: '纪要分发', en: 'minutes sent' },
  materials: { zh: '涉密材料', en: 'materials' },
  expense: { zh: '费用', en: 'expense' },
  settle: { zh: '结算', en: 'settled' },
  close: { zh: '结束', en: 'closed' },
};

export function showCommand(meeting: Command, kit: Kit): void {
  kit
    .withReveal(meetingArg(kit.verb(meeting, 'show', { zh: '显示一次会议：方案、进度、参会人员、准备清单、决议事项、费用、历史和关联', en: 'show one meeting: plan, progress, attendees, checklist, decisions, expenses, history and links' }, ['wenmi meeting show HY2026-0001', 'wenmi meeting show HY2026-0001 --format json'])))
    .addOption(choiceOption('--format <format>', { zh: '输出格式：table|json', en: 'output format: table|json' }, ['table', 'json']))
    .action(
      kit.run<ShowOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const m = getMeeting(db, ref!);
        const reveal = s.reveal(o.reveal === true && m.secret_level !== null, REGISTER, 'show', () => [m.number]);
        const approve = lastEventOf(db, m.id, 'approve');
        const minutes = minutesState(db, m);
        const copies = materialsOf(db, m.id);
        const entry = {
          number: m.number,
          title: shownTitle(m, reveal),
          classification: classificationOf(m) || null,
          time: `${shortMoment(m.starts_at)}—${shortMoment(m.ends_at).slice(m.ends_at.slice(0, 10) === m.starts_at.slice(0, 10) ? 11 : 0)}`,
          room: m.room,
          host: m.host,
          state: m.state,
          planner: m.planner,
          approver: approve?.data ? (JSON.parse(approve.data) as { approver: string }).approver : null,
          agenda: m.agenda,
          materials: m.materials,
          equipment: m.equipment ? (JSON.parse(m.equipment) as string[]) : null,
          arrangements: m.arrangements,
          notifiedOn: m.notified_on,
          minutes: minutes.minutes ? minutesNumber(minutes.minutes) : null,
          minutesApprover: minutes.approvedBy,
          copiesOut: m.secret_level !== null ? copies.issued - copies.recovered : null,
          budgetFen: m.budget,
          spentFen: spentOn(db, m),
        };
        const replies = repliesOf(db, m.id);
        const signins = signinsOf(db, m.id);
        const late = new Set(attendanceOf(db, m).late);
        const attendees = attendeesOf(db, m.id).map((a) => {
          const r = replies.get(a.name);
          const si = signins.get(a.name);
          return { name: a.name, unit: a.unit, answer: r?.answer ?? null, proxy: si?.proxy ?? r?.proxy ?? null, signedIn: si ? shortMoment(si.at).slice(11) : null, late: late.has(a.name) };
        });
        const masked = (text: string) => (m.secret_level !== null && !reveal ? shownTitle(m) : text);
        const ds = decisions(db, { meetingId: m.id }).map((d) => ({ number: d.number, item: masked(d.item), owner: d.owner, due: d.due, doneOn: d.done_on, reminders: d.reminders, note: d.done_note }));
        await s.show(
          {
            fields: FIELDS,
            entry,
            skipEmpty: true,
            sections: [
              { key: 'attendees', columns: ATTENDEE_COLUMNS, rows: attendees },
              { key: 'checklist', columns: prepColumns, rows: prepOf(db, m.id).map((p) => ({ item: p.item, done: p.done === 1 })) },
              { key: 'decisions', columns: decisionColumns, rows: ds },
              { key: 'expenses', columns: EXPENSE_COLUMNS, rows: expensesOf(db, m.id).map((e) => ({ item: e.item, amountFen: e.amount, invoice: e.invoice })) },
              { key: 'history', columns: journalColumns(ACTIONS), rows: journalOf(db, m.id) },
            ],
            links: { register: REGISTER, ref: m.number },
          },
          o.format,
        );
      }),
    );
}
