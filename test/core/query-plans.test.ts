/**
 * Indexes that match how the registers are read (#16). Each case runs a real command in-process
 * (its list, its period filter, its export, `wenmi due`) and records every SELECT the command
 * steps, with its parameters; each one's `EXPLAIN QUERY PLAN` must not walk a journaled table
 * without an index, and must not sort in a temporary B-tree for its ORDER BY unless an index
 * search bounds the rows first (a month, one entry): so dropping an index fails here.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

interface Recorded {
  sql: string;
  plan: PlanRow[];
  /** The statement's SQL with that of every view in the database, to tell what an alias stands for. */
  context: string;
}

let recorded: Recorded[] | null = null;

/** Records each statement a command steps (all, get, iterate) with the plan SQLite makes for its parameters. */
function recordStatements(): () => void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  const originals = { all: proto.all!, get: proto.get!, iterate: proto.iterate! };
  let explaining = false;
  for (const name of ['all', 'get', 'iterate'] as const) {
    proto[name] = function (this: Database.Statement, ...args: unknown[]) {
      if (recorded && !explaining && this.reader && /^\s*(SELECT|WITH)\b/i.test(this.source)) {
        explaining = true;
        try {
          const explain = this.database.prepare(`EXPLAIN QUERY PLAN ${this.source}`);
          const views = new Map(originals.all.apply(this.database.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'view'").raw(), []) as [string, string][]);
          recorded.push({ sql: this.source, plan: originals.all.apply(explain, args) as PlanRow[], context: withViews(this.source, views) });
        } finally {
          explaining = false;
        }
      }
      return originals[name].apply(this, args);
    };
  }
  return () => Object.assign(proto, originals);
}

/**
 * Tables small by nature, which may be walked: SQLite's catalogue, the migration record, and a
 * unit's seals, supply items and their revisions, purchase plans and stocktakes (tens to hundreds).
 */
const SMALL = new Set(['sqlite_schema', 'schema_migrations', 'seals', 'supplies_items', 'supplies_item_revisions', 'supplies_plans', 'supplies_stocktakes']);

/** A statement's SQL followed by that of the views it reads, and theirs in turn. */
function withViews(sql: string, views: Map<string, string>): string {
  const seen = new Set<string>();
  const parts = [sql];
  for (let i = 0; i < parts.length; i++) {
    for (const m of parts[i]!.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)) {
      const view = views.get(m[1]!);
      if (view !== undefined && !seen.has(m[1]!)) seen.add(m[1]!), parts.push(view);
    }
  }
  return parts.join('\n');
}

/** The tables each alias of a statement (and of the views it reads) may stand for. */
function aliases(sql: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const [table, alias] = [m[1]!, m[2]];
    for (const name of [table, alias]) {
      if (!name || /^(ON|WHERE|LEFT|JOIN|CROSS|INNER|ORDER|GROUP|USING)$/i.test(name)) continue;
      if (!out.has(name)) out.set(name, new Set());
      out.get(name)!.add(table);
    }
  }
  return out;
}

/**
 * What is wrong with one statement's plan: a walk of a table without an index; any walk inside a
 * correlated subquery (once per outer row); a sort of rows that neither an index search nor a
 * small table has bounded.
 */
