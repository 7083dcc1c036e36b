/** The columns of the seal register: seals, requests, and the usage register (印章使用登记簿) in its paper order. */
import { label, wordsText, type Label } from '../../core/i18n.js';
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

export const wordText = wordsText(WORDS);

export const sealColumns: Column[] = [
  { key: 'code', label: { zh: '编号', en: 'code' }, kind: 'id' },
  { key: 'name', label: { zh: '名称', en: 'name' }, kind: 'text', wrap: 24 },
  { key: 'type', label: { zh: '类型', en: 'type' }, kind: 'id', text: wordText },
  { key: 'since', label: { zh: '启用日期', en: 'in use since' }, kind: 'id' },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: wordText },
  { key: 'custodian', label: { zh: '保管人', en: 'custodian' }, kind: 'text' },
  { key: 'location', label: { zh: '存放位置', en: 'location' }, kind: 'text', wrap: 20 },
  { key: 'holder', label: { zh: '借用人', en: 'borrower' }, kind: 'text' },
  { key: 'due', label: { zh: '应还日期', en: 'due back' }, kind: 'id' },
  { key: 'overdueDays', label: { zh: '逾期天数', en: 'days overdue' }, kind: 'id', num: true },
];

/** Line numbers as people read them: 2026-0001、2026-0003. */
function numberList(v: unknown): string {
  return Array.isArray(v) ? v.join('、') : String(v);
}

export const requestColumns: Column[] = [
  { key: 'number', label: { zh: '申请编号', en: 'number' }, kind: 'id' },
  { key: 'requestedOn', label: { zh: '申请日期', en: 'requested' }, kind: 'id' },
  { key: 'seal', label: { zh: '印章', en: 'seal' }, kind: 'text', wrap: 20 },
  { key: 'doc', label: { zh: '文件名称', en: 'document' }, kind: 'text', wrap: 28 },
  { key: 'unit', label: { zh: '用印单位', en: 'unit' }, kind: 'text', wrap: 14, spare: true },
  { key: 'purpose', label: { zh: '事由', en: 'purpose' }, kind: 'text', wrap: 20, spare: true },
  { key: 'count', label: { zh: '申请数', en: 'asked' }, kind: 'id', num: true },
  { key: 'approved', label: { zh: '批准数', en: 'approved' }, kind: 'id', num: true, spare: true },
  { key: 'stamped', label: { zh: '已用印', en: 'stamped' }, kind: 'id', num: true },
  { key: 'lines', label: { zh: '用印序号', en: 'lines' }, kind: 'text', text: numberList, spare: true },
  { key: 'voidedLines', label: { zh: '作废序号', en: 'voided lines' }, kind: 'text', text: numberList, spare: true },
  { key: 'approver', label: { zh: '批准人', en: 'approver' }, kind: 'text', spare: true },
  { key: 'requester', label: { zh: '申请人', en: 'requester' }, kind: 'text', spare: true },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: wordText },
];

/** 作废 beside a voided line's count (JSON: true/false), so the count stays a number every sum can skip by it. */
const VOIDED: Label = { zh: '作废', en: 'voided' };
const voidedText = (v: unknown) => (v === true ? label(VOIDED) : '');

/** 印章使用登记簿, in the paper order; 序号 is the line's number (2026-0012, restarting each year), by which a line is voided. */
export const bookColumns: Column[] = [
  { key: 'no', label: { zh: '序号', en: 'line' }, kind: 'id' },
  { key: 'stampedOn', label: { zh: '用印日期', en: 'date' }, kind: 'id' },
  { key: 'seal', label: { zh: '印章', en: 'seal' }, kind: 'text', wrap: 16 },
  { key: 'doc', label: { zh: '文件名称', en: 'document' }, kind: 'text', wrap: 24 },
  { key: 'unit', label: { zh: '用印单位', en: 'unit' }, kind: 'text', wrap: 12 },
  { key: 'purpose', label: { zh: '事由', en: 'purpose' }, kind: 'text', wrap: 16 },
  { key: 'count', label: { zh: '用印数量', en: 'copies' }, kind: 'id', num: true },
  { key: 'voided', label: VOIDED, kind: 'id', text: voidedText },
  { key: 'approver', label: { zh: '批准人', en: 'approved by' }, kind: 'text' },
  { key: 'handler', label: { zh: '经办人', en: 'handled by' }, kind: 'text' },
  { key: 'note', label: { zh: '备注', en: 'remarks' }, kind: 'text', wrap: 20 },
];

/** The export: the book's columns, then the void of each line as fields of their own for scripts and spreadsheets. */
export const exportColumns: Column[] = [
  ...bookColumns,
  { key: 'voidedOn', label: { zh: '作废日期', en: 'voided on' }, kind: 'id' },
  { key: 'voidReason', label: { zh: '作废原因', en: 'void reason' }, kind: 'text' },
  { key: 'voidApprover', label: { zh: '作废批准人', en: 'void approved by' }, kind: 'text' },
];

const REPORT_LABELS: Record<string, Label> = {
  seal: { zh: '按印章', en: 'by seal' },
  approver: { zh: '按批准人', en: 'by approver' },
  voided: VOIDED,
  lent: { zh: '外借', en: 'lent' },
  returned: { zh: '归还', en: 'returned' },
  overdue: { zh: '逾期未还', en: 'overdue' },
  handover: { zh: '移交', en: 'handover' },
  total: { zh: '合计', en: 'total' },
  stamped: { zh: '用印', en: 'stamped' },
  lostOrRetired: { zh: '遗失或停用', en: 'lost or retired' },
  ...WORDS,
};
const reportText = wordsText(REPORT_LABELS);

/** `seal report`: (section, item, count, copies, detail) rows; JSON gives the report object instead. */
export const reportColumns: Column[] = [
  { key: 'section', label: { zh: '类别', en: 'section' }, kind: 'id', text: reportText },
  { key: 'item', label: { zh: '项目', en: 'item' }, kind: 'text', text: reportText, wrap: 18 },
  { key: 'count', label: { zh: '次数', en: 'count' }, kind: 'id', num: true },
  { key: 'copies', label: { zh: '份数', en: 'copies' }, kind: 'id', num: true },
  { key: 'detail', label: { zh: '说明', en: 'detail' }, kind: 'text', wrap: 30 },
];
