/** The seal register's settings: who may approve a use, and the leaders who approve important documents. Set with `wenmi config set`. */
import { getSetting, namesSetting, splitNames, type SettingDef } from '../../core/settings.js';
import type { DB } from '../../core/db.js';

export const sealSettings: SettingDef[] = [
  { key: 'seal.approvers', label: { zh: '可批准用印的人（逗号分隔；不设则不限）', en: 'who may approve a use of a seal (comma-separated; unset: anyone)' }, validate: namesSetting },
  { key: 'seal.leaders', label: { zh: '可批准重要文件用印的领导（逗号分隔）', en: 'leaders who approve stamping important documents (comma-separated)' }, validate: namesSetting },
];

/** The names a list setting holds ([] when unset). */
export const sealNames = (db: DB, key: 'seal.approvers' | 'seal.leaders'): string[] => splitNames(getSetting(db, sealSettings, key) ?? '');
