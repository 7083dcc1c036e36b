import type { Command } from 'commander';
import type { DB } from '../../core/db.js';
import { EXIT, usageError, WenmiError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { parseHead, seqRanges, verifyDatabase, type Head, type VerifyOptions, type VerifyReport } from '../../core/verify.js';
import { describe, type Kit, type Session } from '../kit.js';

/**
 * Verifies an open database, or reports why it could not be opened as one: a file that is not
 * a wenmi database, or is damaged, fails the check (exit 3) like any other finding.
 */
export function verifyFile(s: Session, open: () => DB, against?: Head, options: VerifyOptions = {}): VerifyReport {
  let db: DB;
  try {
    db = open();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const problem =
      e instanceof WenmiError
        ? { seq: null, code: e.code, params: e.params }
        : err.code === 'SQLITE_READONLY_DIRECTORY'
          ? { seq: null, code: 'error.readOnlyFolder', params: {} }
          : { seq: null, code: 'verify.unreadable', params: { detail: err.message ?? String(e) } };
    if (e instanceof WenmiError && e.kind === 'usage') throw e;
    return { ok: false, entries: 0, head: { seq: 0, hash: '' }, firstBadSeq: null, problems: [problem], fixedClock: [], pending: [], trusted: 0, rechecked: { hashes: 0, rows: 0 } };
  }
  return verifyDatabase(db, s.registry.tables, against, s.registry.migrations, options);
}

/** The report as text on stderr (the head alone on stdout), or as JSON on stdout. */
export function printReport(s: Session, report: VerifyReport, format: string | undefined): void {
  const head = `${report.head.seq}:${report.head.hash}`;
  if (format === 'json') {
    s.print(
      JSON.stringify(
        {
          ok: report.ok,
          entries: report.entries,
          head,
          firstBadSeq: report.firstBadSeq,
          problems: report.problems.map((p) => ({ seq: p.seq, code: p.code, message: t(p.code, p.params) })),
          fixedClock: report.fixedClock,
          pendingMigrations: report.pending,
          trustedUpTo: report.trusted,
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  if (report.head.hash) s.print(`${head}\n`);
  if (report.trusted > 0) s.info(t('verify.trusted', { seq: report.trusted }));
  if (report.ok) s.info(t('verify.ok', { entries: report.entries, head }));
  else {
    s.info(report.firstBadSeq === null ? t('verify.failedNoSeq', { count: report.problems.length }) : t('verify.failed', { count: report.problems.length, first: report.firstBadSeq }));
    for (const p of report.problems) {
      s.info(p.seq === null ? `  ${t(p.code, p.params)}` : `  ${t('verify.atSeq', { seq: p.seq })}${t(p.code, p.params)}`);
      const hint = t(`${p.code}.hint`, p.params);
      if (hint !== `${p.code}.hint`) s.info(`  ${hint}`);
    }
  }
  if (report.fixedClock.length > 0) s.info(t('verify.fixedClock', { count: report.fixedClock.length, seqs: seqRanges(report.fixedClock) }));
  if (report.pending.length > 0) s.info(t('verify.pending', { count: report.pending.length, first: report.pending[0] }));
}

interface VerifyOpts {
  against?: string;
  from?: string;
  full?: boolean;
  format?: string;
}

/** A head given on the command line (SEQ:HASH), or a usage error naming what was given. */
function headOption(value: string | undefined) {
  if (value === undefined) return undefined;
  const head = parseHead(value);
  if (!head) throw usageError('verify.badHead', { value });
  return head;
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
      kit.run<VerifyOpts>((s, opts) => {
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
