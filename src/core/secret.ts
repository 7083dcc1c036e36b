/**
 * Classification (密级★保密期限) and copy numbers (份号), shared by every register that keeps
 * classified entries. Limits: 绝密 ≤ 30 years, 机密 ≤ 20, 秘密 ≤ 10; 长期 only for 绝密.
 */
import { usageError } from './errors.js';

export const LEVELS = ['秘密', '机密', '绝密'] as const;
export type Level = (typeof LEVELS)[number];
export const MAX_YEARS: Record<Level, number> = { 秘密: 10, 机密: 20, 绝密: 30 };

export interface Classification {
  level: Level;
  /** `5年`, `6个月`, `长期`, or null when the document gives no period. */
  period: string | null;
}

/** Parses `秘密★5年`, `秘密★6个月`, `机密`, `绝密★长期` (an ASCII `*` may stand for ★). */
export function parseClassification(text: string): Classification {
  const m = /^\s*(秘密|机密|绝密)\s*(?:[★*]\s*(?:(\d{1,2})\s*年|(长期)|(\d{1,3})\s*(?:个月|月)))?\s*$/.exec(text);
  if (!m) throw usageError('secret.invalid', { value: text });
  const level = m[1] as Level;
  if (m[3]) {
    if (level !== '绝密') throw usageError('secret.longTerm', { value: text });
    return { level, period: '长期' };
  }
  if (m[2] !== undefined || m[4] !== undefined) {
    const n = Number(m[2] ?? m[4]);
    if (n === 0) throw usageError('secret.zero', { value: text });
    const months = m[4] !== undefined;
    if ((months ? n / 12 : n) > MAX_YEARS[level]) throw usageError('secret.tooLong', { value: text, level, max: MAX_YEARS[level] });
    return { level, period: months ? `${n}个月` : `${n}年` };
  }
  return { level, period: null };
}

/** `秘密★5年`, or just `机密` when there is no period (the star goes too). */
export function formatClassification(level: string | null, period: string | null): string {
  if (!level) return '';
  return period ? `${level}★${period}` : level;
}

/** What lists show instead of a classified title. */
export function maskedTitle(level: string): string {
  return `【${level}】`;
}

/** A 份号: up to 6 digits, stored zero-padded to 6 (`3` → `000003`). */
export function parseCopyNo(text: string): string {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,6}$/.test(t) || Number(t) === 0) throw usageError('secret.copyNo', { value: text });
  return t.padStart(6, '0');
}
