/** The incoming register's settings (loaded with the program: `config list` shows them). */
import { usageError } from '../../core/errors.js';
import type { SettingDef } from '../../core/settings.js';

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
];
