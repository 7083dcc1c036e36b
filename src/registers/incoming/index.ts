/** 收文 — the incoming-document register. */
import type { Register } from '../../core/register.js';
import { migrations, tables } from './schema.js';
import { settings } from './settings.js';

export const incoming: Register = {
  name: 'incoming',
  label: { zh: '收文', en: 'incoming' },
  migrations,
  tables,
  settings,
  load: () => import('./module.js'),
};
