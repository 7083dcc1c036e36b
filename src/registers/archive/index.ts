/** 档案 — the archive register: filing (归档) with DA/T 22 archive numbers, and borrowing (借阅). */
import type { Register } from '../../core/register.js';
import { archiveCommands } from './commands.js';
import { archiveDeadlines } from './loans.js';
import { messages } from './messages.js';
import { migrations, tables } from './schema.js';
import { archiveSettings } from './settings.js';

export const archive: Register = {
  name: 'archive',
  label: { zh: '档案', en: 'archive' },
  migrations,
  tables,
  messages,
  settings: archiveSettings,
  deadlines: archiveDeadlines,
  commands: archiveCommands,
};
