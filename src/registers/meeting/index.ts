/** 会务 — meetings: plan, approval, rooms, notice and replies, sign-in, checklist, decisions. */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';

export const meeting: CliRegister = {
  name: 'meeting',
  label: { zh: '会务', en: 'meetings' },
  summary: { zh: '会务：会议方案与报批、会议室、通知与回执、签到与出席、会前准备、决议事项督办', en: 'meetings (会务): plan and approval, rooms, notice and replies, sign-in and attendance, checklist, decisions followed up' },
  migrations,
  tables,
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
