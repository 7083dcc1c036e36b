/** The columns of the outgoing register: the list, and the 发文登记簿 (print and export) in its paper order. */
import { wordsText, type Label } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';

/** States are stored as the register's own words; English shows a translation. */
export const STATE_LABELS: Record<string, Label> = {
  拟稿: { zh: '拟稿', en: 'draft' },
  退回修改: { zh: '退回修改', en: 'returned for revision' },
  已审核: { zh: '已审核', en: 'reviewed' },
  已签发: { zh: '已签发', en: 'signed off' },
  已编号: { zh: '已编号', en: 'numbered' },
  已印制: { zh: '已印制', en: 'printed' },
  已用印: { zh: '已用印', en: 'stamped' },
  已分发: { zh: '已分发', en: 'dispatched' },
};

/** The steps, as stored in events and named in messages. */
export const STEP_WORDS: Record<string, Label> = {
  审核: { zh: '审核', en: 'review' },
  退回: { zh: '退回', en: 'returned' },
  签发: { zh: '签发', en: 'sign-off' },
  编号: { zh: '编号', en: 'numbering' },
  文号作废: { zh: '文号作废', en: 'number voided' },
  印制: { zh: '印制', en: 'printing' },
  用印: { zh: '用印', en: 'sealing' },
  分发: { zh: '分发', en: 'dispatch' },
  回执: { zh: '回执', en: 'receipt' },
};

/** 紧急程度 (--urgency), typed as stored or in English. */
export const URGENCY_LABELS: Record<string, Label> = {
  特急: { zh: '特急', en: 'extra urgent' },
  加急: { zh: '加急', en: 'urgent' },
};

export const VIA_LABELS: Record<string, Label> = {
  机要: { zh: '机要', en: 'confidential courier' },
  邮寄: { zh: '邮寄', en: 'post' },
  专人: { zh: '专人', en: 'by hand' },
  电子: { zh: '电子', en: 'electronic' },
  传真: { zh: '传真', en: 'fax' },
};

/** The journal actions of `history`. */
export const ACTION_LABELS: Record<string, Label> = {
  draft: { zh: '拟稿', en: 'draft' },
  review: { zh: '审核', en: 'review' },
  return: { zh: '退回', en: 'return' },
  sign: { zh: '签发', en: 'sign-off' },
  number: { zh: '编号', en: 'number' },
  'void-number': { zh: '文号作废', en: 'void number' },
  'print-run': { zh: '印制', en: 'print run' },
  seal: { zh: '用印', en: 'seal' },
  link: { zh: '关联', en: 'link' },
  dispatch: { zh: '分发', en: 'dispatch' },
  'dispatch-copy': { zh: '分发份号', en: 'dispatch copy' },
  receipt: { zh: '回执', en: 'receipt' },
  reveal: { zh: '查看涉密', en: 'reveal' },
};

export const stateText = wordsText(STATE_LABELS);
export const viaText = wordsText(VIA_LABELS);

export const listColumns: Column[] = [
  { key: 'draftNo', label: { zh: '拟稿编号', en: 'draft' }, kind: 'id' },
  { key: 'docNo', label: { zh: '发文字号', en: 'number' }, kind: 'id' },
  { key: 'draftedOn', label: { zh: '拟稿日期', en: 'drafted' }, kind: 'id', spare: true },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 30 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id', spare: true },
  { key: 'drafter', label: { zh: '拟稿人', en: 'drafter' }, kind: 'text', spare: true },
  { key: 'state', label: { zh: '状态', en: 'state' }, kind: 'id', text: stateText },
];

/** 发文登记簿, in the paper order: one line per number given, a voided one in place. */
export const bookColumns: Column[] = [
  { key: 'docNo', label: { zh: '发文字号', en: 'number' }, kind: 'id' },
  { key: 'signedOn', label: { zh: '成文日期', en: 'dated' }, kind: 'id' },
  { key: 'title', label: { zh: '标题', en: 'title' }, kind: 'text', wrap: 24 },
  { key: 'mainTo', label: { zh: '主送', en: 'to' }, kind: 'text', wrap: 12 },
  { key: 'secret', label: { zh: '密级', en: 'classification' }, kind: 'id' },
  { key: 'urgency', label: { zh: '紧急程度', en: 'urgency' }, kind: 'id' },
  { key: 'signer', label: { zh: '签发人', en: 'signed by' }, kind: 'text' },
  { key: 'copies', label: { zh: '印制份数', en: 'copies' }, kind: 'id', num: true },
  { key: 'dept', label: { zh: '拟稿单位', en: 'department' }, kind: 'text', wrap: 10 },
  { key: 'drafter', label: { zh: '拟稿人', en: 'drafter' }, kind: 'text' },
  { key: 'dispatch', label: { zh: '分发情况', en: 'dispatch' }, kind: 'text', wrap: 20 },
];

/** The lines of the dispatch section of `show`. */
export const dispatchColumns: Column[] = [
  { key: 'to', label: { zh: '收文单位', en: 'to' }, kind: 'text' },
  { key: 'via', label: { zh: '方式', en: 'via' }, kind: 'id', text: viaText },
  { key: 'on', label: { zh: '分发日期', en: 'sent' }, kind: 'id' },
  { key: 'copyNos', label: { zh: '份号', en: 'copy nos.' }, kind: 'text' },
  { key: 'receiptOn', label: { zh: '回执日期', en: 'receipt' }, kind: 'id' },
];

const REPORT_BY: Record<string, Label> = { prefix: { zh: '机关代字', en: 'issuer code' }, type: { zh: '文种', en: 'type' }, state: { zh: '状态', en: 'state' } };

/** `report`: one row per 代字, 文种 and state, with its count. */
export const reportColumns: Column[] = [
  { key: 'by', label: { zh: '分类', en: 'by' }, kind: 'id', text: wordsText(REPORT_BY) },
  { key: 'key', label: { zh: '项目', en: 'item' }, kind: 'text', text: (v) => stateText(v) },
  { key: 'count', label: { zh: '文号数', en: 'numbers' }, kind: 'id', num: true },
];

export const voidedColumns: Column[] = [
  { key: 'number', label: { zh: '作废文号', en: 'voided number' }, kind: 'id' },
  { key: 'on', label: { zh: '作废日期', en: 'voided on' }, kind: 'id' },
  { key: 'reason', label: { zh: '原因', en: 'reason' }, kind: 'text', wrap: 40 },
];
