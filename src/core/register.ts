/**
 * What a register brings. The part the program always needs (its tables, migrations and
 * settings) is loaded with the program; the rest (rules, commands, messages) is a separate
 * chunk, loaded only when a command uses that register, so start-up does not grow with
 * the number of registers.
 */
import type { Command } from 'commander';
import type { DeadlineSource } from './deadlines.js';
import type { DB, Migration } from './db.js';
import type { Label, Messages } from './i18n.js';
import type { SettingDef } from './settings.js';

/**
 * `Kit` is what the program gives `commands()` to build them with: the CLI's toolkit
 * (cli/kit.ts `Kit`, whose `CliRegister` is `Register<Kit>`). Core does not depend on it.
 */
export interface RegisterModule<Kit = unknown> {
  messages?: Messages;
  /** The register's stored words (states, kinds) with their labels: messages under en show them in English. */
  words?: Record<string, Label>;
  /** Its open items with due dates, for `wenmi due`. */
  deadlines?: DeadlineSource;
  /** Adds `wenmi <name> …` under the root command; `register` is the register itself (its name, label, summary). */
  commands(root: Command, kit: Kit, register: Register<Kit>): void;
}

export interface Register<Kit = unknown> {
  /** The command noun: `wenmi <name> <verb>`, and the journal's register name. */
  name: string;
  label: Label;
  /** One line for the root help and the register's own help. */
  summary: Label;
  /** Ordered; ids `name:NNN-what`. */
  migrations: Migration[];
  /** Its append-only journaled tables, which `verify` replays. */
  tables: string[];
  settings?: SettingDef[];
  /** The messages its settings' checks use: loaded with the program, since `config set` does not load the register. */
  settingMessages?: Messages;
  /**
   * The registers whose faces (`registers/<name>/api.ts`) this one uses: loading it loads
   * their messages and words too, since their rules' refusals speak through it.
   */
  requires?: string[];
  /**
   * The kinds of link this register's entries make to other registers' entries (core/links.ts),
   * each with the word its own end shows (`forward`: 归档自) and the word the other end shows
   * (`backward`: 归档为).
   */
  linkKinds?: Record<string, LinkKind>;
  /** How other registers name this register's entries (links, typed references): `() => import('./api.js').then((m) => m.face)`. */
  face?: () => Promise<EntryFace>;
  /** Loads the rest of the register: `() => import('./module.js')`. */
  load(): Promise<RegisterModule<Kit>>;
}

export interface LinkKind {
  forward: Label;
  backward: Label;
}

/** What a register tells others about one of its entries, in its face (`registers/<name>/api.ts`). */
export interface EntryFace {
  /** The canonical number a typed one names (`2026-1` → `2026-0001`); refuses an unknown one with the register's own message (exit 1). */
  find(db: DB, typed: string): string;
  /** One line naming the entry where another entry links to it: title (a classified one masked), date, state. */
  summary(db: DB, ref: string): string;
}

/** Everything the program knows: the core's tables and settings plus each register's. */
export interface Registry<Kit = unknown> {
  registers: Register<Kit>[];
  migrations: Migration[];
  tables: string[];
  settings: SettingDef[];
  /** Every register's link kinds, by kind. */
  linkKinds: Record<string, LinkKind>;
  /** The face of a register, loaded with the register's messages (a refusal of `find` speaks them); undefined for a register without one. */
  face(name: string): Promise<EntryFace | undefined>;
}
