/**
 * The columns of the supplies register. Money columns hold integer fen under keys ending in
 * `Fen` (JSON gives those integers); tables and TSV show yuan with two decimals; CSV gets the
 * yuan as numbers (the column's `as.csv`), so a negative amount is not taken for a formula.
 */
import { label, wordsText, type Label } from '../../core/i18n.js';
import { moneyColumn } from '../../core/money.js';
import type { Column } from '../../core/output/render.js';

export const WORDS: Record<string, Label> = {
  入库: { zh: '入库', en: 'receipt' },
  领用: { zh: '领用', en: 'issue' },
  报废: { zh: '报废', en: 'write-off' },
  盘点调整: { zh: '盘点调整', en: 'adjustment' },
  冲销: { zh: '冲销', en: 'reversal' },
  在用: { zh: '在用', en: 'in use' },
  停用: { zh: '停用', en: 'retired' },
  草拟: { zh: '草拟', en: 'draft' },
  已批准: { zh: '已批准', en: 'approved' },
  已完成: { zh: '已完成', en: 'fulfilled' },
  已取消: { zh: '已取消', en: 'cancelled' },
  进行中: { zh: '进行中', en: 'open' },
  已结束: { zh: '已结束', en: 'closed' },
  相符: { zh: '相符', en: 'match' },
  盘盈: { zh: '盘盈', en: 'surplus' },
  盘亏: { zh: '盘亏', en: 'shortage' },
  未盘: { zh: '未盘', en: 'not counted' },
  全部: { zh: '全部', en: 'all' },
  部分: { zh: '部分', en: 'some' },
};

/** A stored domain word in the current language. */
export const word = wordsText(WORDS);

const money = moneyColumn;

const col = (key: string, zh: string, en: string, kind: Column['kind'], extra: Partial<Column> = {}): Column => ({ key, label: { zh, en }, kind, ...extra });
const item = [col('item', '编号', 'item', 'id', { num: true }), col('name', '物品名称', 'name', 'text', { wrap: 16 }), col('spec', '规格', 'spec', 'text', { wrap: 14 }), col('unit', '单位', 'unit', 'id')];

export const itemColumns: Column[] = [
  ...item,
  col('category', '类别', 'category', 'text'),
  money('priceFen', { zh: '单价', en: 'price' }),
  col('reorder', '安全库存', 'reorder level', 'id', { num: true }),
  col('state', '状态', 'state', 'id', { text: word }),
];

export const stockColumns: Column[] = [
  ...item,
  col('category', '类别', 'category', 'text'),
  col('qty', '结存数量', 'on hand', 'id', { num: true }),
  money('valueFen', { zh: '结存金额', en: 'value' }),
  money('averageFen', { zh: '平均单价', en: 'average cost' }),
  col('reorder', '安全库存', 'reorder level', 'id', { num: true }),
  col('below', '低于安全库存', 'below reorder', 'id', { text: (v) => (v ? label({ zh: '是', en: 'yes' }) : '') }),
  col('toCome', '待到货', 'to come', 'id', { num: true }),
  col('lastCounted', '最近盘点', 'last counted', 'id'),
];

export const movementColumns: Column[] = [
  col('no', '序号', 'no.', 'id'),
  col('date', '日期', 'date', 'id'),
  col('kind', '类别', 'kind', 'id', { text: word }),
  ...item.map((c) => (c.key === 'item' || c.key === 'spec' ? { ...c, spare: true } : c)),
  col('qty', '数量', 'qty', 'id', { num: true }),
  money('unitPriceFen', { zh: '单价', en: 'unit price' }, { spare: true }),
  money('valueFen', { zh: '金额', en: 'value' }, { spare: true }),
  col('balance', '结存', 'balance', 'id', { num: true }),
  col('dept', '部门', 'department', 'text'),
  col('person', '领用人', 'person', 'text'),
  col('approver', '批准人', 'approver', 'text', { spare: true }),
  col('supplier', '供应商', 'supplier', 'text', { spare: true, wrap: 14 }),
  col('plan', '采购计划', 'plan', 'id', { spare: true }),
  col('stocktake', '盘点单', 'stocktake', 'id', { spare: true }),
  col('reason', '原因', 'reason', 'text', { wrap: 20 }),
  col('reverses', '冲销序号', 'reverses', 'id', { spare: true }),
  col('reversedBy', '被冲销于', 'reversed by', 'id', { spare: true }),
  col('operator', '经办人', 'operator', 'text', { spare: true }),
];

