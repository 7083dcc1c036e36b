/** 办公用品 — the office-supplies register (库存台账). */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';
import { suppliesSettings } from './settings.js';

export const supplies: CliRegister = {
  name: 'supplies',
  label: { zh: '办公用品', en: 'supplies' },
  summary: { zh: '办公用品：物品、入库、领用、报废、采购计划、盘点、月报', en: 'office supplies (办公用品): items, receipts, issues, write-offs, purchase plans, stocktakes, month-end report' },
  migrations,
  tables,
  settings: suppliesSettings,
  load: () => import('./module.js'),
};
