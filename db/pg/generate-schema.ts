import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Column, getTableColumns, is, SQL, type Table } from 'drizzle-orm'
import { getTableConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from '../schema.ts'

/**
 * Writes db/schema-pg.ts from db/schema.ts (decision 0044): every SQLite table as a PostgreSQL
 * table with the same names, storage classes, keys, indexes, references and checks, so the SQLite
 * schema stays the one home of the data model and drizzle-kit can generate PostgreSQL migrations.
 */

const schemaSource = fileURLToPath(new URL('../schema.ts', import.meta.url))
export const pgSchemaPath = fileURLToPath(new URL('../schema-pg.ts', import.meta.url))

const INTEGER_TYPES = new Set(['SQLiteInteger', 'SQLiteBoolean', 'SQLiteTimestamp'])
const TEXT_TYPES = new Set(['SQLiteText', 'SQLiteTextJson'])
const BLOB_TYPES = new Set(['SQLiteBlobBuffer', 'SQLiteBlobJson', 'SQLiteBigInt'])

const dialect = new SQLiteSyncDialect()

function sqlText(value: SQL): string {
  const query = dialect.sqlToQuery(value)
  if (query.params.length > 0) throw new Error(`SQL with parameters cannot be mirrored: ${query.sql}`)
  return `sql\`${query.sql.replaceAll('`', '\\`')}\``
}

function literal(value: unknown): string {
  if (is(value, SQL)) return sqlText(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  throw new Error(`Default ${JSON.stringify(value)} cannot be mirrored`)
}

/** The exported tables of db/schema.ts in the order the file declares them. */
function tablesInSourceOrder(): { name: string; table: SQLiteTable }[] {
  const exported = new Map<string, SQLiteTable>()
  for (const [name, value] of Object.entries(schema)) if (is(value, SQLiteTable)) exported.set(name, value)
  const order = [...readFileSync(schemaSource, 'utf8').matchAll(/export const (\w+) = sqliteTable\(/g)].map(
    (m) => m[1]!,
  )
  const missing = [...exported.keys()].filter((name) => !order.includes(name))
  if (missing.length > 0)
    throw new Error(`Tables not declared as \`export const x = sqliteTable(\`: ${missing}`)
  return order.map((name) => ({ name, table: exported.get(name)! }))
}

function keyOf(table: Table, column: Column): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column)
  if (!entry) throw new Error(`Column ${column.name} not found in its table`)
  return entry[0]
}

export function renderPgSchema(): string {
  const tables = tablesInSourceOrder()
  const exportName = new Map<Table, string>(tables.map(({ name, table }) => [table, name]))
  const position = new Map<Table, number>(tables.map(({ table }, i) => [table, i]))
  const used = new Set<string>(['pgTable'])
  let usesSql = false
  let usesBytea = false
  const blocks: string[] = []

  for (const [index, { name, table }] of tables.entries()) {
    const config = getTableConfig(table)
    const references = new Map<string, string>()
    for (const fk of config.foreignKeys) {
      const ref = fk.reference()
      if (ref.columns.length !== 1) throw new Error(`${config.name}: composite foreign keys are not mirrored`)
      const target = exportName.get(ref.foreignTable)
      if (!target) throw new Error(`${config.name}: reference to an unexported table`)
      const forward = (position.get(ref.foreignTable) ?? 0) >= index
      if (forward) used.add('type AnyPgColumn')
      const actions = [
        fk.onDelete && fk.onDelete !== 'no action' ? `onDelete: '${fk.onDelete}'` : '',
        fk.onUpdate && fk.onUpdate !== 'no action' ? `onUpdate: '${fk.onUpdate}'` : '',
      ].filter(Boolean)
      references.set(
        ref.columns[0]!.name,
        `.references(()${forward ? ': AnyPgColumn' : ''} => ${target}.${keyOf(ref.foreignTable, ref.foreignColumns[0]!)}${
          actions.length > 0 ? `, { ${actions.join(', ')} }` : ''
        })`,
      )
    }

    const columns = config.columns.map((column) => {
      const key = keyOf(table, column)
      const serial =
        column.primary && (column as unknown as { autoIncrement?: boolean }).autoIncrement === true
      let type: string
      if (serial) type = `bigserial('${column.name}', { mode: 'number' })`
      else if (INTEGER_TYPES.has(column.columnType)) type = `bigint('${column.name}', { mode: 'number' })`
      else if (TEXT_TYPES.has(column.columnType)) type = `text('${column.name}')`
      else if (column.columnType === 'SQLiteReal') type = `doublePrecision('${column.name}')`
      else if (BLOB_TYPES.has(column.columnType)) {
        usesBytea = true
        used.add('customType')
        type = `bytea('${column.name}')`
      } else throw new Error(`${config.name}.${column.name}: no PostgreSQL mirror for ${column.columnType}`)
      used.add(type.slice(0, type.indexOf('(')))
      let line = `${key}: ${type}`
      if (column.primary) line += '.primaryKey()'
      else if (column.notNull) line += '.notNull()'
      if (column.default !== undefined) {
        if (is(column.default, SQL)) usesSql = true
        line += `.default(${literal(column.default)})`
      }
      if (column.isUnique) line += `.unique('${column.uniqueName}')`
      line += references.get(column.name) ?? ''
      return `${line},`
    })

    const extras: string[] = []
    const t = (column: Column) => `t.${keyOf(table, column)}`
    for (const pk of config.primaryKeys) {
      used.add('primaryKey')
      extras.push(`primaryKey({ columns: [${pk.columns.map(t).join(', ')}] })`)
    }
    for (const idx of config.indexes) {
      const kind = idx.config.unique ? 'uniqueIndex' : 'index'
      used.add(kind)
      const on = idx.config.columns.map((c) => {
        if (is(c, SQL)) throw new Error(`${idx.config.name}: expression indexes are not mirrored`)
        return t(c as Column)
      })
      let line = `${kind}('${idx.config.name}').on(${on.join(', ')})`
      if (idx.config.where) {
        usesSql = true
        line += `.where(${sqlText(idx.config.where)})`
      }
      extras.push(line)
    }
    for (const unique of config.uniqueConstraints) {
      used.add('unique')
      extras.push(`unique('${unique.getName()}').on(${unique.columns.map(t).join(', ')})`)
    }
    for (const c of config.checks) {
      used.add('check')
      usesSql = true
      extras.push(`check('${c.name}', ${sqlText(c.value)})`)
    }

    const body = `{\n${columns.join('\n')}\n}`
    blocks.push(
      `export const ${name} = pgTable('${config.name}', ${body}${
        extras.length > 0 ? `, (t) => [${extras.join(', ')}]` : ''
      })`,
    )
  }

  used.delete('bytea')
  const imports = [...used].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')))
  return [
    '// Generated from db/schema.ts by db/pg/generate-schema.ts (`npm run db:generate:pg`): do not edit.',
    usesSql ? "import { sql } from 'drizzle-orm'" : '',
    `import { ${imports.join(', ')} } from 'drizzle-orm/pg-core'`,
    '',
    usesBytea ? "const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })" : '',
    '',
    ...blocks.map((block) => `${block}\n`),
  ].join('\n')
}

/** Formats TypeScript source as `biome format` would write it to db/schema-pg.ts. */
export function formatLikeBiome(source: string): string {
  return execFileSync('npx', ['biome', 'check', '--write', `--stdin-file-path=${pgSchemaPath}`], {
    input: source,
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  })
}

export function generatedPgSchema(): string {
  return formatLikeBiome(renderPgSchema())
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(pgSchemaPath, generatedPgSchema())
}
