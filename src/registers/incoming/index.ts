/** 收文 — the incoming-document register. */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';
import { settings } from './settings.js';

export const incoming: CliRegister = {
  name: 'incoming',
  label: { zh: '收文', en: 'incoming' },
  summary: { zh: '收文：签收登记、初审、拟办、批示、承办、传阅、催办、答复、办结；列表、打印、导出', en: 'incoming documents (收文): receive, review, propose, instruct, assign, circulate, remind, reply, close; list, print, export' },
  migrations,
  tables,
  settings,
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
