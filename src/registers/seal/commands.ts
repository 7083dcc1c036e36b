/** `wenmi seal …`: parse, call the rules, render. Custody verbs here; use and the book in commands-use.ts. */
import type { Command } from 'commander';
import { formatDate, parseDate } from '../../core/dates.js';
import { t } from '../../core/i18n.js';
import type { Column } from '../../core/output/render.js';
import { choiceOption, collect, dateOpt, describe, wordOption, type Kit, type CliRegister, type OutputOpts } from '../../cli/kit.js';
import { sealColumns, WORDS, wordText } from './columns.js';
import { reportCommand } from './commands-report.js';
import { f, onOption, useCommands, type SealOnOpts } from './commands-use.js';
import { historyRows, requestRows, sealRow, sealRows } from './report.js';
import { addSeal, getSeal, handoverSeal, lendSeal, names, reportLost, retireSeal, returnSeal, RETIRE_HOW, SEAL_STATES, SEAL_TYPES } from './rules.js';
import { eventsOf } from './sql.js';

const sealArg = (cmd: Command) => cmd.argument('<seal>', describe({ zh: '印章编号（如 S001）或名称', en: 'the seal: its code (e.g. S001) or name' }));

export function sealCommands(root: Command, kit: Kit, register: CliRegister): void {
  const seal = kit.verb(root, 'seal', register.summary, [
    'wenmi seal add --name 办公室公章 --type 公章 --custodian 李保管 --location 机要室保险柜',
    'wenmi seal request --seal S001 --doc 关于采购办公设备的合同 --unit 办公室 --purpose 签订合同 --count 2',
    'wenmi seal print --month this-month',
  ]);

  interface SealAddOpts {
    name?: string;
    type?: string;
    custodian?: string;
    location?: string;
    since?: string;
    note?: string;
  }
  kit
    .verb(seal, 'add', { zh: '启用一枚印章，输出其编号', en: 'take a seal into use; prints its code' }, [
      'wenmi seal add --name 办公室公章 --type 公章 --custodian 李保管 --location 机要室保险柜 --since 2026-01-04',
    ])
    .option('--name <name>', describe({ zh: '印章名称', en: 'the name (名称)' }))
    .addOption(wordOption('--type <type>', { zh: '类型', en: 'type (类型)' }, SEAL_TYPES, WORDS))
    .option('--custodian <name>', describe({ zh: '保管人', en: 'custodian (保管人)' }))
    .option('--location <place>', describe({ zh: '存放位置', en: 'where it is kept (存放位置)' }))
    .option('--since <date>', describe({ zh: '启用日期（默认今天）', en: 'in use since (default today)' }))
    .option('--note <text>', describe({ zh: '备注', en: 'note' }))
    .action(
      kit.run<SealAddOpts>(async (s, o) => {
        const v: Record<string, unknown> = { name: o.name, type: o.type, custodian: o.custodian };
        await s.complete(v, [f('name', '--name', '名称', 'name'), { ...f('type', '--type', '类型', 'type'), choices: SEAL_TYPES.map((value) => ({ value, label: { zh: value, en: `${wordText(value)} (${value})` } })) }, f('custodian', '--custodian', '保管人', 'custodian')]);
        const row = addSeal(s.ctx(), { ...o, ...v, since: dateOpt(s, o.since) });
        s.print(row.code + '\n');
        s.info(t('seal.added', { code: row.code, name: row.name, custodian: row.custodian }));
      }),
    );

  interface SealListOpts extends OutputOpts {
    out?: boolean;
    state?: string;
  }
  kit
    .withOutput(
      kit.verb(seal, 'list', { zh: '列出印章：状态、保管人、存放位置；--out 只列外借的（含逾期天数）', en: 'list seals: state, custodian, location; --out only those lent (with days overdue)' }, [
        'wenmi seal list',
        'wenmi seal list --out',
        'wenmi seal list --state 在用 --format json',
      ]),
    )
    .option('--out', describe({ zh: '只列外借的印章', en: 'only seals out on loan' }))
    .addOption(wordOption('--state <state>', { zh: '状态', en: 'state' }, SEAL_STATES, WORDS))
    .action(
      kit.run<SealListOpts>(async (s, o) => {
        const today = formatDate(s.clock.now());
        await s.output(sealColumns, sealRows(s.db(), today, { state: o.state, out: o.out === true }), o);
      }),
    );

  interface SealShowOpts {
    format?: string;
  }
  sealArg(kit.verb(seal, 'show', { zh: '显示一枚印章及其全部历史', en: 'show one seal and its whole history' }, ['wenmi seal show S001', 'wenmi seal show 办公室公章 --format json']))
    .addOption(choiceOption('--format <format>', { zh: '输出格式：table|json', en: 'output format: table|json' }, ['table', 'json']))
    .action(
      kit.run<SealShowOpts>(async (s, o, [ref]) => {
        const db = s.db();
        const row = getSeal(db, ref!);
        const today = formatDate(s.clock.now());
        const entry = sealRow(row, today);
        const history = historyRows(db, row.id);
        const events = eventsOf(db, row.id).map((e) => ({ kind: e.kind, state: e.state, on: e.on_date, custodian: e.custodian, location: e.location, counterpart: e.counterpart, witnesses: e.witnesses ? JSON.parse(e.witnesses) : [], approver: e.approver, due: e.due, reason: e.reason, note: e.note }));
        const lost: Column[] = [
          { key: 'lostOn', label: { zh: '遗失日期', en: 'lost on' }, kind: 'id' },
          { key: 'lostBy', label: { zh: '遗失时持有人', en: 'held by when lost' }, kind: 'text' },
          { key: 'lostReason', label: { zh: '遗失经过', en: 'what happened' }, kind: 'text' },
          { key: 'note', label: { zh: '备注', en: 'note' }, kind: 'text' },
        ];
        await s.show(
          {
            fields: [...sealColumns, ...lost],
            entry,
            entryKey: 'seal',
            skipEmpty: true,
            sections: [
              { key: 'events', rows: events },
              { key: 'requests', rows: requestRows(db, { sealId: row.id }) },
              { key: 'history', columns: HISTORY_COLUMNS, rows: history },
            ],
          },
          o.format,
        );
      }),
    );

  interface SealHandoverOpts extends SealOnOpts {
    to?: string;
    witness?: string[];
    location?: string;
    reason?: string;
  }
  onOption(
    sealArg(
      kit.verb(seal, 'handover', { zh: '移交：保管人交给另一人，须有见证人', en: 'hand a seal over to a new custodian, before a witness' }, [
        'wenmi seal handover S001 --to 赵新 --witness 钱主任',
        'wenmi seal handover 办公室公章 --to 赵新 --witness 钱主任 --location 新机要室 --reason 岗位调整',
      ]),
    ),
  )
    .option('--to <name>', describe({ zh: '接收人（新保管人）', en: 'who receives it (the new custodian)' }))
    .option('--witness <name>', describe({ zh: '见证人（监交人；可写多次，或逗号分隔）', en: 'a witness (监交人; give it again for more, or comma-separated)' }), collect)
    .option('--location <place>', describe({ zh: '新的存放位置', en: 'where it will be kept' }))
    .option('--reason <text>', describe({ zh: '原因', en: 'why' }))
    .action(
      kit.run<SealHandoverOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { to: o.to, witness: o.witness };
        await s.complete(v, [f('to', '--to', '接收人', 'receiver'), f('witness', '--witness', '见证人', 'witness')]);
        const witnesses = names([v.witness as string[] | string].flat());
        const before = getSeal(s.db(), ref!);
        const row = handoverSeal(s.ctx(), ref!, { ...o, to: v.to as string, witnesses, on: dateOpt(s, o.on) });
        s.info(t('seal.handedOver', { code: row.code, name: row.name, from: before.custodian, to: row.custodian, witness: witnesses.join('、') }));
      }),
    );

  interface SealLendOpts extends SealOnOpts {
    to?: string;
    due?: string;
    approver?: string;
    reason?: string;
  }
  onOption(
    sealArg(
      kit.verb(seal, 'lend', { zh: '外借：须有应还日期和批准人；外借期间不能用印', en: 'lend a seal out: needs a due date and an approver; it cannot be stamped while out' }, [
        'wenmi seal lend S002 --to 孙律师 --due +3d --approver 周主任 --reason 外地签约',
      ]),
    ),
  )
    .option('--to <name>', describe({ zh: '借用人', en: 'the borrower' }))
    .option('--due <date>', describe({ zh: '应还日期', en: 'due back on' }))
    .option('--approver <name>', describe({ zh: '批准人', en: 'who approved it' }))
    .option('--reason <text>', describe({ zh: '事由', en: 'what for' }))
    .action(
      kit.run<SealLendOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { to: o.to, due: o.due, approver: o.approver };
        await s.complete(v, [f('to', '--to', '借用人', 'borrower'), f('due', '--due', '应还日期', 'due back on', (d) => void parseDate(d, s.clock)), f('approver', '--approver', '批准人', 'approver')]);
        const row = lendSeal(s.ctx(), ref!, { ...o, ...v, due: parseDate(String(v.due), s.clock), on: dateOpt(s, o.on) });
        s.info(t('seal.lent', { code: row.code, name: row.name, to: row.holder, due: row.due }));
      }),
    );

  interface SealReturnOpts extends SealOnOpts {
    note?: string;
  }
  onOption(sealArg(kit.verb(seal, 'return', { zh: '外借的印章归还', en: 'a lent seal comes back' }, ['wenmi seal return S002', 'wenmi seal return S002 --note 完好'])))
    .option('--note <text>', describe({ zh: '归还时的情况', en: 'its condition on return' }))
    .action(
      kit.run<SealReturnOpts>((s, o, [ref]) => {
        const row = returnSeal(s.ctx(), ref!, { on: dateOpt(s, o.on), note: o.note });
        s.info(t('seal.returned', { code: row.code, name: row.name }));
      }),
    );

  interface SealLostOpts extends SealOnOpts {
    reason?: string;
    reportedTo?: string;
    notice?: string;
  }
  onOption(sealArg(kit.verb(seal, 'lost', { zh: '遗失/被盗：立即登记，声明作废；此后不能用印', en: 'lost or stolen: recorded at once and declared void; never stamped again' }, ['wenmi seal lost S003 --reason 出差途中被盗 --reported-to 市公安局某派出所 --notice 2026-11-28《某日报》声明作废'])))
    .option('--reason <text>', describe({ zh: '经过（必填）', en: 'what happened (required)' }))
    .option('--reported-to <whom>', describe({ zh: '已向谁报告（如 公安机关、上级机关）', en: 'to whom the loss was reported (police, the superior office)' }))
    .option('--notice <text>', describe({ zh: '公告声明作废的情况（如 2026-11-28《某日报》）', en: 'the public notice declaring it void (e.g. the paper and date)' }))
    .action(
      kit.run<SealLostOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { reason: o.reason };
        await s.complete(v, [f('reason', '--reason', '经过', 'what happened')]);
        const row = reportLost(s.ctx(), ref!, { reason: String(v.reason), on: dateOpt(s, o.on), reportedTo: o.reportedTo, notice: o.notice });
        s.info(t('seal.lost', { code: row.code, name: row.name }));
      }),
    );

  interface SealRetireOpts extends SealOnOpts {
    how?: string;
    witness?: string[];
    reason?: string;
  }
  onOption(
    sealArg(
      kit.verb(seal, 'retire', { zh: '停用、封存或销毁，须有两名不同的见证人', en: 'stop, seal away or destroy a seal, before two different witnesses' }, [
        'wenmi seal retire S004 --how 封存 --witness 钱主任 --witness 吴科长 --reason 机构更名',
      ]),
    ),
  )
    .addOption(wordOption('--how <how>', { zh: '处置方式', en: 'how' }, RETIRE_HOW, WORDS))
    .option('--witness <name>', describe({ zh: '见证人（两名：写两次，或逗号分隔）', en: 'a witness (two: give the option twice, or comma-separated)' }), collect)
    .option('--reason <text>', describe({ zh: '原因（遗失的印章必填）', en: 'why (required for a lost seal)' }))
    .action(
      kit.run<SealRetireOpts>(async (s, o, [ref]) => {
        const v: Record<string, unknown> = { how: o.how };
        await s.complete(v, [{ ...f('how', '--how', '处置方式', 'how'), choices: RETIRE_HOW.map((value) => ({ value, label: { zh: value, en: `${wordText(value)} (${value})` } })) }]);
        const row = retireSeal(s.ctx(), ref!, { how: String(v.how), witnesses: o.witness, reason: o.reason, on: dateOpt(s, o.on) });
        s.info(t('seal.retired', { code: row.code, name: row.name, how: wordText(row.state), witnesses: names(o.witness).join('、') }));
      }),
    );

  useCommands(seal, kit);
  reportCommand(seal, kit);
}

/** A seal's history as `show` lists it: its events in words, with the journal's sequence and operator. */
const HISTORY_COLUMNS: Column[] = [
  { key: 'seq', label: { zh: '日志序号', en: 'seq' }, kind: 'id', num: true },
  { key: 'on', label: { zh: '日期', en: 'date' }, kind: 'id' },
  { key: 'detail', label: { zh: '事项', en: 'what' }, kind: 'text', wrap: 50 },
  { key: 'operator', label: { zh: '操作人', en: 'operator' }, kind: 'text' },
  { key: 'reason', label: { zh: '原因', en: 'reason' }, kind: 'text', wrap: 30 },
];
