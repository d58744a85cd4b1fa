import type Database from 'better-sqlite3'
import type pg from 'pg'
import { writeLockKey } from './pg/sqlite-facade.ts'

/** Tables that are bookkeeping of each database, not data: never copied, never compared. */
const OWN_TO_EACH_DATABASE = new Set(['__drizzle_migrations', 'data_versions'])

/** Rows per INSERT statement, fewer for wide tables (PostgreSQL takes at most 65,535 parameters). */
const ROWS_PER_INSERT = 500
const MAX_PARAMETERS = 65_535

export type TableCount = { table: string; sqlite: number; postgres: number }

export type CopyResult =
  | { ok: true; tables: TableCount[] }
  | { ok: false; reason: 'not-migrated' | 'not-empty' | 'refused'; detail: string }
  | { ok: false; reason: 'mismatch'; detail: string; tables: TableCount[] }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The source's tables, each after every table its foreign keys point to (ties by name). */
export function tablesInForeignKeyOrder(sqlite: Database.Database): string[] {
  const names = (
    sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'",
      )
      .pluck()
      .all() as string[]
  )
    .filter((n) => !OWN_TO_EACH_DATABASE.has(n))
    .sort()
  const parents = new Map(
    names.map((n) => [
      n,
      new Set(
        (sqlite.pragma(`foreign_key_list(${quote(n)})`) as { table: string }[])
          .map((fk) => fk.table)
          .filter((t) => t !== n),
      ),
    ]),
  )
  const ordered: string[] = []
  const placed = new Set<string>()
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)))
    if (!ready.length) {
      const left = names.filter((n) => !placed.has(n))
      throw new Error(`The foreign keys of ${left.join(', ')} form a cycle; they cannot be copied in order.`)
    }
    for (const n of ready) {
      ordered.push(n)
      placed.add(n)
    }
  }
  return ordered
}

function sqliteColumns(sqlite: Database.Database, table: string): { name: string; pk: number }[] {
  return sqlite.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[]
}

async function postgresColumns(client: pg.Client): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`,
  )
  const tables = new Map<string, Set<string>>()
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Set())
    tables.get(r.table_name)!.add(r.column_name)
  }
  return tables
}

/** Why the target cannot take the source's tables as they are, or null. */
function schemaProblem(sqlite: Database.Database, tables: string[], target: Map<string, Set<string>>) {
  if (!target.has('__drizzle_migrations'))
    return 'The PostgreSQL database has no Liaison tables: start Liaison on it once (DATABASE_URL) to create them.'
  for (const table of tables) {
    const columns = target.get(table)
    if (!columns)
      return `The PostgreSQL database has no table ${table}: run the same Liaison version on both before copying.`
    const missing = sqliteColumns(sqlite, table).filter((c) => !columns.has(c.name))
    if (missing.length)
      return `The PostgreSQL table ${table} has no column ${missing.map((c) => c.name).join(', ')}: run the same Liaison version on both before copying.`
  }
  return null
}

async function countRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quote(table)}`)
  return Number(rows[0]!.n)
}

/**
 * Copies every Liaison table of an SQLite database into an empty, migrated PostgreSQL database
 * (`client`'s current schema) in one transaction: tables in foreign-key order, values as they are
 * (the PostgreSQL columns keep SQLite's storage classes), several hundred rows per INSERT. Then
 * compares each table's row count on both sides and commits only when all agree. The ids'
 * sequences end where SQLite's AUTOINCREMENT stood, so the next row gets the id SQLite would give.
 * The SQLite side is read in one read transaction, a consistent snapshot while a server writes.
 */
