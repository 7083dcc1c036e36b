import type { Command } from 'commander';
import { EXIT, usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { parseHead, verifyDatabase } from '../../core/verify.js';
import { describe, type Kit } from '../kit.js';

export function addVerify(root: Command, kit: Kit): void {
  kit
    .verb(root, 'verify', { zh: '校验日志哈希链与各登记簿；失败时退出码 3', en: 'check the journal hash chain and every register; exit 3 on failure' }, [
      'wenmi verify',
      `wenmi verify --against 1024:9f2c…   # ${describe({ zh: '上月签字打印件上的链头', en: "the head printed on last month's signed sheet" })}`,
      'wenmi verify --format json',
    ])
    .option('--against <head>', describe({ zh: '同时证明截至此前记下的链头（序号:哈希）历史未被改动', en: 'also prove the history up to a head recorded earlier (SEQ:HASH) is unchanged' }))
    .option('--format <format>', 'text|json')
    .action(
      kit.run((s, opts) => {
        const against = opts.against === undefined ? undefined : parseHead(opts.against) ?? undefined;
        if (opts.against !== undefined && !against) throw usageError('verify.badHead', { value: opts.against });
        if (opts.format !== undefined && opts.format !== 'text' && opts.format !== 'json') throw usageError('format.invalid', { value: opts.format, choices: 'text|json' });
        const report = verifyDatabase(s.db(), kit.registry.tables, against);
        const head = `${report.head.seq}:${report.head.hash}`;
        if (opts.format === 'json') {
          s.print(JSON.stringify({ ok: report.ok, entries: report.entries, head, firstBadSeq: report.firstBadSeq, problems: report.problems.map((p) => ({ seq: p.seq, code: p.code, message: t(p.code, p.params) })) }, null, 2) + '\n');
        } else {
          s.print(`${head}\n`);
          if (report.ok) s.info(t('verify.ok', { entries: report.entries, head }));
          else {
            s.info(t('verify.failed', { count: report.problems.length, first: report.firstBadSeq ?? '-' }));
            for (const p of report.problems) s.info(`  ${p.seq ?? '-'}: ${t(p.code, p.params)}`);
          }
        }
        return report.ok ? EXIT.ok : EXIT.check;
      }),
    );
}
