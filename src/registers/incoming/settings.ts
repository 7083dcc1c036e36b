/** The incoming register's settings (loaded with the program: `config list` shows them). */
import { usageError } from '../../core/errors.js';
import { daysSetting, type SettingDef } from '../../core/settings.js';

/** The register's settings: who holds the copies at registration and when they come back. */
export const settings: SettingDef[] = [
  {
    key: 'incoming.secretariat',
    label: { zh: '收文保管人（秘书室）', en: 'holder of incoming copies (the secretariat)' },
    default: '秘书室',
    validate: (v) => {
      if (v.trim() === '') throw usageError('settings.emptyValue', { key: 'incoming.secretariat' });
      return v.trim();
    },
  },
  {
    key: 'incoming.default-days',
    label: { zh: '默认承办时限（收文后天数；不设则无默认时限）', en: 'default handling deadline (days after receipt; unset: none)' },
    validate: daysSetting('incoming.default-days'),
  },
  {
    key: 'incoming.classified-days',
    label: { zh: '涉密收文传阅中无时限时，收文后多少天列入到期提醒', en: 'classified documents out in circulation with no deadline: due this many days after receipt' },
    validate: daysSetting('incoming.classified-days'),
  },
];
