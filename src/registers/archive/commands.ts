/** `wenmi archive …` (归档, 目录, 清点): parse, call the rules, render. The loan verbs are in loanCommands.ts. */
import type { Command } from 'commander';
import { formatDate, parseDate } from '../../core/dates.js';
import { docNoLines } from '../../core/docno.js';
import { checkRecordColumns, checkRecordRows, checksOf, recordCheck } from '../../core/checks.js';
import { checkError, EXIT, usageError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { MAX_LISTED_PROBLEMS, readTextFile } from '../../core/input.js';
import { getSetting } from '../../core/settings.js';
import type { Column } from '../../core/output/render.js';
import { BOOK_SIGNATURES, choiceOption, describe, wordOption, intArg, journalColumns, type Kit, type Session, type CliRegister, type BookOpts, type OutputOpts, type PeriodOpts, type RevealOpts } from '../../cli/kit.js';
import { catalogColumns, checkColumns, correctionColumns, itemColumns, JOURNAL_ACTIONS, loanColumns, WORDS, wordText } from './columns.js';
import { loanCommands } from './loanCommands.js';
import { reportCommand } from './commands-report.js';
import { checkShelf, fileItem, getItem, MAX_PAGES, MEDIA, parseRetention, REGISTER, RETENTIONS } from './rules.js';
import type { Field } from '../../core/prompts.js';
import { classifiedItemNumbers, iterateItems, journalOfItem, loans, type ItemFilter } from './sql.js';
import { catalogRow, correctionRows, everClassified, itemJson, loanJson } from './views.js';
import { entryCommands } from './entryCommands.js';

function yearArg(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw usageError('archive.year', { value });
  return Number(value);
}

/** The options of the list verbs (listVerb) that a filter is read from. */
interface ArchiveFilterOpts extends PeriodOpts, RevealOpts {
  year?: string;
  retention?: string;
  box?: string;
  out?: boolean;
  shelved?: boolean;
  limit?: number;
}

function filterOf(s: Session, o: ArchiveFilterOpts, search?: string): ItemFilter {
  const { from, to } = s.period(o);
  return {
    from,
    to,
    year: o.year === undefined ? undefined : yearArg(o.year),
    retention: o.retention === undefined ? undefined : parseRetention(o.retention),
    box: o.box,
    search,
    searchClassified: o.reveal === true,
    onLoan: o.out ? true : o.shelved ? false : undefined,
    limit: o.limit,
  };
}

function listVerb(kit: Kit, parent: Command, name: string, description: { zh: string; en: string }, examples: string[]): Command {
  return kit.withReveal(kit.withPeriod(kit.withOutput(kit.verb(parent, name, description, examples))))
    .option('--year <yyyy>', describe({ zh: '年度', en: 'year (年度)' }))
    .option('--retention <period>', describe({ zh: '保管期限：Y|D30|D10', en: 'retention period: Y|D30|D10' }))
    .option('--box <box>', describe({ zh: '盒号', en: 'box (盒号)' }))
    .option('--out', describe({ zh: '只列借出的', en: 'only items out on loan' }))
    .option('--shelved', describe({ zh: '只列在库的', en: 'only items on the shelf' }))
    .option('--limit <n>', describe({ zh: '最多列出条数', en: 'at most this many rows' }), intArg(1));
}

/** The options of list and search (listVerb). */
interface ArchiveListOpts extends ArchiveFilterOpts, OutputOpts {}

async function listItems(s: Session, o: ArchiveListOpts, search: string | undefined, command: string): Promise<void> {
  const filter = filterOf(s, o, search);
  const db = s.db();
  s.reveal(o.reveal === true, REGISTER, command, () => classifiedItemNumbers(db, filter));
  const rows = function* () {
    for (const row of iterateItems(db, filter)) yield itemJson(row, o.reveal === true);
  };
  await s.output(itemColumns, rows(), o);
}

export function archiveCommands(root: Command, kit: Kit, register: CliRegister): void {
  const archive = kit.verb(root, 'archive', register.summary, [
    'wenmi config set archive.fonds Z001',
    'wenmi archive file --from-incoming 2026-0001 --retention D30 --org BGS',
    'wenmi archive borrow Z001-WS·2026-D30-BGS-0001 --borrower 李明 --dept 财务科 --purpose 查阅预算依据 --approver 王主任',
    'wenmi archive catalog --year 2026',
  ]);

  interface ArchiveFileOpts {
    attachments?: string;
    medium?: string;
    unfinished?: boolean;
    reason?: string;
    title?: string;
    ownTitle?: boolean;
    author?: string;
    date?: string;
    retention?: string;
    docNo?: string;
    secret?: string;
    pages?: number;
    org?: string;
    box?: string;
    location?: string;
    note?: string;
    fromIncoming?: string;
    fromOutgoing?: string;
    fromMeeting?: string;
    format?: string;
  }
  kit
    .verb(archive, 'file', { zh: '归档一件文件，输出档号（DA/T 22-2015）', en: 'file one item; prints its archive number (档号, DA/T 22-2015)' }, [
      'wenmi archive file --title 关于2027年部门预算的报告 --author 市某局办公室 --date 2026-11-20 --retention Y --org BGS --doc-no 某办〔2026〕15号 --pages 8 --box 3',
      'wenmi archive file --from-incoming 2026-0001 --retention D30',
      'wenmi archive file --from-incoming 2026-0002 --retention D10 --title 市财政局关于预算编报的通知 --own-title',
      'wenmi archive file --title 年度工作照片 --author 办公室 --date 2026-12-20 --retention Y --medium 照片 --attachments 底片12张',
      "wenmi archive file --from-outgoing '某办发〔2026〕7号' --retention D30",
      'wenmi archive file --from-meeting HY2026-0001 --retention Y',
      'wenmi archive file --from-incoming 2026-0003 --retention D10 --unfinished --reason 承办科室已撤销，材料移交档案室',
    ])
    .option('--title <text>', describe({ zh: '题名', en: 'title (题名)' }))
    .option('--own-title', describe({ zh: '题名由归档人拟写（著录时加 [ ]）', en: 'the title was written by the archivist (shown in [ ])' }))
    .option('--author <name>', describe({ zh: '责任者', en: 'author (责任者)' }))
    .option('--date <date>', describe({ zh: '文件日期（其年份为年度）', en: "the document's date (its year is the filing year)" }))
    .option('--retention <period>', describe({ zh: '保管期限：Y（永久）|D30（定期30年）|D10（定期10年）', en: 'retention: Y (permanent) | D30 (30 years) | D10 (10 years)' }))
    .option('--doc-no <no>', describe({ zh: '文号', en: 'document number (文号)' }))
    .option('--secret <class>', describe({ zh: '密级★期限，如 秘密★5年', en: 'classification, e.g. 秘密★5年' }))
    .option('--pages <n>', describe({ zh: '页数', en: 'pages (页数)' }), intArg(1, MAX_PAGES))
    .option('--org <code>', describe({ zh: '机构（问题）代码，如 BGS', en: 'org code (机构代码), e.g. BGS' }))
    .option('--box <box>', describe({ zh: '盒号', en: 'box (盒号)' }))
    .option('--location <text>', describe({ zh: '存放位置', en: 'location (存放位置)' }))
    .option('--note <text>', describe({ zh: '备注', en: 'remarks (备注)' }))
    .option('--from-incoming <number>', describe({ zh: '从收文归档：沿用其标题、来文单位、文号、日期、密级、页数，并标记为已归档', en: 'file an incoming document: take its fields and mark it 已归档' }))
    .option('--from-outgoing <ref>', describe({ zh: '从已分发的发文归档（发文字号或拟稿编号）：沿用其标题、发文字号、签发日期、密级、页数，责任者为拟稿单位', en: 'file a dispatched outgoing document (文号 or draft id): take its title, 文号, sign-off date, classification, pages; author = its unit' }))
    .option('--from-meeting <number>', describe({ zh: '归档已结束会议的记录：题名为会议主题加“纪要”（无纪要为“记录”），日期为会议日期，沿用密级，责任者为单位名称（unit.name）', en: "file a closed meeting's record: title = its subject + 纪要 (记录 without minutes), its date and classification; author = unit.name" }))
    .option('--attachments <text>', describe({ zh: '附件', en: 'attachments (附件)' }))
    .addOption(wordOption('--medium <medium>', { zh: '载体（默认纸质）', en: 'carrier (载体; default paper)' }, MEDIA, WORDS))
    .option('--unfinished', describe({ zh: '收文尚未办结也归档（须 --reason，记入日志）', en: 'file the incoming document before it is closed (needs --reason, journaled)' }))
    .option('--reason <text>', describe({ zh: '未办结先归档的原因', en: 'why it is filed unfinished' }))
    .addOption(choiceOption('--format <format>', { zh: 'text（只输出档号）或 json（涉密题名遮蔽）', en: 'text (the number only) or json (classified titles masked)' }, ['text', 'json']))
    .action(
      kit.run<ArchiveFileOpts>(async (s, o) => {
        const ctx = s.ctx();
        // `--from-incoming 2026-0001`, or as typed elsewhere: `收文 2026-0001`, `收文2026-0001`
        const fromIncoming = o.fromIncoming === undefined ? undefined : (await s.resolveRef(o.fromIncoming, 'incoming')).ref;
        const fromOutgoing = o.fromOutgoing === undefined ? undefined : (await s.resolveRef(o.fromOutgoing, 'outgoing')).ref;
        const fromMeeting = o.fromMeeting === undefined ? undefined : (await s.resolveRef(o.fromMeeting, 'meeting')).ref;
        const values: Record<string, unknown> = { title: o.title, author: o.author, date: o.date, retention: o.retention };
        const fields: Field[] = [{ key: 'retention', flag: '--retention', label: { zh: '保管期限', en: 'retention' }, choices: RETENTIONS.map((value) => ({ value, label: { zh: `${wordText(value)}（${value}）`, en: `${wordText(value)} (${value})` } })) }];
        if (o.fromIncoming === undefined && o.fromOutgoing === undefined && o.fromMeeting === undefined)
          fields.unshift(
            { key: 'title', flag: '--title', label: { zh: '题名', en: 'title' }, check: () => undefined },
            { key: 'author', flag: '--author', label: { zh: '责任者', en: 'author' }, check: () => undefined },
            { key: 'date', flag: '--date', label: { zh: '文件日期', en: 'date' }, check: (v: string) => void parseDate(v, s.clock) },
          );
        await s.complete(values, fields);
        const row = fileItem(ctx, {
          title: values.title as string | undefined,
          ownTitle: o.ownTitle === true,
          author: values.author as string | undefined,
          date: values.date === undefined ? undefined : parseDate(values.date as string, s.clock),
          retention: values.retention as string,
          docNo: o.docNo,
          secret: o.secret,
          pages: o.pages,
          org: o.org,
          box: o.box,
          location: o.location,
          note: o.note,
          fromIncoming,
          fromOutgoing,
          fromMeeting,
          unfinished: o.unfinished === true,
          reason: o.reason,
          attachments: o.attachments,
          medium: o.medium,
        });
        if (o.format === 'json') s.print(JSON.stringify(itemJson(row, false)) + '\n');
        else s.print(row.archive_no + '\n');
        for (const line of docNoLines(o.docNo)) s.info(line);
        s.info(t('archive.filed', { archiveNo: row.archive_no }));
        if (row.incoming_no) s.info(t('archive.filedIncoming', { ref: row.incoming_no }));
      }),
    );

  interface ArchiveListSearchOpts extends ArchiveListOpts {
    search?: string;
  }
  listVerb(kit, archive, 'list', { zh: '列出档案（涉密题名默认遮蔽）', en: 'list archive items (classified titles masked)' }, [
    'wenmi archive list --year 2026 --retention Y',
    'wenmi archive list --out --format json',
  ])
    .option('--search <text>', describe({ zh: '题名、文号、责任者或档号包含此文字', en: 'title, doc no., author or archive no. contains this' }))
    .action(kit.run<ArchiveListSearchOpts>((s, o) => listItems(s, o, o.search, 'list')));

  listVerb(kit, archive, 'search', { zh: '按题名、文号、责任者、档号查找档案', en: 'find items by title, doc no., author or archive no.' }, ['wenmi archive search 预算', 'wenmi archive search 财预〔2026〕 --year 2026'])
    .argument('<text>', describe({ zh: '要找的文字', en: 'the text to find' }))
    .action(kit.run<ArchiveListOpts>((s, o, [text]) => listItems(s, o, text, 'search')));

  interface ArchiveShowOpts extends RevealOpts {
    format?: string;
  }
  kit.withReveal(kit.verb(archive, 'show', { zh: '显示一件档案、它的借阅和全部历史', en: 'show one item, its loans and its whole history' }, ['wenmi archive show Z001-WS·2026-Y-BGS-0001', 'wenmi archive show Z001-WS.2026-Y-0003 --format json']))
    .argument('<archiveNo>', describe({ zh: '档号', en: 'the archive number (档号)' }))
    .addOption(choiceOption('--format <format>', { zh: '输出格式：table|json', en: 'output format: table|json' }, ['table', 'json']))
    .action(
      kit.run<ArchiveShowOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getItem(db, ref!);
        const reveal = o.reveal === true;
        s.reveal(reveal && everClassified(db, row), REGISTER, 'show', () => [row.archive_no]);
        const today = formatDate(s.clock.now());
        const entry = itemJson(row, reveal);
        const itemLoans = loans(db, { itemId: row.id }).map((l) => loanJson(l, today, reveal));
        const corrections = correctionRows(db, row, reveal);
        const history = journalOfItem(db, row.id).map((j) => ({ seq: j.seq, at: j.at, operator: j.operator, action: j.action, reason: j.reason }));
        const extra: Column[] = [
          { key: 'retention', label: { zh: '保管期限', en: 'retention' }, kind: 'id', text: wordText },
          { key: 'note', label: { zh: '备注', en: 'remarks' }, kind: 'text' },
          { key: 'attachments', label: { zh: '附件', en: 'attachments' }, kind: 'text' },
          { key: 'medium', label: { zh: '载体', en: 'carrier' }, kind: 'id' },
          { key: 'instruction', label: { zh: '领导批示', en: "leaders' instructions" }, kind: 'text' },
          { key: 'incomingNo', label: { zh: '收文编号', en: 'incoming no.' }, kind: 'id' },
          { key: 'filedOn', label: { zh: '归档日期', en: 'filed on' }, kind: 'id' },
          { key: 'lastCondition', label: { zh: '最近归还情况', en: 'last return' }, kind: 'id', text: wordText },
          { key: 'voidedOn', label: { zh: '作废日期', en: 'voided on' }, kind: 'id' },
          { key: 'voidReason', label: { zh: '作废原因', en: 'why voided' }, kind: 'text' },
        ];
        await s.show(
          {
            fields: [...itemColumns, ...extra],
            entry,
            sections: [
              { key: 'corrections', columns: correctionColumns, rows: corrections },
              { key: 'loans', columns: loanColumns, rows: itemLoans },
              { key: 'history', columns: journalColumns(JOURNAL_ACTIONS), rows: history },
            ],
            links: { register: REGISTER, ref: row.archive_no },
          },
          o.format,
        );
      }),
    );

  interface ArchiveCatalogOpts extends RevealOpts, BookOpts {
    year?: string;
    retention?: string;
  }
  kit.withReveal(
    kit.withBook(
      kit.verb(archive, 'catalog', { zh: '打印归档文件目录（一个年度，可按保管期限）', en: 'print the filing catalogue (归档文件目录) of a year, optionally one retention period' }, [
        'wenmi archive catalog --year 2026',
        'wenmi archive catalog --year 2026 --retention Y -o 归档文件目录2026-永久.txt',
        'wenmi archive catalog --year 2026 --format csv -o 目录2026.csv',
      ]),
    ),
  )
    .option('--year <yyyy>', describe({ zh: '年度（必填）', en: 'year (required)' }))
    .option('--retention <period>', describe({ zh: '保管期限：Y|D30|D10', en: 'retention period: Y|D30|D10' }))
    .action(
      kit.run<ArchiveCatalogOpts>(async (s, o) => {
        if (o.year === undefined) throw usageError('input.missing', { flags: '--year' });
        const filter: ItemFilter = { year: yearArg(o.year), retention: o.retention === undefined ? undefined : parseRetention(o.retention) };
        const db = s.db();
        s.reveal(o.reveal === true, REGISTER, 'catalog', () => classifiedItemNumbers(db, filter));
        const rows = [...iterateItems(db, filter)].map((r, i) => catalogRow(r, i + 1, o.reveal === true));
        const fonds = getSetting(db, kit.registry.settings, 'archive.fonds') ?? '—';
        const meta = filter.retention ? t('archive.catalogMetaRetention', { fonds, year: filter.year, retention: wordText(filter.retention) }) : t('archive.catalogMeta', { fonds, year: filter.year });
        await s.printBook(o, {
          title: { zh: '归档文件目录', en: 'Filing catalogue (归档文件目录)' },
          meta: [meta],
          columns: catalogColumns,
          rows,
          footer: 'archive.catalogFooter',
          footerParams: { count: rows.length },
          signatures: BOOK_SIGNATURES,
        });
      }),
    );

  interface ArchiveCheckOpts extends OutputOpts {
    dryRun?: boolean;
    found?: string;
    /** utf-8 unless given */
    encoding: string;
  }
  kit
    .withOutput(
      kit.verb(archive, 'check', { zh: '清点核对：对照在架档号清单，报告差异；有差异时退出码 3', en: 'shelf check (清点核对): compare a list of the numbers found on the shelves; exit 3 on any difference' }, [
        'wenmi archive check --found 在架清单.txt',
        'scan-shelves | wenmi archive check --found - --format json',
        'wenmi archive check --found 在架清单.txt --dry-run',
      ]),
    )
    .option('--found <file>', describe({ zh: '在架档号清单，每行一个（- 为标准输入）', en: 'the numbers found on the shelves, one per line (- for stdin)' }))
    .option('--encoding <enc>', describe({ zh: '清单编码：utf-8|gb18030', en: 'encoding of the list: utf-8|gb18030' }), 'utf-8')
    .option('--dry-run', describe({ zh: '只看结果，不记录本次核对', en: 'look only: do not record this check' }))
    .action(
      kit.run<ArchiveCheckOpts>(async (s, o) => {
        if (o.found === undefined) throw usageError('input.missing', { flags: '--found' });
        const text = readTextFile(o.found, o.encoding);
        const report = checkShelf(s.db(), text);
        // every check is kept (清点核对记录), also one that found differences; --dry-run keeps nothing and says so
        if (o.dryRun === true) s.info(t('check.dryRun'));
        else {
          recordCheck(s.ctx(), { register: REGISTER, examined: report.items, findings: report.findings.map((f) => `${f.archiveNo} ${f.finding}`) });
          s.info(t('check.recorded', { count: checksOf(s.db(), REGISTER).length, verb: 'archive checks' }));
        }
        await s.output(checkColumns, report.findings as unknown as Record<string, unknown>[], o);
        for (const d of report.duplicates.slice(0, MAX_LISTED_PROBLEMS)) {
          const more = d.lines.length - MAX_LISTED_PROBLEMS;
          s.info(t('archive.checkDuplicate', { archiveNo: d.archiveNo, lines: d.lines.slice(0, MAX_LISTED_PROBLEMS).join(', ') + (more > 0 ? ` … (+${more})` : '') }));
        }
        if (report.duplicates.length > MAX_LISTED_PROBLEMS) s.info(t('archive.checkMoreDuplicates', { n: report.duplicates.length - MAX_LISTED_PROBLEMS }));
        if (report.findings.length === 0) {
          s.info(t('archive.checkOk', { items: report.items, found: report.found }));
          return EXIT.ok;
        }
        throw checkError('archive.checkDiff', { count: report.findings.length, items: report.items, found: report.found });
      }),
    );

  kit
    .withOutput(kit.verb(archive, 'checks', { zh: '清点核对记录：每次核对的日期、核对人、核对数、差异', en: 'the record of shelf checks: date, who, items examined, differences' }, ['wenmi archive checks', 'wenmi archive checks --format csv -o 清点核对记录.csv']))
    .action(kit.run<OutputOpts>(async (s, o) => s.output(checkRecordColumns, checkRecordRows(s.db(), REGISTER), o)));

  entryCommands(archive, kit);
  loanCommands(archive, kit);
  reportCommand(archive, kit);
}
