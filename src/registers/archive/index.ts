/** 档案 — the archive register: filing (归档) with DA/T 22 archive numbers, and borrowing (借阅). */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';
import { archiveSettings, settingMessages } from './settings.js';

export const archive: CliRegister = {
  name: 'archive',
  label: { zh: '档案', en: 'archive' },
  summary: { zh: '档案：归档、目录、借阅、催还、清点核对', en: 'archives (档案): filing, catalogue, loans, reminders, shelf check' },
  migrations,
  tables,
  settings: archiveSettings,
  settingMessages,
  // Filing from an incoming or outgoing document or a meeting goes through its face (incoming/, outgoing/, meeting/api.ts), whose refusals speak its messages.
  requires: ['incoming', 'outgoing', 'meeting'],
  linkKinds: { 'filed-from': { forward: { zh: '归档自', en: 'filed from' }, backward: { zh: '归档为', en: 'filed as' } } },
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
