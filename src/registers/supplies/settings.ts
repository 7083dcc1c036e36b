/** The supplies register's settings: who may approve issues and purchase plans. Set with `wenmi config set`. */
import type { DB } from '../../core/db.js';
import { getSetting, namesSetting, splitNames, type SettingDef } from '../../core/settings.js';

export const suppliesSettings: SettingDef[] = [
  {
    key: 'supplies.approvers',
    label: { zh: '可批准领用与采购计划的人（逗号分隔；设定后领用须有审批人）', en: 'who may approve issues and purchase plans (comma-separated; when set, an issue needs an approver)' },
    validate: namesSetting,
  },
];

export const suppliesApprovers = (db: DB): string[] => splitNames(getSetting(db, suppliesSettings, 'supplies.approvers') ?? '');