export function planProblems(plan: PlanRow[], names: Map<string, Set<string>> = new Map()): string[] {
  const problems: string[] = [];
  const small = (name: string) => SMALL.has(name) || (names.has(name) && [...names.get(name)!].every((t) => SMALL.has(t)));
  const byId = new Map(plan.map((p) => [p.id, p]));
  const coroutines = new Set(plan.map((p) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(p.detail)?.[1]).filter(Boolean));
  const correlated = (step: PlanRow): boolean => {
    for (let p = byId.get(step.parent); p; p = byId.get(p.parent)) {
      if (p.detail.startsWith('CORRELATED')) return true;
      if (p.detail.startsWith('CO-ROUTINE') || p.detail.startsWith('MATERIALIZE')) return false;
    }
    return false;
  };
  const within = (step: PlanRow): PlanRow | undefined => {
    for (let p = byId.get(step.parent); p; p = byId.get(p.parent)) if (/^(CO-ROUTINE|MATERIALIZE) /.test(p.detail)) return p;
    return undefined;
  };
  // a view read as a co-routine (a UNION ALL view such as supplies_ledger) is scanned by its alias from outside it
  const coroutineOf = (name: string, step: PlanRow): PlanRow | undefined => {
    if (within(step)) return undefined;
    const target = coroutines.has(name) ? name : [...(names.get(name) ?? [])].find((t) => coroutines.has(t));
    return target === undefined ? undefined : plan.find((p) => p.detail === `CO-ROUTINE ${target}` || p.detail === `MATERIALIZE ${target}`);
  };
  for (const step of plan) {
    const scan = /^SCAN (\S+)(.*)$/.exec(step.detail);
    if (!scan || scan[1]!.startsWith('(') || scan[1] === 'CONSTANT' || coroutineOf(scan[1]!, step) || small(scan[1]!)) continue;
    if (!/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(scan[2]!) || correlated(step)) problems.push(step.detail);
  }
  // per loop nest (the statement, or each arm of a compound query), its outermost loop decides how many rows
  // reach its sort; a co-routine's rows are bounded when each of its loops is an index search
  const inside = (root: PlanRow) => plan.filter((p) => { for (let q = byId.get(p.parent); q; q = byId.get(q.parent)) if (q === root) return true; return false; });
  const searched = (root: PlanRow) => inside(root).every((p) => !/^SCAN /.test(p.detail) || small(p.detail.split(' ')[1]!));
  for (const sort of plan.filter((p) => p.detail === 'USE TEMP B-TREE FOR ORDER BY')) {
    const outer = plan.find((p) => p.parent === sort.parent && /^(SCAN|SEARCH|MULTI-INDEX OR$)/.test(p.detail));
    const outerName = outer?.detail.split(' ')[1];
    const routine = outer && outerName ? coroutineOf(outerName, outer) : undefined;
    const bounded =
      outer !== undefined &&
      (outer.detail.startsWith('SEARCH') || (outer.detail === 'MULTI-INDEX OR' && searched(outer)) || small(outerName!) || (routine !== undefined && searched(routine)));
    if (!bounded) problems.push('USE TEMP B-TREE FOR ORDER BY');
  }
  return problems;
}

/** A period filter is an index range search (`received_on>? AND received_on<?`), not a filter applied to every row. */
const periodSearch = (plans: Recorded[]) => plans.some((p) => p.plan.some((s) => /^SEARCH .*\(.*\w+>\? AND \w+<\?\)/.test(s.detail)));

let dir: string;
let restore: () => void;
const env = () => ({ WENMI_DB: path.join(dir, 'w.db') });

beforeAll(async () => {
  dir = tempDir();
  expect((await cli(['init'], { env: env() })).code).toBe(0);
  restore = recordStatements();
});
afterAll(() => restore());

async function plansOf(args: string[]): Promise<Recorded[]> {
  recorded = [];
  try {
    const r = await cli(args, { env: env() });
    expect(r.code, r.stderr).toBe(0);
    return recorded;
  } finally {
    recorded = null;
  }
}

const out = () => path.join(dir, 'out.csv');

const cases: string[][] = [
  ['incoming', 'list', '--limit', '50'],
  ['incoming', 'list', '--month', '2026-11'],
  ['incoming', 'list', '--from', '2026-11-01', '--to', '2026-11-15'],
  ['incoming', 'export', '-o', 'OUT', '--force'],
  ['incoming', 'export', '--month', '2026-11', '-o', 'OUT', '--force'],
  ['outgoing', 'list'],
  ['outgoing', 'list', '--month', '2026-11'],
  ['outgoing', 'export', '-o', 'OUT', '--force'],
  ['seal', 'list'],
  ['seal', 'requests'],
  ['seal', 'requests', '--month', '2026-11'],
  ['seal', 'export', '-o', 'OUT', '--force'],
  ['seal', 'export', '--month', '2026-11', '-o', 'OUT', '--force'],
  ['supplies', 'item', 'list'],
  ['supplies', 'plan', 'list'],
  ['supplies', 'movements'],
  ['supplies', 'movements', '--month', '2026-11'],
  ['supplies', 'movements', '--from', '2026-11-01', '--to', '2026-11-15', '--dept', '办公室'],
  ['supplies', 'stock'],
  ['supplies', 'report', '--month', '2026-11'],
  ['supplies', 'usage', '--month', '2026-11'],
  ['archive', 'list'],
  ['archive', 'list', '--month', '2026-11'],
  ['archive', 'list', '--from', '2026-11-01', '--to', '2026-11-15'],
  ['archive', 'loans'],
  ['meeting', 'list'],
  ['meeting', 'list', '--month', '2026-11'],
  ['meeting', 'decisions', '--open'],
  ['relay', 'list'],
  ['relay', 'list', '--month', '2026-11'],
  ['relay', 'export', '-o', 'OUT', '--force'],
  ['due'],
];

