/** The columns of the archive register: lists, the 归档文件目录 and the 借阅登记簿 in their paper order. */
import { label, wordsText, type Label } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';

/** Stored words (the domain's Chinese) and their English. */
export const WORDS: Record<string, Label> = {
  在库: { zh: '在库', en: 'on the shelf' },
  借出: { zh: '借出', en: 'out on loan' },
  作废: { zh: '作废', en: 'void' },
  在借: { zh: '在借', en: 'out' },
  逾期: { zh: '逾期', en: 'overdue' },
  已归还: { zh: '已归还', en: 'returned' },
  完好: { zh: '完好', en: 'intact' },
  破损: { zh: '破损', en: 'damaged' },
  缺页: { zh: '缺页', en: 'pages missing' },
  现场阅览: { zh: '现场阅览', en: 'on site' },
  外借: { zh: '外借', en: 'lent' },
  缺失: { zh: '缺失', en: 'missing (not on the shelf, not on loan)' },
  借出在架: { zh: '借出在架', en: 'on the shelf but recorded as out' },
  作废在架: { zh: '作废在架', en: 'on the shelf but voided' },
  未登记: { zh: '未登记', en: 'not in the catalogue' },
  Y: { zh: '永久', en: 'permanent' },
  D30: { zh: '定期30年', en: '30 years' },
  D10: { zh: '定期10年', en: '10 years' },
};

export const wordText = wordsText(WORDS);

export const itemColumns: Column[] = [
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'date', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'docNo', label: { zh: '文号', en: 'doc no.' }, kind: 'text', wrap: 16 },
  { key: 'author', label: { zh: '责任者', en: 'author' }, kind: 'text', wrap: 14 },
  { key: 'title', label: { zh: '题名', en: 'title' }, kind: 'text', wrap: 30 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id', num: true },
  { key: 'box', label: { zh: '盒号', en: 'box' }, kind: 'id' },
  { key: 'location', label: { zh: '存放位置', en: 'location' }, kind: 'text' },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: wordText },
  { key: 'loanNo', label: { zh: '借阅编号', en: 'loan' }, kind: 'id' },
];

/** 归档文件目录 (DA/T 22-2015), plus 盒号 and 存放位置. */
export const catalogColumns: Column[] = [
  { key: 'seq', label: { zh: '序号', en: 'no.' }, kind: 'id', num: true },
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'docNo', label: { zh: '文号', en: 'doc no.' }, kind: 'text', wrap: 16 },
  { key: 'author', label: { zh: '责任者', en: 'author' }, kind: 'text', wrap: 14 },
  { key: 'title', label: { zh: '题名', en: 'title' }, kind: 'text', wrap: 28 },
  { key: 'date', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'pages', label: { zh: '页数', en: 'pages' }, kind: 'id', num: true },
  { key: 'remarks', label: { zh: '备注', en: 'remarks' }, kind: 'text', wrap: 16 },
  { key: 'box', label: { zh: '盒号', en: 'box' }, kind: 'id' },
  { key: 'location', label: { zh: '存放位置', en: 'location' }, kind: 'text' },
];

export const loanColumns: Column[] = [
  { key: 'loanNo', label: { zh: '借阅编号', en: 'loan' }, kind: 'id' },
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'title', label: { zh: '题名', en: 'title' }, kind: 'text', wrap: 24 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id', spare: true },
  { key: 'borrower', label: { zh: '借阅人', en: 'borrower' }, kind: 'text' },
  { key: 'dept', label: { zh: '部门', en: 'department' }, kind: 'text', spare: true },
  { key: 'lentOn', label: { zh: '借阅日期', en: 'lent' }, kind: 'id', spare: true },
  { key: 'due', label: { zh: '应还日期', en: 'due' }, kind: 'id' },
  { key: 'use', label: { zh: '方式', en: 'use' }, kind: 'id', text: wordText, spare: true },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: wordText },
  { key: 'daysOverdue', label: { zh: '逾期天数', en: 'days overdue' }, kind: 'id', num: true, spare: true },
  { key: 'returnedOn', label: { zh: '归还日期', en: 'returned' }, kind: 'id', spare: true },
  { key: 'condition', label: { zh: '归还情况', en: 'condition' }, kind: 'id', text: wordText, spare: true },
  { key: 'damaged', label: { zh: '标记', en: 'flag' }, kind: 'id', text: (v) => (v ? label({ zh: '有损', en: 'DAMAGED' }) : ''), spare: true },
];

/** 借阅登记簿, in the paper order. */
export const loanBookColumns: Column[] = [
  { key: 'lentOn', label: { zh: '借阅日期', en: 'lent' }, kind: 'id' },
  { key: 'borrower', label: { zh: '借阅人', en: 'borrower' }, kind: 'text' },
  { key: 'dept', label: { zh: '部门', en: 'department' }, kind: 'text', wrap: 10 },
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'title', label: { zh: '题名', en: 'title' }, kind: 'text', wrap: 24 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'purpose', label: { zh: '事由', en: 'purpose' }, kind: 'text', wrap: 14 },
  { key: 'approver', label: { zh: '审批人', en: 'approved by' }, kind: 'text', wrap: 16 },
  { key: 'due', label: { zh: '应还日期', en: 'due' }, kind: 'id' },
  { key: 'returnedOn', label: { zh: '归还日期', en: 'returned' }, kind: 'id' },
  { key: 'returnNote', label: { zh: '归还情况', en: 'condition on return' }, kind: 'text', wrap: 16 },
];

