import type { Command } from 'commander';
import fs from 'node:fs';
import { t } from '../../core/i18n.js';
import type { Kit } from '../kit.js';

export function addInit(root: Command, kit: Kit): void {
  kit
    .verb(root, 'init', { zh: '新建数据库（已存在则不动）', en: 'create the database (leaves an existing one alone)' }, ['wenmi init', 'wenmi init --db ./office.db'])
    .action(
      kit.run((s) => {
        const { path } = s.dbPath;
        const existed = fs.existsSync(path);
        s.db({ create: true });
        s.info(t(existed ? 'init.exists' : 'init.created', { path }));
      }),
    );
}
