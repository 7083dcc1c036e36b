/** Money as integer fen (分), typed and shown in yuan (元): one way for every register that keeps amounts. */
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
