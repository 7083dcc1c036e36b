/** The columns of the incoming register: the list, and the paper book (print and export) in its paper order. */
import { shortMoment } from '../../core/dates.js';
import { wordsText, yesNo } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';

/** States are stored as the register's own words; English shows a translation. */
export const STATE_LABELS: Record<string, { zh: string; en: string }> = {
  已登记: { zh: '已登记', en: 'registered' },
  作废: { zh: '作废', en: 'void' },
  退回: { zh: '退回', en: 'returned' },
  承办中: { zh: '承办中', en: 'in hand' },
  传阅中: { zh: '传阅中', en: 'circulating' },
  已办结: { zh: '已办结', en: 'closed' },
  已归档: { zh: '已归档', en: 'filed' },
};

/** A column's text: a stored word in the current language (unknown words as they are). */

export const stateText = wordsText(STATE_LABELS);

export const listColumns: Column[] = [
  { key: 'number', label: { zh: '收文编号', en: 'number' }, kind: 'id' },
  { key: 'receivedOn', label: { zh: '收文日期', en: 'received' }, kind: 'id' },
  { key: 'sender', label: { zh: '来文单位', en: 'sender' }, kind: 'text', wrap: 16 },
  { key: 'senderNo', label: { zh: '文号', en: "sender's no." }, kind: 'id', spare: true },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 30 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id', spare: true },
  { key: 'urgency', label: { zh: '紧急程度', en: 'urgency' }, kind: 'id' },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, kind: 'id', num: true, spare: true },
  { key: 'deadline', label: { zh: '时限', en: 'deadline' }, kind: 'id' },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: stateText },
  { key: 'reminders', label: { zh: '催办次数', en: 'reminders' }, kind: 'id', num: true, spare: true },
  { key: 'lastReminder', label: { zh: '最近催办', en: 'last reminder' }, kind: 'id', spare: true },
];

/** 收文登记簿, in the paper order. */
export const bookColumns: Column[] = [
  { key: 'number', label: { zh: '收文编号', en: 'number' }, kind: 'id' },
  { key: 'receivedOn', label: { zh: '收文日期', en: 'received' }, kind: 'id' },
  { key: 'sender', label: { zh: '来文单位', en: 'sender' }, kind: 'text', wrap: 14 },
  { key: 'senderNo', label: { zh: '文号', en: "sender's no." }, kind: 'text', wrap: 24 },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 28 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, kind: 'id', num: true },
  { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id', num: true },
  { key: 'handling', label: { zh: '处理情况', en: 'handling' }, kind: 'text', wrap: 16 },
];

/** The classified book adds the copy number (份号) after the classification. */
export const classifiedBookColumns: Column[] = [
  ...bookColumns.slice(0, 6),
  { key: 'copyNo', label: { zh: '份号', en: 'copy no.' }, kind: 'id' },
  ...bookColumns.slice(6),
];

export const COPY_STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  在秘书室: { zh: '在秘书室', en: 'at the secretariat' },
  持有: { zh: '持有', en: 'held' },
  已清退: { zh: '已清退', en: 'returned to issuer' },
  已销毁: { zh: '已销毁', en: 'destroyed' },
  已退回: { zh: '已退回', en: 'went back to sender' },
};

/** 紧急程度 (--urgency), typed as stored or in English. */
export const URGENCY_LABELS: Record<string, { zh: string; en: string }> = {
  特急: { zh: '特急', en: 'extra urgent' },
  加急: { zh: '加急', en: 'urgent' },
};

/** 载体 (--medium). */
export const MEDIUM_LABELS: Record<string, { zh: string; en: string }> = {
  纸质: { zh: '纸质', en: 'paper' },
  电子: { zh: '电子', en: 'electronic' },
};

/** How a classified copy leaves custody (retire --how). */
export const RETIRE_LABELS: Record<string, { zh: string; en: string }> = {
  清退: { zh: '清退', en: 'returned to issuer' },
  销毁: { zh: '销毁', en: 'destroyed' },
};

export const PROBLEM_LABELS: Record<string, { zh: string; en: string }> = {
  圈外持有: { zh: '圈外持有', en: 'held outside the circle' },
  作废未收回: { zh: '作废未收回', en: 'out though void' },
  办结未收回: { zh: '办结未收回', en: 'out though closed' },
};

const moment = (v: unknown) => shortMoment(String(v));

