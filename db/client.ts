import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { PROJECT_ROOT } from '../server/project-root.ts'
import * as schema from './schema.ts'
import { cacheStatements } from './statement-cache.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = join(PROJECT_ROOT, 'db', 'migrations')

/**
 * Opens (creating if needed) the SQLite database, sets the pragmas DESIGN §6 asks for and runs
 * the committed migrations. ':memory:' gives a private in-memory database (tests).
 */
export function openDb(path: string, opts: { onSql?: (sql: string) => void } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path, opts.onSql ? { verbose: (sql) => opts.onSql?.(String(sql)) } : {})
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  // An acknowledged write must survive a power cut, so FULL rather than WAL's usual NORMAL.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder })
  return db
}

export function checkDb(db: Db): boolean {
  try {
    return db.$client.prepare('select 1 as ok').get() !== undefined
  } catch {
    return false
  }
}

/** A transaction handle; query helpers that may run inside a caller's transaction take `Queryable`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type Queryable = Db | Tx
