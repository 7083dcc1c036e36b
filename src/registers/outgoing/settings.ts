/** The outgoing register's settings: 机关代字, who may sign, the deadlines of `wenmi due`. Set with `wenmi config set`. */
import { checkPrefix } from '../../core/docno.js';
import { usageError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { SettingDef } from '../../core/settings.js';
import { splitList } from '../../core/typed.js';

/** What the settings' checks say: loaded with the program, since `wenmi config set` does not load the register. */
export const settingMessages: Messages = {
  zh: { 'outgoing.setting.days': '{key} 的值“{value}”无效：须为 1 至 999 的天数。' },
  en: { 'outgoing.setting.days': 'the value "{value}" of {key} must be a number of days from 1 to 999.' },
};

const days = (key: string) => (v: string) => {
  const t = v.trim();
  if (!/^\d{1,3}$/.test(t) || Number(t) < 1) throw usageError('outgoing.setting.days', { key, value: v });
  return String(Number(t));
};

/** A list of names as stored: `张主任,李书记` (typed with , ， or 、). */
const names = (v: string) => [...new Set(splitList(v).filter((n) => n !== ''))].join(',');

export const settings: SettingDef[] = [
  { key: 'outgoing.prefix', label: { zh: '默认机关代字，如 某办发', en: 'default issuer code (机关代字), e.g. 某办发' }, validate: checkPrefix },
  { key: 'outgoing.signers', label: { zh: '可签发发文的领导（逗号分隔；不设则不限）', en: 'who may sign outgoing documents off (comma-separated; anyone if unset)' }, validate: names },
  {
    key: 'outgoing.classified-signers',
    label: { zh: '可签发涉密发文的领导（逗号分隔；不设则同 outgoing.signers）', en: 'who may sign classified documents off (comma-separated; else outgoing.signers)' },
    validate: names,
  },
  { key: 'outgoing.sign-days', label: { zh: '拟稿待审核、待签发的期限（天）', en: 'days a draft may wait for review or sign-off' }, default: '3', validate: days('outgoing.sign-days') },
  { key: 'outgoing.receipt-days', label: { zh: '分发后待回执的期限（天）', en: 'days a dispatched copy may wait for its receipt' }, default: '7', validate: days('outgoing.receipt-days') },
];
