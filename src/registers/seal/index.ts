/** 印章 — seals: custody, approved use, and the seal-usage register (印章使用登记簿). */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';

export const seal: CliRegister = {
  name: 'seal',
  label: { zh: '印章', en: 'seals' },
  summary: { zh: '印章管理：保管、用印申请与批准、用印登记簿', en: 'seals (印章): custody, approved use, the seal-usage register' },
  migrations,
  tables,
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
