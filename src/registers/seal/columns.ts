/** The columns of the seal register: seals, requests, and the usage register (印章使用登记簿) in its paper order. */
import { label, type Label } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';

/** Stored words (states, event kinds, types) and their English. */
export const WORDS: Record<string, Label> = {
  在用: { zh: '在用', en: 'in use' },
  外借: { zh: '外借', en: 'lent' },
  停用: { zh: '停用', en: 'retired' },
  封存: { zh: '封存', en: 'sealed away' },
  遗失: { zh: '遗失', en: 'lost' },
  销毁: { zh: '销毁', en: 'destroyed' },
  启用: { zh: '启用', en: 'taken into use' },
  移交: { zh: '移交', en: 'handover' },
  归还: { zh: '归还', en: 'returned' },
  待批准: { zh: '待批准', en: 'awaiting approval' },
  已批准: { zh: '已批准', en: 'approved' },
  部分用印: { zh: '部分用印', en: 'partly stamped' },
  已用印: { zh: '已用印', en: 'stamped' },
  已驳回: { zh: '已驳回', en: 'rejected' },
  已撤销: { zh: '已撤销', en: 'cancelled' },
  公章: { zh: '公章', en: 'official seal' },
  合同章: { zh: '合同章', en: 'contract seal' },
  财务章: { zh: '财务章', en: 'finance seal' },
  部门章: { zh: '部门章', en: 'department seal' },
  领导手章: { zh: '领导手章', en: "leader's seal" },
};

export const wordText = (v: unknown) => {
  const l = WORDS[String(v)];
  return l ? label(l) : String(v);
};

export const sealColumns: Column[] = [
  { key: 'code', label: { zh: '编号', en: 'code' } },
  { key: 'name', label: { zh: '名称', en: 'name' }, wrap: 24 },
  { key: 'type', label: { zh: '类型', en: 'type' }, text: wordText },
  { key: 'since', label: { zh: '启用日期', en: 'in use since' } },
  { key: 'state', label: { zh: '状态', en: 'state' }, text: wordText },
  { key: 'custodian', label: { zh: '保管人', en: 'custodian' } },
  { key: 'location', label: { zh: '存放位置', en: 'location' }, wrap: 20 },
  { key: 'holder', label: { zh: '借用人', en: 'borrower' } },
  { key: 'due', label: { zh: '应还日期', en: 'due back' } },
  { key: 'overdueDays', label: { zh: '逾期天数', en: 'days overdue' }, num: true },
];

export const requestColumns: Column[] = [
  { key: 'number', label: { zh: '申请编号', en: 'number' } },
  { key: 'requestedOn', label: { zh: '申请日期', en: 'requested' } },
  { key: 'seal', label: { zh: '印章', en: 'seal' }, wrap: 20 },
  { key: 'doc', label: { zh: '文件名称', en: 'document' }, wrap: 28 },
  { key: 'unit', label: { zh: '用印单位', en: 'unit' }, wrap: 14 },
  { key: 'purpose', label: { zh: '事由', en: 'purpose' }, wrap: 20 },
  { key: 'count', label: { zh: '申请数', en: 'asked' }, num: true },
  { key: 'approved', label: { zh: '批准数', en: 'approved' }, num: true },
  { key: 'stamped', label: { zh: '已用印', en: 'stamped' }, num: true },
  { key: 'approver', label: { zh: '批准人', en: 'approver' } },
  { key: 'requester', label: { zh: '申请人', en: 'requester' } },
  { key: 'state', label: { zh: '状态', en: 'state' }, text: wordText },
];

/** 印章使用登记簿, in the paper order. */
export const bookColumns: Column[] = [
  { key: 'stampedOn', label: { zh: '用印日期', en: 'date' } },
  { key: 'seal', label: { zh: '印章', en: 'seal' }, wrap: 16 },
  { key: 'doc', label: { zh: '文件名称', en: 'document' }, wrap: 24 },
  { key: 'unit', label: { zh: '用印单位', en: 'unit' }, wrap: 12 },
  { key: 'purpose', label: { zh: '事由', en: 'purpose' }, wrap: 16 },
  { key: 'count', label: { zh: '用印数量', en: 'copies' }, num: true },
  { key: 'approver', label: { zh: '批准人', en: 'approved by' } },
  { key: 'handler', label: { zh: '经办人', en: 'handled by' } },
  { key: 'note', label: { zh: '备注', en: 'remarks' }, wrap: 20 },
];