export const checkColumns: Column[] = [
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'finding', label: { zh: '差异', en: 'difference' }, kind: 'id', text: wordText },
  { key: 'loanNo', label: { zh: '借阅编号', en: 'loan' }, kind: 'id' },
  { key: 'line', label: { zh: '清单行号', en: 'line in list' }, kind: 'id', num: true },
];

/** 催还 notices as rows, for a mail merge. */
export const noticeColumns: Column[] = [
  { key: 'noticeDate', label: { zh: '催还日期', en: 'notice date' }, kind: 'id' },
  { key: 'borrower', label: { zh: '借阅人', en: 'borrower' }, kind: 'text' },
  { key: 'dept', label: { zh: '部门', en: 'department' }, kind: 'text' },
  { key: 'loanNo', label: { zh: '借阅编号', en: 'loan' }, kind: 'id' },
  { key: 'archiveNo', label: { zh: '档号', en: 'archive no.' }, kind: 'id' },
  { key: 'title', label: { zh: '题名', en: 'title' }, kind: 'text' },
  { key: 'lentOn', label: { zh: '借阅日期', en: 'lent' }, kind: 'id' },
  { key: 'due', label: { zh: '应还日期', en: 'due' }, kind: 'id' },
  { key: 'daysOverdue', label: { zh: '逾期天数', en: 'days overdue' }, kind: 'id', num: true },
  { key: 'reminderNo', label: { zh: '催还次数', en: 'reminder no.' }, kind: 'id', num: true },
];

/** 更正 in `archive show`: one row per field a correction changed. */
export const correctionColumns: Column[] = [
  { key: 'correction', label: { zh: '更正', en: 'correction' }, kind: 'id', num: true },
  { key: 'field', label: { zh: '项目', en: 'field' }, kind: 'id', text: (v) => label(FIELD_LABELS[String(v)] ?? { zh: String(v), en: String(v) }) },
  { key: 'from', label: { zh: '原著录', en: 'was' }, kind: 'text', wrap: 30 },
  { key: 'to', label: { zh: '更正为', en: 'now' }, kind: 'text', wrap: 30 },
  { key: 'reason', label: { zh: '原因', en: 'reason' }, kind: 'text', wrap: 30 },
];

const FIELD_LABELS: Record<string, Label> = {
  title: { zh: '题名', en: 'title' },
  author: { zh: '责任者', en: 'author' },
  docNo: { zh: '文号', en: 'doc no.' },
  date: { zh: '日期', en: 'date' },
  secret: { zh: '密级', en: 'classification' },
  pages: { zh: '页数', en: 'pages' },
  box: { zh: '盒号', en: 'box' },
  location: { zh: '存放位置', en: 'location' },
  note: { zh: '备注', en: 'remarks' },
};

/** What each journal action of the archive means, as `archive show` lists an item's history. */
export const JOURNAL_ACTIONS: Record<string, Label> = {
  file: { zh: '归档', en: 'filed' },
  correct: { zh: '更正', en: 'corrected' },
  void: { zh: '作废', en: 'voided' },
  lend: { zh: '借出', en: 'lent' },
  renew: { zh: '续借', en: 'renewed' },
  return: { zh: '归还', en: 'returned' },
  remind: { zh: '催还', en: 'reminded' },
};

const REPORT_LABELS: Record<string, Label> = {
  retention: { zh: '保管期限', en: 'retention' },
  medium: { zh: '载体', en: 'carrier' },
  source: { zh: '来源', en: 'source' },
  incoming: { zh: '收文', en: 'incoming' },
  outgoing: { zh: '发文', en: 'outgoing' },
  meeting: { zh: '会议', en: 'meeting' },
  hand: { zh: '手工录入', en: 'by hand' },
  lent: { zh: '借出', en: 'lent' },
  returned: { zh: '归还', en: 'returned' },
  overdue: { zh: '逾期未还', en: 'overdue' },
  check: { zh: '清点核对', en: 'check' },
  differences: { zh: '差异', en: 'differences' },
  void: { zh: '作废', en: 'void' },
  correction: { zh: '更正', en: 'correction' },
  filed: { zh: '归档', en: 'filed' },
  total: { zh: '合计', en: 'total' },
  纸质: { zh: '纸质', en: 'paper' },
  电子: { zh: '电子', en: 'electronic' },
  照片: { zh: '照片', en: 'photo' },
  实物: { zh: '实物', en: 'object' },
  Y: WORDS.Y!,
  D30: WORDS.D30!,
  D10: WORDS.D10!,
};
const reportText = wordsText(REPORT_LABELS);

/** `archive report`: (section, item, count, detail) rows; JSON gives the report object instead. */
export const reportColumns: Column[] = [
  { key: 'section', label: { zh: '类别', en: 'section' }, kind: 'id', text: reportText },
  { key: 'item', label: { zh: '项目', en: 'item' }, kind: 'text', text: reportText, wrap: 25 },
  { key: 'count', label: { zh: '数量', en: 'count' }, kind: 'id', num: true },
  { key: 'detail', label: { zh: '说明', en: 'detail' }, kind: 'text', wrap: 26 },
];