export async function copyToPostgres(sqlite: Database.Database, client: pg.Client): Promise<CopyResult> {
  const tables = tablesInForeignKeyOrder(sqlite)
  const target = await postgresColumns(client)
  const problem = schemaProblem(sqlite, tables, target)
  if (problem) return { ok: false, reason: 'not-migrated', detail: problem }

  const schema = (await client.query<{ s: string }>('select current_schema() as s')).rows[0]!.s
  await client.query('begin')
  sqlite.exec('begin')
  try {
    // The app's own write lock (db/pg/sqlite-facade.ts): no app process writes while we copy.
    await client.query(`select pg_advisory_xact_lock(${writeLockKey(schema)})`)
    const filled: string[] = []
    for (const table of [...target.keys()].filter((t) => !OWN_TO_EACH_DATABASE.has(t)).sort()) {
      const n = await countRows(client, table)
      if (n > 0) filled.push(`${table} (${n})`)
    }
    if (filled.length) {
      await client.query('rollback')
      return {
        ok: false,
        reason: 'not-empty',
        detail: `The PostgreSQL database already holds data: ${filled.join(', ')}. Copy only into a new, empty database; nothing was written.`,
      }
    }

    for (const table of tables) {
      try {
        await copyTable(sqlite, client, table)
      } catch (e) {
        await client.query('rollback')
        // A value PostgreSQL's column does not take (SQLite's columns take any type), or a broken reference.
        const detail = `PostgreSQL refused a row of ${table}: ${(e as Error).message}. Nothing was written.`
        return { ok: false, reason: 'refused', detail }
      }
    }
    await continueSequences(sqlite, client)

    const counts: TableCount[] = []
    for (const table of tables) {
      const n = sqlite
        .prepare(`select count(*) from ${quote(table)}`)
        .pluck()
        .get() as number
      counts.push({ table, sqlite: n, postgres: await countRows(client, table) })
    }
    const wrong = counts.filter((c) => c.sqlite !== c.postgres)
    if (wrong.length) {
      await client.query('rollback')
      return {
        ok: false,
        reason: 'mismatch',
        detail: `Row counts differ in ${wrong.map((c) => c.table).join(', ')}; nothing was kept.`,
        tables: counts,
      }
    }
    await client.query('commit')
    return { ok: true, tables: counts }
  } catch (e) {
    await client.query('rollback').catch(() => {})
    throw e
  } finally {
    if (sqlite.inTransaction) sqlite.exec('commit')
  }
}

async function copyTable(sqlite: Database.Database, client: pg.Client, table: string) {
  const columns = sqliteColumns(sqlite, table)
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const order = keys.length ? keys.map((c) => quote(c.name)).join(', ') : 'rowid'
  const names = columns.map((c) => quote(c.name))
  const perInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / names.length)))
  const read = sqlite
    .prepare(`select ${names.join(', ')} from ${quote(table)} order by ${order}`)
    .raw()
    .safeIntegers()
  let batch: unknown[][] = []
  const flush = async () => {
    if (!batch.length) return
    const rows = batch.map((_, r) => `(${names.map((_, c) => `$${r * names.length + c + 1}`).join(', ')})`)
    await client.query(
      `insert into ${quote(table)} (${names.join(', ')}) values ${rows.join(', ')}`,
      batch.flat(),
    )
    batch = []
  }
  for (const row of read.iterate() as Iterable<unknown[]>) {
    batch.push(row)
    if (batch.length === perInsert) await flush()
  }
  await flush()
}

/**
 * SQLite's AUTOINCREMENT never gives an id again, even one whose row was deleted: sqlite_sequence
 * keeps the highest. The id trigger has taken each sequence to the highest id copied; this takes
 * it further where SQLite had gone further.
 */
async function continueSequences(sqlite: Database.Database, client: pg.Client) {
  const hasSequences = sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_sequence'").get()
  if (!hasSequences) return
  const rows = sqlite.prepare('select name, seq from sqlite_sequence').all() as {
    name: string
    seq: number
  }[]
  for (const { name, seq } of rows) {
    if (OWN_TO_EACH_DATABASE.has(name) || seq <= 0) continue
    await client.query(
      `select setval(s, greatest($2::bigint, coalesce(pg_sequence_last_value(s), 0)))
         from (select pg_get_serial_sequence($1, 'id')::regclass as s) q where s is not null`,
      [quote(name), seq],
    )
  }
}
