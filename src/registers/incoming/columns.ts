/** The columns of the incoming register: the list, and the paper book (print and export) in its paper order. */
import { label } from '../../core/i18n.js';
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

export const stateText = (v: unknown) => {
  const l = STATE_LABELS[String(v)];
  return l ? label(l) : String(v);
};

export const listColumns: Column[] = [
  { key: 'number', label: { zh: '收文编号', en: 'number' } },
  { key: 'receivedOn', label: { zh: '收文日期', en: 'received' } },
  { key: 'sender', label: { zh: '来文单位', en: 'sender' }, wrap: 16 },
  { key: 'senderNo', label: { zh: '文号', en: "sender's no." } },
  { key: 'title', label: { zh: '标题', en: 'title' }, wrap: 30 },
  { key: 'secret', label: { zh: '密级', en: 'classification' } },
  { key: 'urgency', label: { zh: '紧急程度', en: 'urgency' } },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, num: true },
  { key: 'deadline', label: { zh: '时限', en: 'deadline' } },
  { key: 'state', label: { zh: '状态', en: 'state' }, text: stateText },
];

/** 收文登记簿, in the paper order. */
export const bookColumns: Column[] = [
  { key: 'number', label: { zh: '收文编号', en: 'number' } },
  { key: 'receivedOn', label: { zh: '收文日期', en: 'received' } },
  { key: 'sender', label: { zh: '来文单位', en: 'sender' }, wrap: 14 },
  { key: 'senderNo', label: { zh: '文号', en: "sender's no." }, wrap: 24 },
  { key: 'title', label: { zh: '标题', en: 'title' }, wrap: 28 },
  { key: 'secret', label: { zh: '密级', en: 'classification' } },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, num: true },
  { key: 'pages', label: { zh: '页数', en: 'pages' }, num: true },
  { key: 'handling', label: { zh: '处理情况', en: 'handling' }, wrap: 16 },
];

/** The classified book adds the copy number (份号) after the classification. */
export const classifiedBookColumns: Column[] = [
  ...bookColumns.slice(0, 6),
  { key: 'copyNo', label: { zh: '份号', en: 'copy no.' } },
  ...bookColumns.slice(6),
];
