import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import type { Db } from '../client.ts'
import * as schema from '../schema.ts'
import { PgFacade, writeLockKey } from './sqlite-facade.ts'
import { pgConnection } from './sync-connection.ts'

export const pgMigrationsFolder = join(PROJECT_ROOT, 'db', 'migrations-pg')

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target)
}

/**
 * Opens the PostgreSQL database at `url` behind the synchronous facade and brings its schema up
 * to date. `schema` is the PostgreSQL schema Liaison's tables live in: `public` in a deployment,
 * a fresh one per test database.
 */
export function openPgDb(url: string, opts: { schema?: string } = {}): Db {
  const schemaName = opts.schema ?? 'public'
  const facade = new PgFacade(pgConnection(url), schemaName)
  migrateUnderAdvisoryLock(facade)
  return drizzle(facade as unknown as Database.Database, { schema }) as unknown as Db
}

/** A new, empty schema for one test database (`openDb(':memory:')` on PostgreSQL). */
export function openFreshPgDb(url: string): Db {
  const name = `t_${process.pid}_${randomBytes(5).toString('hex')}`
  return openPgDb(url, { schema: name })
}

/**
 * drizzle's migration bookkeeping, applied under an advisory lock: N processes starting together
 * on a new database wait for the first, then find nothing left to apply. DDL is transactional in
 * PostgreSQL, so a migration that fails leaves nothing behind.
 */
function migrateUnderAdvisoryLock(facade: PgFacade) {
  const migrations = readMigrationFiles({ migrationsFolder: pgMigrationsFolder })
  const quoted = `"${facade.schema.replaceAll('"', '""')}"`
  const send = (sql: string) => facade.connection.send({ op: 'exec', schema: facade.schema, sql })
  send(`begin; select pg_advisory_xact_lock(${writeLockKey(`migrate:${facade.schema}`)})`)
  try {
    send(`create schema if not exists ${quoted}`)
    send(
      'create table if not exists "__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)',
    )
    const last = facade.query('select max(created_at) from "__drizzle_migrations"', []).rows[0]?.[0] as
      | number
      | null
    for (const m of migrations) {
      if (last !== null && last !== undefined && Number(last) >= m.folderMillis) continue
      for (const statement of m.sql) {
        if (statement.trim()) send(statement.replaceAll('"public".', ''))
      }
      facade.query('insert into "__drizzle_migrations" (hash, created_at) values ($1, $2)', [
        m.hash,
        m.folderMillis,
      ])
    }
    send('commit')
  } catch (e) {
    try {
      send('rollback')
    } catch {
      // The connection failed: PostgreSQL has rolled back.
    }
    throw e
  }
}
