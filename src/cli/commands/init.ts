import type { Command } from 'commander';
import fs from 'node:fs';
import { migrationsApplied } from '../../core/db.js';
import { t } from '../../core/i18n.js';
import type { Kit, NoOpts } from '../kit.js';

export function addInit(root: Command, kit: Kit): void {
  kit
    .verb(root, 'init', { zh: '新建数据库，或把旧版本的数据库升级（已是最新则不动）', en: 'create the database, or bring one written by an older wenmi up to date (leaves a current one alone)' }, ['wenmi init', 'wenmi init --db ./office.db'])
    .action(
      kit.run<NoOpts>((s) => {
        const { path } = s.dbPath;
        const existed = fs.existsSync(path);
        const applied = migrationsApplied(s.db({ create: true, mode: 'init' }));
        s.info(t(!existed ? 'init.created' : applied > 0 ? 'init.upgraded' : 'init.exists', { path, count: applied }));
      }),
    );
}
