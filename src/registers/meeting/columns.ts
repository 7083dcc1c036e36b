/** The columns of the meeting register: rooms, replies, attendance, the sign-in sheet (签到表), decisions. */
import { label, wordsText, type Label } from '../../core/i18n.js';
import { moneyColumn } from '../../core/money.js';
import type { Column } from '../../core/output/render.js';

/** Stored words (states, answers) and their English. */
export const WORDS: Record<string, Label> = {
  待审批: { zh: '待审批', en: 'awaiting approval' },
  已批准: { zh: '已批准', en: 'approved' },
  退回: { zh: '退回', en: 'returned' },
  已结束: { zh: '已结束', en: 'closed' },
  参加: { zh: '参加', en: 'attending' },
  请假: { zh: '请假', en: 'excused' },
  代参: { zh: '代参', en: 'by proxy' },
  电话: { zh: '电话', en: 'phone' },
  短信: { zh: '短信', en: 'text message' },
  书面: { zh: '书面', en: 'in writing' },
  系统: { zh: '系统', en: 'system' },
};

export const wordText = wordsText(WORDS);

const col = (key: string, zh: string, en: string, kind: Column['kind'], extra: Partial<Column> = {}): Column => ({ key, label: { zh, en }, kind, ...extra });

/** `rooms --on DATE`: each room's bookings that day. */
export const roomColumns: Column[] = [
  col('room', '会议室', 'room', 'text', { wrap: 16 }),
  col('from', '开始', 'from', 'id'),
  col('to', '结束', 'to', 'id'),
  col('number', '会议编号', 'meeting', 'id'),
  col('title', '会议名称', 'title', 'text', { wrap: 24 }),
  col('host', '主持人', 'host', 'text'),
  col('state', '状态', 'state', 'id', { text: wordText }),
];

export const attendeeColumns: Column[] = [col('name', '姓名', 'name', 'text'), col('unit', '单位/职务', 'unit or post', 'text', { wrap: 30 })];

/** 应到/实到/请假/缺席/迟到 with names; JSON keeps the names as a list. */
export const ATTENDANCE_KINDS: Record<string, Label> = {
  expected: { zh: '应到', en: 'expected' },
  present: { zh: '实到', en: 'present' },
  excused: { zh: '请假', en: 'excused' },
  absent: { zh: '缺席', en: 'absent' },
  late: { zh: '迟到', en: 'late' },
};

export const attendanceColumns: Column[] = [
  col('kind', '类别', 'kind', 'id', { text: (v) => label(ATTENDANCE_KINDS[String(v)]!) }),
  col('count', '人数', 'count', 'id', { num: true }),
  col('names', '名单', 'names', 'text', { wrap: 50, text: (v) => (Array.isArray(v) ? v.join('、') : String(v)) }),
];

/** The paper 签到表: a line per attendee and a wide column to sign in. */
export const sheetColumns: Column[] = [
  col('line', '序号', 'no.', 'id', { num: true }),
  col('name', '姓名', 'name', 'text'),
  col('unit', '单位/职务', 'unit or post', 'text', { wrap: 24 }),
  col('sign', '签名', 'signature', 'text'),
  col('note', '备注', 'remarks', 'text', { wrap: 16 }),
];

export const prepColumns: Column[] = [col('item', '准备事项', 'item', 'text', { wrap: 40 }), col('done', '完成', 'done', 'id', { text: (v) => label(v ? { zh: '已完成', en: 'done' } : { zh: '未完成', en: 'not done' }) })];

export const decisionColumns: Column[] = [
  col('number', '编号', 'number', 'id'),
  col('item', '决议事项', 'decision', 'text', { wrap: 30 }),
  col('owner', '责任单位/人', 'owner', 'text'),
  col('due', '期限', 'due', 'id'),
  col('doneOn', '办结日期', 'done on', 'id'),
  col('reminders', '督办次数', 'reminders', 'id', { num: true, spare: true }),
  col('note', '办理情况', 'how it went', 'text', { wrap: 24, spare: true }),
];


/** 会议登记簿, in the paper order. */
export const bookColumns: Column[] = [
  col('date', '日期', 'date', 'id'),
  col('time', '时间', 'time', 'id'),
  col('title', '会议名称', 'meeting', 'text', { wrap: 20 }),
  col('room', '地点', 'room', 'text', { wrap: 10 }),
  col('host', '主持人', 'chair', 'text'),
  col('expected', '应到', 'expected', 'id', { num: true }),
  col('present', '实到', 'present', 'id', { num: true }),
  col('minutes', '纪要', 'minutes', 'id'),
  col('decisions', '决议事项数', 'decisions', 'id', { num: true }),
  col('open', '未办结', 'open', 'id', { num: true }),
];

/** `list` and `export`: the number and state first, the book's columns, then the money. */
export const listColumns: Column[] = [
  col('number', '会议编号', 'number', 'id'),
  ...bookColumns.filter((c) => !['minutes'].includes(c.key)).map((c) => (['room', 'host', 'expected', 'present', 'decisions'].includes(c.key) ? { ...c, spare: true } : c)),
  col('state', '状态', 'state', 'id', { text: wordText }),
];

export const exportColumns: Column[] = [
  col('number', '会议编号', 'number', 'id'),
  ...bookColumns,
  col('state', '状态', 'state', 'id', { text: wordText }),
  moneyColumn('budgetFen', { zh: '预算', en: 'budget' }),
  moneyColumn('spentFen', { zh: '支出', en: 'spent' }),
];

export const REPORT_ITEMS: Record<string, Label> = {
  meetings: { zh: '会议次数', en: 'meetings' },
  closed: { zh: '已结束', en: 'closed' },
  expected: { zh: '应到人次', en: 'expected (person-times)' },
  present: { zh: '实到人次', en: 'present' },
  excused: { zh: '请假人次', en: 'excused' },
  absent: { zh: '缺席人次', en: 'absent' },
  late: { zh: '迟到人次', en: 'late' },
  decisions: { zh: '决议事项', en: 'decisions' },
  decisionsDone: { zh: '已办结', en: 'decisions done' },
  decisionsOpen: { zh: '未办结', en: 'decisions open' },
  decisionsOverdue: { zh: '逾期未办结', en: 'decisions overdue' },
  budget: { zh: '预算（元）', en: 'budget (yuan)' },
  spent: { zh: '支出（元）', en: 'spent (yuan)' },
};

export const reportColumns: Column[] = [
  col('item', '项目', 'item', 'id', { text: (v) => label(REPORT_ITEMS[String(v)]!) }),
  col('value', '数值', 'value', 'id', { num: true }),
];
