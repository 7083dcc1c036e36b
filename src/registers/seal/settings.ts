/** The seal register's settings: who may approve a use, the leaders who approve important documents, when an unstamped approval falls due. Set with `wenmi config set`. */
import { daysSetting, getSetting, namesSetting, splitNames, type SettingDef } from '../../core/settings.js';
import type { DB } from '../../core/db.js';

export const sealSettings: SettingDef[] = [
  { key: 'seal.approvers', label: { zh: '可批准用印的人（逗号分隔；不设则不限）', en: 'who may approve a use of a seal (comma-separated; unset: anyone)' }, validate: namesSetting },
  { key: 'seal.leaders', label: { zh: '可批准重要文件用印的领导（逗号分隔）', en: 'leaders who approve stamping important documents (comma-separated)' }, validate: namesSetting },
  {
    key: 'seal.request-days',
    label: { zh: '已批准未用印的申请，批准后多少天列入到期提醒（不设则不提醒）', en: 'approved requests not stamped: due this many days after approval (unset: never)' },
    validate: daysSetting('seal.request-days'),
  },
];

/** The names a list setting holds ([] when unset). */
export const sealNames = (db: DB, key: 'seal.approvers' | 'seal.leaders'): string[] => splitNames(getSetting(db, sealSettings, key) ?? '');
