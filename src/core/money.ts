/** Money as integer fen (分), typed and shown in yuan (元): one way for every register that keeps amounts. */
import type { Label } from './i18n.js';
import type { Column } from './output/render.js';
import { foldTyped } from './typed.js';

/**
 * Reads yuan (`12`, `12.5`, `12.50`, `¥0.05`, `3000元`, full-width `２５．５０`, at most 9999999.99)
 * as integer fen, without floats; null when the text is not such an amount.
 */
export function yuanToFen(text: string): number | null {
  const m = /^[¥￥]?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*(?:元)?$/.exec(foldTyped(text));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Fen as yuan text with two decimals: 123456 → `1234.56`, -5 → `-0.05`. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A money column: fen in the row (and in JSON), yuan as text in tables and TSV, as a number in CSV and .xlsx (shown 0.00); its label says 元. */
export function moneyColumn(key: string, l: Label, extra: Partial<Column> = {}): Column {
  return { key, label: { zh: `${l.zh}（元）`, en: `${l.en} (yuan)` }, kind: 'id', num: true, cell: 'money', text: (v) => formatYuan(Number(v)), as: { csv: (v) => (typeof v === 'number' ? v / 100 : v) }, ...extra };
}
