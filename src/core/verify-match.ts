/**
 * The fast half of verify's row check: SQLite compares each journal entry's recorded content
 * with its register row, as JSON, in one pass per table, and hands back only the entries it
 * could not match. Those, and only those, get the exact check in JavaScript (verify.ts
 * `sameAsRecorded`), so a match here must imply a match there, while a mismatch here may still
 * be a row that is fine (then the exact check says so).
 *
 * Why a match implies a match: the content is JSON.stringify of the row as it was read when
 * written (its columns in table order). SQLite's JSON of the row equal to that text means the
 * same values, column for column. A column added by a later migration is appended to the table,
 * so an older entry recorded a prefix of today's columns: it matches when that prefix does and
 * every later column holds its default (the same SQL value and type: `quote()` equal), the rule
 * `sameAsRecorded` applies. Anything else (a BLOB, which SQLite's JSON cannot hold; a REAL, which
 * SQLite writes `1.0`) is left to the exact check.
 */
import type { DB } from './db.js';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface ColumnInfo {
  table: string;
  name: string;
  dflt_value: string | null;
  notnull: number;
}

/** Each table's columns in the order SELECT * gives them, which is the order JSON.stringify wrote them in; one query for all. */
function columnsOf(db: DB): Map<string, ColumnInfo[]> {
  const rows = db
    .prepare(
      `SELECT m.name AS "table", c.name, c.dflt_value, c."notnull" FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS c
       WHERE m.type = 'table' AND c.hidden <> 1 ORDER BY m.name, c.cid`,
    )
    .all() as ColumnInfo[];
  const byTable = new Map<string, ColumnInfo[]>();
  for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  return byTable;
}

/**
 * SQL giving 1 when entry `j`'s content matches row `t` (of a table with these columns) found at
 * its row_id, else 0. SQLite's JSON cannot hold a BLOB: unguarded, a BLOB in the row fails the
 * statement; `guarded`, such a row is 0 (each column's type tested: slower).
 */
function matchSql(columns: ColumnInfo[], guarded: boolean): string {
  const col = (c: ColumnInfo) => `t.${ident(c.name)}`;
  const json = (count: number) => `json_object(${columns.slice(0, count).map((c) => `${literal(c.name)}, ${col(c)}`).join(', ')})`;
  // an entry may have recorded fewer columns only if every column it lacks has a default (NULL for a nullable one)
  let fewest = columns.length;
  while (fewest > 1) {
    const c = columns[fewest - 1]!;
    if (c.notnull === 1 && c.dflt_value === null) break;
    fewest--;
  }
  const branches: string[] = [];
  for (let count = columns.length; count >= fewest; count--) {
    const defaults = columns.slice(count).map((c) => `quote(${col(c)}) IS quote(${c.dflt_value ?? 'NULL'})`);
    branches.push(`WHEN ${[`j.content IS ${json(count)}`, ...defaults].join(' AND ')} THEN 1`);
  }
  const blob = guarded ? `WHEN 'blob' IN (${columns.map((c) => `typeof(${col(c)})`).join(', ')}) THEN 0 ` : '';
  return `CASE ${blob}${branches.join(' ')} ELSE 0 END`;
}

/**
 * An SQL expression over journal entry `j` giving 1 when SQLite finds its register row holding
 * what it recorded, and 0 or NULL otherwise (the row missing or different, the table unknown or
 * not readable this way: gone, no rowid, too many columns): only those entries need the exact
 * check.
 */
export function rowMatchSql(db: DB, tables: string[], guarded: boolean): string {
  const columns = columnsOf(db);
  const sub = (table: string) => `(SELECT ${matchSql(columns.get(table)!, guarded)} FROM ${ident(table)} AS t WHERE t.rowid = j.row_id)`;
  const prepares = (sql: string) => {
    try {
      db.prepare(`SELECT ${sql} FROM journal AS j LIMIT 0`);
      return true;
    } catch {
      return false;
    }
  };
  const expression = (among: string[]) => (among.length ? `CASE j.tbl ${among.map((t) => `WHEN ${literal(t)} THEN ${sub(t)}`).join(' ')} END` : 'NULL');
  // a table the file lacks is left out (its entries fail the exact check as before)
  const present = tables.filter((t) => columns.has(t));
  const all = expression(present);
  if (prepares(all)) return all;
  // one table cannot be read this way (no rowid, too many columns): find which, and leave it out
  return expression(present.filter((t) => prepares(sub(t))));
}
