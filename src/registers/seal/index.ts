/** 印章 — seals: custody, approved use, and the seal-usage register (印章使用登记簿). */
import type { Register } from '../../core/register.js';
import { migrations, tables } from './schema.js';

export const seal: Register = {
  name: 'seal',
  label: { zh: '印章', en: 'seals' },
  migrations,
  tables,
  load: () => import('./module.js'),
};
