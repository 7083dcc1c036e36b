/** 信息上传下达 — the relay register: instructions passed down, reports sent up, confirmations. */
import type { CliRegister } from '../../cli/kit.js';
import { migrations, tables } from './schema.js';
import { settingMessages, settings } from './settings.js';

export const relay: CliRegister = {
  name: 'relay',
  label: { zh: '信息传达', en: 'relay' },
  summary: { zh: '信息上传下达：下达登记、接收人确认、上报与报送；列表、打印、导出、月报', en: 'passing information down and up (信息上传下达): pass on, confirm, report up, send; list, print, export, report' },
  migrations,
  tables,
  settings,
  settingMessages,
  // --from-incoming / --from-outgoing read the document's classification through its face (incoming/api.ts, outgoing/api.ts).
  requires: ['incoming', 'outgoing'],
  linkKinds: {
    'relayed-from': { forward: { zh: '传达自', en: 'passed on from' }, backward: { zh: '传达为', en: 'passed on as' } },
    reports: { forward: { zh: '上报发文', en: 'sends up' }, backward: { zh: '上报为', en: 'sent up as' } },
  },
  face: () => import('./api.js').then((m) => m.face),
  load: () => import('./module.js'),
};
