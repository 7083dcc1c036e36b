/** What a register brings: its tables and migrations, messages, settings, deadlines, and its commands. */
import type { Command } from 'commander';
import type { Kit } from '../cli/kit.js';
import type { DeadlineSource } from './deadlines.js';
import type { Migration } from './db.js';
import type { Label, Messages } from './i18n.js';
import type { SettingDef } from './settings.js';

export interface Register {
  /** The command noun: `wenmi <name> <verb>`, and the journal's register name. */
  name: string;
  label: Label;
  /** Ordered; ids `name:NNN-what`. */
  migrations: Migration[];
  /** Its append-only journaled tables, which `verify` replays. */
  tables: string[];
  messages?: Messages;
  settings?: SettingDef[];
  /** Its open items with due dates, for `wenmi due`. */
  deadlines?: DeadlineSource;
  /** Adds `wenmi <name> …` under the root command. */
  commands(root: Command, kit: Kit): void;
}
