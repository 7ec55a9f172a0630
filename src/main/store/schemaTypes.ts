// Derives src/main/store/schema.ts (one TypeScript row type per table) from a migrated database:
// each column's declared type (the tables are STRICT), whether it may be NULL, and the values a
// CHECK (column IN (...)) allows. tests/unit/store/schemaTypes.test.ts keeps the file in step.
import type { Db } from './database';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

function pascal(table: string): string {
  return table
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The values `CHECK (col IN ('a','b'))` allows, when the table's SQL has such a check. */
function allowedValues(tableSql: string, column: string): string[] | null {
  const m = new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)\\s*\\)`, 'i').exec(tableSql);
  if (!m) return null;
  const values = [...m[1]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
  return values.length > 0 ? values : null;
}

function tsType(c: ColumnInfo, tableSql: string): string {
  const declared = c.type.toUpperCase();
  let base: string;
  if (declared === 'INTEGER' || declared === 'REAL') base = 'number';
  else if (declared === 'BLOB') base = 'Buffer';
  else if (declared === 'TEXT') {
    const allowed = allowedValues(tableSql, c.name);
    base = allowed ? allowed.map((v) => `'${v}'`).join(' | ') : 'string';
  } else base = 'unknown';
  // An INTEGER PRIMARY KEY is the rowid: never NULL in a stored row.
  const nullable = c.notnull === 0 && c.pk === 0;
  return nullable ? `${base} | null` : base;
}

export function schemaTypes(db: Db): string {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  const out: string[] = [
    '// Generated from the migrations by src/main/store/schemaTypes.ts; do not edit by hand.',
    '// One row type per table, as stored (INTEGER cents, YYYY-MM-DD dates, 0/1 flags).',
    '// Regenerate after a migration: RECOUP_WRITE_SCHEMA=1 npx vitest run tests/unit/store/schemaTypes.test.ts',
    '',
  ];
  for (const t of tables) {
    const columns = db
      .prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`)
      .all(t.name) as ColumnInfo[];
    out.push(`export interface ${pascal(t.name)}Row {`);
    for (const c of columns) out.push(`  ${c.name}: ${tsType(c, t.sql)};`);
    out.push('}', '');
  }
  out.push('/** Every table, by name. */', 'export interface Tables {');
  for (const t of tables) out.push(`  ${t.name}: ${pascal(t.name)}Row;`);
  out.push('}', '');
  return out.join('\n');
}
