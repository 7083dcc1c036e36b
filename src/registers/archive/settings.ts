/** The archive register's settings: 全宗号, 门类代码, loan terms, senior approvers. Set with `wenmi config set`. */
import { usageError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import { namesSetting, splitNames, type SettingDef } from '../../core/settings.js';

/** What the settings' checks say: loaded with the program, since `wenmi config set` does not load the register. */
export const settingMessages: Messages = {
  zh: {
    'archive.setting.days': '{key} 的值“{value}”无效：须为 1 至 999 的天数。',
    'archive.setting.fonds': '全宗号“{value}”无效：须为 4 位字母或数字，如 Z001。',
    'archive.setting.category': '门类代码“{value}”无效：须为 2 个字母，如 WS（文书）。',
  },
  en: {
    'archive.setting.days': 'the value "{value}" of {key} must be a number of days from 1 to 999.',
    'archive.setting.fonds': 'the fonds number (全宗号) "{value}" must be 4 letters or digits, e.g. Z001.',
    'archive.setting.category': 'the category code (门类代码) "{value}" must be 2 letters, e.g. WS (文书).',
  },
};

const days = (key: string) => (v: string) => {
  const t = v.trim();
  if (!/^\d{1,3}$/.test(t) || Number(t) < 1) throw usageError('archive.setting.days', { key, value: v });
  return String(Number(t));
};

export { splitNames };

export const archiveSettings: SettingDef[] = [
  {
    key: 'archive.fonds',
    label: { zh: '全宗号（4 位，如 Z001）', en: 'fonds number (全宗号, 4 characters, e.g. Z001)' },
    validate: (v) => {
      const t = v.trim().toUpperCase();
      if (!/^[A-Z0-9]{4}$/.test(t)) throw usageError('archive.setting.fonds', { value: v });
      return t;
    },
  },
  {
    key: 'archive.category',
    label: { zh: '门类代码（2 个字母，文书为 WS）', en: 'category code (门类代码, 2 letters; WS = 文书)' },
    default: 'WS',
    validate: (v) => {
      const t = v.trim().toUpperCase();
      if (!/^[A-Z]{2}$/.test(t)) throw usageError('archive.setting.category', { value: v });
      return t;
    },
  },
  { key: 'archive.loan-days', label: { zh: '借阅默认期限（天）', en: 'default loan term (days)' }, default: '14', validate: days('archive.loan-days'), atMost: 'archive.max-loan-days' },
  { key: 'archive.max-loan-days', label: { zh: '借阅最长期限（天）', en: 'longest loan term (days)' }, default: '30', validate: days('archive.max-loan-days') },
  {
    key: 'archive.secret-loan-days',
    label: { zh: '涉密档案借阅默认期限（天）', en: 'default loan term of classified items (days)' },
    default: '7',
    validate: days('archive.secret-loan-days'),
    atMost: 'archive.secret-max-loan-days',
  },
  { key: 'archive.secret-max-loan-days', label: { zh: '涉密档案借阅最长期限（天）', en: 'longest loan term of classified items (days)' }, default: '7', validate: days('archive.secret-max-loan-days') },
  {
    key: 'archive.senior-approvers',
    label: { zh: '可批准借阅涉密档案的领导（逗号分隔）', en: 'who may approve loans of classified items (comma-separated)' },
    validate: namesSetting,
  },
  {
    key: 'archive.approvers',
    label: { zh: '可批准借阅档案的人（逗号分隔；不设则不限）', en: 'who may approve loans (comma-separated; unset: anyone)' },
    validate: namesSetting,
  },
];
