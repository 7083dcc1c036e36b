/** The columns of the relay register: the list, the paper book (信息传达登记簿), confirmations, the report. */
import { shortMoment } from '../../core/dates.js';
import { wordsText, yesNo } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';

/** States and directions are stored (or computed) as the register's own words; English shows a translation. */
export const STATE_LABELS: Record<string, { zh: string; en: string }> = {
  已传达: { zh: '已传达', en: 'passed on' },
  待确认: { zh: '待确认', en: 'unconfirmed' },
  已确认: { zh: '已确认', en: 'confirmed' },
  待报送: { zh: '待报送', en: 'to send' },
  已报送: { zh: '已报送', en: 'sent' },
  作废: { zh: '作废', en: 'void' },
};

export const DIRECTION_LABELS: Record<string, { zh: string; en: string }> = {
  下达: { zh: '下达', en: 'down' },
  上报: { zh: '上报', en: 'up' },
};

export const CHANNEL_LABELS: Record<string, { zh: string; en: string }> = {
  电话: { zh: '电话', en: 'phone' },
  口头: { zh: '口头', en: 'word of mouth' },
  短信: { zh: '短信', en: 'text message' },
  会议: { zh: '会议', en: 'meeting' },
  文件: { zh: '文件', en: 'document' },
  机要: { zh: '机要', en: 'confidential courier' },
  专人: { zh: '专人', en: 'by hand' },
};

/** What the journal's actions read as in `show`. */
export const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  down: { zh: '下达登记', en: 'passed down' },
  up: { zh: '上报登记', en: 'reported up' },
  confirm: { zh: '确认', en: 'confirmed' },
  sent: { zh: '报送', en: 'sent' },
  void: { zh: '作废', en: 'voided' },
  reveal: { zh: '显示涉密内容', en: 'revealed' },
};

export const stateText = wordsText(STATE_LABELS);
const directionText = wordsText(DIRECTION_LABELS);
const channelText = wordsText(CHANNEL_LABELS);
const moment = (v: unknown) => shortMoment(String(v));

export const listColumns: Column[] = [
  { key: 'number', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'on', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'direction', label: { zh: '方向', en: 'way' }, kind: 'id', text: directionText },
  { key: 'party', label: { zh: '来源/去向', en: 'from/to' }, kind: 'text', wrap: 14 },
  { key: 'channel', label: { zh: '渠道', en: 'channel' }, kind: 'id', text: channelText, spare: true },
  { key: 'summary', label: { zh: '内容要点', en: 'main points' }, kind: 'text', wrap: 30 },
  { key: 'recipients', label: { zh: '传达范围', en: 'passed on to' }, kind: 'text', wrap: 20, spare: true },
  { key: 'confirmed', label: { zh: '确认', en: 'confirmed' }, kind: 'id' },
  { key: 'late', label: { zh: '逾期确认', en: 'late' }, kind: 'id', num: true, spare: true },
  { key: 'due', label: { zh: '期限', en: 'due' }, kind: 'id', spare: true },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: stateText },
];

/** 信息传达登记簿, in the paper order. */
export const bookColumns: Column[] = [
  { key: 'number', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'on', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'direction', label: { zh: '方向', en: 'way' }, kind: 'id', text: directionText },
  { key: 'party', label: { zh: '来源/去向', en: 'from/to' }, kind: 'text', wrap: 12 },
  { key: 'channel', label: { zh: '渠道', en: 'channel' }, kind: 'id', text: channelText },
  { key: 'summary', label: { zh: '内容要点', en: 'main points' }, kind: 'text', wrap: 24 },
  { key: 'recipients', label: { zh: '传达范围', en: 'passed on to' }, kind: 'text', wrap: 16 },
  { key: 'confirmation', label: { zh: '确认情况', en: 'confirmation' }, kind: 'text', wrap: 20 },
];

/** The classified book adds the classification after the channel. */
export const classifiedBookColumns: Column[] = [...bookColumns.slice(0, 5), { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' }, ...bookColumns.slice(5)];

/** `show`: who confirmed and when. */
export const confirmationColumns: Column[] = [
  { key: 'person', label: { zh: '确认人', en: 'person' }, kind: 'text' },
  { key: 'at', label: { zh: '确认时间', en: 'at' }, kind: 'id', text: moment },
  { key: 'late', label: { zh: '逾期', en: 'late' }, kind: 'id', text: yesNo },
];

/** `show`: the entry's fields beyond the list's. */
export const moreColumns: Column[] = [
  { key: 'at', label: { zh: '时间', en: 'time' }, kind: 'id', text: moment },
  { key: 'caller', label: { zh: '来电人', en: 'caller' }, kind: 'text' },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'circle', label: { zh: '知悉范围', en: 'circle' }, kind: 'text' },
  { key: 'important', label: { zh: '重要', en: 'important' }, kind: 'id', text: yesNo },
  { key: 'confirmBy', label: { zh: '确认期限', en: 'confirm by' }, kind: 'id' },
  { key: 'deadline', label: { zh: '报送时限', en: 'report by' }, kind: 'id' },
  { key: 'sentAt', label: { zh: '报送时间', en: 'sent at' }, kind: 'id', text: moment },
  { key: 'unconfirmed', label: { zh: '未确认', en: 'not confirmed' }, kind: 'text' },
  { key: 'note', label: { zh: '备注', en: 'note' }, kind: 'text' },
  { key: 'voidReason', label: { zh: '作废原因', en: 'void because' }, kind: 'text' },
];

const REPORT_LABELS: Record<string, { zh: string; en: string }> = {
  down: { zh: '下达', en: 'passed down' },
  important: { zh: '其中重要', en: 'of which important' },
  allConfirmed: { zh: '全部确认', en: 'confirmed by everyone' },
  confirmations: { zh: '确认人次', en: 'confirmations' },
  lateConfirmations: { zh: '逾期确认人次', en: 'late confirmations' },
  missing: { zh: '尚未确认人次', en: 'confirmations missing' },
  up: { zh: '上报', en: 'reported up' },
  sentOnTime: { zh: '按时报送', en: 'sent on time' },
  sentLate: { zh: '逾期报送', en: 'sent late' },
  pending: { zh: '待报送', en: 'to be sent' },
  void: { zh: '作废', en: 'void' },
};

/** `relay report`: one measure a row; JSON gives the report object instead. */
export const reportColumns: Column[] = [
  { key: 'item', label: { zh: '项目', en: 'item' }, kind: 'id', text: wordsText(REPORT_LABELS) },
  { key: 'value', label: { zh: '数量', en: 'count' }, kind: 'id', num: true },
];

/** `relay report`: the late confirmations of the month, one a row. */
export const lateColumns: Column[] = [
  { key: 'number', label: { zh: '编号', en: 'number' }, kind: 'id' },
  { key: 'person', label: { zh: '确认人', en: 'person' }, kind: 'text' },
  { key: 'confirmBy', label: { zh: '确认期限', en: 'confirm by' }, kind: 'id' },
  { key: 'at', label: { zh: '确认时间', en: 'confirmed at' }, kind: 'id', text: moment },
];
