/** 办公用品 — the office-supplies register (库存台账). */
import type { Register } from '../../core/register.js';
import { suppliesCommands } from './commands.js';
import { messages } from './messages.js';
import { planDeadlines } from './plans.js';
import { migrations, tables } from './schema.js';

export const supplies: Register = {
  name: 'supplies',
  label: { zh: '办公用品', en: 'supplies' },
  migrations,
  tables,
  messages,
  deadlines: planDeadlines,
  commands: suppliesCommands,
};
