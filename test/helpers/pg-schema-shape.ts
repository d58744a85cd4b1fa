import pg from 'pg'
import { readPgMigrations } from '../../db/pg/migration-files.ts'
import { normaliseExpression, type SchemaShape, type TableShape, typeClass } from './schema-shape.ts'

export type PgSchema = { client: pg.Client; schema: string; drop: () => Promise<void> }

/**
 * A fresh schema on the PostgreSQL server at `url` with every committed PostgreSQL migration
 * applied in it (search_path), as a test run on PostgreSQL gets; `drop` removes it.
 */
export async function migratedPgSchema(url: string): Promise<PgSchema> {
  const client = new pg.Client(url)
  await client.connect()
  const schema = `s_parity_${process.pid}_${Date.now()}`
  await client.query(`create schema ${schema}`)
  const drop = async () => {
    try {
      await client.query(`drop schema ${schema} cascade`)
    } finally {
      await client.end()
    }
  }
  try {
    await client.query(`set search_path to ${schema}`)
    await client.query('begin')
    for (const m of readPgMigrations())
      for (const statement of m.sql) await client.query(statement.replaceAll('"public".', ''))
    await client.query('commit')
  } catch (e) {
    await client.query('rollback')
    await drop()
    throw e
  }
  return { client, schema, drop }
}

const CONSTRAINT_ACTIONS: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
}

/** pg_trigger.tgtype bits (PostgreSQL's include/catalog/pg_trigger.h). */
const TG_BEFORE = 2
const TG_INSTEAD = 64
const TG_EVENTS: [number, string][] = [
  [4, 'insert'],
  [8, 'delete'],
  [16, 'update'],
  [32, 'truncate'],
]

/** The PostgreSQL triggers that have no SQLite counterpart: ids as AUTOINCREMENT gives them. */
export const FILL_ID_TRIGGER = /_fill_id$/

const attributeNames = (keys: string, relation: string) => `array(
  select a.attname::text from unnest(${keys}) with ordinality k(attnum, ord)
  join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum order by k.ord)`

export async function pgSchemaShape(client: pg.Client, schema: string): Promise<SchemaShape> {
  const rows = async <T extends object>(text: string) => (await client.query<T>(text, [schema])).rows
  const tables: Record<string, TableShape> = {}
  const tableOf = (name: string) => {
    tables[name] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {}, checks: {} }
    return tables[name]
  }
  for (const c of await rows<{
    table_name: string
    column_name: string | null
    data_type: string
    not_null: boolean
    column_default: string | null
  }>(
    `select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as data_type,
       a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as column_default
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where n.nspname = $1 and c.relkind in ('r', 'p') and c.relname <> '__drizzle_migrations'
     order by c.relname, a.attnum`,
  )) {
    const table = tableOf(c.table_name)
    if (c.column_name === null) continue
    const serial = c.column_default?.startsWith('nextval(') ?? false
    table.columns[c.column_name] = {
      type: typeClass(c.data_type),
      notNull: c.not_null,
      default: c.column_default === null || serial ? null : normaliseExpression(c.column_default),
    }
  }

  for (const i of await rows<{
    table: string
    name: string
    unique: boolean
    primary: boolean
    constraint_unique: boolean
    where: string | null
    columns: string[]
  }>(
    `select c.relname as table, i.relname as name, ix.indisunique as unique, ix.indisprimary as primary,
       exists (select 1 from pg_constraint co where co.conindid = ix.indexrelid and co.contype = 'u')
         as constraint_unique,
       pg_get_expr(ix.indpred, ix.indrelid) as where,
       ${attributeNames('ix.indkey', 'c.oid')} as columns
     from pg_index ix
     join pg_class i on i.oid = ix.indexrelid
     join pg_class c on c.oid = ix.indrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1`,
  )) {
    if (!(i.table in tables)) continue
    if (i.primary) {
      tableOf(i.table).primaryKey = i.columns
      continue
    }
    const key = i.constraint_unique ? `unique(${i.columns.join(', ')})` : i.name
    tableOf(i.table).indexes[key] = {
      columns: i.columns,
      unique: i.unique,
      where: i.where === null ? null : normaliseExpression(i.where),
    }
  }

  for (const k of await rows<{
    table: string
    name: string
    type: string
    definition: string
    on_delete: string
    on_update: string
    ref_table: string | null
    columns: string[]
    ref_columns: string[]
  }>(
    `select cl.relname as table, co.conname as name, co.contype as type,
       pg_get_constraintdef(co.oid) as definition,
       co.confdeltype as on_delete, co.confupdtype as on_update, rc.relname as ref_table,
       ${attributeNames('co.conkey', 'co.conrelid')} as columns,
       ${attributeNames('co.confkey', 'co.confrelid')} as ref_columns
     from pg_constraint co
     join pg_class cl on cl.oid = co.conrelid
     join pg_namespace n on n.oid = cl.relnamespace
     left join pg_class rc on rc.oid = co.confrelid
     where n.nspname = $1 and co.contype in ('f', 'c')`,
  )) {
    if (!(k.table in tables)) continue
    if (k.type === 'c') {
      tableOf(k.table).checks[k.name] = normaliseExpression(k.definition.replace(/^CHECK\s*/i, ''))
      continue
    }
    tableOf(k.table).foreignKeys[`(${k.columns.join(', ')}) -> ${k.ref_table}(${k.ref_columns.join(', ')})`] =
      {
        onDelete: CONSTRAINT_ACTIONS[k.on_delete] ?? k.on_delete,
        onUpdate: CONSTRAINT_ACTIONS[k.on_update] ?? k.on_update,
      }
  }

  const triggers: SchemaShape['triggers'] = {}
  for (const t of await rows<{ name: string; table: string; type: number; columns: string[] }>(
    `select t.tgname as name, c.relname as table, t.tgtype as type,
       ${attributeNames('t.tgattr::int2[]', 't.tgrelid')} as columns
     from pg_trigger t
     join pg_class c on c.oid = t.tgrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and not t.tgisinternal`,
  )) {
    if (FILL_ID_TRIGGER.test(t.name)) continue
    triggers[t.name] = {
      table: t.table,
      timing: t.type & TG_BEFORE ? 'before' : t.type & TG_INSTEAD ? 'instead of' : 'after',
      event: TG_EVENTS.filter(([bit]) => t.type & bit)
        .map(([, event]) => event)
        .join(' or '),
      columns: [...t.columns].sort(),
    }
  }

  const versionedTables = (
    await client.query<{ table_name: string }>(`select table_name from ${schema}.data_versions`)
  ).rows.map((r) => r.table_name)
  return { tables, triggers, versionedTables }
}
