/**
 * The columns of the supplies register. Money columns hold integer fen under keys ending in
 * `Fen` (JSON gives those integers); tables and TSV show yuan with two decimals; CSV gets the
 * yuan as numbers (see moneyForFormat), so a negative amount is not taken for a formula.
 */
import { label, wordsText, type Label } from '../../core/i18n.js';
import type { Column, Format, Row } from '../../core/output/render.js';
import { formatYuan } from './valuation.js';

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

const moneyColumns = new WeakSet<Column>();

/** A money column: fen in the row, yuan on screen; its label says 元. */
function money(key: string, l: Label): Column {
  const c: Column = { key, label: { zh: `${l.zh}（元）`, en: `${l.en} (yuan)` }, num: true, text: (v) => formatYuan(Number(v)) };
  moneyColumns.add(c);
  return c;
}

/** For CSV, money columns become plain numbers in yuan; other formats keep the columns as they are. */
export function moneyForFormat(columns: Column[], rows: Row[], format: Format): { columns: Column[]; rows: Row[] } {
  if (format !== 'csv') return { columns, rows };
  const keys = columns.filter((c) => moneyColumns.has(c)).map((c) => c.key);
  return {
    columns: columns.map((c) => (moneyColumns.has(c) ? { key: c.key, label: c.label, num: true } : c)),
    rows: rows.map((r) => {
      const out = { ...r };
      for (const k of keys) if (typeof out[k] === 'number') out[k] = (out[k] as number) / 100;
      return out;
    }),
  };
}

const col = (key: string, zh: string, en: string, extra: Partial<Column> = {}): Column => ({ key, label: { zh, en }, ...extra });
const item = [col('item', '编号', 'item', { num: true }), col('name', '物品名称', 'name', { wrap: 16 }), col('spec', '规格', 'spec', { wrap: 14 }), col('unit', '单位', 'unit')];

export const itemColumns: Column[] = [
  ...item,
  col('category', '类别', 'category'),
  money('priceFen', { zh: '单价', en: 'price' }),
  col('reorder', '安全库存', 'reorder level', { num: true }),
  col('state', '状态', 'state', { text: word }),
];

export const stockColumns: Column[] = [
  ...item,
  col('category', '类别', 'category'),
  col('qty', '结存数量', 'on hand', { num: true }),
  money('valueFen', { zh: '结存金额', en: 'value' }),
  money('averageFen', { zh: '平均单价', en: 'average cost' }),
  col('reorder', '安全库存', 'reorder level', { num: true }),
  col('below', '低于安全库存', 'below reorder', { text: (v) => (v ? label({ zh: '是', en: 'yes' }) : '') }),
  col('toCome', '待到货', 'to come', { num: true }),
  col('lastCounted', '最近盘点', 'last counted'),
];

export const movementColumns: Column[] = [
  col('id', '序号', 'no.', { num: true }),
  col('date', '日期', 'date'),
  col('kind', '类别', 'kind', { text: word }),
  ...item,
  col('qty', '数量', 'qty', { num: true }),
  money('unitPriceFen', { zh: '单价', en: 'unit price' }),
  money('valueFen', { zh: '金额', en: 'value' }),
  col('balance', '结存', 'balance', { num: true }),
  col('dept', '部门', 'department'),
  col('person', '领用人', 'person'),
  col('approver', '批准人', 'approver'),
  col('supplier', '供应商', 'supplier', { wrap: 14 }),
  col('plan', '采购计划', 'plan'),
  col('stocktake', '盘点单', 'stocktake'),
  col('reason', '原因', 'reason', { wrap: 20 }),
  col('reverses', '冲销序号', 'reverses', { num: true }),
  col('reversedBy', '被冲销于', 'reversed by', { num: true }),
  col('operator', '经办人', 'operator'),
];

export const usageColumns: Column[] = [
  col('dept', '部门', 'department'),
  col('person', '领用人', 'person'),
  ...item,
  col('qty', '领用数量', 'qty', { num: true }),
  money('valueFen', { zh: '金额', en: 'value' }),
  col('times', '次数', 'times', { num: true }),
];

const pair = (key: string, zh: string, en: string): Column[] => [col(`${key}Qty`, `${zh}数量`, `${en} qty`, { num: true }), money(`${key}ValueFen`, { zh: `${zh}金额`, en: `${en} value` })];

/** 收发存汇总表: the month-end summary per item. */
export const reportColumns: Column[] = [
  ...item,
  ...pair('opening', '期初', 'opening'),
  ...pair('received', '入库', 'received'),
  ...pair('issued', '领用', 'issued'),
  ...pair('writtenOff', '报废', 'written off'),
  ...pair('adjusted', '盘点调整', 'adjusted'),
  ...pair('closing', '期末', 'closing'),
];

export const planColumns: Column[] = [
  col('number', '计划编号', 'plan'),
  col('drafted', '编制日期', 'drafted'),
  ...item,
  col('qty', '计划数量', 'qty', { num: true }),
  col('received', '已到货', 'received', { num: true }),
  col('toCome', '待到货', 'to come', { num: true }),
  money('estimateFen', { zh: '预算金额', en: 'estimate' }),
  col('neededBy', '需用日期', 'needed by'),
  col('state', '状态', 'state', { text: word }),
  col('approver', '批准人', 'approver'),
  col('reason', '事由', 'reason', { wrap: 20 }),
];

export const suggestColumns: Column[] = [
  ...item,
  col('qty', '结存数量', 'on hand', { num: true }),
  col('reorder', '安全库存', 'reorder level', { num: true }),
  col('toCome', '待到货', 'to come', { num: true }),
  col('proposed', '建议采购', 'proposed', { num: true }),
  money('estimateFen', { zh: '预算金额', en: 'estimate' }),
];

export const diffColumns: Column[] = [
  ...item,
  col('book', '账面数', 'book', { num: true }),
  col('counted', '实盘数', 'counted', { num: true }),
  col('difference', '差异', 'difference', { num: true }),
  money('valueFen', { zh: '差异金额', en: 'value' }),
  col('result', '结果', 'result', { text: word }),
];

/** The count sheet; its CSV can be filled in and imported back (columns 编号/item and 实盘数/counted). */
export const sheetColumns: Column[] = [
  ...item,
  col('book', '账面数', 'book', { num: true }),
  col('counted', '实盘数', 'counted', { num: true }),
  col('difference', '差异', 'difference', { num: true }),
  col('note', '备注', 'note'),
];

export const stocktakeColumns: Column[] = [
  col('number', '盘点单号', 'count'),
  col('date', '盘点日期', 'date'),
  col('counter', '盘点人', 'counter'),
  col('witness', '监盘人', 'witness'),
  col('scope', '范围', 'scope', { text: word }),
  col('state', '状态', 'state', { text: word }),
  col('items', '品种数', 'items', { num: true }),
  col('differences', '差异数', 'differences', { num: true }),
  col('reason', '原因', 'reason', { wrap: 20 }),
];