export const usageColumns: Column[] = [
  col('dept', '部门', 'department', 'text'),
  col('person', '领用人', 'person', 'text'),
  ...item,
  col('qty', '领用数量', 'qty', 'id', { num: true }),
  money('valueFen', { zh: '金额', en: 'value' }),
  col('times', '次数', 'times', 'id', { num: true }),
];

const pair = (key: string, zh: string, en: string): Column[] => [col(`${key}Qty`, `${zh}数量`, `${en} qty`, 'id', { num: true }), money(`${key}ValueFen`, { zh: `${zh}金额`, en: `${en} value` })];

/** 收发存汇总表: the month-end summary per item. */
export const reportColumns: Column[] = [
  ...item,
  ...pair('opening', '期初', 'opening'),
  ...pair('received', '入库', 'received'),
  ...pair('issued', '领用', 'issued'),
  ...pair('writtenOff', '报废', 'written off'),
  ...pair('adjusted', '盘点调整', 'adjusted'),
  ...pair('closing', '期末', 'closing'),
  col('unplanned', '计划外入库笔数', 'received unplanned', 'id', { num: true, spare: true }),
];

export const planColumns: Column[] = [
  col('number', '计划编号', 'plan', 'id'),
  col('drafted', '编制日期', 'drafted', 'id'),
  ...item,
  col('qty', '计划数量', 'qty', 'id', { num: true }),
  col('received', '已到货', 'received', 'id', { num: true }),
  col('toCome', '待到货', 'to come', 'id', { num: true }),
  money('estimateFen', { zh: '预算金额', en: 'estimate' }),
  col('neededBy', '需用日期', 'needed by', 'id'),
  col('state', '状态', 'state', 'id', { text: word }),
  col('approver', '批准人', 'approver', 'text'),
  col('reason', '事由', 'reason', 'text', { wrap: 20 }),
];

export const suggestColumns: Column[] = [
  ...item,
  col('qty', '结存数量', 'on hand', 'id', { num: true }),
  col('reorder', '安全库存', 'reorder level', 'id', { num: true }),
  col('toCome', '待到货', 'to come', 'id', { num: true }),
  col('proposed', '建议采购', 'proposed', 'id', { num: true }),
  money('estimateFen', { zh: '预算金额', en: 'estimate' }),
];

export const diffColumns: Column[] = [
  ...item,
  col('book', '账面数', 'book', 'id', { num: true }),
  col('counted', '实盘数', 'counted', 'id', { num: true }),
  col('difference', '差异', 'difference', 'id', { num: true }),
  money('valueFen', { zh: '差异金额', en: 'value' }),
  col('result', '结果', 'result', 'id', { text: word }),
];

/** The count sheet; its CSV can be filled in and imported back (columns 编号/item and 实盘数/counted). */
export const sheetColumns: Column[] = [
  ...item,
  col('book', '账面数', 'book', 'id', { num: true }),
  col('counted', '实盘数', 'counted', 'id', { num: true }),
  col('difference', '差异', 'difference', 'id', { num: true }),
  col('note', '备注', 'note', 'text'),
];

export const stocktakeColumns: Column[] = [
  col('number', '盘点单号', 'count', 'id'),
  col('date', '盘点日期', 'date', 'id'),
  col('counter', '盘点人', 'counter', 'text'),
  col('witness', '监盘人', 'witness', 'text'),
  col('scope', '范围', 'scope', 'id', { text: word }),
  col('state', '状态', 'state', 'id', { text: word }),
  col('items', '品种数', 'items', 'id', { num: true }),
  col('differences', '差异数', 'differences', 'id', { num: true }),
  col('reason', '原因', 'reason', 'text', { wrap: 20 }),
];
