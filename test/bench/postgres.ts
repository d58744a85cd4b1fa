import pg from 'pg'
import { openDb } from '../../db/client.ts'
import { copyToPostgres } from '../../db/copy-to-postgres.ts'
import type { PgFacade } from '../../db/pg/sqlite-facade.ts'

/** The bench's databases on the PostgreSQL server of `DATABASE_URL` are named with this prefix. */
const PREFIX = 'b_bench_'

/** `url` with its database replaced by `name`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'liaison-bench' })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Rows of one query on the database at `url`, through a connection of its own. */
export function pgRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query(sql, params)).rows as T[])
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const rows = await pgRows(serverUrl, 'select 1 from pg_database where datname = $1', [`${PREFIX}${name}`])
  return rows.length > 0
}

/** A new, empty database `b_bench_<name>` on the server of `serverUrl` (dropped first if it is left from a failed run); its URL. */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  await dropBenchDatabase(serverUrl, name)
  await withClient(serverUrl, (c) => c.query(`create database "${PREFIX}${name}"`))
  return databaseUrl(serverUrl, `${PREFIX}${name}`)
}

export function benchDatabaseUrl(serverUrl: string, name: string): string {
  return databaseUrl(serverUrl, `${PREFIX}${name}`)
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`drop database if exists "${PREFIX}${name}" with (force)`))
}

/**
 * Creates Liaison's tables in the empty database at `url` (as a starting server does) and copies
 * the SQLite database at `sqlitePath` into it with the CLI's copy-to-postgres (several hundred rows
 * per INSERT, every table's row count checked), then analyzes it so the planner knows its sizes.
 *
 * The triggers stay off while it copies (session_replication_role, a superuser's setting): each
 * data-version trigger updates one row per inserted row, and a million updates of one row in one
 * transaction take time that grows with their number. Ids are copied as they are, so the id
 * trigger has nothing to give; each id sequence is then set to its table's largest id.
 */
export async function loadFromSqlite(sqlitePath: string, url: string): Promise<void> {
  const migrated = openDb(url)
  ;(migrated.$client as unknown as PgFacade).connection.close()
  const source = openDb(sqlitePath)
  try {
    await withClient(url, async (client) => {
      await client.query('set session_replication_role = replica')
      const result = await copyToPostgres(source.$client, client)
      if (!result.ok) throw new Error(`copying the bench data into PostgreSQL failed: ${result.detail}`)
      await client.query('set session_replication_role = origin')
      const { rows } = await client.query<{ t: string; s: string }>(
        `select table_name t, pg_get_serial_sequence(quote_ident(table_name), 'id') s from information_schema.columns
          where table_schema = current_schema() and column_name = 'id' and column_default like 'nextval(%'`,
      )
      for (const { t, s } of rows) {
        await client.query(
          `select setval($1::regclass, m) from (select max(id) m from "${t}") q
            where m > coalesce(pg_sequence_last_value($1::regclass), 0)`,
          [s],
        )
      }
      await client.query('analyze')
    })
  } finally {
    source.$client.close()
  }
}

/**
 * The PostgreSQL limit the durable paths are compared with: single-row INSERTs committed one
 * after another from one connection with synchronous_commit=on (each waits for its WAL flush),
 * the analogue of the SQLite raw-commit baseline.
 */
export async function rawPgCommitsPerSecond(url: string, seconds: number): Promise<number> {
  return withClient(url, async (c) => {
    await c.query('set synchronous_commit = on')
    await c.query('create table if not exists bench_raw_commits (id bigserial primary key, v text not null)')
    await c.query('truncate bench_raw_commits')
    const insert = { name: 'raw', text: 'insert into bench_raw_commits (v) values ($1)' }
    const end = performance.now() + seconds * 1000
    let n = 0
    while (performance.now() < end) {
      await c.query({ ...insert, values: [`row ${n}`] })
      n++
    }
    await c.query('drop table bench_raw_commits')
    return Math.round(n / seconds)
  })
}
