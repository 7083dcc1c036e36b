/** Everything the program knows: the core's tables and settings plus each register's. */
import { checksMigration } from '../core/checks.js';
import { addMessages } from '../core/i18n.js';
import { journalClockMigration, journalMigration } from '../core/journal.js';
import { linksFromMigration, linksMigration } from '../core/links.js';
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
    // core's migrations first: a register's migration may post (core:004's clock column) or link (core:005)
    migrations: [journalMigration, settingsMigration, revealsMigration, journalClockMigration, linksMigration, checksMigration, linksFromMigration, ...list.flatMap((r) => r.migrations)],
    tables: ['settings', 'reveals', 'links', 'checks', ...list.flatMap((r) => r.tables)],
    settings: [...coreSettings, ...list.flatMap((r) => r.settings ?? [])],
    linkKinds: Object.assign({}, ...list.map((r) => r.linkKinds ?? {})),
    async face(name) {
      const r = list.find((x) => x.name === name);
      if (!r?.face) return undefined;
      await loadRegister(r);
      return r.face();
    },
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

/** The registers r requires, theirs first, each once (even in a circle); a name that is no register of the list is a programming error. */
export function requiredRegisters<R extends { name: string; requires?: string[] }>(r: R, all: readonly R[], seen = new Set<R>([r])): R[] {
  return (r.requires ?? []).flatMap((name) => {
    const other = all.find((x) => x.name === name);
    if (!other) throw new Error(`register ${r.name} requires ${name}, which is not a register`);
    if (seen.has(other)) return [];
    seen.add(other);
    return [...requiredRegisters(other, all, seen), other];
  });
}

/**
 * Loads the rest of a register (once) with its messages and words, after those of the
 * registers it `requires`, whose rules speak through it.
 */
export async function loadRegister(r: CliRegister): Promise<CliRegisterModule> {
  for (const other of requiredRegisters(r, registers)) await loadOne(other);
  return loadOne(r);
}
