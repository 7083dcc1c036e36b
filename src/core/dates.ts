/**
 * The date grammar of every command, and the one function that writes stored dates.
 * Dates are stored as `yyyy-MM-dd` text, times as local ISO with offset.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { startOfMonth } from 'date-fns/startOfMonth';
import type { Clock } from './clock.js';
import { usageError } from './errors.js';
import { foldTyped } from './typed.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The one function that writes a stored date: yyyy-MM-dd, local. */
export function formatDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The one function that writes a stored moment: local time with its offset, 2026-11-27T09:30:00+08:00. */
export function formatTimestamp(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${formatDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

/** A stored moment as people read it: `2026-11-27 09:30` (no seconds, no offset). */
export function shortMoment(at: string): string;
export function shortMoment(at: string | null | undefined): string | null;
export function shortMoment(at: string | null | undefined): string | null {
  return at ? at.slice(0, 16).replace('T', ' ') : null;
}

/** A stored date as a Date at local midnight. */
export function dateOf(stored: string): Date {
  const [y, m, d] = stored.slice(0, 10).split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** Years a stored date may have (four digits; Date would read 0–99 as 1900–1999). */
const inRange = (d: Date) => d.getFullYear() >= 1000 && d.getFullYear() <= 9999;

function exactDate(y: number, m: number, d: number): Date | null {
  if (y < 1000) return null;
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

const ABSOLUTE = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
/** A day of this year (the clock's): `11-27`, `11/27`, `11月27日`. */
const THIS_YEAR = [/^(\d{1,2})-(\d{1,2})$/, /^(\d{1,2})\/(\d{1,2})$/, /^(\d{1,2})月(\d{1,2})日?$/];
const RELATIVE = /^([+-])(\d{1,4})([dwmy])$/;

/** The day of an absolute form, `undefined` if the text has none of their shapes, null if it has one but is no real day. */
function absoluteDay(text: string, year: number): Date | null | undefined {
  for (const re of ABSOLUTE) {
    const m = re.exec(text);
    if (m) return exactDate(+m[1]!, +m[2]!, +m[3]!);
  }
  for (const re of THIS_YEAR) {
    const m = re.exec(text);
    if (m) return exactDate(year, +m[1]!, +m[2]!);
  }
  return undefined;
}

/**
 * Parses a day: `2026-11-27`, `2026/11/27`, `2026.11.27`, `2026年11月27日`, `20261127`, a day of
 * this year (`11-27`, `11/27`, `11月27日`), `today`/`今天`, `yesterday`/`昨天`, `tomorrow`/`明天`,
 * `+7d`, `-2w`, `+1m`, `+1y`, `som`, `eom`. Full-width digits and signs and dash look-alikes are
 * read as their ASCII forms (`２０２６－１１－２７`). Returns the stored form; a usage error lists
 * the grammar.
 */
export function parseDate(input: string, clock: Clock): string {
  const text = foldTyped(input).toLowerCase();
  const today = clock.now();
  const day = absoluteDay(text, today.getFullYear());
  if (day) return formatDate(day);
  if (day === null) throw usageError('date.invalid', { value: input });
  switch (text) {
    case 'today':
    case '今天':
      return formatDate(today);
    case 'yesterday':
    case '昨天':
      return formatDate(addDays(today, -1));
    case 'tomorrow':
    case '明天':
      return formatDate(addDays(today, 1));
    case 'som':
      return formatDate(startOfMonth(today));
    case 'eom':
      return formatDate(endOfMonth(today));
  }
  const rel = RELATIVE.exec(text);
  if (rel) {
    const n = (rel[1] === '-' ? -1 : 1) * +rel[2]!;
    const add = { d: addDays, w: addWeeks, m: addMonths, y: addYears }[rel[3] as 'd' | 'w' | 'm' | 'y'];
    const day = add(today, n);
    if (inRange(day)) return formatDate(day);
  }
  throw usageError('date.invalid', { value: input });
}

/**
 * Parses a moment: a day (as above) optionally followed by ` HH:mm` or `THH:mm[:ss]`, or `now`.
 * A bare day means the start of that day. Returns the stored timestamp.
 */
export function parseMoment(input: string, clock: Clock): string {
  const text = foldTyped(input);
  if (text === 'now' || text === '现在') return formatTimestamp(clock.now());
  const m = /^(.+?)(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw usageError('date.invalid', { value: input });
  const day = dateOf(parseDate(m[1]!, clock));
  if (m[2] !== undefined) {
    const [h, mi, s] = [+m[2], +m[3]!, +(m[4] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) throw usageError('date.invalid', { value: input });
    day.setHours(h, mi, s);
  }
  return formatTimestamp(day);
}

export interface Period {
  from?: string;
  to?: string;
}

/** Parses a month: `2026-11`, `2026/11`, `2026年11月`, `202611`, `this-month`/`本月`, `last-month`/`上月`. */
export function parseMonth(input: string, clock: Clock): { from: string; to: string; month: string } {
  const text = foldTyped(input).toLowerCase();
  let first: Date | null = null;
  if (text === 'this-month' || text === '本月') first = startOfMonth(clock.now());
  else if (text === 'last-month' || text === '上月') first = startOfMonth(addMonths(clock.now(), -1));
  else {
    const m = /^(\d{4})(?:[-/.]|年)?(\d{1,2})月?$/.exec(text);
    if (m && +m[2]! >= 1 && +m[2]! <= 12) first = exactDate(+m[1]!, +m[2]!, 1);
  }
  if (!first) throw usageError('month.invalid', { value: input });
  return { from: formatDate(first), to: formatDate(endOfMonth(first)), month: formatDate(first).slice(0, 7) };
}

/** The period of `--month`, `--from`, `--to` (inclusive). A month excludes from/to; from after to is refused. */
export function periodOf(opts: { month?: string; from?: string; to?: string }, clock: Clock): Period {
  if (opts.month !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw usageError('period.monthAndRange');
    const { from, to } = parseMonth(opts.month, clock);
    return { from, to };
  }
  const period: Period = {};
  if (opts.from !== undefined) period.from = parseDate(opts.from, clock);
  if (opts.to !== undefined) period.to = parseDate(opts.to, clock);
  if (period.from && period.to && period.from > period.to) throw usageError('period.reversed', period as Record<string, unknown>);
  return period;
}

/** Whole days from one stored date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / 86_400_000);
}

/** A day as Excel counts it (days since 1899-12-30); undefined for a text that is not a date from 1900-03-01 on. */
export function excelDay(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1900 || (y === 1900 && mo < 3)) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}
