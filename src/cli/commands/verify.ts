/** `verify`: the command; what it runs is in verify-report.ts, loaded when it runs. */
import type { Command } from 'commander';
import { EXIT, usageError } from '../../core/errors.js';
import { describe, type Kit } from '../kit.js';

interface VerifyOpts {
  against?: string;
  from?: string;
  full?: boolean;
  format?: string;
}

export function addVerify(root: Command, kit: Kit): void {
  kit
    .verb(root, 'verify', { zh: '校验日志哈希链、各登记簿与数据库结构；失败时退出码 3', en: 'check the journal hash chain, every register and the schema; exit 3 on failure' }, [
      'wenmi verify',
      `wenmi verify --against 1024:9f2c…   # ${describe({ zh: '上月签字打印件上的链头', en: "the head printed on last month's signed sheet" })}`,
      `wenmi verify --from 1024:9f2c…      # ${describe({ zh: '信任此链头之前的历史，只校验其后写入的', en: 'trust the history up to that head, check only what was written after it' })}`,
      'wenmi verify --format json',
    ])
    .option('--against <head>', describe({ zh: '同时证明截至此前记下的链头（序号:哈希）历史未被改动', en: 'also prove the history up to a head recorded earlier (SEQ:HASH) is unchanged' }))
    .option('--from <head>', describe({ zh: '信任截至此前记下的链头（序号:哈希）的历史，只校验其后的日志与记录', en: 'trust the history up to a head recorded earlier (SEQ:HASH); check only the entries and rows after it' }))
    .option('--full', describe({ zh: '做完整的数据库检查（读遍每个索引），而非快速检查', en: "SQLite's full integrity_check (reads every index) instead of quick_check" }))
    .option('--format <format>', 'text|json')
    .action(
      kit.run<VerifyOpts>(async (s, opts) => {
        const { headOption, printReport, verifyFile } = await import('./verify-report.js');
        const against = headOption(opts.against);
        const from = headOption(opts.from);
        if (against && from) throw usageError('verify.fromAndAgainst');
        if (opts.format !== undefined && opts.format !== 'text' && opts.format !== 'json') throw usageError('format.invalid', { value: opts.format, choices: 'text|json' });
        const report = verifyFile(s, () => s.db({ mode: 'verify' }), against, { from, full: opts.full === true });
        printReport(s, report, opts.format);
        return report.ok ? EXIT.ok : EXIT.check;
      }),
    );
}
