/** Everything the program knows: the core's tables and settings plus each register's. */
import { addMessages } from '../core/i18n.js';
import { journalClockMigration, journalMigration } from '../core/journal.js';
import { revealsMigration } from '../core/reveal.js';
import { coreSettings, settingsMigration } from '../core/settings.js';
import { registers } from '../registers/index.js';
import type { CliRegister, CliRegisterModule, CliRegistry } from './kit.js';
import { coreMessages } from './messages.js';

export function buildRegistry(list: CliRegister[] = registers): CliRegistry {
  addMessages(coreMessages);
  for (const r of list) if (r.settingMessages) addMessages(r.settingMessages);
  return {
    registers: list,
    migrations: [journalMigration, settingsMigration, revealsMigration, ...list.flatMap((r) => r.migrations), journalClockMigration],
    tables: ['settings', 'reveals', ...list.flatMap((r) => r.tables)],
    settings: [...coreSettings, ...list.flatMap((r) => r.settings ?? [])],
  };
}

const loaded = new Map<CliRegister, Promise<CliRegisterModule>>();

/** Loads the rest of one register (once) and adds its messages and words. */
function loadOne(r: CliRegister): Promise<CliRegisterModule> {
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

/** The registers r requires, theirs first, among the program's registers (each once, even in a circle). */
function required(r: CliRegister, seen = new Set<CliRegister>([r])): CliRegister[] {
  return (r.requires ?? []).flatMap((name) => {
    const other = registers.find((x) => x.name === name);
    if (!other) throw new Error(`register ${r.name} requires ${name}, which is not a register`);
    if (seen.has(other)) return [];
    seen.add(other);
    return [...required(other, seen), other];
  });
}

/**
 * Loads the rest of a register (once) with its messages and words, after those of the
 * registers it `requires`, whose rules speak through it.
 */
export async function loadRegister(r: CliRegister): Promise<CliRegisterModule> {
  for (const other of required(r)) await loadOne(other);
  return loadOne(r);
}
