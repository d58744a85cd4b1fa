import type Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Db, Queryable } from './client.ts'
import { connectionOf } from './data-versions.ts'
import * as schema from './schema.ts'

/**
 * A drizzle query built once per connection and run with placeholders, for queries on every
 * request: building a query costs more than SQLite takes to answer it. It may be given a
 * transaction handle: SQLite transactions belong to the connection, so the query runs inside
 * whatever transaction is open on it.
 */
export function preparedFor<Q>(build: (db: Db) => Q): (db: Queryable) => Q {
  const byConnection = new WeakMap<Database.Database, Q>()
  return (db) => {
    const sqlite = connectionOf(db)
    let q = byConnection.get(sqlite)
    if (!q) {
      q = build(drizzle(sqlite, { schema }) as Db)
      byConnection.set(sqlite, q)
    }
    return q
  }
}

/** The most rows one multi-row statement takes; longer lists go in several. */
const ROWS_PER_STATEMENT = 50

/**
 * preparedFor, for a statement over `k` rows (a multi-row INSERT, an IN list): built once per
 * connection and row count, its placeholders named `<name>_<row>` (rowPlaceholder, rowParams).
 */
export function preparedForRows<Q>(build: (db: Db, k: number) => Q): (db: Queryable, k: number) => Q {
  const byCount = new Map<number, (db: Queryable) => Q>()
  return (db, k) => {
    let q = byCount.get(k)
    if (!q) {
      q = preparedFor((d) => build(d, k))
      byCount.set(k, q)
    }
    return q(db)
  }
}

/** The placeholder of column `name` in row `i` of a preparedForRows statement. */
export const rowPlaceholder = (name: string, i: number) => sql.placeholder(`${name}_${i}`)

/** The values of rows for a preparedForRows statement, each row's names suffixed with its index. */
export function rowParams(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  rows.forEach((row, i) => {
    for (const [name, value] of Object.entries(row)) params[`${name}_${i}`] = value
  })
  return params
}

/** `items` in slices of at most ROWS_PER_STATEMENT, each given to `run`; the results joined. */
export function inChunks<I, R>(items: readonly I[], run: (chunk: readonly I[]) => R[]): R[] {
  const out: R[] = []
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT)
    out.push(...run(items.slice(i, i + ROWS_PER_STATEMENT)))
  return out
}
