/** Settings a unit sets once (unit name, default operator, …), kept in the database and journaled like everything else. */
import type { DB, Migration } from './db.js';
import { appendOnly, cached } from './db.js';
import { usageError } from './errors.js';
import type { Label } from './i18n.js';
import { post, type Ctx } from './journal.js';

export interface SettingDef {
  key: string;
  label: Label;
  default?: string;
  /** Returns the value to store, or throws a usage error. */
  validate?: (value: string) => string;
  /**
   * The key of a numeric setting this one may not exceed (a default loan term and the longest
   * term): setting either is refused when the pair would contradict each other.
   */
  atMost?: string;
}

export const settingsMigration: Migration = {
  id: 'core:002-settings',
  up(db) {
    db.exec(`
CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX settings_key ON settings (key, id);
${appendOnly('settings')}`);
  },
};

export const coreSettings: SettingDef[] = [
  { key: 'unit.name', label: { zh: '单位名称', en: 'unit name' } },
  {
    key: 'operator.default',
    label: { zh: '默认经办人', en: 'default operator' },
    validate: (v) => {
      if (v.trim() === '') throw usageError('settings.emptyValue', { key: 'operator.default' });
      return v.trim();
    },
  },
];

function defOf(defs: SettingDef[], key: string): SettingDef {
  const def = defs.find((d) => d.key === key);
  if (!def) throw usageError('settings.unknownKey', { key, keys: defs.map((d) => d.key).join(', ') });
  return def;
}

/** Splits a list of names written with commas (also ，、;). */
export function splitNames(v: string): string[] {
  return v
    .split(/[,，、;；]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** A setting that holds a list of names: stored comma-separated, each name trimmed; empty means none. */
export const namesSetting = (v: string): string => splitNames(v).join(',');

/** A setting that holds a number of days, 1 to 999. */
export const daysSetting = (key: string) => (v: string): string => {
  const t = v.trim().normalize('NFKC');
  if (!/^\d{1,3}$/.test(t) || Number(t) < 1) throw usageError('settings.days', { key, value: v });
  return String(Number(t));
};

/** The current value: the latest one set, else the default, else undefined. */
export function getSetting(db: DB, defs: SettingDef[], key: string): string | undefined {
  const def = defOf(defs, key);
  const row = cached(db, 'SELECT value FROM settings WHERE key = ? ORDER BY id DESC LIMIT 1').get(key) as { value: string } | undefined;
  return row?.value ?? def.default;
}

export function listSettings(db: DB, defs: SettingDef[]): { key: string; value: string | null; isDefault: boolean; label: Label }[] {
  return defs.map((d) => {
    const v = db.prepare('SELECT value FROM settings WHERE key = ? ORDER BY id DESC LIMIT 1').pluck().get(d.key) as string | undefined;
    return { key: d.key, label: d.label, value: v ?? d.default ?? null, isDefault: v === undefined };
  });
}

/** Refuses a value that contradicts a setting it is paired with (`atMost`), naming both. */
function checkPairs(db: DB, defs: SettingDef[], key: string, value: string): void {
  const def = defOf(defs, key);
  if (def.atMost !== undefined) {
    const limit = getSetting(db, defs, def.atMost);
    if (limit !== undefined && Number(value) > Number(limit)) throw usageError('settings.aboveLimit', { key, value, limit: def.atMost, limitValue: limit });
  }
  for (const below of defs.filter((d) => d.atMost === key)) {
    const current = getSetting(db, defs, below.key);
    if (current !== undefined && Number(current) > Number(value)) throw usageError('settings.belowDependent', { key, value, other: below.key, otherValue: current });
  }
}

/** Sets a value (validated) as a new journaled entry. Call inside writeTx. */
export function setSetting(ctx: Ctx, defs: SettingDef[], key: string, value: string, reason?: string): string {
  const def = defOf(defs, key);
  const stored = def.validate ? def.validate(value) : value;
  checkPairs(ctx.db, defs, key, stored);
  post(ctx, { register: 'config', action: 'set', table: 'settings', values: { key, value: stored }, reason: reason ?? null });
  return stored;
}
