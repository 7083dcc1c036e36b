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
  name: string;
  dflt_value: string | null;
  notnull: number;
}

/**
 * SQL giving 1 when entry `j`'s content matches row `t` of `table` found at its row_id, else 0.
 * SQLite's JSON cannot hold a BLOB: unguarded, a BLOB in the row fails the statement; `guarded`,
 * such a row is 0 (each column's type tested: slower).
 */
function matchSql(db: DB, table: string, guarded: boolean): string {
  // the columns in the order SELECT * gives them, which is the order JSON.stringify wrote them in
  const names = db.prepare(`SELECT * FROM ${ident(table)}`).columns().map((c) => c.name);
  const info = new Map((db.prepare('SELECT name, dflt_value, "notnull" FROM pragma_table_xinfo(?)').all(table) as ColumnInfo[]).map((c) => [c.name, c]));
  const col = (name: string) => `t.${ident(name)}`;
  const json = (count: number) => `json_object(${names.slice(0, count).map((n) => `${literal(n)}, ${col(n)}`).join(', ')})`;
  // an entry may have recorded fewer columns only if every column it lacks has a default (NULL for a nullable one)
  let fewest = names.length;
  while (fewest > 1) {
    const c = info.get(names[fewest - 1]!);
    if (!c || (c.notnull === 1 && c.dflt_value === null)) break;
    fewest--;
  }
  const branches: string[] = [];
  for (let count = names.length; count >= fewest; count--) {
    const defaults = names.slice(count).map((n) => `quote(${col(n)}) IS quote(${info.get(n)!.dflt_value ?? 'NULL'})`);
    branches.push(`WHEN ${[`j.content IS ${json(count)}`, ...defaults].join(' AND ')} THEN 1`);
  }
  const blob = guarded ? `WHEN 'blob' IN (${names.map((n) => `typeof(${col(n)})`).join(', ')}) THEN 0 ` : '';
  return `CASE ${blob}${branches.join(' ')} ELSE 0 END`;
}

/**
 * An SQL expression over journal entry `j` giving 1 when SQLite finds its register row holding
 * what it recorded, and 0 or NULL otherwise (the row missing or different, the table unknown or
 * not readable this way: gone, no rowid, too many columns): only those entries need the exact
 * check.
 */
export function rowMatchSql(db: DB, tables: string[], guarded: boolean): string {
  const cases: string[] = [];
  for (const table of tables) {
    const sub = (() => {
      try {
        const sql = `(SELECT ${matchSql(db, table, guarded)} FROM ${ident(table)} AS t WHERE t.rowid = j.row_id)`;
        db.prepare(`SELECT ${sql} FROM journal AS j LIMIT 0`);
        return sql;
      } catch {
        return null;
      }
    })();
    if (sub) cases.push(`WHEN ${literal(table)} THEN ${sub}`);
  }
  return cases.length ? `CASE j.tbl ${cases.join(' ')} END` : 'NULL';
}
