/** 发文 — the outgoing-document register (发文登记簿). */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';
import { settingMessages, settings } from './settings.js';

export const outgoing: CliRegister = {
  name: 'outgoing',
  label: { zh: '发文', en: 'outgoing' },
  summary: { zh: '发文：拟稿、审核、签发、编号、印制、用印、分发、回执；发文登记簿', en: 'outgoing documents (发文): draft, review, sign off, number, print, seal, dispatch, receipts; the register' },
  migrations,
  tables,
  settings,
  settingMessages,
  // a reply goes through incoming's face, sealing through seal's, a 纪要 through meeting's (api.ts); their refusals speak their own messages
  requires: ['incoming', 'seal', 'meeting'],
  linkKinds: {
    answers: { forward: { zh: '答复', en: 'answers' }, backward: { zh: '答复为', en: 'answered by' } },
    'minutes-of': { forward: { zh: '会议纪要', en: 'minutes of' }, backward: { zh: '纪要发文', en: 'minutes sent as' } },
    sealed: { forward: { zh: '用印', en: 'stamped under' }, backward: { zh: '用印文件', en: 'stamps' } },
  },
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