describe('every list, period filter, export and due source reads through an index', () => {
  it.each(cases.map((c) => [c.join(' ')]))('%s', async (line) => {
    const args = line.split(' ').map((a) => (a === 'OUT' ? out() : a));
    const plans = await plansOf(args);
    expect(plans.length).toBeGreaterThan(0);
    const bad = plans.map((p) => ({ sql: p.sql.replace(/\s+/g, ' '), problems: planProblems(p.plan, aliases(p.context)), plan: p.plan.map((s) => s.detail) })).filter((p) => p.problems.length > 0);
    expect(bad).toEqual([]);
    if (/--month|--from/.test(line)) expect(periodSearch(plans), plans.map((p) => p.plan.map((s) => s.detail).join('\n')).join('\n\n')).toBe(true);
  });
});

// One entry: a write and a show of each kind read what they need by index, whatever the register's size.
const entries: string[][] = [
  ['config', 'set', 'archive.fonds', 'Z001'],
  ['supplies', 'item', 'add', '--name', 'A4纸', '--spec', '70g', '--unit', '包', '--price', '25', '--reorder', '10'],
  ['supplies', 'receive', 'A4纸', '--qty', '10', '--price', '25.00', '--date', '2026-11-02', '--unplanned', '--reason', '零星采购'],
  ['supplies', 'issue', 'A4纸', '--qty', '2', '--dept', '办公室', '--person', '张三', '--date', '2026-11-03'],
  ['supplies', 'writeoff', 'A4纸', '--qty', '1', '--reason', '受潮', '--date', '2026-11-03'],
  ['supplies', 'reverse', '2026-0002', '--reason', '部门填错', '--date', '2026-11-04'],
  ['supplies', 'movements', '--item', 'A4纸'],
  ['archive', 'file', '--title', '报告', '--author', '办公室', '--date', '2026-11-20', '--retention', 'Y', '--org', 'BGS'],
  ['archive', 'show', 'Z001-WS·2026-Y-BGS-0001'],
  ['seal', 'add', '--name', '办公室公章', '--type', '公章', '--custodian', '李保管', '--since', '2026-01-04'],
  ['seal', 'request', '--seal', '公章', '--doc', '合同', '--unit', '办公室', '--purpose', '签订合同', '--count', '3', '--requester', '陈经办'],
  ['seal', 'approve', 'Y2026-0001', '--approver', '周主任'],
  ['seal', 'stamp', 'Y2026-0001', '--count', '2'],
  ['outgoing', 'draft', '--no-input', '--title', '关于年终工作的通知', '--drafter', '张文书', '--dept', '办公室', '--to', '各科室'],
  ['outgoing', 'show', 'NG2026-0001'],
];

/**
 * Statements let through here: the journal's newest entry (SQLite shows its walk of the rowid from the
 * end, stopped by LIMIT 1, as a SCAN). A show's links (linksOf) are checked like any other read:
 * core:007-links-from indexes their from end.
 */
const LET_THROUGH = new Set([
  'SELECT seq, at, hash FROM journal ORDER BY seq DESC LIMIT 1',
]);

describe('a write or a show of one entry reads through an index', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'entries.db');
    expect((await cli(['init'], { env: { WENMI_DB: file } })).code).toBe(0);
  });
  // in order: each case writes what the next reads
  it.each(entries.map((c) => [c.join(' ')]))('%s', async (line) => {
    recorded = [];
    try {
      const r = await cli(line.split(' '), { env: { WENMI_DB: file, WENMI_NOW: '2026-11-27T09:30' } });
      expect(r.code, r.stderr).toBe(0);
      const bad = recorded
        .filter((p) => !LET_THROUGH.has(p.sql))
        .map((p) => ({ sql: p.sql.replace(/\s+/g, ' '), problems: planProblems(p.plan, aliases(p.context)), plan: p.plan.map((s) => s.detail) }))
        .filter((p) => p.problems.length > 0);
      expect(bad).toEqual([]);
    } finally {
      recorded = null;
    }
  });
});

