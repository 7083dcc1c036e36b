/**
 * `backup -o FILE`: a consistent copy of the live database by SQLite's online backup, private
 * (0600), verified before it takes the target's name. `backup --check FILE`: verifies a backup
 * and says how far behind the live database it is.
 */
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from '../../core/db.js';
import { openDriver } from '../../core/driver.js';
import { tempBeside } from '../../core/output/sink.js';
import { checkError, dataError, EXIT, usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { describe, type Kit, type Session } from '../kit.js';

const same = (a: string, b: string) => path.resolve(a) === path.resolve(b);

/** The journal hash at `seq` in the live database, or undefined when it has no such entry. */
const hashAt = (db: DB, seq: number) => db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(seq) as string | undefined;

async function makeBackup(s: Session, target: string, force: boolean): Promise<number> {
  const live = s.dbPath.path;
  for (const suffix of ['', '-wal', '-shm', '-journal']) if (same(target, live + suffix)) throw usageError('output.isDatabase', { path: target });
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw dataError('output.noFolder', { path: dir });
  if (fs.existsSync(target)) {
    if (!force) throw dataError('output.exists', { path: target });
    if (!fs.lstatSync(target).isFile()) throw dataError('output.notAFile', { path: target });
  }
  const { verifyFile, printReport } = await import('./verify-report.js');
  const db = s.db({ mode: 'verify' }); // a database an older wenmi wrote can be backed up before init upgrades it
  const { path: tmp, fd } = tempBeside(dir); // a killed backup's leftover is removed by the next one, as an export's is
  fs.closeSync(fd);
  let copy: DB | undefined;
  try {
    await db.backup(tmp);
    // the copy stands alone: one file in rollback mode (a write after a restore turns WAL on again)
    const raw = openDriver(tmp, { fileMustExist: true });
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const report = verifyFile(s, () => (copy = openDatabase(tmp, { create: false, mode: 'verify', migrations: s.registry.migrations })));
    copy?.close();
    copy = undefined;
    if (!report.ok) {
      printReport(s, report, 'text');
      throw checkError('backup.copyFailed', { path: target });
    }
    if (force) fs.renameSync(tmp, target);
    else {
      fs.linkSync(tmp, target); // fails if the target appeared meanwhile: never overwrite without --force
      fs.unlinkSync(tmp);
    }
    const head = `${report.head.seq}:${report.head.hash}`;
    s.print(`${head}\n`);
    s.info(t('backup.written', { path: target, entries: report.entries, head }));
    if (report.pending.length > 0) s.info(t('verify.pending', { count: report.pending.length, first: report.pending[0] }));
    return EXIT.ok;
  } finally {
    copy?.close();
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}

async function checkBackup(s: Session, file: string, format: string | undefined): Promise<number> {
  const { verifyFile, printReport } = await import('./verify-report.js');
  let copy: DB | undefined;
  try {
    const report = verifyFile(s, () => (copy = openDatabase(file, { create: false, mode: 'verify', migrations: s.registry.migrations })));
    let live: DB | undefined;
    try {
      live = s.db({ mode: 'verify' });
    } catch {
      live = undefined;
    }
    const liveHead = live ? (live.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) : undefined;
    if (report.head.hash && live && report.head.seq > 0 && hashAt(live, report.head.seq) !== report.head.hash) {
      report.problems.push({ seq: report.head.seq, code: 'backup.diverged', params: { path: s.dbPath.path } });
      report.ok = false;
    }
    printReport(s, report, format);
    if (format !== 'json' && report.head.hash) {
      if (!live) s.info(t('backup.noLive', { path: s.dbPath.path }));
      else if (report.ok) s.info(t('backup.behind', { count: (liveHead?.seq ?? 0) - report.head.seq, live: liveHead ? `${liveHead.seq}:${liveHead.hash}` : '0' }));
    }
    return report.ok ? EXIT.ok : EXIT.check;
  } finally {
    copy?.close();
  }
}

interface BackupOpts {
  output?: string;
  force?: boolean;
  check?: string;
  format?: string;
}

export function addBackup(root: Command, kit: Kit): void {
  kit
    .verb(root, 'backup', { zh: '把数据库一致地复制到备份文件并校验；--check 校验备份并说明落后多少', en: 'copy the database consistently to a backup file and verify it; --check verifies a backup and says how far behind it is' }, [
      'wenmi backup -o /backup/wenmi-$(date +%F).db',
      'wenmi backup --check /backup/wenmi-2026-11-27.db',
    ])
    .option('-o, --output <file>', describe({ zh: '备份文件（私有，0600）', en: 'the backup file (private, 0600)' }))
    .option('--force', describe({ zh: '覆盖已存在的备份文件', en: 'overwrite an existing backup file' }))
    .option('--check <file>', describe({ zh: '校验一个备份文件，并与在用数据库比较', en: 'verify a backup file and compare it with the live database' }))
    .option('--format <format>', 'text|json (--check)')
    .action(
      kit.run<BackupOpts>(async (s, opts) => {
        if ((opts.output === undefined) === (opts.check === undefined)) throw usageError('backup.oneOf');
        if (opts.format !== undefined && opts.format !== 'text' && opts.format !== 'json') throw usageError('format.invalid', { value: opts.format, choices: 'text|json' });
        if (opts.check !== undefined) return checkBackup(s, opts.check, opts.format);
        if (String(opts.output).trim() === '') throw usageError('output.empty');
        if (opts.output === '-') throw usageError('backup.notStdout');
        return makeBackup(s, opts.output!, opts.force === true);
      }),
    );
}
