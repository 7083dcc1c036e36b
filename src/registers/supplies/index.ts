/** 办公用品 — the office-supplies register (库存台账). */
import type { Register } from '../../core/register.js';
import { migrations, tables } from './schema.js';

export const supplies: Register = {
  name: 'supplies',
  label: { zh: '办公用品', en: 'supplies' },
  migrations,
  tables,
  load: () => import('./module.js'),
};
