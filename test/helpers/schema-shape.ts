/**
 * A database schema reduced to what both dialects must agree on (decision 0044): per table its
 * columns' storage classes, nullability, defaults and primary key, its indexes, foreign keys and
 * checks; the triggers; the data_versions rows. Names are compared as they are; expressions
 * (defaults, partial-index predicates, checks) after `normaliseExpression`.
 */

export type TypeClass = 'integer' | 'text' | 'real' | 'blob' | `other:${string}`

export type ColumnShape = { type: TypeClass; notNull: boolean; default: string | null }
export type IndexShape = { columns: string[]; unique: boolean; where: string | null }
export type ForeignKeyShape = { onDelete: string; onUpdate: string }
export type TableShape = {
  columns: Record<string, ColumnShape>
  primaryKey: string[]
  /** By index name; a UNIQUE constraint's index by `unique(col, …)`. */
  indexes: Record<string, IndexShape>
  /** By `(col, …) -> table(col, …)`. */
  foreignKeys: Record<string, ForeignKeyShape>
  /** By constraint name. */
  checks: Record<string, string>
}
export type TriggerShape = { table: string; timing: string; event: string; columns: string[] }
export type SchemaShape = {
  tables: Record<string, TableShape>
  triggers: Record<string, TriggerShape>
  versionedTables: string[]
}

/** The storage class a declared column type gets, by SQLite's affinity rules and PostgreSQL's names. */
export function typeClass(declared: string): TypeClass {
  const t = declared.toLowerCase()
  if (t.includes('int')) return 'integer'
  if (t.includes('char') || t.includes('clob') || t.includes('text')) return 'text'
  if (t === '' || t.includes('blob') || t === 'bytea') return 'blob'
  if (t.includes('real') || t.includes('floa') || t.includes('doub')) return 'real'
  return `other:${t}`
}

/**
 * One spelling for an SQL expression as SQLite keeps it (the text written) and as PostgreSQL
 * deparses it (parenthesised, upper-case keywords, `::text` casts, `= ANY (ARRAY[…])` for IN).
 */
export function normaliseExpression(expression: string): string {
  return expression
    .toLowerCase()
    .replace(/::[a-z_]+( [a-z_]+)*(\[\])?/g, '')
    .replace(/\s*=\s*any\s*\(\s*array\s*\[([^\]]*)\]\s*\)/g, ' in ($1)')
    .replace(/[\s()"`]/g, '')
    .replace(/^true$/, '1')
    .replace(/^false$/, '0')
}

function describe(value: unknown): string {
  return JSON.stringify(value)
}

function compareRecords<T>(
  where: string,
  what: string,
  sqlite: Record<string, T>,
  pg: Record<string, T>,
  compare: (place: string, a: T, b: T) => string[],
): string[] {
  const out: string[] = []
  for (const name of Object.keys(sqlite).sort()) {
    if (!(name in pg)) out.push(`${where}${what} ${name}: only in SQLite`)
    else out.push(...compare(`${where}${what} ${name}`, sqlite[name]!, pg[name]!))
  }
  for (const name of Object.keys(pg).sort())
    if (!(name in sqlite)) out.push(`${where}${what} ${name}: only in PostgreSQL`)
  return out
}

function compareFields<T extends object>(place: string, sqlite: T, pg: T): string[] {
  const out: string[] = []
  for (const key of Object.keys(sqlite) as (keyof T & string)[]) {
    const a = describe(sqlite[key])
    const b = describe(pg[key])
    if (a !== b) out.push(`${place}: ${key} ${a} in SQLite, ${b} in PostgreSQL`)
  }
  return out
}

/** Every difference between the two schemas, one line each; empty when they agree. */
export function schemaDifferences(sqlite: SchemaShape, pg: SchemaShape): string[] {
  const out = compareRecords('', 'table', sqlite.tables, pg.tables, (place, a, b) => [
    ...compareRecords(`${place}: `, 'column', a.columns, b.columns, compareFields),
    ...compareFields(place, { primaryKey: a.primaryKey }, { primaryKey: b.primaryKey }),
    ...compareRecords(`${place}: `, 'index', a.indexes, b.indexes, compareFields),
    ...compareRecords(`${place}: `, 'foreign key', a.foreignKeys, b.foreignKeys, compareFields),
    ...compareRecords(`${place}: `, 'check', a.checks, b.checks, (p, x, y) =>
      x === y ? [] : [`${p}: ${describe(x)} in SQLite, ${describe(y)} in PostgreSQL`],
    ),
  ])
  out.push(...compareRecords('', 'trigger', sqlite.triggers, pg.triggers, compareFields))
  out.push(
    ...compareFields(
      'data_versions rows',
      { tables: [...sqlite.versionedTables].sort() },
      { tables: [...pg.versionedTables].sort() },
    ),
  )
  return out
}