/** `incoming where`: each copy, its holder and since when. */
export const whereColumns: Column[] = [
  { key: 'copy', label: { zh: '份号', en: 'copy' }, kind: 'id' },
  { key: 'status', label: { zh: '状态', en: 'status' }, kind: 'id', text: wordsText(COPY_STATUS_LABELS) },
  { key: 'holder', label: { zh: '持有人', en: 'holder' }, kind: 'text' },
  { key: 'since', label: { zh: '自', en: 'since' }, kind: 'id', text: moment },
  { key: 'inCircle', label: { zh: '知悉范围内', en: 'in circle' }, kind: 'id', text: yesNo },
];

/** `incoming check`: the 清点核对 list of every classified copy. */
export const checkColumns: Column[] = [
  { key: 'number', label: { zh: '收文编号', en: 'number' }, kind: 'id' },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 24 },
  { key: 'state', label: { zh: '文件状态', en: 'document' }, kind: 'id', text: stateText },
  { key: 'copy', label: { zh: '份号', en: 'copy' }, kind: 'id' },
  { key: 'status', label: { zh: '去向', en: 'status' }, kind: 'id', text: wordsText(COPY_STATUS_LABELS) },
  { key: 'holder', label: { zh: '持有人', en: 'holder' }, kind: 'text' },
  { key: 'since', label: { zh: '自', en: 'since' }, kind: 'id', text: moment },
  { key: 'problem', label: { zh: '问题', en: 'problem' }, kind: 'id', text: wordsText(PROBLEM_LABELS) },
];

export const STEP_LABELS: Record<string, { zh: string; en: string }> = {
  receive: { zh: '签收登记', en: 'received' },
  answered: { zh: '已答复', en: 'answered' },
  correct: { zh: '更正', en: 'corrected' },
  void: { zh: '作废', en: 'voided' },
  review: { zh: '初审通过', en: 'reviewed' },
  return: { zh: '退回', en: 'returned' },
  propose: { zh: '拟办', en: 'proposal' },
  instruct: { zh: '批示', en: 'instruction' },
  assign: { zh: '承办', en: 'assigned' },
  hand: { zh: '交接', en: 'handed over' },
  back: { zh: '收回', en: 'brought back' },
  retire: { zh: '清退/销毁', en: 'retired' },
  circle: { zh: '知悉范围', en: 'circle' },
  remind: { zh: '催办', en: 'reminder' },
  reply: { zh: '答复', en: 'reply' },
  close: { zh: '办结', en: 'closed' },
  file: { zh: '归档', en: 'filed' },
};

/** `incoming history`: every step in order. */
export const historyColumns: Column[] = [
  { key: 'seq', label: { zh: '日志序号', en: 'seq' }, kind: 'id', num: true },
  { key: 'at', label: { zh: '时间', en: 'at' }, kind: 'id', text: moment },
  { key: 'operator', label: { zh: '经办人', en: 'operator' }, kind: 'text' },
  { key: 'step', label: { zh: '步骤', en: 'step' }, kind: 'id', text: wordsText(STEP_LABELS) },
  { key: 'detail', label: { zh: '内容', en: 'detail' }, kind: 'text', wrap: 40 },
  { key: 'reason', label: { zh: '原因', en: 'reason' }, kind: 'text', wrap: 24 },
];

const REPORT_LABELS: Record<string, { zh: string; en: string }> = {
  sender: { zh: '来文单位', en: 'sender' },
  state: { zh: '状态', en: 'state' },
  timeliness: { zh: '办理时效', en: 'timeliness' },
  total: { zh: '合计', en: 'total' },
  onTime: { zh: '按期办结', en: 'handled on time' },
  late: { zh: '逾期办结', en: 'handled late' },
  noDeadline: { zh: '无时限办结', en: 'handled, no deadline' },
  openOverdue: { zh: '未办结已逾期', en: 'open and overdue' },
  received: { zh: '收文件数', en: 'received' },
  handled: { zh: '办结件数', en: 'handled' },
  averageDays: { zh: '平均办理天数', en: 'average handling days' },
  ...STATE_LABELS,
};

/** `incoming report`: (section, item, value) rows; JSON gives the report object instead. */
export const reportColumns: Column[] = [
  { key: 'section', label: { zh: '类别', en: 'section' }, kind: 'id', text: wordsText(REPORT_LABELS) },
  { key: 'item', label: { zh: '项目', en: 'item' }, kind: 'text', text: wordsText(REPORT_LABELS), wrap: 24 },
  { key: 'value', label: { zh: '数值', en: 'value' }, kind: 'text', num: true },
];
