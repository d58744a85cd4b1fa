import { join } from 'node:path'
import Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { normaliseExpression, type SchemaShape, type TableShape, typeClass } from './schema-shape.ts'

/** A private in-memory SQLite database with every committed SQLite migration applied, as openDb does. */
export function migratedSqlite(): Database.Database {
  const sqlite = new Database(':memory:')
  sqlite.pragma('foreign_keys = ON')
  for (const m of readMigrationFiles({ migrationsFolder: join(PROJECT_ROOT, 'db', 'migrations') }))
    for (const statement of m.sql) sqlite.exec(statement)
  return sqlite
}

type XInfo = {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
  hidden: number
}
type IndexList = { name: string; unique: number; origin: string; partial: number }
type ForeignKeyRow = {
  id: number
  seq: number
  table: string
  from: string
  to: string
  on_update: string
  on_delete: string
}

/** The text inside the parentheses that open at `start` (which is just after the opening one). */
function balanced(text: string, start: number): string {
  let depth = 1
  let quote: string | null = null
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = null
    } else if (c === "'" || c === '"' || c === '`') quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return text.slice(start, i)
  }
  throw new Error(`Unbalanced parentheses in ${text}`)
}

function checksOf(createSql: string): Record<string, string> {
  const checks: Record<string, string> = {}
  for (const m of createSql.matchAll(/CONSTRAINT\s+["`]?(\w+)["`]?\s+CHECK\s*\(/gi))
    checks[m[1]!] = normaliseExpression(balanced(createSql, m.index + m[0].length))
  return checks
}

function tableShape(sqlite: Database.Database, table: string, createSql: string): TableShape {
  const q = (pragma: string) => sqlite.prepare(`select * from pragma_${pragma}(?)`)
  const columns: TableShape['columns'] = {}
  const pk: { name: string; pk: number }[] = []
  for (const c of q('table_xinfo').all(table) as XInfo[]) {
    if (c.hidden === 1) continue
    columns[c.name] = {
      type: typeClass(c.type),
      notNull: c.notnull === 1,
      default: c.dflt_value === null ? null : normaliseExpression(c.dflt_value),
    }
    if (c.pk > 0) pk.push(c)
  }
  const indexes: TableShape['indexes'] = {}
  for (const index of q('index_list').all(table) as IndexList[]) {
    if (index.origin === 'pk') continue
    const cols = (q('index_info').all(index.name) as { seqno: number; name: string }[])
      .sort((a, b) => a.seqno - b.seqno)
      .map((c) => c.name)
    const indexSql = sqlite.prepare('select sql from sqlite_master where name = ?').pluck().get(index.name) as
      | string
      | null
    const where = index.partial === 1 && indexSql ? indexSql.slice(indexSql.search(/\swhere\s/i) + 7) : null
    const key = index.origin === 'u' ? `unique(${cols.join(', ')})` : index.name
    indexes[key] = {
      columns: cols,
      unique: index.unique === 1,
      where: where === null ? null : normaliseExpression(where),
    }
  }
  const foreignKeys: TableShape['foreignKeys'] = {}
  const rows = q('foreign_key_list').all(table) as ForeignKeyRow[]
  for (const id of new Set(rows.map((r) => r.id))) {
    const parts = rows.filter((r) => r.id === id).sort((a, b) => a.seq - b.seq)
    const first = parts[0]!
    const key = `(${parts.map((p) => p.from).join(', ')}) -> ${first.table}(${parts.map((p) => p.to).join(', ')})`
    foreignKeys[key] = { onDelete: first.on_delete.toLowerCase(), onUpdate: first.on_update.toLowerCase() }
  }
  return {
    columns,
    primaryKey: pk.sort((a, b) => a.pk - b.pk).map((c) => c.name),
    indexes,
    foreignKeys,
    checks: checksOf(createSql),
  }
}

const TRIGGER =
  /CREATE\s+TRIGGER\s+[`"]?\w+[`"]?\s+(BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)(?:\s+OF\s+(.*?))?\s+ON\s/i

export function sqliteSchemaShape(sqlite: Database.Database): SchemaShape {
  const tables: SchemaShape['tables'] = {}
  const objects = sqlite
    .prepare(
      "select type, name, tbl_name, sql from sqlite_master where type in ('table', 'trigger') order by name",
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string }[]
  for (const o of objects)
    if (o.type === 'table' && !o.name.startsWith('sqlite_') && o.name !== '__drizzle_migrations')
      tables[o.name] = tableShape(sqlite, o.name, o.sql)
  const triggers: SchemaShape['triggers'] = {}
  for (const o of objects) {
    if (o.type !== 'trigger') continue
    const m = TRIGGER.exec(o.sql)
    if (!m) throw new Error(`Trigger ${o.name} not understood: ${o.sql}`)
    triggers[o.name] = {
      table: o.tbl_name,
      timing: m[1]!.toLowerCase(),
      event: m[2]!.toLowerCase(),
      columns: m[3]
        ? m[3]
            .split(',')
            .map((c) => c.trim().replace(/[`"]/g, ''))
            .sort()
        : [],
    }
  }
  const versionedTables = sqlite.prepare('select table_name from data_versions').pluck().all() as string[]
  return { tables, triggers, versionedTables }
}
