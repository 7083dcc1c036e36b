/** The relay register's settings (loaded with the program: `config list` shows them). */
import { usageError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { SettingDef } from '../../core/settings.js';

/** What the settings' checks say: loaded with the program, since `wenmi config set` does not load the register. */
export const settingMessages: Messages = {
  zh: { 'relay.setting.days': '{key} 的值“{value}”无效：须为 0 至 30 的天数。' },
  en: { 'relay.setting.days': 'the value "{value}" of {key} must be a number of days from 0 to 30.' },
};

export const MAX_CONFIRM_DAYS = 30;

export const settings: SettingDef[] = [
  {
    key: 'relay.confirm-days',
    label: { zh: '重要传达的确认期限（传达后天数）', en: 'days recipients have to confirm an important passing-on' },
    default: '1',
    validate: (v) => {
      const t = v.trim();
      if (!/^\d{1,2}$/.test(t) || Number(t) > MAX_CONFIRM_DAYS) throw usageError('relay.setting.days', { key: 'relay.confirm-days', value: v });
      return String(Number(t));
    },
  },
];
