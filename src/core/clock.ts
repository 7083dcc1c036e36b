/** The one source of "now". Fixed by WENMI_NOW for tests and reproducible scripts. */
import { usageError } from './errors.js';

export interface Clock {
  now(): Date;
  /** The time is fixed (WENMI_NOW, or a test), not read from the system: each journal entry records it. */
  fixed?: boolean;
}

const NOW_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses `2026-11-27`, `2026-11-27T09:30` or `2026-11-27 09:30:15` as local time; null if malformed. */
export function parseLocalDateTime(text: string): Date | null {
  const m = NOW_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? '0');
  const date = new Date(+y!, +mo! - 1, +d!, +h, +mi, +s);
  if (date.getFullYear() !== +y! || date.getMonth() !== +mo! - 1 || date.getDate() !== +d! || +h > 23 || +mi > 59 || +s > 59)
    return null;
  return date;
}

export function fixedClock(at: string | Date): Clock {
  const date = typeof at === 'string' ? parseLocalDateTime(at) : at;
  if (!date) throw usageError('clock.invalid', { value: at });
  return { now: () => new Date(date.getTime()), fixed: true };
}

export function systemClock(env: Record<string, string | undefined>): Clock {
  const fixed = env.WENMI_NOW;
  if (fixed !== undefined && fixed !== '') return fixedClock(fixed);
  return { now: () => new Date() };
}
