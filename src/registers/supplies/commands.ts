/** `wenmi supplies …`: parse, call the rules, render. Items, movements and views here; plans and stocktakes in their own files. */
import type { Command } from 'commander';
import { parseMonth } from '../../core/dates.js';
import { t } from '../../core/i18n.js';
import type { Field } from '../../core/prompts.js';
import { applyClear, dateOpt, describe, intArg, withClear, wordOption, type Kit, type Session, type CliRegister, type OutputOpts, type PeriodOpts } from '../../cli/kit.js';
import { itemColumns, movementColumns, reportColumns, stockColumns, usageColumns, word, WORDS } from './columns.js';
import { planCommands } from './planCommands.js';
import { itemRow, monthReport, movementView, stockView, usageView } from './reports.js';
import { addItem, correctItem, findItem, issueSupplies, KINDS, MAX_QTY, qtyOf, receiveSupplies, retireItem, writeOffSupplies, type ItemFields, type Moved } from './rules.js';
import { reverseMovement } from './reversals.js';
import { listItems, movementNo } from './sql.js';
import { stocktakeCommands } from './stocktakeCommands.js';
import { formatYuan, parseYuan } from './valuation.js';

const itemArg = (cmd: Command) => cmd.argument('<item>', describe({ zh: '物品：编号，或唯一的名称（或“名称 规格”）', en: 'the item: its number, or a name (or "name spec") only one item has' }));
/** The options of moveTail. */
interface SuppliesMoveOpts {
  date?: string;
  format?: string;
}

/** The options every movement ends with: its date and the output format. */
const moveTail = (cmd: Command) =>
  cmd
    .option('--date <date>', describe({ zh: '日期（默认今天；不得早于该物品上一笔记录）', en: "the date (default today; not before the item's last entry)" }))
    .option('--format <format>', describe({ zh: 'text（只输出序号）或 json', en: 'text (the number only) or json' }));

/** The options of an item card (cardOptions), shared by item add and item correct. */
interface SuppliesCardOpts {
  name?: string;
  spec?: string;
  unit?: string;
  category?: string;
  price?: string;
  reorder?: number;
}

function cardOptions(cmd: Command): Command {
  return cmd
    .option('--name <text>', describe({ zh: '物品名称', en: 'name (物品名称)' }))
    .option('--spec <text>', describe({ zh: '规格', en: 'specification (规格)' }))
    .option('--unit <text>', describe({ zh: '单位：包、盒、支……', en: 'unit (单位): 包, 盒, 支, …' }))
    .option('--category <text>', describe({ zh: '类别', en: 'category (类别)' }))
    .option('--price <yuan>', describe({ zh: '参考单价（元，最多两位小数）', en: 'reference unit price (单价) in yuan, up to 2 decimals' }))
    .option('--reorder <n>', describe({ zh: '安全库存（低于此数提示采购）', en: 'reorder level (安全库存)' }), intArg(0, MAX_QTY));
}

const cardOf = (o: SuppliesCardOpts): ItemFields => ({ name: o.name, spec: o.spec, unit: o.unit, category: o.category, price: o.price === undefined ? undefined : parseYuan(o.price), reorder: o.reorder });

/** After a movement: its number on stdout (or JSON), a sentence on stderr. */
function reportMove(s: Session, o: SuppliesMoveOpts, m: Moved, key: string): void {
  const { movement: mv, item, balance } = m;
  if (o.format === 'json')
    s.print(JSON.stringify({ no: movementNo(mv), date: mv.moved_on, kind: mv.kind, item: item.id, qty: mv.qty, valueFen: mv.value, balance: balance.qty, balanceValueFen: balance.value }) + '\n');
  else s.print(`${movementNo(mv)}\n`);
  s.info(t(key, { id: movementNo(mv), qty: Math.abs(mv.qty), unit: item.unit, item: `${item.name}（${item.spec}）`, value: formatYuan(Math.abs(mv.value)), balance: balance.qty, balanceValue: formatYuan(balance.value) }));
}

