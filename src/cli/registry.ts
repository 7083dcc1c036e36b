/** Everything the program knows: the core's tables and settings plus each register's. */
import type { Migration } from '../core/db.js';
import { addMessages } from '../core/i18n.js';
import { journalClockMigration, journalMigration } from '../core/journal.js';
import type { Register, RegisterModule } from '../core/register.js';
import { revealsMigration } from '../core/reveal.js';
import { coreSettings, settingsMigration, type SettingDef } from '../core/settings.js';
import { registers } from '../registers/index.js';
import { coreMessages } from './messages.js';

export interface Registry {
  registers: Register[];
  migrations: Migration[];
  tables: string[];
  settings: SettingDef[];
}

export function buildRegistry(list: Register[] = registers): Registry {
  addMessages(coreMessages);
  for (const r of list) if (r.settingMessages) addMessages(r.settingMessages);
  return {
    registers: list,
    migrations: [journalMigration, settingsMigration, revealsMigration, ...list.flatMap((r) => r.migrations), journalClockMigration],
    tables: ['settings', 'reveals', ...list.flatMap((r) => r.tables)],
    settings: [...coreSettings, ...list.flatMap((r) => r.settings ?? [])],
  };
}

const loaded = new Map<Register, Promise<RegisterModule>>();

/** Loads the rest of a register (once) and adds its messages. */
export function loadRegister(r: Register): Promise<RegisterModule> {
  let m = loaded.get(r);
  if (!m) {
    m = r.load().then((mod) => {
      if (mod.messages) addMessages(mod.messages);
      if (mod.words) addMessages({ zh: {}, en: {}, terms: Object.fromEntries(Object.entries(mod.words).filter(([word]) => /[^\x00-\x7f]/.test(word)).map(([word, l]) => [word, l.en])) });
      return mod;
    });
    loaded.set(r, m);
  }
  return m;
}
