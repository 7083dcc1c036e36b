/**
 * What `verify` and `backup` run once chosen (loaded only then, so the checker stays off every
 * other command's start-up): verify a file, print its report, read a head given on the command line.
 */
import type { DB } from '../../core/db.js';
import { usageError, WenmiError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { parseHead, seqRanges, verifyDatabase, type Head, type VerifyOptions, type VerifyReport } from '../../core/verify.js';
import type { Session } from '../kit.js';

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

/** A head given on the command line (SEQ:HASH), or a usage error naming what was given. */
export function headOption(value: string | undefined) {
  if (value === undefined) return undefined;
  const head = parseHead(value);
  if (!head) throw usageError('verify.badHead', { value });
  return head;
}

