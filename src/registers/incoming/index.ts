/** 收文 — the incoming-document register. */
import type { Register } from '../../core/register.js';
import { incomingCommands } from './commands.js';
import { messages } from './messages.js';
import { settings } from './rules.js';
import { incomingDeadlines } from './workflow.js';
import { migrations, tables } from './schema.js';

export const incoming: Register = {
  name: 'incoming',
  label: { zh: '收文', en: 'incoming' },
  migrations,
  tables,
  messages,
  settings,
  deadlines: incomingDeadlines,
  commands: incomingCommands,
};