export function suppliesCommands(root: Command, kit: Kit, register: CliRegister): void {
  const supplies = kit.verb(root, 'supplies', register.summary, [
    'wenmi supplies item add --name A4纸 --spec 70g --unit 包 --price 25 --reorder 10',
    'wenmi supplies receive A4纸 --qty 20 --price 25.00 --supplier 文具公司',
    'wenmi supplies issue A4纸 --qty 2 --dept 办公室 --person 张三',
    'wenmi supplies report --month 2026-11',
  ]);

  const items = kit.verb(supplies, 'item', { zh: '物品卡片：新增、列表、更正、停用', en: 'item cards: add, list, correct, retire' }, ['wenmi supplies item list']);

  cardOptions(kit.verb(items, 'add', { zh: '新增物品，输出其编号', en: 'add an item; prints its number' }, ['wenmi supplies item add --name 签字笔 --spec "0.5mm 黑" --unit 支 --category 书写工具 --price 1.50 --reorder 20']))
    .action(
      kit.run<SuppliesCardOpts>(async (s, o) => {
        const values: Record<string, unknown> = { name: o.name, spec: o.spec, unit: o.unit };
        await s.complete(values, [
          { key: 'name', flag: '--name', label: { zh: '物品名称', en: 'name' } },
          { key: 'spec', flag: '--spec', label: { zh: '规格', en: 'specification' } },
          { key: 'unit', flag: '--unit', label: { zh: '单位', en: 'unit' } },
        ] satisfies Field[]);
        const row = addItem(s.ctx(), cardOf({ ...o, ...values }));
        s.print(`${row.id}\n`);
        s.info(t('supplies.itemAdded', { id: row.id, name: row.name, spec: row.spec }));
      }),
    );

  interface SuppliesItemListOpts extends OutputOpts {
    all?: boolean;
  }
  kit
    .withOutput(kit.verb(items, 'list', { zh: '列出物品（默认只列在用的）', en: 'list items (those in use unless --all)' }, ['wenmi supplies item list --all --format json']))
    .option('--all', describe({ zh: '包括已停用的', en: 'include retired items' }))
    .action(kit.run<SuppliesItemListOpts>((s, o) => s.output(itemColumns, listItems(s.db(), o.all === true).map(itemRow), o)));

  interface SuppliesItemCorrectOpts extends SuppliesCardOpts {
    clear?: string[];
    reason?: string;
  }
  itemArg(
    withClear(
      cardOptions(
        kit.verb(items, 'correct', { zh: '更正物品卡片（新记录引用原记录并说明原因）', en: 'correct an item card (a new version naming the old one, with a reason)' }, [
          'wenmi supplies item correct 3 --reorder 30 --reason 用量增加',
          'wenmi supplies item correct 3 --clear price --reason 单价待定',
        ]),
      ),
      ['category', 'price'],
    ),
  )
    .option('--reason <text>', describe({ zh: '更正原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<SuppliesItemCorrectOpts>((s, o, [ref]) => {
        const row = correctItem(s.ctx(), ref!, applyClear(cardOf(o), o.clear, { category: 'category', price: 'price' }), o.reason);
        s.info(t('supplies.itemCorrected', { id: row.id, name: row.name, spec: row.spec }));
      }),
    );

  interface SuppliesItemRetireOpts {
    reason?: string;
  }
  itemArg(kit.verb(items, 'retire', { zh: '停用物品（保留历史，不再收发；结存须为零）', en: 'retire an item (kept in history, no new movements; its balance must be zero)' }, ['wenmi supplies item retire 7 --reason 不再采购']))
    .option('--reason <text>', describe({ zh: '停用原因（必填）', en: 'why (required)' }))
    .action(
      kit.run<SuppliesItemRetireOpts>((s, o, [ref]) => {
        const row = retireItem(s.ctx(), ref!, o.reason);
        s.info(t('supplies.itemRetiredDone', { id: row.id, name: row.name, spec: row.spec }));
      }),
    );

  interface SuppliesReceiveOpts extends SuppliesMoveOpts {
    unplanned?: boolean;
    reason?: string;
    qty?: number;
    price?: string;
    supplier?: string;
    plan?: string;
  }
  moveTail(
    itemArg(
      kit.verb(supplies, 'receive', { zh: '入库：数量、单价，可注明供应商和所执行的采购计划', en: 'receive (入库): quantity and unit price, optionally the supplier and the purchase plan it fulfils' }, [
        'wenmi supplies receive 3 --qty 50 --price 1.5 --plan CG2026-0004 --date 2026-11-20',
        'wenmi supplies receive A4纸 --qty 20 --price 25.00 --supplier 文具公司 --unplanned --reason 会议急需',
      ]),
    )
      .option('--qty <n>', describe({ zh: '数量', en: 'quantity' }), intArg(1, MAX_QTY))
      .option('--price <yuan>', describe({ zh: '单价（元）', en: 'unit price in yuan' }))
      .option('--supplier <name>', describe({ zh: '供应商', en: 'supplier' }))
      .option('--plan <number>', describe({ zh: '所执行的采购计划编号', en: 'the purchase plan it fulfils' }))
      .option('--unplanned', describe({ zh: '计划外采购（无已批准的采购计划；须 --reason）', en: 'bought without an approved purchase plan (needs --reason)' }))
      .option('--reason <text>', describe({ zh: '计划外采购的原因', en: 'why it was bought without a plan' })),
  ).action(
    kit.run<SuppliesReceiveOpts>(async (s, o, [ref]) => {
      const v: Record<string, unknown> = { qty: o.qty, price: o.price };
      await s.complete(v, [
        { key: 'qty', flag: '--qty', label: { zh: '数量', en: 'quantity' }, check: qtyOf },
        { key: 'price', flag: '--price', label: { zh: '单价（元）', en: 'unit price (yuan)' }, check: parseYuan },
      ]);
      const m = receiveSupplies(s.ctx(), ref!, { qty: qtyOf(v.qty), price: parseYuan(String(v.price)), supplier: o.supplier, plan: o.plan, unplanned: o.unplanned === true, reason: o.reason, date: dateOpt(s, o.date) });
      reportMove(s, o, m, 'supplies.received');
    }),
  );

  interface SuppliesIssueOpts extends SuppliesMoveOpts {
    qty?: number;
    dept?: string;
    person?: string;
    approver?: string;
  }
  moveTail(
    itemArg(
      kit.verb(supplies, 'issue', { zh: '领用：超过结存即拒绝，决不出现负库存', en: 'issue (领用); refused when it exceeds the balance — stock never goes negative' }, [
        'wenmi supplies issue A4纸 --qty 2 --dept 办公室 --person 张三 --approver 李主任',
      ]),
    )
      .option('--qty <n>', describe({ zh: '数量', en: 'quantity' }), intArg(1, MAX_QTY))
      .option('--dept <name>', describe({ zh: '领用部门', en: 'department' }))
      .option('--person <name>', describe({ zh: '领用人', en: 'person' }))
      .option('--approver <name>', describe({ zh: '批准人', en: 'approver' })),
  ).action(
    kit.run<SuppliesIssueOpts>(async (s, o, [ref]) => {
      const v: Record<string, unknown> = { qty: o.qty, dept: o.dept, person: o.person };
      await s.complete(v, [
        { key: 'qty', flag: '--qty', label: { zh: '数量', en: 'quantity' }, check: qtyOf },
        { key: 'dept', flag: '--dept', label: { zh: '领用部门', en: 'department' } },
        { key: 'person', flag: '--person', label: { zh: '领用人', en: 'person' } },
      ]);
      const m = issueSupplies(s.ctx(), ref!, { qty: qtyOf(v.qty), dept: String(v.dept), person: String(v.person), approver: o.approver, date: dateOpt(s, o.date) });
      reportMove(s, o, m, 'supplies.issued');
    }),
  );

  interface SuppliesWriteOffOpts extends SuppliesMoveOpts {
    qty?: number;
    reason?: string;
  }
  moveTail(
    itemArg(kit.verb(supplies, 'writeoff', { zh: '报废（须说明原因）', en: 'write off (报废), with a reason' }, ['wenmi supplies writeoff 签字笔 --qty 3 --reason 漏墨']))
      .option('--qty <n>', describe({ zh: '数量', en: 'quantity' }), intArg(1, MAX_QTY))
      .option('--reason <text>', describe({ zh: '报废原因（必填）', en: 'why (required)' })),
  ).action(
    kit.run<SuppliesWriteOffOpts>(async (s, o, [ref]) => {
      const v: Record<string, unknown> = { qty: o.qty, reason: o.reason };
      await s.complete(v, [
        { key: 'qty', flag: '--qty', label: { zh: '数量', en: 'quantity' }, check: qtyOf },
        { key: 'reason', flag: '--reason', label: { zh: '报废原因', en: 'reason' } },
      ]);
      const m = writeOffSupplies(s.ctx(), ref!, { qty: qtyOf(v.qty), reason: String(v.reason), date: dateOpt(s, o.date) });
      reportMove(s, o, m, 'supplies.writtenOff');
    }),
  );

  interface SuppliesReverseOpts extends SuppliesMoveOpts {
    reason?: string;
    approver?: string;
  }
  moveTail(
    kit
      .verb(
        supplies,
        'reverse',
        {
          zh: '红字冲销一笔收发记录：新记一笔“冲销”，数量和金额与原记录相反，注明原因；原记录保留',
          en: 'reverse (红字冲销) a movement posted wrongly: a new 冲销 entry with its opposite quantity and value and a reason; the original stays',
        },
        ['wenmi supplies reverse 2026-0012 --reason "单价录错，应为 23.50" --approver 李主任', 'wenmi supplies receive A4纸 --qty 20 --price 23.50 --supplier 文具公司'],
      )
      .argument('<movement>', describe({ zh: '要冲销的记录序号，如 2026-0012（supplies movements 第一列，每年从 1 起）；只写 12 指今年的第 12 笔', en: 'the number of the movement to reverse, e.g. 2026-0012 (first column of supplies movements, restarting each year); a bare 12 is number 12 of this year' }))
      .option('--reason <text>', describe({ zh: '冲销原因（必填）', en: 'why (required)' }))
      .option('--approver <name>', describe({ zh: '批准人', en: 'approver' })),
  ).action(
    kit.run<SuppliesReverseOpts>(async (s, o, [ref]) => {
      const v: Record<string, unknown> = { reason: o.reason };
      await s.complete(v, [{ key: 'reason', flag: '--reason', label: { zh: '冲销原因', en: 'reason' } }]);
      const r = reverseMovement(s.ctx(), ref!, { reason: String(v.reason), approver: o.approver, date: dateOpt(s, o.date) });
      const { movement: mv, item, balance, original } = r;
      if (o.format === 'json')
        s.print(JSON.stringify({ no: movementNo(mv), date: mv.moved_on, kind: mv.kind, reverses: movementNo(original), item: item.id, qty: mv.qty, valueFen: mv.value, balance: balance.qty, balanceValueFen: balance.value }) + '\n');
      else s.print(`${movementNo(mv)}\n`);
      s.info(t('supplies.reversed', { id: movementNo(mv), of: movementNo(original), kind: word(original.kind), qty: Math.abs(original.qty), unit: item.unit, item: `${item.name}（${item.spec}）`, value: formatYuan(Math.abs(original.value)), balance: balance.qty, balanceValue: formatYuan(balance.value) }));
    }),
  );

  interface SuppliesStockOpts extends OutputOpts {
    below?: boolean;
    all?: boolean;
  }
  kit
    .withOutput(kit.verb(supplies, 'stock', { zh: '库存：结存数量、金额、是否低于安全库存', en: 'stock on hand: quantity, value, below-reorder flag' }, ['wenmi supplies stock', 'wenmi supplies stock --below --format json']))
    .option('--below', describe({ zh: '只列低于安全库存的', en: 'only items below their reorder level' }))
    .option('--all', describe({ zh: '包括已停用的', en: 'include retired items' }))
    .action(kit.run<SuppliesStockOpts>((s, o) => s.output(stockColumns, stockView(s.db(), { all: o.all, below: o.below }), o)));

  interface SuppliesMovementsOpts extends OutputOpts, PeriodOpts {
    item?: string;
    dept?: string;
    kind?: string;
  }
  kit
    .withPeriod(
    kit.withOutput(
      kit.verb(supplies, 'movements', { zh: '收发明细（可按时期、物品、部门、类别筛选）', en: 'movements (by period, item, department, kind)' }, [
        'wenmi supplies movements --month 2026-11',
        'wenmi supplies movements --item A4纸 --dept 办公室 --format csv -o 明细.csv',
      ]),
    ),
    )
    .option('--item <item>', describe({ zh: '物品', en: 'one item' }))
    .option('--dept <name>', describe({ zh: '部门', en: 'department' }))
    .addOption(wordOption('--kind <kind>', { zh: '类别', en: 'kind' }, KINDS, WORDS))
    .action(
    kit.run<SuppliesMovementsOpts>(async (s, o) => {
      const { from, to } = s.period(o);
      const db = s.db();
      const itemId = o.item === undefined ? undefined : findItem(db, o.item).id;
      await s.output(movementColumns, [...movementView(db, { from, to, itemId, dept: o.dept, kind: o.kind })], o);
    }),
    );

  interface SuppliesUsageOpts extends OutputOpts, PeriodOpts {
    dept?: string;
  }
  kit
    .withPeriod(
    kit.withOutput(
      kit.verb(supplies, 'usage', { zh: '领用汇总：按部门和领用人（默认本月）', en: 'use by department and person (this month unless told)' }, ['wenmi supplies usage --month 2026-11', 'wenmi supplies usage --month last-month --dept 财务科']),
    ),
    )
    .option('--dept <name>', describe({ zh: '只看一个部门', en: 'one department only' }))
    .action(
    kit.run<SuppliesUsageOpts>(async (s, o) => {
      const p = o.month === undefined && o.from === undefined && o.to === undefined ? parseMonth('this-month', s.clock) : s.period(o);
      const from = p.from ?? '0000-01-01';
      const to = p.to ?? '9999-12-31';
      await s.output(usageColumns, usageView(s.db(), from, to, o.dept), o);
    }),
    );

  interface SuppliesReportOpts extends OutputOpts {
    month?: string;
  }
  kit
    .withOutput(
    kit.verb(supplies, 'report', { zh: '月末收发存汇总表：期初、入库、领用、报废、盘点调整、期末（数量和金额），附合计；冲销以负数计入所冲销记录的那一栏', en: 'month-end summary per item: opening, received, issued, written off, adjusted, closing (quantity and value), with totals; a reversal (冲销) counts, negative, in the column of what it reverses' }, [
      'wenmi supplies report --month 2026-11',
      'wenmi supplies report --month last-month --format json',
      'wenmi supplies report --month 2026-11 -o 收发存2026-11.csv',
    ]),
    )
    .option('--month <month>', describe({ zh: '月份，如 2026-11（默认本月）', en: 'the month, e.g. 2026-11 (default this month)' }))
    .action(
    kit.run<SuppliesReportOpts>(async (s, o) => {
      const { from, to, month } = parseMonth(o.month ?? 'this-month', s.clock);
      const { items: rows, total } = monthReport(s.db(), from, to);
      s.info(t('supplies.reportTitle', { month, from, to, count: rows.length }));
      const unplanned = Number(total.unplanned ?? 0);
      if (unplanned > 0) s.info(t('supplies.unplannedCount', { count: unplanned }));
      await s.output(reportColumns, [...rows, total], o);
    }),
    );

  planCommands(supplies, kit);
  stocktakeCommands(supplies, kit);
}

