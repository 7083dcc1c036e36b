/** Everything the program knows: the core's tables and settings plus each register's. */
import type { DeadlineSource } from '../core/deadlines.js';
import type { Migration } from '../core/db.js';
import { addMessages } from '../core/i18n.js';
import { journalMigration } from '../core/journal.js';
import type { Register } from '../core/register.js';
import { revealsMigration } from '../core/reveal.js';
import { coreSettings, settingsMigration, type SettingDef } from '../core/settings.js';
import { registers } from '../registers/index.js';
import { coreMessages } from './messages.js';

export interface Registry {
  registers: Register[];
  migrations: Migration[];
  tables: string[];
  settings: SettingDef[];
  deadlines: Record<string, DeadlineSource>;
}

export function buildRegistry(list: Register[] = registers): Registry {
  addMessages(coreMessages);
  for (const r of list) if (r.messages) addMessages(r.messages);
  return {
    registers: list,
    migrations: [journalMigration, settingsMigration, revealsMigration, ...list.flatMap((r) => r.migrations)],
    tables: ['settings', 'reveals', ...list.flatMap((r) => r.tables)],
    settings: [...coreSettings, ...list.flatMap((r) => r.settings ?? [])],
    deadlines: Object.fromEntries(list.filter((r) => r.deadlines).map((r) => [r.name, r.deadlines!])),
  };
}
