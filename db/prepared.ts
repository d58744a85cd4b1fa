import type Database from 'better-sqlite3'
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