describe('the plan check', () => {
  it('fails when an index the register is read by is dropped', async () => {
    const file = path.join(dir, 'dropped.db');
    expect((await cli(['init'], { env: { WENMI_DB: file } })).code).toBe(0);
    const db = new Database(file);
    db.exec('DROP INDEX incoming_docs_order; DROP INDEX incoming_revisions_received');
    db.close();
    recorded = [];
    try {
      expect((await cli(['incoming', 'list', '--limit', '50'], { env: { WENMI_DB: file } })).code).toBe(0);
      expect(recorded.flatMap((p) => planProblems(p.plan, aliases(p.context)))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
      recorded = [];
      expect((await cli(['incoming', 'list', '--month', '2026-11'], { env: { WENMI_DB: file } })).code).toBe(0);
      expect(periodSearch(recorded)).toBe(false);
    } finally {
      recorded = null;
    }
  });

  it('fails when the date indexes of the archive catalogue or the supplies ledger are dropped', async () => {
    const file = path.join(dir, 'dropped-dates.db');
    expect((await cli(['init'], { env: { WENMI_DB: file } })).code).toBe(0);
    const db = new Database(file);
    db.exec('DROP INDEX archive_items_doc_date; DROP INDEX archive_revisions_doc_date; DROP INDEX supplies_movements_date; DROP INDEX supplies_reversals_date');
    db.close();
    const problems = async (args: string[]) => {
      recorded = [];
      try {
        expect((await cli(args, { env: { WENMI_DB: file } })).code).toBe(0);
        return { problems: recorded.flatMap((p) => planProblems(p.plan, aliases(p.context))), period: periodSearch(recorded) };
      } finally {
        recorded = null;
      }
    };
    expect((await problems(['archive', 'list', '--month', '2026-11'])).period).toBe(false);
    const month = await problems(['supplies', 'movements', '--month', '2026-11']);
    expect([month.period, month.problems]).toEqual([false, ['USE TEMP B-TREE FOR ORDER BY', 'USE TEMP B-TREE FOR ORDER BY']]);
    expect((await problems(['supplies', 'report', '--month', '2026-11'])).problems).toEqual(expect.arrayContaining(['SCAN m', 'SCAN r']));
  });

  it('a UNION ALL view read as a co-routine passes when each half is an index search, and fails when one walks its table', () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE TABLE a (id INTEGER PRIMARY KEY, d TEXT, q INTEGER); CREATE TABLE b (id INTEGER PRIMARY KEY, d TEXT, q INTEGER);
               CREATE INDEX a_d ON a (d); CREATE INDEX b_d ON b (d);
               CREATE VIEW v AS SELECT id, d, q FROM a UNION ALL SELECT id, d, q FROM b`);
      const sql = "SELECT v.d, SUM(v.q) FROM v WHERE v.d >= '2026-11-01' AND v.d <= '2026-11-30' GROUP BY v.d ORDER BY SUM(v.q)";
      const check = () => planProblems(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as PlanRow[], aliases(`${sql}\nSELECT id, d, q FROM a UNION ALL SELECT id, d, q FROM b`));
      expect(check()).toEqual([]);
      db.exec('DROP INDEX b_d');
      expect(check()).toEqual(['SCAN b', 'USE TEMP B-TREE FOR ORDER BY']);
    } finally {
      db.close();
    }
  });

  it('refuses a walk without an index and an unbounded sort, and accepts an ordered index walk', () => {
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)');
      const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as PlanRow[];
      expect(planProblems(plan('SELECT * FROM t ORDER BY a'))).toEqual(['SCAN t', 'USE TEMP B-TREE FOR ORDER BY']);
      db.exec('CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b)');
      expect(planProblems(plan('SELECT * FROM t ORDER BY a LIMIT 50'))).toEqual([]);
      // a month's rows found by an index may be sorted: the sort is as big as the month
      expect(planProblems(plan("SELECT * FROM t WHERE b >= '2026-11-01' AND b <= '2026-11-30' ORDER BY a"))).toEqual([]);
      db.exec('DROP INDEX t_a');
      expect(planProblems(plan('SELECT * FROM t ORDER BY a LIMIT 50'))).toEqual(['SCAN t', 'USE TEMP B-TREE FOR ORDER BY']);
    } finally {
      db.close();
    }
  });
});
