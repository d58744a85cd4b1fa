import type { Db } from './client.ts'

/**
 * A drizzle query built once per database and run with placeholders, for queries on every
 * request: building a query costs more than SQLite takes to answer it.
 */
export function preparedFor<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>()
  return (db) => {
    let q = byDb.get(db)
    if (!q) {
      q = build(db)
      byDb.set(db, q)
    }
    return q
  }
}
