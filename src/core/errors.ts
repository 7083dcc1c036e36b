/** Typed errors. Rules throw these with a message key; the CLI renders the message and maps the kind to an exit code in one place. */
export type ErrorKind = 'usage' | 'data' | 'check' | 'interrupted';

export const EXIT = { ok: 0, data: 1, usage: 2, check: 3, interrupted: 130 } as const;

export class WenmiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'WenmiError';
  }
  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** The user typed something wrong or left something out: exit 2. */
export const usageError = (code: string, params: Record<string, unknown> = {}) => new WenmiError('usage', code, params);
/** The data does not allow it (wrong state, unknown id, not enough stock): exit 1. */
export const dataError = (code: string, params: Record<string, unknown> = {}) => new WenmiError('data', code, params);
/** A check that a script asked about failed: exit 3. */
export const checkError = (code: string, params: Record<string, unknown> = {}) => new WenmiError('check', code, params);

export const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Refuses when any of the values (keyed by their flags) is missing or blank, naming every missing flag at once. */
export function requireFlags(values: Record<string, unknown>): void {
  const missing = Object.keys(values).filter((flag) => blank(values[flag]));
  if (missing.length > 0) throw usageError('input.missing', { flags: missing.join(' ') });
}

/** Refuses when any of the texts (keyed by their flags) is missing or blank, naming every missing flag at once; returns them trimmed. */
export function required<K extends string>(values: Record<K, string | undefined>): Record<K, string> {
  requireFlags(values);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (v as string).trim()])) as Record<K, string>;
}

/** The reason a correction, void or reversal must give, trimmed; a blank one is refused naming `--reason`. */
export const requireReason = (reason: string | undefined): string => required({ '--reason': reason })['--reason'];
