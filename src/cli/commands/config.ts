import type { Command } from 'commander';
import { label, t, yesNo } from '../../core/i18n.js';
import { getSetting, listSettings, setSetting } from '../../core/settings.js';
import type { Kit, NoOpts, OutputOpts } from '../kit.js';

export function addConfig(root: Command, kit: Kit): void {
  const config = kit.verb(root, 'config', { zh: '本单位的设置（单位名称、默认经办人等），每次修改都记入日志', en: "the unit's settings (unit name, default operator, …); every change is journaled" }, [
    'wenmi config list',
    'wenmi config set unit.name 某某市某某局办公室',
  ]);
  kit
    .withOutput(kit.verb(config, 'list', { zh: '列出全部设置', en: 'list every setting' }, ['wenmi config list']))
    .action(
      kit.run<OutputOpts>(async (s, opts) => {
        const rows = listSettings(s.db(), kit.registry.settings).map((r) => ({ key: r.key, name: label(r.label), value: r.value ?? '', default: r.isDefault }));
        await s.output(
          [
            { key: 'key', label: { zh: '设置项', en: 'key' }, kind: 'id' },
            { key: 'name', label: { zh: '名称', en: 'name' }, kind: 'text' },
            { key: 'value', label: { zh: '值', en: 'value' }, kind: 'text' },
            { key: 'default', label: { zh: '默认', en: 'default' }, kind: 'id', text: yesNo },
          ],
          rows,
          opts,
        );
      }),
    );
  kit
    .verb(config, 'get', { zh: '显示一项设置的值', en: 'print one setting' }, ['wenmi config get unit.name'])
    .argument('<key>')
    .action(
      kit.run<NoOpts>((s, _opts, [key]) => {
        const v = getSetting(s.db(), kit.registry.settings, key!);
        if (v === undefined) s.info(t('config.unset'));
        else s.print(v + '\n');
      }),
    );
  interface ConfigSetOpts {
    reason?: string;
  }
  kit
    .verb(config, 'set', { zh: '修改一项设置（记入日志）', en: 'change a setting (journaled)' }, ['wenmi config set operator.default 王秘书', 'wenmi config set archive.fonds Z001 --reason 启用全宗号'])
    .argument('<key>')
    .argument('<value>')
    .option('--reason <text>', label({ zh: '修改原因', en: 'why' }))
    .action(
      kit.run<ConfigSetOpts>((s, opts, [key, value]) => {
        const stored = s.tx((ctx) => setSetting(ctx, kit.registry.settings, key!, value!, opts.reason));
        s.info(t('config.set', { key, value: stored }));
      }),
    );
}
