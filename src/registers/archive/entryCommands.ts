/** `wenmi archive correct|void` (更正, 作废): the 档号 stays; the old entry stays legible in `archive show`. */
import type { Command } from 'commander';
import { parseDate } from '../../core/dates.js';
import { docNoLines } from '../../core/docno.js';
import { t } from '../../core/i18n.js';
import { applyClear, describe, intArg, withClear, type Kit } from '../../cli/kit.js';
import { correctItem, voidItem, type Correction } from './corrections.js';

/** The optional catalogue fields `correct --clear` may empty, by flag. */
const CLEARABLE: Record<string, keyof Correction> = { 'doc-no': 'docNo', pages: 'pages', box: 'box', location: 'location', note: 'note' };
import { MAX_PAGES } from './rules.js';

export function entryCommands(archive: Command, kit: Kit): void {
  interface ArchiveCorrectOpts {
    title?: string;
    /** --own-title, or false for --no-own-title */
    ownTitle?: boolean;
    author?: string;
    date?: string;
    docNo?: string;
    secret?: string;
    pages?: number;
    box?: string;
    location?: string;
    note?: string;
    reason?: string;
    clear?: string[];
  }
  withClear(
    kit.verb(
      archive,
      'correct',
      { zh: '更正一件档案的著录（新增一条更正记录，原著录保留；档号不变）', en: "correct an item's catalogue entry (a new revision; the old one stays; the archive number does not change)" },
      ['wenmi archive correct Z001-WS·2026-Y-BGS-0001 --pages 9 --reason 页数点错', 'wenmi archive correct Z001-WS·2026-D10-0001 --clear doc-no --box 4 --reason 文号误填，移至4号盒'],
    ),
    Object.keys(CLEARABLE),
  )
    .argument('<archiveNo>', describe({ zh: '档号', en: 'the archive number (档号)' }))
    .option('--title <text>', describe({ zh: '题名', en: 'title (题名)' }))
    .option('--own-title', describe({ zh: '题名由归档人拟写（著录时加 [ ]）', en: 'the title was written by the archivist (shown in [ ])' }))
    .option('--no-own-title', describe({ zh: '题名不是归档人拟写的', en: 'the title was not written by the archivist' }))
    .option('--author <name>', describe({ zh: '责任者', en: 'author (责任者)' }))
    .option('--date <date>', describe({ zh: '文件日期（须在原年度内）', en: "the document's date (within the item's year)" }))
    .option('--doc-no <no>', describe({ zh: '文号（空串为清除）', en: 'document number (文号; "" clears it)' }))
    .option('--secret <class>', describe({ zh: '密级★期限（空串为非涉密）', en: 'classification ("" for none)' }))
    .option('--pages <n>', describe({ zh: '页数', en: 'pages (页数)' }), intArg(1, MAX_PAGES))
    .option('--box <box>', describe({ zh: '盒号（空串为清除）', en: 'box (盒号; "" clears it)' }))
    .option('--location <text>', describe({ zh: '存放位置（空串为清除）', en: 'location ("" clears it)' }))
    .option('--note <text>', describe({ zh: '备注（空串为清除）', en: 'remarks ("" clears them)' }))
    .option('--reason <text>', describe({ zh: '更正原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<ArchiveCorrectOpts>((s, o, [ref]) => {
        const row = correctItem(
          s.ctx(),
          ref!,
          applyClear<Correction>({
            title: o.title,
            ownTitle: o.ownTitle,
            author: o.author,
            date: o.date === undefined ? undefined : parseDate(o.date, s.clock),
            docNo: o.docNo,
            secret: o.secret,
            pages: o.pages,
            box: o.box,
            location: o.location,
            note: o.note,
          }, o.clear, CLEARABLE),
          o.reason,
        );
        s.print(row.archive_no + '\n');
        for (const line of docNoLines(o.docNo)) s.info(line);
        s.info(t('archive.corrected', { archiveNo: row.archive_no }));
      }),
    );

  interface ArchiveVoidOpts {
    reason?: string;
  }
  kit
    .verb(archive, 'void', { zh: '作废一件档案：档号保留在目录中并注明原因，不再借出', en: 'void an item: its number stays in the catalogue, marked void with the reason, and is not lent' }, [
      'wenmi archive void Z001-WS·2026-Y-0003 --reason 重复归档，与 Z001-WS·2026-Y-0002 为同一件',
    ])
    .argument('<archiveNo>', describe({ zh: '档号', en: 'the archive number (档号)' }))
    .option('--reason <text>', describe({ zh: '作废原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<ArchiveVoidOpts>((s, o, [ref]) => {
        const row = voidItem(s.ctx(), ref!, o.reason);
        s.print(row.archive_no + '\n');
        s.info(t('archive.voided', { archiveNo: row.archive_no }));
      }),
    );
}
