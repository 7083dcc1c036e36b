/** `wenmi supplies stocktake …`: counts as balance assertions a script can branch on. */
import type { Command } from 'commander';
import { EXIT } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { readTextFile } from '../../core/input.js';
import { splitList } from '../../core/typed.js';
import type { Field } from '../../core/prompts.js';
import { collect, dateOpt, describe, type Kit, type BookOpts, type NoOpts, type OutputOpts } from '../../cli/kit.js';
import { diffColumns, sheetColumns, stocktakeColumns, word } from './columns.js';
import { diffRow, stocktakeView } from './reports.js';
import { cancelStocktake, closeStocktake, countedOf, diffLines, getStocktake, importCounts, recordCount, startStocktake, type DiffLine } from './stocktake.js';
import { formatYuan } from './valuation.js';

function summary(number: string, lines: DiffLine[]): string {
  const n = (r: string) => lines.filter((l) => l.result === r).length;
  const value = lines.reduce((a, l) => a + (l.value ?? 0), 0);
  return t('supplies.diffSummary', { count: number, items: lines.length, match: n('相符'), surplus: n('盘盈'), shortage: n('盘亏'), uncounted: n('未盘'), value: formatYuan(value) });
}

export function stocktakeCommands(supplies: Command, kit: Kit): void {
  const take = kit.verb(supplies, 'stocktake', { zh: '盘点：开始、录入或导入实盘数、对账（不符时退出码 3）、结束、取消、盘点表', en: 'stocktake (盘点): start, count or import, diff (exit 3 when the book differs), close, cancel, count sheet' }, [
    'wenmi supplies stocktake start --counter 李四 --witness 张三',
    'wenmi supplies stocktake import counts.csv',
    'wenmi supplies stocktake diff || wenmi supplies stocktake close --reason 月末盘点差异',
  ]);

  interface SuppliesCountStartOpts {
    items?: string[];
    counter?: string;
    witness?: string[];
    date?: string;
  }
  kit
    .verb(take, 'start', { zh: '开始盘点（盘点期间这些物品不能收发），输出盘点单号', en: 'open a count (its items take no movements while it is open); prints its number' }, [
      'wenmi supplies stocktake start --counter 李四 --witness 张三',
      'wenmi supplies stocktake start --items A4纸,签字笔 --counter 李四 --witness 张三 --date 2026-11-30',
    ])
    .option('--items <items...>', describe({ zh: '只盘这些物品（编号或名称，逗号分隔；默认全部在用物品）', en: 'count only these items (numbers or names, comma-separated; default every item in use)' }))
    .option('--counter <name>', describe({ zh: '盘点人（必填）', en: 'who counts (盘点人, required)' }))
    .option('--witness <name>', describe({ zh: '监盘人（必填；可写多次，或逗号分隔）', en: 'who witnesses (监盘人, required; repeat the option, or comma-separated)' }), collect)
    .option('--date <date>', describe({ zh: '盘点日期（账面截至该日；默认今天）', en: 'the count date (the book as at that day; default today)' }))
    .action(
      kit.run<SuppliesCountStartOpts>(async (s, o) => {
        const v: Record<string, unknown> = { counter: o.counter, witness: o.witness };
        await s.complete(v, [
          { key: 'counter', flag: '--counter', label: { zh: '盘点人', en: 'counter' } },
          { key: 'witness', flag: '--witness', label: { zh: '监盘人', en: 'witness' } },
        ] satisfies Field[]);
        const items = o.items === undefined ? undefined : splitList(o.items).filter(Boolean);
        const row = startStocktake(s.ctx(), { items, counter: String(v.counter), witness: [v.witness as string | string[]].flat(), date: dateOpt(s, o.date) });
        s.print(`${row.number}\n`);
        s.info(t('supplies.countStarted', { count: row.number, date: row.counted_on, n: diffLines(s.db(), row).length }));
      }),
    );

  kit
    .verb(take, 'count', { zh: '录入一种物品的实盘数（可重录，以最后一次为准）', en: 'enter the counted quantity of one item (a later entry replaces an earlier one)' }, ['wenmi supplies stocktake count A4纸 21'])
    .argument('<item>', describe({ zh: '物品', en: 'the item' }))
    .argument('<qty>', describe({ zh: '实盘数', en: 'the counted quantity' }))
    .action(
      kit.run<NoOpts>((s, _o, [ref, qty]) => {
        const line = recordCount(s.ctx(), ref!, countedOf(qty!));
        s.info(t('supplies.countRecorded', { item: `${line.name}（${line.spec}）`, counted: line.counted, book: line.book, result: word(line.result) }));
      }),
    );

  interface SuppliesCountImportOpts {
    encoding?: string;
  }
  kit
    .verb(take, 'import', { zh: '从 CSV 导入实盘数（列 item,counted 或 编号,实盘数；全部正确才记录）', en: 'import counts from CSV (columns item,counted or 编号,实盘数; all rows good or nothing recorded)' }, [
      'wenmi supplies stocktake import counts.csv',
      'wenmi supplies stocktake import 盘点表.csv --encoding gb18030',
      'cat counts.csv | wenmi supplies stocktake import -',
    ])
    .argument('<file>', describe({ zh: 'CSV 文件（- 为标准输入）', en: 'the CSV file (- for standard input)' }))
    .option('--encoding <enc>', describe({ zh: '文件编码：utf-8（默认）或 gb18030', en: 'file encoding: utf-8 (default) or gb18030' }))
    .action(
      kit.run<SuppliesCountImportOpts>((s, o, [file]) => {
        const text = readTextFile(file!, o.encoding ?? 'utf-8');
        const r = importCounts(s.ctx(), text, file === '-' ? 'stdin' : file!);
        s.info(t('supplies.imported', { n: r.recorded, skipped: r.skipped, count: r.count }));
      }),
    );

  kit
    .withOutput(
      kit.verb(take, 'diff', { zh: '账实核对：盘盈/盘亏及金额；有差异或未盘时退出码 3，相符时 0', en: 'book against counted: surplus/shortage with value; exit 3 when any line differs or is not counted, 0 when the book matches' }, [
        'wenmi supplies stocktake diff',
        'if wenmi supplies stocktake diff --format json > diff.json; then echo 账实相符; fi',
        'wenmi supplies stocktake diff PD2026-0001',
      ]),
    )
    .argument('[count]', describe({ zh: '盘点单号（默认进行中的盘点）', en: 'the count number (default the open count)' }))
    .action(
      kit.run<OutputOpts>(async (s, o, [ref]) => {
        const row = getStocktake(s.db(), ref);
        const lines = diffLines(s.db(), row);
        await s.output(diffColumns, lines.map(diffRow), o);
        s.info(summary(row.number, lines));
        return lines.every((l) => l.result === '相符') ? EXIT.ok : EXIT.check;
      }),
    );

  interface SuppliesCountCloseOpts {
    reason?: string;
  }
  kit
    .verb(take, 'close', { zh: '结束盘点：差异记为盘点调整（有差异时须说明原因），记录每种物品的盘点日期', en: 'close the count: differences posted as adjustments (a reason is required when any), every item gets its last-counted date' }, [
      'wenmi supplies stocktake close',
      'wenmi supplies stocktake close --reason 月末盘点：A4纸多1包，签字笔少2支',
    ])
    .option('--reason <text>', describe({ zh: '差异原因（有差异时必填）', en: 'why the book differs (required when it does)' }))
    .action(
      kit.run<SuppliesCountCloseOpts>((s, o) => {
        const { take: row, lines } = closeStocktake(s.ctx(), o.reason);
        s.info(t('supplies.countClosed', { count: row.number, adjusted: lines.filter((l) => l.difference !== 0).length }));
        s.info(summary(row.number, lines));
      }),
    );

  interface SuppliesCountCancelOpts {
    reason?: string;
  }
  kit
    .verb(take, 'cancel', { zh: '放弃进行中的盘点（不作调整）', en: 'abandon the open count (nothing is adjusted)' }, ['wenmi supplies stocktake cancel --reason 盘点人临时外出'])
    .option('--reason <text>', describe({ zh: '原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<SuppliesCountCancelOpts>((s, o) => {
        const row = cancelStocktake(s.ctx(), o.reason);
        s.info(t('supplies.countCancelled', { count: row.number }));
      }),
    );

  interface SuppliesCountSheetOpts extends BookOpts {
    showBook?: boolean;
  }
  kit
    .withBook(
      kit.verb(take, 'sheet', { zh: '盘点表：打印用（含签字栏），或 CSV 分发填写后导入', en: 'the count sheet: printable (with signature lines), or CSV to hand out, fill in and import' }, [
        'wenmi supplies stocktake sheet',
        'wenmi supplies stocktake sheet --show-book',
        'wenmi supplies stocktake sheet -o 盘点表.csv',
      ]),
    )
    .argument('[count]', describe({ zh: '盘点单号（默认进行中的盘点）', en: 'the count number (default the open count)' }))
    .option('--show-book', describe({ zh: '显示账面数（默认留空，盲盘）', en: 'show the book quantity (blank by default: a blind count)' }))
    .action(
      kit.run<SuppliesCountSheetOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getStocktake(db, ref);
        const rows = diffLines(db, row).map((l) => ({ item: l.id, name: l.name, spec: l.spec, unit: l.unit, book: o.showBook ? l.book : null, counted: null, difference: null, note: null }));
        await s.printBook(o, {
          title: { zh: '办公用品盘点表', en: 'Office supplies count sheet' },
          meta: [t('supplies.sheetMeta', { count: row.number, date: row.counted_on, counter: row.counter, witness: row.witness })],
          columns: sheetColumns,
          rows,
          footer: 'supplies.sheetFooter',
          footerParams: { n: rows.length },
          signatures: [
            { zh: '盘点人（签字）', en: 'Counter (signature)' },
            { zh: '监盘人（签字）', en: 'Witness (signature)' },
            { zh: '日期', en: 'Date' },
          ],
        });
      }),
    );

  kit
    .withOutput(kit.verb(take, 'list', { zh: '列出全部盘点', en: 'list every count' }, ['wenmi supplies stocktake list']))
    .action(kit.run<OutputOpts>((s, o) => s.output(stocktakeColumns, stocktakeView(s.db()), o)));
}
